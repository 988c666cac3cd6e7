// XPath injection (rule 17005): the parts of XPath's grammar that no form value and no prose
// carries. `' or '1'='1` and `' and count(/*)=1 and '` break out of a string literal the way SQL
// injection does and are caught by sqli; what remains is XPath alone:
// - an axis step: a name and `::` after a `/` (`/child::node()`, `/descendant-or-self::x`), or before
//   `node()` or `text()` (Rust's `super::*`, C++'s `std::` and IPv6's `[::1]` are none of these);
// - a union after a closed literal and predicate (`'] | //*`, `')] | //user/*`);
// - a value that opens as a path or a function call and steps to `node()` or `text()`
//   (`//user[name/text()='a']`, `count(//x/node())`); prose that mentions `text()` opens as prose.
import { isSpaceByte, isWordByte } from "../../bytes";

function at(buf: ArrayBuffer, i: i32): u32 {
  return i >= 0 && i < buf.byteLength ? <u32>load<u8>(changetype<usize>(buf) + <usize>i) : 0;
}

function skipSpaces(buf: ArrayBuffer, i: i32): i32 {
  while (isSpaceByte(at(buf, i))) i++;
  return i;
}

/** End of the name (letters, digits, `_`, `-`) at i. */
function nameEnd(buf: ArrayBuffer, i: i32): i32 {
  while (isWordByte(at(buf, i)) || at(buf, i) == 0x2d) i++;
  return i;
}

/** `node()` or `text()` at i, either case. */
function nodeTest(buf: ArrayBuffer, i: i32): bool {
  if (i + 6 > buf.byteLength) return false;
  const w = load<u32>(changetype<usize>(buf) + <usize>i) | 0x20202020;
  return (w == 0x65646f6e || w == 0x74786574) && at(buf, i + 4) == 0x28 && at(buf, skipSpaces(buf, i + 5)) == 0x29;
}

/** Start of an XPath construct (see above), or -1. */
export function findXPath(buf: ArrayBuffer): i32 {
  const n = buf.byteLength;
  for (let i = 1; i < n; i++) {
    const c = at(buf, i);
    if (c == 0x3a && at(buf, i - 1) == 0x3a) {
      let s = i - 1;
      while (s > 0 && i - s < 21 && (isWordByte(at(buf, s - 1)) || at(buf, s - 1) == 0x2d)) s--;
      if (s < i - 1 && (at(buf, s - 1) == 0x2f || nodeTest(buf, i + 1))) return s;
    } else if (c == 0x7c) {
      let b = i - 1;
      while (isSpaceByte(at(buf, b))) b--;
      const closed = b;
      while (at(buf, b) == 0x5d || at(buf, b) == 0x29) b--;
      const q = at(buf, b);
      const k = skipSpaces(buf, i + 1);
      const d = at(buf, k + 1); // `//`, `/*`, `*`: any node, not a name of the document the value knows
      if (b < closed && (q == 0x27 || q == 0x22) && (at(buf, k) == 0x2a || (at(buf, k) == 0x2f && (d == 0x2f || d == 0x2a)))) return b;
    } else if (c == 0x2f && nodeTest(buf, i + 1)) {
      // the value opens as a path, or as a function call (`count(`, `string-length(`)
      const s = skipSpaces(buf, 0);
      const e = nameEnd(buf, s);
      if (at(buf, s) == 0x2f || (e > s && at(buf, e) == 0x28)) return s;
    }
  }
  return -1;
}
