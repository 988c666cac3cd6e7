// Where a URL-like value points: finds the host(s) of a value that is a URL
// (`scheme:[//][user@]host[:port]/...`, also `http:127.0.0.1`, `http:\\l\\o...`) or
// starts with a bare host (`localhost/`), undoes host obfuscation (backslashes,
// circled digits and letters, ideographic dots) and classifies the address.
import { WordList } from "../../wordlist";
import { isWordByte, isSpaceByte, matchesCI, needleLength, indexOfCI } from "../../bytes";
import { at } from "../langs/syntax";
import { parseIPv4, ipv4Value, ipv4Canonical, parseIPv6, ipv6Groups } from "./ip";

export const H_METADATA: i32 = 1;
export const H_LOOPBACK: i32 = 2; // loopback, 0.0.0.0, localhost names
export const H_PRIVATE: i32 = 4;
export const H_LINKLOCAL: i32 = 8;
export const H_INTERNAL: i32 = 16; // container and cluster internal names
export const H_OBFUSCATED: i32 = 32; // non-canonical IPv4 notation or disguised characters
export const H_IPV6: i32 = 64;
export const H_IP: i32 = 128; // an IP literal
export const H_USERINFO_TRICK: i32 = 256; // several hosts in one URL (`a.com%2f@b.com`, `a#@b`)


const hostBuf = new ArrayBuffer(256);
let hostLen = 0;
let hostDisguised = false;

/** Copies a host into hostBuf: lower case, backslashes dropped, circled/ideographic forms mapped to ASCII. */
function cleanHost(buf: ArrayBuffer, start: i32, end: i32): void {
  hostLen = 0;
  hostDisguised = false;
  const o = changetype<usize>(hostBuf);
  let i = start;
  while (i < end && hostLen < 255) {
    const c = at(buf, i);
    let out: u32 = 0;
    let len = 1;
    if (c == 0x5c) {
      hostDisguised = true;
      i++;
      continue;
    } else if (c < 0x80) {
      out = c - 0x41 < 26 ? c | 0x20 : c;
    } else if (c == 0xe2 && i + 2 < end) {
      const cp = ((c & 0x0f) << 12) | ((at(buf, i + 1) & 0x3f) << 6) | (at(buf, i + 2) & 0x3f);
      len = 3;
      if (cp >= 0x2460 && cp <= 0x2468) out = 0x31 + (cp - 0x2460); // ①..⑨
      else if (cp == 0x24ea) out = 0x30; // ⓪
      else if (cp >= 0x24d0 && cp <= 0x24e9) out = 0x61 + (cp - 0x24d0); // ⓐ..ⓩ
      else if (cp >= 0x24b6 && cp <= 0x24cf) out = 0x61 + (cp - 0x24b6); // Ⓐ..Ⓩ
      if (out != 0) hostDisguised = true;
    } else if (c == 0xe3 && at(buf, i + 1) == 0x80 && at(buf, i + 2) == 0x82) { // 。
      out = 0x2e;
      len = 3;
      hostDisguised = true;
    } else if (c == 0xef && at(buf, i + 1) == 0xbd && at(buf, i + 2) == 0xa1) { // ｡
      out = 0x2e;
      len = 3;
      hostDisguised = true;
    }
    if (out == 0) return; // other non-ASCII: an internationalised name, leave it unclassified
    store<u8>(o + <usize>hostLen, <u8>out);
    hostLen++;
    i += len;
  }
}

// The host name against a needle (bytes.ts).
function hostIs<Needle>(name: Needle, n: i32 = 0): bool {
  n = needleLength(name, n);
  return hostLen == n && matchesCI(hostBuf, 0, name, n);
}

function hostEndsWith<Needle>(suffix: Needle, n: i32 = 0): bool {
  n = needleLength(suffix, n);
  return hostLen >= n && matchesCI(hostBuf, hostLen - n, suffix, n);
}

const PLATFORM_SUFFIXES = new WordList(".docker.internal|.containers.internal|ec2.internal|.compute.internal|.kube-system.svc.cluster.local|.kube-system.svc");

function platformHost(): bool {
  for (let k = 0; k < PLATFORM_SUFFIXES.count; k++) if (PLATFORM_SUFFIXES.matchesLower(k, hostBuf, hostLen - PLATFORM_SUFFIXES.length(k))) return true;
  return false;
}

function hostStartsWith<Needle>(prefix: Needle, n: i32 = 0): bool {
  n = needleLength(prefix, n);
  return hostLen >= n && matchesCI(hostBuf, 0, prefix, n);
}

function classifyIPv4(v: u32): i32 {
  if (v == 0xa9fea9fe || v == 0xc00000c0 || v == 0xa83f8110) return H_METADATA; // 169.254.169.254, 192.0.0.192, 168.63.129.16
  if (v == 0x646464c8) return H_METADATA; // 100.100.100.200
  if (v == 0xa9feaa02) return H_METADATA; // 169.254.170.2, the ECS task credentials endpoint
  const a = v >> 24;
  const b = (v >> 16) & 0xff;
  if (a == 127 || a == 0) return H_LOOPBACK;
  if (a == 10 || (a == 172 && b >= 16 && b < 32) || (a == 192 && b == 168) || (a == 100 && b >= 64 && b < 128)) return H_PRIVATE;
  if (a == 169 && b == 254) return H_LINKLOCAL;
  return 0;
}

/** Classifies the host in hostBuf (port and brackets included). Returns H_* flags, 0 for an ordinary public name. */
function classifyCleanHost(): i32 {
  let end = hostLen;
  if (end == 0) return 0;
  let flags = hostDisguised ? H_OBFUSCATED : 0;
  if (at(hostBuf, 0) == 0x5b) {
    let close = 1;
    while (close < end && at(hostBuf, close) != 0x5d) close++;
    if (!parseIPv6(hostBuf, 1, close)) return flags;
    flags |= H_IPV6 | H_IP;
    let zeros = 0;
    for (let k = 0; k < 8; k++) if (ipv6Groups[k] == 0) zeros++;
    if (zeros == 8 || (zeros == 7 && ipv6Groups[7] == 1)) return flags | H_LOOPBACK;
    let leadingZero = true;
    for (let k = 0; k < 5; k++) if (ipv6Groups[k] != 0) leadingZero = false;
    if (leadingZero && (ipv6Groups[5] == 0xffff || ipv6Groups[5] == 0)) {
      // IPv4-mapped or -compatible: the embedded address decides
      return flags | H_OBFUSCATED | classifyIPv4((ipv6Groups[6] << 16) | ipv6Groups[7]);
    }
    const g0 = ipv6Groups[0];
    if ((g0 & 0xffc0) == 0xfe80) return flags | H_LINKLOCAL;
    if (g0 == 0xfd00 && ipv6Groups[1] == 0x0ec2) return flags | H_METADATA;
    if ((g0 & 0xfe00) == 0xfc00) return flags | H_PRIVATE;
    return flags;
  }
  // an IPv6 literal without brackets
  let colons = 0;
  for (let k = 0; k < end; k++) if (at(hostBuf, k) == 0x3a) colons++;
  if (colons >= 2) {
    if (parseIPv6(hostBuf, 0, end)) return flags | H_IPV6 | H_IP;
    return flags;
  }
  // strip :port and a trailing dot
  let colon = end - 1;
  while (colon > 0 && at(hostBuf, colon) - 0x30 < 10) colon--;
  if (colon > 0 && colon < end - 1 && at(hostBuf, colon) == 0x3a) end = colon;
  if (end > 0 && at(hostBuf, end - 1) == 0x2e) end--;
  hostLen = end;
  if (end == 0) return flags;
  // `http://0:6379/`: a URL host of zeros is 0.0.0.0 to every resolver (a bare `0` elsewhere is a number)
  if (inUrl && at(hostBuf, 0) == 0x30 && zerosOnly(end)) return flags | H_IP | H_LOOPBACK | H_OBFUSCATED;
  if (at(hostBuf, 0) - 0x30 < 10 && parseIPv4(hostBuf, 0, end)) {
    flags |= H_IP | classifyIPv4(ipv4Value);
    if (!ipv4Canonical) flags |= H_OBFUSCATED;
    return flags;
  }
  if (hostStartsWith("localhost") || hostEndsWith(".localhost") || hostIs("ip6-localhost") || hostIs("ipv6-localhost") ||
    hostIs("ip6-loopback") || hostIs("ipv6-loopback") || hostEndsWith(".localdomain") || hostIs("localtest.me") ||
    hostEndsWith(".localtest.me") || hostIs("lvh.me") || hostEndsWith(".lvh.me") || hostIs("vcap.me")) return flags | H_LOOPBACK;
  if (hostIs("metadata") || hostIs("metadata.google.internal") || hostStartsWith("metadata.packet.") || hostStartsWith("instance-data") ||
    hostIs("metadata.azure.com") || hostIs("metadata.tencentyun.com")) return flags | H_METADATA;
  // The platform's own endpoints: the container host and gateways, the Kubernetes API server and system
  // namespace, cloud instance names that spell a private address. An application's in-mesh name
  // (orders.shop.svc.cluster.local, payments.internal) is what east-west values ordinarily hold.
  if (hostStartsWith("kubernetes.default") || platformHost()) return flags | H_INTERNAL;
  // wildcard DNS that resolves to the address spelled in the name (127.0.0.1.nip.io)
  if ((hostEndsWith(".nip.io") || hostEndsWith(".sslip.io") || hostEndsWith(".xip.io")) && (hostStartsWith("127.") || hostStartsWith("10.") || hostStartsWith("169.254.") || hostStartsWith("192.168."))) return flags | H_LOOPBACK;
  return flags;
}

function zerosOnly(end: i32): bool {
  for (let k = 0; k < end; k++) if (at(hostBuf, k) != 0x30) return false;
  return true;
}

/** Whether the host being classified is the authority of a URL (not a bare word at the start of a value). */
let inUrl = false;

/** Classifies bytes [start, end) of `buf` as a host. */
export function classifyHost(buf: ArrayBuffer, start: i32, end: i32): i32 {
  cleanHost(buf, start, end);
  return classifyCleanHost();
}

/** End of the scheme (index of its ':') when `buf` has a URL scheme at `i`, else -1. */
export function schemeEndAt(buf: ArrayBuffer, i: i32): i32 {
  const n = buf.byteLength;
  if ((at(buf, i) | 0x20) - 0x61 >= 26) return -1;
  let k = i + 1;
  while (k < n && k - i <= 16) {
    const c = at(buf, k);
    if (c == 0x3a) return k - i >= 2 ? k : -1;
    if (!(isWordByte(c) || c == 0x2b || c == 0x2d || c == 0x2e)) return -1;
    k++;
  }
  return -1;
}

/** Result of the last urlAt: where the innermost scheme starts and ends, where the authority starts and ends. */
export let urlSchemeStart: i32 = 0;
export let urlSchemeEnd: i32 = 0;
export let urlAuthorityStart: i32 = 0;
export let urlAuthorityEnd: i32 = 0;
export let urlHasSlashes: bool = false;

/** Reads a URL starting at `i` (nested schemes like `url:file:` or `jar:http:` are skipped). Returns false when there is no scheme. */
export function urlAt(buf: ArrayBuffer, i: i32): bool {
  let se = schemeEndAt(buf, i);
  if (se < 0) return false;
  let ss = i;
  for (let depth = 0; depth < 3; depth++) {
    const inner = schemeEndAt(buf, se + 1);
    if (inner < 0 || at(buf, se + 1) == 0x2f) break;
    ss = se + 1;
    se = inner;
  }
  urlSchemeStart = ss;
  urlSchemeEnd = se;
  const n = buf.byteLength;
  let k = se + 1;
  urlHasSlashes = false;
  while (k < n && (at(buf, k) == 0x2f || at(buf, k) == 0x5c) && k < se + 8) {
    if (at(buf, k) == 0x2f) urlHasSlashes = true;
    k++;
    // `http:\\l\\o\\c...`: a backslash before a host letter is an escape, not a separator
    if (at(buf, k - 1) == 0x5c && at(buf, k) != 0x5c && at(buf, k) != 0x2f) { k--; break; }
  }
  urlAuthorityStart = k;
  let bracket = false;
  while (k < n) {
    const c = at(buf, k);
    if (c == 0x5b) bracket = true;
    else if (c == 0x5d) bracket = false;
    else if (!bracket && (c == 0x2f || c == 0x3f || c == 0x23 || isSpaceByte(c))) break;
    k++;
  }
  urlAuthorityEnd = k;
  return true;
}

/**
 * Whether the value as sent mixes a literal `://` with a percent-encoded slash (`%2f`, `%252f`): a
 * slash encoded where its neighbours are not is there to be decoded by one parser and not another.
 * A URL encoded whole (`https%3A%2F%2Fmedium.com%2F%40jane`) is one URL once decoded.
 */
export function encodesSlash(raw: ArrayBuffer): bool {
  return indexOfCI(raw, "://") >= 0 && (indexOfCI(raw, "%2f") >= 0 || indexOfCI(raw, "%252f") >= 0);
}

/**
 * Flags of the URL host at [authStart, authEnd) (user info removed), plus any host hidden after a later '@'
 * in the value; after the slash that ends the authority only when it is `/@` or `slashEncoded` (encodesSlash).
 */
export function classifyAuthority(buf: ArrayBuffer, authStart: i32, authEnd: i32, slashEncoded: bool = true): i32 {
  // `path:\/var\/log` (Lucene, JSON): `\/` is an escaped slash, its backslash no part of the host
  if (authEnd > authStart && at(buf, authEnd - 1) == 0x5c && at(buf, authEnd) == 0x2f) authEnd--;
  let hs = authStart;
  let bs = authEnd; // a `\` before the user info's `@` ends the host for WHATWG parsers: `127.0.0.1:80\@allowed.example`
  for (let k = authStart; k < authEnd; k++) {
    const c = at(buf, k);
    if (c == 0x40) hs = k + 1;
    else if (c == 0x5c && bs == authEnd && hs == authStart && k > authStart) bs = k;
  }
  inUrl = true;
  let flags = classifyHost(buf, hs, authEnd);
  if (hs > bs) flags |= classifyHost(buf, authStart, bs);
  // parser-confusion payloads put the real host after an '@' that a different parser honours (`#@`, `?@`,
  // `\@`, ` &@`, `/@` or a slash sent as %2f where the authority ends); no parser reads one further in the
  // path (`unpkg.com/react@18.2.0/`), nor past the `&` that ends a query parameter (`?email=a@b.com&`)
  const n = min(buf.byteLength, authStart + 256);
  for (let k = authEnd; k < n; k++) {
    const c = at(buf, k);
    if (c == 0x2f && (k > authEnd || !(slashEncoded || at(buf, k + 1) == 0x40))) break;
    if (c != 0x40) continue;
    let e = k + 1;
    while (e < n && at(buf, e) != 0x2f && at(buf, e) != 0x23 && at(buf, e) != 0x3f && at(buf, e) != 0x26 && !isSpaceByte(at(buf, e))) e++;
    const hidden = classifyHost(buf, k + 1, e);
    if (hidden != 0) flags |= hidden | H_USERINFO_TRICK;
  }
  inUrl = false;
  return flags;
}
