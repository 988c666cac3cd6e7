// A fixed set of ASCII words, written as one string ("eval|assert|system") and matched against
// bytes in place. One list instead of one static string per word keeps the module small: each
// static string costs about 21 bytes of header and data segment, more than most words. The
// builds go further (scripts/pack-word-lists.js): every top-level `const X = new WordList("...")`
// becomes a constant address in the static block WordList.statics, and its words, one byte a
// character instead of a UTF-16 string, part of STATIC_WORDS; one loop at start-up (buildStatics,
// at the end of this file) builds them all, instead of a constructor call and a global each.
// A list built from a runtime string keeps its own UTF-8 copy.
// Scanners ask about every identifier of a value, and almost all are not in the set: a mask of
// the word lengths and a table of first bytes answer most of them before any comparison; a hash
// table of the words (by their ASCII lower-cased bytes) answers the rest with one comparison,
// whatever the size of the list.
import { lowerByte } from "./bytes";

/** The separator of the packed words: no word contains it. */
const SEPARATOR: u32 = 0x7c; // |

// Outside the collected heap, as its tables are: word lists live as long as the module, and a
// collection would otherwise visit each of the hundred-odd lists every time.
@unmanaged
export class WordList {
  /** Bit n: some word has n bytes (words of 64 bytes or more set bit 0, checked by length). */
  private lengths: u64 = 0;
  /**
   * The list's tables, in one block outside the collected heap (word lists live as long as the
   * module; as objects, a collection would walk their arrays every time): 256 bytes, 1 at a word's
   * first byte (a lower-case list answers lower-cased bytes too), then `starts`, then `slots`.
   */
  private firsts: usize;
  /** The packed words: static data, or a copy outside the collected heap (a list built from a runtime string). */
  private bytes: usize;
  /** u16 at k: word k is bytes [starts[k], starts[k + 1] - 1) of the packed words. */
  private starts: usize;
  /** How many words (set once, when the list is built). */
  count: i32;
  /** u16 slots, open addressing by hashLower: word index + 1, 0 for an empty slot; slotMask + 1 of them (a power of two). */
  private slots: usize;
  private slotMask: u32;

  /**
   * The block of the build's static lists (scripts/pack-word-lists.js makes it
   * `memory.data(n * offsetof<WordList>(), 8)`): list k is the zeroed object at
   * `statics + k * offsetof<WordList>()` until buildStatics builds it in place.
   */
  static readonly statics: usize = 0;

  /** The words of `packed`, separated by `|`. */
  constructor(packed: string) {
    const copy = String.UTF8.encode(packed);
    const size = copy.byteLength;
    const bytes = heap.alloc(<usize>max(size, 1));
    memory.copy(bytes, changetype<usize>(copy), <usize>size);
    this.build(bytes, size);
  }

  /**
   * Builds the `count` static lists in place, in the order of `words`: each list's packed words,
   * ended by a 0 byte (no word holds one).
   */
  static buildStatics(words: usize, count: i32): void {
    for (let k = 0; k < count; k++) {
      let size = 0;
      while (load<u8>(words + <usize>size) != 0) size++;
      changetype<WordList>(WordList.statics + <usize>k * offsetof<WordList>()).build(words, size);
      words += <usize>size + 1;
    }
  }

  /** Fills the tables of an empty list of the packed words, `size` bytes at `bytes`. */
  private build(bytes: usize, size: i32): void {
    this.bytes = bytes;
    let n = 1;
    for (let i = 0; i < size; i++) if (<u32>load<u8>(bytes + <usize>i) == SEPARATOR) n++;
    this.count = n;
    let slotCount = 8;
    while (slotCount < n * 2) slotCount <<= 1;
    const tableSize = <usize>256 + (<usize>(n + 1 + slotCount) << 1);
    const table = heap.alloc(tableSize);
    memory.fill(table, 0, tableSize);
    this.firsts = table;
    const starts = table + 256;
    this.starts = starts;
    this.slots = starts + (<usize>(n + 1) << 1);
    this.slotMask = <u32>(slotCount - 1);
    let k = 1;
    for (let i = 0; i < size; i++) {
      if (<u32>load<u8>(bytes + <usize>i) != SEPARATOR) continue;
      store<u16>(starts + (<usize>k << 1), <u16>(i + 1));
      k++;
    }
    store<u16>(starts + (<usize>n << 1), <u16>(size + 1));
    for (let w = 0; w < n; w++) {
      const len = this.length(w);
      if (len == 0) continue;
      this.lengths |= len < 64 ? <u64>1 << <u64>len : 1;
      store<u8>(table + <usize>this.code(w, 0), 1);
    }
    const slots = this.slots;
    const mask = this.slotMask;
    for (let w = 0; w < n; w++) {
      let i = hashLower(this.wordStart(w), this.length(w)) & mask;
      while (load<u16>(slots + (<usize>i << 1)) != 0) i = (i + 1) & mask;
      store<u16>(slots + (<usize>i << 1), <u16>(w + 1));
    }
  }

  /** The index of the word the n bytes at p are (ASCII lower-cased first when `lower`), or -1. */
  private find(p: usize, n: i32, lower: bool): i32 {
    const slots = this.slots;
    const mask = this.slotMask;
    let i = hashLower(p, n) & mask;
    while (true) {
      const e = <i32>load<u16>(slots + (<usize>i << 1));
      if (e == 0) return -1;
      const k = e - 1;
      if (this.length(k) == n) {
        let j = 0;
        if (lower) while (j < n && lowerByte(<u32>load<u8>(p + <usize>j)) == this.code(k, j)) j++;
        else while (j < n && <u32>load<u8>(p + <usize>j) == this.code(k, j)) j++;
        if (j == n) return k;
      }
      i = (i + 1) & mask;
    }
  }

  /** Number of bytes of word k. */
  // @ts-ignore: decorator
  @inline length(k: i32): i32 {
    return <i32>load<u16>(this.starts + (<usize>k << 1), 2) - <i32>load<u16>(this.starts + (<usize>k << 1)) - 1;
  }

  /** Byte j of word k (j < length(k)). */
  // @ts-ignore: decorator
  @inline code(k: i32, j: i32): u32 {
    return <u32>load<u8>(this.bytes + <usize>load<u16>(this.starts + (<usize>k << 1)) + <usize>j);
  }

  /** Address of word k's first byte (its `length(k)` bytes are ASCII). */
  // @ts-ignore: decorator
  @inline wordStart(k: i32): usize {
    return this.bytes + <usize>load<u16>(this.starts + (<usize>k << 1));
  }

  /** Word k as a string (allocates: for rare paths such as messages). */
  word(k: i32): string {
    return String.UTF8.decodeUnsafe(this.wordStart(k), <usize>this.length(k));
  }

  /** Whether no word has n characters or starts with `first`: then [s, s + n) cannot be one. */
  // @ts-ignore: decorator
  @inline private excludes(n: i32, first: u32): bool {
    if (n < 64 ? ((this.lengths >> <u64>n) & 1) == 0 : (this.lengths & 1) == 0) return true;
    return first > 0xff || load<u8>(this.firsts + <usize>first) == 0;
  }

  /** Whether bytes [start, end) of `buf` are one of the words. */
  has(buf: ArrayBuffer, start: i32, end: i32): bool {
    const n = end - start;
    if (n <= 0 || start < 0 || end > buf.byteLength) return false;
    const base = changetype<usize>(buf) + <usize>start;
    if (this.excludes(n, <u32>load<u8>(base))) return false;
    return this.find(base, n, false) >= 0;
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
    return this.find(base, n, true);
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

  /**
   * Where the first occurrence in `buf` of any word (given in lower case) begins, ASCII
   * case-insensitively, or -1; a word that begins with a letter or digit is looked for only at the
   * start of a word of `buf` (`nmap` in `Nmap Scripting Engine`, not in `Bitmap`). One pass.
   */
  indexOfAnyLower(buf: ArrayBuffer): i32 {
    const n = buf.byteLength;
    const base = changetype<usize>(buf);
    let afterAlnum = false;
    for (let i = 0; i < n; i++) {
      const c = lowerByte(<u32>load<u8>(base + <usize>i));
      const alnum = c - 0x61 < 26 || c - 0x30 < 10;
      if (!(alnum && afterAlnum) && load<u8>(this.firsts + <usize>c) != 0) {
        for (let k = 0; k < this.count; k++) if (this.code(k, 0) == c && this.matchesLower(k, buf, i)) return i;
      }
      afterAlnum = alnum;
    }
    return -1;
  }

}

/** FNV-1a over the n bytes at p, ASCII lower-cased (so a list's words and any spelling of them share a slot). */
// @ts-ignore: decorator
@inline function hashLower(p: usize, n: i32): u32 {
  let h: u32 = 0x811c9dc5;
  for (let j = 0; j < n; j++) h = (h ^ lowerByte(<u32>load<u8>(p + <usize>j))) * 0x01000193;
  return h;
}

// The words of the build's static lists and their count (scripts/pack-word-lists.js sets both;
// without it, each list builds itself with its constructor). asc runs a file's top-level code after
// that of the files it imports, so every file that declares or uses a list finds them all built,
// even in its own top-level code (test/scripts/pack-word-lists.test.ts).
const STATIC_WORDS: usize = 0;
const STATIC_COUNT = 0;
WordList.buildStatics(STATIC_WORDS, STATIC_COUNT);
