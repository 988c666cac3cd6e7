// Undoes the shell's own evasions so that `c'a't`, `c\at`, `c$@at`, `ca${x}t`,
// `w^h^o^a^m^i`, `cat$IFS/etc/passwd`, `{cat,/etc/passwd}` and `/etc/pa[s]swd`
// read as the words the shell would run. Output is never longer than the input.
import { isWordByte, isSpaceByte, matchesCI, byteTable } from "../../bytes";
import { commandFlags } from "./commands";
import { at } from "../langs/syntax";

// Bytes normaliseOnce does more to than lower-case them (1: a rule of their own, CR, tab, VT, FF; not LF). A table
// lets the copy loop run over plain text without testing each byte against fifteen others.
const NORM_SPECIAL = byteTable("'\"\\^${[+`<>\t\v\f\r");

/** Whether shell normalisation does more to byte `c` than lower-case it. */
export function isNormalisable(c: u32): bool {
  return unchecked(NORM_SPECIAL[c & 0xff]) != 0;
}

/** Whether `buf` holds a byte that shell normalisation would change. */
export function needsShellNormalisation(buf: ArrayBuffer): bool {
  const base = changetype<usize>(buf);
  const n = buf.byteLength;
  for (let i = 0; i < n; i++) {
    if (unchecked(NORM_SPECIAL[load<u8>(base + <usize>i)]) != 0) return true;
  }
  return false;
}


function isIfs(buf: ArrayBuffer, i: i32): bool {
  return (at(buf, i) | 0x20) == 0x69 && (at(buf, i + 1) | 0x20) == 0x66 && (at(buf, i + 2) | 0x20) == 0x73;
}

/** Writes the blank `$IFS` expands to at out[w]; glued to a word (`cat$IFS/etc`), it stands in for a space only to evade. */
function ifsSpace(out: usize, w: i32): void {
  if (w > 0 && isWordByte(<u32>load<u8>(out + <usize>(w - 1)))) shellEvasions++;
  store<u8>(out + <usize>w, 0x20);
}

/** Index of the `close` byte after `from` within `limit` bytes, or -1. */
function findClose(buf: ArrayBuffer, from: i32, close: u32, limit: i32): i32 {
  const end = min(buf.byteLength, from + limit);
  for (let i = from; i < end; i++) if (at(buf, i) == close) return i;
  return -1;
}

/** How many evasions inside words (c'a't, c\\at, c$@at, w^ho, {a,b}, [s]) the last normaliseShell undid. */
export let shellEvasions: i32 = 0;

/** Where the closing `` of a reStructuredText literal that opensLiteral found starts. */
let literalEnd: i32 = -1;

/** Whether the `` at i opens a literal: after a non-word, before a non-blank, closed by `` before a non-word on its line. */
function opensLiteral(out: usize, w: i32, src: ArrayBuffer, i: i32): bool {
  if (w > 0 && isWordByte(<u32>load<u8>(out + <usize>(w - 1))) || isSpaceByte(at(src, i + 2))) return false;
  for (let j = i + 3; j + 1 < src.byteLength && j < i + 80; j++) {
    const c = at(src, j);
    if (c == 0x0a) break;
    if (c == 0x60 && at(src, j + 1) == 0x60) {
      if (isSpaceByte(at(src, j - 1)) || isWordByte(at(src, j + 2)) || at(src, j + 2) == 0x60) break;
      literalEnd = j;
      return true;
    }
  }
  return false;
}

function inWord(out: usize, w: i32, src: ArrayBuffer, next: i32): bool {
  return w > 0 && isWordByte(<u32>load<u8>(out + <usize>(w - 1))) && isWordByte(at(src, next));
}

/** The value as the shell would read it; brace alternatives are normalised once more, as the shell expands them first. */
export function normaliseShell(src: ArrayBuffer): ArrayBuffer {
  braces = 0;
  const once = normaliseOnce(src);
  if (braces == 0) return once;
  const count = shellEvasions;
  const twice = normaliseOnce(once);
  shellEvasions += count;
  return twice;
}

let braces = 0;

function normaliseOnce(src: ArrayBuffer): ArrayBuffer {
  shellEvasions = 0;
  literalEnd = -1;
  const n = src.byteLength;
  const out = new ArrayBuffer(n);
  const o = changetype<usize>(out);
  let w = 0;
  let i = 0;
  let drivePath = -1; // where the current drive-letter path's last component starts, or -1
  let quoteRunEnd = 0; // where the current run of quotes ends: found once per run, not once per quote
  // a quote that is the only one of its kind opens a string the shell never closes: an apostrophe (O'Brien)
  const quotes = quoteCounts(src);
  const loneApostrophe = (quotes & 0xffff) == 1;
  const loneDoubleQuote = quotes >> 16 == 1;
  const sb = changetype<usize>(src);
  while (i < n) {
    const c = <u32>load<u8>(sb + <usize>i);
    if (unchecked(NORM_SPECIAL[c]) == 0) { // plain text: lower-cased, nothing else
      store<u8>(o + <usize>w, <u8>lower(c)); w++;
      i++;
      continue;
    }
    if (c == 0x27 || c == 0x22 || c == 0x5e) { // quotes and cmd's caret: dropped, words join
      let k = quoteRunEnd;
      if (i >= quoteRunEnd) {
        k = i + 1;
        while (k < n && (at(src, k) == 0x27 || at(src, k) == 0x22 || at(src, k) == 0x5e)) k++;
        quoteRunEnd = k;
      }
      const lone = (c == 0x27 && loneApostrophe) || (c == 0x22 && loneDoubleQuote);
      if (inWord(o, w, src, k) && !lone && !isContraction(src, i, k) && !isNameApostrophe(src, i, k) && !isElision(src, i, k)) shellEvasions++;
      i++;
      continue;
    }
    if (c == 0x5c) { // backslash: escapes the next byte; before a newline it continues the line
      // `&C:\Windows\System32\cmd.exe`: after a drive letter that follows a blank or an operator, backslashes
      // separate cmd's path components (a value that is only a path names a file: it stays as it was read)
      if (w >= 3 && load<u8>(o + <usize>(w - 1)) == 0x3a && <u32>load<u8>(o + <usize>(w - 2)) - 0x61 < 26 && hasBlank(o, w - 3, w - 2)) drivePath = w;
      if (drivePath >= 0 && !hasBlank(o, drivePath, w)) {
        store<u8>(o + <usize>w, 0x5c); w++;
        drivePath = w;
        i++;
        continue;
      }
      drivePath = -1;
      const d = at(src, i + 1);
      if ((d | 0x20) == 0x6e && (w == 0 || load<u8>(o + <usize>(w - 1)) == 0x3b) && (at(src, i + 2) == 0x2e || at(src, i + 2) == 0x20)) {
        store<u8>(o + <usize>w, 0x0a); w++; // a literal "\n" after `;`: the newline the payload meant
        i += 2;
        continue;
      }
      if (regexClass(src, i)) { /* `\w+`, `\d{3}`: a regular expression's class, not an escape */ }
      else if (inWord(o, w, src, i + 1)) shellEvasions++;
      else if ((w == 0 || !isWordByte(<u32>load<u8>(o + <usize>(w - 1)))) && (d | 0x20) - 0x61 < 26 && d != 0x6e && d != 0x74 && d != 0x72) shellEvasions++; // `\ls` skips aliases
      i += d == 0x0a ? 2 : 1;
      continue;
    }
    if (c == 0x2b && w > 0 && !isSpaceByte(<u32>load<u8>(o + <usize>(w - 1))) && i + 1 < n && (at(src, i + 1) == 0x2f || at(src, i + 1) == 0x2d || at(src, i + 1) == 0x24 || isWordByte(at(src, i + 1)))) {
      store<u8>(o + <usize>w, 0x20); w++; // `cat+/etc/passwd`: a form-encoded space that stayed a plus
      i++;
      continue;
    }
    if ((c == 0x60 && at(src, i + 1) == 0x60 && at(src, i + 2) != 0x60 && (i == 0 || at(src, i - 1) != 0x60)) ||
      ((c == 0x24 || c == 0x3c || c == 0x3e) && at(src, i + 1) == 0x28 && at(src, i + 2) == 0x29)) {
      // an empty substitution (``, $(), <(), >()) expands to nothing: `pi$()ng` is `ping`. reStructuredText marks
      // literals with a pair of them around a run on one line (``TypeGuard``, ``str``): those wrap words, hiding none
      if (c != 0x60 || !(i == literalEnd || opensLiteral(o, w, src, i))) shellEvasions++;
      i += c == 0x60 ? 2 : 3;
      continue;
    }
    if (c == 0x24) { // $
      const d = at(src, i + 1);
      if (d == 0x27 || d == 0x22) { i++; continue; } // $'..' and $".." quoting
      if (d == 0x7b) { // ${...}
        const close = findClose(src, i + 2, 0x7d, 64);
        // `${x:-`id`}`, `${print(`id`)}`: a substitution inside the braces runs; the braces stay for the scanner
        if (close > 0 && at(src, i + 2) != 0x7b && !holdsSubstitution(src, i + 2, close)) {
          if (isIfs(src, i + 2)) { ifsSpace(o, w); w++; }
          else if (close == i + 7 && matchesCI(src, i + 2, "shell")) { store<u8>(o + <usize>w, 0x73); w++; store<u8>(o + <usize>w, 0x68); w++; }
          // `${PATH:0:1}`, `${HOME:0:1}`: the first character of a path variable is `/`
          else if ((matchesCI(src, i + 2, "path:0:1}") || matchesCI(src, i + 2, "home:0:1}") || matchesCI(src, i + 2, "pwd:0:1}"))) { store<u8>(o + <usize>w, 0x2f); w++; shellEvasions++; }
          i = close + 1;
          continue;
        }
      } else if (isIfs(src, i + 1) && !isWordByte(at(src, i + 4))) {
        ifsSpace(o, w); w++;
        i += 4;
        continue;
      } else if (d - 0x30 < 10 || d == 0x40 || d == 0x2a || d == 0x23 || d == 0x3f || d == 0x21 || d == 0x2d || d == 0x24 || d == 0x5f) {
        if (inWord(o, w, src, i + 2)) shellEvasions++;
        i += 2; // positional and special parameters expand to (almost) nothing
        continue;
      } else if (isWordByte(d)) {
        // $name inside a word expands to an unknown value: drop it; a standalone $name stays (it may be the command).
        let e = i + 1;
        while (e < n && isWordByte(at(src, e))) e++;
        if (e == i + 6 && matchesCI(src, i + 1, "shell")) { // $SHELL is the user's shell
          store<u8>(o + <usize>w, 0x73); w++; store<u8>(o + <usize>w, 0x68); w++;
          i = e;
          continue;
        }
        const glued = (w > 0 && isWordByte(<u32>load<u8>(o + <usize>(w - 1)))) || (e < n && at(src, e) != 0x20 && at(src, e) != 0x3b && at(src, e) != 0x7c && at(src, e) != 0x26 && at(src, e) != 0x0a);
        if (glued) {
          shellEvasions++;
          i = e;
          continue;
        }
      }
    }
    if (c == 0x5b) { // [abc] glob class: one character
      const close = findClose(src, i + 1, 0x5d, 14);
      // (`[a-z]+`, `[0-9]{2}`: a regular expression's class and quantifier, not a glob)
      if (close > i + 1 && findClose(src, i + 1, 0x20, close - i - 1) < 0 && isGlobClass(src, i + 1, close) &&
        at(src, close + 1) != 0x2b && at(src, close + 1) != 0x7b) {
        store<u8>(o + <usize>w, 0x3f); w++;
        shellEvasions++;
        i = close + 1;
        continue;
      }
    }
    if (c == 0x7b) { // {a,b} brace expansion
      const close = findClose(src, i + 1, 0x7d, 128);
      if (close > 0 && isBraceList(src, i + 1, close)) {
        shellEvasions++;
        braces++;
        const wordStart = w == 0 || !isWordByte(<u32>load<u8>(o + <usize>(w - 1)));
        const suffix = close + 1 < n && isWordByte(at(src, close + 1));
        if (wordStart && !suffix) {
          // every alternative becomes a word, as the shell runs `{cat,/etc/passwd}` as `cat /etc/passwd`;
          // a `;` marks the command position unless a separator already does (`&& {ls,-la}`, `$({id,-u})`)
          if (!afterSeparator(o, w)) { store<u8>(o + <usize>w, 0x3b); w++; }
          for (let k = i + 1; k < close; k++) {
            const b = at(src, k);
            if (b == 0x27 || b == 0x22) continue;
            if (b == 0x24 && (at(src, k + 1) == 0x27 || at(src, k + 1) == 0x22)) continue;
            store<u8>(o + <usize>w, <u8>(b == 0x2c ? 0x20 : lower(b))); w++;
          }
        } else {
          // in a word (`c{a,oun}t`): the first non-empty alternative
          let k = i + 1;
          while (k < close && at(src, k) == 0x2c) k++;
          while (k < close && at(src, k) != 0x2c) { store<u8>(o + <usize>w, <u8>lower(at(src, k))); w++; k++; }
        }
        i = close + 1;
        continue;
      }
    }
    let b = c;
    if (b == 0x09 || b == 0x0b || b == 0x0c) b = 0x20;
    else if (b == 0x0d) b = 0x0a;
    store<u8>(o + <usize>w, <u8>lower(b)); w++;
    i++;
  }
  return w == n ? out : out.slice(0, w);
}

// @ts-ignore: decorator
@inline function lower(c: u32): u32 {
  return c - 0x41 < 26 ? c | 0x20 : c;
}

/** `{...}` content that the shell expands as a list: has a comma, no spaces, no JSON-like `:` (a URL's `://` is no key). */
function isBraceList(buf: ArrayBuffer, start: i32, end: i32): bool {
  let comma = false;
  for (let i = start; i < end; i++) {
    const c = at(buf, i);
    if (c == 0x2c) comma = true;
    else if (c == 0x20 || c == 0x0a || c == 0x7b || (c == 0x3a && at(buf, i + 1) != 0x2f)) return false;
  }
  return comma;
}

/** Whether the output so far ends, blanks aside, in a separator or an opened substitution. */
function afterSeparator(o: usize, w: i32): bool {
  let k = w - 1;
  while (k >= 0 && (load<u8>(o + <usize>k) == 0x20 || load<u8>(o + <usize>k) == 0x09)) k--;
  if (k < 0) return false;
  const c = <u32>load<u8>(o + <usize>k);
  return c == 0x3b || c == 0x7c || c == 0x26 || c == 0x28 || c == 0x60 || c == 0x0a;
}

/** `[s]`, `[!q]`, `[m-z]`, `[e//]`: a glob class; `[OPTION]` of a man page synopsis is not. */
function isGlobClass(buf: ArrayBuffer, start: i32, end: i32): bool {
  let letters = 0;
  for (let i = start; i < end; i++) {
    const c = at(buf, i);
    if ((c | 0x20) - 0x61 < 26) letters++;
    else if (c == 0x2c || c == 0x2e) return false; // `[,MODE]`, `[FILE...]`: synopsis notation
  }
  return letters < end - start || letters <= 3;
}

/** Whether out[from, to) holds a blank or a shell operator: the word that started at `from` has ended. */
function hasBlank(o: usize, from: i32, to: i32): bool {
  for (let k = from; k < to; k++) {
    const b = <u32>load<u8>(o + <usize>k);
    if (b <= 0x20 || b == 0x26 || b == 0x7c || b == 0x3b || b == 0x3c || b == 0x3e) return true;
  }
  return false;
}

/** `I'd`, `don't`, `we're`: an apostrophe followed by one or two letters that end the word. */
function isContraction(buf: ArrayBuffer, quote: i32, next: i32): bool {
  if (at(buf, quote) != 0x27 || next != quote + 1) return false;
  // `'i'p`: the letters before were opened by a quote, so this one closes a quoted part of the word
  let b = quote - 1;
  while (b >= 0 && (at(buf, b) | 0x20) - 0x61 < 26) b--;
  if (b >= 0 && b < quote - 1 && at(buf, b) == 0x27 && !isNameApostrophe(buf, b, b + 1)) return false; // (O'Brien's: a name's)
  let e = next;
  while (e < buf.byteLength && (at(buf, e) | 0x20) - 0x61 < 26) e++;
  if (e - next < 1 || e - next > 2) return false;
  const c = at(buf, e);
  return !isWordByte(c) && c != 0x27 && c != 0x22 && c != 0x5e && c != 0x5c && c != 0x24;
}

/**
 * `c'est`, `j'adore`, `l'été`, `qu'il`: French elision (c d j l m n s t or qu, the apostrophe, a word), unless
 * the two parts join into a command name (`c'at`, `c'url`).
 */
function isElision(buf: ArrayBuffer, quote: i32, next: i32): bool {
  // (called after inWord: a byte precedes the quote)
  if (at(buf, quote) != 0x27 || next != quote + 1) return false;
  let b = quote - 1;
  const c = at(buf, b) | 0x20;
  if (c == 0x75 && b > 0 && (at(buf, b - 1) | 0x20) == 0x71) b--;
  else if (c != 0x63 && c != 0x64 && c != 0x6a && c != 0x6c && c != 0x6d && c != 0x6e && c != 0x73 && c != 0x74) return false;
  if (b > 0 && isWordByte(at(buf, b - 1))) return false;
  let e = next;
  while (e < buf.byteLength && e - next < 16 && ((at(buf, e) | 0x20) - 0x61 < 26 || at(buf, e) >= 0x80)) e++;
  if (e == next) return false;
  const word = new ArrayBuffer(quote - b + e - next);
  memory.copy(changetype<usize>(word), changetype<usize>(buf) + <usize>b, <usize>(quote - b));
  memory.copy(changetype<usize>(word) + <usize>(quote - b), changetype<usize>(buf) + <usize>next, <usize>(e - next));
  return commandFlags(word, 0, word.byteLength) == 0;
}

/**
 * `O'Brien`, `D'Angelo`, `Dell'Acqua`: a capitalised word part, the apostrophe, a capital. Unix commands are
 * lower case, so no evasion (cmd does not quote with `'`).
 */
function isNameApostrophe(buf: ArrayBuffer, quote: i32, next: i32): bool {
  if (at(buf, quote) != 0x27 || next != quote + 1 || quote < 1 || at(buf, next) - 0x41 >= 26) return false;
  let a = quote - 1;
  while (a > 0 && quote - a < 4 && at(buf, a) - 0x61 < 26) a--; // Dell' Sant' (a short lower-case tail)
  return at(buf, a) - 0x41 < 26 && (a == 0 || !isWordByte(at(buf, a - 1)));
}

/** How many `'` (low 16 bits, saturating) and `"` (high 16 bits) `buf` holds, in one pass. */
function quoteCounts(buf: ArrayBuffer): u32 {
  let apostrophes: u32 = 0;
  let doubles: u32 = 0;
  const base = changetype<usize>(buf);
  for (let i = 0; i < buf.byteLength; i++) {
    const c = <u32>load<u8>(base + <usize>i);
    if (c == 0x27 && apostrophes < 0xffff) apostrophes++;
    else if (c == 0x22 && doubles < 0xffff) doubles++;
  }
  return apostrophes | (doubles << 16);
}

/** `\w+`, `\d{2}`, `\s*`, `[\w.]`: the backslash at i starts a regex class escape followed by a quantifier or class syntax. */
function regexClass(src: ArrayBuffer, i: i32): bool {
  const d = at(src, i + 1) | 0x20;
  if (d != 0x77 && d != 0x64 && d != 0x73 && d != 0x62) return false; // w d s b (either case)
  const q = at(src, i + 2);
  return q == 0x2b || q == 0x2a || q == 0x3f || q == 0x7b || q == 0x5d || q == 0x29 || q == 0x7c || q == 0x5c || q == 0x24;
}

/** Whether src[from, to) holds a backtick or `$(`. */
function holdsSubstitution(src: ArrayBuffer, from: i32, to: i32): bool {
  for (let k = from; k < to; k++) if (at(src, k) == 0x60 || (at(src, k) == 0x24 && at(src, k + 1) == 0x28)) return true;
  return false;
}
