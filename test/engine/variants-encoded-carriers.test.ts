// Non-SQL attacks hidden by the encodings and carriers an attacker's tool uses against a service behind us
// (test/support/variants/encoded-carriers.ts): random \u escapes and surrogate pairs in JSON keys and values,
// JSON in a JSON string and in a query value, GraphQL variables as a string or a nested input, wrapped base64
// and lower-case quoted-printable parts, UTF-16/UTF-32 JSON without a byte order mark, big-endian UTF-16 XML,
// triple and mixed-level percent-encoding, three-byte overlong and full-width forms, `..;/` and `;jsessionid=`,
// payloads split across repeated parameters, references without `;` in attributes, YAML and CSV bodies,
// base64url JSON cookies. A floor on the share blocked, no miss outside the shapes left alone (named below, with
// why), and the same carriers with honest values let through. Then tables for what this round changed: the
// values of YAML and CSV bodies (request/rows.ts), `\U0000XXXX` escapes, `\u` escapes of a JSON document in a
// query value (1046), and a JSON string in a value that is a shell's `~+` (4306).
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, inspectWith, targetsOf, type Req } from "../support/engine.js";
import { encodedAttack, encodedLookalike, SHAPES, type EncCarrier, type EncodedAttack } from "../support/variants/encoded-carriers.js";
import { assertFloor, assertEveryShape, assertPassed } from "../support/variants/check.js";
import fc from "fast-check";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const SEED = 20261128;

/**
 * Carriers that break a protocol rule by themselves, whatever they carry (an honest value in them is blocked
 * too): a part's Content-Transfer-Encoding (1104), JSON in UTF-16 or UTF-32 without a byte order mark (no
 * JSON to a parser that reads UTF-8: 1100), overlong UTF-8 (1044), double percent-encoding (1043). Their
 * attacks must also be found with the protocol rules off, and their look-alikes then pass.
 */
const ANOMALOUS: readonly EncCarrier[] = ["mp-b64-wrapped", "mp-qp-lower", "json-utf16-nobom", "json-utf32-nobom", "query-overlong3", "path-triple", "query-triple", "path-mixed-levels"];

/**
 * Shapes left alone, and why:
 * - RFI: an include URL whose only sign is the name of the parameter that holds it, where that name is lost
 *   or is no include word (`page`, `path`): a YAML or CSV value is named `body`, a JSON document in a string
 *   is named by the outer value, and elsewhere a URL is ordinary data (variants-zones leaves the same alone);
 * - RFI: a UNC path, and SSRF: a scheme-relative or scheme-less URL, in a path segment (`/app/\\host\share`,
 *   `/files///127.0.1/`): after a segment they read as more segments, not as a share or a URL to fetch;
 * - LDAP: `*))%00`, which only its `%00` gives away, where a second layer hides the `%00` (a \u escape in a
 *   JSON document inside a string or a query value, a JSON document in base64, UTF-16 or UTF-32 without a byte
 *   order mark): `*))` alone is too short to read;
 * - JSON in UTF-16 or UTF-32 without a byte order mark (what Jackson detects by its NULs): it is read through
 *   what its NULs leave, not as JSON, so JSON's escapes (`\\\\host`, `\"`, `\n`) stay; with a JSON Content-Type
 *   the body scores 1100, without one nothing says it is JSON (reading it as UTF-16 costs module the round lacked),
 *   and non-ASCII text loses its bytes with the NULs (`%uff0e` escapes are left as they are too);
 * - XSS: references without `;` over a vector that has escapes of its own (`&#37;3cscript`, `&#92x3c`): the
 *   browser decodes one layer, the text `%3c` is no tag (variants-zones leaves the same alone); and a
 *   script-string breakout with no markup (`';print();//`) in an attribute value, which is no script string;
 * - YAML's eight-digit `\U0000002e` escapes: the engine's JS decoder reads `\U` as `\u` (four digits), a NUL
 *   then `002e`; YAML emitters write `\x` and `\u` for these characters;
 * - a quote doubled inside a quoted CSV cell or a single-quoted YAML scalar (`""`, `''`), and a separator
 *   inside a quoted CSV cell (`"admin; env"`): request/rows.ts reads a document's values by its lines and
 *   separators, without a full parser, so the quote stays doubled (a serialised PHP object's `""stdClass""`,
 *   a template's `[''id'']`) and the cell is cut in two (the body, read whole, still holds the payload);
 * - ` #` inside a quoted YAML value is read as a comment (the value loses its closing quote, and its escapes);
 * - XSS: a vector that is itself URL-encoded (`%3cA HREF=...%3e`) where nothing URL-decodes it (JSON, YAML, XML,
 *   a cookie's JSON): the application sees `%3c`, no tag; and a script-string breakout with no markup in a path
 *   segment (`/app/'+new Image().src=...`): a path is no script string (both as variants-zones reads them);
 * - a payload in a YAML block scalar (`key: >-` or `key: |`, the text on the lines below): those lines are
 *   read only as part of the body, as before; read as values, every line of a CI script (`run: |`) would be
 *   a command line, and joining them costs more module than the budget of the round allowed.
 */
function leftAlone(a: EncodedAttack): boolean {
  if (a.category === "rfi" && /^[a-z][a-z0-9+.-]*:\/\//i.test(a.value)) return true;
  if (a.family.startsWith("path-") && ((a.category === "rfi" && a.value.startsWith("\\\\")) || (a.category === "ssrf" && /^(\/\/|[^/:]*[@.][^/]*\/)/.test(a.value)))) return true;
  if (a.category === "ldap" && /^\*\)+%00$/.test(a.value) && ["json-in-json-u", "json-in-query", "cookie-b64url-json", "json-utf16-nobom", "json-utf32-nobom"].includes(a.family)) return true;
  if ((a.family === "json-utf16-nobom" || a.family === "json-utf32-nobom") && /[\\\n\r\t"%\u0080-\uffff]/.test(a.value)) return true;
  if (a.family.startsWith("attr-nosemi-") && (/%[0-9a-f]{2}|\\[ux]/i.test(a.value) || !/<|script:|\bon[a-z]+\s*=/i.test(a.value))) return true;
  if (a.family === "yaml-dq-escapes" && /\\U0000/.test(bodyOf(a.req))) return true;
  if ((a.family === "csv-quoted" && /[",;\t\r\n]/.test(a.value)) || (a.family === "yaml-sq" && a.value.includes("'"))) return true;
  if (a.family === "yaml-folded" || (a.family.startsWith("yaml-") && / #/.test(a.value))) return true;
  if (a.category === "xss" && /%3c/i.test(a.value) && !/^(path|query)-/.test(a.family)) return true;
  if (a.category === "xss" && a.family.startsWith("path-") && !/<|script:|\bon[a-z]+\s*=/i.test(a.value)) return true;
  return false;
}

/**
 * With the protocol rules off, also left alone (each is blocked at the default settings by its carrier's
 * anomaly):
 * - LDAP `*))%00`, found by its NUL only (1040, a protocol rule);
 * - a base64 part wrapped in lines longer than a line: each line is decoded apart, a payload of more than 57
 *   bytes is cut in two (the part's Content-Transfer-Encoding scores 1104);
 * - the payload's own percent escapes under an overlong `%` (`%E0%80%A52e`): a third decoding (1044).
 */
function leftAloneWithoutProtocol(a: EncodedAttack): boolean {
  if (a.category === "ldap" && /^\*\)+%00$/.test(a.value)) return true;
  if (a.family === "mp-b64-wrapped" && Buffer.byteLength(a.value) > 57) return true;
  return a.family === "query-overlong3" && /%[0-9a-f]{2}|%u[0-9a-f]{4}/i.test(a.value);
}

const bodyOf = (r: Req) => (typeof r.body === "string" ? r.body : "");
const payloadOnly = (req: Req) => inspectWith(h, req, "protocol", "");

describe("non-SQL attacks hidden by encodings and carriers", () => {
  it("blocks at least 98% and misses nothing outside the shapes left alone", () => {
    // 94.6% at the branch point (and 32 of the look-alikes blocked: Go's `\u003c` in a JSON document in a query value), 98.3% after
    assertFloor(h, encodedAttack, 4000, SEED, 0.98, leftAlone);
  });

  it("finds the attacks of the anomalous carriers with the protocol rules off (not only by the carrier's anomaly)", () => {
    const xs = fc.sample(encodedAttack.filter((a) => ANOMALOUS.includes(a.family)), { seed: SEED, numRuns: 800 });
    expect(xs.filter((a) => !leftAlone(a) && !leftAloneWithoutProtocol(a) && payloadOnly(a.req).score < 5).map((a) => `${a.family}/${a.category} ${a.value}`)).toEqual([]);
  });

  it("draws every carrier with every category in scope", () => assertEveryShape(encodedAttack, SHAPES, 6000, SEED));

  it("lets honest values through in every well-formed carrier", () =>
    assertPassed(h, encodedLookalike.filter((x) => !ANOMALOUS.includes(x.carrier)), 1500));

  it("lets honest values through the anomalous carriers once the protocol rules are off", () => {
    const xs = fc.sample(encodedLookalike.filter((x) => ANOMALOUS.includes(x.carrier)), { seed: SEED, numRuns: 300 });
    expect(xs.filter(({ req }) => payloadOnly(req).score >= 5).map(({ req }) => JSON.stringify(req).slice(0, 200))).toEqual([]);
  });
});

const host: [string, string] = ["host", "svc.local"];
const post = (type: string, body: string): Req => ({ method: "POST", path: "/api/v1/config", headers: [host, ["content-type", type]], body });
const ids = (r: Req) => inspect(h, r).matches.map((m) => m.id);
const bodyValues = (r: Req) => targetsOf(h, r).targets.filter((t) => t.kind === "bodyValue" && t.name === "body").map((t) => t.value);

describe("the values of a YAML or CSV body, one by one (request/rows.ts)", () => {
  it.each([
    ["a plain scalar, its comment off", "item:\n  lang: en\n  url: http://169.254.169.254/latest/meta-data/ # cloud\n", ["http://169.254.169.254/latest/meta-data/"]],
    ["list items, quoted", "files:\n  - '/etc/passwd'\n  - \"a: b\"\n", ["/etc/passwd", "a: b"]],
    ["no line of a block scalar (a script under `run: |`)", "run: |\n  tar -czf dist.tgz ./dist\n  echo done\nname: build\n", ["build"]],
    ["a double-quoted scalar with \\x and \\u escapes", 'note: "\\x3cscript\\u003ealert(1)\\x3c/script>"\n', ["<script>alert(1)</script>"]],
  ])("reads %s", (_what, doc, values) => {
    expect(bodyValues(post("application/yaml", doc))).toEqual(values);
  });

  it("reads no comment line, no key, and no value of fewer than three bytes", () => {
    expect(bodyValues(post("application/yaml", "# settings\nserver:\n  port: 8080\n  op: <=\n\n"))).toEqual(["8080"]);
  });

  it("reads the cells of a CSV body, a quoted cell without its quotes", () => {
    expect(bodyValues(post("text/csv", 'id;url;note\r\n1;"file:///etc/passwd";abc\r\n'))).toEqual(["url", "note", "file:///etc/passwd", "abc"]);
  });

  it.each([
    ["application/yaml", "item:\n  webhook: 'http://169.254.169.254/latest/meta-data/iam/'\n"],
    ["application/x-yaml", "items:\n  - file: /proc/self/environ\n"],
    ["application/yaml", "cmd: \"\\x3bcat /etc/passwd\"\n"],
    ["text/csv", "id,url\n1,gopher://127.0.0.1:6379/_INFO\n"],
    ["text/csv", "id\tpath\n1\t/etc/shadow\n"],
  ])("blocks a value that is the attack whole (%s: %j)", (type, doc) => {
    expect(inspect(h, post(type, doc)).score).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ["application/yaml", "server:\n  url: https://api.example.com/v1 # prod\n  timeout: 30s\n  paths:\n    - /var/lib/app/data\n    - '/tmp/cache'\n"],
    ["application/yaml", "description: >\n  Use {{name}} in the subject; the body is\n  rendered with <b>bold</b> text.\n"],
    ["text/csv", "id,name,homepage,notes\n1,Ann,https://ann.example.org/,\"likes \"\"rock | pop\"\"\"\n2,O'Brien,,see ../docs\n"],
  ])("passes an honest document (%s)", (type, doc) => {
    expect(inspect(h, post(type, doc)).score).toBeLessThan(5);
  });
});

describe("a JSON document in a query value escapes with \\u as JSON does (1046)", () => {
  const q = (v: string): Req => ({ path: `/api/search?filter=${encodeURIComponent(v)}`, headers: [host] });
  it.each(['{"q":"\\u003cb\\u003ebold\\u003c/b\\u003e text"}', '{"name":"Tom \\u0026 Jerry","max":"\\u003e 5"}', '[{"field":"price","op":"lt"},{"q":"\\u003cem\\u003e"}]'])("passes %s", (v) => {
    expect(inspect(h, q(v)).score).toBeLessThan(5);
  });
  it.each(["\\u003cb\\u003e", '{"q":"\\u003cb\\u003e"', "x\\u0027 or 1=1"])("still scores an escape outside a whole document: %s", (v) => {
    expect(ids(q(v))).toContain(1046);
  });
  it("still reads the document's strings decoded", () => {
    expect(inspect(h, q('{"q":"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}')).score).toBeGreaterThanOrEqual(5);
  });
});

describe("a JSON string in a value that is a shell's tilde expansion (4306)", () => {
  const q = (v: string): Req => ({ path: `/get?filter=${encodeURIComponent(v)}`, headers: [host] });
  it.each(['{"a":"~+"}', '["~-"]'])("blocks %s", (v) => expect(ids(q(v))).toContain(4306));
  it.each(['{"op":"<="}', '{"op":"~="}', '{"x":"~1"}', '{"path":"~/"}', '{"op":"in"}'])("passes %s", (v) => expect(inspect(h, q(v)).score).toBeLessThan(5));
});
