// Per-target protocol checks: bytes that have no place in a value (NUL, control
// characters, invalid UTF-8), encodings used to slip past filters (invalid or
// double percent-encoding, %uFFxx, `\uXXXX`), and CR/LF used to inject headers,
// split responses or smuggle a second request (CRS 920220-920270, 920540, 921110-921160).
import { byte, equalsCI } from "./text";
import { indexOfCI, matchesCI, isWordByte, isSpaceByte, isDigit, isHexDigit, isAlpha } from "../../bytes";
import { urlDecode } from "../../transform/urldecode";
import { WordList } from "../../wordlist";
import { isTokenByte } from "./headernames";

// Flags from one pass over a value.
export const F_NUL: u32 = 1;
export const F_CTL: u32 = 2;
export const F_CRLF: u32 = 4;
export const F_HIGH: u32 = 8;
export const F_BACKSLASH: u32 = 16;
export const F_LT: u32 = 32;
export const F_SLASH: u32 = 64;
export const F_PIPE: u32 = 128;
export const F_PERCENT: u32 = 256;

// The flag of each byte (0 for the bytes nothing looks for): one load per byte in scanFlags.
const BYTE_FLAGS = new StaticArray<u16>(256);
function initByteFlags(): void {
  // (unchecked: every index is a byte, below 256; the checked setter costs the module a function)
  for (let c = 0; c < 0x20; c++) unchecked((BYTE_FLAGS[c] = <u16>F_CTL));
  for (let c = 0x80; c < 0x100; c++) unchecked((BYTE_FLAGS[c] = <u16>F_HIGH));
  unchecked((BYTE_FLAGS[0] = <u16>F_NUL));
  unchecked((BYTE_FLAGS[0x09] = 0));
  unchecked((BYTE_FLAGS[0x0a] = <u16>F_CRLF));
  unchecked((BYTE_FLAGS[0x0d] = <u16>F_CRLF));
  unchecked((BYTE_FLAGS[0x7f] = <u16>F_CTL));
  unchecked((BYTE_FLAGS[0x5c] = <u16>F_BACKSLASH));
  unchecked((BYTE_FLAGS[0x3c] = <u16>F_LT));
  unchecked((BYTE_FLAGS[0x2f] = <u16>F_SLASH));
  unchecked((BYTE_FLAGS[0x7c] = <u16>F_PIPE));
  unchecked((BYTE_FLAGS[0x25] = <u16>F_PERCENT));
}
initByteFlags();

/** One pass: which interesting byte classes `v` holds. */
export function scanFlags(v: ArrayBuffer): u32 {
  let f: u32 = 0;
  const base = changetype<usize>(v);
  const n = v.byteLength;
  for (let i = 0; i < n; i++) f |= <u32>unchecked(BYTE_FLAGS[load<u8>(base + <usize>i)]);
  return f;
}

/**
 * The flags of the controls `v` writes as overlong UTF-8 (`C0 80` a NUL, `C0 8A` an LF): no encoder writes
 * them, and a lenient decoder reads them as the control itself.
 */
export function overlongControls(v: ArrayBuffer): u32 {
  let f: u32 = 0;
  const base = changetype<usize>(v);
  for (let i = 0, n = v.byteLength - 1; i < n; i++) {
    const c = <u32>load<u8>(base + <usize>i + 1) - 0x80;
    if (load<u8>(base + <usize>i) == 0xc0 && c < 0x20) f |= <u32>unchecked(BYTE_FLAGS[c]);
  }
  return f;
}

/**
 * Whether every control byte of `v` is the ESC of an ANSI terminal sequence (`ESC[0;31m`, `ESC[2K`):
 * colours in a CI log, a notebook's traceback or a shipped log line, not evasion.
 */
export function onlyTerminalSequences(v: ArrayBuffer): bool {
  const n = v.byteLength - 1;
  for (let i = 0; i < n; i++) {
    const c = byte(v, i);
    if ((<u32>unchecked(BYTE_FLAGS[c]) & F_CTL) != 0 && (c != 0x1b || byte(v, i + 1) != 0x5b)) return false;
  }
  return (<u32>unchecked(BYTE_FLAGS[byte(v, n)]) & F_CTL) == 0;
}

/**
 * Offset of a `%` that starts no valid escape but looks like one (`%1G`, `%w2`, `%7%6F`), or -1.
 * A `%` before a space, punctuation or the end is prose a client failed to encode ("24% of"), not evasion.
 */
export function invalidEscape(raw: ArrayBuffer): i32 {
  const n = raw.byteLength;
  for (let i = 0; i < n; i++) {
    if (byte(raw, i) != 0x25) continue;
    if (i + 1 >= n) continue;
    const p = changetype<usize>(raw) + <usize>i;
    const next = <u32>load<u8>(p, 1);
    if (!((next | 0x20) - 0x61 < 26 || next - 0x30 < 10 || next == 0x25)) continue;
    if (i + 2 < n && isHexDigit(<u32>load<u8>(p, 1)) && isHexDigit(<u32>load<u8>(p, 2))) continue;
    if (i + 5 < n && (<u32>load<u8>(p, 1) | 0x20) == 0x75 && isHexDigit(<u32>load<u8>(p, 2)) && isHexDigit(<u32>load<u8>(p, 3)) &&
      isHexDigit(<u32>load<u8>(p, 4)) && isHexDigit(<u32>load<u8>(p, 5))) continue;
    return i;
  }
  return -1;
}

/**
 * Offset of a double percent-encoding, or -1: `%25` whose single decoding yields a
 * valid escape again (`%2541` -> `%41`, `%25%34%31` -> `%41`). `%25` that decodes to a
 * literal percent (`%25%3d` -> `%=` in a template) is not.
 */
export function doubleEscape(raw: ArrayBuffer): i32 {
  const k = indexOfCI(raw, "%25");
  if (k < 0) return -1;
  return textEscapes(urlDecode(raw, true), true) >= 0 ? -1 : k;
}

/**
 * Whether every `%XX` in `v` is text that was typed, not an escape: a printf format (`%08x`, `%02d`,
 * `%13lld`, `%10s`), a lone `%XX` over 0x7f, a `%25` before no escape (a percent sign), or (`inUrl`) the escape of a URI
 * or path pasted whole (`https://x/my%20file.pdf`, `mailto:a@b.example?body=x%20y`, `/docs/my%20file.pdf`).
 * Returns the number of printf formats, or -1 when some `%XX` is an escape.
 */
export function textEscapes(v: ArrayBuffer, inUrl: bool): i32 {
  const n = v.byteLength;
  // 2 inside a URL (`https://`), 1 inside another URI or a path, 0 elsewhere
  let url = 0;
  let formats = 0;
  for (let i = 0; i + 2 < n; i++) {
    // (bytes after `i` read at immediate offsets from `p`: one load each)
    const p = changetype<usize>(v) + <usize>i;
    const c = <u32>load<u8>(p);
    if (isSpaceByte(c)) url = 0;
    else if (c == 0x3a && <u32>load<u8>(p, 1) == 0x2f && <u32>load<u8>(p, 2) == 0x2f) url = 2;
    // a URI or a path keeps its own escapes too: from a scheme's colon (`mailto:a@b?body=x%20y`) or a path segment's
    // slash (`/$defs/string%20Map`; not `/*` nor `/%2e`) to the next blank, but for an escaped control byte: what
    // response splitting hides (`/next%0d%0aSet-Cookie:`; a URL's own query may carry a text's line breaks)
    else if (url == 0 && ((c == 0x2f && isWordByte(<u32>load<u8>(p, 1))) || (c == 0x3a && i > 0 && isAlpha(<u32>load<u8>(p - 1))))) url = 1;
    // (passed over: any escape in a URL, one of a byte from 0x20 up in another URI or a path)
    if (c != 0x25 || !isHexDigit(<u32>load<u8>(p, 1)) || !isHexDigit(<u32>load<u8>(p, 2)) || (inUrl && url > <i32>(<u32>load<u8>(p, 1) <= 0x31))) continue;
    // a lone byte over 0x7f (`%EC%Ey`, a glibc era format) is no UTF-8: typed; `%c0%ae` is a pair
    if ((<u32>load<u8>(p, 1) | 0x20) > 0x37 && !(i + 5 < n && <u32>load<u8>(p, 3) == 0x25 && isHexDigit(<u32>load<u8>(p, 4)) && isHexDigit(<u32>load<u8>(p, 5)))) continue;
    // `%25` encodes a `%`: an escape once more encoded (`%252e`, `%25%32%65`) when an escape follows, else a percent
    // sign typed in URL-encoded text (`//[2001:db8::7%25en1]`, an IPv6 zone), which decodes to nothing further
    if (<u32>load<u8>(p, 1) == 0x32 && <u32>load<u8>(p, 2) == 0x35) {
      if (i + 4 < n && (<u32>load<u8>(p, 3) == 0x25 || isHexDigit(<u32>load<u8>(p, 3)) && (isHexDigit(<u32>load<u8>(p, 4)) || <u32>load<u8>(p, 4) == 0x25))) return -1;
      continue;
    }
    let j = i + 1;
    while (j < n && j < i + 4 && isDigit(byte(v, j))) j++;
    while (j < n && j < i + 7 && (byte(v, j) == 0x6c || byte(v, j) == 0x68 || byte(v, j) == 0x7a)) j++; // l h z
    // `%2e`, `%0a`, `%27%20`, `%20union` are escapes
    if (j < i + 3 || j >= n || !isPrintfConversion(byte(v, j)) || (j + 1 < n && (byte(v, j + 1) | 0x20) - 0x61 < 26)) return -1;
    formats++;
  }
  return formats;
}

function isPrintfConversion(c: u32): bool {
  return c == 0x64 || c == 0x69 || c == 0x75 || c == 0x78 || c == 0x58 || c == 0x6f || c == 0x73 || c == 0x63 || c == 0x66 || c == 0x70;
}

/**
 * Offset of `%uFFxx` (full-width forms that decode to ASCII) or `%u000x`/`%u001x` (a control
 * character, CR/LF: JavaScript's escape() writes those as %0D), or -1.
 */
export function fullWidthEscape(raw: ArrayBuffer): i32 {
  let from = 0;
  for (let guard = 0; guard < 64; guard++) {
    const k = indexOfCI(raw, "%u", from);
    if (k < 0 || k + 5 >= raw.byteLength) return -1;
    const p = changetype<usize>(raw) + <usize>k;
    const hi = (<u32>load<u8>(p, 2) << 8 | <u32>load<u8>(p, 3)) | 0x2020;
    if (((hi == 0x6666 && isHexDigit(<u32>load<u8>(p, 4))) || (hi == 0x3030 && <u32>load<u8>(p, 4) - 0x30 < 2)) && isHexDigit(<u32>load<u8>(p, 5))) return k;
    from = k + 2;
  }
  return -1;
}

/**
 * Offset of `\uXXXX` (a JS escape in a form value: decoded by some back ends only), or -1. `\u200B`-`\u200D`
 * (zero-width space, non-joiner, joiner: emoji sequences, Indic collation rules) decode to an invisible format
 * character, never to syntax, and are passed over.
 */
export function unicodeEscape(v: ArrayBuffer): i32 {
  const n = v.byteLength;
  for (let i = 0; i + 5 < n; i++) {
    const p = changetype<usize>(v) + <usize>i;
    if (<u32>load<u8>(p) != 0x5c || (<u32>load<u8>(p, 1) | 0x20) != 0x75) continue;
    if (<u32>load<u8>(p, 2) == 0x32 && <u32>load<u8>(p, 3) == 0x30 && <u32>load<u8>(p, 4) == 0x30 && (<u32>load<u8>(p, 5) | 0x20) - 0x62 < 3) continue;
    if (isHexDigit(<u32>load<u8>(p, 2)) && isHexDigit(<u32>load<u8>(p, 3)) && isHexDigit(<u32>load<u8>(p, 4)) && isHexDigit(<u32>load<u8>(p, 5))) return i;
  }
  return -1;
}

/**
 * Offset of an overlong or out-of-range UTF-8 sequence (`C0 AF` for '/', `E0 80 AE`,
 * `F5 80 BF BF`), or -1. Lone invalid bytes (Latin-1 text, EBCDIC forms) are not
 * evasion and are left alone.
 */
export function invalidUtf8(v: ArrayBuffer): i32 {
  const n = v.byteLength;
  for (let i = 0; i + 1 < n; i++) {
    const c = byte(v, i);
    if (c < 0xc0) continue;
    const d = byte(v, i + 1);
    if ((d & 0xc0) != 0x80) continue;
    if (c == 0xc0 || c == 0xc1) return i;
    if (c == 0xe0 && d < 0xa0) return i;
    if (c == 0xf0 && d < 0x90) return i;
    if (c == 0xf4 && d >= 0x90) return i;
    if (c >= 0xf5) {
      // The old 4- to 6-byte forms (`%f8%80%80%80%af`) only when whole: a lead from F5 up with one
      // continuation byte after it is two-byte legacy text (Shift_JIS `%93%FA%96%7B`, Big5).
      const long = c < 0xf8 ? 3 : c < 0xfc ? 4 : 5;
      let k = 1;
      while (k < long && i + 1 + k < n && (byte(v, i + 1 + k) & 0xc0) == 0x80) k++;
      if (k == long) return i;
      continue;
    }
    // A sequence begun but cut short (`%E2%A3` at the end or before ASCII): decoders differ on what they
    // swallow in its place. A lone lead byte is not counted: Latin-1 text has those.
    const need = c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
    let k = 1;
    while (k < need && i + 1 + k < n && (byte(v, i + 1 + k) & 0xc0) == 0x80) k++;
    if (k < need) return i;
    i += need;
  }
  // A lone C0/C1 lead at the end is an overlong sequence cut short.
  if (n > 0 && (byte(v, n - 1) == 0xc0 || byte(v, n - 1) == 0xc1)) return n - 1;
  return -1;
}

const METHODS = new WordList("get|post|head|options|connect|put|delete|trace|track|patch|propfind|proppatch|mkcol|copy|move|lock|unlock");

/** `METHOD target HTTP/d`: a request line inside a value (smuggling, 921110). Returns its offset or -1. */
export function requestLine(v: ArrayBuffer, start: i32 = 0): i32 {
  let from = start;
  for (let guard = 0; guard < 32; guard++) {
    const h = indexOfCI(v, "http/", from);
    if (h < 0) return -1;
    from = h + 5;
    if (h + 5 >= v.byteLength || !isDigit(byte(v, h + 5))) continue;
    const m = methodBefore(v, h, false);
    if (m >= 0) return m;
  }
  return -1;
}

/**
 * A whole request head inside a raw body (a request smuggled behind the first one): a request line
 * that starts a line after CR LF, ends in CR LF and is followed by a header line. The offset of its
 * method, or -1. Documents that quote HTTP (`GET / HTTP/1.1` in a README) end their lines in LF alone.
 */
export function embeddedRequest(v: ArrayBuffer): i32 {
  const n = v.byteLength;
  let from = 0;
  for (let guard = 0; guard < 32; guard++) {
    const h = indexOfCI(v, "http/", from);
    if (h < 0) return -1;
    from = h + 5;
    let e = h + 5;
    while (e < n && (isDigit(byte(v, e)) || byte(v, e) == 0x2e)) e++;
    if (e == h + 5 || e + 1 >= n || byte(v, e) != 0x0d || byte(v, e + 1) != 0x0a) continue;
    let k = e + 2;
    while (k < n && isTokenByte(byte(v, k))) k++;
    if (k == e + 2 || k >= n || byte(v, k) != 0x3a) continue;
    // Any upper-case method: smuggled requests often carry a prefix the next request completes (`GPOST`).
    const m = methodBefore(v, h, true);
    if (m >= 2 && byte(v, m - 1) == 0x0a && byte(v, m - 2) == 0x0d) return m;
  }
  return -1;
}

/**
 * The start of the method of a request line whose `HTTP/` is at `h` (a method word, spaces, a target
 * without spaces, spaces), when that line starts the value or follows CR/LF; else -1. The method is a
 * known one, or with `anyUpper` any word of 3 to 16 upper-case letters.
 */
function methodBefore(v: ArrayBuffer, h: i32, anyUpper: bool): i32 {
  let i = h;
  if (i == 0 || !isSpaceByte(byte(v, i - 1))) return -1;
  while (i > 0 && isSpaceByte(byte(v, i - 1))) i--;
  const targetEnd = i;
  while (i > 0 && !isSpaceByte(byte(v, i - 1))) i--;
  if (i == targetEnd || i == 0) return -1;
  while (i > 0 && isSpaceByte(byte(v, i - 1))) i--;
  const wordEnd = i;
  while (i > 0 && isWordByte(byte(v, i - 1))) i--;
  // A smuggled request starts a line: at the start of the value or after CR/LF.
  if (i > 0 && byte(v, i - 1) != 0x0a && byte(v, i - 1) != 0x0d) return -1;
  if (METHODS.hasLower(v, i, wordEnd)) return i;
  if (!anyUpper || wordEnd - i < 3 || wordEnd - i > 16) return -1;
  for (let k = i; k < wordEnd; k++) if (byte(v, k) < 0x41 || byte(v, k) > 0x5a) return -1;
  return i;
}

/**
 * When a run of CR/LF bytes starts at `i`: the index just after it; else -1. The run may hold UTF-8
 * characters whose code point ends in 0A or 0D (U+560A, U+010D): servers that keep a UTF-16 unit's low byte turn them into LF/CR.
 */
function foldedBreakEnd(v: ArrayBuffer, i: i32): i32 {
  const n = v.byteLength;
  let j = i;
  while (j < n) {
    const c = byte(v, j);
    if (c == 0x0d || c == 0x0a) { j++; continue; }
    let low: u32 = 0;
    if (c - 0xc2 < 30 && j + 1 < n) low = ((c << 6) | (byte(v, j + 1) & 0x3f)) & 0xff;
    else if (c - 0xe0 < 16 && j + 2 < n) low = ((byte(v, j + 1) << 6) | (byte(v, j + 2) & 0x3f)) & 0xff;
    if (low != 0x0a && low != 0x0d) break;
    j += c < 0xe0 ? 2 : 3;
  }
  return j > i ? j : -1;
}

const INJECTED_HEADERS = new WordList(
"content-type|content-length|set-cookie|location|refresh|cookie|x-forwarded-for|x-forwarded-host|\
x-forwarded-server|forwarded-for|forwarded-host|host|via|remote-ip|remote-addr|originating-ip|x-originating-ip|link|\
content-security-policy|content-disposition|access-control-allow-origin|access-control-allow-credentials");

/**
 * CR/LF followed by a header name and ':' (response splitting, header injection: 921120, 921160), or by `X-` and 4+ letters. Offset or -1.
 * `anyName`: a value no text field carries (a query, a cookie): any hyphenated name that starts with a letter is a
 * header (a line that starts with a timestamp, `2024-05-01T10:12:01Z`, is a log's).
 */
export function injectedHeader(v: ArrayBuffer, anyName: bool = false, start: i32 = 0): i32 {
  const n = v.byteLength;
  for (let i = start; i < n; i++) {
    // The header starts the line (indented `host: x` is code or YAML in prose), or follows one
    // blank (servers that strip or fold it); only CR/LF may separate the name from its colon
    // (`Remote-addr\r\r:` splits on some servers).
    const c = byte(v, i);
    if (c != 0x0d && c != 0x0a && c < 0xc2) continue;
    const j0 = foldedBreakEnd(v, i);
    if (j0 < 0) continue;
    let j = j0;
    if (j + 1 < n && (byte(v, j) == 0x20 || byte(v, j) == 0x09) && isWordByte(byte(v, j + 1))) j++;
    // the name: the run of letters, digits and '-' the line starts with (every listed name is one)
    let e = j;
    let hyphen = false;
    while (e < n && e - j <= 32 && (isWordByte(byte(v, e)) || byte(v, e) == 0x2d)) { hyphen = hyphen || byte(v, e) == 0x2d; e++; }
    if (e > j && (INJECTED_HEADERS.hasLower(v, j, e) || (e - j >= 6 && (byte(v, j) | 0x20) == 0x78 && byte(v, j + 1) == 0x2d) || (anyName && hyphen && e - j >= 4 && isAlpha(byte(v, j))))) {
      while (e < n && (byte(v, e) == 0x0d || byte(v, e) == 0x0a)) e++;
      if (e < n && byte(v, e) == 0x3a) {
        // `Location:` alone after the colon is a phrase, a header needs a value.
        let w = e + 1;
        while (w < n && (byte(v, w) == 0x20 || byte(v, w) == 0x09)) w++;
        if (w < n && byte(v, w) != 0x0d && byte(v, w) != 0x0a) return i;
      }
    }
    i = j0 - 1; // the rest of this run of breaks leads to the same place: skip it (linear time)
  }
  return -1;
}

/**
 * CR/LF followed by `name=` (`test\rnext=more`): a second parameter smuggled into a query value for
 * a back end that splits on line ends (log lines, line-based protocols, header-built redirects).
 * Offset of the CR/LF, or -1. Prose after a line break (`Go to store.\nAt the store`) has no `name=`.
 */
export function injectedParameter(v: ArrayBuffer): i32 {
  const n = v.byteLength;
  for (let i = 0; i < n; i++) {
    const j = foldedBreakEnd(v, i);
    if (j < 0) continue;
    const first = j < n ? byte(v, j) : 0;
    let e = (first | 0x20) - 0x61 < 26 || first == 0x5f ? j + 1 : j; // a name starts with a letter or `_`
    while (e > j && e < n && e - j <= 64) {
      const d = byte(v, e);
      if (!(isWordByte(d) || d == 0x2d || d == 0x2e || d == 0x5b || d == 0x5d)) break;
      e++;
    }
    if (e > j && e < n && byte(v, e) == 0x3d) return i;
    i = j - 1; // the rest of this run of CR/LF leads to the same place (linear time)
  }
  return -1;
}

/** A status line (`HTTP/1.1 200`) or `<html`/`<meta` in a value: a response injected (921130). Offset or -1. */
export function injectedResponse(v: ArrayBuffer, flags: u32): i32 {
  // a status line splits a response only with a line break (`Sends a HTTP/1.1 102 Processing message` is prose)
  if ((flags & F_SLASH) && (flags & F_CRLF)) {
    let from = 0;
    for (let guard = 0; guard < 32; guard++) {
      const h = indexOfCI(v, "http/", from);
      if (h < 0) break;
      if (h + 5 < v.byteLength && isDigit(byte(v, h + 5)) && (h == 0 || !isWordByte(byte(v, h - 1))) && isStatusLine(v, h + 5)) return h;
      from = h + 5;
    }
  }
  if (flags & F_LT) {
    // A document after a line break (a response body behind injected headers); an HTML document
    // as a value (a mail's or a page's HTML posted to an API) is for the XSS rules to judge.
    const a = indexOfCI(v, "<html");
    // (a document's own DOCTYPE, XML prolog or comment before it is no injected head: the value opens with `<!` or `<?`)
    if (a >= 0 && (a + 5 >= v.byteLength || !isWordByte(byte(v, a + 5))) && (flags & F_CRLF) && lineBreakBefore(v, a) && !(byte(v, 0) == 0x3c && (byte(v, 1) == 0x21 || byte(v, 1) == 0x3f))) return a;
    // A meta refresh (a redirect planted in the page); `<meta charset>` and content-type metas are page furniture.
    const b = indexOfCI(v, "<meta");
    if (b >= 0 && (b + 5 >= v.byteLength || !isWordByte(byte(v, b + 5)))) {
      const close = indexOfCI(v, ">", b);
      const refresh = indexOfCI(v, "refresh", b);
      if (refresh > b && (close < 0 || refresh < close)) return b;
    }
  }
  return -1;
}

/** Whether a CR or LF comes before `at` in `v`. */
function lineBreakBefore(v: ArrayBuffer, at: i32): bool {
  for (let i = 0; i < at; i++) {
    const c = byte(v, i);
    if (c == 0x0a || c == 0x0d) return true;
  }
  return false;
}

/** After `HTTP/`: `d[.d] ddd` (version, space, three-digit status). */
function isStatusLine(v: ArrayBuffer, i: i32): bool {
  const n = v.byteLength;
  i++;
  if (i + 1 < n && byte(v, i) == 0x2e && isDigit(byte(v, i + 1))) i += 2;
  if (i >= n || byte(v, i) != 0x20) return false;
  i++;
  return i + 2 < n && isDigit(byte(v, i)) && isDigit(byte(v, i + 1)) && isDigit(byte(v, i + 2));
}
