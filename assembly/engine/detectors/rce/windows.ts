// Windows cmd.exe control flow: `for [/d|/r|/l|/f ...] %x in (...) do ...` and
// `if [/i] [not] exist|defined|errorlevel ...` or `if a == b ...`, the shapes an
// injected batch one-liner takes. Works on the lower-cased, normalised value.
import { isWordByte, isSpaceByte, matchesCI, needleLength } from "../../bytes";
import { nextByte } from "./next-byte";
import { at, skipSpaces } from "../langs/syntax";


/** Whether `word` (a needle: bytes.ts) starts at `i` and is followed by a non-word byte. */
function wordAt<Needle>(buf: ArrayBuffer, i: i32, word: Needle, n: i32 = 0): bool {
  n = needleLength(word, n);
  return matchesCI(buf, i, word, n) && !isWordByte(at(buf, i + n));
}

/** Whether position `i` starts a command: value start or after `&`, `|`, `;`, `(`, newline (spaces allowed). */
function atCommandStart(buf: ArrayBuffer, i: i32): bool {
  let k = i - 1;
  while (k >= 0 && isSpaceByte(at(buf, k)) && at(buf, k) != 0x0a) k--; // (a line break is a separator)
  if (k < 0) return true;
  const c = at(buf, k);
  return c == 0x26 || c == 0x7c || c == 0x3b || c == 0x28 || c == 0x0a;
}

/** Start of a matched `for ... in (...) do` loop, or -1. */
export function findWindowsFor(buf: ArrayBuffer): i32 {
  const n = buf.byteLength;
  for (let i = 0; i + 3 < n; i++) {
    if ((at(buf, i) | 0x20) != 0x66 || !wordAt(buf, i, "for") || (i > 0 && isWordByte(at(buf, i - 1))) || !atCommandStart(buf, i)) continue;
    // the loop variable: %x or %%x, after optional switches and options
    let k = i + 3;
    const limit = min(n, i + 160);
    while (k < limit && at(buf, k) != 0x25) k++;
    if (k >= limit) continue;
    while (k < limit && at(buf, k) == 0x25) k++;
    while (k < limit && !isSpaceByte(at(buf, k))) k++;
    k = skipSpaces(buf, k);
    if (!wordAt(buf, k, "in")) continue;
    k = skipSpaces(buf, k + 2);
    if (at(buf, k) != 0x28) continue;
    let depth = 0;
    while (k < n && k < i + 400) { // the set, with nested parentheses
      const c = at(buf, k);
      if (c == 0x28) depth++;
      else if (c == 0x29 && --depth == 0) break;
      k++;
    }
    k = skipSpaces(buf, k + 1);
    if (wordAt(buf, k, "do")) return i;
  }
  return -1;
}

/** Start of a matched batch `if` statement, or -1. */
export function findWindowsIf(buf: ArrayBuffer): i32 {
  const n = buf.byteLength;
  const base = changetype<usize>(buf);
  for (let f = 1; f + 2 < n; f++) {
    f = nextByte(buf, f, 0x66, true); // the `f` (or `F`): rarer in text than the `i`
    if (f + 2 >= n) break;
    const i = f - 1;
    // `if` in either case, both bytes in one load (little-endian: `i` low, `f` high)
    if ((load<u16>(base + <usize>i) | 0x2020) != 0x6669 || (i > 0 && isWordByte(at(buf, i - 1))) || !(isSpaceByte(at(buf, i + 2)) || at(buf, i + 2) == 0x2f) || !atCommandStart(buf, i)) continue;
    let k = skipSpaces(buf, i + 2);
    let batchy = false; // `/i`, `not` or a `%` parameter: the condition is batch syntax, not a note like `if foo==`
    if (at(buf, k) == 0x2f && (at(buf, k + 1) | 0x20) == 0x69) {
      k = skipSpaces(buf, k + 2); // /i
      batchy = true;
    }
    if (wordAt(buf, k, "not")) {
      k = skipSpaces(buf, k + 3);
      batchy = true;
    }
    const kw = wordAt(buf, k, "exist") ? 5 : wordAt(buf, k, "defined") ? 7 : wordAt(buf, k, "errorlevel") ? 10 : wordAt(buf, k, "cmdextversion") ? 13 : 0;
    if (kw > 0) {
      if (at(buf, k + kw) == 0x2c || at(buf, k + kw) == 0x2e) continue; // "if not defined, ..." is prose
      const j = skipSpaces(buf, k + kw);
      if (j < n && j > k + kw) return i; // a name follows
      continue;
    }
    // a comparison: `==` outside parentheses (JS puts it inside `if (...)`), or a batch operator word
    let depth = 0;
    const limit = min(n, i + 120);
    for (let j = k; j < limit; j++) {
      const c = at(buf, j);
      if (c == 0x28) depth++;
      else if (c == 0x29) depth--;
      else if (c == 0x25) batchy = true;
      else if (c == 0x3d && at(buf, j + 1) == 0x3d && depth == 0) {
        if (batchy || commandAfterOperand(buf, j + 2)) return i;
        break;
      } else if (c == 0x0a || c == 0x3b) break;
      else if (isSpaceByte(c) && isOperatorInitial(at(buf, j + 1)) && (wordAt(buf, j + 1, "equ") || wordAt(buf, j + 1, "neq") || wordAt(buf, j + 1, "lss") ||
        wordAt(buf, j + 1, "leq") || wordAt(buf, j + 1, "gtr") || wordAt(buf, j + 1, "geq"))) {
        if (batchy || commandAfterOperand(buf, j + 4)) return i;
        break;
      }
    }
  }
  return -1;
}

/** Whether `c` can start a batch comparison word (equ neq lss leq gtr geq). */
// @ts-ignore: decorator
@inline function isOperatorInitial(c: u32): bool {
  const l = c | 0x20;
  return l == 0x65 || l == 0x6e || l == 0x6c || l == 0x67;
}

/**
 * Whether a comparison's right operand starts at `k` (after spaces) and a command follows it:
 * `if a==b echo x`. A batch `if` always runs something; `if foo==` in a note or a
 * base64-ish value ends with the operator and compares nothing.
 */
function commandAfterOperand(buf: ArrayBuffer, k: i32): bool {
  const n = buf.byteLength;
  while (k < n && at(buf, k) == 0x3d) k++;
  k = skipSpaces(buf, k);
  const start = k;
  let quoted = false;
  while (k < n && (quoted || !isSpaceByte(at(buf, k))) && k < start + 200) {
    if (at(buf, k) == 0x22) quoted = !quoted;
    k++;
  }
  if (k == start) return false;
  k = skipSpaces(buf, k);
  const c = at(buf, k);
  return k < n && (isWordByte(c) || c == 0x40 || c == 0x28 || c == 0x25 || c == 0x22 || c == 0x5c || c == 0x2e);
}

/** Start of a `%name%` environment variable that Windows payloads use (%COMSPEC%, %SYSTEMROOT% ...), or -1. */
export function findWindowsVariable(buf: ArrayBuffer): i32 {
  const n = buf.byteLength;
  for (let i = 0; i + 4 < n; i++) {
    if (at(buf, i) != 0x25) continue;
    const k = i + 1;
    if (wordAt(buf, k, "comspec") || wordAt(buf, k, "systemroot") || wordAt(buf, k, "windir") || wordAt(buf, k, "programfiles") ||
      wordAt(buf, k, "userprofile") || wordAt(buf, k, "appdata") || wordAt(buf, k, "systemdrive") || wordAt(buf, k, "errorlevel") || wordAt(buf, k, "computername")) {
      let e = k;
      while (e < n && isWordByte(at(buf, e))) e++;
      if (at(buf, e) == 0x25) return i;
    }
  }
  return -1;
}
