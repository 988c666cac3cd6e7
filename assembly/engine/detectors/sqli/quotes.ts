// Look-alike quotes: some databases and many middle layers (charset conversion to latin1,
// "best fit" mappings) turn ’ ‘ ´ ʼ ′ into a plain `'`, so a value built with them breaks out
// of a quoted string just like one with `'`. The value is read with them folded to `'`.
import { byteAt } from "../../bytes";

/** Length of the look-alike quote starting at i (2 or 3 bytes of UTF-8), 0 when none. */
// @ts-ignore: decorator
@inline function quoteAt(buf: ArrayBuffer, i: i32, len: i32): i32 {
  const c = byteAt(buf, i);
  if (c == 0xe2 && i + 2 < len && byteAt(buf, i + 1) == 0x80) {
    const d = byteAt(buf, i + 2);
    return d == 0x98 || d == 0x99 || d == 0xb2 ? 3 : 0; // ‘ ’ ′
  }
  if (i + 1 < len && ((c == 0xc2 && byteAt(buf, i + 1) == 0xb4) || (c == 0xca && byteAt(buf, i + 1) == 0xbc))) return 2; // ´ ʼ
  return 0;
}

/** `buf` itself when it has no look-alike quote, else a copy with each folded to `'`. */
export function foldQuotes(buf: ArrayBuffer): ArrayBuffer {
  const len = buf.byteLength;
  let first = -1;
  for (let i = 0; i < len; i++) {
    const c = byteAt(buf, i);
    if ((c == 0xe2 || c == 0xc2 || c == 0xca) && quoteAt(buf, i, len) > 0) { first = i; break; }
  }
  if (first < 0) return buf;
  const out = new ArrayBuffer(len);
  const base = changetype<usize>(out);
  memory.copy(base, changetype<usize>(buf), <usize>first);
  let o = first;
  let i = first;
  while (i < len) {
    const q = quoteAt(buf, i, len);
    if (q > 0) { store<u8>(base + <usize>o, 0x27); o++; i += q; continue; }
    store<u8>(base + <usize>o, <u8>byteAt(buf, i));
    o++;
    i++;
  }
  return out.slice(0, o);
}
