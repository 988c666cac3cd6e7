// XPath injection (rule 17005): the parts of XPath's grammar that no form value and no prose
// carries. `' or '1'='1` and `' and count(/*)=1 and '` break out of a string literal the way SQL
// injection does and are caught by sqli; what remains is XPath alone:
// - an axis step: one of XPath's axes and `::` after a `/` (`/child::node()`, `/descendant-or-self::x`;
//   Perl's `/pod/Dist::Zilla`, `PATH=/usr/bin::/bin`, Rust's `super::*`, C++'s `std::` and IPv6's `[::1]`
//   name no axis);
// - a union after a closed literal and predicate (`'] | //*`, `')] | //user/*`);
// - a document fetched from a URL (`doc('http://...')`, `fn:unparsed-text(concat('http://', ...))`):
//   XPath 2 and XQuery read any URL the processor can reach, an SSRF.
// A value that is a whole location path (`//user[name/text()='a']`) is left alone: an application that
// takes XPath from its clients gets it as a matter of course.
import { byteAt, isAlpha, isSpaceByte, isWordByte, matchesCI } from "../../bytes";
import { at, skipSpaces } from "../langs/syntax";
import { WordList } from "../../wordlist";

/** XPath 2 / XQuery functions that read a document from a URI. */
const FETCHES = new WordList("doc|doc-available|unparsed-text|unparsed-text-lines|unparsed-text-available|collection|json-doc");

const AXES = new WordList(
  "ancestor|ancestor-or-self|attribute|child|descendant|descendant-or-self|following|following-sibling|namespace|parent|preceding|preceding-sibling|self",
);

/** Start of an XPath construct (see above), or -1. */
export function findXPath(buf: ArrayBuffer): i32 {
  const n = buf.byteLength;
  for (let i = 1; i < n; i++) {
    const c = byteAt(buf, i);
    if (c == 0x3a && at(buf, i - 1) == 0x3a) {
      let s = i - 1;
      while (s > 0 && i - s < 21 && (isWordByte(at(buf, s - 1)) || at(buf, s - 1) == 0x2d)) s--;
      if (s < i - 1 && at(buf, s - 1) == 0x2f && AXES.has(buf, s, i - 1)) return s;
    } else if (c == 0x28) {
      const f = fetchCall(buf, i);
      if (f >= 0) return f;
    } else if (c == 0x7c) {
      let b = i - 1;
      while (isSpaceByte(at(buf, b))) b--;
      const closed = b;
      while (at(buf, b) == 0x5d || at(buf, b) == 0x29) b--;
      const q = at(buf, b);
      const k = skipSpaces(buf, i + 1);
      const d = at(buf, k + 1); // `//`, `/*`, `*`: any node, not a name of the document the value knows
      if (b < closed && (q == 0x27 || q == 0x22) && (at(buf, k) == 0x2a || (at(buf, k) == 0x2f && (d == 0x2f || d == 0x2a)))) return b;
    }
  }
  return -1;
}

/** Start of `doc(` (or another fetch, `fn:` optional) whose `(` is at `paren` and whose first argument is a URL literal, or -1. */
function fetchCall(buf: ArrayBuffer, paren: i32): i32 {
  let s = paren;
  while (s > 0 && paren - s < 24 && (isWordByte(at(buf, s - 1)) || at(buf, s - 1) == 0x2d)) s--;
  if (!FETCHES.has(buf, s, paren)) return -1;
  let start = s;
  if (s >= 3 && at(buf, s - 1) == 0x3a && at(buf, s - 2) == 0x6e && at(buf, s - 3) == 0x66) start = s - 3; // fn:
  if (start > 0 && (isWordByte(at(buf, start - 1)) || at(buf, start - 1) == 0x2e)) return -1; // mydoc(, $x.doc(
  let a = skipSpaces(buf, paren + 1);
  if (matchesCI(buf, a, "concat(")) a = skipSpaces(buf, a + 7);
  const q = at(buf, a);
  if (q != 0x27 && q != 0x22) return -1;
  let k = a + 1;
  while (isAlpha(at(buf, k)) && k - a < 12) k++;
  return k > a + 1 && at(buf, k) == 0x3a && at(buf, k + 1) == 0x2f && at(buf, k + 2) == 0x2f ? start : -1;
}
