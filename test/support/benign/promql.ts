// PromQL and LogQL as dashboards and alerting services send them to Prometheus/Loki/Thanos.
import fc from "fast-check";
import { pick, seq } from "../variants/positions.js";
import { decimal, duration, ident, phrase, small } from "./words.js";

const metric = fc.tuple(ident, pick(["_total", "_seconds", "_bytes", "_seconds_bucket", "", "_count", "_ratio"])).map(([a, b]) => a + b);
const matcher = fc.tuple(ident, pick(["=", "!=", "=~", "!~"]), fc.oneof(ident, ident.map((s) => `${s}.*`), fc.tuple(ident, ident).map(([a, b]) => `${a}|${b}`))).map(([l, op, v]) => `${l}${op}"${v}"`);
const selector = fc.tuple(metric, fc.array(matcher, { maxLength: 3 })).map(([m, ms]) => (ms.length ? `${m}{${ms.join(",")}}` : m));
const range = fc.tuple(selector, duration).map(([s, d]) => `${s}[${d}]`);
const AGG = pick(["sum", "max", "min", "avg", "count", "stddev", "group", "count_values", "topk", "bottomk", "quantile"]);
const RANGE_FN = pick(["rate", "irate", "increase", "delta", "avg_over_time", "max_over_time", "count_over_time", "deriv"]);

const rangeCall = fc.tuple(RANGE_FN, range).map(([f, r]) => `${f}(${r})`);
const inner = fc.oneof(selector, rangeCall);
const aggregated = fc.tuple(AGG, inner, pick(["", " by", " without"]), fc.array(ident, { minLength: 1, maxLength: 3 }), small).map(([a, e, grp, labels, k]) => {
  const arg = a === "topk" || a === "bottomk" ? `${k}, ${e}` : a === "quantile" ? `0.9, ${e}` : a === "count_values" ? `"${labels[0]}", ${e}` : e;
  return grp ? `${a}(${arg})${grp} (${labels.join(", ")})` : `${a}(${arg})`;
});
const quantile = fc.tuple(pick(["0.5", "0.9", "0.99"]), metric, pick(["5m", "1m", "1h"]), fc.array(ident, { maxLength: 2 })).map(([q, m, d, ls]) => `histogram_quantile(${q}, sum(rate(${m}_bucket[${d}])) by (le${ls.map((l) => ", " + l).join("")}))`);
const ratio = fc.tuple(aggregated, pick([" / ", " * 100 / ", " > ", " < ", " and ", " or ", " unless "]), aggregated).map(([a, op, b]) => `${a}${op}${b}`);
const alert = fc.tuple(aggregated, pick([">", "<", ">=", "=="]), decimal).map(([a, op, n]) => `${a} ${op} ${n}`);

export const promql: fc.Arbitrary<string> = fc.oneof(selector, aggregated, quantile, ratio, alert, fc.tuple(AGG, ident).map(([a, x]) => `${a}(${x})`));

const stage = fc.oneof(
  fc.tuple(pick(["|=", "!=", "|~", "!~"]), fc.oneof(phrase, ident)).map(([op, s]) => `${op} "${s}"`),
  pick(["| json", "| logfmt", "| unpack", "| pattern `<ip> - <_> \"<method> <path>\"`"]),
  fc.tuple(ident, pick(["=", "!=", ">", ">="]), fc.oneof(small, ident.map((s) => `"${s}"`))).map(([l, op, v]) => `| ${l} ${op} ${v}`),
  fc.tuple(ident).map(([l]) => `| line_format "{{.${l}}} {{.msg}}"`),
);
const logSelector = fc.tuple(fc.array(matcher, { minLength: 1, maxLength: 3 }), fc.array(stage, { maxLength: 3 })).map(([ms, st]) => `{${ms.join(", ")}} ${st.join(" ")}`.trim());
export const logql: fc.Arbitrary<string> = fc.oneof(
  logSelector,
  fc.tuple(pick(["sum", "count", "max"]), pick(["rate", "count_over_time", "bytes_over_time"]), logSelector, duration, ident).map(([a, f, s, d, l]) => `${a} by (${l}) (${f}(${s} [${d}]))`),
  seq("topk(", small, ", sum by (", ident, ") (rate(", logSelector, " [5m])))"),
);
