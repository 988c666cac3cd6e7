// JavaScript and CSS escape decoding: `\uXXXX`, `\UXXXXXXXX`, `\u{X..}`, `\xXX`, CSS `\XX..` (1-6 hex
// digits and an optional space), `\n` `\t` `\r`, and `\c` for any other c (JS drops the backslash).
import { ByteWriter, at, hexValue, indexOfEither } from "./out";
import { hex4 } from "./urldecode";

/** Returns `input` itself when it holds no backslash. */
export function jsDecode(input: ArrayBuffer): ArrayBuffer {
  const n = input.byteLength;
  const first = indexOfEither(input, 0x5c, 0x5c, 0);
  if (first < 0) return input;
  const w = new ByteWriter(n);
  w.copy(input, 0, first);
  let i = first;
  while (i < n) {
    const c = at(input, i);
    if (c != 0x5c || i + 1 >= n) {
      w.put(c);
      i++;
      continue;
    }
    const e = at(input, i + 1);
    let cp = e == 0x75 || e == 0x55 ? hex4(input, i + 2) : -1;
    if (cp >= 0) {
      i += 6;
      // `\U0000003c`: eight digits (YAML's and Python's escape of a code point past the BMP)
      const low = e == 0x55 && cp <= 0x10 ? hex4(input, i) : -1;
      if (low >= 0) {
        cp = (cp << 16) | low;
        i += 4;
      }
      // A UTF-16 surrogate pair written as two escapes.
      if (cp >= 0xd800 && cp < 0xdc00 && i + 5 < n && at(input, i) == 0x5c && (at(input, i + 1) | 0x20) == 0x75) {
        const lo = hex4(input, i + 2); // (-1: not a low surrogate either)
        if (lo >= 0xdc00 && lo < 0xe000) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          i += 6;
        }
      }
      w.putCodePoint(cp >= 0xd800 && cp < 0xe000 ? 0xfffd : cp);
    } else if (e == 0x75 && i + 2 < n && at(input, i + 2) == 0x7b) {
      let j = i + 3;
      let cp: u32 = 0;
      while (j < n && j - i < 12 && hexValue(at(input, j)) >= 0) {
        cp = ((cp << 4) | <u32>hexValue(at(input, j))) & 0x1fffff;
        j++;
      }
      if (j < n && at(input, j) == 0x7d && j > i + 3) {
        w.putCodePoint(cp > 0x10ffff ? 0xfffd : cp);
        i = j + 1;
      } else {
        w.put(e);
        i += 2;
      }
    } else if ((e == 0x78 || e == 0x58) && i + 3 < n && hexValue(at(input, i + 2)) >= 0 && hexValue(at(input, i + 3)) >= 0) {
      w.put(<u32>((hexValue(at(input, i + 2)) << 4) | hexValue(at(input, i + 3))));
      i += 4;
    } else if (hexValue(e) >= 0) {
      // CSS: up to six hex digits, then one optional whitespace.
      let j = i + 1;
      let cp: u32 = 0;
      while (j < n && j - i <= 6 && hexValue(at(input, j)) >= 0) {
        cp = (cp << 4) | <u32>hexValue(at(input, j));
        j++;
      }
      if (j < n && at(input, j) == 0x20) j++;
      w.putCodePoint(cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000) ? 0xfffd : cp);
      i = j;
    } else if (e == 0x6e) {
      w.put(0x0a);
      i += 2;
    } else if (e == 0x74) {
      w.put(0x09);
      i += 2;
    } else if (e == 0x72) {
      w.put(0x0d);
      i += 2;
    } else {
      w.put(e);
      i += 2;
    }
  }
  return w.finish();
}
