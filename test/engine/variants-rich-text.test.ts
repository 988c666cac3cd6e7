// Attacks in rich-text fields (test/support/variants/rich-text.ts): Markdown comments and wiki pages in JSON and
// form fields, HTML from a rich-text editor, Markdown and SVG uploads, a post with YAML front matter, carrying
// XSS, file reads, internal URLs, commands and template expressions in the field's own syntax; honest Markdown,
// HTML and SVG in the same carriers pass. Then one table per detector change misses24 made: DOM clobbering chains
// over elements of different ids, a YAML literal block carried into a command line, UTF-32 JSON, Markdown images
// and links, Python object walks off `{}` or another dunder.
import { describe, expect, it } from "vitest";
import { inspect, type Req } from "../support/engine.js";
import { richAttack, richLookalike, RICH_SHAPES, type RichAttack } from "../support/variants/rich-text.js";
import { assertEveryShape, assertFloor, describeFamily } from "../support/variants/check.js";

const SEED = 20261129;

/**
 * Shapes left alone, and why:
 * - anything in a Markdown file uploaded as a multipart part (`README.md`): file contents are not read, only XML
 *   and SVG documents are (README's `files:` row); the same text in a field is read;
 * - an internal URL as a Markdown link (`[health](http://127.0.0.1:8080/admin)`) or a reference definition
 *   (`[ref]: http://...`) inside a longer text: a link is followed by a reader, not fetched, and docs link to
 *   `http://localhost:3000` (a Markdown image, `![x](url)`, is fetched by the renderer and judged as the URL itself,
 *   ssrf.ts detectMarkupUrls); a private address (`http://10.0.0.12:9200/`) in an image scores a warning (7105);
 * - an ImageMagick-style delegate (`"|id"`, `$(id)`, a backtick command) in an image URL, and a command after `;` in
 *   prose (`Hello ;id;`): the shell scanner reads a command line that is the value, and a text's quotes and
 *   semicolons are prose (the same as a whole value, `![x](https://x.example/a.png"|id")`, is blocked);
 * - an internal URL or a delegate in an SVG upload's `<image href>` or `<use href>`, and ImageMagick's MVG
 *   (`fill 'url(...)'`): an SVG is read as a document, where a link to an internal host is data.
 */
function leftAlone(a: RichAttack): boolean {
  if (a.carrier === "md-upload") return true;
  if (a.category === "rce") return true;
  if (a.category === "ssrf" && (a.svg || a.k === 1 || a.k === 3 || /\/\/10\./.test(a.payload))) return true;
  return false;
}

describeFamily("attacks in rich-text fields", {
  passes: [["honest Markdown, HTML and SVG in the same carriers", richLookalike, 800]],
}, (h) => {
  // at SEED over 1000 draws, measured 2026-11-29: 65.0% blocked at the branch point (and 203 of the 853 outside
  // Markdown uploads missed: template walks off `{}` or through `__init__.__globals__`, files, loopback hosts and
  // delegates in Markdown links and images), 74.4% now (109); every miss is in a shape above
  it("blocks at least 73% and misses nothing outside the shapes left alone", () => assertFloor(h(), richAttack, 1000, SEED, 0.73, leftAlone));

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

  // ssrf.ts detectMarkupUrls: a Markdown image is fetched by the renderer, a link followed by a reader
  table("a Markdown image's URL judged as the URL itself, a link's as a link", [
    ["an image from a loopback host", json("Status:\n\n![chart](http://127.0.0.1:8080/admin)"), true],
    ["an image from an IPv6 loopback", json("See ![s](http://[::1]/server-status \"status\")"), true],
    ["an image of a sensitive file, relative", json("## Diagram\n\n![x](../../../../etc/passwd)"), true],
    ["an image with a file URL", json("thanks ![x](file:///proc/self/environ)"), true],
    ["a link to a sensitive file by a file URL", json("see [key](file://localhost/root/.ssh/id_rsa) here"), true],
    ["a link to a metadata service", json("[creds](http://169.254.169.254/latest/meta-data/iam/)"), true],
    ["a link to the dev server", json("Run `npm start` and open [the app](http://localhost:3000) in a browser."), false],
    ["a link to a relative document", json("See [setup](../../docs/setup.md) and [README](../README.md)."), false],
    ["an image from the site and one from a CDN", json("![logo](/static/img/logo.png) ![badge](https://img.shields.io/npm/v/x.svg)"), false],
    ["a call on an element of a list", json("then handlers[name](event) runs it"), false],
    // (the `%2F` of the outer URL is no slash of the link's: `std@0.113.0` is its path, not a host after user info)
    ["a link with an @ in its path, in the query of a URL that encodes its slashes", json(`https://app.example.com/api/readme?markdown=${encodeURIComponent("Or, using [Deno's `createRequire()`](https://deno.land/std@0.113.0/node/README.md?source=#cjs) as follows.")}`), false],
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
