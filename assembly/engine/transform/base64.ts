// Base64 detection and decoding: attacks hide in values that are base64 (standard
// or URL-safe alphabet, padding optional, a space read as `+`) of printable text. Binary payloads
// (images, random tokens) decode to unprintable bytes and are not reported.
import { at } from "./out";

const MIN_LENGTH = 8;

const MAX_SCRATCH = 64 * 1024;
let scratch = new ArrayBuffer(256);

// @ts-ignore: decorator
@inline function sextet(c: u32): i32 {
  if (c - 0x41 < 26) return <i32>(c - 0x41);
  if (c - 0x61 < 26) return <i32>(c - 0x61 + 26);
  if (c - 0x30 < 10) return <i32>(c - 0x30 + 52);
  // A space is a '+' that form decoding turned into one (`a=PGltZy+...` in a query).
  if (c == 0x2b || c == 0x2d || c == 0x20) return 62;
  if (c == 0x2f || c == 0x5f) return 63;
  return -1;
}

/** The decoded text of input[start, end) (all of it by default), or null when that is not base64 of mostly printable text. */
export function base64DecodePrintable(input: ArrayBuffer, start: i32 = 0, end: i32 = -1): ArrayBuffer | null {
  const e = end < 0 ? input.byteLength : end;
  let n = e - start;
  if (n < MIN_LENGTH) return null;
  while (n > 0 && at(input, start + n - 1) == 0x3d) n--;
  if (e - start - n > 2 || (n & 3) == 1) return null;
  for (let i = 0; i < n; i++) {
    if (sextet(at(input, start + i)) < 0) return null;
  }
  // Decoded into scratch space first: most candidates (ids, prose without punctuation) are no text.
  const size = (n * 3) >> 2;
  // Big values get a buffer of their own: the scratch space stays small for the life of the VM.
  let into = size <= MAX_SCRATCH ? scratch : new ArrayBuffer(size);
  if (into.byteLength < size) scratch = into = new ArrayBuffer(min(MAX_SCRATCH, max(size, into.byteLength << 1)));
  const o = changetype<usize>(into);
  let acc: u32 = 0;
  let bits = 0;
  let k = 0;
  let nuls = 0;
  for (let i = 0; i < n; i++) {
    acc = (acc << 6) | <u32>sextet(at(input, start + i));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const b = (acc >> bits) & 0xff;
      if (k < size) {
        store<u8>(o + <usize>k, <u8>b);
        k++;
      }
      if (b == 0) nuls++; // `<scr\0ipt>`: a NUL splits a keyword; decoded() drops it
      else if (b < 0x20 ? b != 0x09 && b != 0x0a && b != 0x0d : b == 0x7f) return null; // binary, not text
    }
  }
  // Text: no control bytes but a few NULs (a few non-ASCII bytes are fine, for UTF-8 text).
  if (k == 0 || nuls * 16 > k) return null;
  let high = 0;
  for (let i = 0; i < k; i++) if (load<u8>(o + <usize>i) >= 0x80) high++;
  if (high * 4 > k) return null;
  return into.slice(0, k);
}
