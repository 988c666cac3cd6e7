// Base64 for the code-injection detectors: payloads (serialized objects, JS,
// class names) are often sent base64-encoded, whole or as a slice cut out of a
// longer encoding (then the 6-bit groups do not start on a byte boundary). Also
// the header of a JSON Web Token, read for `"alg": "none"`.
import { byteAt, indexOfCI, matchesCI } from "../../bytes";

/** 6-bit values of the base64 (standard and URL-safe) characters by byte; 255 for the others. */
const BASE64_VALUES: usize = memory.data<u8>([
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 62, 255, 62, 255, 63, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 255, 255, 255, 255, 255, 255,
  255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 255, 255, 255, 255, 63,
  255, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 255, 255, 255, 255, 255,
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
]);

/** The 6-bit value of a base64 (standard or URL-safe) character, or -1 (a table: inlined at nine sites). */
// @ts-ignore: decorator
@inline export function base64Value(c: u32): i32 {
  return <i32>load<i8>(BASE64_VALUES + <usize>(c & 0xff));
}

/** End of the run of base64 characters starting at `start`. */
export function base64RunEnd(data: ArrayBuffer, start: i32): i32 {
  const n = data.byteLength;
  let i = start;
  while (i < n && base64Value(byteAt(data, i)) >= 0) i++;
  return i;
}

/**
 * Decodes the base64 characters in [start, end) as if `shift` (0-3) characters had
 * come before them, so that a slice of a longer encoding decodes at its true
 * alignment. The first output byte is partial garbage when shift > 0.
 */
export function decodeBase64(data: ArrayBuffer, start: i32, end: i32, shift: i32): ArrayBuffer {
  const out = new ArrayBuffer(max(0, ((end - start + shift) * 3) >> 2));
  const base = changetype<usize>(out);
  let acc: u32 = 0;
  let bits = shift * 6 & 7; // 0, 6, 4, 2 pending zero bits
  let o = 0;
  for (let i = start; i < end; i++) {
    const v = base64Value(byteAt(data, i));
    if (v < 0) break;
    acc = (acc << 6) | <u32>v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (o < out.byteLength) store<u8>(base + <usize>(o++), <u8>(acc >> <u32>bits));
      acc &= (1 << <u32>bits) - 1;
    }
  }
  return o == out.byteLength ? out : out.slice(0, o);
}

/**
 * When the whole of `data` (give or take surrounding whitespace and `=` padding)
 * is one base64 run of at least 8 characters, its decoding; otherwise null.
 */
export function decodeWholeBase64(data: ArrayBuffer): ArrayBuffer | null {
  let s = 0;
  let e = data.byteLength;
  while (s < e && byteAt(data, s) <= 0x20) s++;
  while (e > s && (byteAt(data, e - 1) <= 0x20 || byteAt(data, e - 1) == 0x3d)) e--;
  if (e - s < 8) return null;
  if (base64RunEnd(data, s) != e) return null;
  return decodeBase64(data, s, e, 0);
}

/** Whether most bytes are printable ASCII (decoded text rather than binary noise). */
export function mostlyPrintable(data: ArrayBuffer): bool {
  const n = data.byteLength;
  if (n == 0) return false;
  let ok = 0;
  for (let i = 0; i < n; i++) {
    const c = byteAt(data, i);
    if ((c >= 0x20 && c < 0x7f) || c == 0x09 || c == 0x0a || c == 0x0d) ok++;
  }
  return ok * 10 >= n * 9;
}

/** Whether `"alg"` in a JSON header is followed by `:` and `"none"` (any case; a `"kid": "none"` is no such header). */
function algIsNone(header: ArrayBuffer): bool {
  let k = indexOfCI(header, "\"alg\"");
  if (k < 0) return false;
  k += 5;
  const n = header.byteLength;
  while (k < n && (load<u8>(changetype<usize>(header) + <usize>k) <= 0x20 || load<u8>(changetype<usize>(header) + <usize>k) == 0x3a)) k++;
  return matchesCI(header, k, "\"none\"");
}

/**
 * Start of a JSON Web Token (`ey...` base64url of a JSON object, then `.`) whose header holds
 * `"alg"` and `"none"`, or -1: a server that honours it accepts any claims unsigned.
 */
export function unsignedJwt(v: ArrayBuffer): i32 {
  const n = v.byteLength;
  let i = indexOfCI(v, "ey");
  while (i >= 0 && i + 16 < n) {
    const e = base64RunEnd(v, i);
    // a header is short: a long run is some other encoding, not decoded (and not allocated for)
    if (e < n && e - i <= 512 && load<u8>(changetype<usize>(v) + <usize>e) == 0x2e && (i == 0 || base64RunEnd(v, i - 1) != e)) {
      const header = decodeBase64(v, i, e, 0);
      if (algIsNone(header)) return i;
    }
    i = indexOfCI(v, "ey", max(e, i + 2));
  }
  return -1;
}
