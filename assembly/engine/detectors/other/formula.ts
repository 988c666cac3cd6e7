// Spreadsheet formula injection (rule 17006): a value that a spreadsheet reads as a formula once it
// is exported to CSV, because it opens with `=`, `+`, `-` or `@` (after blanks and quotes), and that
// runs something: a DDE link (`cmd|' /C calc'!A0`, `=MSEXCEL|'...'!A1`: a name, `|`, a quoted
// command, `!`), or a call of a function that fetches, links or runs (`=HYPERLINK(`, `=WEBSERVICE(`,
// `=IMPORTXML(`, `=DDE(`). Phone numbers (+1 555), mentions (@ann), negative numbers, `===` rules
// and sums (=SUM(A1:A3)) call none of these.
import { byteAt, isAlpha, isSpaceByte } from "../../bytes";
import { WordList } from "../../wordlist";
import { at } from "../langs/syntax";

const FUNCTIONS = new WordList(
"hyperlink|webservice|importxml|importdata|importhtml|importfeed|importrange|image|dde|call|register|exec|filterxml");

// What a call in a formula follows right before its name: `= + - * / & ( , ; @`, as bits of
// (byte - 0x25) (all lie in 0x25-0x40). In "@ann see the hyperlink(s)" (a mention and prose) a word
// precedes the name, in "- image(s) attached" (a bullet) a blank.
const OPERATORS: u64 = 0x94005ea;

// @ts-ignore: decorator
@inline function inSet(set: u64, c: u32): bool {
  return c - 0x25 < 28 && ((set >> <u64>(c - 0x25)) & 1) != 0;
}

// @ts-ignore: decorator
@inline function opensFormula(c: u32): bool {
  return c == 0x3d || c == 0x2b || c == 0x2d || c == 0x40;
}

/**
 * Start of the formula's DDE link or fetching call, or -1. With `cells` (a CSV or TSV document sent as
 * a body) every cell may open a formula: each is read from after its separator to the next one.
 */
export function findFormula(buf: ArrayBuffer, cells: bool = false): i32 {
  const n = buf.byteLength;
  const f = formulaIn(buf, 0, n);
  if (f >= 0 || !cells) return f;
  for (let i = 0; i < n; i++) {
    if (!isCellEnd(byteAt(buf, i))) continue;
    let e = i + 1;
    while (e < n && !isCellEnd(byteAt(buf, e))) e++;
    const g = formulaIn(buf, i + 1, e);
    if (g >= 0) return g;
    i = e - 1;
  }
  return -1;
}

// @ts-ignore: decorator
@inline function isCellEnd(c: u32): bool {
  return c == 0x2c || c == 0x3b || c == 0x09 || c == 0x0a || c == 0x0d;
}

function formulaIn(buf: ArrayBuffer, from: i32, n: i32): i32 {
  let i = from;
  while (i < n && (isSpaceByte(byteAt(buf, i)) || byteAt(buf, i) == 0x22 || byteAt(buf, i) == 0x27)) i++;
  if (i >= n || !opensFormula(byteAt(buf, i))) return -1;
  for (let k = i + 1; k < n; k++) {
    const c = byteAt(buf, k);
    if (isAlpha(c) && !isAlpha(at(buf, k - 1))) {
      // a call of one of the functions anywhere in the formula
      let e = k;
      while (e < n && isAlpha(at(buf, e))) e++;
      if (at(buf, e) == 0x28 && inSet(OPERATORS, at(buf, k - 1)) && FUNCTIONS.hasLower(buf, k, e)) return k;
      k = e - 1;
    } else if (c == 0x7c && at(buf, k + 1) == 0x27 && isAlpha(at(buf, k - 1))) {
      // a DDE link: `|'` ... `'!`
      let q = k + 2;
      while (q < n && byteAt(buf, q) != 0x27) q++;
      if (at(buf, q + 1) == 0x21) return k;
    }
  }
  return -1;
}
