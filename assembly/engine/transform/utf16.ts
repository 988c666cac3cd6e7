// UTF-16 text with a byte order mark (XML allows UTF-16 documents; older JSON did too), as UTF-8
// for the body parsers: surrogate pairs joined, a lone surrogate as U+FFFD, an odd last byte dropped.
import { ByteWriter } from "./out";

/** `input` itself when it does not start with a UTF-16 byte order mark (FF FE or FE FF), else its text as UTF-8. */
export function fromUtf16(input: ArrayBuffer): ArrayBuffer {
  const n = input.byteLength;
  const p = changetype<usize>(input);
  if (n < 2) return input;
  const bom = load<u16>(p);
  if (bom != 0xfeff && bom != 0xfffe) return input;
  // load<u16> reads little-endian: FF FE is 0xfeff
  const little = bom == 0xfeff;
  // a unit (2 bytes) becomes at most 3 bytes, a pair (4 bytes) 4
  const w = new ByteWriter((n >> 1) * 3);
  for (let i = 2; i + 1 < n; i += 2) {
    let u = <u32>load<u16>(p + <usize>i);
    if (!little) u = ((u & 0xff) << 8) | (u >> 8);
    if (u - 0xd800 < 0x800) {
      let lo: u32 = 0;
      if (u < 0xdc00 && i + 3 < n) {
        lo = <u32>load<u16>(p + <usize>(i + 2));
        if (!little) lo = ((lo & 0xff) << 8) | (lo >> 8);
      }
      if (lo - 0xdc00 < 0x400) {
        u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
        i += 2;
      } else {
        u = 0xfffd;
      }
    }
    w.putCodePoint(u);
  }
  return w.finish();
}
