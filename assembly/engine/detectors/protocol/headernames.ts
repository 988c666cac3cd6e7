// Header names the protocol checks care about, classified once per header without
// allocation: a switch on the name's length, then one string comparison. Also the
// token test for header names over a 256-entry byte table.

export const enum HeaderId {
  Other = 0, Path, UserAgent, Accept, Connection, Range, AcceptEncoding, CacheControl, FetchBoolean, Cookie, Host,
  ContentLength, TransferEncoding, DevcapCharset, ContentType, ContentRange,
  /** Headers only proxies, WebDAV or response paths use (CRS 920450 and friends). */
  Restricted,
  /** Path a front end rewrote from (X-Original-URL, X-Rewrite-URL, X-Forwarded-Uri): routers that honour it route by it. */
  Rewrite,
  /** Host a front end forwarded for (X-Forwarded-Host, X-Host, X-Original-Host, X-Forwarded-Server): links, redirects and cache entries are built from it. */
  ForwardedHost,
  /** Path prefix a front end stripped (X-Forwarded-Prefix): the back end puts it before its links. */
  ForwardedPrefix,
  /** RFC 7239 Forwarded, whose `host=` pairs are forwarded hosts. */
  Forwarded,
}

/** Classifies a lower-case header name. */
export function headerId(name: string): HeaderId {
  switch (name.length) {
    case 2: return name == "if" ? HeaderId.Restricted : HeaderId.Other;
    case 4: return name == "host" ? HeaderId.Host : HeaderId.Other;
    case 5:
      if (name == ":path") return HeaderId.Path;
      if (name == "range") return HeaderId.Range;
      return name == "proxy" ? HeaderId.Restricted : HeaderId.Other;
    case 6:
      if (name == "accept") return HeaderId.Accept;
      if (name == "x-host") return HeaderId.ForwardedHost;
      return name == "cookie" ? HeaderId.Cookie : HeaderId.Other;
    case 9: return name == "forwarded" ? HeaderId.Forwarded : HeaderId.Other;
    case 10:
      if (name == "user-agent") return HeaderId.UserAgent;
      if (name == "connection") return HeaderId.Connection;
      if (name == ":authority") return HeaderId.Host;
      return name == "lock-token" ? HeaderId.Restricted : HeaderId.Other;
    case 12: return name == "content-type" ? HeaderId.ContentType : HeaderId.Other;
    case 13:
      if (name == "cache-control") return HeaderId.CacheControl;
      if (name == "content-range") return HeaderId.ContentRange;
      if (name == "x-rewrite-url") return HeaderId.Rewrite;
      return name == "x-http-method" || name == "request-range" ? HeaderId.Restricted : HeaderId.Other;
    case 14:
      if (name == "content-length") return HeaderId.ContentLength;
      if (name == "sec-fetch-user") return HeaderId.FetchBoolean;
      if (name == "x-original-url" || name == "x-original-uri") return HeaderId.Rewrite;
      // h2c upgrade (RFC 7540 3.2): a proxy that forwards it hands the connection to the back end uninspected
      return name == "accept-charset" || name == "http2-settings" ? HeaderId.Restricted : HeaderId.Other;
    case 15:
      if (name == "x-forwarded-uri") return HeaderId.Rewrite;
      if (name == "x-original-host") return HeaderId.ForwardedHost;
      return name == "accept-encoding" ? HeaderId.AcceptEncoding : HeaderId.Other;
    case 16:
      if (name == "sec-ch-ua-mobile") return HeaderId.FetchBoolean;
      if (name == "x-forwarded-host") return HeaderId.ForwardedHost;
      return name == "content-encoding" ? HeaderId.Restricted : HeaderId.Other;
    case 17:
      if (name == "transfer-encoding") return HeaderId.TransferEncoding;
      return name == "x-method-override" ? HeaderId.Restricted : HeaderId.Other;
    case 18:
      if (name == "x-forwarded-server") return HeaderId.ForwardedHost;
      return name == "x-forwarded-prefix" ? HeaderId.ForwardedPrefix : HeaderId.Other;
    case 22: return name == "x-http-method-override" ? HeaderId.Restricted : HeaderId.Other;
    case 23: return name == "x-middleware-subrequest" ? HeaderId.Restricted : HeaderId.Other;
    case 24: return name == "x-up-devcap-post-charset" ? HeaderId.DevcapCharset : HeaderId.Other;
  }
  return HeaderId.Other;
}

/** RFC 9110 tchar, 1 per byte that may appear in a token. */
const TCHAR: usize = memory.data<u8>([
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
]);

// @ts-ignore: decorator
@inline export function isTokenByte(c: u32): bool {
  return c < 256 && load<u8>(TCHAR + <usize>c) != 0;
}

/** A header name that is not a token (CR/LF or separators smuggled into the name); `:` may open a pseudo-header. */
export function badHeaderName(name: string): bool {
  const n = name.length;
  if (n == 0) return true;
  const base = changetype<usize>(name);
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u16>(base + (<usize>i << 1));
    if (i == 0 && c == 0x3a) continue;
    if (!isTokenByte(c)) return true;
  }
  return false;
}
