// Filter languages REST and identity APIs take in a query argument: OData $filter/$orderby,
// SCIM filters, JSONPath, analytics aggregate expressions and ranges of dates.
import fc from "fast-check";
import { pick } from "../variants/positions.js";
import { date, decimal, dotted, ident, int, pascal, small, timestamp, word } from "./words.js";

const odataLit = fc.oneof(word.map((w) => `'${w}'`), int, decimal, pick(["true", "false", "null"]), date);
const odataCmp = fc.oneof(
  fc.tuple(pascal, pick(["eq", "ne", "gt", "ge", "lt", "le"]), odataLit).map(([p, op, v]) => `${p} ${op} ${v}`),
  fc.tuple(pick(["contains", "startswith", "endswith"]), pascal, word).map(([f, p, w]) => `${f}(${p},'${w}')`),
  fc.tuple(pascal, pascal, word).map(([a, b, w]) => `${a}/any(x: x/${b} eq '${w}')`),
  fc.tuple(pick(["year", "month", "day"]), pascal, small).map(([f, p, n]) => `${f}(${p}) eq ${n}`),
  fc.tuple(pick(["tolower", "toupper", "trim"]), pascal, word).map(([f, p, w]) => `${f}(${p}) eq '${w}'`),
  fc.tuple(pascal, pick(["'", "’"]), word).map(([p, , w]) => `${p} eq 'O''${w}'`),
);
/** An OData `$filter` expression. */
export const odataFilter: fc.Arbitrary<string> = fc.array(fc.tuple(odataCmp, pick([" and ", " or ", " and not "])), { minLength: 1, maxLength: 3 })
  .map((xs) => xs.map(([c, op], i) => (i ? op : "") + c).join(""));
/** `$orderby`, `$select`, `$expand` values. */
export const odataOptions: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.tuple(pascal, pick(["", " asc", " desc"])).map(([p, o]) => p + o), { minLength: 1, maxLength: 3 }).map((xs) => xs.join(",")),
  fc.tuple(pascal, fc.array(pascal, { minLength: 1, maxLength: 3 })).map(([e, s]) => `${e}($select=${s.join(",")})`),
);

const scimAttr = fc.oneof(pick(["userName", "displayName", "emails.value", "name.familyName", "meta.lastModified", "active", "title", "groups.display"]), pascal);
const scimCmp = fc.oneof(
  fc.tuple(scimAttr, pick(["eq", "ne", "co", "sw", "ew"]), word).map(([a, op, w]) => `${a} ${op} "${w}"`),
  fc.tuple(scimAttr, pick(["gt", "ge", "lt", "le"]), timestamp).map(([a, op, t]) => `${a} ${op} "${t}"`),
  scimAttr.map((a) => `${a} pr`),
  fc.tuple(pick(["emails", "addresses", "phoneNumbers"]), word).map(([a, w]) => `${a}[type eq "work" and value co "${w}"]`),
);
/** A SCIM 2.0 filter. */
export const scimFilter: fc.Arbitrary<string> = fc.array(fc.tuple(scimCmp, pick([" and ", " or "])), { minLength: 1, maxLength: 3 })
  .map((xs) => xs.map(([c, op], i) => (i ? op : "") + (i === 2 ? `(${c})` : c)).join(""));

const jpStep = fc.oneof(
  ident.map((s) => `.${s}`), ident.map((s) => `['${s}']`), small.map((n) => `[${n}]`), pick(["[*]", ".*", "[0:5]", "[-1:]", ".."]),
  fc.tuple(ident, pick(["<", ">", "==", "!="]), fc.oneof(int, word.map((w) => `'${w}'`))).map(([f, op, v]) => `[?(@.${f} ${op} ${v})]`),
  ident.map((f) => `[?(@.${f})]`),
);
/** A JSONPath expression. */
export const jsonPath: fc.Arbitrary<string> = fc.array(jpStep, { minLength: 1, maxLength: 5 }).map((xs) => "$" + xs.join("").replace(/^\.\.\.+/, ".."));

const AGG = pick(["sum", "avg", "min", "max", "count", "median", "p95", "distinct"]);
/** One aggregate expression of an analytics API: `sum(amount)`, `count(*)`, `max(order.total)`. */
export const aggregate: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(AGG, dotted).map(([a, f]) => `${a}(${f})`),
  AGG.map((a) => `${a}(*)`),
  fc.tuple(AGG, dotted, ident).map(([a, f, n]) => `${a}(${f}) as ${n}`),
  fc.tuple(AGG, ident, AGG, ident).map(([a, f, b, g]) => `${a}(${f}),${b}(${g})`),
);
/** A whole query string of an analytics endpoint, unescaped: `agg=sum(amount)&group=day&from=...` (rawQuery escapes it). */
export const analyticsQuery: fc.Arbitrary<string> = fc.tuple(aggregate, pick(["day", "week", "month", "hour"]), date, date, ident, fc.option(fc.tuple(ident, pick([">", ">=", "<", "="]), int), { nil: undefined }))
  .map(([a, g, d1, d2, by, f]) => `agg=${a}&group=${g}&by=${by}&from=${d1}&to=${d2}` + (f ? `&having=${a.split(",")[0].split(" ")[0]} ${f[1]} ${f[2]}` : ""));
/** Dates and date ranges as typed in a filter box or query string. */
export const dateRange: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(ident, date, date).map(([f, a, b]) => `${f}>=${a}&${f}<${b}`),
  fc.tuple(date, date).map(([a, b]) => `${a}..${b}`),
  fc.tuple(date, date).map(([a, b]) => `${a}/${b}`),
  fc.tuple(timestamp, pick(["", "+02:00"])).map(([t, z]) => (z ? t.replace("Z", z) : t)),
  fc.tuple(ident, date).map(([f, d]) => `${f}>${d}`),
  date.map((d) => `[${d} TO *]`),
);
