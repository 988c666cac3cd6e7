// The bytes the current token list was made from, for the few patterns that read them
// (tokens hold offsets only). Set once per scanned value.
let src: ArrayBuffer = new ArrayBuffer(0);

export function setSource(buf: ArrayBuffer): void {
  src = buf;
}

export function source(): ArrayBuffer {
  return src;
}

export function sourceLength(): i32 {
  return src.byteLength;
}

/** The byte at i, 0 outside the buffer. */
export function byteAtSource(i: i32): u32 {
  return <u32>i < <u32>src.byteLength ? <u32>load<u8>(changetype<usize>(src) + <usize>i) : 0;
}
