// PHP function calls found by a small tokenizer: an identifier, optional blanks
// and comments (`/* */`, `//`, `#`), then `(`. Whether a call counts depends on
// the function (functions.ts) and on its surroundings: input that *is* a PHP
// expression (the call starts the value or follows `;`, `@`, `.`, `(` ...) is
// code; "the system (Linux)" in prose is not.
import { byteAt, isAlpha, isSpaceByte, isWordByte, matchesCI, needleString } from "../../bytes";
import { skipBlank, skipSpaces, wordEnd } from "../langs/syntax";
import { COLUMN_FUNCTIONS } from "../langs/column-functions";
import { WordList } from "../../wordlist";
import { insideCodeSpan, opensProse } from "../nodejs/doc-context";
import { quotedCodeFence } from "../langs/fences";
import { classifyFunction, isListedBuiltin, endsWithDangerous, isDistinctiveDangerous, isKnownFunctionName, isDangerousFunctionName, FN_BUILTIN, FN_DANGEROUS, FN_NONE } from "./functions";

export class CallHit {
  /** FN_DANGEROUS or FN_BUILTIN of the strongest call found, FN_NONE when none counts. */
  kind: i32 = FN_NONE;
  start: i32 = 0;
  end: i32 = 0;
  reason: string = "";
  /** Calls passed over as quoted code in a fence (quotedInFence). */
  quoted: i32 = 0;
}

/** `reason`: a needle (bytes.ts), made a string only when the call outranks the one kept. */
function record<Needle>(hit: CallHit, kind: i32, s: i32, e: i32, reason: Needle, n: i32 = 0): void {
  if (kind <= hit.kind) return;
  hit.kind = kind;
  hit.start = s;
  hit.end = e;
  hit.reason = needleString(reason, n);
}

/** Scans `data` for PHP calls; `pathLike` lets `/` start an expression (path segments). */
export function scanPhpCalls(data: ArrayBuffer, pathLike: bool): CallHit {
  const hit = new CallHit();
  const n = data.byteLength;
  let i = 0;
  while (i < n) {
    const c = byteAt(data, i);
    if (!isWordByte(c) || c - 0x30 < 10 || (i > 0 && isWordByte(byteAt(data, i - 1)))) { i++; continue; }
    let e = i;
    let underscore = false;
    while (e < n && isWordByte(byteAt(data, e))) { if (byteAt(data, e) == 0x5f) underscore = true; e++; }
    const after = skipBlank(data, e, true);
    if (after < n && byteAt(data, after) == 0x28) {
      judgeCall(data, i, e, after, pathLike, hit);
      if (hit.kind == FN_DANGEROUS) return hit;
    } else if (underscore && isDistinctiveDangerous(data, i, e)) {
      // `shell_exec`, `base64_decode` ...: names no prose or other language uses.
      record(hit, FN_DANGEROUS, i, e, "dangerous PHP function");
      return hit;
    }
    i = e;
  }
  return hit;
}

function judgeCall(data: ArrayBuffer, s: i32, e: i32, paren: i32, pathLike: bool, hit: CallHit): void {
  if (isMemberAccess(data, s)) return; // obj.method( / $o->method( / Cls::method(
  let kind = classifyFunction(data, s, e);
  if (kind == FN_NONE && paren == e && endsWithDangerous(data, s, e)) kind = FN_DANGEROUS;
  if (kind == FN_NONE) return;
  // `', '.join(parts)`: a library function read off a closed string literal is a string method
  // (Python, JS); PHP's `'x'.join(` concatenates a harmless call. A dangerous one still counts.
  if (kind == FN_BUILTIN && afterClosedLiteral(data, s)) return;
  // `env::var("X").is_ok()`, `fetch(u).then(...)`: a library name called on a call's result is a method of
  // another language (PHP calls methods with `->`; its `).` concatenates, which a dangerous call still counts in)
  if (kind == FN_BUILTIN && s > 1 && byteAt(data, s - 1) == 0x2e && byteAt(data, s - 2) == 0x29) return;
  if (isManPageReference(data, paren)) return;
  // (right after the name too for a library function: `XML_SetCommentHandler(XML_Parser p,`, a C prototype)
  if ((paren > e || kind == FN_BUILTIN) && wordsInArgument(data, paren)) return;
  const before = codeBefore(data, s, pathLike);
  const close = matchingParen(data, paren);
  // `count(order: $o) { total }`: a GraphQL field with arguments and a selection set; PHP has no `f(...) {`
  if (close >= 0) { const j = skipBlank(data, close + 1, false); if (j < data.byteLength && byteAt(data, j) == 0x7b) return; }
  const afterOk = close < 0 || codeAfter(data, close + 1);
  const commented = paren > e && hasComment(data, e, paren);
  if (kind == FN_DANGEROUS) {
    if (insideCodeSpan(data, s)) return; // "Never call `exec(input)` on ...": prose names it
    if (close < 0 && opensProse(data, paren)) return; // "exec( is called with untrusted input"
    // "we call system("ls") in the wrapper": a closed call between two prose words is named, not run
    if (!before && !afterOk && !commented && s > 1 && isAlpha(byteAt(data, s - 2)) && isSpaceByte(byteAt(data, s - 1))) return;
    if (((before && afterOk) || commented || (paren == e && argsLookLikeCode(data, paren + 1, false))) && !quotedInFence(data, s, hit)) {
      record(hit, FN_DANGEROUS, s, paren + 1, "dangerous PHP call");
    }
    return;
  }
  if (((before && afterOk) || commented) && !cFormatCall(data, paren, close) && !columnCall(data, s, e, paren, close) && !codeSpan(data, s, close) && !lonePlainCall(data, s, paren, close) &&
      !cSizeof(data, s, e, paren) && !doctestLine(data, s) && (hit.kind == FN_BUILTIN || !quotedInFence(data, s, hit))) {
    record(hit, FN_BUILTIN, s, paren + 1, "PHP call expression");
  }
}

// fence tags of PHP code: a block a bot or playground would run as PHP is no quotation (langs/fences.ts)
export const PHP_TAGS = new WordList("php|phtml|hack");

/**
 * Whether the call at `s` is quoted code in a fence of another language (langs/fences.ts), for the first 16
 * such calls of a value: each check reads the value, and past them calls count (a block of many calls
 * stays linear to scan, and blocks as before).
 */
function quotedInFence(data: ArrayBuffer, s: i32, hit: CallHit): bool {
  return hit.quoted < 16 && quotedCodeFence(data, s, PHP_TAGS) && ++hit.quoted > 0;
}

// PHP words that may stand before or after another bare word in an expression (`new Foo`, `a or b`).
const JOINING_KEYWORDS = new WordList("new|clone|static|yield|throw|print|include|require|instanceof|and|or|xor");

/**
 * `file (for example, ...)`, `png_set_bKGD (png_structp png_ptr, ...)`: a name, a blank, then an argument list
 * that opens with two bare words side by side is prose or a C prototype; PHP never parses `name name`
 * (keywords aside). Without the blank (`passthru(cat flag)`) the call is still judged: that is a payload's shape.
 */
function wordsInArgument(data: ArrayBuffer, paren: i32): bool {
  const a = skipSpaces(data, paren + 1);
  if (a >= data.byteLength || !isAlpha(byteAt(data, a))) return false;
  const ae = wordEnd(data, a);
  const b = skipSpaces(data, ae);
  if (b == ae || b >= data.byteLength || !isAlpha(byteAt(data, b))) return false;
  return !JOINING_KEYWORDS.hasLower(data, a, ae) && !JOINING_KEYWORDS.hasLower(data, b, wordEnd(data, b));
}

/**
 * `printf("%d\n", x)`  `fprintf(stderr, "%s", msg)`: a double-quoted format string among bare names and
 * numbers is C or Go; PHP passes `$variables`, and a probe nests a call (judged on its own) or breaks a quote.
 */
function cFormatCall(data: ArrayBuffer, paren: i32, close: i32): bool {
  if (close < 0) return false;
  let format = false;
  let quoted = false;
  for (let j = paren + 1; j < close; j++) {
    const c = byteAt(data, j);
    if (c == 0x22) quoted = !quoted;
    else if (quoted) { if (c == 0x25) format = true; else if (c == 0x24 || c == 0x7b) return false; }
    else if (c == 0x24 || c == 0x27 || c == 0x28 || c == 0x3b || c == 0x40 || c == 0x60 || c == 0x2e) return false;
  }
  return format && !quoted;
}

/**
 * `filemtime($foo)`: the whole value is one library call over one variable, which the request cannot
 * have set: the call shows or measures nothing the sender chose (a probe passes a name, a literal or
 * a nested call: `intval(foo)`, `print_r(getcwd())`).
 */
function lonePlainCall(data: ArrayBuffer, s: i32, paren: i32, close: i32): bool {
  if (close < 0 || skipSpaces(data, 0) != s) return false;
  for (let j = close + 1; j < data.byteLength; j++) if (!isSpaceByte(byteAt(data, j)) && byteAt(data, j) != 0x3b) return false;
  const a = skipSpaces(data, paren + 1); // before the `)` at close: a + 1 <= close
  return byteAt(data, a) == 0x24 && isAlpha(byteAt(data, a + 1)) && skipSpaces(data, wordEnd(data, a + 1)) == close;
}

/**
 * `sizeof(int)`, `sizeof (png_uint_32)`, `sizeof(struct stat)`: C's operator over a type or a name; PHP's alias of
 * count() takes an array, which a probe hands over as a `$variable`, a literal or a call.
 */
function cSizeof(data: ArrayBuffer, s: i32, e: i32, paren: i32): bool {
  if (e - s != 6 || !matchesCI(data, s, "sizeof")) return false;
  const a = skipSpaces(data, paren + 1);
  return isAlpha(byteAt(data, a)) && byteAt(data, wordEnd(data, a)) != 0x28; // not `sizeof(array(1))`
}

/**
 * `>>> list(range(10))`, `text\n    >>> len(x)`: a Python session's prompt opens the value or the (indented) line
 * that holds the call, within 240 bytes of it (PHP has no `>>>`).
 */
function doctestLine(data: ArrayBuffer, s: i32): bool {
  let a = s; // looks back at most 240 bytes: many calls on one long line stay linear
  while (a > 0 && a > s - 240 && byteAt(data, a - 1) != 0x0a) a--;
  return matchesCI(data, 0, ">>> ") || ((a == 0 || byteAt(data, a - 1) == 0x0a) && matchesCI(data, skipSpaces(data, a), ">>> "));
}

/** "Call `get_user()` first": a markdown code span around the call (a backtick after a blank or the start, one right after `)`). */
function codeSpan(data: ArrayBuffer, s: i32, close: i32): bool {
  if (s < 1 || close < 0 || close + 1 >= data.byteLength || byteAt(data, s - 1) != 0x60 || byteAt(data, close + 1) != 0x60) return false;
  return s == 1 || isSpaceByte(byteAt(data, s - 2)) || byteAt(data, s - 2) == 0x28;
}

/**
 * count(up)  trim(Name)  count(rate(x{job="api"}[5m])): a function query languages share with PHP, over
 * names, selectors and nested calls (judged on their own) but no PHP variable, single-quoted string or
 * statement, reads as a query expression (langs/column-functions.ts).
 */
function columnCall(data: ArrayBuffer, s: i32, e: i32, paren: i32, close: i32): bool {
  // get_user(id)  is_valid(form): a name PHP's extension prefixes only resemble (not a listed builtin) reads the same way
  if (close <= paren + 1) return false;
  const column = COLUMN_FUNCTIONS.hasLower(data, s, e);
  if (!column && isListedBuiltin(data, s, e)) return false;
  for (let j = paren + 1; j < close; j++) {
    const c = byteAt(data, j);
    if (c == 0x24 && column && namedVariable(data, j)) continue;
    if (c == 0x24 || c == 0x27 || c == 0x3b || c == 0x40 || c == 0x60 || c == 0x5c || c < 0x20 || (c == 0x22 && !column)) return false; // $ ' ; @ ` \ (")
  }
  return true;
}

/** `order: $o` at the `$` at j: a query language's named argument given a variable (GraphQL `count(order: $o)`). */
function namedVariable(data: ArrayBuffer, j: i32): bool {
  let k = j - 1;
  while (k >= 0 && isSpaceByte(byteAt(data, k))) k--;
  if (k < 1 || byteAt(data, k) != 0x3a || !isWordByte(byteAt(data, k - 1))) return false;
  return isWordByte(byteAt(data, j + 1)) && byteAt(data, j + 1) - 0x30 >= 10;
}

/** `a.b(` with an identifier before the dot, `->b(`, `::b(`. */
function isMemberAccess(data: ArrayBuffer, s: i32): bool {
  if (s < 2) return false;
  const p = byteAt(data, s - 1);
  if (p == 0x2e) return isWordByte(byteAt(data, s - 2)) || byteAt(data, s - 2) == 0x5d;
  if (p == 0x3e) return byteAt(data, s - 2) == 0x2d;
  if (p == 0x3a) return byteAt(data, s - 2) == 0x3a;
  return false;
}

/** Whether `s` follows `.` after a string literal closed on its line (`''.`, `", ".`), not a lone quote. */
function afterClosedLiteral(data: ArrayBuffer, s: i32): bool {
  if (s < 3 || byteAt(data, s - 1) != 0x2e) return false;
  const q = byteAt(data, s - 2);
  if (q != 0x27 && q != 0x22) return false;
  for (let j = s - 3; j >= 0 && s - j < 64; j--) {
    const c = byteAt(data, j);
    if (c == q) return j == 0 || !isWordByte(byteAt(data, j - 1));
    if (c == 0x0a || c == 0x0d) return false;
  }
  return false;
}

/** `printf(1)`, `chroot(2)`, `strftime(3p)`: manual page references in documentation. */
function isManPageReference(data: ArrayBuffer, paren: i32): bool {
  const n = data.byteLength;
  let j = paren + 1;
  if (j >= n || byteAt(data, j) - 0x31 >= 9) return false;
  j++;
  let letters = 0;
  while (j < n && (byteAt(data, j) | 0x20) - 0x61 < 26 && letters < 4) { j++; letters++; }
  return j < n && byteAt(data, j) == 0x29;
}

/** Whether what precedes the callee is the start of the value or PHP punctuation. */
function codeBefore(data: ArrayBuffer, s: i32, pathLike: bool): bool {
  let j = s - 1;
  while (j >= 0 && isSpaceByte(byteAt(data, j))) j--;
  if (j < 0) return true;
  const c = byteAt(data, j);
  if (c == 0x3b || c == 0x7b || c == 0x7d || c == 0x28 || c == 0x2c || c == 0x3d || c == 0x2e || c == 0x40 ||
      c == 0x21 || c == 0x3f || c == 0x3a || c == 0x26 || c == 0x7c || c == 0x5b || c == 0x22 || c == 0x27 ||
      c == 0x3e || c == 0x60) return true;
  if (c == 0x2f) return pathLike || (j > 0 && byteAt(data, j - 1) == 0x2a); // path segment, or after a comment
  // `return f(`, `echo f(`, `print f(` and PHP open tags
  let w = j;
  while (w >= 0 && isWordByte(byteAt(data, w))) w--;
  const len = j - w;
  if (len == 6 || len == 4 || len == 5 || len == 3) {
    if (matchesCI(data, w + 1, "return") || matchesCI(data, w + 1, "echo") || matchesCI(data, w + 1, "print") || matchesCI(data, w + 1, "php")) return true;
  }
  return false;
}

/** Whether what follows a call's `)` continues an expression (or ends the value). */
function codeAfter(data: ArrayBuffer, i: i32): bool {
  const j = skipBlank(data, i, false);
  if (j >= data.byteLength) return true;
  const c = byteAt(data, j);
  return !(isWordByte(c) || c == 0x27 || c == 0x22 || c >= 0x80);
}

/** The `)` matching the `(` at `open`, or -1 when the value ends first (bounded scan). */
function matchingParen(data: ArrayBuffer, open: i32): i32 {
  const n = data.byteLength;
  let depth = 0;
  let quote: u32 = 0;
  for (let j = open; j < n && j < open + 4096; j++) {
    const c = byteAt(data, j);
    if (quote != 0) {
      if (c == 0x5c) j++;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == 0x27 || c == 0x22) quote = c;
    else if (c == 0x28) depth++;
    else if (c == 0x29 && --depth == 0) return j;
  }
  return -1;
}

function hasComment(data: ArrayBuffer, s: i32, e: i32): bool {
  for (let j = s; j < e; j++) {
    const c = byteAt(data, j);
    if (c == 0x23 || c == 0x2f) return true;
  }
  return false;
}

/**
 * Arguments that open like code: a quote, `$var`, a number, a nested call or array
 * (and `()` when `emptyOk`: prose names functions as "readdir()").
 */
function argsLookLikeCode(data: ArrayBuffer, i: i32, emptyOk: bool): bool {
  const j = skipBlank(data, i, false);
  if (j >= data.byteLength) return true;
  const c = byteAt(data, j);
  return (c == 0x29 && emptyOk) || c == 0x27 || c == 0x22 || c == 0x24 || c - 0x30 < 10 || c == 0x28 || c == 0x5b || c == 0x40 || c == 0x60;
}

/**
 * Calls whose callee is an expression, not a name: `(system)('id')`, `"sys"."tem"(x)`,
 * `[system][0](ls)`, `(sy.(st).em)(x)`. The letters of the callee (identifiers and
 * string contents, read backwards over quotes, dots, brackets and blanks) are joined
 * and compared with the function vocabulary.
 */
export function findDynamicCall(data: ArrayBuffer): i32 {
  const n = data.byteLength;
  for (let p = 1; p < n; p++) {
    if (byteAt(data, p) != 0x28) continue;
    let j = p - 1;
    while (j >= 0 && isSpaceByte(byteAt(data, j))) j--;
    if (j >= 1 && byteAt(data, j) == 0x2f && byteAt(data, j - 1) == 0x2a) { // skip a comment before `(`
      let k = j - 2;
      while (k > 0 && !(byteAt(data, k) == 0x2a && byteAt(data, k - 1) == 0x2f)) k--;
      j = k - 2;
      while (j >= 0 && isSpaceByte(byteAt(data, j))) j--;
    }
    if (j < 0) continue;
    const c = byteAt(data, j);
    if (c != 0x29 && c != 0x5d && c != 0x7d && c != 0x22 && c != 0x27) continue;
    if (c == 0x5d && isLinkTarget(data, p + 1)) continue; // Markdown [text](url)
    const name = calleeLetters(data, j);
    if (name.length >= 3 && calleeMatches(name)) return p;
  }
  return -1;
}

function isLinkTarget(data: ArrayBuffer, i: i32): bool {
  const n = data.byteLength;
  if (i >= n) return false;
  const c = byteAt(data, i);
  if (c == 0x2f || c == 0x23 || c == 0x2e) return true;
  let j = i;
  while (j < n && j < i + 12 && isWordByte(byteAt(data, j))) j++;
  return j > i && j < n && byteAt(data, j) == 0x3a;
}

// Casts and keywords that may stand before a callee expression: `(string)"system"(x)`, `return (system)(x)`.
const CALLEE_PREFIXES = new WordList("string|int|integer|bool|boolean|float|double|array|object|binary|return|echo|print");

function calleeMatches(name: string): bool {
  // The joined letters may carry a cast or keyword before the name: "stringsystem", "returnsystem";
  // any other letters are part of the name (`(?:region|email)(cart)` in a regex spells `email`, not `mail`).
  for (let k = 0; k + 3 <= name.length && k <= 8; k++) {
    if ((k == 0 || CALLEE_PREFIXES.hasString(name.substring(0, k))) && isDangerousFunctionName(k == 0 ? name : name.substring(k, i32.MAX_VALUE))) return true;
  }
  return false;
}

/** Letters of the callee expression ending at `j`, in order, lower-cased (at most 40). */
function calleeLetters(data: ArrayBuffer, j: i32): string {
  let out = "";
  let depth = 0;
  let taken = 0;
  while (j >= 0 && taken < 64) {
    const c = byteAt(data, j);
    if (c == 0x2f && j > 0 && byteAt(data, j - 1) == 0x2a) { // a comment, read backwards
      let k = j - 2;
      while (k > 0 && !(byteAt(data, k) == 0x2a && byteAt(data, k - 1) == 0x2f)) k--;
      j = k - 2;
      continue;
    }
    if (c == 0x29 || c == 0x5d || c == 0x7d) depth++;
    else if (c == 0x28 || c == 0x5b || c == 0x7b) { if (depth == 0) break; depth--; }
    else if ((c | 0x20) - 0x61 < 26 || c == 0x5f) { out = String.fromCharCode(c | (c == 0x5f ? 0 : 0x20), -1) + out; taken++; }
    else if (c == 0x3b || c == 0x3d || c == 0x2c) { if (depth == 0) break; }
    else if (!(isSpaceByte(c) || c == 0x2e || c == 0x22 || c == 0x27 || c - 0x30 < 10 || c == 0x2a || c == 0x2f)) break;
    j--;
  }
  return out;
}

/**
 * String literals joined with `.` that spell a dangerous function: `'sys' . 'tem'`.
 * Returns the index of the first literal or -1.
 */
export function findConcatenatedName(data: ArrayBuffer): i32 {
  const n = data.byteLength;
  for (let i = 0; i < n; i++) {
    const q = byteAt(data, i);
    if (q != 0x27 && q != 0x22) continue;
    // Measured first, the letters joined only for a concatenation (most quotes open one string).
    readConcatenation(data, i, false);
    if (concatParts >= 2 && isDangerousFunctionName(readConcatenation(data, i, true))) return i;
    if (concatParts >= 2) i = concatEnd - 1;
  }
  return -1;
}

let concatParts = 0;
let concatEnd = 0;

/** Quoted strings joined by `.` from `i` (at most 8, 40 letters): sets concatParts/concatEnd, the letters lower-cased when `build`. */
function readConcatenation(data: ArrayBuffer, i: i32, build: bool): string {
  const n = data.byteLength;
  let name = "";
  let letters = 0;
  let j = i;
  let parts = 0;
  while (j < n && parts < 8) {
    const qq = byteAt(data, j);
    if (qq != 0x27 && qq != 0x22) break;
    let k = j + 1;
    while (k < n && byteAt(data, k) != qq && letters < 40) {
      const c = byteAt(data, k);
      if ((c | 0x20) - 0x61 < 26 || c == 0x5f) {
        letters++;
        if (build) name += String.fromCharCode(c == 0x5f ? c : c | 0x20, -1);
      }
      k++;
    }
    if (k >= n || byteAt(data, k) != qq) break;
    parts++;
    let m = k + 1;
    while (m < n && isSpaceByte(byteAt(data, m))) m++;
    if (m >= n || byteAt(data, m) != 0x2e) { j = m; break; }
    m++;
    while (m < n && isSpaceByte(byteAt(data, m))) m++;
    j = m;
  }
  concatParts = parts;
  concatEnd = j;
  return name;
}
