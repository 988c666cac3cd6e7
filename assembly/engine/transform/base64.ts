// Base64 detection and decoding: attacks hide in values that are base64 (standard
// or URL-safe alphabet, padding optional, a space read as `+`) of printable text. Binary payloads
// (images, random tokens) decode to unprintable bytes and are not reported.
import { at } from "./out";

const MIN_LENGTH = 8;

const MAX_SCRATCH = 64 * 1024;
let scratch = new ArrayBuffer(256);

// The 6-bit value of each byte, or -1. A space is a '+' that form decoding turned into one
// (`a=PGltZy+...` in a query); `-` and `_` are the URL-safe alphabet's.
const SEXTETS = new StaticArray<i8>(256);
function initSextets(): void {
  for (let c: u32 = 0; c < 256; c++) {
    let v: i32 = -1;
    if (c - 0x41 < 26) v = <i32>c - 0x41;
    else if (c - 0x61 < 26) v = <i32>c - 0x61 + 26;
    else if (c - 0x30 < 10) v = <i32>c - 0x30 + 52;
    else if (c == 0x2b || c == 0x2d || c == 0x20) v = 62;
    else if (c == 0x2f || c == 0x5f) v = 63;
    SEXTETS[c] = <i8>v;
  }
}
initSextets();

/** Whether `c` can be part of a base64 run: the alphabet (standard and URL-safe) and `=`, not the space. */
// @ts-ignore: decorator
@inline export function isBase64Letter(c: u32): bool {
  return (unchecked(SEXTETS[c & 0xff]) >= 0 && c != 0x20) || c == 0x3d;
}

/** The decoded text of input[start, end) (all of it by default), or null when that is not base64 of mostly printable text. */
export function base64DecodePrintable(input: ArrayBuffer, start: i32 = 0, end: i32 = -1): ArrayBuffer | null {
  const e = end < 0 ? input.byteLength : end;
  let n = e - start;
  if (n < MIN_LENGTH) return null;
  while (n > 0 && at(input, start + n - 1) == 0x3d) n--;
  if (e - start - n > 2 || (n & 3) == 1) return null;
  // Decoded into scratch space first: most candidates (ids, prose without punctuation) are no text.
  const size = (n * 3) >> 2;
  // Big values get a buffer of their own (once their alphabet is checked): the scratch space stays
  // small for the life of the VM.
  if (size > MAX_SCRATCH) {
    for (let i = 0; i < n; i++) if (unchecked(SEXTETS[at(input, start + i)]) < 0) return null;
  }
  let into = size <= MAX_SCRATCH ? scratch : new ArrayBuffer(size);
  if (into.byteLength < size) scratch = into = new ArrayBuffer(min(MAX_SCRATCH, max(size, into.byteLength << 1)));
  const o = changetype<usize>(into);
  const from = changetype<usize>(input) + <usize>start;
  let acc: u32 = 0;
  let bits = 0;
  let k = 0;
  let nuls = 0;
  let mark = false;
  // One pass checks the alphabet and decodes: prose read as base64 meets a control byte within a few
  // bytes, so it ends early.
  for (let i = 0; i < n; i++) {
    const v = <i32>unchecked(SEXTETS[load<u8>(from + <usize>i)]);
    if (v < 0) return null;
    acc = (acc << 6) | <u32>v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const b = (acc >> bits) & 0xff;
      if (k < size) {
        store<u8>(o + <usize>k, <u8>b);
        k++;
      }
      // `<scr\0ipt>`: a NUL splits a keyword; decoded() drops it. PHP's serialised names mark a property
      // protected or private between two NULs that open a string (`s:8:"\0*\0name"`, `"\0Class\0name"`):
      // text, not binary.
      // Another control byte (not a blank: a form feed is HTML's) counts as a NUL does: one before `javascript:`
      // is stripped by the browser (`src='\x01javascript:...'`); many are binary, not text.
      if (b == 0 && (mark || (k > 1 && load<u8>(o + <usize>(k - 2)) == 0x22))) mark = !mark;
      else if ((b < 0x20 ? b != 0x09 && b != 0x0a && b != 0x0d && b != 0x0c : b == 0x7f) && ++nuls * 16 > size) return null;
    }
  }
  // Text: a few NULs or control bytes at most.
  if (k == 0 || nuls * 16 > k) return null;
  // Bytes above 0x7f must be well-formed UTF-8 (a lead byte C2-F4, then its continuation bytes 80-BF),
  // however many (full-width `＜script＞`, any script's text): random bytes that happen to decode
  // without control bytes (`RSI9OQ0N...`) break that within a byte or two.
  for (let i = 0; i < k; i++) {
    const b = load<u8>(o + <usize>i);
    if (b < 0x80) continue;
    const more = b < 0xc2 || b > 0xf4 ? k : b < 0xe0 ? 1 : b < 0xf0 ? 2 : 3;
    if (i + more >= k) return null;
    for (let m = 0; m < more; m++) if ((load<u8>(o + <usize>(++i)) & 0xc0) != 0x80) return null;
  }
  return into.slice(0, k);
}
