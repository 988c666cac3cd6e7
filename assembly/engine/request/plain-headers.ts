// Headers that browsers and the mesh set on every request (tracing ids, fetch metadata,
// encodings, Envoy's own) are left out of the detectors when, and only when, their value
// has the shape its header allows: a trace id of hex digits, a list of `token;q=0.5`
// items, a quoted brand list. Such a value cannot carry an injection, and scanning it on
// every request costs time. Any other value of the same header is inspected like any
// header (an attacker chooses header values too). The protocol detector sees every header.
import { TABLE_DIGITS, TABLE_LETTERS, byteAt, byteTable, matchesCI } from "../bytes";
import { findSensitive } from "../detectors/lfi/sensitive";

const enum Shape {
  /** Not listed: always inspected. */
  None = 0,
  /** One opaque id: letters, digits, `-`, `_`, `.` (`x-request-id`, b3 ids, counts). */
  Id,
  /** Comma-separated `token[=token]` or `token;q=1.0` items (encodings, cache directives). */
  TokenList,
  /** W3C trace context: hex groups separated by `-`. */
  TraceParent,
  /** `key=value` items separated by `,` (tracestate vendors). */
  KeyValueList,
  /** Structured-header brand list: `"Brand";v="123", ...` and `?0`, `"Linux"`. */
  ClientHint,
  /** Host and port. */
  Host,
  /** Base64 (Envoy's peer metadata). */
  Base64,
  /** `Key=value;Key="quoted value",...` (x-forwarded-client-cert as Envoy writes it). */
  ForwardedCert,
  /** Media ranges with parameters: `text/html,application/xml;q=0.9,image/webp;q=0.8` and the any-type range. */
  MediaList,
  /** `scheme://host[:port]` and a path of plain segments: no query, fragment, escape or dot segment (`Referer`, `Origin`). */
  Url,
  /** Addresses as proxies append them: IPv4 and IPv6 (hex digits, `.`, `:`, brackets), separated by `,` and spaces. */
  AddressList,
}

function shapeOf(name: string): Shape {
  const n = name.length;
  if (n == 0) return Shape.None;
  switch (name.charCodeAt(0)) {
    case 0x61: // a
      if (name == "accept-encoding" || name == "accept-language") return Shape.TokenList;
      if (name == "accept") return Shape.MediaList;
      break;
    case 0x63: // c
      if (name == "content-length") return Shape.Id;
      if (name == "cache-control" || name == "connection") return Shape.TokenList;
      break;
    case 0x68: // h
      if (name == "host") return Shape.Host;
      break;
    case 0x6b: // k
      if (name == "keep-alive") return Shape.TokenList;
      break;
    case 0x6f: // o
      if (name == "origin") return Shape.Url;
      break;
    case 0x70: // p
      if (name == "pragma") return Shape.TokenList;
      break;
    case 0x72: // r
      if (name == "referer") return Shape.Url;
      break;
    case 0x73: // s
      if (name.startsWith("sec-fetch-")) return Shape.Id;
      if (name.startsWith("sec-ch-ua")) return Shape.ClientHint;
      break;
    case 0x74: // t
      if (name == "traceparent") return Shape.TraceParent;
      if (name == "tracestate") return Shape.KeyValueList;
      break;
    case 0x75: // u
      if (name == "upgrade-insecure-requests") return Shape.Id;
      break;
    case 0x78: // x
      if (name == "x-request-id" || name.startsWith("x-b3-") || name == "x-forwarded-proto" ||
        name == "x-envoy-attempt-count" || name == "x-envoy-expected-rq-timeout-ms" || name == "x-envoy-peer-metadata-id") return Shape.Id;
      if (name == "x-envoy-peer-metadata") return Shape.Base64;
      if (name == "x-forwarded-client-cert") return Shape.ForwardedCert;
      if (name == "x-forwarded-for" || name == "x-envoy-external-address") return Shape.AddressList;
      break;
  }
  return Shape.None;
}

/** Whether the header is one of the routine ones and `v` has the shape it allows. */
export function isPlainHeader(name: string, v: ArrayBuffer): bool {
  const shape = shapeOf(name);
  if (shape == Shape.None) return false;
  const n = v.byteLength;
  if (n > 8192) return false;
  switch (shape) {
    case Shape.Id: return allIn(v, 0, n, ID) && n <= 256;
    case Shape.TokenList: return tokenList(v);
    case Shape.TraceParent: return allIn(v, 0, n, HEX_DASH) && n <= 128;
    case Shape.KeyValueList: return allIn(v, 0, n, KEY_VALUE) && n <= 512;
    case Shape.ClientHint: return clientHint(v);
    case Shape.Host: return allIn(v, 0, n, HOST) && n <= 255;
    case Shape.Base64: return allIn(v, 0, n, BASE64);
    case Shape.ForwardedCert: return forwardedCert(v);
    case Shape.MediaList: return tokenList(v, MEDIA) && mediaRanges(v, 0, v.byteLength);
    case Shape.Url: return plainUrl(v);
    case Shape.AddressList: return allIn(v, 0, n, ADDRESS) && n <= 512;
  }
  return false;
}

/**
 * Multipart part headers of the plain shapes browsers send: `form-data; name="field"` with an
 * optional `filename="..."` of letters, digits, spaces and `_ - . ( )` (the file name is a target
 * of its own too), and a `type/subtype` Content-Type. The protocol checks still see them.
 */
export function isPlainPartHeader(key: string, v: ArrayBuffer): bool {
  const n = v.byteLength;
  if (n > 512) return false;
  if (key == "content-type") return n > 0 && allIn(v, 0, n, MEDIA) && mediaRanges(v, 0, n);
  if (key != "content-disposition" || tokenEnd(v, 0, TOKEN) != 9 || !matchesCI(v, 0, "form-data")) return false;
  let i = 9;
  let params = 0;
  while (i < n) {
    if (byteAt(v, i) != 0x3b) return false;
    i = skipSpaces(v, i + 1);
    const k = tokenEnd(v, i, TOKEN);
    const isName = k - i == 4 && matchesCI(v, i, "name");
    const isFile = k - i == 8 && matchesCI(v, i, "filename");
    if (!(isName || isFile) || k + 1 >= n || byteAt(v, k) != 0x3d || byteAt(v, k + 1) != 0x22) return false;
    const e = tokenEnd(v, k + 2, isName ? FIELD_NAME : FILE_NAME);
    if (e >= n || byteAt(v, e) != 0x22 || ++params > 2) return false;
    i = e + 1;
  }
  return params > 0;
}

/** See Shape.Url. */
function plainUrl(v: ArrayBuffer): bool {
  const n = v.byteLength;
  if (n > 2048) return false;
  let i = 0;
  while (i < n && ((byteAt(v, i) | 0x20) - 0x61 < 26 || (i > 0 && unchecked(SCHEME[byteAt(v, i)]) != 0))) i++;
  if (i == 0 || i + 3 > n || byteAt(v, i) != 0x3a || byteAt(v, i + 1) != 0x2f || byteAt(v, i + 2) != 0x2f) return false;
  const host = i + 3;
  i = tokenEnd(v, host, HOST);
  if (i == host) return false;
  while (i < n) {
    if (byteAt(v, i) != 0x2f) return false;
    const s = i + 1;
    i = tokenEnd(v, s, ID);
    // `.` and `..` segments climb the path: the detectors judge those.
    if (i - s <= 2 && i > s && byteAt(v, s) == 0x2e && byteAt(v, i - 1) == 0x2e) return false;
  }
  // A path naming a secret file (`/etc/passwd`, `/.env`) is left to the LFI rules, as in any header.
  return findSensitive(v, host, -1) < 0;
}

// Byte classes as 256-entry tables (letters and digits implied by alnumTable: no 62-character
// UTF-16 literal per class in the module).
const ID = alnumTable("-_.~");
const HEX_DASH = byteTable("0123456789abcdefABCDEF-");
const TOKEN = alnumTable("-_.*");
/** TOKEN with `/` and `+` (`application/vnd.api+json`, the any-type range). */
const MEDIA = alnumTable("-_.*/+");
const KEY_VALUE = alnumTable("-_*/@=,+.");
const HOST = alnumTable("-.:[]");
const ADDRESS = byteTable("0123456789abcdefABCDEF.:[], ");
const BASE64 = alnumTable("+/=");
const BRAND = alnumTable(" .-_");
/** What follows "Not" and "A" in a GREASE brand (`Not/A)Brand`, `Not=A?Brand`, `Not_A Brand`). */
const GREASE = byteTable(" ():-./;=?_");
const CERT_VALUE = alnumTable("-_.:/%=@+ ,");
const SCHEME = alnumTable("+.-");
/** Form field names, with the brackets of nested names (`user[address][city]`) and media-type keys (`data[image/svg+xml]`). */
const FIELD_NAME = alnumTable("-_.[]/+");
const FILE_NAME = alnumTable("-_.() ");

/** Letters, digits and `extra`. */
/** A table of the letters, the digits and `extra` (a needle: bytes.ts). */
function alnumTable<Needle>(extra: Needle, n: i32 = 0): StaticArray<u8> {
  return byteTable(extra, TABLE_LETTERS | TABLE_DIGITS, n);
}

function allIn(v: ArrayBuffer, from: i32, to: i32, table: StaticArray<u8>): bool {
  for (let i = from; i < to; i++) if (unchecked(table[byteAt(v, i)]) == 0) return false;
  return true;
}

function skipSpaces(v: ArrayBuffer, i: i32): i32 {
  while (i < v.byteLength && byteAt(v, i) == 0x20) i++;
  return i;
}

function tokenEnd(v: ArrayBuffer, i: i32, table: StaticArray<u8>): i32 {
  while (i < v.byteLength && unchecked(table[byteAt(v, i)]) != 0) i++;
  return i;
}

/** `item (, item)*`, item = token [= token] (; token = token)*: `gzip, br;q=0.9`, `max-age=0`, `timeout=5, max=100`. */
/** Whether each comma-separated item of v[start, end) is a media range: one `/` at most, no `..` (`../../etc/passwd` is none). */
function mediaRanges(v: ArrayBuffer, start: i32, end: i32): bool {
  let slashes = 0;
  for (let i = start; i < end; i++) {
    const c = byteAt(v, i);
    if (c == 0x2c) slashes = 0;
    else if (c == 0x2f && ++slashes > 1) return false;
    else if (c == 0x2e && i + 1 < end && byteAt(v, i + 1) == 0x2e) return false;
  }
  return true;
}

function tokenList(v: ArrayBuffer, table: StaticArray<u8> = TOKEN): bool {
  const n = v.byteLength;
  let i = skipSpaces(v, 0);
  while (i < n) {
    let e = tokenEnd(v, i, table);
    if (e == i) return false;
    i = skipSpaces(v, e);
    if (i < n && byteAt(v, i) == 0x3d) { // = value
      e = tokenEnd(v, i + 1, TOKEN);
      if (e == i + 1) return false;
      i = skipSpaces(v, e);
    }
    while (i < n && byteAt(v, i) == 0x3b) { // ;key=value parameters
      const k = skipSpaces(v, i + 1);
      e = tokenEnd(v, k, TOKEN);
      if (e == k || e >= n || byteAt(v, e) != 0x3d) return false;
      const ve = tokenEnd(v, e + 1, TOKEN);
      if (ve == e + 1) return false;
      i = skipSpaces(v, ve);
    }
    if (i >= n) return true;
    if (byteAt(v, i) != 0x2c) return false;
    i = skipSpaces(v, i + 1);
  }
  return true;
}

/** `?0`, `"Linux"`, `"Chromium";v="124", "Not-A.Brand";v="99"`: sf-lists of brands and versions. */
function clientHint(v: ArrayBuffer): bool {
  const n = v.byteLength;
  if (n == 2 && byteAt(v, 0) == 0x3f && (byteAt(v, 1) == 0x30 || byteAt(v, 1) == 0x31)) return true;
  let i = skipSpaces(v, 0);
  while (i < n) {
    const e = quoted(v, i);
    if (e < 0) return false;
    i = e;
    while (i < n && byteAt(v, i) == 0x3b) { // ;v="124"
      let k = i + 1;
      while (k < n && (byteAt(v, k) | 0x20) - 0x61 < 26) k++;
      if (k == i + 1 || k >= n || byteAt(v, k) != 0x3d) return false;
      const q = quoted(v, k + 1);
      if (q < 0) return false;
      i = q;
    }
    i = skipSpaces(v, i);
    if (i >= n) return true;
    if (byteAt(v, i) != 0x2c) return false;
    i = skipSpaces(v, i + 1);
  }
  return true;
}

/** A quoted brand or version at `i`; returns the index after the closing quote, or -1. */
function quoted(v: ArrayBuffer, i: i32): i32 {
  const n = v.byteLength;
  if (i >= n || byteAt(v, i) != 0x22) return -1;
  let e = i + 1;
  while (e < n && byteAt(v, e) != 0x22) e++;
  if (e >= n || e - i - 1 > 32) return -1;
  if ((allIn(v, i + 1, e, BRAND) && spaces(v, i + 1, e) <= 2) || isGreaseBrand(v, i + 1, e)) return e + 1;
  return -1;
}

/** Brands are a few words (`Google Chrome`, `Not A Brand`): more words is prose, inspected. */
function spaces(v: ArrayBuffer, from: i32, to: i32): i32 {
  let count = 0;
  for (let i = from; i < to; i++) if (byteAt(v, i) == 0x20) count++;
  return count;
}

/** `Not` X `A` Y `Brand` with X and Y from the GREASE characters (Chrome before 100 led with a space: `" Not A;Brand"`). */
function isGreaseBrand(v: ArrayBuffer, s: i32, e: i32): bool {
  if (e - s == 12 && byteAt(v, s) == 0x20) s++;
  if (e - s != 11) return false;
  return byteAt(v, s) == 0x4e && byteAt(v, s + 1) == 0x6f && byteAt(v, s + 2) == 0x74 && unchecked(GREASE[byteAt(v, s + 3)]) != 0 &&
    byteAt(v, s + 4) == 0x41 && unchecked(GREASE[byteAt(v, s + 5)]) != 0 && byteAt(v, s + 6) == 0x42 && byteAt(v, s + 7) == 0x72 &&
    byteAt(v, s + 8) == 0x61 && byteAt(v, s + 9) == 0x6e && byteAt(v, s + 10) == 0x64;
}

/** `By=spiffe://...;Hash=ab12;Subject="CN=a,O=b";URI=spiffe://...`, elements separated by `,`. */
function forwardedCert(v: ArrayBuffer): bool {
  const n = v.byteLength;
  let i = 0;
  while (i < n) {
    let k = i;
    while (k < n && (byteAt(v, k) | 0x20) - 0x61 < 26) k++;
    if (k == i || k >= n || byteAt(v, k) != 0x3d) return false;
    i = k + 1;
    if (i < n && byteAt(v, i) == 0x22) {
      let e = i + 1;
      while (e < n && byteAt(v, e) != 0x22) e++;
      if (e >= n || !allIn(v, i + 1, e, CERT_VALUE)) return false;
      i = e + 1;
    } else {
      let e = i;
      while (e < n && byteAt(v, e) != 0x3b && byteAt(v, e) != 0x2c) e++;
      if (!allIn(v, i, e, CERT_VALUE)) return false;
      i = e;
    }
    if (i < n) {
      const c = byteAt(v, i);
      if (c != 0x3b && c != 0x2c) return false;
      i++;
    }
  }
  return true;
}
