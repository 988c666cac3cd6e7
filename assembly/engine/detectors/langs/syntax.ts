// Small lexical helpers shared by the code-injection detectors: identifiers,
// whitespace and comments the way C-family languages (Java, PHP, JS) skip them.
import { byteAt, isSpaceByteInline, isWordByte, lowerByte, needleCode, needleLength } from "../../bytes";

/**
 * Skips whitespace and comments (`/* *\/`, `//...\n`, and `#...\n` when `hash`)
 * from `i`; returns the index of the next significant byte (or the length).
 */
export function skipBlank(data: ArrayBuffer, i: i32, hash: bool): i32 {
  const n = data.byteLength;
  while (i < n) {
    const c = byteAt(data, i);
    if (isSpaceByteInline(c)) { i++; continue; }
    if (c == 0x2f && i + 1 < n) {
      const d = byteAt(data, i + 1);
      if (d == 0x2a) {
        let j = i + 2;
        while (j + 1 < n && !(byteAt(data, j) == 0x2a && byteAt(data, j + 1) == 0x2f)) j++;
        i = j + 1 < n ? j + 2 : n;
        continue;
      }
      if (d == 0x2f) {
        let j = i + 2;
        while (j < n && byteAt(data, j) != 0x0a) j++;
        i = j;
        continue;
      }
    }
    if (c == 0x23 && hash) {
      let j = i + 1;
      while (j < n && byteAt(data, j) != 0x0a) j++;
      i = j;
      continue;
    }
    break;
  }
  return i;
}

/** End of the identifier starting at `i` (letters, digits, `_`). */
export function wordEnd(data: ArrayBuffer, i: i32): i32 {
  const n = data.byteLength;
  while (i < n && isWordByte(byteAt(data, i))) i++;
  return i;
}

/** Whether [s, e) equals `word` (lower-case ASCII, a needle: bytes.ts) case-insensitively. */
export function wordIs<Needle>(data: ArrayBuffer, s: i32, e: i32, word: Needle, n: i32 = 0): bool {
  n = needleLength(word, n);
  if (e - s != n) return false;
  for (let k = 0; k < n; k++) {
    if (lowerByte(byteAt(data, s + k)) != needleCode(word, k)) return false;
  }
  return true;
}

/** The byte at `i`, or 0 outside the data (one copy: finders that look around an anchor call it often). */
export function at(data: ArrayBuffer, i: i32): u32 {
  return <u32>i < <u32>data.byteLength ? byteAt(data, i) : 0;
}

/** The first byte that is not whitespace at or after `i`. */
export function skipSpaces(data: ArrayBuffer, i: i32): i32 {
  const n = data.byteLength;
  while (i < n && isSpaceByteInline(byteAt(data, i))) i++;
  return i;
}
