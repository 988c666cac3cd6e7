// Stray percent signs: ASP on IIS drops a `%` that starts no valid escape, so `%S%E%L%E%C%T`
// reaches the database as SELECT (the "percentage" evasion of scanners). A value with several
// such `%` is read again with them removed.
import { byteAt, isHexDigit } from "../../bytes";

/** Whether the `%` at i starts no escape a decoder reads (`%41`, `%u0041`). */
function stray(buf: ArrayBuffer, i: i32, len: i32): bool {
  if (i + 2 < len && isHexDigit(byteAt(buf, i + 1)) && isHexDigit(byteAt(buf, i + 2))) return false;
  return !((byteAt(buf, i + 1) | 0x20) == 0x75 && i + 5 < len && isHexDigit(byteAt(buf, i + 2)) && isHexDigit(byteAt(buf, i + 5)));
}

/** A copy of buf without its stray `%` before letters when it has three or more of them, else null. */
export function withoutStrayPercent(buf: ArrayBuffer): ArrayBuffer | null {
  const len = buf.byteLength;
  let n = 0;
  for (let i = 0; i + 1 < len; i++) {
    if (byteAt(buf, i) == 0x25 && (byteAt(buf, i + 1) | 0x20) - 0x61 < 26 && stray(buf, i, len)) n++;
  }
  if (n < 3) return null;
  const out = new ArrayBuffer(len - n);
  const base = changetype<usize>(out);
  let o = 0;
  for (let i = 0; i < len; i++) {
    const c = byteAt(buf, i);
    if (c == 0x25 && i + 1 < len && (byteAt(buf, i + 1) | 0x20) - 0x61 < 26 && stray(buf, i, len) && o < len - n) continue;
    if (o < len - n) store<u8>(base + <usize>o, <u8>c);
    o++;
  }
  return out;
}
