// Character reading for the XSS scanners: bytes that browsers ignore inside
// URLs and tag names, and inline HTML character references decoded on the fly,
// so `jav&#x09;ascript:` and `ja&Tab;vascript:` read as `javascript:` without
// a separate decoding pass.
import { byteAt, isAlpha, isDigit, isHexDigit, lowerByte, matchesCI } from "../../bytes";
import { WordList } from "../../wordlist";

/** Length in bytes of the character read by the last `readChar`. */
export let readLen: i32 = 0;

/** Tab, LF, CR and other C0 controls (not space): browsers strip them inside URL schemes. */
// @ts-ignore: decorator
@inline export function isUrlIgnorable(c: i32): bool {
  return c >= 0 && c < 0x20;
}

/** Whitespace, C0 controls or NUL: what may separate the parts of a tag. */
// @ts-ignore: decorator
@inline export function isBlank(c: i32): bool {
  return c >= 0 && c <= 0x20;
}

/**
 * The character at `i`, with an HTML character reference (`&#9;`, `&#x3a;`, `&tab;`,
 * `&colon;` ..., the `;` optional) decoded; sets `readLen`. Returns -1 at the end.
 */
export function readChar(buf: ArrayBuffer, i: i32): i32 {
  const len = buf.byteLength;
  if (i >= len) { readLen = 0; return -1; }
  const c = <i32>byteAt(buf, i);
  readLen = 1;
  if (c != 0x26 || i + 2 >= len) return c;
  if (byteAt(buf, i + 1) == 0x23) return readNumericRef(buf, i, c);
  return readNamedRef(buf, i, c);
}

function readNumericRef(buf: ArrayBuffer, i: i32, amp: i32): i32 {
  const len = buf.byteLength;
  let j = i + 2;
  let hex = false;
  if (j < len && lowerByte(byteAt(buf, j)) == 0x78) { hex = true; j++; }
  let value: i32 = 0;
  const start = j;
  while (j < len && j - start < 8) {
    const d = byteAt(buf, j);
    if (hex && isHexDigit(d)) value = value * 16 + <i32>(isDigit(d) ? d - 0x30 : (d | 0x20) - 0x57);
    else if (!hex && isDigit(d)) value = value * 10 + <i32>(d - 0x30);
    else break;
    j++;
  }
  if (j == start) return amp;
  while (j < len && byteAt(buf, j) == 0x30 && j - start < 16) j++; // tolerate absurd zero padding
  if (j < len && byteAt(buf, j) == 0x3b) j++;
  readLen = j - i;
  return value;
}

// Named references that matter for obfuscating schemes and handlers.
const NAMES = new WordList("tab|newline|colon|lpar|rpar|lt|gt|quot|apos|equals|sol|amp|nbsp|period|grave|lbrace|rbrace");
const VALUES: i32[] = [0x09, 0x0a, 0x3a, 0x28, 0x29, 0x3c, 0x3e, 0x22, 0x27, 0x3d, 0x2f, 0x26, 0x20, 0x2e, 0x60, 0x7b, 0x7d];

function readNamedRef(buf: ArrayBuffer, i: i32, amp: i32): i32 {
  if (!isAlpha(byteAt(buf, i + 1))) return amp;
  for (let k = 0; k < NAMES.count; k++) {
    if (!NAMES.matchesLower(k, buf, i + 1)) continue;
    let j = i + 1 + NAMES.length(k);
    if (j < buf.byteLength && isAlpha(byteAt(buf, j))) continue;
    if (j < buf.byteLength && byteAt(buf, j) == 0x3b) j++;
    readLen = j - i;
    return VALUES[k];
  }
  return amp;
}

/**
 * Matches the ASCII word `word` (lower case) at `i`, letters compared case-insensitively,
 * with URL-ignorable characters (raw or as references) allowed between letters.
 * Returns the index after the word, or -1.
 */
export function matchObfuscated(buf: ArrayBuffer, i: i32, word: string): i32 {
  let j = i;
  for (let k = 0; k < word.length; k++) {
    let c = readChar(buf, j);
    let skipped = 0;
    while (k > 0 && isUrlIgnorable(c) && skipped < 16) {
      j += readLen;
      skipped++;
      c = readChar(buf, j);
    }
    if (c < 0 || <u32>lowerByte(<u32>c) != <u32>word.charCodeAt(k)) return -1;
    j += readLen;
  }
  return j;
}

/** Index of the first character at or after `j` that is not URL-ignorable (within 16), reading references. */
export function skipUrlIgnorable(buf: ArrayBuffer, j: i32): i32 {
  for (let n = 0; n < 16; n++) {
    const c = readChar(buf, j);
    if (!isUrlIgnorable(c)) return j;
    j += readLen;
  }
  return j;
}

/** Index of the first byte at or after `j` that is not blank, within `limit` bytes. */
export function skipBlank(buf: ArrayBuffer, j: i32, limit: i32 = 64): i32 {
  const end = min(buf.byteLength, j + limit);
  while (j < end && isBlank(<i32>byteAt(buf, j))) j++;
  return j;
}

/** Skips blanks and JS/CSS block comments `/* ... *\/` after `j`. */
export function skipBlankAndComments(buf: ArrayBuffer, j: i32): i32 {
  const len = buf.byteLength;
  for (let n = 0; n < 8; n++) {
    j = skipBlank(buf, j);
    if (j + 1 < len && byteAt(buf, j) == 0x2f && byteAt(buf, j + 1) == 0x2a) {
      let k = j + 2;
      const end = min(len, j + 256);
      while (k + 1 < end && !(byteAt(buf, k) == 0x2a && byteAt(buf, k + 1) == 0x2f)) k++;
      if (k + 1 >= end) return j;
      j = k + 2;
    } else {
      return j;
    }
  }
  return j;
}
