// A construct named, not used: `{% raw %}` in a how-to, a `;` in a document's file name, a PHP function searched
// for, a pod addressed by IP. Each benign case sits beside the attack form in the same carrier, which must still block.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, type Req } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const host: [string, string] = ["host", "svc.local"];
const form = (body: string): Req => ({
  method: "POST", path: "/f", headers: [host, ["content-type", "application/x-www-form-urlencoded"]], body,
});
const field = (name: string, value: string): Req => form(`${name}=${encodeURIComponent(value)}`);
const upload = (filename: string): Req => ({
  method: "POST", path: "/upload", headers: [host, ["content-type", "multipart/form-data; boundary=XX"]],
  body: `--XX\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--XX--\r\n`,
});
const get = (path: string, headers: [string, string][] = [host]): Req => ({ method: "GET", path, headers });

const passes: [string, Req][] = [
  ["{% raw %} in a Jekyll how-to", field("comment", "Wrap it in {% raw %} and {% endraw %} so Jekyll leaves the braces alone.")],
  ["a Liquid raw block around a variable name", field("comment", "Use {% raw %}{{ page.title }}{% endraw %} in the layout")],
  ["`; ` in an uploaded file name", upload("minutes; final.pdf")],
  ["`; ` in an uploaded file name, several words", upload("Board meeting; draft two.docx")],
  ["a search for a PHP function name", get("/search?q=shell_exec")],
  ["a search for base64_decode", get("/docs/search?term=base64_decode")],
  ["a file name with a SQL function's name before a parenthesis", upload("user_name (final).pdf")],
  ["the same file name in a query value", get("/files?file=" + encodeURIComponent("user_name (final).pdf"))],
  ["a numbered copy", get("/files?file=" + encodeURIComponent("version (2).docx"))],
  ["a KQL field query on a field named like a SQL function", get("/logs?q=" + encodeURIComponent("count : (a or b)"))],
  ["a Lucene field query, no blanks", get("/logs?q=" + encodeURIComponent("version:(1.2 or 1.3)"))],
  ["a pod addressed by IP with a repeated parameter", get("/api/items?id=1&id=2", [["host", "10.1.2.3:8080"]])],
  ["a kubelet probe by IP with a repeated parameter", get("/healthz?check=db&check=cache", [["host", "172.16.0.12"]])],
];

const blocks: [string, Req, number][] = [
  ["a raw block around a template statement", field("comment", "{% raw %}{% endraw %}{% import os %}"), 11003],
  ["a raw tag reaching internals", field("comment", "{% raw self.__class__.__mro__ %}"), 11002],
  ["an IIS `;` after an executable extension", upload("shell.asp; x.jpg"), 1101],
  ["`;` glued to an extension", upload("a.php;.jpg"), 1101],
  ["`;` then a second parameter inside the quotes", upload("a; filename=b.php"), 1101],
  ["a PHP function name called", get("/search?q=shell_exec(%27id%27)"), 9120],
  ["a PHP function name then an argument", get("/search?q=shell_exec%20%27id%27"), 9120],
  ["a PHP function as a callback", get("/?callback=shell_exec"), 9122],
  ["a bare PHP function name under a key no search box uses", get("/index.php?fn=shell_exec&arg=x"), 9120],
  ["a bare PHP function name as a filter", get("/index.php?s=index/think&filter=file_put_contents&data=x"), 9120],
  ["a bare PHP function name in a render array", form("mail%5B%23post_render%5D%5B%5D=file_put_contents&mail%5B%23markup%5D=x"), 9120],
  ["a SQL function call with no extension after it", get("/files?file=" + encodeURIComponent("user_name (final)")), 2022],
  ["a SQL function call, an extension, then a comment", get("/files?file=" + encodeURIComponent("user_name (final).pdf--")), 2022],
  ["nested calls before an extension", get("/files?file=" + encodeURIComponent("concat(0x7e,version()).pdf")), 2022],
  ["a SQL function call compared after an extension", get("/files?file=" + encodeURIComponent("user_name(1).x=1")), 2022],
  ["a field query holding a subquery", get("/logs?q=" + encodeURIComponent("count : (select password from users)")), 2010],
  ["a field query, then a tautology", get("/logs?q=" + encodeURIComponent("count : (a or b) or 1=1")), 2003],
  ["a PostgreSQL cast before the call", get("/logs?q=" + encodeURIComponent("count::(1)")), 2022],
  ["an assignment before the call", get("/logs?q=" + encodeURIComponent("ascii:=(1)")), 2022],
  ["symbols then a call", get("/logs?q=" + encodeURIComponent("length&&(select 1)")), 2022],
  ["a pod addressed by IP carrying an injection", get("/api/items?id=1%20union%20select%20password%20from%20users", [["host", "10.1.2.3"]]), 2001],
];

/*
 * Left blocked on purpose:
 * - `5 > 3 and 2 < 4` as the whole value of a prose field: the numeric-context blind probe (`1 AND 2<4`) has this
 *   exact shape, and the attacker chooses the field; prose around it (benign-consumer.test.ts) passes.
 * - `$expand=Version($filter=a or b)` (OData): `version(` with an argument is MySQL's own call, and the `$filter=`
 *   inside reads as a variable; telling OData apart needs the option grammar (`$expand` holding `Name(...)`), more
 *   than this round's size budget.
 * - `c=NID%3D511%3D511Hs...` (a Google cookie pasted into a query value): `511Hs...` reads as the number 511 glued
 *   to a word, and MySQL accepts `1=1abc`-style identifiers; the Cookie header itself passes.
 * Already passing at the branch point (no change): `session.gc_maxlifetime=1440` as a form, JSON or query key, the
 * RSQL literal `name=='O\'Brien';a.b==c`, `NID=511=...` in a Cookie header, `q=system`.
 */
describe("constructs named, not used, pass", () => {
  it.each(passes)("%s", (_name, req) => {
    expect(inspect(h, req).score).toBeLessThan(5);
  });
});

describe("the same carriers with the attack form still block", () => {
  it.each(blocks)("%s", (_name, req, id) => {
    const v = inspect(h, req);
    expect(v.score).toBeGreaterThanOrEqual(5);
    expect(v.matches.map((m) => m.id)).toContain(id);
  });
});
