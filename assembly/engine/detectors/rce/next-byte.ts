// Finding the next occurrence of one byte eight bytes at a time: the finders that anchor on a
// rare byte (`(`, `.`, the `i` of `if`) spend most of a long text value looking for it.

const ONES: u64 = 0x0101010101010101;
const HIGHS: u64 = 0x8080808080808080;

/**
 * Index of the first byte at or after `from` that equals `b` (when `fold`: whose value `| 0x20`
 * equals `b`, as for a lower-case letter in either case), or the length of `buf` when none does
 * (`from` itself when it lies past the end).
 */
export function nextByte(buf: ArrayBuffer, from: i32, b: u32, fold: bool): i32 {
  const n = buf.byteLength;
  const base = changetype<usize>(buf);
  const set: u64 = fold ? ONES * 0x20 : 0;
  const pattern: u64 = ONES * <u64>b;
  let i = max(from, 0);
  while (i + 8 <= n) {
    const y = (load<u64>(base + <usize>i) | set) ^ pattern; // a zero byte where the byte matches
    if (((y - ONES) & ~y & HIGHS) != 0) break;
    i += 8;
  }
  const low: u32 = fold ? 0x20 : 0;
  while (i < n && (<u32>load<u8>(base + <usize>i) | low) != b) i++;
  return i;
}
