// Java serialization streams: the magic `AC ED 00 05` raw, in hex, or base64
// (`rO0AB`, and `KztAA` / `Cs7QA` when cut out of a longer encoding).
import { byteAt, isHexDigit, matchesCI, needleCode, needleLength } from "../../bytes";
import { base64Value } from "../langs/base64";

/**
 * Whether the stream findSerialized found last is .NET's: BinaryFormatter's header record
 * (`00 01 00 00 00 FF FF FF FF`: `AAEAAAD/////`), or a ViewState whose LosFormatter stream
 * (`FF 01`) holds a BinaryFormatter object (token 0x32: `/wEy`), the shape gadget chains take.
 */
export let serializedDotNet = false;

/** Index of a Java (or .NET, see serializedDotNet) serialization stream header in `data`, or -1. */
export function findSerialized(data: ArrayBuffer): i32 {
  const n = data.byteLength;
  for (let i = 0; i + 4 <= n; i++) {
    const c = byteAt(data, i);
    serializedDotNet = (c == 0x41 || c == 0x2f) && (i == 0 || base64Value(byteAt(data, i - 1)) < 0) &&
      (startsWithBytes(data, i, "AAEAAAD/////") || startsWithBytes(data, i, "/wEy"));
    if (serializedDotNet) return i;
    if (c == 0xac) {
      if (byteAt(data, i + 1) == 0xed && byteAt(data, i + 2) == 0x00 && byteAt(data, i + 3) == 0x05) return i;
    } else if (c == 0x72 || c == 0x4b || c == 0x43) { // r K C
      // a run starts after a byte no base64 letter, or `rO0AB` after a path's `/` (`/files/rO0AB...`)
      if (i > 0 && !(c == 0x72 && byteAt(data, i - 1) == 0x2f) && base64Value(byteAt(data, i - 1)) >= 0) continue;
      if (startsWithBytes(data, i, "rO0AB") || startsWithBytes(data, i, "KztAA") || startsWithBytes(data, i, "Cs7QA")) return i;
    } else if ((c | 0x20) == 0x61 && i + 8 <= n && matchesCI(data, i, "aced0005")) {
      if (i > 0 && isHexDigit(byteAt(data, i - 1))) continue;
      return i;
    }
  }
  return -1;
}

/** Index of a base64 gzip stream (`H4sI`) at the start of a base64 run, or -1. */
export function findGzipBase64(data: ArrayBuffer): i32 {
  const n = data.byteLength;
  for (let i = 0; i + 8 <= n; i++) {
    if (byteAt(data, i) != 0x48) continue;
    if (i > 0 && base64Value(byteAt(data, i - 1)) >= 0) continue;
    if (startsWithBytes(data, i, "H4sI")) return i;
  }
  return -1;
}

/** Case-sensitive comparison (base64 is case-sensitive). */
function startsWithBytes<Needle>(data: ArrayBuffer, at: i32, s: Needle, n: i32 = 0): bool {
  n = needleLength(s, n);
  if (at + n > data.byteLength) return false;
  for (let k = 0; k < n; k++) if (byteAt(data, at + k) != needleCode(s, k)) return false;
  return true;
}
