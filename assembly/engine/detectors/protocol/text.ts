// Small byte helpers for the protocol checks: token lists, ASCII
// comparisons without allocation.
import { lowerByte } from "../../bytes";
import { WordList } from "../../wordlist";

// @ts-ignore: decorator
@inline export function byte(buf: ArrayBuffer, i: i32): u32 {
  return <u32>load<u8>(changetype<usize>(buf) + <usize>i);
}

/** Whether bytes [start, end) equal `word` (lower case ASCII), ignoring case (one copy for every detector: langs/syntax). */
export { wordIs as equalsCI } from "../langs/syntax";

// @ts-ignore: decorator
@inline export function isOws(c: u32): bool {
  return c == 0x20 || c == 0x09;
}

/** Charsets a request may declare: the ones browsers send for forms. */
const CHARSETS = new WordList("utf-8|iso-8859-1|iso-8859-15|windows-1252|us-ascii");

/** Whether [start, end) (quotes allowed around it) names an allowed charset. */
export function isAllowedCharset(buf: ArrayBuffer, start: i32, end: i32): bool {
  while (start < end && isOws(byte(buf, start))) start++;
  while (end > start && isOws(byte(buf, end - 1))) end--;
  if (end - start >= 2) {
    const q = byte(buf, start);
    if ((q == 0x22 || q == 0x27) && byte(buf, end - 1) == q) {
      start++;
      end--;
    }
  }
  return CHARSETS.hasLower(buf, start, end);
}
