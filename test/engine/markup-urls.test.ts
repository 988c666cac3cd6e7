// URLs in markup inside a value (detectors/ssrf.ts, detectMarkupUrls): HTML sent to an HTML-to-PDF or
// e-mail renderer inside the mesh, whose operator excludes XSS on that route (its bodies are HTML).
// A URL the renderer fetches (img, iframe, embed, object, link, meta refresh, CSS url() and @import) is
// judged as a URL value; a link a reader follows (a, area, form, button) only by the hosts and schemes
// no document names in passing.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspectWith, type Req } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const NO_XSS = "|xss|||";
type Carrier = (html: string) => Req;
const CARRIERS: [string, Carrier][] = [
  ["a JSON field", (html) => ({ method: "POST", path: "/v1/render", headers: [["host", "pdf.local"], ["content-type", "application/json"]], body: JSON.stringify({ template: "invoice", html }) })],
  ["a form field", (html) => ({ method: "POST", path: "/v1/render", headers: [["host", "pdf.local"], ["content-type", "application/x-www-form-urlencoded"]], body: "name=invoice&html=" + encodeURIComponent(html) })],
  ["a text/html body", (html) => ({ method: "POST", path: "/v1/render", headers: [["host", "pdf.local"], ["content-type", "text/html; charset=utf-8"]], body: html })],
];
const run = (r: Req) => inspectWith(h, r, "", NO_XSS);
const ids = (r: Req) => [...new Set(run(r).matches.map((m) => m.id))].sort();

const page = (inner: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Invoice 2041</title></head><body><h1>Invoice</h1>${inner}<p>Total: 120.00 EUR</p></body></html>`;

// markup, and the rules that must be among its matches
const ATTACKS: [string, number[]][] = [
  [`<iframe src="file:///etc/passwd" width="800"></iframe>`, [5102, 6102]],
  [`<embed src="http://127.0.0.1:8500/v1/agent/self">`, [7101]],
  [`<img src="http://169.254.169.254/latest/meta-data/">`, [7100]],
  [`<link rel=stylesheet href="file:///proc/self/environ">`, [5102, 6102]],
  [`<object data='http://localhost:2375/containers/json' type="text/plain"></object>`, [7101]],
  [`<meta http-equiv="refresh" content="0; url=file:///etc/shadow">`, [5102, 6102]],
  [`<div style="background-image: url(file:///etc/hosts)">x</div>`, [5102, 6102]],
  [`<style>body { background: url('http://[::1]:8080/admin') }</style>`, [7101]],
  [`<style>@import "http://kubernetes.default.svc/api/v1/secrets";</style>`, [7101]],
  [`<style>@import url(jar:http://203.0.113.9/x.jar!/a.css);</style>`, [6102]],
  [`<img src = "http://0x7f000001/status">`, [7102]],
  [`<video poster="gopher://127.0.0.1:6379/_FLUSHALL"></video>`, [7104]],
  [`<script src="//169.254.169.254/latest/user-data"></script>`, [7100]],
  [`<img src="../../../../etc/passwd">`, [5102]],
  [`<svg><image xlink:href="file:///root/.ssh/id_rsa"/></svg>`, [5102, 6102]],
  // a prefix that names no host before an absolute path: an image renderer's coder reading a local file
  [`<svg><image href="text:/etc/passwd" width="100"/></svg>`, [5102]],
  [`<img src="msl:/proc/self/environ">`, [5102]],
  [`<table background="http://metadata.google.internal/computeMetadata/v1/">`, [7100]],
  // links a reader follows: still a metadata host, a raw-protocol scheme, a file: URL to a sensitive file
  [`<a href="http://169.254.169.254/latest/meta-data/iam/">creds</a>`, [7100]],
  [`<a href="dict://127.0.0.1:11211/stats">x</a>`, [7104]],
  [`<a href="file:///etc/passwd">passwd</a>`, [5102]],
  [`<A HREF=http://0x7f.1/admin>x</A>`, [7102]],
  [`<IMG SRC=http://127.0.0.1:15000/config_dump>`, [7101]],
];

// ordinary HTML: e-mails, invoices, reports, developer docs
const BENIGN: string[] = [
  `<img src="https://cdn.shop.example/img/logo.png" alt="Shop" width="120"><a href="https://shop.example/orders/2041">View order</a>`,
  `<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" alt="logo">`,
  `<p>Questions? <a href="mailto:billing@shop.example">billing@shop.example</a> or <a href="tel:+49-30-1234567">+49 30 1234567</a></p>`,
  `<a href="#items">Items</a> <a href="/account/invoices?page=2">Older invoices</a> <a href="../terms.html">Terms</a>`,
  `<link rel="stylesheet" href="/static/css/invoice.css"><script src="/static/js/print.js"></script>`,
  `<table style="width:100%; background: url(https://cdn.shop.example/bg.png) no-repeat"><tr><td>1 x Widget</td></tr></table>`,
  `<style>@import url("https://fonts.googleapis.com/css2?family=Inter&display=swap"); .total { font-weight: bold }</style>`,
  `<img src="cid:logo@shop.example"><img srcset="/img/a.png 1x, /img/a@2x.png 2x">`,
  `<form action="/newsletter/unsubscribe" method="post"><button formaction="/newsletter/pause">Pause</button></form>`,
  // developer docs: a link to a local dev server, an intranet share, a relative link into the docs
  `<p>Start the server and open <a href="http://localhost:3000/">http://localhost:3000/</a>; the API is at <a href="http://127.0.0.1:8080/api">127.0.0.1:8080</a>.</p>`,
  `<p>The figures are on <a href="file://fileserver/finance/q3-report.xlsx">the finance share</a>.</p>`,
  `<p>Copy <a href="https://github.com/acme/app/blob/main/.env.example">.env.example</a> to .env, see <a href="/docs/config/etc/">config</a>.</p>`,
  `<p>Call url(x) in the template; a @import of a partial; price = 3 (see src=notes).</p>`,
  `<p>See [the dev server](http://localhost:3000/) and ![chart](/img/chart.png); call f(http) if x<y and src=1.</p>`,
  `<img src="https://images.example.com/p/ftp-guide.png" alt="ftp://ftp.example.org"><a href="ftp://ftp.example.org/pub/">mirror</a>`,
  // an application's own prefixes before a path, and a link to a page about a system file
  `<img src="asset:/images/etc/banner.png" alt="banner"><a href="wiki:/etc/passwd">what /etc/passwd holds</a>`,
];

describe("URLs in markup inside a value, with XSS excluded on the route", () => {
  for (const [carrierName, carrier] of CARRIERS) {
    for (const [html, expected] of ATTACKS) {
      it(`blocks ${html} in ${carrierName}`, () => {
        const v = run(carrier(page(html)));
        expect(v.attack).toBe(true);
        expect(ids(carrier(page(html)))).toEqual(expect.arrayContaining(expected));
      });
    }
    for (const html of BENIGN) {
      it(`passes ${html.slice(0, 60)} in ${carrierName}`, () => {
        expect(run(carrier(page(html))).matches).toEqual([]);
      });
    }
  }

  it("judges a loopback host in a URL the renderer fetches, not in a link a reader follows", () => {
    const body = (html: string) => CARRIERS[0][1](page(html));
    expect(ids(body(`<img src="http://localhost:3000/logo.png">`))).toEqual([7101]);
    expect(ids(body(`<iframe src="http://127.0.0.1:8080/api">`))).toEqual([7101]);
    expect(ids(body(`<a href="http://localhost:3000/logo.png">logo</a>`))).toEqual([]);
    expect(ids(body(`<form action="http://127.0.0.1:8080/api"></form>`))).toEqual([]);
  });

  it("scores a private address in a fetched URL as a warning, as for a URL value", () => {
    const v = run(CARRIERS[0][1](page(`<img data-src="http://10.0.0.12:9200/_cat/indices">`)));
    expect(v.matches.map((m) => m.id)).toEqual([7105]);
    expect(v.attack).toBe(false);
  });

  it("counts a file: URL in a fetching element, and in a link only when it names a sensitive file", () => {
    const body = (html: string) => CARRIERS[0][1](page(html));
    expect(ids(body(`<img src="file://fileserver/finance/logo.png">`))).toEqual([6102]);
    expect(ids(body(`<a href="file://fileserver/finance/logo.png">logo</a>`))).toEqual([]);
    expect(ids(body(`<a href="file:///C:/Windows/win.ini">ini</a>`))).toEqual([5102]);
  });

  it("judges every URL of a long page, not only its first ones", () => {
    const rows = Array.from({ length: 40 }, (_, i) => `<tr><td><img src="https://cdn.shop.example/p/${i}.png"></td><td><a href="/p/${i}">item ${i}</a></td></tr>`).join("");
    const body = (html: string) => CARRIERS[2][1](page(`<table>${rows}</table>${html}`));
    expect(run(body("")).matches).toEqual([]);
    expect(ids(body(`<img src="http://169.254.169.254/latest/meta-data/">`))).toEqual([7100]);
  });

  it("never traps on markup cut anywhere, and finds nothing in generated ordinary e-mails", () => {
    const urls = fc.constantFrom("https://cdn.shop.example/a.png", "/static/b.css", "data:image/gif;base64,R0lGODlhAQABAAAAACw=", "mailto:a@shop.example", "tel:+15551234", "#top", "../x.html", "cid:part1");
    const tags = fc.constantFrom("img src", "a href", "link href", "iframe src", "script src", "form action", "td background", "video poster", "object data");
    const piece = fc.tuple(tags, urls, fc.constantFrom('"', "'", "")).map(([t, u, q]) => `<${t}=${q}${u}${q}>text`);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(400), (pieces, cut) => {
        const html = page(pieces.join(""));
        expect(run(CARRIERS[0][1](html)).matches).toEqual([]);
        run(CARRIERS[2][1](html.slice(0, cut))); // never traps
      }),
      { numRuns: 60 },
    );
  });
});
