// Values made only of words: letters, digits, '_', '-' and (in values, not names) spaces. Most
// arguments, cookies and JSON members are such values (ids, names, enums, tokens, plain prose without
// punctuation), and no decoding changes them (no '%', '&', '\', '+'). The markup, path, URL, template,
// query and XML detectors all need some punctuation to have anything to find, so the engine skips
// them here; the Node.js and lookup-operator detectors also need a double underscore (`__proto__`,
// `price__gt`). Names keep no spaces: a name ending in " onload" breaks out of an HTML attribute.

import { findSensitive } from "./detectors/lfi/sensitive";
import { unhexLiterals } from "./detectors/lfi/traversal";

export const enum PlainWords {
  /** Some other byte: every detector runs. */
  No = 0,
  /** Plain words the Node.js and lookup-operator detectors still read: a double underscore somewhere, or the JSON key `constructor.prototype` (inspect.ts). */
  ForNode = 1,
  /** Plain words, no double underscore. */
  Yes = 2,
}

/** Bit c of PLAIN[c >> 5] is set when byte c is a plain-word byte. */
const PLAIN: StaticArray<u32> = [
  0x00000000,
  0x03ff2001, // ' ', '-', '0'-'9'
  0x87fffffe, // 'A'-'Z', '_'
  0x07fffffe, // 'a'-'z'
  0, 0, 0, 0,
];

/**
 * Whether every byte of `v` (non-empty) is a letter, digit, '_', '-' or, with `spaces`, a space, and spells
 * no `.`, `/` or `\` as a hex literal (`0x2e`); and whether "__" occurs.
 */
export function plainWords(v: ArrayBuffer, spaces: bool): PlainWords {
  const n = v.byteLength;
  if (n == 0) return PlainWords.No;
  const p = changetype<usize>(v);
  let prev: u32 = 0;
  let doubleUnderscore = false;
  let hex = false;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(p + <usize>i);
    if ((unchecked(PLAIN[c >> 5]) & (1 << (c & 31))) == 0 || (c == 0x20 && !spaces)) return PlainWords.No;
    if (c == 0x5f && prev == 0x5f) doubleUnderscore = true;
    if ((c | 0x20) == 0x78 && prev == 0x30) hex = true;
    prev = c;
  }
  // `0x2e0x2e0x2fetc0x2fpasswd`: dots and separators spelled as hex literals (fuzzers) are punctuation
  if (hex && unhexLiterals(v) != v) return PlainWords.No;
  return doubleUnderscore ? PlainWords.ForNode : PlainWords.Yes;
}

/**
 * A random token in base64 (CSRF tokens, WebSocket keys, load-balancer and session cookies): 16 or
 * more bytes of the standard alphabet with a `+` or `/`, a length that is a multiple of four, `=` only
 * as padding, and the case flipping inside it as random letters do (one lower-to-upper step per 24
 * bytes at least). Read as text, its `+` would be a space and a run of letters a word (`Or+zJg...`,
 * `w+wkm...`); an application decodes the token, and the engine inspects what it decodes to
 * (Target.base64Decoded). Words a payload spells with `+` for spaces are short runs of letters or
 * runs of digits (`1+oR+1`, `0+UNION+SELECT+passWord+FROM+usErs`): a token has one such word at
 * most (one more per 48 bytes) and no number. One naming a secret file (`cat+/etc/passwd+...`) is read as text.
 */
export function opaqueBase64(v: ArrayBuffer): bool {
  const n = v.byteLength;
  if (n < 16 || (n & 3) != 0) return false;
  const p = changetype<usize>(v);
  let flips = 0;
  let signs = 0;
  let words = 0;
  let run = 0;
  let letters = 0;
  let digits = 0;
  let prev: u32 = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? <u32>load<u8>(p + <usize>i) : 0x2b;
    if (c == 0x2b) { // the end of a run between `+`: a word, a number, or random
      if (digits == run && run > 0) return false;
      if (letters == run && run < 8) words++;
      run = letters = digits = 0;
      signs++;
      continue;
    }
    run++;
    if ((c | 0x20) - 0x61 < 26) letters++;
    else if (c - 0x30 < 10) digits++;
    // letters, digits, `/`, and `=` in the last two places
    else if (c == 0x2f) signs++;
    else if (c != 0x3d || i < n - 2) return false;
    if (c - 0x41 < 26 && prev - 0x61 < 26) flips++;
    prev = c;
  }
  return signs > 1 && words * 48 < n + 48 && flips * 24 >= n && findSensitive(v, 0, -1) < 0;
}
