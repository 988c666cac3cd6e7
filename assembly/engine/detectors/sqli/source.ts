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

/** Whether source bytes [s, e) hold a letter of the case starting at `a` (0x41 capitals, 0x61 small letters). */
export function letterIn(s: i32, e: i32, a: u32): bool {
  for (let j = s; j < e; j++) if (byteAtSource(j) - a < 26) return true;
  return false;
}

/** SQL's style: a keyword [ks, ke) in capitals and a name [ns, ne) with small letters (`1 AND col>1`, `price LIMIT 1`; not `and`, `aNd`, `AND AGE`). */
export function sqlStyle(ks: i32, ke: i32, ns: i32, ne: i32): bool {
  return letterIn(ks, ke, 0x41) && !letterIn(ks, ke, 0x61) && letterIn(ns, ne, 0x61) && !letterIn(ns, ne, 0x41);
}
