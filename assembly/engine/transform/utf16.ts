// UTF-16 text (XML allows UTF-16 documents; older JSON did too), as UTF-8
// for the body parsers: surrogate pairs joined, a lone surrogate as U+FFFD, an odd last byte dropped.
import { ByteWriter } from "./out";

/**
 * `input` itself when it is no UTF-16 text, else its text as UTF-8. UTF-16 text opens with a byte order mark
 * (FF FE or FE FF), or is a JSON or XML document whose first two characters are ASCII, each beside a NUL
 * (`{` 00 `"` 00: RFC 4627's detection, which Jackson keeps; XML's, appendix F).
 */
export function fromUtf16(input: ArrayBuffer): ArrayBuffer {
  const n = input.byteLength;
  const p = changetype<usize>(input);
  if (n < 4) return input;
  // load<u16> reads little-endian: FF FE is 0xfeff
  const bom = load<u16>(p);
  let little = bom == 0xfeff;
  let start = 2;
  if (!little && bom != 0xfffe) {
    const word = load<u32>(p);
    little = (word & 0xff00ff00) == 0;
    const first = little ? word & 0xff : (word >> 8) & 0xff;
    // (UTF-32's first character has three NULs: not read)
    if ((word & (little ? 0xff00ff00 : 0x00ff00ff)) != 0 || (word & (little ? 0xff0000 : 0xff000000)) == 0 || !(first == 0x7b || first == 0x5b || first == 0x3c)) return input;
    start = 0;
  }
  // a unit (2 bytes) becomes at most 3 bytes, a pair (4 bytes) 4
  const w = new ByteWriter((n >> 1) * 3);
  for (let i = start; i + 1 < n; i += 2) {
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
