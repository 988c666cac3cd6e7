// Protocol attacks (rules 1000-1999): request-level checks over the method,
// headers, path and body framing (detectProtocolRequest, once per request), and
// per-target checks of argument bytes and CR/LF injection (detectProtocolTarget).
import { Rule, Category, CRITICAL, WARNING, NOTICE } from "../rule";
import { Sink } from "../sink";
import { staticString } from "../static-strings";
import { quotedInPage, nextLine } from "./langs/fences";
import { HttpRequest } from "../request";
import { Target, TargetKind, TargetOrigin } from "../target";
import { Targets, BodyProblem } from "../request/targets";
import { opensJson } from "../request/json";
import { byte, equalsCI, isAllowedCharset } from "./protocol/text";
import { headerId, HeaderId, badHeaderName } from "./protocol/headernames";
import { contentTypeProblem, ContentTypeProblem } from "./protocol/contenttype";
import {
  badConnection, badRange, badAcceptEncoding, badAcceptCharset, badCacheControl,
  badStructuredBoolean, badTransferEncoding, badContentLength, isUploadChunkRange,
} from "./protocol/headers";
import {
  scanFlags, overlongControls, onlyTerminalSequences, F_NUL, F_CTL, F_CRLF, F_HIGH, F_BACKSLASH, F_PIPE, F_PERCENT, invalidEscape, doubleEscape, fullWidthEscape,
  unicodeEscape, invalidUtf8, textEscapes, requestLine, embeddedRequest, injectedHeader, injectedParameter, injectedResponse,
} from "./protocol/args";
import { checkPath } from "./protocol/path";
import { badHost, underscoreFraming, badForwardedHosts, rewritesElsewhere, pathEnd } from "./protocol/framing";
import { indexOfCI, equalsAsciiCI } from "../bytes";
import { namesMetadataService, headerHostFlags } from "./ssrf";
import { H_OBFUSCATED, H_IP } from "./ssrf/host";
import { urlDecode, urlDecodeFull } from "../transform/urldecode";
import { sameBytes } from "../transform/out";
import { WordList } from "../wordlist";

export const PROTOCOL_RULES: Rule[] = [
  new Rule(1001, Category.Protocol, CRITICAL, 1, "Request method that is not a token or not one a REST API uses (GET HEAD POST PUT PATCH DELETE OPTIONS)"),
  new Rule(1002, Category.Protocol, CRITICAL, 1, "GET or HEAD request with a body"),
  new Rule(1003, Category.Protocol, NOTICE, 1, "POST request without a body"),
  new Rule(1010, Category.Protocol, CRITICAL, 1, "Content-Type that no API parses (unknown or incomplete media type)"),
  new Rule(1011, Category.Protocol, CRITICAL, 1, "Content-Type that breaks the media-type grammar or has unknown parameters"),
  new Rule(1012, Category.Protocol, CRITICAL, 1, "Content-Type charset outside utf-8/iso-8859-1/iso-8859-15/windows-1252, or declared twice"),
  new Rule(1013, Category.Protocol, CRITICAL, 1, "Content-Type parameter holding a second media type (parser confusion)"),
  new Rule(1020, Category.Protocol, CRITICAL, 1, "Range header with a backwards range or more ranges than a client needs"),
  new Rule(1021, Category.Protocol, CRITICAL, 1, "Header a client has no business sending (Request-Range, Content-Encoding, Proxy, If, Lock-Token, method overrides, HTTP2-Settings, Accept-Charset; Content-Range except on one chunk of an upload; X-Original-URL naming another path)"),
  new Rule(1022, Category.Protocol, CRITICAL, 1, "Connection header with repeated or contradicting options, or naming an end-to-end header a proxy would then drop (X-*, Authorization, Cookie)"),
  new Rule(1023, Category.Protocol, CRITICAL, 1, "Accept-Encoding oversized or naming an unknown coding"),
  new Rule(1024, Category.Protocol, CRITICAL, 1, "Accept header declaring a charset outside the allowed ones"),
  new Rule(1025, Category.Protocol, CRITICAL, 1, "Empty Accept header from a client that is not a known browser engine"),
  new Rule(1026, Category.Protocol, CRITICAL, 1, "Empty User-Agent header"),
  new Rule(1027, Category.Protocol, CRITICAL, 1, "Fetch-metadata boolean header (Sec-Fetch-User, Sec-CH-UA-Mobile) not ?0 or ?1"),
  new Rule(1028, Category.Protocol, CRITICAL, 1, "Cache-Control with directives a request cannot carry or empty items"),
  new Rule(1029, Category.Protocol, CRITICAL, 1, "Old-style cookie ($Version): parsers split such cookies differently"),
  new Rule(1030, Category.Protocol, CRITICAL, 1, "CR or LF in a header value, or a header name that is not a token"),
  new Rule(1031, Category.Protocol, NOTICE, 1, "Host header is a numeric IP address"),
  new Rule(1032, Category.Protocol, CRITICAL, 1, "X-Up-Devcap-Post-Charset outside the allowed charsets from a UP browser (ASP.NET then decodes the body as EBCDIC or UTF-16)"),
  new Rule(1033, Category.Protocol, CRITICAL, 1, "Body framing parsers disagree on: Transfer-Encoding other than chunked, Content-Length not digits, both or repeated (request smuggling)"),
  new Rule(1034, Category.Protocol, CRITICAL, 1, "Host or X-Forwarded-Host that is no host name or address with an optional port, X-Forwarded-Prefix that is no path (@, /, \\, blanks: routing and cache-key confusion)"),
  new Rule(1035, Category.Protocol, CRITICAL, 1, "Content-Length or Transfer-Encoding spelled with '_' (back ends that map '_' to '-' see a second framing header: smuggling)"),
  new Rule(1040, Category.Protocol, CRITICAL, 1, "NUL byte in an argument, cookie or header"),
  new Rule(1041, Category.Protocol, CRITICAL, 1, "Control character in an argument, cookie or header"),
  new Rule(1042, Category.Protocol, CRITICAL, 1, "Invalid percent-encoding (%1G, %w2, %7%6F) in the query string or form body"),
  new Rule(1043, Category.Protocol, CRITICAL, 1, "Double percent-encoding (%25XX) in the query string or form body"),
  new Rule(1044, Category.Protocol, CRITICAL, 1, "Overlong or out-of-range UTF-8 in a decoded argument"),
  new Rule(1045, Category.Protocol, CRITICAL, 1, "%uFFxx full-width or %u000x control-character encoding (decoded by IIS-style decoders)"),
  new Rule(1046, Category.Protocol, CRITICAL, 1, "\\uXXXX escape in a query or form argument (decoded by some back ends only)"),
  new Rule(1050, Category.Protocol, CRITICAL, 1, "Argument name longer than 100 bytes"),
  new Rule(1051, Category.Protocol, CRITICAL, 1, "More than 255 arguments"),
  new Rule(1053, Category.Protocol, CRITICAL, 1, "Argument name with text after a closing bracket (array-parser confusion)"),
  new Rule(1054, Category.Protocol, CRITICAL, 1, "Method-override parameter (_method) naming an HTTP method (PUT, PATCH, DELETE pass in a form with a CSRF token)"),
  new Rule(1060, Category.Protocol, CRITICAL, 1, "HTTP request line inside a value, or a request head inside a raw body (request smuggling)"),
  new Rule(1061, Category.Protocol, CRITICAL, 1, "CR/LF followed by a header in a value (response splitting, header injection)"),
  new Rule(1062, Category.Protocol, CRITICAL, 1, "HTTP status line or HTML document start inside an argument or cookie (response splitting)"),
  new Rule(1063, Category.Protocol, CRITICAL, 1, "CR or LF in an argument name"),
  new Rule(1064, Category.Protocol, CRITICAL, 2, "CR or LF in a query string value"),
  new Rule(1065, Category.Protocol, CRITICAL, 1, "CR or LF in the path"),
  new Rule(1067, Category.Protocol, CRITICAL, 1, "CR/LF followed by a parameter (name=) in a query string value (parameter injection)"),
  new Rule(1066, Category.Protocol, CRITICAL, 1, "unix: socket path with a '|' in the request target (mod_proxy SSRF)"),
  new Rule(1068, Category.Protocol, CRITICAL, 1, "Request target not origin-form (no leading '/') or with raw blanks or control bytes (request-line desync)"),
  new Rule(1070, Category.Protocol, CRITICAL, 1, "Path with a file extension that exposes backups, configuration, databases or logs"),
  new Rule(1071, Category.Protocol, CRITICAL, 1, "Path naming an editor backup file (name.ext~)"),
  new Rule(1100, Category.Protocol, CRITICAL, 1, "Request body that does not parse as its Content-Type says (JSON, XML, multipart)"),
  new Rule(1101, Category.Protocol, CRITICAL, 1, "Multipart field name or file name with quotes, '=', ';' or backslashes (parser confusion)"),
  new Rule(1102, Category.Protocol, CRITICAL, 1, "Multipart part header name that is not a token"),
  new Rule(1103, Category.Protocol, CRITICAL, 1, "Multipart charset (part Content-Type or _charset_ field) outside the allowed ones"),
  new Rule(1104, Category.Protocol, CRITICAL, 1, "Multipart Content-Transfer-Encoding part header that encodes (base64, quoted-printable: deprecated, used for evasion; 7bit, 8bit and binary pass)"),
  new Rule(1105, Category.Protocol, CRITICAL, 1, "Multipart form part that parsers read differently: filename* (RFC 7578 forbids it), a folded or non-header line, or no Content-Disposition"),
];

// Whether the current request's body is JSON: `\uXXXX` is then ordinary (1046).
let jsonBody = false;

/** Request-level checks: method, headers, path, body framing. Run once per request. */
/** A body that is not what its Content-Type says is inspected as raw text and scored (1100). */
export function detectBodyProblem(s: Sink, req: HttpRequest, targets: Targets): void {
  if (targets.bodyProblem == BodyProblem.None || req.body === null) return;
  const at = max(0, targets.bodyProblemAt - 20);
  s.reportNamed(1100, "body", req.body!, at, at + 60, staticString(BODY_PROBLEMS, <i32>targets.bodyProblem));
}

export function detectProtocolRequest(s: Sink, req: HttpRequest, targets: Targets): void {
  jsonBody = false;
  const m = req.method;
  if (!isRestMethod(m)) s.reportNamed(1001, "method", String.UTF8.encode(m), 0, 40, "method not allowed");
  const hasBody = req.body !== null && req.body!.byteLength > 0;
  if (hasBody && (m == "GET" || m == "HEAD")) s.reportNamed(1002, "body", req.body!, 0, 40, m + " with a body");
  if (req.body === null && m == "POST") s.reportNamed(1003, "body", EMPTY, 0, 0, "POST without a body");

  const ct = checkHeaders(s, req);
  if (ct !== null) {
    // (a sidecar sees the same Content-Type buffer again, as checkHeaders' values: read only a new one)
    if (ct !== lastContentType) {
      lastContentType = ct;
      lastProblem = contentTypeProblem(ct);
      lastJson = indexOfCI(ct, "json") >= 0;
    }
    const problem = lastProblem;
    if (problem == ContentTypeProblem.NotAllowed) s.reportHeader(1010, "content-type", ct, 80, "media type not allowed");
    else if (problem == ContentTypeProblem.Malformed) s.reportHeader(1011, "content-type", ct, 80, "malformed Content-Type");
    else if (problem == ContentTypeProblem.Charset) s.reportHeader(1012, "content-type", ct, 80, "charset not allowed or repeated");
    else if (problem == ContentTypeProblem.TypeInParameter) s.reportHeader(1013, "content-type", ct, 80, "media type inside a parameter");
    jsonBody = lastJson;
  }
  // a route's path again, its very buffer (as checkHeaders' values): nothing was raised on it then
  const path = req.path;
  if (path !== lastCheckedPath) {
    const raised = s.raised;
    checkPath(s, path);
    if (s.raised == raised) lastCheckedPath = path;
  }

  if (targets.argCount > 255) s.reportNamed(1051, "args", EMPTY, 0, 0, targets.argCount.toString() + " arguments");
  detectBodyProblem(s, req, targets);
  if (targets.badPartHeaderNames > 0 && req.body !== null) s.reportNamed(1102, "body", req.body!, 0, 0, "part header name is not a token");
  // multipart/mixed parts (batch APIs) carry no Content-Disposition; form-data parts must.
  if (targets.multipartOddities > 0 && req.body !== null && ct !== null && indexOfCI(ct, "multipart/form-data") == 0) {
    s.reportNamed(1105, "body", req.body!, 0, 0, "part header line that is not a header, or part without Content-Disposition");
  }
}

const EMPTY = new ArrayBuffer(0);
let lastContentType: ArrayBuffer | null = null;
let lastProblem = ContentTypeProblem.None;
let lastJson = false;
let lastCheckedPath: ArrayBuffer | null = null;

/** GET HEAD POST PUT PATCH DELETE OPTIONS, by length first. */
function isRestMethod(m: string): bool {
  switch (m.length) {
    case 3: return m == "GET" || m == "PUT";
    case 4: return m == "HEAD" || m == "POST";
    case 5: return m == "PATCH";
    case 6: return m == "DELETE";
    case 7: return m == "OPTIONS";
  }
  return false;
}

// By BodyProblem (a static table, engine/static-strings.ts: no collection marks it).
const BODY_PROBLEMS: usize = memory.data<usize>([
  changetype<usize>(""), changetype<usize>("malformed JSON"), changetype<usize>("malformed XML"), changetype<usize>("malformed multipart"),
  changetype<usize>("malformed form"),
]);
const BODY_PROBLEMS_COUNT = 5;

/** Per-header checks in one pass over the headers; returns the first Content-Type (or null). */
/** The last Host value in which isIpHost, namesMetadataService and badHost found nothing (they read its bytes only). */
let lastCleanHost: ArrayBuffer | null = null;

function checkHeaders(s: Sink, req: HttpRequest): ArrayBuffer | null {
  let ua: ArrayBuffer | null = null;
  let accept: ArrayBuffer | null = null;
  let contentType: ArrayBuffer | null = null;
  let lengths = 0;
  let codings = 0;
  let length: ArrayBuffer | null = null;
  let devcap: ArrayBuffer | null = null;
  const names = req.headerNames;
  for (let i = 0, count = req.headerCount; i < count; i++) {
    const name = unchecked(names[i]);
    const id = headerId(name);
    // :path is the request line's target: its query is checked as arguments (CR/LF there is a PL2 rule),
    // so decoding it as a header value would block any %0A in a query at PL1.
    if (id == HeaderId.Path) continue;
    const v = unchecked(req.headerValues[i]);
    // The checks of the value alone, unless the very name and buffer passed them in a request before.
    const slot = <i32>(changetype<usize>(v) >> 4) & (CHECKED_SLOTS - 1);
    if (unchecked(CHECKED_VALUES[slot]) !== v || changetype<usize>(unchecked(CHECKED_NAMES[slot])) != changetype<usize>(name)) {
      const raised = s.raised;
      checkValue(s, name, id, v);
      if (s.raised == raised) {
        unchecked((CHECKED_NAMES[slot] = name));
        unchecked((CHECKED_VALUES[slot] = v));
      }
    }
    switch (id) {
      case HeaderId.UserAgent: { ua = v; break; }
      case HeaderId.Accept: { accept = v; break; }
      case HeaderId.ContentType: { if (contentType === null) contentType = v; break; }
      case HeaderId.Range: { if (badRange(v, isPdf(req.path))) s.reportHeader(1020, name, v, 60, "abusive Range"); break; }
      case HeaderId.Host: {
        // A sidecar sees one Host on nearly every request: the last one the tests passed is not tested again.
        const clean = lastCleanHost;
        if (clean !== null && sameBytes(clean, v)) break;
        // an obfuscated address starts with a digit, `[` or a disguised digit (①): a name, every request's case, is
        // not read on (an empty value reads a byte past it, harmlessly: it names no host either way)
        const c = byte(v, 0);
        let found = (c - 0x30 < 10 || c == 0x5b || c >= 0x80) && hostHeader(s, name, v, false);
        if (isIpHost(v)) { s.reportHeader(1031, name, v, 60, "Host is an IP address"); found = true; }
        // no pod of the mesh serves the metadata address: a request for it is routed or built from a forged Host
        if (namesMetadataService(v)) { s.reportHeader(7100, name, v, 60, "cloud metadata host"); found = true; }
        if (badHost(v)) { s.reportHeader(1034, name, v, 60, "Host is not a host name or address"); found = true; }
        if (!found) lastCleanHost = v;
        break;
      }
      case HeaderId.Rewrite: {
        if (rewritesElsewhere(v, req.path)) s.reportHeader(1021, name, v, 60, "rewrite to another path");
        break;
      }
      case HeaderId.ContentLength: {
        if (badContentLength(v) || (length !== null && !sameBytes(length!, v))) s.reportHeader(1033, name, v, 40, "bad or conflicting Content-Length");
        length = v;
        lengths++;
        break;
      }
      case HeaderId.TransferEncoding: {
        if (badTransferEncoding(v) || codings > 0) s.reportHeader(1033, name, v, 40, "Transfer-Encoding other than one plain chunked");
        codings++;
        break;
      }
      case HeaderId.DevcapCharset: { devcap = v; break; }
      case HeaderId.ContentRange: {
        // One chunk of a resumable upload is the only Content-Range a request carries.
        if (!(isUploadMethod(req.method) && req.body !== null && isUploadChunkRange(v))) s.reportHeader(1021, name, v, 40, "Content-Range outside an upload chunk");
        break;
      }
      default: break;
    }
  }
  if (lengths > 0 && codings > 0) s.reportHeader(1033, "transfer-encoding", length!, 40, "both Content-Length and Transfer-Encoding");
  // ASP.NET decodes the body with this charset when the client claims to be an Openwave (UP) browser:
  // EBCDIC or UTF-16 then hides the payload from every byte-level check.
  if (devcap !== null && ua !== null && ua!.byteLength >= 2 && equalsCI(ua!, 0, 2, "up") && !isAllowedCharset(devcap!, 0, devcap!.byteLength)) {
    s.reportHeader(1032, "x-up-devcap-post-charset", devcap!, 40, "body charset not allowed");
  }
  if (ua !== null && ua!.byteLength == 0) s.reportHeader(1026, "user-agent", ua!, 0, "empty User-Agent");
  if (accept !== null) {
    if (accept!.byteLength == 0 && req.method != "OPTIONS" && !isBrowserEngine(ua)) s.reportHeader(1025, "accept", accept!, 0, "empty Accept");
    else if (badAcceptCharset(accept!)) s.reportHeader(1024, "accept", accept!, 80, "charset not allowed");
  }
  return contentType;
}

// Header values whose checks of the value alone (checkValue) raised nothing, by identity, as
// request/headers.ts remembers plain values: the filter hands over the very buffer of the request before
// when a common header repeats its bytes (filter/collect.ts; nothing writes into a request's buffers), and
// the table holds what it names, so no other name or value can take one's address while it is remembered.
// A value is remembered only when no rule of any paranoia level or category was raised on it (Sink.raised):
// the table serves every configuration.
const CHECKED_SLOTS = 32;
const CHECKED_NAMES = new StaticArray<string | null>(CHECKED_SLOTS);
const CHECKED_VALUES = new StaticArray<ArrayBuffer | null>(CHECKED_SLOTS);

/** The checks of one header that read nothing but its name (and `id`) and value. */
function checkValue(s: Sink, name: string, id: HeaderId, v: ArrayBuffer): void {
  if (badHeaderName(name)) s.reportHeader(1030, name, v, 40, "header name is not a token");
  if (id == HeaderId.Restricted) s.reportHeader(1021, name, v, 40, "restricted header");
  // CR/LF in a value, also percent-encoded (decoded by the applications that log or reflect it).
  let flags = scanFlags(v);
  let decoded = v;
  if (flags & F_PERCENT) {
    decoded = urlDecodeFull(v);
    if (decoded != v) {
      // Line breaks only as %0A or %0D%0A are text a client escaped (a multi-line value in a cookie, a
      // Referer whose query holds a textarea): as in a query, only a header after them counts (1061).
      // A bare CR ends no line of text today; servers that split a header on it are what it targets.
      // So are escaped terminal colours (`%1B[32m`: a CI log, a notebook traceback), as in an argument.
      const raw = flags;
      flags = scanFlags(decoded);
      const added = flags & ~raw;
      if ((added & F_CRLF) != 0 && !bareCR(decoded)) flags &= ~F_CRLF;
      if ((raw & F_CTL) == 0 && (added & F_CTL) != 0 && onlyTerminalSequences(decoded)) flags &= ~F_CTL;
    }
  }
  if (flags & F_HIGH) flags |= overlongControls(decoded);
  if (flags & (F_CRLF | F_NUL | F_CTL)) reportControls(s, name, decoded, flags);
  // characters whose low byte is CR/LF (U+560A): servers that keep one byte per UTF-16 unit split the header there;
  // escaped line breaks, let through above
  else if ((decoded != v || (flags & F_HIGH)) && injectedHeader(decoded, true) >= 0) s.reportHeader(1061, name, decoded, 60, "header injection");
  switch (id) {
    case HeaderId.Other: {
      if (underscoreFraming(name)) s.reportHeader(1035, name, v, 40, "framing header spelled with '_'");
      break;
    }
    case HeaderId.Connection: { if (badConnection(v)) s.reportHeader(1022, name, v, 60, "bad Connection"); break; }
    case HeaderId.AcceptEncoding: { if (badAcceptEncoding(v)) s.reportHeader(1023, name, v, 60, "bad Accept-Encoding"); break; }
    case HeaderId.CacheControl: { if (badCacheControl(v)) s.reportHeader(1028, name, v, 60, "bad Cache-Control"); break; }
    case HeaderId.FetchBoolean: { if (badStructuredBoolean(v)) s.reportHeader(1027, name, v, 20, "not ?0 or ?1"); break; }
    case HeaderId.Cookie: {
      if (v.byteLength > 0 && byte(v, 0) == 0x24 && indexOfCI(v, "$version") == 0) s.reportHeader(1029, name, v, 40, "$Version cookie");
      break;
    }
    case HeaderId.ForwardedHost: {
      if (badForwardedHosts(v)) s.reportHeader(1034, name, v, 60, "forwarded host that is none");
      hostHeader(s, name, v, false);
      break;
    }
    case HeaderId.Forwarded: { hostHeader(s, name, v, true); break; }
    case HeaderId.ForwardedPrefix: {
      // a path prefix the back end puts before its links: a URL or `//host` there sends them elsewhere
      if (v.byteLength > 0 && (byte(v, 0) != 0x2f || (v.byteLength > 1 && (byte(v, 1) == 0x2f || byte(v, 1) == 0x5c)))) {
        s.reportHeader(1034, name, v, 60, "forwarded prefix that is no path");
      }
      break;
    }
    default: break;
  }
}

/**
 * A host header (Host, a forwarding one) whose address is written in a notation no client or proxy writes
 * (0x7f000001, 2130706433, 127.1, 0177.0.0.1, [::ffff:127.0.0.1]): a filter's allow or deny list of hosts
 * misses it, the resolver behind it does not. (localhost and 127.0.0.1 as such pass: sidecar health checks
 * and admin ports are called so, and development proxies forward for localhost:3000.) Whether it found one.
 */
function hostHeader(s: Sink, name: string, v: ArrayBuffer, forwarded: bool): bool {
  if ((headerHostFlags(v, forwarded) & (H_OBFUSCATED | H_IP)) != (H_OBFUSCATED | H_IP)) return false;
  s.reportHeader(7102, name, v, 60, "obfuscated host");
  return true;
}

/** Whether a CR in `v` is not followed by LF. */
function bareCR(v: ArrayBuffer): bool {
  const p = changetype<usize>(v);
  for (let i = 0, n = v.byteLength; i < n; i++) if (load<u8>(p + i) == 0x0d && (i + 1 == n || load<u8>(p + i + 1) != 0x0a)) return true;
  return false;
}

function reportControls(s: Sink, name: string, decoded: ArrayBuffer, flags: u32): void {
  if (flags & F_CRLF) s.reportHeader(1030, name, decoded, 60, "CR/LF in header value");
  if (flags & F_NUL) s.reportHeader(1040, name, decoded, 60, "NUL in header value");
  else if (flags & F_CTL) s.reportHeader(1041, name, decoded, 60, "control character in header value");
}

function isUploadMethod(m: string): bool {
  return m == "PUT" || m == "PATCH" || m == "POST";
}

/** Apps built on CFNetwork/WebKit/Android stacks send an empty Accept legitimately. */
function isBrowserEngine(ua: ArrayBuffer | null): bool {
  if (ua === null) return false;
  return indexOfCI(ua!, "cfnetwork") >= 0 || indexOfCI(ua!, "applewebkit") >= 0 || indexOfCI(ua!, "android") >= 0;
}

function isPdf(path: ArrayBuffer): bool {
  const d = urlDecodeFull(path);
  const end = pathEnd(d);
  return end >= 4 && equalsCI(d, end - 4, end, ".pdf");
}

/** `1.2.3.4`, `1.2.3.4:80`, `[::1]`, `[fe80::1]:8080`. */
function isIpHost(v: ArrayBuffer): bool {
  const n = v.byteLength;
  if (n == 0) return false;
  if (byte(v, 0) == 0x5b) return true;
  let dots = 0;
  for (let i = 0; i < n; i++) {
    const c = byte(v, i);
    if (c == 0x3a) break;
    if (c == 0x2e) dots++;
    else if (c - 0x30 >= 10) return false;
  }
  return dots == 3;
}

function controlsTyped(src: ArrayBuffer): bool {
  return (scanFlags(src) & F_CTL) == 0 && textEscapes(src, false) > 0;
}

/** Per-target checks. Called for every target, so the common case is one pass over the value. */
export function detectProtocolTarget(s: Sink, t: Target): void {
  const kind = t.kind;
  if (t.fromBase64) return;
  if (kind == TargetKind.Body) {
    // A raw body (text, an unknown type, or one that did not parse): a second request inside it.
    const r = embeddedRequest(t.value);
    if (r >= 0) s.report(1060, t, t.value, r, r + 60, "request head inside the body");
    return;
  }
  if (kind == TargetKind.PartHeader) {
    checkPartHeader(s, t);
    return;
  }
  if (kind == TargetKind.Header) return; // all headers are checked at request level
  const origin = t.origin;
  const form = origin == TargetOrigin.Query || origin == TargetOrigin.Form;
  const raw = t.raw;
  // Encoding abuse is visible only in the raw bytes of the query string and form bodies.
  if (form && (kind == TargetKind.ArgName || kind == TargetKind.ArgValue) && hasPercent(raw)) {
    let k = invalidEscape(raw);
    if (k >= 0) s.report(1042, t, raw, k, k + 6, "invalid percent-encoding");
    k = doubleEscape(raw);
    if (k >= 0) s.report(1043, t, raw, k, k + 6, "double percent-encoding");
    k = fullWidthEscape(raw);
    if (k >= 0) s.report(1045, t, raw, k, k + 6, "%u escape");
  }
  const v = t.urlDecoded();
  const flags = scanFlags(v);
  if (flags & F_NUL) s.report(1040, t, v, 0, 60, "NUL byte");
  // `0x%08x`, `%13lld`: printf formats in text decode to control characters; the value as typed has none
  if ((flags & F_CTL) && !controlsTyped(form ? urlDecode(raw, true) : t.value) && !onlyTerminalSequences(v)) s.report(1041, t, v, 0, 60, "control character");
  if ((flags & F_HIGH) && (form || origin == TargetOrigin.Cookie) && kind != TargetKind.Path) {
    const k = invalidUtf8(v);
    if (k >= 0) s.report(1044, t, v, k, k + 4, "invalid UTF-8");
  }
  // (in a JSON document that is the value, `\u003c` is JSON's own escape: its strings are read decoded)
  if ((flags & F_BACKSLASH) && form && !jsonBody && kind == TargetKind.ArgValue && !(opensJson(v) && (byte(v, v.byteLength - 1) | 0x20) == 0x7d)) {
    const k = unicodeEscape(v);
    if (k >= 0) s.report(1046, t, v, k, k + 6, "\\u escape");
  }
  if (kind == TargetKind.Path) {
    if ((flags & F_CRLF) || ((flags & F_HIGH) && (overlongControls(v) & F_CRLF))) s.report(1065, t, v, 0, 60, "CR/LF in path");
    else if ((flags & F_HIGH) && injectedHeader(v, true) >= 0) s.report(1061, t, v, 0, 60, "header injection");
    return;
  }
  if (kind == TargetKind.ArgName && form) {
    if (v.byteLength > 100) s.report(1050, t, v, 0, 40, "argument name too long");
    const b = bracketTail(v);
    if (b >= 0) s.report(1053, t, v, 0, 40, "text after ']'");
  }
  if (kind == TargetKind.ArgValue && origin == TargetOrigin.Multipart && t.key == "_charset_" && !isAllowedCharset(v, 0, v.byteLength)) {
    s.report(1103, t, v, 0, 20, "_charset_ not allowed");
  }
  if (kind == TargetKind.ArgValue && form && isOverrideKey(t.key) && isOverrideMethod(v) && !(origin == TargetOrigin.Form && tunnelledVerb(v) && formHasToken())) {
    s.report(1054, t, v, 0, 20, "method override");
  }
  if (flags & F_CRLF) {
    // Form bodies are exempt: a body without '=' is one bare name, often ending in a newline.
    if ((kind == TargetKind.ArgName && origin == TargetOrigin.Query) || kind == TargetKind.CookieName) s.report(1063, t, v, 0, 60, "CR/LF in argument name");
    else if (origin == TargetOrigin.Query && kind == TargetKind.ArgValue) {
      s.report(1064, t, v, 0, 60, "CR/LF in query value");
      const p = injectedParameter(v);
      if (p >= 0) s.report(1067, t, v, p, p + 60, "parameter after CR/LF");
    }
  }
  if (flags & (F_CRLF | F_HIGH)) {
    const any = origin == TargetOrigin.Query || origin == TargetOrigin.Cookie;
    let k = injectedHeader(v, any);
    // headers quoted in a fenced code block of a page are skipped (at most 8, then reported)
    for (let g = 0; k >= 0 && g < 8 && quotedInPage(origin, v, k + 1); g++) k = injectedHeader(v, any, nextLine(v, k + 1));
    if (k >= 0) s.report(1061, t, v, k, k + 60, "header injection");
  }
  if (flags & (0x40 | 0x20)) {
    // request and status lines need `HTTP/`: one search says whether the three searches below can find one
    const version = t.gatesOpen || indexOfCI(v, "http/") >= 0;
    let r = version ? requestLine(v) : -1;
    for (let g = 0; r >= 0 && g < 8 && quotedInPage(origin, v, r); g++) r = requestLine(v, nextLine(v, r));
    // A whole request head, whatever its method (`GPOST`), in a body sent as a form or JSON: the parser cut it into values.
    if (r < 0 && (flags & F_CRLF) && version) r = embeddedRequest(v);
    if (r >= 0) s.report(1060, t, v, r, r + 60, "request line in value");
    const k = injectedResponse(v, version ? flags : flags & ~0x40);
    if (k >= 0 && !quotedInPage(origin, v, k)) s.report(1062, t, v, k, k + 40, "response injection");
  }
  if (flags & F_PIPE) {
    const k = indexOfCI(v, "unix:");
    if (k >= 0 && indexOfCI(v, "|", k) > k) s.report(1066, t, v, k, k + 60, "unix socket with |");
  }
}

function hasPercent(b: ArrayBuffer): bool {
  const base = changetype<usize>(b);
  for (let i = 0; i < b.byteLength; i++) if (load<u8>(base + <usize>i) == 0x25) return true;
  return false;
}

/** Index of a ']' followed by something other than '[' (`a[1]b`), or -1. */
function bracketTail(v: ArrayBuffer): i32 {
  const n = v.byteLength;
  for (let i = 0; i + 1 < n; i++) if (byte(v, i) == 0x5d && byte(v, i + 1) != 0x5b) return i;
  return -1;
}

/** The request whose targets are inspected (prepareProtocol): the `_method` check reads its form body. */
let current: HttpRequest | null = null;

export function prepareProtocol(req: HttpRequest): void {
  current = req;
}

/** `_method`, `__method`, `_METHOD`: underscores, then `method` in any case. */
function isOverrideKey(key: string): bool {
  let i = 0;
  while (i < key.length && key.charCodeAt(i) == 0x5f) i++;
  return i > 0 && equalsAsciiCI(key.substring(i), "method");
}

/** PUT, PATCH or DELETE: the verbs HTML forms tunnel through `_method` (Rails, Laravel, Symfony). */
function tunnelledVerb(v: ArrayBuffer): bool {
  // among the override verbs (isOverrideMethod), the only ones of these lengths and first letters
  const n = v.byteLength;
  const c = byte(v, 0) | 0x20;
  return ((n == 3 || n == 5) && c == 0x70) || (n == 6 && c == 0x64);
}

/**
 * Whether the form body holds a CSRF token field (a name ending in `token`: authenticity_token, _token,
 * csrfmiddlewaretoken, __RequestVerificationToken): the framework rendered the form, and
 * its `_method` is the override the framework itself honours.
 */
function formHasToken(): bool {
  const req = current;
  if (req === null || req.body === null) return false;
  const b = req.body!;
  const n = b.byteLength;
  let i = 0;
  while (i < n) {
    let e = i;
    while (e < n && byte(b, e) != 0x3d && byte(b, e) != 0x26) e++;
    if (e - i >= 5 && equalsCI(b, e - 5, e, "token")) return true;
    while (e < n && byte(b, e) != 0x26) e++;
    i = e + 1;
  }
  return false;
}

const OVERRIDE_METHODS = new WordList("delete|put|patch|options|trace|connect|head|get|propfind|proppatch|mkcol|copy|move|lock|unlock|track");

/** `_method=DELETE` and friends. Lower-case `post` is what Rails forms send by default, so only `POST` in capitals counts. */
function isOverrideMethod(v: ArrayBuffer): bool {
  if (OVERRIDE_METHODS.hasLower(v, 0, v.byteLength)) return true;
  return isCustomVerb(v);
}

/**
 * An upper-case word (`POST`, `PURGE`, `FOOBAR`): frameworks that honour overrides (Symfony, Laravel)
 * accept any letters-only verb, which then slips past method-based access rules. Lower-case words,
 * and words longer than methods get (`UNSUBSCRIBE`), are more likely ordinary values.
 */
function isCustomVerb(v: ArrayBuffer): bool {
  const n = v.byteLength;
  if (n < 3 || n > 10) return false;
  for (let i = 0; i < n; i++) if (byte(v, i) - 0x41 >= 26) return false;
  return true;
}

const IDENTITY_CODINGS = new WordList("7bit|8bit|binary");

/** Multipart part headers: name/filename characters, charsets, transfer encodings. */
function checkPartHeader(s: Sink, t: Target): void {
  const v = t.value;
  if (t.key == "content-disposition") {
    const k = badDispositionParam(v);
    if (k >= 0) s.report(1101, t, v, k, k + 40, "quote, '=', ';' or '\\' in a name");
    const x = indexOfCI(v, "filename*");
    if (x >= 0) s.report(1105, t, v, x, x + 40, "filename* in form-data");
  } else if (t.key == "content-type") {
    const c = indexOfCI(v, "charset");
    if (c >= 0) {
      let i = c + 7;
      while (i < v.byteLength && (byte(v, i) == 0x20 || byte(v, i) == 0x3d)) i++;
      let e = i;
      while (e < v.byteLength && byte(v, e) != 0x3b && byte(v, e) != 0x20) e++;
      if (!isAllowedCharset(v, i, e)) s.report(1103, t, v, c, e, "charset not allowed");
    }
  } else if (t.key == "content-transfer-encoding" && !IDENTITY_CODINGS.hasLower(v, 0, v.byteLength)) {
    // 7bit, 8bit and binary leave the bytes as they are (Apache HttpClient's strict mode sends 8bit on
    // every part); base64 and quoted-printable are what hide a payload from parsers that do not decode.
    s.report(1104, t, v, 0, 40, "Content-Transfer-Encoding");
  }
}

/** Checks the name= and filename= values of a Content-Disposition: offset of a bad character, or -1. */
function badDispositionParam(v: ArrayBuffer): i32 {
  const n = v.byteLength;
  for (let i = 0; i < n; i++) {
    if (byte(v, i) != 0x3d) continue;
    const isName = i >= 4 && equalsCI(v, i - 4, i, "name");
    if (!isName) continue;
    let j = i + 1;
    if (j >= n || byte(v, j) != 0x22) continue;
    j++;
    const start = j;
    // Quoted value: its end is the '"' followed by ';' or the end (a `\"` inside is itself suspicious).
    while (j < n && !(byte(v, j) == 0x22 && (j + 1 >= n || byte(v, j + 1) == 0x3b || byte(v, j + 1) == 0x20))) j++;
    for (let k = start; k < j; k++) {
      const c = byte(v, k);
      if (c == 0x22 || c == 0x27 || c == 0x3d || c == 0x5c) return k;
      if (c == 0x3b && !afterEntity(v, start, k) && !proseSemicolon(v, start, k)) return k;
    }
    i = j;
  }
  return -1;
}

/**
 * `minutes; final.pdf`: a ';' then a blank, with no '.' before it, is punctuation in a name. A server that cuts
 * the name at ';' (IIS) keeps a stem without an extension; `shell.asp; x.jpg` and `a.php;.jpg` still count.
 */
function proseSemicolon(v: ArrayBuffer, start: i32, k: i32): bool {
  if (k + 1 >= v.byteLength || byte(v, k + 1) != 0x20) return false;
  for (let i = start; i < k; i++) if (byte(v, i) == 0x2e) return false;
  return true;
}

/** Whether the ';' at `k` closes an HTML entity (`&auml;`, `&amp;`), which browsers use for non-ASCII names. */
function afterEntity(v: ArrayBuffer, start: i32, k: i32): bool {
  let i = k - 1;
  while (i >= start && k - i <= 10 && (byte(v, i) | 0x20) - 0x61 < 26) i--;
  return i >= start && i < k - 1 && byte(v, i) == 0x26;
}


