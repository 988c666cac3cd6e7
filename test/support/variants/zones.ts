// A matrix of category x zone x encoding, as WAF bypass suites send it: every payload of a
// category's generator, passed through one encoder, placed in one zone (query argument, path,
// form, JSON, multipart field and file name, XML, SOAP, Cookie, Referer, User-Agent, a custom
// X- header, Authorization). An encoding is applied the way such tools apply it: in a zone whose
// syntax has the same escape (percent escapes in URL zones, \u escapes in JSON, character
// references in XML), the server undoes it before the application sees the payload; elsewhere
// the application sees the encoded text.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { mixCase } from "./positions.js";
import { rng } from "./rng.js";
import { dialectSqli } from "./sqli-dialects.js";
import { xssAttack } from "./xss.js";
import { rceAttack } from "./rce.js";
import { lfiAttack } from "./lfi.js";
import { rfiAttack } from "./rfi.js";
import { ssrfAttack } from "./ssrf.js";
import { sstiAttack } from "./ssti.js";
import { javaAttack } from "./java.js";
import { phpAttack } from "./php.js";
import { nodejsAttack } from "./nodejs.js";
import { ldapAttack } from "./ldap.js";
import { nosqlJsBreak } from "./nosql.js";
import { xxeDocument } from "./xxe.js";

export const CATEGORIES: Record<string, fc.Arbitrary<string>> = {
  sqli: dialectSqli.map((d) => d.value), xss: xssAttack, rce: rceAttack, lfi: lfiAttack, rfi: rfiAttack, ssrf: ssrfAttack, ssti: sstiAttack,
  java: javaAttack, php: phpAttack, nodejs: nodejsAttack, ldap: ldapAttack, nosql: nosqlJsBreak, xxe: xxeDocument,
};
export type Category = keyof typeof CATEGORIES;

export const ZONES = [
  "query", "path", "form", "json", "multipart-field", "multipart-filename", "xml", "soap",
  "cookie", "referer", "user-agent", "user-agent-tail", "x-header", "authorization",
  "arg-name", "json-key", "xml-attr", "body-raw", "body-text", "cookie-json", "header-json", "graphql",
] as const;
export type Zone = (typeof ZONES)[number];

export const ENCODINGS = ["plain", "url", "double-url", "base64", "js-unicode", "html-entity", "mixed-case", "fullwidth", "overlong", "percent-u"] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Zones whose syntax percent-escapes (the server decodes one level). */
const URL_ZONES: readonly Zone[] = ["query", "path", "form", "cookie", "referer", "arg-name"];

const hex2 = (b: number) => "%" + b.toString(16).toUpperCase().padStart(2, "0");
const utf8 = (s: string) => [...Buffer.from(s, "utf8")];
/** Every byte but letters and digits percent-encoded. */
const pctAll = (s: string) => utf8(s).map((b) => (/[A-Za-z0-9]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : hex2(b))).join("");
/** What a URL zone's syntax cannot hold raw: blanks, controls, non-ASCII, its delimiters, a `%` that starts no escape. */
function pctNeeded(s: string, delims: string): string {
  let out = "";
  const bytes = utf8(s);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const ch = String.fromCharCode(b);
    const escapeStart = b === 0x25 && /^[0-9A-Fa-f]{2}$/.test(String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0));
    out += b <= 0x20 || b >= 0x7f || delims.includes(ch) || (b === 0x25 && !escapeStart) ? hex2(b) : ch;
  }
  return out;
}
const jsUnicode = (s: string) => [...s].map((c) => (/[A-Za-z0-9]/.test(c) ? c : "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"))).join("");
const entities = (s: string) => [...s].map((c) => (/[A-Za-z0-9 ]/.test(c) ? c : `&#x${c.codePointAt(0)!.toString(16)};`)).join("");
/** ASCII printable to the full-width forms U+FF01..U+FF5E (NFKC and best-fit mappings fold them back). */
const fullwidth = (s: string) => [...s].map((c) => { const k = c.charCodeAt(0); return k > 0x20 && k < 0x7f ? String.fromCharCode(k + 0xfee0) : c; }).join("");
/** Every non-alphanumeric ASCII byte as an overlong two-byte UTF-8 sequence, percent-encoded. */
const overlong = (s: string) => utf8(s).map((b) => (b < 0x80 && !/[A-Za-z0-9]/.test(String.fromCharCode(b)) ? hex2(0xc0 | (b >> 6)) + hex2(0x80 | (b & 0x3f)) : b < 0x80 ? String.fromCharCode(b) : hex2(b))).join("");
/** Every non-alphanumeric character as IIS's `%uXXXX`. */
const percentU = (s: string) => [...s].map((c) => (/[A-Za-z0-9]/.test(c) ? c : "%u" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0"))).join("");
const base64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

/** Whether the encoding exists in the zone (overlong sequences are written as percent escapes: URL zones only). */
export const applies = (e: Encoding, z: Zone) => (e !== "overlong" && e !== "percent-u") || URL_ZONES.includes(z);

/**
 * The payload as the zone carries it: `wire` is the text to put on the wire in a URL zone (its
 * own escapes included), `text` is what the application sees in any other zone (that zone's
 * placement escapes it for its syntax unless `native` says the encoding already is that syntax's).
 */
interface Encoded { text: string; urlWire?: string; jsonNative?: string; xmlNative?: string }

function encode(p: string, e: Encoding, seed: number): Encoded {
  switch (e) {
    case "plain": return { text: p };
    case "url": return { text: pctAll(p), urlWire: pctAll(p) };
    case "double-url": { const once = pctAll(p); return { text: pctAll(once), urlWire: pctAll(once) }; }
    case "base64": return { text: base64(p) };
    case "js-unicode": return { text: jsUnicode(p), jsonNative: jsUnicode(p).replace(/"/g, "\\u0022") };
    case "html-entity": return { text: entities(p), xmlNative: entities(p) };
    case "mixed-case": return { text: mixCase(p, seed) };
    case "fullwidth": return { text: fullwidth(p) };
    case "overlong": return { text: p, urlWire: overlong(p) };
    case "percent-u": return { text: p, urlWire: percentU(p) };
  }
}

const host: [string, string] = ["host", "svc.local"];
const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/**
 * A header or a file name holds no line break: a tool sends a tab, which HTML, URL and SQL parsers skip
 * where they skip a line feed (`java\tscript:`). A shell does not: see ONE_LINE_ZONES.
 */
const oneLine = (s: string) => s.replace(/\r\n|[\r\n]/g, "\t");
/** Zones written on one line (oneLine; header-json escapes its breaks as `\n`). */
const ONE_LINE_ZONES: Zone[] = ["multipart-filename", "user-agent", "user-agent-tail", "x-header", "authorization"];

/**
 * The request carrying payload `p` encoded with `e` in zone `z`. In a URL zone an encoding of
 * percent escapes is the wire form itself (url: the application sees the payload; double-url: it
 * sees the payload URL-encoded once); other encodings are escaped only where the syntax needs it.
 */
export function zoneRequest(p: string, z: Zone, e: Encoding, seed = 1): Req {
  const enc = encode(p, e, seed);
  const url = (delims: string) => enc.urlWire ?? pctNeeded(enc.text, delims);
  const r = rng(seed);
  const name = ["q", "id", "data", "search", "value"][r(5)];
  switch (z) {
    case "query": return { path: `/app/view?${name}=${url("&#+=")}&lang=en`, headers: [host] };
    case "path": return { path: `/files/${url("?#")}`, headers: [host] };
    case "form": return { method: "POST", path: "/app/submit", headers: [host, ["content-type", "application/x-www-form-urlencoded"]], body: `lang=en&${name}=${url("&#+=")}` };
    case "cookie": return { path: "/app/home", headers: [host, ["cookie", `sid=abc123; ${name}=${url(";,")}`]] };
    case "referer": return { path: "/app/home", headers: [host, ["referer", `https://svc.local/app/view?${name}=${url("&#+=")}`]] };
    case "json": {
      const v = enc.jsonNative !== undefined ? `"${enc.jsonNative}"` : JSON.stringify(enc.text);
      return { method: "POST", path: "/api/v1/items", headers: [host, ["content-type", "application/json"]], body: `{"lang":"en","item":{"${name}":${v},"count":2}}` };
    }
    case "multipart-field":
      return { method: "POST", path: "/upload", headers: [host, ["content-type", "multipart/form-data; boundary=ZoNe"]], body: `--ZoNe\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${enc.text}\r\n--ZoNe--\r\n` };
    case "multipart-filename": {
      const fn = oneLine(enc.text).replace(/"/g, "%22");
      return { method: "POST", path: "/upload", headers: [host, ["content-type", "multipart/form-data; boundary=ZoNe"]], body: `--ZoNe\r\nContent-Disposition: form-data; name="file"; filename="${fn}"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--ZoNe--\r\n` };
    }
    case "xml": {
      const v = enc.xmlNative ?? xmlText(enc.text);
      return { method: "POST", path: "/api/import", headers: [host, ["content-type", "application/xml"]], body: `<?xml version="1.0"?><request><lang>en</lang><${name}>${v}</${name}></request>` };
    }
    case "soap": {
      const v = enc.xmlNative ?? xmlText(enc.text);
      return { method: "POST", path: "/ws/service", headers: [host, ["content-type", "text/xml; charset=utf-8"], ["soapaction", "\"urn:lookup\""]], body: `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><m:Lookup xmlns:m="urn:svc"><m:${name}>${v}</m:${name}></m:Lookup></soap:Body></soap:Envelope>` };
    }
    case "arg-name": return { path: `/app/view?lang=en&${url("&#+=[]")}=1`, headers: [host] };
    case "json-key": {
      const k = enc.jsonNative !== undefined ? `"${enc.jsonNative}"` : JSON.stringify(enc.text);
      return { method: "POST", path: "/api/v1/items", headers: [host, ["content-type", "application/json"]], body: `{"lang":"en","item":{${k}:1}}` };
    }
    case "xml-attr": {
      const v = (enc.xmlNative ?? xmlText(enc.text)).replace(/"/g, "&quot;");
      return { method: "POST", path: "/api/import", headers: [host, ["content-type", "application/xml"]], body: `<?xml version="1.0"?><request lang="en"><item ${name}="${v}"/></request>` };
    }
    // documents inside a value: JSON in a cookie (URL-encoded) or a header, a GraphQL query's string argument
    case "cookie-json": return { path: "/app/home", headers: [host, ["cookie", `sid=abc123; prefs=${encodeURIComponent(`{"lang":"en","${name}":${JSON.stringify(enc.text)}}`)}`]] };
    case "header-json": return { path: "/app/home", headers: [host, ["x-client-context", oneLine(`{"lang":"en","${name}":${JSON.stringify(enc.text)}}`)]] };
    case "graphql": {
      const q = `query { search(${name}: ${JSON.stringify(enc.text)}, first: 10) { id } }`;
      return { method: "POST", path: "/graphql", headers: [host, ["content-type", "application/json"]], body: JSON.stringify({ query: q }) };
    }
    // a body sent as is: with no Content-Type (scripts, bypass suites) or as text/plain
    case "body-raw": return { method: "POST", path: "/app/submit", headers: [host], body: enc.text };
    case "body-text": return { method: "POST", path: "/app/submit", headers: [host, ["content-type", "text/plain"]], body: enc.text };
    case "user-agent": return { path: "/app/home", headers: [host, ["user-agent", oneLine(enc.text)]] };
    // appended to a browser's product list, as scanners that keep a browser identity do
    case "user-agent-tail": return { path: "/app/home", headers: [host, ["user-agent", `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 ${oneLine(enc.text)}`]] };
    case "x-header": return { path: "/app/home", headers: [host, ["x-api-data", oneLine(enc.text)]] };
    case "authorization":
      // Basic credentials are base64 by definition: the server decodes them and hands the user name on.
      return { path: "/app/home", headers: [host, ["authorization", e === "base64" ? `Basic ${base64(`${oneLine(p)}:secret`)}` : `Bearer ${oneLine(enc.text)}`]] };
  }
}

/** Requests of one cell. */
export function cell(category: string, z: Zone, e: Encoding): fc.Arbitrary<{ req: Req }> {
  // a command line whose separator is a line break has none on one line (`admin\ni$()d` is `admin i$()d`)
  const sendable = (p: string) => !(category === "rce" && ONE_LINE_ZONES.includes(z) && /[\r\n]/.test(p));
  return fc.tuple(CATEGORIES[category].filter(sendable), fc.nat()).map(([p, seed]) => ({ req: zoneRequest(p, z, e, seed) }));
}

/**
 * Whether a cell is an attack on the backend behind us, so that the engine must catch it. Out of scope:
 * - encodings no server undoes in that zone: base64 (but Basic credentials, which are base64 by
 *   definition), JS \u escapes outside JSON, character references outside XML, percent escapes outside
 *   URL zones: the application sees the encoded text, which runs nowhere (XSS excepted for \u escapes and
 *   references, which the browser decodes in a script or an attribute);
 * - mixed case for the case-sensitive languages (templates, JavaScript, Java, XML, base64): the payload no longer works;
 * - remote URLs (rfi, ssrf) in Referer, User-Agent, a custom header or a bearer token: a backend neither
 *   includes nor fetches them, and those headers carry URLs in ordinary traffic;
 * - a file path after a browser's products in a User-Agent: no backend reads that as a file name.
 */
export function inScope(category: string, z: Zone, e: Encoding): boolean {
  if (!applies(e, z)) return false;
  if ((category === "rfi" || category === "ssrf") && (z === "referer" || z === "user-agent" || z === "user-agent-tail" || z === "x-header" || z === "header-json" || z === "authorization")) return false;
  if (category === "lfi" && z === "user-agent-tail") return false;
  const urlZone = URL_ZONES.includes(z);
  switch (e) {
    case "base64": return z === "authorization";
    case "js-unicode": return z === "json" || category === "xss";
    case "html-entity": return z === "xml" || z === "soap" || category === "xss";
    case "url": case "double-url": case "percent-u": return urlZone;
    // (and Java's class names, base64 serialised objects)
    case "mixed-case": if (["ssti", "nodejs", "nosql", "xxe", "java"].includes(category)) return false;
  }
  return true;
}
