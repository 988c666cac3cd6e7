// Content-Type checks: the media type must be one an API parses, the header must
// follow the media-type grammar with known parameters (CRS 920470), declare at
// most one allowed charset (920480, 920530), and not smuggle a second media type
// in a parameter or a boundary on a non-multipart type (921421/921422: parsers
// disagree on which one wins).
import { byte, equalsCI, isAllowedCharset, isOws } from "./text";
import { indexOfCI, isWordByte, lowerByte } from "../../bytes";
import { WordList } from "../../wordlist";

export const enum ContentTypeProblem {
  None = 0, NotAllowed, Malformed, Charset, TypeInParameter,
}

/**
 * Media types (lower case) that the engine and typical back ends parse, the mesh's RPC types
 * (gRPC, gRPC-Web, Connect, protobuf) and binary formats read through their text runs (tus uploads
 * send their chunks as application/offset+octet-stream).
 * `+json`/`+xml`/`+proto` suffixes are allowed too.
 */
const ALLOWED = new WordList(
"application/x-www-form-urlencoded|multipart/form-data|multipart/mixed|application/json|application/xml|\
text/xml|application/soap+xml|text/plain|text/html|application/octet-stream|application/grpc|\
application/x-ndjson|application/graphql|application/grpc-web|application/grpc-web-text|application/x-protobuf|\
application/protobuf|application/x-google-protobuf|application/vnd.google.protobuf|application/msgpack|\
application/x-msgpack|application/cbor|text/csv|application/yaml|application/x-yaml|application/offset+octet-stream");

const PARAMS = new WordList("action|boundary|charset|component|start|start-info|type|version");

const TOP_LEVEL = new WordList("application/|text/|multipart/|image/|audio/|video/|message/|font/|model/");

// @ts-ignore: decorator
@inline function isTypeChar(c: u32): bool {
  return isWordByte(c) || c == 0x2f || c == 0x2e || c == 0x2b || c == 0x2a || c == 0x2d;
}

function isValueChar(c: u32): bool {
  if (isWordByte(c)) return true;
  return c == 0x27 || c == 0x22 || c == 0x2e || c == 0x28 || c == 0x29 || c == 0x2b || c == 0x2c || c == 0x2f || c == 0x3a ||
    c == 0x3d || c == 0x3f || c == 0x3c || c == 0x3e || c == 0x40 || c == 0x23 || c == 0x2a || c == 0x2d;
}

/** The first problem of a Content-Type value, checked in order of severity. */
export function contentTypeProblem(ct: ArrayBuffer): ContentTypeProblem {
  const n = ct.byteLength;
  let i = 0;
  while (i < n && isTypeChar(byte(ct, i))) i++;
  const typeEnd = i;
  if (typeEnd == 0) return ContentTypeProblem.Malformed;
  if (!isAllowedType(ct, typeEnd)) return ContentTypeProblem.NotAllowed;
  // Parameters: [SP] ";" *SP name [SP] "=" [SP] value
  let charsets = 0;
  let boundaries = 0;
  while (i < n) {
    if (byte(ct, i) == 0x20) i++;
    if (i >= n || byte(ct, i) != 0x3b) return ContentTypeProblem.Malformed;
    i++;
    while (i < n && isOws(byte(ct, i))) i++;
    const nameStart = i;
    while (i < n && ((byte(ct, i) | 0x20) - 0x61 < 26 || byte(ct, i) == 0x2d)) i++;
    const nameEnd = i;
    let known = false;
    if (PARAMS.hasLower(ct, nameStart, nameEnd)) known = true;
    if (!known) return ContentTypeProblem.Malformed;
    if (i < n && byte(ct, i) == 0x20) i++;
    if (i >= n || byte(ct, i) != 0x3d) return ContentTypeProblem.Malformed;
    i++;
    if (i < n && byte(ct, i) == 0x20) i++;
    const valueStart = i;
    while (i < n && isValueChar(byte(ct, i))) i++;
    if (i == valueStart) return ContentTypeProblem.Malformed;
    if (equalsCI(ct, nameStart, nameEnd, "charset")) {
      charsets++;
      if (!isAllowedCharset(ct, valueStart, i)) return ContentTypeProblem.Charset;
    }
    if (hasMediaType(ct, valueStart, i)) return ContentTypeProblem.TypeInParameter;
    if (equalsCI(ct, nameStart, nameEnd, "boundary")) {
      // A boundary only means something to multipart parsers: elsewhere it is a decoy.
      if (!equalsCI(ct, 0, min(typeEnd, 10), "multipart/")) return ContentTypeProblem.TypeInParameter;
      // Two boundaries (parsers take the first or the last), or one longer than RFC 2046's 70.
      boundaries++;
      if (boundaries > 1 || unquotedLength(ct, valueStart, i) > 70) return ContentTypeProblem.Malformed;
    }
  }
  // A charset hidden in another parameter's value (`boundary="charset=utf-7"`) counts too.
  if (charsets > 1 || (charsets == 1 && indexOfCI(ct, "charset", indexOfCI(ct, "charset") + 7) >= 0)) return ContentTypeProblem.Charset;
  return ContentTypeProblem.None;
}

function isAllowedType(ct: ArrayBuffer, end: i32): bool {
  if (ALLOWED.hasLower(ct, 0, end)) return true;
  const app = equalsCI(ct, 0, 12, "application/");
  // A subtype that names JSON (text/json, application/x-json, application/x-amz-json-1.1, vendor +json
  // types) is parsed as JSON (request/body.ts), so none of it goes uninspected.
  const json = indexOfCI(ct, "json");
  if (json >= 0 && json + 4 <= end && json > (app ? 12 : 4) && (app || equalsCI(ct, 0, 5, "text/"))) return true;
  // application/<anything>+xml and +proto (vendor types), but not a bare suffix.
  return end > 17 && app && (equalsCI(ct, end - 4, end, "+xml") || equalsCI(ct, end - 6, end, "+proto"));
}

/** Whether [start, end) contains `type/` for a registered top-level type. */
function hasMediaType(buf: ArrayBuffer, start: i32, end: i32): bool {
  for (let i = start; i < end; i++) {
    const c = lowerByte(byte(buf, i));
    if (c != 0x61 && c != 0x74 && c != 0x6d && c != 0x69 && c != 0x76 && c != 0x66) continue;
    if (i > start && (byte(buf, i - 1) | 0x20) - 0x61 < 26) continue;
    for (let k = 0; k < TOP_LEVEL.count; k++) {
      const n = TOP_LEVEL.length(k);
      if (i + n < end && TOP_LEVEL.matchesLower(k, buf, i) && (byte(buf, i + n) | 0x20) - 0x61 < 26) return true;
    }
  }
  return false;
}

function unquotedLength(buf: ArrayBuffer, start: i32, end: i32): i32 {
  if (end - start >= 2 && byte(buf, start) == 0x22 && byte(buf, end - 1) == 0x22) return end - start - 2;
  return end - start;
}
