// Folds the Unicode evasions that stand for ASCII: overlong UTF-8 sequences
// (`C0 AF` for '/', `E0 80 AE` for '.'), full-width forms (U+FF01..U+FF5E), and the
// division slash and set minus (U+2215, U+2216) that IIS's best-fit mapping turns
// into '/' and '\'.
// Also drops NUL bytes, which C-based back ends treat as the end of the string.
import { ByteWriter, at } from "./out";

/** Returns `input` itself when it holds no NUL and no byte >= 0xC0. */
export function foldUnicode(input: ArrayBuffer): ArrayBuffer {
  const n = input.byteLength;
  const base = changetype<usize>(input);
  let first = -1;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(base + <usize>i);
    if (c == 0 || c >= 0xc0) {
      first = i;
      break;
    }
  }
  if (first < 0) return input;
  const w = new ByteWriter(n);
  w.copy(input, 0, first);
  let i = first;
  let changed = false;
  while (i < n) {
    const c = at(input, i);
    if (c == 0) {
      changed = true;
      i++;
    } else if ((c == 0xc0 || c == 0xc1) && i + 1 < n && (at(input, i + 1) & 0xc0) == 0x80) {
      w.put(((c & 0x1f) << 6) | (at(input, i + 1) & 0x3f));
      changed = true;
      i += 2;
    } else if (c == 0xe0 && i + 2 < n && at(input, i + 1) < 0xa0 && (at(input, i + 1) & 0xc0) == 0x80 && (at(input, i + 2) & 0xc0) == 0x80) {
      const cp = ((at(input, i + 1) & 0x3f) << 6) | (at(input, i + 2) & 0x3f);
      w.putCodePoint(cp);
      changed = true;
      i += 3;
    } else if (c == 0xe2 && at(input, i + 1) == 0x88 && (at(input, i + 2) == 0x95 || at(input, i + 2) == 0x96)) {
      w.put(at(input, i + 2) == 0x95 ? 0x2f : 0x5c);
      changed = true;
      i += 3;
    } else if (c == 0xef && i + 2 < n && (at(input, i + 1) == 0xbc || at(input, i + 1) == 0xbd) && (at(input, i + 2) & 0xc0) == 0x80) {
      const cp = ((c & 0x0f) << 12) | ((at(input, i + 1) & 0x3f) << 6) | (at(input, i + 2) & 0x3f);
      if (cp >= 0xff01 && cp <= 0xff5e) {
        w.put(cp - 0xfee0);
        changed = true;
      } else {
        w.put(c);
        w.put(at(input, i + 1));
        w.put(at(input, i + 2));
      }
      i += 3;
    } else {
      w.put(c);
      i++;
    }
  }
  return changed ? w.finish() : input;
}
