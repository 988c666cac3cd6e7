// Header checks that need no parsing beyond the header itself: headers a client
// has no business sending (CRS 920450, 920660), malformed or abusive values of
// Connection, Range, Accept, Accept-Encoding, Cache-Control, fetch metadata and
// Cookie (920190-920210, 920310-920330, 920510-920521, 920600, 920275, 921250).
import { byte, equalsCI, isAllowedCharset, isOws } from "./text";
import { indexOfCI, isDigit } from "../../bytes";
import { WordList } from "../../wordlist";

/**
 * `bytes first-last/complete` (or `/*`) with first <= last: the Content-Range of one chunk of a
 * resumable upload (GCS, Microsoft Graph upload sessions PUT those). Anything else in a request is not.
 */
export function isUploadChunkRange(v: ArrayBuffer): bool {
  const n = v.byteLength;
  if (n < 9 || !equalsCI(v, 0, 6, "bytes ")) return false;
  let i = 6;
  let first: i64 = 0;
  let last: i64 = 0;
  const a = i;
  while (i < n && i - a < 18 && isDigit(byte(v, i))) first = first * 10 + <i64>(byte(v, i++) - 0x30);
  if (i == a || i >= n || byte(v, i) != 0x2d) return false;
  const b = ++i;
  while (i < n && i - b < 18 && isDigit(byte(v, i))) last = last * 10 + <i64>(byte(v, i++) - 0x30);
  if (i == b || i >= n || byte(v, i) != 0x2f || last < first) return false;
  i++;
  if (i + 1 == n && byte(v, i) == 0x2a) return true;
  const c = i;
  while (i < n && isDigit(byte(v, i))) i++;
  return i == n && i > c && i - c <= 18;
}

/**
 * Connection options repeated or contradicting (`keep-alive, close`), or naming an end-to-end header the
 * application relies on (`close, X-Forwarded-For`, `keep-alive, Authorization`, `Cookie`): a proxy that honours
 * the option drops that header before the next hop (hop-by-hop abuse). Envoy drops only the Connection header
 * itself (and TE when named); a proxy in front or behind it may not.
 */
export function badConnection(v: ArrayBuffer): bool {
  let keepAlive = 0;
  let close = 0;
  let i = 0;
  const n = v.byteLength;
  while (i <= n) {
    while (i < n && isOws(byte(v, i))) i++;
    let j = i;
    while (j < n && byte(v, j) != 0x2c) j++;
    let e = j;
    while (e > i && isOws(byte(v, e - 1))) e--;
    if (equalsCI(v, i, e, "keep-alive")) keepAlive++;
    else if (equalsCI(v, i, e, "close")) close++;
    else if (equalsCI(v, i, i + 2, "x-") || equalsCI(v, i, e, "authorization") || equalsCI(v, i, e, "cookie")) return true;
    i = j + 1;
  }
  return keepAlive > 1 || close > 1 || (keepAlive > 0 && close > 0);
}

/**
 * Range abuse: a range whose last byte precedes its first (920190), or more
 * ranges than a client needs (920200; many-range requests exhaust servers). PDF
 * readers legitimately ask for many ranges, so PDFs get a higher limit.
 */
export function badRange(v: ArrayBuffer, pdf: bool): bool {
  const n = v.byteLength;
  // A Range without a unit (`1-2`) is ignored by servers (RFC 9110 14.2), so it is no abuse.
  let i = indexOfCI(v, "=");
  if (i < 0) return false;
  i++;
  let count = 0;
  while (i < n) {
    while (i < n && isOws(byte(v, i))) i++;
    let first: i64 = -1;
    let last: i64 = -1;
    let d = 0;
    while (i < n && isDigit(byte(v, i)) && d < 18) {
      first = (first < 0 ? 0 : first) * 10 + <i64>(byte(v, i) - 0x30);
      i++;
      d++;
    }
    if (i < n && byte(v, i) == 0x2d) {
      i++;
      d = 0;
      while (i < n && isDigit(byte(v, i)) && d < 18) {
        last = (last < 0 ? 0 : last) * 10 + <i64>(byte(v, i) - 0x30);
        i++;
        d++;
      }
    }
    if (first >= 0 && last >= 0 && last < first) return true;
    count++;
    while (i < n && byte(v, i) != 0x2c) i++;
    i++;
  }
  return count > (pdf ? 62 : 5);
}

/** Content codings a client can ask for. */
const CODINGS = new WordList("gzip|deflate|br|zstd|compress|identity|*|x-gzip|x-compress|exi|pack200-gzip|aes128gcm|sdch|dcb|dcz");

/** Accept-Encoding that is oversized (920520) or names an unknown coding (920521). */
export function badAcceptEncoding(v: ArrayBuffer): bool {
  const n = v.byteLength;
  if (n > 100) return true;
  let i = 0;
  while (i < n) {
    while (i < n && isOws(byte(v, i))) i++;
    let j = i;
    while (j < n && byte(v, j) != 0x2c && byte(v, j) != 0x3b && !isOws(byte(v, j))) j++;
    if (j > i && !CODINGS.hasLower(v, i, j)) return true;
    while (j < n && byte(v, j) != 0x2c) j++;
    i = j + 1;
  }
  return false;
}

/** An Accept header declaring a charset outside the allowed ones (920600). */
export function badAcceptCharset(v: ArrayBuffer): bool {
  let from = 0;
  for (let guard = 0; guard < 32; guard++) {
    const k = indexOfCI(v, "charset=", from);
    if (k < 0) return false;
    let e = k + 8;
    while (e < v.byteLength && byte(v, e) != 0x2c && byte(v, e) != 0x3b) e++;
    if (!isAllowedCharset(v, k + 8, e)) return true;
    from = e;
  }
  return false;
}

/** Cache-Control directives a request may carry (920510); anything else, or empty items, is malformed. */
const REQUEST_DIRECTIVES = new WordList("max-age|max-stale|min-fresh|no-cache|no-store|no-transform|only-if-cached|stale-if-error|must-revalidate");

export function badCacheControl(v: ArrayBuffer): bool {
  const n = v.byteLength;
  let i = 0;
  while (i <= n) {
    while (i < n && isOws(byte(v, i))) i++;
    let j = i;
    while (j < n && byte(v, j) != 0x2c && byte(v, j) != 0x3d && !isOws(byte(v, j))) j++;
    if (j == i || !REQUEST_DIRECTIVES.hasLower(v, i, j)) return true;
    let k = j;
    if (k < n && byte(v, k) == 0x3d) {
      k++;
      const d = k;
      while (k < n && isDigit(byte(v, k))) k++;
      if (k == d) return true;
    }
    while (k < n && isOws(byte(v, k))) k++;
    if (k < n && byte(v, k) != 0x2c) return true;
    if (k >= n) break;
    i = k + 1;
  }
  return false;
}

/** Structured boolean headers (`Sec-Fetch-User`, `Sec-CH-UA-Mobile`) hold `?0` or `?1` and nothing else (920275). */
export function badStructuredBoolean(v: ArrayBuffer): bool {
  return !(v.byteLength == 2 && byte(v, 0) == 0x3f && (byte(v, 1) == 0x30 || byte(v, 1) == 0x31));
}

/**
 * Body framing that a chain of HTTP parsers can read differently (request smuggling):
 * a Transfer-Encoding other than plain `chunked` (`chunked, identity`, `xchunked`,
 * ` chunked`, `gzip, chunked`), a Content-Length that is not digits, or (checked by the
 * caller) both framing headers or one repeated.
 */
export function badTransferEncoding(v: ArrayBuffer): bool {
  return !equalsCI(v, 0, v.byteLength, "chunked");
}

export function badContentLength(v: ArrayBuffer): bool {
  const n = v.byteLength;
  if (n == 0 || n > 18) return true;
  for (let i = 0; i < n; i++) if (!isDigit(byte(v, i))) return true;
  return false;
}
