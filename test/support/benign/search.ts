// Search front-ends: Lucene/Kibana query strings and Elasticsearch/OpenSearch query DSL bodies.
import fc from "fast-check";
import { pick } from "../variants/positions.js";
import { date, decimal, dotted, ident, int, phrase, word } from "./words.js";

const term = fc.oneof(
  fc.tuple(ident, fc.oneof(ident, int)).map(([f, v]) => `${f}:${v}`),
  fc.tuple(ident, phrase).map(([f, v]) => `${f}:"${v}"`),
  fc.tuple(ident, int, int).map(([f, a, b]) => `${f}:[${a} TO ${b}]`),
  fc.tuple(ident, date).map(([f, d]) => `${f}:>=${d}`),
  fc.tuple(ident, word).map(([f, w]) => `${f}:${w}*`),
  word, phrase.map((p) => `"${p}"`), fc.tuple(word).map(([w]) => `${w}~`),
);
const group = fc.tuple(ident, fc.array(fc.oneof(ident, word), { minLength: 2, maxLength: 3 })).map(([f, vs]) => `(${vs.map((v) => `${f}:${v}`).join(" OR ")})`);
/** Lucene query string: terms joined by AND/OR/NOT, groups, ranges, wildcards. */
export const lucene: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof(term, group), pick([" AND ", " OR ", " AND NOT ", " ", " && ", " || "])), { minLength: 1, maxLength: 4 })
  .map((xs) => xs.map(([t, op], i) => (i ? op : "") + t).join(""));

const leaf = fc.oneof(
  fc.tuple(dotted, phrase).map(([f, v]) => ({ match: { [f]: v } })),
  fc.tuple(dotted, ident).map(([f, v]) => ({ term: { [`${f}.keyword`]: v } })),
  fc.tuple(dotted, fc.array(ident, { minLength: 1, maxLength: 3 })).map(([f, v]) => ({ terms: { [f]: v } })),
  fc.tuple(dotted, date, date).map(([f, a, b]) => ({ range: { [f]: { gte: a, lt: b, format: "yyyy-MM-dd" } } })),
  fc.tuple(dotted, decimal).map(([f, n]) => ({ range: { [f]: { gt: Number(n) } } })),
  fc.tuple(dotted).map(([f]) => ({ exists: { field: f } })),
  fc.tuple(dotted, word).map(([f, w]) => ({ wildcard: { [f]: `${w}*` } })),
  fc.tuple(phrase, fc.array(dotted, { minLength: 1, maxLength: 3 })).map(([q, fs]) => ({ multi_match: { query: q, fields: fs } })),
  fc.tuple(phrase).map(([q]) => ({ query_string: { query: q.split(" ").join(" AND ") } })),
);
const bool = fc.record({ must: fc.array(leaf, { maxLength: 3 }), filter: fc.array(leaf, { maxLength: 2 }), should: fc.array(leaf, { maxLength: 2 }), must_not: fc.array(leaf, { maxLength: 1 }) });
const aggs = fc.tuple(ident, dotted, pick(["terms", "avg", "sum", "max", "min", "cardinality", "date_histogram"])).map(([n, f, kind]) =>
  ({ [n]: kind === "date_histogram" ? { date_histogram: { field: f, calendar_interval: "1d" } } : { [kind]: { field: f, ...(kind === "terms" ? { size: 10 } : {}) } } }));
/** An Elasticsearch/OpenSearch search body. */
export const esQuery: fc.Arbitrary<object> = fc.tuple(bool, fc.option(aggs, { nil: undefined }), fc.integer({ min: 0, max: 500 }), dotted, pick(["asc", "desc"]), fc.option(fc.array(dotted, { minLength: 1, maxLength: 3 }), { nil: undefined }))
  .map(([b, a, from, sortField, order, src]) => ({ from, size: 20, query: { bool: b }, sort: [{ [sortField]: { order } }], ...(a ? { aggs: a } : {}), ...(src ? { _source: src } : {}) }));
