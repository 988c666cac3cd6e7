// HTML tag tokenizer: finds `<name attr=value ...>` the way a browser would read it
// (any of blank, `/` or `>` after the name; `/` between attributes; quoted and
// unquoted values; `prefix:name` for SVG/MathML/VML/XHTML namespaces), then
// classifies the tag and each attribute. Openers besides `<`: full-width `＜`,
// UTF-7 `+ADw-` and the 7-bit-stripped `¼` (0xBC).
import { byteAt, equalBytes, indexOfCI, isAlpha, isWordByte, matchesCI, needleString } from "../../bytes";
import { Sink } from "../../sink";
import { Target } from "../../target";
import { isBlank } from "./chars";
import { isAttributeOnlyTag, isDangerousAttr, isDangerousTag, isDangerousTagPrefix, isDomMember, isEventHandlerName, isHtmlTag, isLoadingAttr, isRawTextTag } from "./names";
import { XSS_TAG, XSS_EVENT_HANDLER, XSS_DANGEROUS_ATTR, XSS_CLOSE_RAW_TEXT, XSS_MARKUP, XSS_PLAIN_TAG, XSS_COMMENT, XSS_UNTERMINATED_TAG, XSS_DOM_CLOBBER } from "./ids";

// Scratch for the lower-case local tag name (names longer than this are never dangerous).
const NAME_MAX: i32 = 24;
const nameBuf = new ArrayBuffer(NAME_MAX);
// Rules already reported in this scan (bit = id - 3000): a value with thousands of tags reports each rule once.
let reported: u64 = 0;

/** `reason`: a needle (bytes.ts), made a string only for a rule's first report in the scan. */
function report<Needle>(s: Sink, t: Target, rule: i32, buf: ArrayBuffer, start: i32, end: i32, reason: Needle, n: i32 = 0): void {
  const bit = (<u64>1) << <u64>(rule - 3000);
  if (reported & bit) return;
  reported |= bit;
  s.report(rule, t, buf, start, end, needleString(reason, n));
}

// A tag is read at most this far: keeps the scan linear on hostile input.
const TAG_WINDOW: i32 = 1024;

/** Whether the name read (lower case, `n` bytes) is `style`, the one dangerous name of five letters opening `st`. */
function styleTag(n: i32): bool {
  return n == 5 && load<u16>(changetype<usize>(nameBuf)) == 0x7473;
}

/** Reports every tag in `buf`. `markup`: also report harmless-looking markup (not for raw XML/HTML bodies). */
export function scanTags(s: Sink, t: Target, buf: ArrayBuffer, markup: bool, jsReading: bool = false): void {
  const len = buf.byteLength;
  reported = 0;
  lastCommentClose = -2;
  templateOpen = -2;
  idStart = idEnd = 0;
  inJsReading = jsReading;
  for (let i = 0; i < len; i++) {
    const c = byteAt(buf, i);
    let open = 0;
    if (c == 0x3c) open = 1;
    else if (c == 0xef && i + 2 < len && byteAt(buf, i + 1) == 0xbc && byteAt(buf, i + 2) == 0x9c) open = 3;
    else if ((c == 0x2b || c == 0x20) && isUtf7Lt(buf, i)) open = 5; // `+` becomes a space in query strings
    else if (c == 0xbc && i + 1 < len && isAlpha(byteAt(buf, i + 1))) open = 1;
    if (open == 0) continue;
    scanTag(s, t, buf, i, i + open, markup, c == 0x3c, c == 0xbc);
  }
}

function isUtf7Lt(buf: ArrayBuffer, i: i32): bool {
  return i + 5 < buf.byteLength && byteAt(buf, i + 1) == 0x41 && byteAt(buf, i + 2) == 0x44 &&
    byteAt(buf, i + 3) == 0x77 && byteAt(buf, i + 4) == 0x2d && isAlpha(byteAt(buf, i + 5));
}

// @ts-ignore: decorator
@inline function isNameByte(c: u32): bool {
  return isWordByte(c) || c == 0x2d || c == 0x2e;
}

function scanTag(s: Sink, t: Target, buf: ArrayBuffer, start: i32, k: i32, markup: bool, asciiOpen: bool, stripped: bool): void {
  const lim = min(buf.byteLength, start + TAG_WINDOW);
  const afterOpen = k;
  while (k < lim && k - afterOpen < 4 && isBlank(<i32>byteAt(buf, k))) k++;
  const spacedOpen = k > afterOpen;
  if (k >= lim) return;
  let closing = false;
  let pi = false;
  const first = byteAt(buf, k);
  if (first == 0x2f) { closing = true; k++; }
  else if (first == 0x21) { scanBang(s, t, buf, start, k + 1); return; }
  else if (first == 0x3f) { pi = true; k++; }
  if (k >= lim || !(isAlpha(byteAt(buf, k)) || byteAt(buf, k) == 0x3a)) return;

  // Tag name: keep the lower-case local part; read on across blanks only while the
  // letters so far spell the start of a dangerous name (`<f o r m`, `< x: script`, `<scr\0ipt`).
  let n = 0;
  let spaced = false;
  let p = k;
  let plainP = 0; // where the name ended before reading on across blanks
  let plainN = 0;
  while (p < lim) {
    const b = byteAt(buf, p);
    if (isNameByte(b)) {
      if (n < NAME_MAX) store<u8>(changetype<usize>(nameBuf) + <usize>n, <u8>(b | (isAlpha(b) ? 0x20 : 0)));
      n++;
      p++;
      continue;
    }
    if (b == 0x3a) {
      n = 0;
      p++;
      while (p < lim && p - k < 40 && isBlank(<i32>byteAt(buf, p))) p++;
      continue;
    }
    if (isBlank(<i32>b) && n > 0 && n < NAME_MAX) {
      let q = p;
      while (q < lim && q - p < 3 && isBlank(<i32>byteAt(buf, q))) q++;
      if (q < lim && isAlpha(byteAt(buf, q)) && isDangerousTagPrefix(nameBuf, 0, n)) {
        if (!spaced) { plainP = p; plainN = n; }
        spaced = true;
        p = q;
        continue;
      }
    }
    break;
  }
  if (spaced && (n > NAME_MAX || !isDangerousTag(nameBuf, 0, n))) {
    p = plainP;
    n = plainN;
    spaced = false;
  }
  if (n == 0 || n > NAME_MAX) return;
  // (a whole SVG or HTML document's own `<style>` sheet is its styling: what a sheet can run or
  // fetch, `url(javascript:`, `expression(`, is found apart)
  let dangerous = isDangerousTag(nameBuf, 0, n) && (markup || !styleTag(n));
  // `<base>`, `<meta/>`: closed with no attribute at all. Left open (`<base` at the end), the page's markup could add one.
  if (dangerous && asciiOpen && isAttributeOnlyTag(nameBuf, 0, n)) {
    let q = p;
    while (q < lim && (isBlank(<i32>byteAt(buf, q)) || byteAt(buf, q) == 0x2f)) q++;
    if (q < lim && byteAt(buf, q) == 0x3e && (n != 6 || indexOfCI(buf, "param", q) < 0)) dangerous = false;
  }
  // `<meta>` and `<link>` act only through what their attributes say: `<meta name=... content=...>` or
  // `<link rel=stylesheet href=css/x.css>` (a page's head, a docs generator's markup) runs and fetches nothing foreign
  headKind = dangerous && n == 4 ? load<u32>(changetype<usize>(nameBuf)) : 0;
  if (headKind != META && headKind != LINK) headKind = 0;
  headActive = false;
  if (p < buf.byteLength) {
    const d = byteAt(buf, p);
    // `¼name¾`: with the high bit stripped (a US-ASCII reading) it is `<name>`.
    if (stripped && (d == 0xbe || (d >= 0xc0 && p + 1 < buf.byteLength && byteAt(buf, p + 1) == 0xbe))) {
      report(s, t, XSS_TAG, buf, start, p + 2, "8-bit tag brackets");
      return;
    }
    // A dangerous name ends at any punctuation: parsers differ on `<noscript#`, `<script\`.
    if (dangerous && !spaced && !closing && !pi && !isNameByte(d) && d < 0x80 && (headKind == 0 || !(isBlank(<i32>d) || d == 0x2f || d == 0x3e))) {
      report(s, t, XSS_TAG, buf, start, p + 1, "active content tag");
      return;
    }
    // `<b@x.org>`, `<3`: not a tag. After `＜`, `+ADw-` or `¼` the closer is encoded too (`＞`, `+AD4-`, `¾`).
    if (!(isBlank(<i32>d) || d == 0x2f || d == 0x3e || d == 0x3c || (!asciiOpen && !isNameByte(d)))) return;
  }
  if ((spaced || spacedOpen) && !dangerous) return; // `a < b and c > d`
  if (pi) {
    if (n == 6 && dangerous && load<u8>(changetype<usize>(nameBuf)) == 0x69) report(s, t, XSS_TAG, buf, start, p, "<?import");
    return;
  }
  if (closing) {
    // in a whole XML or HTML body `</title>` is the document's own markup (an Atom feed's title)
    // `</template>` after the value's own `<template>` closes that one (a template's content is parsed as markup,
    // not raw text): only one the value did not open leaves the page's inert template
    if (markup && isRawTextTag(nameBuf, 0, n)) {
      if (n == 8 && matchesCI(nameBuf, 0, "template")) {
        if (templateOpen == -2) templateOpen = indexOfCI(buf, "<template");
        if (templateOpen >= 0 && templateOpen < start) return;
      }
      report(s, t, XSS_CLOSE_RAW_TEXT, buf, start, p, "raw-text context closed");
    }
    return;
  }
  const attrs = scanAttributes(s, t, buf, start, p, lim, markup);
  if (markup && tagIdEnd > 0 && anchorChain(buf)) report(s, t, XSS_DOM_CLOBBER, buf, start, tagIdEnd, "DOM clobbering");
  if (headKind != 0 && !headActive && attributesEnd < buf.byteLength && byteAt(buf, attributesEnd) == 0x3e) dangerous = false;
  if (dangerous) {
    report(s, t, XSS_TAG, buf, start, p, "active content tag");
  } else if (markup && (isHtmlTag(nameBuf, 0, n) || headKind != 0)) {
    // A value that ends inside an unquoted attribute value (`Here's a video: <a href=https://...`) is a link cut
    // short: the page's next byte ends it. A closed value or a bare name leaves the page's markup to add attributes
    // to a tag that links or loads (`<a href="x"`, `<img src="x" class="y"`); one whose attributes only label
    // (`<a aria-hidden="true"`, the first words of a line of markup) gains nothing from them.
    if (attrs > 0 && attributesEnd >= buf.byteLength && !lastValueCutShort && !inJsReading && tagLoads) {
      report(s, t, XSS_UNTERMINATED_TAG, buf, start, min(lim, p + 40), "tag left open");
    } else if (attrs > 0) {
      report(s, t, XSS_MARKUP, buf, start, min(lim, p + 40), "element with attributes");
    } else {
      report(s, t, XSS_PLAIN_TAG, buf, start, p + 1, "HTML tag");
    }
  }
}

// A dangerous tag name of four letters read as a u32 (little-endian), and the two that act only through their attributes.
let headKind: u32 = 0;
const META: u32 = 0x6174656d;
const LINK: u32 = 0x6b6e696c;
/** Whether an attribute of that `<meta>` or `<link>` acts (headAttributeActs). */
let headActive = false;

/**
 * What makes a `<meta>` or `<link>` act: a dangerous attribute (`http-equiv`: refresh, cookies, policies), `charset`
 * (UTF-7 reads `+ADw-` as `<`; CRS 941260 counts any), a value naming an import or a script (`rel=import` runs the
 * document it loads, `type=text/javascript` old browsers run: CRS 941270), an `href` that may leave the page's origin
 * (a scheme, `//host`, a backslash). `name=referrer` is DOM clobbering (3023).
 */
function headAttributeActs(buf: ArrayBuffer, ns: i32, ne: i32, vs: i32, ve: i32, markup: bool): bool {
  const charset = ne - ns == 7 && matchesCI(buf, ns, "charset");
  // (a whole document's own `<meta charset>` or `http-equiv="Content-Type"` says how to read it: a UTF-7 payload is
  // found by its own `+ADw-`)
  if ((charset || isDangerousAttr(buf, ns, ne)) && (markup || !(charset || ve - vs == 12 && matchesCI(buf, vs, "content-type")))) return true;
  // (ending a word: `text/javascript`, not `description`)
  for (let j = vs; j + 6 <= ve; j++) if ((matchesCI(buf, j, "import") || matchesCI(buf, j, "script")) && (j + 6 == ve || !isAlpha(byteAt(buf, j + 6)))) return true;
  return ne - ns == 4 && matchesCI(buf, ns, "href") && leavesOrigin(buf, vs, ve);
}

/**
 * Whether the URL in `buf[vs, ve)` may leave the page's origin: relative unless a scheme comes before the first
 * `/`, `?` or `#`, or it opens with `//` or `\` (tabs and line breaks, which URL parsers drop, skipped).
 */
function leavesOrigin(buf: ArrayBuffer, vs: i32, ve: i32): bool {
  let k = 0;
  let prev: u32 = 0;
  for (let j = vs; j < ve; j++) {
    const c = byteAt(buf, j);
    if (c == 0x09 || c == 0x0a || c == 0x0d || (c == 0x20 && k == 0)) continue;
    if (c == 0x5c || c == 0x3a || (c == 0x2f && prev == 0x2f && k == 1)) return true;
    if (c == 0x3f || c == 0x23 || (c == 0x2f && k > 0) || prev == 0x2f) return false;
    prev = c;
    k++;
  }
  return false;
}

/** Where the last `scanAttributes` stopped: at `>` or `<`, or the end of the value when the tag is left open. */
let attributesEnd: i32 = 0;
/**
 * Whether the buffer is the JS-unescaped reading (`\x22` -> `"`): there the value sits in a script
 * string, whose own quote ends it, so no page markup follows to close a tag left open.
 */
let inJsReading = false;
/** Whether the last attribute value that `scanAttributes` read ran to the end of the value, unquoted or in a quote left open (cut short). */
let lastValueCutShort = false;
/** Whether the tag `scanAttributes` read has an attribute that links, loads or styles, or a quote left open on a URL to elsewhere. */
let tagLoads = false;

/** Where the value of the attribute being read starts. */
let valueStart: i32 = 0;
/** The id of the scan's first tag with one (0, 0 before), and whether the tag being read repeats it. */
let idStart: i32 = 0;
let idEnd: i32 = 0;
let idRepeated = false;

/** The id and the name of the tag being read (0, 0: none), and whether its href may leave the page's origin. */
let tagIdStart: i32 = 0;
let tagIdEnd: i32 = 0;
let tagNameStart: i32 = 0;
let tagNameEnd: i32 = 0;
let tagRemote = false;

/**
 * DOM clobbering: an id or name that shadows a member scripts read (names.ts), or a second element with the
 * id of an earlier one and a name (`<a id=x><a id=x name=y href=//evil/x.js>`: `x` is then a collection and
 * `x.y` the anchor, whose string is its href). Attributes are read in order, so a name after the repeated id counts.
 */
function clobbering(s: Sink, t: Target, buf: ArrayBuffer, start: i32, ns: i32, ne: i32, ve: i32, markup: bool): void {
  const vs = valueStart;
  const id = ne - ns == 2 && matchesCI(buf, ns, "id");
  if (!markup || ve <= vs || !(id || (ne - ns == 4 && matchesCI(buf, ns, "name")))) return;
  if (!id && idRepeated || isDomMember(buf, vs, ve)) report(s, t, XSS_DOM_CLOBBER, buf, start, ve, "DOM clobbering");
  if (!id) {
    tagNameStart = vs;
    tagNameEnd = ve;
    return;
  }
  tagIdStart = vs;
  tagIdEnd = ve;
  if (idEnd == 0) { idStart = vs; idEnd = ve; }
  else idRepeated = ve - vs == idEnd - idStart && vs != idStart && equalBytes(changetype<usize>(buf) + <usize>vs, changetype<usize>(buf) + <usize>idStart, ve - vs);
}

/**
 * A clobbering chain spread over elements of different ids (`<a id=scriptSrc><a id=CONFIG name=url
 * href=//x.example/evil.js>`): a link (`a`, `area`: an element with an href) whose id and name differ, each a
 * global the page's script may read, and whose href, the string both stand for, may leave the page's origin,
 * after another element with an id. A named anchor of rich text repeats its id as its name (`<a id=fn1
 * name=fn1>`) or links within the page; a link with an id alone, or a name alone, names one thing.
 */
function anchorChain(buf: ArrayBuffer): bool {
  const idLen = tagIdEnd - tagIdStart;
  return tagRemote && tagNameEnd > 0 && idStart != tagIdStart &&
    !(tagNameEnd - tagNameStart == idLen && equalBytes(changetype<usize>(buf) + <usize>tagNameStart, changetype<usize>(buf) + <usize>tagIdStart, idLen));
}

/** Reads attributes after the tag name; reports handlers and dangerous ones; returns how many had `=`. */
function scanAttributes(s: Sink, t: Target, buf: ArrayBuffer, start: i32, q: i32, lim: i32, markup: bool): i32 {
  let withValue = 0;
  idRepeated = false;
  tagIdEnd = tagNameEnd = 0;
  tagRemote = false;
  attributesEnd = q;
  lastValueCutShort = false;
  tagLoads = false;
  for (let guard = 0; q < lim && guard < 64; guard++) {
    while (q < lim && (isBlank(<i32>byteAt(buf, q)) || byteAt(buf, q) == 0x2f)) q++;
    attributesEnd = q;
    if (q >= lim) break;
    let b = byteAt(buf, q);
    if (b == 0x3e || b == 0x3c) break;
    const nameStart = q;
    if (b == 0x3d) q++; // a leading `=` belongs to the name
    while (q < lim) {
      b = byteAt(buf, q);
      if (isBlank(<i32>b) || b == 0x2f || b == 0x3e || b == 0x3d) break;
      q++;
    }
    const nameEnd = q;
    let r = q;
    while (r < lim && isBlank(<i32>byteAt(buf, r))) r++;
    let hasValue = false;
    if (r < lim && byteAt(buf, r) == 0x3d) {
      hasValue = true;
      r++;
      while (r < lim && isBlank(<i32>byteAt(buf, r))) r++;
      let quoted = 0;
      if (r < lim && (byteAt(buf, r) == 0x22 || byteAt(buf, r) == 0x27 || byteAt(buf, r) == 0x60)) {
        const quote = byteAt(buf, r);
        r++;
        valueStart = r;
        while (r < lim && byteAt(buf, r) != quote) r++;
        if (r < lim) { r++; quoted = 1; }
        // A quote left open at the end takes the page's markup, up to its next quote, as the value: dangling
        // markup that carries the page away when the value is a URL to elsewhere (`<img src='//x.example/?`);
        // any other value (`<svg viewBox="0 0`, `<span class="hljs-title`: a line of markup cut short) gains nothing.
        if (quoted == 0 && r >= buf.byteLength) {
          lastValueCutShort = !leavesOrigin(buf, valueStart, r);
          if (!lastValueCutShort) tagLoads = true;
        } else lastValueCutShort = false;
      } else {
        valueStart = r;
        while (r < lim && !isBlank(<i32>byteAt(buf, r)) && byteAt(buf, r) != 0x3e) r++;
        lastValueCutShort = r >= buf.byteLength;
      }
      clobbering(s, t, buf, start, nameStart, nameEnd, r - quoted, markup);
      if (nameEnd - nameStart == 4 && matchesCI(buf, nameStart, "href")) tagRemote = leavesOrigin(buf, valueStart, r - quoted);
      if (headKind != 0 && !headActive) headActive = headAttributeActs(buf, nameStart, nameEnd, valueStart, r - quoted, markup);
      q = r;
    }
    if (q == nameStart) q++;
    if (!hasValue) continue;
    withValue++;
    if (isLoadingAttr(buf, nameStart, nameEnd)) tagLoads = true;
    attributesEnd = q;
    if (isEventHandlerName(buf, nameStart, nameEnd)) {
      report(s, t, XSS_EVENT_HANDLER, buf, start, min(q, start + 100), "event handler in a tag");
    } else if (markup && isDangerousAttr(buf, nameStart, nameEnd)) {
      report(s, t, XSS_DANGEROUS_ATTR, buf, nameStart, q, "dangerous attribute");
    }
  }
  return withValue;
}

/** Where the value's first `<template` is, -1 when it has none; -2 until a `</template>` asks. */
let templateOpen: i32 = -2;
/** Where the value's last `-->` ends (at its `>`), -1 when it has none; -2 until a comment opener asks. */
let lastCommentClose: i32 = -2;

/** `<!--`, `<![CDATA[`: markup that hides or ends content. */
function scanBang(s: Sink, t: Target, buf: ArrayBuffer, start: i32, k: i32): void {
  const len = buf.byteLength;
  if (k + 1 < len && byteAt(buf, k) == 0x2d && byteAt(buf, k + 1) == 0x2d) {
    // a comment closed in the value (`<!-- wp:image {"id":7} -->`, the block markers of WordPress posts, or markup
    // commented out) hides nothing of the page; what it holds is read as markup anyway. `<!-->` is closed too.
    if (lastCommentClose == -2) {
      lastCommentClose = len - 1;
      while (lastCommentClose >= 2 && !(byteAt(buf, lastCommentClose) == 0x3e && byteAt(buf, lastCommentClose - 1) == 0x2d && byteAt(buf, lastCommentClose - 2) == 0x2d)) lastCommentClose--;
      if (lastCommentClose < 2) lastCommentClose = -1;
    }
    if (lastCommentClose < k + 2) report(s, t, XSS_COMMENT, buf, start, k + 2, "HTML comment delimiter");
  } else if (k < len && byteAt(buf, k) == 0x5b && !matchesCI(buf, k + 1, "endif]")) { // (`<![endif]-->` ends Outlook's conditional comment)
    report(s, t, XSS_COMMENT, buf, start, min(len, k + 7), "CDATA section");
  }
}
