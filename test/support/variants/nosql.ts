// NoSQL (MongoDB-style) injection variants: query operators smuggled as JSON objects or as
// bracketed form/query names, and JavaScript in $where or string breakouts.
import fc from "fast-check";
import { pick } from "./positions.js";
import type { Req } from "../engine.js";

const OPS: [string, string][] = [
  ["$ne", "null"], ["$ne", "\"\""], ["$gt", "\"\""], ["$gte", "0"], ["$lt", "\"~\""], ["$regex", "\".*\""], ["$regex", "\"^adm\""], ["$exists", "true"],
  ["$in", "[\"admin\",\"root\"]"], ["$nin", "[]"], ["$where", "\"sleep(5000)\""], ["$where", "\"this.password.length > 0\""], ["$expr", "{\"$eq\":[1,1]}"], ["$not", "{\"$eq\":\"x\"}"],
];
const FIELDS = ["username", "password", "user", "email", "token", "id"];

/** A JSON login body with operator objects in place of strings. */
const jsonBody = fc.tuple(pick(FIELDS), pick(OPS), pick(FIELDS), pick(OPS), fc.boolean()).map(([f1, [o1, v1], f2, [o2, v2], both]): Req => ({
  method: "POST", path: "/api/login", headers: [["host", "svc.local"], ["content-type", "application/json"]],
  body: both ? `{"${f1}":{"${o1}":${v1}},"${f2 === f1 ? "pw" : f2}":{"${o2}":${v2}}}` : `{"${f1}":{"${o1}":${v1}},"remember":true}`,
}));
const topLevel = pick([`{"$where":"sleep(5000) || true"}`, `{"$or":[{"user":"admin"},{"a":{"$ne":1}}]}`, `{"filter":{"$where":"function(){return true}"}}`]).map((b): Req => ({
  method: "POST", path: "/api/search", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: b,
}));
/** `user[$ne]=x` in a query or a form body. */
const bracket = fc.tuple(pick(FIELDS), pick(OPS), pick(FIELDS), fc.boolean(), fc.boolean()).map(([f1, [o1], f2, form, enc]): Req => {
  const op = enc ? encodeURIComponent(`[${o1}]`) : `[${o1}]`;
  const q = `${f1}${op}=1&${f2}${op}=x`;
  return form
    ? { method: "POST", path: "/login", headers: [["host", "svc.local"], ["content-type", "application/x-www-form-urlencoded"]], body: q }
    : { method: "GET", path: `/login?${q}`, headers: [["host", "svc.local"]] };
});
/** JavaScript in a string that lands in a $where clause. */
export const nosqlJsBreak: fc.Arbitrary<string> = pick(["'; return true; var x='", "' || '1'=='1", "\" || this.password.match(/.*/)//", "'; while(true){}; '", "1; sleep(5000)", "' && this.isAdmin == true && 'a'=='a", "0;return db.users.find()"]);
const jsBreak = fc.tuple(nosqlJsBreak, fc.boolean()).map(([p, form]): Req =>
  form
    ? { method: "POST", path: "/search", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: JSON.stringify({ name: p }) }
    : { method: "GET", path: `/search?name=${encodeURIComponent(p)}`, headers: [["host", "svc.local"]] },
);

export const nosqlAttackRequest: fc.Arbitrary<Req> = fc.oneof(jsonBody, topLevel, bracket, jsBreak);

export const nosqlBenignRequest: fc.Arbitrary<Req> = pick([
  `{"username":"jane","password":"$ne-cret!"}`, `{"price":{"amount":5,"currency":"USD"}}`, `{"note":"costs $5 or $10","tags":["a","b"]}`, `{"query":"where is the $gt key on my keyboard"}`,
  `{"regex":"^[a-z]+$","name":"validator"}`, `{"items":[{"id":1},{"id":2}]}`, `{"comment":"this.password must be 8+ chars"}`,
]).map((b): Req => ({ method: "POST", path: "/api/x", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: b }));
