// Script-bearing URL schemes (`javascript:`, `vbscript:`, `livescript:`, `data:` with an
// HTML/script/SVG type or no type) and their CSS carriers (`url(javascript`,
// `expression(`, `-moz-binding`, `behavior: url`). Letters may be split by tabs,
// newlines and control characters, raw or as character references, as browsers strip them.
import { byteAt, isAlpha, isWordByte, lowerByte, matchesCI } from "../../bytes";
import { base64DecodePrintable } from "../../transform/base64";
import { Sink } from "../../sink";
import { staticString } from "../../static-strings";
import { Target } from "../../target";
import { matchObfuscated, readChar, readLen, skipBlank, skipBlankAndComments, skipUrlIgnorable } from "./chars";
import { XSS_SCRIPT_URL, XSS_CSS } from "./ids";
import { WordList } from "../../wordlist";

// a static table, engine/static-strings.ts: no collection marks it
const SCRIPT_SCHEMES: usize = memory.data<usize>([
  changetype<usize>("javascript"), changetype<usize>("vbscript"), changetype<usize>("livescript"),
]);
const SCRIPT_SCHEMES_COUNT = 3;
const DATA_TYPES = new WordList(
"text/html|text/javascript|text/ecmascript|text/xml|text/vbscript|application/javascript|\
application/x-javascript|application/ecmascript|application/xhtml|application/xml|image/svg");

/** The script scheme name (without colon) spelled at `i`, or -1: the index after it. */
function schemeNameAt(buf: ArrayBuffer, i: i32): i32 {
  for (let k = 0; k < SCRIPT_SCHEMES_COUNT; k++) {
    const e = matchObfuscated(buf, i, staticString(SCRIPT_SCHEMES, k));
    if (e >= 0) return e;
  }
  return -1;
}

function isColonAt(buf: ArrayBuffer, j: i32): bool {
  return readChar(buf, j) == 0x3a;
}

export function scanSchemes(s: Sink, t: Target, buf: ArrayBuffer): void {
  const len = buf.byteLength;
  for (let i = 0; i < len; i++) {
    let c = lowerByte(byteAt(buf, i));
    if (c == 0x26) {
      const d = readChar(buf, i);
      if (d < 0x41 || d > 0x7a) continue;
      c = lowerByte(<u32>d);
    }
    if (c != 0x6a && c != 0x76 && c != 0x6c && c != 0x64) continue;
    if (i > 0 && isAlpha(byteAt(buf, i - 1))) continue;
    if (c == 0x64) {
      scanData(s, t, buf, i);
      continue;
    }
    const e = schemeNameAt(buf, i);
    if (e < 0) continue;
    const colon = skipUrlIgnorable(buf, e);
    if (isColonAt(buf, colon) && !isProseAfter(buf, colon + readLen)) {
      s.report(XSS_SCRIPT_URL, t, buf, i, min(len, e + 40), "script URL scheme");
      return;
    }
  }
}

/**
 * Whether the text after a scheme's colon reads as prose ("JavaScript: Basics of the
 * Language"): blanks, then only letters, digits, blanks and full stops. Code follows
 * the colon directly or holds punctuation; a bare `javascript:` is suspicious too.
 */
function isProseAfter(buf: ArrayBuffer, j: i32): bool {
  const len = buf.byteLength;
  if (j >= len || byteAt(buf, j) != 0x20) return false;
  const end = min(len, j + 64);
  let words = false;
  for (let k = j; k < end; k++) {
    const c = byteAt(buf, k);
    if (isAlpha(c)) { words = true; continue; }
    if (c == 0x20 || c == 0x2e || (c >= 0x30 && c <= 0x39) || c >= 0x80) continue;
    return false;
  }
  return words;
}

function scanData(s: Sink, t: Target, buf: ArrayBuffer, i: i32): void {
  const e = matchObfuscated(buf, i, "data");
  if (e < 0) return;
  let j = skipBlank(buf, skipUrlIgnorable(buf, e), 8);
  if (!isColonAt(buf, j)) return;
  j = skipBlank(buf, j + readLen, 8);
  if (j >= buf.byteLength) return;
  if (byteAt(buf, j) == 0x2c) {
    s.report(XSS_SCRIPT_URL, t, buf, i, min(buf.byteLength, j + 40), "untyped data: URL");
    return;
  }
  for (let k = 0; k < DATA_TYPES.count; k++) {
    if (DATA_TYPES.matchesLower(k, buf, j)) {
      if (k == DATA_TYPES.count - 1 && isPlainSvg(buf, j)) return;
      s.report(XSS_SCRIPT_URL, t, buf, i, min(buf.byteLength, j + 40), "active data: URL");
      return;
    }
  }
}

// What makes an SVG picture run or load something: script, an event handler attribute (on...), a link or source,
// a stylesheet import or url(), embedded HTML, an entity declaration, a character reference that could spell them.
// (A comment or a DOCTYPE, as editors write them, does neither.)
const SVG_ACTIVE = new WordList("javascript|script|on|href|src|import|url(|foreign|<!entity|&");

/**
 * Whether the `image/svg` data URL whose type starts at `j` is a picture that runs and loads nothing (an icon in
 * a JSON value or a stylesheet): no SVG_ACTIVE word in the value, or in the picture decoded from base64.
 */
function isPlainSvg(buf: ArrayBuffer, j: i32): bool {
  const n = buf.byteLength;
  let from = j;
  while (from < n && byteAt(buf, from) != 0x2c) from++;
  if (++from >= n || SVG_ACTIVE.indexOfAnyLower(buf) >= 0) return false;
  if (!matchesCI(buf, from - 8, ";base64")) return true;
  // (base64 to the value's end: a URL quoted in a stylesheet or followed by text is judged as it is)
  const svg = base64DecodePrintable(buf, from);
  return svg !== null && SVG_ACTIVE.indexOfAnyLower(svg) < 0;
}

/** CSS that runs script: `expression(`, `url(javascript`, `-moz-binding`, `behavior: url(`. */
export function scanCss(s: Sink, t: Target, buf: ArrayBuffer): void {
  const len = buf.byteLength;
  for (let i = 0; i < len; i++) {
    const c = lowerByte(byteAt(buf, i));
    if (c == 0x65) {
      if (matchesCI(buf, i, "expression") && followedByParen(buf, i + 10) && inCssValue(buf, i)) {
        s.report(XSS_CSS, t, buf, i, min(len, i + 40), "CSS expression()");
        return;
      }
    } else if (c == 0x75) {
      if (i > 0 && isWordByte(byteAt(buf, i - 1))) continue;
      if (!matchesCI(buf, i, "url")) continue;
      let j = skipBlankAndComments(buf, i + 3);
      if (j >= len || byteAt(buf, j) != 0x28) continue;
      j = skipBlank(buf, j + 1);
      if (j < len && (byteAt(buf, j) == 0x22 || byteAt(buf, j) == 0x27)) j = skipBlank(buf, j + 1);
      if (schemeNameAt(buf, j) >= 0) {
        s.report(XSS_CSS, t, buf, i, min(len, j + 40), "CSS script URL");
        return;
      }
    } else if (c == 0x2d) {
      if (matchesCI(buf, i, "-moz-binding")) {
        s.report(XSS_CSS, t, buf, i, min(len, i + 40), "CSS -moz-binding");
        return;
      }
    } else if (c == 0x62) {
      if (matchesCI(buf, i, "behavior") && !(i > 0 && isWordByte(byteAt(buf, i - 1)))) {
        let j = skipBlank(buf, i + 8);
        if (j < len && byteAt(buf, j) == 0x3a && matchesCI(buf, skipBlank(buf, j + 1), "url")) {
          s.report(XSS_CSS, t, buf, i, min(len, j + 40), "CSS behavior");
          return;
        }
      }
    }
  }
}

function followedByParen(buf: ArrayBuffer, j: i32): bool {
  j = skipBlankAndComments(buf, j);
  return j < buf.byteLength && byteAt(buf, j) == 0x28;
}

/** Whether the word at `i` is a CSS property value: after `:`, `=`, a quote, `{` or `;`. */
function inCssValue(buf: ArrayBuffer, i: i32): bool {
  let j = i - 1;
  while (j >= 0 && i - j < 16 && (byteAt(buf, j) == 0x20 || byteAt(buf, j) == 0x09)) j--;
  if (j < 0) return false;
  const b = byteAt(buf, j);
  return b == 0x3a || b == 0x3d || b == 0x22 || b == 0x27 || b == 0x7b || b == 0x3b;
}
