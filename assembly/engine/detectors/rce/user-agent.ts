// A User-Agent is product tokens and comments (RFC 9110 10.1.5): `Mozilla/5.0 (X11; Linux x86_64)
// Gecko/20100101 Firefox/124.0`, `curl/8.5.0`. Those name the client, and their `;` and `(` are no
// shell's: the command scanner leaves them alone. Where that grammar stops (`curl/8.5.0 | nc ...`,
// `Mozilla/5.0 ... $(id)`), the rest is text the client added, and the scanner reads it.
import { byteClass, DOT, UNDERSCORE, PLUS, DASH, SLASH, DIGIT, PAREN, QUOTE, BACKSLASH, DOLLAR, PIPE, AMP, LT, GT, BRACE, CONTROL, HIGH, LINE_BREAK } from "../../census";

/**
 * Where the products-and-comments grammar of `v` stops: the start of the first item that is neither
 * (the length when none); -1 when `v` does not start as `name/version` (a letter, token bytes, `/`, a digit).
 */
export function userAgentEnd(v: ArrayBuffer): i32 {
  const n = v.byteLength;
  const base = changetype<usize>(v);
  if (n < 3 || byteClass(load<u8>(base)) != 0) return -1;
  let i = 1;
  let c: u32 = 0;
  while (i < n && (byteClass(c = load<u8>(base + <usize>i)) & ~(DIGIT | DASH | DOT | UNDERSCORE)) == 0) i++;
  if (c != 0x2f || i + 1 >= n || byteClass(load<u8>(base + <usize>(i + 1))) != DIGIT) return -1;
  i = 0;
  while (i < n) {
    c = <u32>load<u8>(base + <usize>i);
    if (c == 0x20) {
      i++;
      continue;
    }
    const start = i;
    if (c == 0x28) {
      while (++i < n && isCommentByte(c = load<u8>(base + <usize>i)));
      if (i >= n || c != 0x29) return start;
      i++;
    } else {
      // a product starts with a letter or digit (`/bin/sh`, `-c` are none)
      if (byteClass(c) & ~DIGIT) return start;
      while (++i < n && isProductByte(load<u8>(base + <usize>i)));
    }
    if (i < n && (c = load<u8>(base + <usize>i)) != 0x20 && c != 0x28) return start;
  }
  return n;
}

/** `Mozilla/5.0`, `kube-probe/1.29`: letters, digits, `.` `_` `+` `-` `/`. */
function isProductByte(c: u32): bool {
  return (byteClass(c) & ~(DOT | UNDERSCORE | PLUS | DASH | SLASH | DIGIT)) == 0;
}

/** Printable, but for parentheses, quotes, `\` and the shell's own punctuation (`` ` `` `$` `|` `&` `<` `>` `{` `}`). */
function isCommentByte(c: u32): bool {
  return (byteClass(c) & (PAREN | QUOTE | BACKSLASH | DOLLAR | PIPE | AMP | LT | GT | BRACE | CONTROL | HIGH | LINE_BREAK)) == 0;
}
