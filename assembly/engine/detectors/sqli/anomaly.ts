// Probe shapes that only the higher paranoia levels count (CRS 942210, 942420-942432, 942490):
// they carry no SQL structure of their own, and benign values share them often enough (a
// keyboard-row password, a markdown rule, a search typed up to "cats and ", a quoted year '16/17)
// that paranoia 1 must let them through. Each is one pass over the bytes.
import { byteAt, isDigit, isSpaceByte, lowerByte } from "../../bytes";
import { wordIs } from "../langs/syntax";

// @ts-ignore: decorator
@inline function isAlnumOrHigh(c: u32): bool {
  return (c | 0x20) - 0x61 < 26 || c - 0x30 < 10 || c >= 0x80;
}

/**
 * The number of symbols in a value that holds no letter, digit or non-ASCII byte (blanks aside):
 * `!@#$%^&*()-=` 12, `-------------------` 19; 0 as soon as the value has a letter or digit.
 */
export function symbolOnlyCount(buf: ArrayBuffer): i32 {
  let n = 0;
  for (let i = 0; i < buf.byteLength; i++) {
    const c = byteAt(buf, i);
    if (isAlnumOrHigh(c)) return 0;
    if (!isSpaceByte(c) && c > 0x20) n++;
  }
  return n;
}

/**
 * Start of a boolean operator (OR, AND, XOR, ||, &&) that ends the value after an operand, with
 * blanks on both sides (`/Cm7 OR `, `3 and `), or -1: the value leaves the condition for the
 * application's query to complete.
 */
export function danglingLogic(buf: ArrayBuffer): i32 {
  let e = buf.byteLength;
  while (e > 0 && isSpaceByte(byteAt(buf, e - 1))) e--;
  // the blank after the operator awaits the rest of the condition; text cut after "and" has none
  if (e < 3 || e == buf.byteLength) return -1;
  const a = byteAt(buf, e - 1);
  const b = byteAt(buf, e - 2);
  let s = -1;
  if ((a == 0x7c && b == 0x7c) || (a == 0x26 && b == 0x26)) s = e - 2;
  else {
    let w = e;
    while (w > 0 && (lowerByte(byteAt(buf, w - 1)) - 0x61) < 26) w--;
    if (wordIs(buf, w, e, "or") || wordIs(buf, w, e, "and") || wordIs(buf, w, e, "xor")) s = w;
  }
  if (s <= 0 || !isSpaceByte(byteAt(buf, s - 1))) return -1;
  // an operand before the blank: a word or number ends there
  let p = s - 1;
  while (p > 0 && isSpaceByte(byteAt(buf, p - 1))) p--;
  return p > 0 && isAlnumOrHigh(byteAt(buf, p - 1)) ? s : -1;
}

/**
 * Whether a short value opens with a quote it never closes and reaches a digit through symbols and
 * blanks only (`'16/17`, `"` * 123`, `'\2nq5`): a breakout probing numeric columns.
 */
export function quoteThenNumber(buf: ArrayBuffer): bool {
  const len = buf.byteLength;
  if (len < 2 || len > 128) return false;
  const q = byteAt(buf, 0);
  if (q != 0x27 && q != 0x22 && q != 0x60) return false;
  let digit = false;
  for (let i = 1; i < len; i++) {
    const c = byteAt(buf, i);
    if (c == q) return false; // a quoted literal ('1', `1.2.3`), not a breakout
    if (isDigit(c)) digit = true;
    else if (!digit && isAlnumOrHigh(c)) return false;
  }
  return digit;
}

/**
 * `/3 or `  `/Cm7 OR `  `*2 and `: whether the value opens (at `from`) by continuing an arithmetic
 * expression (a `/ * %` glued to one operand) and reaches the dangling boolean operator at d
 * (danglingLogic) after that operand alone. Prose and searches open with a word, not with a division.
 */
export function arithmeticBefore(buf: ArrayBuffer, from: i32, d: i32): bool {
  if (d - from < 3) return false;
  const c = byteAt(buf, from);
  if (!(c == 0x2f || c == 0x2a || c == 0x25) || !isAlnumOrHigh(byteAt(buf, from + 1))) return false;
  // one operand between them: a word or number, then blanks up to the operator (`/r/aww and ` is a path)
  let i = from + 1;
  while (i < d && (isAlnumOrHigh(byteAt(buf, i)) || byteAt(buf, i) == 0x5f)) i++;
  while (i < d && isSpaceByte(byteAt(buf, i))) i++;
  return i == d;
}
