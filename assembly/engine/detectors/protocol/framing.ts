// Request-model checks of how a request is routed and framed that parsers disagree on:
// a Host that is no host (routing, cache keys and absolute URLs built from it), and the
// framing headers spelled with `_` (back ends that map `_` to `-`, as CGI-style servers do,
// see a second Content-Length or Transfer-Encoding that the proxy never framed by).
import { byte } from "./text";
import { isDigit } from "../../bytes";

// @ts-ignore: decorator
@inline function isHostByte(c: u32): bool {
  return (c | 0x20) - 0x61 < 26 || c - 0x30 < 10 || c == 0x2d || c == 0x2e || c == 0x5f || c >= 0x80;
}

/** Whether bytes from i on are `:` and at most 5 digits, or nothing. */
function portOrEnd(v: ArrayBuffer, i: i32): bool {
  const n = v.byteLength;
  if (i == n) return true;
  if (byte(v, i) != 0x3a) return false;
  const digits = n - i - 1;
  if (digits < 1 || digits > 5) return false;
  for (let k = i + 1; k < n; k++) if (!isDigit(byte(v, k))) return false;
  return true;
}

/**
 * Whether a Host value is neither `name[:port]` (letters, digits, `-`, `.`, `_`, non-ASCII) nor
 * `[IPv6][:port]`: `a@evil.com`, `a/b`, `a b`, `evil.com\@x`, `x:80:81`. An empty Host is left to the
 * proxy (HTTP/1.1 allows it for targets without an authority).
 */
export function badHost(v: ArrayBuffer): bool {
  const n = v.byteLength;
  if (n == 0) return false;
  let i = 0;
  if (byte(v, 0) == 0x5b) {
    i = 1;
    while (i < n && byte(v, i) != 0x5d) {
      const c = byte(v, i);
      if (!(isDigit(c) || (c | 0x20) - 0x61 < 26 || c == 0x3a || c == 0x2e || c == 0x25)) return true; // hex, `:`, `.`, zone id `%eth0`
      i++;
    }
    if (i >= n) return true;
    return !portOrEnd(v, i + 1);
  }
  while (i < n && isHostByte(byte(v, i))) i++;
  return i == 0 || !portOrEnd(v, i);
}

/** Whether a lower-case header name is content-length or transfer-encoding with at least one `_` for a `-`. */
export function underscoreFraming(name: string): bool {
  const n = name.length;
  if (n != 14 && n != 17) return false;
  const target = n == 14 ? "content-length" : "transfer-encoding";
  let underscore = false;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    const t = target.charCodeAt(i);
    if (c == t) continue;
    if (c == 0x5f && t == 0x2d) { underscore = true; continue; }
    return false;
  }
  return underscore;
}
