// Numbers one past the range of a database integer or double: a value the application casts
// into a column wraps around (4294967296 -> 0, 2147483648 -> -2147483648) or, for doubles near
// the smallest normal (2.2250738585072011e-308), sends some parsers into an endless loop.
// Exact values only: the maxima themselves (2147483647, 4294967295) are ordinary sentinels.
import { byteAt } from "../../bytes";

// 2^31, 2^32, 2^63, 2^64 (the last as text: it does not fit a u64), and -(2^31 + 1)
const POSITIVE: u64[] = [2147483648, 4294967296, 9223372036854775808];
const TWO_POW_64 = "18446744073709551616";

/** Whether the whole value is a decimal integer at one of the boundaries, or a float whose exponent leaves the double range. */
export function overflowNumber(buf: ArrayBuffer): bool {
  const len = buf.byteLength;
  if (len < 5 || len > 40) return false;
  let i = 0;
  const negative = byteAt(buf, 0) == 0x2d;
  if (negative) i++;
  const digitsStart = i;
  let v: u64 = 0;
  while (i < len && byteAt(buf, i) - 0x30 < 10) {
    if (i - digitsStart < 19) v = v * 10 + <u64>(byteAt(buf, i) - 0x30);
    i++;
  }
  const digits = i - digitsStart;
  if (digits == 0) return false;
  if (i == len) {
    if (digits == 20) return !negative && sameText(buf, digitsStart, TWO_POW_64);
    if (digits > 19) return false;
    if (negative) return v == 2147483649;
    for (let k = 0; k < POSITIVE.length; k++) if (v == unchecked(POSITIVE[k])) return true;
    return false;
  }
  // float: digits [. digits] e [+-] digits, exponent 308 or beyond. Without a fraction, more than two
  // leading digits or an exponent of five digits is a hex id that has one `e` (`9805183e-7786`, `11e11389`).
  const fraction = byteAt(buf, i) == 0x2e;
  if (fraction) { i++; while (i < len && byteAt(buf, i) - 0x30 < 10) i++; }
  if (i >= len || (byteAt(buf, i) | 0x20) != 0x65) return false;
  i++;
  if (i < len && (byteAt(buf, i) == 0x2d || byteAt(buf, i) == 0x2b)) i++;
  let e = 0;
  const expStart = i;
  while (i < len && byteAt(buf, i) - 0x30 < 10 && i - expStart < 6) { e = e * 10 + <i32>(byteAt(buf, i) - 0x30); i++; }
  return i == len && i > expStart && e >= 308 && (fraction || (digits <= 2 && i - expStart <= 4));
}

function sameText(buf: ArrayBuffer, from: i32, text: string): bool {
  for (let k = 0; k < text.length; k++) if (byteAt(buf, from + k) != <u32>text.charCodeAt(k)) return false;
  return true;
}
