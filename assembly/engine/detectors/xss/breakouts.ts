// Injections that leave the context a value is echoed into without opening a tag:
// an attribute value closed to add a handler (`" onmouseover=`, `' autofocus onfocus=`),
// an HTML comment closed (`-->` opening a value), and expressions in the templates of
// client-side frameworks (`{{constructor.constructor('alert(1)')()}}`).
import { byteAt, isAlpha, matchesCI } from "../../bytes";
import { Sink } from "../../sink";
import { Target } from "../../target";
import { isBlank } from "./chars";
import { isDangerousAttr, isEventHandlerName } from "./names";
import { XSS_ATTR_BREAKOUT, XSS_COMMENT, XSS_COMMENT_BREAKOUT, XSS_FRAMEWORK_TEMPLATE, XSS_JS_ASSIGN_BREAKOUT } from "./ids";
import { WordList } from "../../wordlist";

// @ts-ignore: decorator
@inline function isQuote(c: u32): bool {
  return c == 0x22 || c == 0x27 || c == 0x60;
}

/** What may stand before an attribute an attacker adds: a blank, quote, `;`, `,`, `(`, or `/` after one of those. */
function opensAttribute(buf: ArrayBuffer, i: i32): bool {
  if (i == 0) return true;
  let c = byteAt(buf, i - 1);
  if (c == 0x2f) {
    let j = i - 1;
    while (j > 0 && i - j < 8 && byteAt(buf, j - 1) == 0x2f) j--;
    if (j == 0) return true;
    c = byteAt(buf, j - 1);
    return c <= 0x20 || isQuote(c) || bareAttributesAfterQuote(buf, j - 1);
  }
  return c <= 0x20 || isQuote(c) || c == 0x3b || c == 0x2c || c == 0x28 || c == 0x2b; // `+`: a space in forms
}

/**
 * Whether bytes before `i` (exclusive of `i`'s own byte, a name letter) are bare attribute names
 * separated by `/` that follow a closing quote: `"/x/onclick=` is read by a browser as the
 * attributes x and onclick after the value `"` closed.
 */
function bareAttributesAfterQuote(buf: ArrayBuffer, i: i32): bool {
  let j = i;
  const stop = max(0, i - 40);
  while (j >= stop) {
    const c = byteAt(buf, j);
    if (isQuote(c)) return j < i;
    if (!(isAlpha(c) || c == 0x2d || c == 0x2f)) return false;
    j--;
  }
  return false;
}

/** `on<letters>=` (not `==`) after a blank, quote or `/`; `formaction=`-like attributes right after a quote. */
/** Index of the last `=` in `buf`, or -1: the breakout scans below find an attribute or assignment only before it. */
export function lastEquals(buf: ArrayBuffer): i32 {
  let i = buf.byteLength - 1;
  while (i >= 0 && byteAt(buf, i) != 0x3d) i--;
  return i;
}

/** (`lastEq`: lastEquals(buf), the `=` a name read at `i` must come before) */
export function scanAttributeBreakout(s: Sink, t: Target, buf: ArrayBuffer, lastEq: i32): void {
  const len = buf.byteLength;
  for (let i = 0; i + 4 < len && i < lastEq; i++) {
    if (!isAlpha(byteAt(buf, i))) continue;
    if (i > 0 && isAlpha(byteAt(buf, i - 1))) continue; // (inside a word: what opensAttribute says at once)
    if (!opensAttribute(buf, i)) continue;
    let e = i;
    while (e < len && e - i < 48 && (isAlpha(byteAt(buf, e)) || byteAt(buf, e) == 0x2d || byteAt(buf, e) == 0x3a)) e++;
    let j = e;
    while (j < len && j - e < 8 && isBlank(<i32>byteAt(buf, j))) j++;
    if (j >= len || byteAt(buf, j) != 0x3d || (j + 1 < len && byteAt(buf, j + 1) == 0x3d)) {
      i = e;
      continue;
    }
    if (isEventHandlerName(buf, i, e) && (afterQuoteOrSlash(buf, i) || !isPlainWord(buf, j + 1) || afterOpeningQuote(buf, i)) &&
        !(i > 0 && byteAt(buf, i - 1) == 0x2b && j + 1 >= len) && // `+onabc=` ending a base64 token
        !inertConfigLine(buf, i, j + 1)) {
      s.report(XSS_ATTR_BREAKOUT, t, buf, max(0, i - 1), min(len, j + 30), "event handler injected");
      return;
    }
    if (i > 0 && isQuote(byteAt(buf, i - 1)) && isDangerousAttr(buf, i, e)) {
      s.report(XSS_ATTR_BREAKOUT, t, buf, i - 1, min(len, j + 30), "attribute after a quote");
      return;
    }
    i = e;
  }
}

/**
 * `OnCalendar=*-*-* 6,18:00`, `✓ OnBootSec=`: a key opening a line of a multi-line value (after spaces or a non-ASCII list mark) whose
 * value, to the end of the line, holds no byte a script needs (no call, template, assignment, member index,
 * statement, escape, entity, quote or tag) is a config or settings line; a handler that runs something
 * (`\nonerror=alert(1)`, `\nonfocus=location=...`) or closes a tag (`onclick=f>`) still counts.
 */
function inertConfigLine(buf: ArrayBuffer, i: i32, v: i32): bool {
  let k = i - 1;
  let c: u32 = 0;
  while (k >= 0 && ((c = byteAt(buf, k)) == 0x20 || c >= 0x80)) k--;
  if (k >= 0 && c != 0x0a) return false;
  for (let j = v; j < buf.byteLength; j++) {
    if ((c = byteAt(buf, j)) == 0x0a) return true;
    // ( ) ` = [ { ; & % \ < > " ': one bit per byte, 0x00-0x3f then 0x40-0x7f (a byte above 0x7f reads as one of
    // these, so that some non-ASCII values keep the judgement they had)
    if (((c & 0x40 ? <u64>0x0800000118000000 : <u64>0x780003e400000000) >> <u64>(c & 63)) & 1) return false;
  }
  return k >= 0; // one line with no line before it is a lone value, not a file's line
}

function afterQuoteOrSlash(buf: ArrayBuffer, i: i32): bool {
  if (i == 0) return false;
  const c = byteAt(buf, i - 1);
  return isQuote(c) || c == 0x2f;
}

/**
 * Blanks before `i`, and before them the value's first quote of its kind: `" onmouseenter=new Image()...`
 * closed the page's attribute value, whatever the handler's value looks like (`a="x" online=1` closes
 * a string of its own: its quote is the second).
 */
function afterOpeningQuote(buf: ArrayBuffer, i: i32): bool {
  let k = i - 1;
  while (k > 0 && i - k < 8 && isBlank(<i32>byteAt(buf, k))) k--;
  const q = byteAt(buf, k);
  if (k == i - 1 || !isQuote(q)) return false;
  while (k > 0) if (byteAt(buf, --k) == q) return false;
  return true;
}

/**
 * Whether the text at `j` is a plain word (letters, digits, `_`, `-`) followed by a blank
 * or the end: `onion=layered vegetable` is prose, `onload=alert(1)` and `onload= ` are not.
 */
function isPlainWord(buf: ArrayBuffer, j: i32): bool {
  const len = buf.byteLength;
  const start = j;
  while (j < len && j - start < 64) {
    const c = byteAt(buf, j);
    if (isAlpha(c) || (c >= 0x30 && c <= 0x39) || c == 0x5f || c == 0x2d) { j++; continue; }
    break;
  }
  return j > start && (j == len || byteAt(buf, j) <= 0x20);
}

/**
 * `-->`: closes an HTML comment; at the start of a value (after quotes) it is a breakout (alone too: CRS
 * 941181 probes with a lone `-->`). One that closes a comment the value opened (`<!-- wp:image -->`, `<!-- <h3 id="d">D</h3> -->`) hides nothing of the page:
 * the markup inside is judged as markup by the tag scanner.
 */
export function scanCommentClose(s: Sink, t: Target, buf: ArrayBuffer): void {
  const len = buf.byteLength;
  let open = -1; // just after the `<!--` of a comment the value opened and has not closed
  for (let i = 0; i + 2 < len; i++) {
    if (byteAt(buf, i) == 0x3c && matchesCI(buf, i + 1, "!--")) {
      if (open < 0) open = i + 4;
      i++; // `<!-->` is closed by its own dashes
      continue;
    }
    if (byteAt(buf, i) != 0x2d || byteAt(buf, i + 1) != 0x2d || byteAt(buf, i + 2) != 0x3e) continue;
    if (open >= 0 && i + 2 >= open) { open = -1; continue; }
    let k = 0;
    while (k < i && (isBlank(<i32>byteAt(buf, k)) || isQuote(byteAt(buf, k)))) k++;
    if (k == i) s.report(XSS_COMMENT_BREAKOUT, t, buf, 0, min(len, i + 30), "comment closed");
    else s.report(XSS_COMMENT, t, buf, i, i + 3, "HTML comment delimiter");
    return;
  }
}

const TEMPLATE_MARKERS = new WordList("constructor|$eval|$on|__proto__|$emit|$parent|alert(|prompt(|confirm(|fromcharcode");

/** `{{ ... }}` holding what escapes an AngularJS/Vue sandbox or calls a script-proof function. */
export function scanFrameworkTemplate(s: Sink, t: Target, buf: ArrayBuffer): void {
  const len = buf.byteLength;
  let i = 0;
  while (i + 1 < len) {
    if (byteAt(buf, i) != 0x7b || byteAt(buf, i + 1) != 0x7b) { i++; continue; }
    // Read the block once, up to its `}}` (or 512 bytes), then go on after it: linear in the value.
    const end = min(len, i + 512);
    let j = i + 2;
    for (; j < end; j++) {
      const c = byteAt(buf, j);
      if (c == 0x7d && j + 1 < len && byteAt(buf, j + 1) == 0x7d) break;
      if (!(isAlpha(c) || c == 0x24 || c == 0x5f)) continue;
      for (let k = 0; k < TEMPLATE_MARKERS.count; k++) {
        if (TEMPLATE_MARKERS.matchesLower(k, buf, j)) {
          s.report(XSS_FRAMEWORK_TEMPLATE, t, buf, i, min(len, j + 40), "template sandbox escape");
          return;
        }
      }
    }
    i = j + 1;
  }
}

/**
 * A quote closing a JS string (and the object, array or call around it), then the `in` operator or an
 * operator/`;`, then an assignment to a (dotted) name: `' in foo.bar=`, `"in valueOf=`, `";a.b=`,
 * `"};location=`; or a template literal's `${` opening the expression: `${location=name}`. Or, the quote
 * among the value's first bytes, a call of a name (`"};import('//x')`, `'-navigator.sendBeacon(...)`)
 * in a value that ends as a breakout ends (breakoutEnd); in a template, a call on a page global.
 */
export function scanAssignmentBreakout(s: Sink, t: Target, buf: ArrayBuffer, lastEq: i32): void {
  const len = buf.byteLength;
  let odd: u32 = 0; // a bit per quote kind: an odd number of them so far
  for (let i = 0; i + 3 < len && (i < lastEq || i < 32); i++) {
    const c = byteAt(buf, i);
    let j = i + 1;
    const template = c == 0x24 && byteAt(buf, j) == 0x7b;
    if (template) {
      j++;
    } else {
      if (!isQuote(c)) continue;
      const bit: u32 = 1 << (c & 3); // " 4, ' 8, ` 1
      odd ^= bit;
      // `name=="a b";age=gt=3` (RSQL): the second quote of a kind closes the value's own string (in the page's it opens one)
      if ((odd & bit) == 0) continue;
      while (j < len && j - i < 4 && isCloser(byteAt(buf, j))) j++;
      const k = j;
      while (j < len && j - i < 8 && byteAt(buf, j) == 0x20) j++;
      if (j + 2 < len && byteAt(buf, j) == 0x69 && byteAt(buf, j + 1) == 0x6e) {
        if (byteAt(buf, j + 2) == 0x20) j += 2; // the `in` operator
        else if (j == k) continue; // `'index.html=`: a word inside the string; `'  infoo.bar=` is read whole
      } else if (j < len && isJsOperator(byteAt(buf, j))) {
        j++;
      } else {
        continue;
      }
    }
    while (j < len && j - i < 24 && byteAt(buf, j) == 0x20) j++;
    const e = dottedNameEnd(buf, j);
    if (e == j) continue;
    let k = e;
    while (k < len && k - e < 8 && byteAt(buf, k) == 0x20) k++;
    const a = byteAt(buf, k);
    if (k >= len) continue;
    if (a == 0x3d && (k + 1 >= len || byteAt(buf, k + 1) != 0x3d) && (nameDots > 0 || isBuiltinMember(buf, j, e))) {
      s.report(XSS_JS_ASSIGN_BREAKOUT, t, buf, i, min(len, k + 30), "string closed, assigned");
      return;
    }
    if (a == 0x28 && (template ? PAGE_NAMES.has(buf, j, nameHead) : i < 32) && breakoutEnd(buf, k, template)) {
      s.report(XSS_JS_ASSIGN_BREAKOUT, t, buf, i, min(len, k + 30), "string closed, call");
      return;
    }
  }
}

/** Page globals whose call in a template literal's `${...}` is page script (Terraform and Groovy templates name none). */
const PAGE_NAMES = new WordList("navigator|location|import|fetch|localStorage|sessionStorage");

/**
 * Whether the value, a call opened at `k`, ends as a string breakout ends: `//`, `)` or `);`, or an
 * operator reopening the page's string (`-'`; not `||'`, SQL's concatenation); a template, at `}`.
 */
function breakoutEnd(buf: ArrayBuffer, k: i32, template: bool): bool {
  let z = buf.byteLength - 1;
  while (z > k && byteAt(buf, z) <= 0x20) z--;
  const c = byteAt(buf, z);
  const d = byteAt(buf, z - 1);
  if (template) return c == 0x7d;
  return c == 0x29 || (c == 0x3b && d == 0x29) || (c == 0x2f && d == 0x2f) || (isQuote(c) && isJsOperator(d) && byteAt(buf, z - 2) != d);
}

/** `}` `]` `)`: what closes the object, array or call a script held the string in. */
// @ts-ignore: decorator
@inline function isCloser(c: u32): bool {
  return c == 0x7d || c == 0x5d || c == 0x29;
}

// @ts-ignore: decorator
@inline function isJsOperator(c: u32): bool {
  return c == 0x3b || c == 0x2b || c == 0x2d || c == 0x7c || c == 0x26 || c == 0x2c || c == 0x2a || c == 0x5e;
}

/** Dots in the name dottedNameEnd read last, and the end of its first identifier. */
let nameDots = 0;
let nameHead = 0;

/** End of `name` or `name.name...` (JS identifiers) at `j` (`j` when none); sets nameDots. */
function dottedNameEnd(buf: ArrayBuffer, j: i32): i32 {
  const len = buf.byteLength;
  const start = j;
  nameDots = 0;
  while (j < len && j - start < 64) {
    const c = byteAt(buf, j);
    if (isAlpha(c) || (c >= 0x30 && c <= 0x39 && j > start) || c == 0x5f || c == 0x24) { j++; continue; }
    if (c == 0x2e && j > start) {
      if (nameDots++ == 0) nameHead = j;
      j++;
      continue;
    }
    break;
  }
  if (nameDots == 0) nameHead = j;
  return j;
}

/** Object members whose assignment hijacks conversions or navigation (`valueOf`, `toString`, `location`, `name`). */
function isBuiltinMember(buf: ArrayBuffer, start: i32, end: i32): bool {
  const n = end - start;
  return (n == 7 && matchesCI(buf, start, "valueof")) || (n == 8 && (matchesCI(buf, start, "tostring") || matchesCI(buf, start, "location"))) ||
    (n == 7 && matchesCI(buf, start, "onerror"));
}

/**
 * A parameter name is followed by `=` on the wire: a name that ends with an event handler
 * after a blank or quote (`gt; src onerror` from `&gt;+src+onerror=confirm(1)`) is a breakout
 * split at the `&` of an entity.
 */
export function scanNameBreakout(s: Sink, t: Target, buf: ArrayBuffer): void {
  const len = buf.byteLength;
  let i = len;
  while (i > 0 && len - i < 48 && isAlpha(byteAt(buf, i - 1))) i--;
  if (i == 0 || i == len || !opensAttribute(buf, i)) return;
  if (isEventHandlerName(buf, i, len)) {
    s.report(XSS_ATTR_BREAKOUT, t, buf, i - 1, len, "handler in a name");
  }
}
