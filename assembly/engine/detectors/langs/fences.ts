// Markdown fenced code blocks in a value: docs, wiki pages and tickets quote requests, headers and
// commands there. Detectors that see a line-based syntax (a request head, a mail header) ask whether
// their match lies inside one.
import { byteAt, isAlpha } from "../../bytes";
import { WordList } from "../../wordlist";
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
  return fenceAround(v, i) >= 0;
}

let closingFence = 0; // fenceAround's second answer: the closing fence's first mark

/**
 * The offset of the first mark of the fence line opening the block that holds `i` (closingFence: the
 * first mark of the line closing it), or -1.
 */
function fenceAround(v: ArrayBuffer, i: i32): i32 {
  let before = 0;
  let open = -1;
  const n = v.byteLength;
  for (let j = 0; j < n; j++) {
    if (j > 0 && byteAt(v, j - 1) != 0x0a && byteAt(v, j - 1) != 0x0d) continue;
    let k = j;
    while (k < j + 3 && k < n && byteAt(v, k) == 0x20) k++;
    const c = k + 2 < n ? byteAt(v, k) : 0;
    if ((c != 0x60 && c != 0x7e) || byteAt(v, k + 1) != c || byteAt(v, k + 2) != c) continue;
    if (j > i) { closingFence = k; return (before & 1) == 1 ? open : -1; }
    before++;
    open = k;
  }
  return -1;
}

/**
 * Whether offset `i` is quoted code in a Markdown fence naming a language other than the sink's: a line
 * "```c" (three backticks, a tag, the line's end), then lines without a backtick, `${` or `{$`, then a
 * bare "```" line. Code injected into PHP's or Node's eval must parse: PHP reads the fence as a shell
 * string in backticks and JS as template strings, so the block is string contents, not calls. A
 * backtick inside would end the string early, `${...}` runs in a JS template and `{$...}` / `${...}`
 * in a PHP one. `own` lists the sink's own tags (php; js, node): a bot or playground that runs a fenced
 * block by its tag runs that one. A value in a string context (`eval("echo '$v';")`) breaks out with
 * a quote: an odd count of `'` or `"` on the block's lines before `i` (unescaped) is no quotation; so is
 * a fence after an odd count of backticks (JS would close that template at the fence and read
 * "```in\n..." as an `in` expression).
 */
export function quotedCodeFence(v: ArrayBuffer, i: i32, own: WordList): bool {
  const o = fenceAround(v, i);
  const c = closingFence; // (after a line end past `o`: every scan below stops by it)
  if (o < 0 || byteAt(v, o) != 0x60 || byteAt(v, c) != 0x60 || !isAlpha(byteAt(v, o + 3)) || (c + 3 < v.byteLength && byteAt(v, c + 3) > 0x20)) return false;
  let e = o + 3;
  while (byteAt(v, e) > 0x20) e++;
  if (byteAt(v, e) != 0x0a && byteAt(v, e) != 0x0d || own.hasLower(v, o + 3, e)) return false;
  // one pass to the closing fence: backticks before `o` (bit 4, with the fence's three: set when the prose
  // closed its own), quotes in the block before `i` (bits 1, 2), and no backtick, `${` or `{$` after `o`
  let q = 0;
  for (let k = 0; k < c; k++) {
    const b = byteAt(v, k);
    if (b == 0x60) {
      if (k >= o + 3) return false;
      q ^= 4;
    } else if (k > e) {
      if ((b == 0x24 && byteAt(v, k + 1) == 0x7b) || (b == 0x7b && byteAt(v, k + 1) == 0x24)) return false;
      if (k >= i) continue;
      if (b == 0x5c) k++;
      else if (b == 0x27) q ^= 1;
      else if (b == 0x22) q ^= 2;
    }
  }
  return q == 4;
}

/**
 * The first offset `find` reports from the value's start that is not quoted code (quotedCodeFence),
 * passing over at most 8 quoted ones (the ninth counts): a payload after a fence is still found.
 */
export function firstUnquoted(v: ArrayBuffer, find: (v: ArrayBuffer, from: i32) => i32, own: WordList): i32 {
  let at = find(v, 0);
  for (let k = 0; at >= 0 && k < 8 && quotedCodeFence(v, at, own); k++) at = find(v, at + 1);
  return at;
}

/** The offset of the line after the one holding `i` (or the length). */
export function nextLine(v: ArrayBuffer, i: i32): i32 {
  const n = v.byteLength;
  while (i < n && byteAt(v, i) != 0x0a) i++;
  return i + 1;
}
