// No-break spaces as SQL blanks: MySQL (latin1 connections) and the middle layers that convert
// to it read a lone 0xA0 byte as whitespace, so `union%A0select` is `union select` to the
// database; the UTF-8 no-break space (C2 A0) parts words in text the same way. Both are read
// as blanks by the tokenizer and the prefilters, never as letters of a word.
import { byteAt } from "../../bytes";

/** Length of the no-break space at i (1 for a lone 0xA0 after an ASCII byte, 2 for C2 A0), 0 when none. */
export function noBreakSpaceAt(buf: ArrayBuffer, i: i32, end: i32): i32 {
  const c = byteAt(buf, i);
  if (c == 0xa0) return i == 0 || byteAt(buf, i - 1) < 0x80 ? 1 : 0;
  return c == 0xc2 && i + 1 < end && byteAt(buf, i + 1) == 0xa0 ? 2 : 0;
}
