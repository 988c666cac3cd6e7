// A fixed set of ASCII words matched against bytes in place, case-sensitively. Scanners ask
// it about every identifier of a value, and almost all are not in the set: a mask of the
// word lengths and a table of first bytes answer most of them before any comparison.
import { byteAt } from "./bytes";

export class WordList {
  /** Bit n: some word has n bytes (words of 64 bytes or more set bit 0, checked by length). */
  private lengths: u64 = 0;
  private firsts: StaticArray<u8> = new StaticArray<u8>(256);

  constructor(private words: string[]) {
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (w.length == 0) continue;
      this.lengths |= w.length < 64 ? <u64>1 << <u64>w.length : 1;
      this.firsts[w.charCodeAt(0) & 0xff] = 1;
    }
  }

  /** Whether bytes [start, end) of `buf` are one of the words. */
  has(buf: ArrayBuffer, start: i32, end: i32): bool {
    const n = end - start;
    if (n <= 0 || start < 0 || end > buf.byteLength) return false;
    if (n < 64 ? ((this.lengths >> <u64>n) & 1) == 0 : (this.lengths & 1) == 0) return false;
    if (unchecked(this.firsts[byteAt(buf, start)]) == 0) return false;
    const words = this.words;
    for (let k = 0; k < words.length; k++) {
      const w = unchecked(words[k]);
      if (w.length != n) continue;
      let j = 0;
      while (j < n && byteAt(buf, start + j) == <u32>w.charCodeAt(j)) j++;
      if (j == n) return true;
    }
    return false;
  }
}
