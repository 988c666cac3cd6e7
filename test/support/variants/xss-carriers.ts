// XSS in carriers the other XSS families do not fill: a multipart file name and field, XML text
// (entity-escaped) and CDATA, JSON with every `<`, `>` and `"` written as \u escapes, a JSON document
// inside a JSON string (double-encoded), GraphQL variables, and a form field holding URL-encoded
// JSON. The vectors are those of xss-fuzz.ts; the carrier's own decoding must give them back.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { fuzzedXss } from "./xss-fuzz.js";
import { rng, type R } from "./rng.js";

const pickR = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const host: [string, string] = ["host", "svc.local"];
const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const uEscape = (s: string) => JSON.stringify(s).replace(/[<>&'"]/g, (c) => (c === "\"" ? "\\u0022" : "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"))).replace(/^\\u0022|\\u0022$/g, "\"");

const CARRIERS = ["multipart-filename", "multipart-field", "xml-text", "xml-cdata", "json-u-escaped", "json-in-json", "graphql", "form-json"] as const;

function carry(r: R, c: (typeof CARRIERS)[number], v: string): Req {
  switch (c) {
    case "multipart-filename": {
      const name = v.replace(/["\r\n]/g, (x) => (x === "\"" ? "%22" : " "));
      return { method: "POST", path: "/upload", headers: [host, ["content-type", "multipart/form-data; boundary=XyZ"]], body: `--XyZ\r\nContent-Disposition: form-data; name="file"; filename="${name}.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n--XyZ--\r\n` };
    }
    case "multipart-field":
      return { method: "POST", path: "/profile", headers: [host, ["content-type", "multipart/form-data; boundary=XyZ"]], body: `--XyZ\r\nContent-Disposition: form-data; name="${pickR(r, ["bio", "name", "comment"])}"\r\n\r\n${v}\r\n--XyZ--\r\n` };
    case "xml-text":
      return { method: "POST", path: "/api/feedback", headers: [host, ["content-type", pickR(r, ["application/xml", "text/xml"])]], body: `<?xml version="1.0"?><feedback><name>jane</name><text>${xmlEscape(v)}</text></feedback>` };
    case "xml-cdata":
      return { method: "POST", path: "/api/feedback", headers: [host, ["content-type", "application/xml"]], body: `<feedback><text><![CDATA[${v.replace(/]]>/g, "]]]]><![CDATA[>")}]]></text></feedback>` };
    case "json-u-escaped":
      return { method: "POST", path: "/api/comments", headers: [host, ["content-type", "application/json"]], body: `{"post":7,"${pickR(r, ["body", "title", "author"])}":${uEscape(v)}}` };
    case "json-in-json":
      return { method: "POST", path: "/api/events", headers: [host, ["content-type", "application/json"]], body: JSON.stringify({ type: "note", payload: JSON.stringify({ text: v }) }) };
    case "graphql":
      return { method: "POST", path: "/graphql", headers: [host, ["content-type", "application/json"]], body: JSON.stringify({ query: "mutation($t:String!){addComment(text:$t){id}}", variables: { t: v } }) };
    default:
      return { method: "POST", path: "/save", headers: [host, ["content-type", "application/x-www-form-urlencoded"]], body: `state=${encodeURIComponent(JSON.stringify({ title: v, n: 1 }))}&go=1` };
  }
}

export const xssCarried: fc.Arbitrary<{ value: string; where: string; req: Req }> = fc.tuple(fuzzedXss, fc.nat()).map(([x, seed]) => {
  const r = rng(seed);
  const where = pickR(r, CARRIERS);
  return { value: x.value, where, req: carry(r, where, x.value) };
});
