// Server-side request forgery (rules 7000-7999): a value that is a URL (or starts
// with a bare host) pointing at cloud metadata, loopback, container-internal or
// private addresses, in any notation, or using a scheme that talks raw protocols.
// In headers only the addresses no client names in ordinary traffic count (a metadata
// service, an obfuscated host, a raw-protocol scheme): Host, Origin, Referer and the
// forwarding headers name local and private hosts routinely, and are left out.
import { Rule, Category, CRITICAL, WARNING } from "../rule";
import { Sink } from "../sink";
import { Target, TargetKind, TargetOrigin } from "../target";
import { COLON, SLASH, LT, GT, PAREN, AT, EQUALS, QUOTE, SPACE, LINE_BREAK, CONTROL, byteClass } from "../census";
import { indexOfCI, isSpaceByte, matchesCI } from "../bytes";
import { WordList } from "../wordlist";
import {
  urlAt, urlSchemeStart, urlSchemeEnd, urlAuthorityStart, urlAuthorityEnd, urlHasSlashes, classifyAuthority, classifyHost, encodesSlash,
  H_METADATA, H_LOOPBACK, H_PRIVATE, H_LINKLOCAL, H_INTERNAL, H_OBFUSCATED, H_IPV6, H_IP,
  schemeEndAt,
} from "./ssrf/host";
import { isFetchScheme, isWebScheme } from "./rfi";
import { findSensitive } from "./lfi/sensitive";
import { at } from "./langs/syntax";

export const SSRF_RULES: Rule[] = [
  new Rule(7100, Category.Ssrf, CRITICAL, 1, "URL to a cloud metadata service (169.254.169.254 in any notation, metadata.google.internal ...)"),
  new Rule(7101, Category.Ssrf, CRITICAL, 1, "URL to a loopback, unspecified or container/cluster platform host (127.0.0.0/8, 0.0.0.0, [::1], localhost, host.docker.internal, kubernetes.default)"),
  new Rule(7102, Category.Ssrf, CRITICAL, 1, "URL host, or a Host or forwarding header (X-Forwarded-Host, X-Host, X-Original-Host, X-Forwarded-Server, Forwarded host=), written in an obfuscated notation (integer, hex, octal, short form, mapped IPv6, circled digits, backslashes)"),
  new Rule(7103, Category.Ssrf, CRITICAL, 1, "URL host is an IPv6 literal (link-local, mapped IPv4, or any literal)"),
  new Rule(7104, Category.Ssrf, CRITICAL, 1, "URL with a raw-protocol scheme used for SSRF (gopher:, dict:, ldap:, tftp:, netdoc: ...)"),
  new Rule(7105, Category.Ssrf, WARNING, 1, "URL to a private or link-local address"),
];


const RAW_PROTOCOL_SCHEMES = new WordList("gopher|netdoc|dict|ldap|tftp|ldaps|ldapi|local_file");

function isRawProtocolScheme(buf: ArrayBuffer, s: i32, e: i32): bool {
  return RAW_PROTOCOL_SCHEMES.hasLower(buf, s, e);
}

/**
 * `ldaps://ldap.corp.example:636` and nothing more (up to a blank: identity providers list fail-over servers so):
 * a directory server's address, as an identity provider's settings hold it, with no DN, query or JNDI name to
 * look up. Its host is judged as any URL's (loopback, private, metadata); `ldap://host/Exploit` and `${jndi:` are not this.
 */
function directoryAddress(v: ArrayBuffer): bool {
  const len = urlSchemeEnd - urlSchemeStart;
  return urlHasSlashes && (len == 4 || (len == 5 && (at(v, urlSchemeStart + 4) | 0x20) == 0x73)) && matchesCI(v, urlSchemeStart, "ldap") &&
    (urlAuthorityEnd >= v.byteLength || isSpaceByte(at(v, urlAuthorityEnd)));
}

/** Set per target: only attack-only hosts count (see above). */
let inHeader = false;

export function detectSsrf(s: Sink, t: Target): void {
  // a path names the service's own resources; a URL hidden in it as base64 is one it may fetch (`/proxy/aHR0cDov...`),
  // and so is a URL in it with a raw-protocol scheme or a metadata host (`/proxy/gopher://...`: proxy and image routes)
  // A token's claims are the issuer's word (`iss` of an in-cluster issuer, `allowed-origins` on localhost),
  // read as a header is; its JOSE header's `jku` and `x5u` are URLs the server fetches, judged as any value.
  inHeader = t.kind == TargetKind.Header || t.origin == TargetOrigin.JwtClaims;
  if (t.kind == TargetKind.Path && !t.fromBase64) {
    if (t.value.byteLength <= 4096) detectEmbedded(s, t, t.decoded(), 0);
    return;
  }
  if (inHeader) {
    // Host, X-Forwarded-Host, X-Original-Host ... naming the metadata service as a bare host: the request
    // is to be routed to it, or an application builds its URLs from it. No pod of the mesh serves the
    // metadata address, so no client names it there.
    const h = t.value;
    if ((t.key.indexOf("host") >= 0 && namesMetadataService(h)) || (t.key == "forwarded" && (headerHostFlags(h, true) & H_METADATA) != 0)) {
      s.report(7100, t, h, 0, h.byteLength, "cloud metadata host");
      return;
    }
    if (namesHosts(t.key)) return;
  }
  // A URL has a scheme (`:`) or starts `//`; a bare host is followed by `/`.
  if ((t.census() & (COLON | SLASH)) == 0) return;
  const v = t.decoded();
  const n = v.byteLength;
  if (!inHeader && (t.census() & (LT | PAREN | AT)) != 0) detectMarkupUrls(s, t, v);
  if (n < 4 || n > 4096) return;
  let i = 0;
  while (i < n && isSpaceByte(at(v, i))) i++;
  detectEmbedded(s, t, v, i);
  const c = at(v, i);
  if (c == 0x2f || c == 0x5c) {
    detectSchemeRelative(s, t, v, i);
    return;
  }
  if (!((c | 0x20) - 0x61 < 26 || c - 0x30 < 10 || c == 0x5b)) return;

  if (judgeUrl(s, t, v, i)) return;
  // a bare host at the start of the value, followed by a path, a port or nothing
  let e = i;
  while (e < n && at(v, e) != 0x2f && at(v, e) != 0x3f && at(v, e) != 0x23 && !isSpaceByte(at(v, e))) e++;
  if (e >= n || at(v, e) != 0x2f) return; // `localhost/`: a host with a path; a lone word or number is not a URL
  const flags = classifyHost(v, i, e);
  if ((flags & H_IP) != 0 && (flags & H_IPV6) == 0 && (flags & H_OBFUSCATED) != 0) return; // `1.2.3/`: a version or a number
  reportHost(s, t, v, flags & ~H_OBFUSCATED, i, e);
}

/** Judges the scheme and host of a URL at `i` of `v`; false when no scheme starts there. */
function judgeUrl(s: Sink, t: Target, v: ArrayBuffer, i: i32): bool {
  if (!urlAt(v, i)) return false;
  if (isRawProtocolScheme(v, urlSchemeStart, urlSchemeEnd) && !directoryAddress(v)) s.report(7104, t, v, urlSchemeStart, urlAuthorityEnd, "raw-protocol URL scheme");
  // `http:127.0.0.1` is read by lenient parsers; other schemes need `//` to name a host (`npm:pkg@1.0.0` does not)
  // (a slash the value sends encoded is the value's: a URL of markup inside it, `v`, is a copy of its own)
  if (urlHasSlashes || isWebScheme(v, urlSchemeStart, urlSchemeEnd)) reportHost(s, t, v, classifyAuthority(v, urlAuthorityStart, urlAuthorityEnd, v == t.decoded() && encodesSlash(t.raw)), urlSchemeStart, urlAuthorityEnd);
  return true;
}

/**
 * URLs inside a value (a JSON text, a GraphQL query, `a=1;u=...`), not at its start: only the
 * hosts and schemes no text names in passing count (a metadata service, a raw-protocol scheme),
 * as a prose link to localhost or a private address is ordinary.
 */
function detectEmbedded(s: Sink, t: Target, v: ArrayBuffer, first: i32): void {
  const n = v.byteLength;
  const base = changetype<usize>(v);
  for (let k = first; k + 2 < n; k++) {
    // `//` after any byte: read in place, k + 2 < n (the common case is no slash at all); after a scheme's
    // `:` also `\\` or a mix, which a WHATWG parser reads as `//` (`/files/http:\\169.254.169.254/`)
    const b1 = load<u8>(base + <usize>(k + 1));
    if (b1 != 0x2f && b1 != 0x5c) continue;
    const b2 = load<u8>(base + <usize>(k + 2));
    if (b2 != 0x2f && b2 != 0x5c) continue;
    const c = at(v, k);
    if ((b1 | b2) != 0x2f && c != 0x3a) continue;
    if (c != 0x3a) {
      // `/proxy//169.254.169.254/`, `?next=//[::1]/`: a scheme-relative URL after a path segment or a
      // separator; only a host nothing names in passing (metadata, loopback, internal, IPv6 literal) counts,
      // and after a blank or a quote (prose, a link in a document) only a metadata service
      if (c != 0x2f && schemeRelativeHost(s, t, v, k + 1, isSpaceByte(c) || c == 0x22 || c == 0x27)) return;
      continue;
    }
    let ss = k;
    while (ss > first && isSchemeByte(at(v, ss - 1))) ss--;
    if (ss == first || ss == k || !urlAt(v, ss)) continue;
    if (isRawProtocolScheme(v, urlSchemeStart, urlSchemeEnd) && !(isSpaceByte(at(v, ss - 1)) && directoryAddress(v))) {
      s.report(7104, t, v, urlSchemeStart, urlAuthorityEnd, "raw-protocol URL scheme");
      return;
    }
    if ((classifyAuthority(v, urlAuthorityStart, urlAuthorityEnd) & H_METADATA) != 0) {
      s.report(7100, t, v, urlSchemeStart, urlAuthorityEnd, "cloud metadata address");
      return;
    }
    k = urlAuthorityEnd;
  }
}

// Markup inside a value (an HTML e-mail, invoice or report template for an HTML-to-PDF renderer, a
// CSS theme, a Markdown text): a renderer fetches the URLs of its attributes, style sheets and Markdown images
// (`![alt](url)`) itself, inside the mesh.
// Each such URL is judged as a URL value of its own, as if it were the value; but a link that a reader
// follows (`<a href>`, a form's action) is prose's: only a metadata host, an obfuscated host, a
// raw-protocol scheme or a `file:` URL to a sensitive file count there (docs link http://localhost:3000/,
// intranet pages link file://server/share/).
/**
 * Attributes holding a URL (`url` is meta refresh's `0;url=`; `data-src` and `xlink:href` end in one). The first
 * three are links a reader follows in the elements a, area, form, button and base, as a Markdown link, `[text](url)`,
 * is; the renderer fetches the others.
 */
const URL_ATTRIBUTES = new WordList("href|action|formaction|src|data|poster|background|srcset|url");
const BLANK = SPACE | LINE_BREAK | CONTROL;

function detectMarkupUrls(s: Sink, t: Target, v: ArrayBuffer): void {
  const n = v.byteLength;
  let tag = -1; // where the name of the open tag the scan is in starts, or -1
  // each URL is copied out to be judged; the copies do not overlap, so together they are at most the value's size
  const base = changetype<usize>(v);
  for (let k = 0; k < n; k++) {
    const c = <u32>load<u8>(base + <usize>k);
    if ((byteClass(c) & (LT | GT | EQUALS | PAREN | AT)) == 0) continue; // (the bytes read below; one load for the others)
    if (c == 0x3c) tag = isLetter(at(v, k + 1)) ? k + 1 : -1;
    if (c == 0x3e) tag = -1;
    let a = k + 1;
    let link = false;
    if (c == 0x28 && at(v, k - 1) == 0x5d) {
      // Markdown, `[text](url)`: an image, `![alt](url)`, is fetched by the renderer, a link followed by a reader
      let b = k - 2;
      while (b > 0 && b > k - 256 && at(v, b) != 0x5b) b--;
      link = at(v, b) != 0x5b || at(v, b - 1) != 0x21;
    } else if ((c == 0x3d && tag >= 0) || c == 0x28) {
      let e = k;
      while (e > tag && isSpaceByte(at(v, e - 1))) e--;
      let ns = e;
      while (ns > 0 && isLetter(at(v, ns - 1))) ns--;
      const w = URL_ATTRIBUTES.indexLower(v, ns, e);
      // `url(` in a style sheet or a style attribute; `url=` in a meta refresh's content
      if (w < 0 || (c == 0x28 && w != 8)) continue;
      const f = at(v, tag) | 0x20;
      link = w < 3 && (f == 0x61 || f == 0x62 || f == 0x66);
    } else if (c != 0x40 || !matchesCI(v, a, "import")) continue;
    else a += 6;
    while (a < n && (byteClass(at(v, a)) & (BLANK | QUOTE)) != 0) a++;
    let e = a;
    // a URL ends at a blank, a quote, a bracket of the markup, or a parenthesis (`@import url(...)`)
    while (e < n && (byteClass(at(v, e)) & (BLANK | QUOTE | LT | GT | PAREN)) == 0) e++;
    if (e - a >= 4) judgeMarkupUrl(s, t, v.slice(a, e), link);
    k = e - 1;
  }
}

function judgeMarkupUrl(s: Sink, t: Target, u: ArrayBuffer, link: bool): void {
  inHeader = link; // as in headers: only the hosts nothing names in passing
  const scheme = judgeUrl(s, t, u, 0);
  const se = schemeEndAt(u, 0);
  const fetch = isFetchScheme(u, 0, se); // file:, jar:, ftp:, smb: ...
  if (!scheme) detectSchemeRelative(s, t, u, 0);
  else if (fetch && !link) s.report(6102, t, u, 0, u.byteLength, "file URL scheme");
  // a file a fetch scheme names, or a path the renderer resolves against its own files: also after a
  // prefix that names no host (`text:/etc/passwd`, an image renderer's coder reading a local file)
  const f = (scheme ? fetch || (!link && at(u, se + 1) == 0x2f && at(u, se + 2) != 0x2f) : !link) ? findSensitive(u, 0, -1) : -1;
  if (f >= 0) s.report(5102, t, u, f, u.byteLength, "sensitive file");
  inHeader = false;
}

function isLetter(c: u32): bool {
  return (c | 0x20) - 0x61 < 26;
}

/** The host after the `//` at `i`, reported when it is an address only an attack names inside a value. */
function schemeRelativeHost(s: Sink, t: Target, v: ArrayBuffer, i: i32, prose: bool): bool {
  const start = i + 2;
  const c = at(v, start);
  if (!((c | 0x20) - 0x61 < 26 || c - 0x30 < 10 || c == 0x5b)) return false;
  let k = start;
  let dotted = false;
  while (k < v.byteLength) {
    const b = at(v, k);
    // the authority's bytes: name, address and port characters, user info
    if (!(isSchemeByte(b) || b == 0x3a || b == 0x5b || b == 0x5d || b == 0x40 || b == 0x5f || b == 0x25)) break;
    if (b == 0x2e || b == 0x5b) dotted = true;
    k++;
  }
  // `//localhost/`, `//0x7f.1/`, `//[::1]/` (a lone number, `/api//0/`, is a path segment)
  const flags = classifyAuthority(v, start, k);
  if ((flags & (prose ? H_METADATA : H_METADATA | H_LOOPBACK | H_INTERNAL | H_IPV6)) == 0 || (!dotted && (flags & H_IP) != 0)) return false;
  reportHost(s, t, v, flags, i, k);
  return true;
}

function isSchemeByte(c: u32): bool {
  return (c | 0x20) - 0x61 < 26 || c - 0x30 < 10 || c == 0x2b || c == 0x2d || c == 0x2e;
}

/** `//169.254.169.254/latest/`, `\\\\127.0.0.1\\x`: a scheme-relative URL takes the scheme of the page or client that fetches it. */
function detectSchemeRelative(s: Sink, t: Target, v: ArrayBuffer, i: i32): void {
  const c = at(v, i);
  if (at(v, i + 1) != c) return;
  let k = i + 2;
  while (at(v, k) == 0x2f || at(v, k) == 0x5c) k++;
  if (k - i > 4) return;
  const start = k;
  const n = v.byteLength;
  let bracket = false;
  while (k < n) {
    const b = at(v, k);
    if (b == 0x5b) bracket = true;
    else if (b == 0x5d) bracket = false;
    else if (!bracket && (b == 0x2f || b == 0x5c || b == 0x3f || b == 0x23 || isSpaceByte(b))) break;
    k++;
  }
  if (k == start) return;
  reportHost(s, t, v, classifyAuthority(v, start, k), i, k);
}

function reportHost(s: Sink, t: Target, v: ArrayBuffer, flags: i32, start: i32, end: i32): void {
  if (inHeader) flags &= H_METADATA | H_OBFUSCATED;
  // OAuth's redirect_uri is where the browser is sent back, never fetched by the server: a native app or a CLI
  // waits on the loopback (RFC 8252 7.3, `http://localhost:8085/`); the metadata service and platform hosts still count
  else if (t.key == "redirect_uri") flags &= ~H_LOOPBACK;
  if (flags == 0) return;
  if ((flags & H_METADATA) != 0) s.report(7100, t, v, start, end, "cloud metadata address");
  else if ((flags & (H_LOOPBACK | H_INTERNAL)) != 0) s.report(7101, t, v, start, end, "internal host");
  if ((flags & H_OBFUSCATED) != 0) s.report(7102, t, v, start, end, "obfuscated host");
  if ((flags & H_IPV6) != 0) s.report(7103, t, v, start, end, "IPv6 literal host");
  if ((flags & (H_PRIVATE | H_LINKLOCAL)) != 0) s.report(7105, t, v, start, end, "private address");
}

/** A bare host, with or without a port, that is a cloud metadata service (`169.254.169.254:80`, `metadata.google.internal`). */
export function namesMetadataService(h: ArrayBuffer): bool {
  return h.byteLength <= 64 && (classifyAuthority(h, 0, h.byteLength) & H_METADATA) != 0;
}

/**
 * Flags of the hosts a header names: each item of a comma-separated list (`X-Forwarded-Host: a, b`), or with
 * `forwarded`, each (quoted) `host=` pair of RFC 7239 `Forwarded: for=...;host="169.254.169.254"`.
 */
export function headerHostFlags(v: ArrayBuffer, forwarded: bool): i32 {
  const n = v.byteLength;
  let flags = 0;
  let i = 0;
  for (let guard = 0; guard < 16 && i < n; guard++) {
    if (forwarded) {
      i = indexOfCI(v, "host=", i);
      if (i < 0) break;
      const before = at(v, i - 1);
      i += 5;
      if (i > 5 && !(before == 0x3b || before == 0x2c || isSpaceByte(before))) continue;
    }
    while (isSpaceByte(at(v, i))) i++;
    if (at(v, i) == 0x22) i++;
    let e = i;
    while (e < n && at(v, e) != 0x3b && at(v, e) != 0x2c && at(v, e) != 0x22 && !isSpaceByte(at(v, e))) e++;
    if (e - i <= 64) flags |= classifyAuthority(v, i, e);
    i = e;
    if (!forwarded) while (i < n && at(v, i++) != 0x2c) {}
  }
  return flags;
}

/** Headers whose values name the request's own, forwarding or peer hosts. */
function namesHosts(name: string): bool {
  return name == "host" || name == "origin" || name == "referer" || name == "forwarded" || name == "via" || name == "x-real-ip" ||
    name.startsWith("x-forwarded-") || name.startsWith("x-envoy-");
}
