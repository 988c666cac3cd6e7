// Case folding and whitespace compression: ASCII upper case to lower case, every
// run of whitespace (space, tab, CR, LF, VT, FF, UTF-8 NBSP) to one space.
import { ByteWriter, at } from "./out";

// @ts-ignore: decorator
@inline function isSpace(c: u32): bool {
  return c == 0x20 || c - 0x09 < 5;
}

/** Returns `input` itself when it is already folded. */
export function foldCase(input: ArrayBuffer): ArrayBuffer {
  const n = input.byteLength;
  const base = changetype<usize>(input);
  let first = -1;
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(base + <usize>i);
    const sp = isSpace(c);
    if (c - 0x41 < 26 || (sp && (c != 0x20 || prevSpace)) || c == 0xc2) {
      first = i;
      break;
    }
    prevSpace = sp;
  }
  if (first < 0) return input;
  const w = new ByteWriter(n);
  w.copy(input, 0, first);
  let i = first;
  while (i < n) {
    let c = at(input, i);
    let width = 1;
    // U+00A0 (C2 A0) counts as whitespace too.
    if (c == 0xc2 && i + 1 < n && at(input, i + 1) == 0xa0) {
      c = 0x20;
      width = 2;
    }
    if (isSpace(c)) {
      if (!prevSpace) w.put(0x20);
      prevSpace = true;
    } else {
      w.put(c - 0x41 < 26 ? c | 0x20 : c);
      prevSpace = false;
    }
    i += width;
  }
  return w.finish();
}
