// CRLF injection and response splitting as scanners send it: a line break (raw after the
// carrier's decoding, percent-encoded once or twice, as %u000a, or as the UTF-8 look-alikes
// some servers fold to CR/LF) followed by a header a browser or cache obeys (Set-Cookie,
// Location, Content-Type, Content-Length, X-XSS-Protection, Access-Control-*) or by a whole
// second response; in query and form values, the path, cookies, JSON strings and redirect parameters.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";

const pickR = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const word = (r: R, n = 5) => Array.from({ length: n }, () => String.fromCharCode(0x61 + r(26))).join("");
const caseMix = (r: R, s: string) => [...s].map((c) => (r(3) === 0 ? c.toUpperCase() : r(2) ? c.toLowerCase() : c)).join("");

/** The injected header lines. */
const HEADER: ((r: R) => string)[] = [
  (r) => `Set-Cookie: ${pickR(r, ["session", "crlf", "admin", word(r)])}=${word(r, 8)}${r(2) ? "; Path=/" : ""}${r(3) === 0 ? "; HttpOnly" : ""}`,
  (r) => `Location: ${pickR(r, ["http://", "https://", "//"])}${word(r)}.example/${word(r, 3)}`,
  (r) => `Content-Type: text/html`,
  () => `Content-Length: 0`,
  () => `X-XSS-Protection: 0`,
  (r) => `Access-Control-Allow-Origin: ${pickR(r, ["*", "https://" + word(r) + ".example"])}`,
  (r) => `Refresh: 0; url=http://${word(r)}.example/`,
  (r) => `${pickR(r, ["X-Injected", "X-" + word(r, 4), "Injected-Header"])}: ${word(r)}`,
  (r) => `Link: <http://${word(r)}.example/a.css>; rel=stylesheet`,
];
/** A second response after the split (a blank line, a status line, HTML). */
const SPLIT: ((r: R) => string)[] = [
  (r) => `Content-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<script>alert(${r(99)})</script>`,
  (r) => `\r\n<html><body>${word(r)}</body></html>`,
  () => `\r\n\r\n<svg onload=alert(1)>`,
];
/** The break as the application receives it after the carrier's own decoding. */
const BREAK_DECODED = ["\r\n", "\n", "\r", "\r\n ", "\r\n\t"];

type Carrier = "query" | "form" | "path" | "cookie" | "json" | "redirect";

/** The break on the wire: once decoded by the carrier, or something the application decodes again. */
function wireBreak(r: R, raw: string, c: Carrier): string {
  const once = [...raw].map((ch) => "%" + ch.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()).join("");
  if (c === "json") return pickR(r, [raw, raw]);
  switch (r(6)) {
    case 0: return once.toLowerCase();
    case 1: return once.replace(/%/g, "%25"); // double encoded: the application decodes it again
    case 2: return [...raw].map((ch) => "%u00" + ch.charCodeAt(0).toString(16).padStart(2, "0")).join("");
    case 3: return raw === "\r\n" ? "%E5%98%8D%E5%98%8A" : once; // U+560D U+560A: folded to CR LF by lossy servers
    default: return once;
  }
}

export const crlfAttack: fc.Arbitrary<{ value: string; where: string; req: Req }> = fc.nat().map((seed) => {
  const r = rng(seed);
  const c = pickR(r, ["query", "form", "path", "cookie", "json", "redirect"] as Carrier[]);
  const raw = pickR(r, BREAK_DECODED);
  const injected = r(5) === 0 ? pickR(r, SPLIT)(r) : caseMix(r, pickR(r, HEADER)(r).split(":")[0]) + ":" + pickR(r, HEADER)(r).split(":").slice(1).join(":");
  const prefix = pickR(r, ["", word(r), "en", "/" + word(r), "1"]);
  const brk = wireBreak(r, raw, c);
  const tail = c === "json" ? injected : injected.replace(/\r\n/g, pickR(r, ["%0d%0a", "%0D%0A"])).replace(/[ ;=<>]/g, (ch) => (r(2) ? encodeURIComponent(ch) : ch === " " ? "%20" : ch));
  const value = `${prefix}${brk}${tail}`;
  const host: [string, string] = ["host", "svc.local"];
  let req: Req;
  switch (c) {
    case "query": req = { method: "GET", path: `/${pickR(r, ["search", "lang", "page"])}?${pickR(r, ["q", "lang", "next", "view"])}=${value}`, headers: [host] }; break;
    case "redirect": req = { method: "GET", path: `/${pickR(r, ["login", "logout", "redirect", "sso/callback"])}?${pickR(r, ["return", "returnUrl", "next", "redirect_uri", "url"])}=${pickR(r, ["/", "https://svc.local/"])}${value}`, headers: [host] }; break;
    case "form": req = { method: "POST", path: "/settings", headers: [host, ["content-type", "application/x-www-form-urlencoded"]], body: `theme=dark&${pickR(r, ["lang", "name", "next"])}=${value}` }; break;
    case "path": req = { method: "GET", path: `/${pickR(r, ["", "static/", "r/"])}${value.replace(/\?/g, "%3F")}`, headers: [host] }; break;
    case "cookie": req = { method: "GET", path: "/", headers: [host, ["cookie", `lang=${value.replace(/;/g, "%3B")}`]] }; break;
    default: req = { method: "POST", path: "/api/profile", headers: [host, ["content-type", "application/json"]], body: JSON.stringify({ [pickR(r, ["name", "lang", "redirect"])]: prefix + brk + injected }) };
  }
  return { value, where: c, req };
});

/** Line breaks used honestly: multi-line text, addresses, logs pasted in a form, a header-like word in prose. */
export const crlfBenign: fc.Arbitrary<string> = fc.constantFrom(
  "line one\r\nline two", "Dear team,\n\nthe Location: field of the form is empty.\nThanks", "Street 1\r\nCity", "Set-Cookie is explained in RFC 6265",
  "notes:\n- buy milk\n- call Bob", "Content-Type: text/plain is the default", "Error log:\r\n  at main (app.js:3)", "Hi,\nplease set the cookie: banner to hidden",
);
