// Percent-decoding: `%XX` and IIS-style `%uXXXX` (written as UTF-8); invalid
// escapes are kept as they are. `plusAsSpace` for query strings and form bodies.
import { ByteWriter, hexValue, at, indexOfEither } from "./out";

/**
 * One decoding pass. Returns `input` itself when nothing decodes: no `%` that opens an escape
 * (`50% off`, `100%`) and, with `plusAsSpace`, no `+`; such a value is read once, not once more
 * as decoded (every form of a Target is its previous form itself when its decoding changes nothing).
 */
export function urlDecode(input: ArrayBuffer, plusAsSpace: bool = false): ArrayBuffer {
  const n = input.byteLength;
  const plus: u32 = plusAsSpace ? 0x2b : 0x25;
  let i = indexOfEither(input, 0x25, plus, 0);
  while (i >= 0 && at(input, i) == 0x25 && escapeAt(input, i) == 0) i = indexOfEither(input, 0x25, plus, i + 1);
  if (i < 0) return input;
  const w = new ByteWriter(n);
  w.copy(input, 0, i);
  // from escape to escape, the bytes between copied as a run
  while (i < n) {
    const c = at(input, i);
    let used = 1;
    if (c == 0x2b) w.put(0x20);
    else {
      const e = escapeAt(input, i);
      used = e & 7;
      if (used == 3) w.put(e >> 3);
      else if (used == 6) w.putCodePoint(e >> 3);
      else {
        w.put(c);
        used = 1;
      }
    }
    let next = indexOfEither(input, 0x25, plus, i + used);
    if (next < 0) next = n;
    w.copy(input, i + used, next);
    i = next;
  }
  return w.finish();
}

/** The escape at `i` (a `%`): its value << 3 | its length (3 for `%XX`, 6 for `%uXXXX`), or 0 when it opens none. */
function escapeAt(input: ArrayBuffer, i: i32): u32 {
  const n = input.byteLength;
  if (i + 2 < n) {
    const h = hexValue(at(input, i + 1));
    const l = hexValue(at(input, i + 2));
    if ((h | l) >= 0) return (<u32>((h << 4) | l) << 3) | 3;
  }
  if (i + 5 < n && (at(input, i + 1) | 0x20) == 0x75) {
    const v = hex4(input, i + 2);
    if (v >= 0) return (<u32>v << 3) | 6;
  }
  return 0;
}

/** Decodes until nothing changes (double and triple encoding), at most 4 passes. */
export function urlDecodeFull(input: ArrayBuffer, plusAsSpace: bool = false): ArrayBuffer {
  let cur = input;
  for (let pass = 0; pass < 4; pass++) {
    const plus = plusAsSpace && pass == 0;
    const next = urlDecode(cur, plus);
    if (next == cur) return cur;
    cur = next;
  }
  return cur;
}

/** The value of the four hex digits at `i`, or -1 when they are not four hex digits inside `buf`. */
export function hex4(buf: ArrayBuffer, i: i32): i32 {
  if (i + 4 > buf.byteLength) return -1;
  // (hexValue is -1 for a byte that is no digit: any -1 shifted and or-ed in leaves the result negative)
  return (hexValue(at(buf, i)) << 12) | (hexValue(at(buf, i + 1)) << 8) | (hexValue(at(buf, i + 2)) << 4) | hexValue(at(buf, i + 3));
}
