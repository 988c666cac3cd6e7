// NoSQL injection as NoSQLMap and similar tools send it: operator objects in JSON bodies at any
// depth (login fields, filters, arrays of conditions, `$and`/`$or` trees), the same operators in
// bracket syntax in query and form names (`user[$ne]=`, `user[$regex]=^a`, `[$in][]=`, nested
// `filter[user][$gt]=`), JSON smuggled into a query value, and JavaScript for `$where`/`$function`/
// `$accumulator` (timing with sleep or busy loops, `this.` field tests, string breakouts).
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";

const pickR = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const word = (r: R, n = 5) => Array.from({ length: n }, () => String.fromCharCode(0x61 + r(26))).join("");
const FIELD = (r: R) => pickR(r, ["username", "password", "user", "login", "email", "pass", "token", "id", "name", "role"]);

/** An operator and a JSON value that makes the comparison true for every document (or probes it). */
const OP = (r: R): [string, string] => pickR(r, [
  ["$ne", pickR(r, ["null", "1", "\"\"", `"${word(r)}"`])], ["$gt", pickR(r, ["\"\"", "-1", "null"])], ["$gte", "\"\""], ["$lt", "\"~\""], ["$lte", "\"\\uffff\""],
  ["$regex", pickR(r, ["\".*\"", "\"^a\"", `"^${word(r, 1)}.*"`, "\"[\\\\s\\\\S]*\""])], ["$exists", pickR(r, ["true", "1"])], ["$nin", `["${word(r)}"]`], ["$in", `["admin","${word(r)}"]`],
  ["$not", `{"$eq":"${word(r)}"}`], ["$type", pickR(r, ["2", "\"string\""])], ["$size", "0"], ["$eq", "{\"$ne\":1}"],
]);
const JS = (r: R) => pickR(r, [
  `sleep(${1000 * (1 + r(9))})`, `this.${FIELD(r)}.length > ${r(30)}`, `this.${FIELD(r)}.match(/^${word(r, 1)}/)`, "1==1", "true",
  `function(){return this.${FIELD(r)} == '${word(r)}'}`, `var d=new Date();do{var c=new Date();}while(c-d<${1000 * (1 + r(5))})`, `Object.keys(this)[${r(5)}].match(/^${word(r, 1)}/)`,
]);
const JS_BREAK = (r: R) => pickR(r, [
  `${word(r)}'; return true; var ${word(r, 1)}='`, `' || '1'=='1`, `${word(r)}' || this.${FIELD(r)}.match(/.*/) || '`, `'; sleep(${1000 * (1 + r(9))}); var x='`,
  `"; return this.${FIELD(r)} != "" ; var y="`, `1; return true`, `' && this.${FIELD(r)}.length > ${r(30)} && 'a'=='a`,
]);

function jsonCondition(r: R, depth: number): string {
  switch (depth > 1 ? r(2) : r(6)) {
    case 0: { const [o, v] = OP(r); return `"${FIELD(r)}":{"${o}":${v}}`; }
    case 1: { const [o, v] = OP(r); return `"${FIELD(r)}":{"${o}":${v}},"${FIELD(r)}":"${word(r)}"`; }
    case 2: return `"${pickR(r, ["$or", "$and", "$nor"])}":[{${jsonCondition(r, depth + 1)}},{${jsonCondition(r, depth + 1)}}]`;
    case 3: return `"${pickR(r, ["$where", "$where"])}":${JSON.stringify(JS(r))}`;
    case 4: return `"${pickR(r, ["filter", "query", "where", "criteria"])}":{${jsonCondition(r, depth + 1)}}`;
    default: return `"$expr":{"$function":{"body":${JSON.stringify(`function(){${JS(r)}}`)},"args":[],"lang":"js"}}`;
  }
}

/** A bracketed name: `user[$ne]`, `filter[user][$regex]`, `user[$in][]`. */
function bracketName(r: R, op: string, enc: boolean): string {
  const o = enc ? encodeURIComponent(`[${op}]`) : `[${op}]`;
  return `${r(3) === 0 ? pickR(r, ["filter", "where", "q"]) + "[" + FIELD(r) + "]" : FIELD(r)}${o}${op === "$in" || op === "$nin" ? "[]" : ""}`;
}

export const nosqlMapAttack: fc.Arbitrary<{ where: string; req: Req }> = fc.nat().map((seed) => {
  const r = rng(seed);
  const host: [string, string] = ["host", "svc.local"];
  switch (r(5)) {
    case 0: case 1: return { where: "json", req: { method: "POST", path: pickR(r, ["/api/login", "/api/users/search", "/graphql-ish"]), headers: [host, ["content-type", "application/json"]], body: `{${jsonCondition(r, 0)}${r(2) ? `,"${word(r)}":${r(99)}` : ""}}` } };
    case 2: {
      const [o, v] = OP(r);
      const name = bracketName(r, o, r(2) === 0);
      const val = encodeURIComponent(v.replace(/^"|"$/g, "").replace(/^\[.*\]$/, word(r)));
      const qs = `${name}=${val}&${r(2) ? FIELD(r) + "=" + word(r) : bracketName(r, OP(r)[0], false) + "=1"}`;
      return r(2) ? { where: "bracket-query", req: { method: "GET", path: `/login?${qs}`, headers: [host] } } : { where: "bracket-form", req: { method: "POST", path: "/login", headers: [host, ["content-type", "application/x-www-form-urlencoded"]], body: qs } };
    }
    case 3: return { where: "json-in-query", req: { method: "GET", path: `/api/items?${pickR(r, ["filter", "where", "q", "query"])}=${encodeURIComponent(`{${jsonCondition(r, 1)}}`)}`, headers: [host] } };
    default: {
      const v = JS_BREAK(r);
      return r(2) ? { where: "js-break-query", req: { method: "GET", path: `/search?${FIELD(r)}=${encodeURIComponent(v)}`, headers: [host] } } : { where: "js-break-json", req: { method: "POST", path: "/search", headers: [host, ["content-type", "application/json"]], body: JSON.stringify({ [FIELD(r)]: v }) } };
    }
  }
});

export const nosqlMapBenign: fc.Arbitrary<Req> = fc.constantFrom(
  `{"username":"jane","password":"$ne-cret!"}`, `{"price":{"amount":5,"currency":"USD"}}`, `{"filter":{"status":"open","owner":"me"}}`, `{"where":"Berlin","when":"today"}`,
  `{"query":"how do I use $regex in mongo?"}`, `{"sort":{"created":-1},"limit":20}`, `{"note":"this.value is 5 || more"}`, `{"template":"Hello ${"$"}{name}"}`,
).map((b): Req => ({ method: "POST", path: "/api/x", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: b }));
