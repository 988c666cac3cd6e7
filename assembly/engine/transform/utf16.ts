// UTF-16 and UTF-32 text (XML allows UTF-16 documents; older JSON allowed both), as UTF-8 for the body
// parsers: surrogate pairs joined, a lone surrogate or a UTF-32 unit past U+10FFFF as U+FFFD, an odd last byte dropped.
import { ByteWriter } from "./out";

/**
 * `input` itself when it is no UTF-16 or UTF-32 text, else its text as UTF-8. Such text opens with a byte order
 * mark (FF FE or FE FF; FF FE 00 00 or 00 00 FE FF), or is a JSON or XML document whose first character is ASCII
 * beside NULs: two characters each beside one NUL (`{` 00 `"` 00), or one beside three (`{` 00 00 00), RFC 4627's
 * detection, which Jackson keeps; XML's, appendix F.
 */
export function fromUtf16(input: ArrayBuffer): ArrayBuffer {
  const n = input.byteLength;
  const p = changetype<usize>(input);
  if (n < 4) return input;
  // (load<u32> reads little-endian: FF FE 00 00 is 0xfeff; UTF-32's first unit fills one half of the word, its
  // other half NULs)
  const word = load<u32>(p);
  const hi = word >> 16;
  const lo = word & 0xffff;
  const wide = word != 0 && (hi == 0 || lo == 0);
  const little = wide ? hi == 0 : (word & 0xff00ff00) == 0 || lo == 0xfeff;
  // the first unit, and for UTF-16 the second
  const first = little ? (wide ? word : lo) : bswap<u32>(word) >> (wide ? 0 : 16);
  const second = little ? hi : bswap<u32>(word) & 0xffff;
  let start = wide ? 4 : 2;
  if (first != 0xfeff) {
    if (!(first == 0x7b || first == 0x5b || first == 0x3c) || !wide && second - 1 >= 0x7f) return input;
    start = 0;
  }
  // a unit (2 bytes) becomes at most 3 bytes, a pair (4 bytes) 4; a UTF-32 unit at most 4
  const w = new ByteWriter(wide ? n : (n >> 1) * 3);
  const step = wide ? 4 : 2;
  // (a big-endian unit's bytes swapped: a UTF-16 unit's land in the top half)
  const swap = wide ? 0 : 16;
  for (let i = start; i + step <= n; i += step) {
    let u = wide ? load<u32>(p + <usize>i) : <u32>load<u16>(p + <usize>i);
    if (!little) u = bswap<u32>(u) >> swap;
    if (u - 0xd800 < 0x800) {
      let lo: u32 = 0;
      if (!wide && u < 0xdc00 && i + 3 < n) {
        lo = <u32>load<u16>(p + <usize>(i + 2));
        if (!little) lo = bswap<u32>(lo) >> 16;
      }
      if (lo - 0xdc00 < 0x400) {
        u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
        i += 2;
      } else {
        u = 0xfffd;
      }
    }
    w.putCodePoint(u > 0x10ffff ? 0xfffd : u);
  }
  return w.finish();
}
