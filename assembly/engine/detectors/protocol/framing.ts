// Request-model checks of how a request is routed and framed that parsers disagree on:
// a Host that is no host (routing, cache keys and absolute URLs built from it), and the
// framing headers spelled with `_` (back ends that map `_` to `-`, as CGI-style servers do,
// see a second Content-Length or Transfer-Encoding that the proxy never framed by).
import { byte } from "./text";
import { isDigit, isWordByte } from "../../bytes";
import { indexOfEither } from "../../transform/out";

// @ts-ignore: decorator
@inline function isHostByte(c: u32): bool {
  return isWordByte(c) || c == 0x2d || c == 0x2e || c >= 0x80;
}

/** Whether bytes from i on are `:` and at most 5 digits, or nothing. */
function portOrEnd(v: ArrayBuffer, i: i32, n: i32): bool {
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
export function badHost(v: ArrayBuffer, i: i32 = 0, n: i32 = v.byteLength): bool {
  if (n == i) return false;
  const a = i;
  if (byte(v, i) == 0x5b) {
    i++;
    while (i < n && byte(v, i) != 0x5d) {
      const c = byte(v, i);
      if (!(isDigit(c) || (c | 0x20) - 0x61 < 26 || c == 0x3a || c == 0x2e || c == 0x25)) return true; // hex, `:`, `.`, zone id `%eth0`
      i++;
    }
    if (i >= n) return true;
    return !portOrEnd(v, i + 1, n);
  }
  while (i < n && isHostByte(byte(v, i))) i++;
  return i == a || !portOrEnd(v, i, n);
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

/**
 * Whether a comma-separated list of forwarded hosts (X-Forwarded-Host, X-Host) holds an empty item or
 * one that is no host (badHost: `//evil.example/`, `http://x/`, `a"><svg`): links, redirects and cached
 * pages built from it point elsewhere.
 */
export function badForwardedHosts(v: ArrayBuffer): bool {
  const n = v.byteLength;
  let i = 0;
  while (i < n) {
    while (i < n && byte(v, i) == 0x20) i++;
    let j = i;
    while (j < n && byte(v, j) != 0x2c) j++;
    let e = j;
    while (e > i && byte(v, e - 1) == 0x20) e--;
    if (e == i || badHost(v, i, e)) return true;
    i = j + 1;
  }
  return false;
}

/**
 * Whether a rewrite header (X-Original-URL, X-Forwarded-Uri) is no path or names one the request's own
 * path is no suffix of. A front end that strips a prefix (`/api/v1/users` routed as `/v1/users`) keeps
 * it one; a client that asks for `/` and names `/admin` wants a router behind us to serve the other path.
 */
export function rewritesElsewhere(v: ArrayBuffer, path: ArrayBuffer): bool {
  if (v.byteLength == 0) return false;
  if (byte(v, 0) != 0x2f) return true;
  const n = pathEnd(v);
  const m = pathEnd(path);
  if (m > n) return true;
  for (let k = 1; k <= m; k++) if (byte(v, n - k) != byte(path, m - k)) return true;
  return false;
}

/** Where the path of a request target ends: at its `?`, or at its end. */
export function pathEnd(v: ArrayBuffer): i32 {
  const q = indexOfEither(v, 0x3f, 0x3f, 0);
  return q < 0 ? v.byteLength : q;
}
