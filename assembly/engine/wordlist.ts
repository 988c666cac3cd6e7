// A fixed set of ASCII words, written as one string ("eval|assert|system") and matched against
// bytes in place. One list instead of one static string per word keeps the module small: each
// static string costs about 21 bytes of header and data segment, more than most words. The
// builds go further (scripts/pack-word-lists.js): they turn the literal of every
// `new WordList("...")` into a headerless byte blob, `new WordList("", memory.data<u8>([...]), n)`,
// half the size of the UTF-16 string. A list built from a runtime string keeps its own UTF-8 copy.
// Scanners ask about every identifier of a value, and almost all are not in the set: a mask of
// the word lengths and a table of first bytes answer most of them before any comparison.
import { lowerByte, indexOfLowerAt } from "./bytes";

/** The separator of the packed words: no word contains it. */
const SEPARATOR: u32 = 0x7c; // |

export class WordList {
  /** Bit n: some word has n bytes (words of 64 bytes or more set bit 0, checked by length). */
  private lengths: u64 = 0;
  /** 1 at a word's first byte (a lower-case list answers lower-cased bytes too). */
  private firsts: StaticArray<u8> = new StaticArray<u8>(256);
  /** The packed words: static data, or the bytes of `owned`. */
  private bytes: usize;
  /** The UTF-8 copy of a list built from a runtime string (keeps `bytes` alive). */
  private owned: ArrayBuffer | null = null;
  /** Word k is bytes [starts[k], starts[k + 1] - 1) of the packed words. */
  private starts: StaticArray<u16>;
  /** How many words. */
  readonly count: i32;

  /** `packed`: the words separated by `|`; or "" and `size` bytes of packed words at `bytes`. */
  constructor(packed: string, bytes: usize = 0, size: i32 = 0) {
    if (bytes == 0) {
      const copy = String.UTF8.encode(packed);
      this.owned = copy;
      bytes = changetype<usize>(copy);
      size = copy.byteLength;
    }
    this.bytes = bytes;
    let n = 1;
    for (let i = 0; i < size; i++) if (<u32>load<u8>(bytes + <usize>i) == SEPARATOR) n++;
    this.count = n;
    const starts = new StaticArray<u16>(n + 1);
    let k = 1;
    for (let i = 0; i < size; i++) if (<u32>load<u8>(bytes + <usize>i) == SEPARATOR) starts[k++] = <u16>(i + 1);
    starts[n] = <u16>(size + 1);
    this.starts = starts;
    for (let w = 0; w < n; w++) {
      const len = this.length(w);
      if (len == 0) continue;
      this.lengths |= len < 64 ? <u64>1 << <u64>len : 1;
      this.firsts[this.code(w, 0)] = 1;
    }
  }

  /** Number of bytes of word k. */
  // @ts-ignore: decorator
  @inline length(k: i32): i32 {
    return <i32>unchecked(this.starts[k + 1]) - <i32>unchecked(this.starts[k]) - 1;
  }

  /** Byte j of word k (j < length(k)). */
  // @ts-ignore: decorator
  @inline code(k: i32, j: i32): u32 {
    return <u32>load<u8>(this.bytes + <usize>unchecked(this.starts[k]) + <usize>j);
  }

  /** Address of word k's first byte (its `length(k)` bytes are ASCII). */
  // @ts-ignore: decorator
  @inline wordStart(k: i32): usize {
    return this.bytes + <usize>unchecked(this.starts[k]);
  }

  /** Word k as a string (allocates: for rare paths such as messages). */
  word(k: i32): string {
    return String.UTF8.decodeUnsafe(this.bytes + <usize>this.starts[k], <usize>this.length(k));
  }

  /** Whether no word has n characters or starts with `first`: then [s, s + n) cannot be one. */
  // @ts-ignore: decorator
  @inline private excludes(n: i32, first: u32): bool {
    if (n < 64 ? ((this.lengths >> <u64>n) & 1) == 0 : (this.lengths & 1) == 0) return true;
    return unchecked(this.firsts[first & 0xff]) == 0 || first > 0xff;
  }

  /** Whether bytes [start, end) of `buf` are one of the words. */
  has(buf: ArrayBuffer, start: i32, end: i32): bool {
    const n = end - start;
    if (n <= 0 || start < 0 || end > buf.byteLength) return false;
    const base = changetype<usize>(buf) + <usize>start;
    if (this.excludes(n, <u32>load<u8>(base))) return false;
    for (let k = 0; k < this.count; k++) {
      if (this.length(k) != n) continue;
      let j = 0;
      while (j < n && <u32>load<u8>(base + <usize>j) == this.code(k, j)) j++;
      if (j == n) return true;
    }
    return false;
  }

  /** Whether bytes [start, end) of `buf`, ASCII lower-cased, are one of the words (given in lower case). */
  hasLower(buf: ArrayBuffer, start: i32, end: i32): bool {
    return this.indexLower(buf, start, end) >= 0;
  }

  /** The index of the word that bytes [start, end) of `buf`, ASCII lower-cased, are, or -1. */
  indexLower(buf: ArrayBuffer, start: i32, end: i32): i32 {
    const n = end - start;
    if (n <= 0 || start < 0 || end > buf.byteLength) return -1;
    const base = changetype<usize>(buf) + <usize>start;
    if (this.excludes(n, lowerByte(<u32>load<u8>(base)))) return -1;
    for (let k = 0; k < this.count; k++) {
      if (this.length(k) != n) continue;
      let j = 0;
      while (j < n && lowerByte(<u32>load<u8>(base + <usize>j)) == this.code(k, j)) j++;
      if (j == n) return k;
    }
    return -1;
  }

  /** Whether the string `s` is one of the words. */
  hasString(s: string): bool {
    const n = s.length;
    if (n == 0 || this.excludes(n, <u32>s.charCodeAt(0))) return false;
    for (let k = 0; k < this.count; k++) {
      if (this.length(k) != n) continue;
      let j = 0;
      while (j < n && <u32>s.charCodeAt(j) == this.code(k, j)) j++;
      if (j == n) return true;
    }
    return false;
  }

  /** Whether `buf` holds word k (given in lower case) at `at`, ASCII case-insensitively. */
  matchesLower(k: i32, buf: ArrayBuffer, at: i32): bool {
    const n = this.length(k);
    if (at < 0 || at + n > buf.byteLength) return false;
    const base = changetype<usize>(buf) + <usize>at;
    for (let j = 0; j < n; j++) if (lowerByte(<u32>load<u8>(base + <usize>j)) != this.code(k, j)) return false;
    return true;
  }

  /** Index of the first ASCII case-insensitive occurrence of word k (given in lower case) in `buf` at or after `from`, or -1. */
  indexOfLower(k: i32, buf: ArrayBuffer, from: i32 = 0): i32 {
    return indexOfLowerAt(buf, this.wordStart(k), this.length(k), false, from);
  }

}
