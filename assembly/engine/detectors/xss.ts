// Cross-site scripting (rules 3000-3999). An HTML tag tokenizer (xss/tags.ts), script
// URL and CSS scanners (xss/urls.ts), JavaScript expression scanners (xss/js.ts) and
// context breakouts (xss/breakouts.ts) run over the value, its HTML-decoded and its
// JS-decoded forms. One pass first classifies the bytes, so that a value without
// any character an injection needs costs a single scan.
import { Rule, Category, CRITICAL, WARNING, NOTICE } from "../rule";
import { Sink } from "../sink";
import { Target, TargetKind } from "../target";
import { scanTags } from "./xss/tags";
import { scanSchemes, scanCss } from "./xss/urls";
import { scanJs, scanObfuscatedScript } from "./xss/js";
import { scanAttributeBreakout, scanCommentClose, scanFrameworkTemplate, scanAssignmentBreakout, scanNameBreakout, lastEquals } from "./xss/breakouts";
import * as id from "./xss/ids";
import { byteAt, indexOfCI } from "../bytes";

export const XSS_RULES: Rule[] = [
  new Rule(id.XSS_TAG, Category.Xss, CRITICAL, 1, "tag that runs script or loads active content (<script>, <iframe>, <svg>, <object>, <meta>, <base>, <style> ...)"),
  new Rule(id.XSS_EVENT_HANDLER, Category.Xss, CRITICAL, 1, "event handler attribute (on*=, ng-<event>) in a tag"),
  new Rule(id.XSS_SCRIPT_URL, Category.Xss, CRITICAL, 1, "javascript:/vbscript:/data:text/html URL, also split by tabs, newlines or character references"),
  new Rule(id.XSS_ATTR_BREAKOUT, Category.Xss, CRITICAL, 1, "attribute breakout: an event handler or formaction-like attribute added after a quote or blank"),
  new Rule(id.XSS_DANGEROUS_ATTR, Category.Xss, CRITICAL, 1, "attribute that executes, redirects or changes parsing (formaction, srcdoc, xmlns, xlink:href, http-equiv)"),
  new Rule(id.XSS_CLOSE_RAW_TEXT, Category.Xss, CRITICAL, 1, "closing </script>, </style>, </textarea>, </title> ...: breaks out of a script or text context"),
  new Rule(id.XSS_JS_SINK, Category.Xss, CRITICAL, 1, "call of alert/prompt/confirm/eval, also as (alert)(1), alert`1`, alert.call(...)"),
  new Rule(id.XSS_DOM_ACCESS, Category.Xss, CRITICAL, 1, "document.cookie, window.location, window[...] and other sensitive page properties"),
  new Rule(id.XSS_MARKUP, Category.Xss, WARNING, 1, "HTML element with attributes in a value"),
  new Rule(id.XSS_COMMENT, Category.Xss, WARNING, 1, "HTML comment or CDATA delimiter"),
  new Rule(id.XSS_CSS, Category.Xss, CRITICAL, 1, "CSS that runs script: expression(), url(javascript:), -moz-binding, behavior"),
  new Rule(id.XSS_FRAMEWORK_TEMPLATE, Category.Xss, CRITICAL, 1, "client-side template injection: {{constructor.constructor(...)()}} and the like"),
  new Rule(id.XSS_JSFUCK, Category.Xss, CRITICAL, 1, "JSFuck-encoded script"),
  new Rule(id.XSS_TAGGED_TEMPLATE, Category.Xss, CRITICAL, 1, "function called through a tagged template ([].sort.call`${alert}`)"),
  new Rule(id.XSS_JS_WEAK_SINK, Category.Xss, WARNING, 1, "call of setTimeout/setInterval/Function/atob/fromCharCode"),
  new Rule(id.XSS_DOM_WEAK, Category.Xss, WARNING, 1, "DOM manipulation through document/window (createElement, querySelector, body ...)"),
  new Rule(id.XSS_PLAIN_TAG, Category.Xss, NOTICE, 2, "HTML tag without attributes in a value"),
  new Rule(id.XSS_JSCRIPT_ENCODE, Category.Xss, CRITICAL, 1, "JScript.Encode script marker (#@~^)"),
  new Rule(id.XSS_COMMENT_BREAKOUT, Category.Xss, CRITICAL, 1, "value starts by closing an HTML comment (-->)"),
  new Rule(id.XSS_UNTERMINATED_TAG, Category.Xss, CRITICAL, 1, "HTML tag with an attribute that links, loads or styles (href, src, style ...) left open at the end of a value (the page's markup closes it)"),
  new Rule(id.XSS_JS_ASSIGN_BREAKOUT, Category.Xss, CRITICAL, 1, "JS string closed (with the object or call around it), then a property assigned or a call made (' in x.y=, \"};a.b=, \"};import(...)//, '-f(x)-'), or in a template literal's ${...} an assignment or a page global's call"),
  new Rule(id.XSS_DOM_ASSIGN, Category.Xss, WARNING, 1, "assignment to innerHTML/outerHTML/textContent/innerText"),
  new Rule(id.XSS_DOM_CLOBBER, Category.Xss, CRITICAL, 1, "DOM clobbering: markup whose id or name shadows a document or element member (name=cookie, id=getElementById, name=attributes), or an id repeated with a name (<a id=x><a id=x name=y href=...>: x.y), or an anchor whose id and name differ linking off the page after an element with an id (<a id=x><a id=y name=z href=//host/...>)"),
];

// Byte classes that enable each scanner.
const LT: u32 = 1;       // <, and the first bytes of ＜, ¼, UTF-7 +ADw-
const COLON: u32 = 2;    // :
const AMP: u32 = 4;      // & (character references)
const BACKSLASH: u32 = 8;
const PAREN: u32 = 16;   // ( or `
const DOT: u32 = 32;     // . or [
const BRACE: u32 = 64;   // { or }
const EQ: u32 = 128;     // =
const GT: u32 = 256;     // >
const HASH: u32 = 512;   // # (JScript.Encode)
const BRACKET: u32 = 1024;
const ENCODED: u32 = 2048; // % or a byte >= 0x80: decoded() may differ

const DASH: u32 = 4096;   // - (only to find UTF-7 `ADw-` after the pass; not a scanner's class)

// The class of each byte, filled once: one table load per byte instead of a chain of compares.
const CLASS: usize = memory.data(512);
initClasses();

function initClasses(): void {
  for (let c: u32 = 0; c < 256; c++) {
    let k: u32 = 0;
    if (c == 0x3a) k = COLON;
    else if (c == 0x26) k = AMP;
    else if (c == 0x28 || c == 0x60) k = PAREN;
    else if (c == 0x2e) k = DOT;
    else if (c == 0x2b || c == 0x3c) k = LT;
    else if (c == 0x23) k = HASH;
    else if (c == 0x25) k = ENCODED;
    else if (c == 0x2d) k = DASH;
    else if (c == 0x3d) k = EQ;
    else if (c == 0x3e) k = GT;
    else if (c == 0x5c) k = BACKSLASH;
    else if (c == 0x5b) k = DOT | BRACKET;
    else if (c == 0x7b || c == 0x7d) k = BRACE;
    else if (c >= 0x80) k = (c == 0xbc || c == 0xef) ? LT | ENCODED : ENCODED;
    store<u16>(CLASS + (<usize>c << 1), <u16>k);
  }
}

function classify(buf: ArrayBuffer): u32 {
  let mask: u32 = 0;
  const base = changetype<usize>(buf);
  const len = buf.byteLength;
  for (let i = 0; i < len; i++) mask |= <u32>load<u16>(CLASS + (<usize>load<u8>(base + <usize>i) << 1));
  // UTF-7 `ADw-` is a `<` (only read when nothing else set LT)
  if ((mask & (DASH | LT)) == DASH) {
    for (let i = 3; i < len; i++) {
      if (load<u8>(base + <usize>i) == 0x2d && load<u8>(base + <usize>(i - 1)) == 0x77 && load<u8>(base + <usize>(i - 2)) == 0x44) {
        mask |= LT;
        break;
      }
    }
  }
  return mask & ~DASH;
}

function scanForm(s: Sink, t: Target, buf: ArrayBuffer, mask: u32, markup: bool, jsReading: bool = false): void {
  if (mask & LT) scanTags(s, t, buf, markup, jsReading);
  const lastEq = mask & EQ ? (t.gatesOpen ? buf.byteLength : lastEquals(buf)) : -1;
  if (mask & EQ) scanAttributeBreakout(s, t, buf, lastEq);
  if (mask & (EQ | PAREN)) scanAssignmentBreakout(s, t, buf, lastEq); // (and the calls after a breakout)
  if (mask & (COLON | AMP)) scanSchemes(s, t, buf);
  if ((mask & PAREN) && (mask & (COLON | EQ | PAREN))) scanCss(s, t, buf);
  if (mask & (PAREN | DOT | BRACE)) scanJs(s, t, buf); // (`{onerror=alert}`: a handler assigned in a block)
  if (mask & BRACE) scanFrameworkTemplate(s, t, buf);
  if (mask & GT) scanCommentClose(s, t, buf);
  if (mask & (BRACKET | HASH)) scanObfuscatedScript(s, t, buf);
}

export function detectXss(s: Sink, t: Target): void {
  if (t.kind == TargetKind.ArgName || t.kind == TargetKind.CookieName || t.kind == TargetKind.BodyKey) scanNameBreakout(s, t, t.value);
  let mask = classify(t.value);
  if (mask == 0) return;
  // decoded(): URL-decoded until stable, full-width and overlong forms folded, NUL removed.
  let value = t.value;
  if (mask & ENCODED) {
    value = t.decoded();
    if (value != t.value) mask = classify(value);
  }
  // Whole XML/HTML bodies legitimately hold markup; their values are targets of their own.
  const markup = t.kind != TargetKind.Body && !isHtmlDocument(value);
  scanForm(s, t, value, mask, markup);
  if (mask & AMP) {
    const html = t.htmlDecoded();
    if (html != value) scanForm(s, t, html, classify(html), markup);
  }
  if (mask & BACKSLASH) {
    const js = t.jsDecoded();
    if (js != value) scanForm(s, t, js, classify(js), markup, true);
  }
}

/**
 * Whether the value is a whole HTML document (a DOCTYPE, an XML prolog or `<html` first, `</html>` in its last bytes): a
 * mail's or a page's HTML posted to an API is read as a body is, its markup its own (script, handlers and URLs still count).
 */
function isHtmlDocument(v: ArrayBuffer): bool {
  const n = v.byteLength;
  if (n < 24 || byteAt(v, 0) != 0x3c) return false;
  const c = byteAt(v, 1) | 0x20;
  return (c == 0x21 || c == 0x3f || c == 0x68) && indexOfCI(v, "</html", n - 16) >= 0;
}
