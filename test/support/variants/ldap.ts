// LDAP filter injection variants: a value closes the filter it lands in and opens clauses
// that are always true or enumerate attributes, with wildcards and NUL truncation.
import fc from "fast-check";
import { pick } from "./positions.js";

const ATTR = pick(["uid", "cn", "objectClass", "userPassword", "mail", "sn", "memberOf", "description"]);
export const ldapAttack: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(pick(["*", "admin", "jdoe", ""]), pick([")(", "))(", ")(|(", ")(&("]), ATTR, pick(["=*", "=*)", "=*))", "=a*)(|(cn=*"]), pick(["", "%00", "))(|(uid=*"])).map((xs) => xs.join("")),
  fc.tuple(ATTR, pick(["*)(", "*))(|("]), ATTR, pick(["=*", "=*)"])).map(([a, o, b, c]) => `${a}${o}${b}${c}`),
  pick(["*)(uid=*))(|(uid=*", "admin)(&)", "*))%00", "admin)(|(password=*)", "x)(objectClass=*", "*)(|(objectClass=*))", "admin*)((|userPassword=*)"]),
);
export const ldapBenign: fc.Arbitrary<string> = pick([
  "John (Jack) Smith", "5 * 3 = 15", "a*b", "cn is short for common name", "smile :-)(", "Note (1) and (2)",
]);
export const ldapPositions = ["query", "form", "json", "cookie"] as ("query" | "form" | "json" | "cookie")[];
