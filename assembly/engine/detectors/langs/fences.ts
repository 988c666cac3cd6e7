// Markdown fenced code blocks in a value: docs, wiki pages and tickets quote requests, headers and
// commands there. Detectors that see a line-based syntax (a request head, a mail header) ask whether
// their match lies inside one.
import { byteAt } from "../../bytes";
import { TargetOrigin } from "../../target";

/**
 * Whether offset `i` of a value that came as `origin` is quoted in a page's fenced block. Only
 * values of JSON, XML and multipart bodies count, where pages travel: a redirect target, file
 * name or cookie that a service copies into a response header comes as a query, form or cookie
 * value, and there a fence is no quotation. A browser skips a response header line that has no
 * colon, so `x\r\n```\r\nSet-Cookie: ...` still splits the response it is copied into.
 */
export function quotedInPage(origin: TargetOrigin, v: ArrayBuffer, i: i32): bool {
  return (origin == TargetOrigin.Json || origin == TargetOrigin.Xml || origin == TargetOrigin.Multipart) && fenced(v, i);
}

/**
 * Whether offset `i` lies in a Markdown fenced code block: an odd number of fence lines (```, ~~~)
 * before it and one after. Docs and wiki pages quote requests and headers there ("```http\nGET / HTTP/1.1\nHost: ...");
 * a server's header parser meets the fence as a line without a colon and rejects the head.
 */
function fenced(v: ArrayBuffer, i: i32): bool {
  let before = 0;
  const n = v.byteLength;
  for (let j = 0; j < n; j++) {
    if (j > 0 && byteAt(v, j - 1) != 0x0a && byteAt(v, j - 1) != 0x0d) continue;
    let k = j;
    while (k < j + 3 && k < n && byteAt(v, k) == 0x20) k++;
    const c = k + 2 < n ? byteAt(v, k) : 0;
    if ((c != 0x60 && c != 0x7e) || byteAt(v, k + 1) != c || byteAt(v, k + 2) != c) continue;
    if (j > i) return (before & 1) == 1;
    before++;
  }
  return false;
}

/** The offset of the line after the one holding `i` (or the length). */
export function nextLine(v: ArrayBuffer, i: i32): i32 {
  const n = v.byteLength;
  while (i < n && byteAt(v, i) != 0x0a) i++;
  return i + 1;
}
