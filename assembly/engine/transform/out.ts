// Output buffer shared by the transformations: allocated once for the worst case,
// trimmed to the bytes written. Keeps each transformation a plain loop.
import { equalBytes, HEX_PLUS_ONE } from "../bytes";

export class ByteWriter {
  buf: ArrayBuffer;
  len: i32 = 0;
  constructor(capacity: i32) {
    this.buf = new ArrayBuffer(capacity);
  }

  // @ts-ignore: decorator
  @inline put(c: u32): void {
    if (this.len < this.buf.byteLength) {
      store<u8>(changetype<usize>(this.buf) + <usize>this.len, <u8>c);
      this.len++;
    }
  }

  /** Copies bytes [start, end) of `src`. */
  copy(src: ArrayBuffer, start: i32, end: i32): void {
    const n = min(end - start, this.buf.byteLength - this.len);
    if (n <= 0) return;
    memory.copy(changetype<usize>(this.buf) + <usize>this.len, changetype<usize>(src) + <usize>start, <usize>n);
    this.len += n;
  }

  /** Writes code point `cp` as UTF-8 (at most 4 bytes; near the end of the buffer, what fits). */
  putCodePoint(cp: u32): void {
    const at = changetype<usize>(this.buf) + <usize>this.len;
    if (this.len + 4 <= this.buf.byteLength) {
      this.len += storeUtf8(at, cp);
      return;
    }
    const n = storeUtf8(changetype<usize>(SPARE), cp);
    for (let i = 0; i < n; i++) this.put(<u32>load<u8>(changetype<usize>(SPARE) + <usize>i));
  }

  finish(): ArrayBuffer {
    return this.len == this.buf.byteLength ? this.buf : this.buf.slice(0, this.len);
  }
}

const SPARE = new ArrayBuffer(4);

/** Stores code point `cp` (at most 0x10FFFF) as UTF-8 at `p`; returns the number of bytes (1-4). */
export function storeUtf8(p: usize, cp: u32): i32 {
  if (cp < 0x80) {
    store<u8>(p, <u8>cp);
    return 1;
  }
  if (cp < 0x800) {
    store<u8>(p, <u8>(0xc0 | (cp >> 6)));
    store<u8>(p, <u8>(0x80 | (cp & 0x3f)), 1);
    return 2;
  }
  if (cp < 0x10000) {
    store<u8>(p, <u8>(0xe0 | (cp >> 12)));
    store<u8>(p, <u8>(0x80 | ((cp >> 6) & 0x3f)), 1);
    store<u8>(p, <u8>(0x80 | (cp & 0x3f)), 2);
    return 3;
  }
  store<u8>(p, <u8>(0xf0 | ((cp >> 18) & 0x07)));
  store<u8>(p, <u8>(0x80 | ((cp >> 12) & 0x3f)), 1);
  store<u8>(p, <u8>(0x80 | ((cp >> 6) & 0x3f)), 2);
  store<u8>(p, <u8>(0x80 | (cp & 0x3f)), 3);
  return 4;
}

/** Value of hex digit `c` (a byte), or -1 (a table: inlined at ~20 sites, one load each). */
// @ts-ignore: decorator
@inline export function hexValue(c: u32): i32 {
  return <i32>load<u8>(HEX_PLUS_ONE + <usize>(c & 0xff)) - 1;
}

// @ts-ignore: decorator
@inline export function at(buf: ArrayBuffer, i: i32): u32 {
  return <u32>load<u8>(changetype<usize>(buf) + <usize>i);
}

/** Index of the first byte equal to `a` or `b` at or after `from`, or -1. */
export function indexOfEither(buf: ArrayBuffer, a: u32, b: u32, from: i32): i32 {
  const base = changetype<usize>(buf);
  const n = buf.byteLength;
  for (let i = from; i < n; i++) {
    const c = <u32>load<u8>(base + <usize>i);
    if (c == a || c == b) return i;
  }
  return -1;
}

/** Whether the two buffers hold the same bytes. */
export function sameBytes(a: ArrayBuffer, b: ArrayBuffer): bool {
  if (a == b) return true;
  const n = a.byteLength;
  if (n != b.byteLength) return false;
  return equalBytes(changetype<usize>(a), changetype<usize>(b), n);
}
