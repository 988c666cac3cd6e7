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
// - compressed or binary uploads typed application/gzip, application/zip, image/*, application/pdf: 1010,
//   the media-type allow-list (CRS 920420 labels unlisted types as attacks; application/octet-stream passes).
// - a URL value whose query names a browser global with brackets (`return_to=/nb?content[nbformat]=4`):
//   3008 reads it as computed access (only argument names in bracket notation are let through).
// - corpus values moved where they are an attack's shape: a URL in a field named `file` (6104), `$search` as
//   a JSON key (12001, a MongoDB operator), multi-line text with `NAME=value` lines in a query (1067,
//   parameter injection), literal `%20` text re-escaped (1043, double encoding), repeated names beside an
//   HTML warning (1052 + 3009).
// - terminal colours escaped in a header or cookie value (`%1B[32m`): 1041 (an argument's pass); no log line
//   travels in a header, and the module's size budget went to the fixes above.
// - attacks: file contents of a multipart upload are not read (a file part is no field); short payloads
//   (`;id`, `admin'--`) beside other text in a JSON cookie or a repeated parameter. (The claims of a JSON Web
//   Token are read as `jwt:` targets, engine/jwt.ts: its carrier is no longer left alone.)
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
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
const BENIGN_LEFT_ALONE = ["gzip body, Content-Encoding", "compressed upload (gzip, zip type)", "URLs in values"];
const ATTACK_LEFT_ALONE = ["multipart files", "compressed upload (gzip, zip type)"];
const describeHits = (req: Req) => inspect(h, req).matches.map((m) => `${m.id}@${m.target}`).join(",");

describe("benign field sets in every carrier pass at paranoia 1", () => {
  const sources = fc.sample(carriedFields, { seed: SEED, numRuns: 80 });
  // At the branch point 20 of these carriers blocked some of the 80: cookies 80, query 65 (dotted names 31), multipart
  // with part Content-Type 64, repeated parameters 61, form 58, multipart 58, long values 45, UTF-8 text 43, multipart
  // files 38, Windows paths 38, HTTP/2 35, JSON under other media types 7.
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
const typed = (type: string, body: string): Req => ({ method: "POST", path: "/api/v1/items", headers: [HOST, ["content-type", type]], body });
const part = (head: string, body: string): Req => typed("multipart/form-data; boundary=b0undary", `--b0undary\r\nContent-Disposition: form-data; name="note"\r\n${head}\r\n\r\n${body}\r\n--b0undary--\r\n`);
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
];

describe("each fix beside its attacks", () => {
  it.each(CASES)("%s", (_what, req, blocked) => {
    const v = inspect(h, req);
    expect(v.score >= 5, `${JSON.stringify(req)} => ${describeHits(req)}`).toBe(blocked);
  });
});
