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

/** The cases of the letters in source bytes [s, e): bit 1 capitals, bit 2 small letters. */
function cases(s: i32, e: i32): u32 {
  let m: u32 = 0;
  for (let j = s; j < e; j++) {
    const b = byteAtSource(j);
    if ((b | 0x20) - 0x61 < 26) m |= (b & 0x20) != 0 ? 2 : 1;
  }
  return m;
}

/** SQL's style: a keyword [ks, ke) in capitals and a name [ns, ne) in small letters (`1 AND col>1`, `price LIMIT 1`; not `and`, `aNd`, `AND AGE`). */
export function sqlStyle(ks: i32, ke: i32, ns: i32, ne: i32): bool {
  return cases(ks, ke) == 1 && cases(ns, ne) == 2;
}
