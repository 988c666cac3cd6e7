// Percent-decoding: `%XX` and IIS-style `%uXXXX` (written as UTF-8); invalid
// escapes are kept as they are. `plusAsSpace` for query strings and form bodies.
import { ByteWriter, hexValue, at, indexOfEither } from "./out";

/** One decoding pass. Returns `input` itself when it holds nothing to decode. */
export function urlDecode(input: ArrayBuffer, plusAsSpace: bool = false): ArrayBuffer {
  const n = input.byteLength;
  const first = indexOfEither(input, 0x25, plusAsSpace ? 0x2b : 0x25, 0);
  if (first < 0) return input;
  const w = new ByteWriter(n);
  w.copy(input, 0, first);
  let i = first;
  while (i < n) {
    const c = at(input, i);
    if (c == 0x2b && plusAsSpace) {
      w.put(0x20);
      i++;
    } else if (c == 0x25) {
      if (i + 2 < n && hexValue(at(input, i + 1)) >= 0 && hexValue(at(input, i + 2)) >= 0) {
        w.put(<u32>((hexValue(at(input, i + 1)) << 4) | hexValue(at(input, i + 2))));
        i += 3;
      } else if (i + 5 < n && (at(input, i + 1) | 0x20) == 0x75 && isHex4(input, i + 2)) {
        w.putCodePoint(hex4(input, i + 2));
        i += 6;
      } else {
        w.put(c);
        i++;
      }
    } else {
      w.put(c);
      i++;
    }
  }
  return w.finish();
}

/** Decodes until nothing changes (double and triple encoding), at most 4 passes. */
export function urlDecodeFull(input: ArrayBuffer, plusAsSpace: bool = false): ArrayBuffer {
  let cur = input;
  for (let pass = 0; pass < 4; pass++) {
    const plus = plusAsSpace && pass == 0;
    const next = urlDecode(cur, plus);
    // Without '+' handling a pass that decoded nothing keeps the length.
    if (next == cur || (!plus && next.byteLength == cur.byteLength)) return next;
    cur = next;
  }
  return cur;
}

export function isHex4(buf: ArrayBuffer, i: i32): bool {
  if (i + 4 > buf.byteLength) return false;
  return hexValue(at(buf, i)) >= 0 && hexValue(at(buf, i + 1)) >= 0 && hexValue(at(buf, i + 2)) >= 0 && hexValue(at(buf, i + 3)) >= 0;
}

export function hex4(buf: ArrayBuffer, i: i32): u32 {
  return <u32>((hexValue(at(buf, i)) << 12) | (hexValue(at(buf, i + 1)) << 8) | (hexValue(at(buf, i + 2)) << 4) | hexValue(at(buf, i + 3)));
}
