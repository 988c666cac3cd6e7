// Attacks in rich-text fields (test/support/variants/rich-text.ts): Markdown comments and wiki pages in JSON and
// form fields, HTML from a rich-text editor, Markdown and SVG uploads, a post with YAML front matter, carrying
// XSS, file reads, internal URLs, commands and template expressions in the field's own syntax; honest Markdown,
// HTML and SVG in the same carriers pass. Then one table per detector change misses24 made: DOM clobbering chains
// over elements of different ids, a YAML literal block carried into a command line, UTF-32 JSON, Python object
// walks off `{}` or another dunder.
import { describe, expect, it } from "vitest";
import { inspect, type Req } from "../support/engine.js";
import { richAttack, richLookalike, RICH_SHAPES, type RichAttack } from "../support/variants/rich-text.js";
import { assertEveryShape, assertFloor, describeFamily } from "../support/variants/check.js";

const SEED = 20261129;

/**
 * Shapes left alone, and why:
 * - anything in a Markdown file uploaded as a multipart part (`README.md`): file contents are not read, only XML
 *   and SVG documents are (README's `files:` row); the same text in a field is read;
 * - a file URL, an internal URL or an ImageMagick-style delegate (`"|id"`, `$(id)`, a backtick command) as a
 *   Markdown link or image destination, a reference definition or an `<img src>` inside a longer text, and a
 *   command after `;` in prose (`Hello ;id;`): the detectors read a URL or a command line that is the value
 *   (`file:///etc/passwd`, `![x](file:///etc/passwd)` alone are blocked), and a text's URLs are ordinary mentions
 *   (docs link to `http://localhost:3000`); reading a Markdown destination as a value of its own is the next step.
 *   In a whole text body (a post with front matter) an `<img src>` to a private address is the document's markup;
 * - an internal URL or a delegate in an SVG upload's `<image href>` or `<use href>`, and ImageMagick's MVG
 *   (`fill 'url(...)'`): an SVG is read as a document, where a link to an internal host is data.
 */
function leftAlone(a: RichAttack): boolean {
  if (a.carrier === "md-upload") return true;
  if (a.category === "rce") return true;
  if (a.category === "lfi" && !a.svg && (a.k === 1 || a.k === 2)) return true;
  if (a.category === "ssrf" && (a.svg || a.k !== 2 || a.carrier === "front-matter")) return true;
  return false;
}

describeFamily("attacks in rich-text fields", {
  passes: [["honest Markdown, HTML and SVG in the same carriers", richLookalike, 800]],
}, (h) => {
  // at SEED over 1000 draws, measured 2026-11-29: 65.0% blocked at the branch point (and 203 of the 853 outside
  // Markdown uploads missed; template walks off `{}` or through `__init__.__globals__` among them), 67.1% now (182);
  // every miss is in a shape above
  it("blocks at least 66% and misses nothing outside the shapes left alone", () => assertFloor(h(), richAttack, 1000, SEED, 0.66, leftAlone));

  it("draws every shape of every category", () => {
    const shapes = Object.fromEntries(Object.entries(RICH_SHAPES).flatMap(([c, s]) => [[`${c}/text`, s.text], [`${c}/svg`, s.svg]]));
    assertEveryShape(richAttack, shapes, 4000, SEED);
  });

  const host: [string, string] = ["host", "a"];
  const json = (v: string): Req => ({ method: "POST", path: "/api/x", headers: [host, ["content-type", "application/json"]], body: JSON.stringify({ body: v }) });
  const table = (title: string, rows: [string, Req, boolean][]) => describe(title, () => {
    for (const [what, req, attack] of rows) {
      it(`${attack ? "blocks" : "passes"} ${what}`, () => {
        if (attack) expect(inspect(h(), req).score).toBeGreaterThanOrEqual(5);
        else expect(inspect(h(), req).score).toBeLessThan(5);
      });
    }
  });

  // xss/tags.ts anchorChain
  const q = (v: string): Req => ({ path: `/p?bio=${encodeURIComponent(v)}`, headers: [host] });
  table("xss 3023: an anchor whose id and name differ, linking off the page, after an element with an id", [
    ["two anchors, the second named, after a quote", q("'><a id=scriptSrc><a id=CONFIG name=url href=//x.example/evil.js>"), true],
    ["... in a cookie", { path: "/", headers: [host, ["cookie", `sid=1; t=${encodeURIComponent("<a id=CONFIG><a id=scriptSrc name=src href=//x.example/evil.js>")}`]] }, true],
    ["... after a form with an id, to an https URL", q("<form id=f><a id=cfg name=src href=https://x.example/a.js>"), true],
    ["... quoted", q(`<a id="defaultConfig"></a><a id="cdn" name="base" href="//x.example/">`), true],
    ["a footnote anchor whose name repeats its id", q(`<h2 id="intro">Intro</h2><p><a id="fn1" name="fn1" href="https://docs.example.com">docs</a></p>`), false],
    ["an anchor with an id and a link, another with a name", q(`<p id="p1"><a id="link" href="https://example.com/a">a</a> <a name="b" href="https://example.com/b">b</a></p>`), false],
    ["a named anchor linking within the page", q(`<a id="top"></a><a id="ref" name="ref-note" href="#notes">note</a>`), false],
    ["... to a path of the site", q(`<a id="top"></a><a id="ref" name="ref-note" href="/docs/x">note</a>`), false],
    ["two named anchors without links", q(`<a id="a1" name="Anchor one"></a><a id="a2" name="Anchor two"></a>`), false],
    ["Markdown beside an anchor whose name repeats its id", q(`[docs](https://example.com) <a id="x" name="x" href="https://example.com">x</a>`), false],
  ]);

  // request/rows.ts carriedLines
  const yaml = (doc: string): Req => ({ method: "POST", path: "/api/ci", headers: [host, ["content-type", "application/yaml"]], body: doc });
  table("a YAML literal block carried into a command line: read as a value too", [
    ["a line opened by `;`", yaml("job:\n  run: |\n    make\n    ; id\n  name: x\n"), true],
    ["a line opened by `|`", yaml("steps:\n  - script: |-\n      8.8.8.8\n      | id\n"), true],
    ["a line opened by `&&`", yaml("job:\n  run: |\n    ls\n    && ping -c 4 x.example\n"), true],
    ["an address, then a command on the next line", yaml("job:\n  run: |\n    127.0.0.1\n    whoami\n"), true],
    ["... the same as a JSON string", json("127.0.0.1\nwhoami\n"), true],
    ["a CI script", yaml("jobs:\n  test:\n    steps:\n      - run: |\n          npm ci\n          npm test -- --coverage\n          make lint && make build\n"), false],
    ["a description with a Markdown table", yaml("info:\n  description: |\n    | Code | Meaning |\n    |------|---------|\n    | 200 | OK |\n"), false],
    ["a release note that opens with a version", yaml("notes: |\n  2.4.1\n  Fixes the login page.\n"), false],
    ["an INI file with comments", yaml("config: |\n  ; defaults\n  [server]\n  port = 8080\n"), false],
  ]);

  // transform/utf16.ts (UTF-32 read by its NULs or its byte order mark)
  const utf32 = (s: string, big: boolean, bom: boolean): Req => {
    const cps = [...(bom ? "\ufeff" : "") + s].map((c) => c.codePointAt(0)!);
    const b = Buffer.alloc(cps.length * 4);
    cps.forEach((cp, i) => (big ? b.writeUInt32BE(cp, i * 4) : b.writeUInt32LE(cp, i * 4)));
    return { method: "POST", path: "/api/x", headers: [host, ["content-type", "application/json"]], body: new Uint8Array(b) };
  };
  table("UTF-32 JSON, read as its text", [
    ["little-endian, no byte order mark", utf32(JSON.stringify({ q: "<script>alert(1)</script>" }), false, false), true],
    ["big-endian, no byte order mark", utf32(JSON.stringify({ f: "../../../../etc/passwd" }), true, false), true],
    ["little-endian with FF FE 00 00", utf32(JSON.stringify({ c: "; cat /etc/passwd" }), false, true), true],
    ["big-endian with 00 00 FE FF", utf32(JSON.stringify({ u: "{{7*7}}" }), true, true), true],
    ["an honest document, little-endian", utf32(JSON.stringify({ name: "Zoë", note: "café \u{1F600}", n: [1, 2] }), false, false), false],
    ["an honest document, big-endian with a byte order mark", utf32(JSON.stringify({ city: "Zürich" }), true, true), false],
  ]);

  // rce/scripting.ts pythonInternals
  table("Python object walks off `{}`, off another dunder, or through the globals", [
    ["off an empty dict", json("{}.__class__.__base__.__subclasses__()"), true],
    ["an escape's step after a dunder", json("config.__class__.__init__.__globals__['os'].popen('id').read()"), true],
    ["... after an index on one", json("x.__class__.__mro__[1].__subclasses__()"), true],
    ["the globals read on to a module", json("lipsum.__globals__.os.popen('id').read()"), true],
    ["a class name logged", json("print(self.__class__.__name__)"), false],
    ["an instance's init called", json("super().__init__(name)"), false],
    ["a type's method resolution order, in prose", json("see type(obj).__mro__ for the order (it is a tuple)"), false],
    ["a dict's keys", json("d = {}.keys(); x.__dict__.get('a')"), false],
  ]);
});
