// Stray percent signs: ASP on IIS drops a `%` that starts no valid escape, so `%S%E%L%E%C%T`
// reaches the database as SELECT (the "percentage" evasion of scanners). A value with several
// such `%` is read again with them removed (valid escapes were decoded before: `%` + two hex
// digits left in the value is text, and stays).
import { byteAt, isHexDigit } from "../../bytes";

/** Whether the `%` at i is followed by a letter and starts no escape. */
function stray(buf: ArrayBuffer, i: i32, len: i32): bool {
  if (i + 1 >= len || byteAt(buf, i) != 0x25) return false;
  const c = byteAt(buf, i + 1);
  return (c | 0x20) - 0x61 < 26 && !(isHexDigit(c) && i + 2 < len && isHexDigit(byteAt(buf, i + 2)));
}

/** A copy of buf without its stray `%` when it has three or more of them, else null. */
export function withoutStrayPercent(buf: ArrayBuffer): ArrayBuffer | null {
  const len = buf.byteLength;
  let n = 0;
  const base = changetype<usize>(buf);
  for (let i = 0; i < len; i++) if (load<u8>(base + <usize>i) == 0x25 && stray(buf, i, len)) n++;
  if (n < 3) return null;
  const out = new ArrayBuffer(len - n);
  let o = 0;
  for (let i = 0; i < len && o < len - n; i++) {
    if (stray(buf, i, len)) continue;
    store<u8>(changetype<usize>(out) + <usize>o, <u8>byteAt(buf, i));
    o++;
  }
  return out;
}
