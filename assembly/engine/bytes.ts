// Byte-level primitives shared by the detectors: character classes and
// case-insensitive search over ArrayBuffers, without allocating.

// ASCII lower case; the bit written as a shift rather than a select: 2-4 bytes fewer a site.
// @ts-ignore: decorator
@inline export function lowerByte(c: u32): u32 {
  return c | (<u32>(c - 0x41 < 26) << 5);
}

// A call, not inlined (50 sites: -337 bytes; pair2 neutral).
export function isAlpha(c: u32): bool {
  return (c | 0x20) - 0x61 < 26;
}

// @ts-ignore: decorator
@inline export function isDigit(c: u32): bool {
  return c - 0x30 < 10;
}

/**
 * The value + 1 of each byte as a hex digit, 0 for the bytes that are none. Zero but for the 55
 * bytes from '0' to 'f', which are all the module stores of it (its data segments skip zero runs).
 */
export const HEX_PLUS_ONE: usize = memory.data<u8>([
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 0, 0, 0, 0, 0,
  0, 11, 12, 13, 14, 15, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 11, 12, 13, 14, 15, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
]);

/** 1 for the bytes of an identifier (letters, digits, `_`), 0 for the others: 63 bytes stored. */
const WORD_BYTES: usize = memory.data<u8>([
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
]);

/** Whether byte `c` is a hex digit (a table; a call, not inlined: ~16 sites, -104 bytes). */
export function isHexDigit(c: u32): bool {
  return load<u8>(HEX_PLUS_ONE + <usize>(c & 0xff)) != 0;
}

/** Letters, digits and `_`: the bytes of an identifier (a table: inlined at ~130 sites, one load each). */
// @ts-ignore: decorator
@inline export function isWordByte(c: u32): bool {
  return load<u8>(WORD_BYTES + <usize>(c & 0xff)) != 0;
}

/** 1 for space, tab, LF, VT, FF, CR; 0 for the other bytes: 6 bytes stored. */
const SPACE_BYTES: usize = memory.data<u8>([
  0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
]);

/**
 * Space, tab, CR, LF, VT, FF (a table). A call, not inlined: ~110 sites, ~6 bytes each inlined
 * (-813 bytes of module; the sites are rarely in a loop over every byte). The few that are use
 * isSpaceByteInline.
 */
export function isSpaceByte(c: u32): bool {
  return isSpaceByteInline(c);
}

/**
 * isSpaceByte inlined, for the loops that test every byte of a token or a value (the first-token
 * scans of the shell detector, skipBlank, the SQL tokenizer's main loop): there the call cost
 * more than the table load.
 */
// @ts-ignore: decorator
@inline export function isSpaceByteInline(c: u32): bool {
  return load<u8>(SPACE_BYTES + <usize>(c & 0xff)) != 0;
}

// @ts-ignore: decorator
@inline export function byteAt(buf: ArrayBuffer, i: i32): u32 {
  return <u32>load<u8>(changetype<usize>(buf) + <usize>i);
}

// Needles: the words the helpers below look for (given in lower-case ASCII), and other literal
// arguments such as the reasons detectors keep for a finding. A needle is a string, or (type
// argument usize) the address of `n` ASCII bytes: the builds store a literal needle that way
// (scripts/pack-needles.js), one byte a character and no header, about a third of the module's
// size of the static string. `n` is ignored for a string.

/** The length of a needle. */
// @ts-ignore: decorator
@inline export function needleLength<Needle>(needle: Needle, n: i32): i32 {
  return isString<Needle>() ? changetype<string>(needle).length : n;
}

/** Character `k` of a needle. */
// @ts-ignore: decorator
@inline export function needleCode<Needle>(needle: Needle, k: i32): u32 {
  return isString<Needle>() ? <u32>load<u16>(changetype<usize>(needle) + (<usize>k << 1)) : <u32>load<u8>(changetype<usize>(needle) + <usize>k);
}

/** The needle as a string: itself, or its bytes decoded (a new string: for a reason, once reported). */
export function needleString<Needle>(needle: Needle, n: i32): string {
  return isString<Needle>() ? changetype<string>(needle) : String.UTF8.decodeUnsafe(changetype<usize>(needle), <usize>n);
}

/**
 * Index of the first case-insensitive occurrence of `needle` (ASCII, given in lower case)
 * in `buf` at or after `from`, or -1.
 */
export function indexOfCI<Needle>(buf: ArrayBuffer, needle: Needle, from: i32 = 0, n: i32 = 0): i32 {
  n = needleLength(needle, n);
  const len = buf.byteLength;
  if (n == 0) return from <= len ? from : -1;
  const base = changetype<usize>(buf);
  const first = needleCode(needle, 0);
  const last = len - n;
  for (let i = max(from, 0); i <= last; i++) {
    i = indexOfFirstCI(base, i, last, len, first);
    if (i < 0) return -1;
    let j = 1;
    while (j < n && lowerByte(<u32>load<u8>(base + <usize>(i + j))) == needleCode(needle, j)) j++;
    if (j == n) return i;
  }
  return -1;
}

const ONES: u64 = 0x0101010101010101;
const HIGHS: u64 = 0x8080808080808080;

/**
 * The first index in [from, last] of the `len` bytes at `base` that is `first` (lower-case ASCII) in
 * either case, or -1. Eight bytes a step: a zero byte of `w ^ c` (the lowest one the borrow trick
 * flags is a true one) is a match. Every search of indexOfCI starts here, most find nothing.
 */
function indexOfFirstCI(base: usize, from: i32, last: i32, len: i32, first: u32): i32 {
  const upper = first - 0x61 < 26 ? first - 0x20 : first;
  const a = ONES * <u64>first;
  const b = ONES * <u64>upper;
  let i = from;
  for (; i + 8 <= len; i += 8) {
    const w = load<u64>(base + <usize>i);
    const x = w ^ a;
    const y = w ^ b;
    const m = (((x - ONES) & ~x) | ((y - ONES) & ~y)) & HIGHS;
    if (m != 0) {
      const k = i + <i32>(ctz<u64>(m) >> 3);
      return k <= last ? k : -1;
    }
    if (i + 8 > last) return -1;
  }
  for (; i <= last; i++) {
    const c = <u32>load<u8>(base + <usize>i);
    if (c == first || c == upper) return i;
  }
  return -1;
}

/** Whether `buf` holds `needle` (ASCII, lower case) at `at`, case-insensitively. */
export function matchesCI<Needle>(buf: ArrayBuffer, at: i32, needle: Needle, n: i32 = 0): bool {
  n = needleLength(needle, n);
  if (at < 0 || at + n > buf.byteLength) return false;
  const base = changetype<usize>(buf) + <usize>at;
  for (let j = 0; j < n; j++) {
    if (lowerByte(<u32>load<u8>(base + <usize>j)) != needleCode(needle, j)) return false;
  }
  return true;
}

/** Whether `buf` holds the bytes of `word` at `at`, ASCII case-insensitively. */
export function matchesBytesCI(buf: ArrayBuffer, at: i32, word: ArrayBuffer): bool {
  const n = word.byteLength;
  if (at < 0 || at + n > buf.byteLength) return false;
  const base = changetype<usize>(buf) + <usize>at;
  for (let j = 0; j < n; j++) {
    if (lowerByte(<u32>load<u8>(base + <usize>j)) != lowerByte(<u32>load<u8>(changetype<usize>(word) + <usize>j))) return false;
  }
  return true;
}

/** Whether two strings are equal up to ASCII case (the module has no Unicode case tables). */
/** Bytes [start, end) of `data` as a string, ASCII letters in lower case (header names, as Envoy gives them). */
export function lowerAscii(data: ArrayBuffer, start: i32, end: i32): string {
  const b = new ArrayBuffer(end - start);
  for (let k = start; k < end; k++) store<u8>(changetype<usize>(b) + <usize>(k - start), <u8>lowerByte(<u32>load<u8>(changetype<usize>(data) + <usize>k)));
  return String.UTF8.decode(b);
}

export function equalsAsciiCI(a: string, b: string): bool {
  const n = a.length;
  if (n != b.length) return false;
  for (let j = 0; j < n; j++) {
    if (lowerByte(<u32>a.charCodeAt(j)) != lowerByte(<u32>b.charCodeAt(j))) return false;
  }
  return true;
}

/** Whether the bytes before `start` and after `end` are not identifier characters. */
export function isWordBounded(buf: ArrayBuffer, start: i32, end: i32): bool {
  if (start > 0 && isWordByte(byteAt(buf, start - 1))) return false;
  if (end < buf.byteLength && isWordByte(byteAt(buf, end))) return false;
  return true;
}

/** `buf` when it holds `need` bytes, else a buffer of twice its size (or more) holding its first `used` bytes. */
export function grownBuffer(buf: ArrayBuffer, used: i32, need: i32): ArrayBuffer {
  if (need <= buf.byteLength) return buf;
  let size = max(buf.byteLength, 1);
  while (size < need) size <<= 1;
  const bigger = new ArrayBuffer(size);
  memory.copy(changetype<usize>(bigger), changetype<usize>(buf), <usize>used);
  return bigger;
}

export const TABLE_LETTERS: u32 = 1;
export const TABLE_DIGITS: u32 = 2;
/** Bytes 0x80-0xFF (UTF-8 text). */
export const TABLE_HIGH: u32 = 4;

/**
 * A 256-entry table holding 1 for each byte of `chars` (ASCII, a needle) and of the classes in
 * `classes` (TABLE_*), 0 elsewhere.
 */
export function byteTable<Needle>(chars: Needle, classes: u32 = 0, n: i32 = 0): StaticArray<u8> {
  const t = new StaticArray<u8>(256);
  n = needleLength(chars, n);
  for (let i = 0; i < n; i++) unchecked(t[needleCode(chars, i) & 0xff] = 1);
  for (let c = 0; c < 256; c++) {
    if (((classes & TABLE_LETTERS) != 0 && isAlpha(c)) || ((classes & TABLE_DIGITS) != 0 && isDigit(c)) ||
      ((classes & TABLE_HIGH) != 0 && c >= 0x80)) unchecked(t[c] = 1);
  }
  return t;
}

/**
 * Whether the `n` bytes at `a` and `b` are equal, 8 bytes a step (one copy for every caller:
 * `memory.compare` is inlined at each call site, some 200 bytes of module each).
 */
export function equalBytes(a: usize, b: usize, n: i32): bool {
  let i = 0;
  for (; i + 8 <= n; i += 8) if (load<u64>(a + <usize>i) != load<u64>(b + <usize>i)) return false;
  for (; i < n; i++) if (load<u8>(a + <usize>i) != load<u8>(b + <usize>i)) return false;
  return true;
}
