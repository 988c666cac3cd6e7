// Breakout of a JSON string: applications and databases build JSON documents out of request
// values (JSON columns, document stores, JSON_OBJECT, string-built bodies to a back end). A
// value that opens by closing the string it is spliced into and goes on with JSON structure
// rewrites the document: `":60` supplies a value for the key it closed, `", "role": "admin`
// adds a member. Text never opens with a closing quote followed by `:` or by `, "name":`.
import { byteAt, isDigit, needleCode, needleLength } from "../../bytes";
import { skipSpaces } from "../langs/syntax";

/** Whether a JSON value starts at i: a number, a string, an array, an object, true/false/null. */
function valueStart(buf: ArrayBuffer, i: i32): bool {
  if (i >= buf.byteLength) return false;
  const c = byteAt(buf, i);
  if (isDigit(c) || c == 0x22 || c == 0x5b || c == 0x7b) return true;
  if (c == 0x2d) return i + 1 < buf.byteLength && isDigit(byteAt(buf, i + 1));
  return word(buf, i, "true") || word(buf, i, "false") || word(buf, i, "null");
}

/** Whether `w` (a needle: bytes.ts) is at `i`, case-sensitively. */
function word<Needle>(buf: ArrayBuffer, i: i32, w: Needle, n: i32 = 0): bool {
  n = needleLength(w, n);
  if (i + n > buf.byteLength) return false;
  for (let k = 0; k < n; k++) if (byteAt(buf, i + k) != needleCode(w, k)) return false;
  return true;
}

/**
 * End of the JSON breakout the value opens with (`"` [blanks] `:` value start, or `"` [blanks] `,`
 * [blanks] `"name"` [blanks] `:`), or -1 when it does not open with one.
 */
export function jsonBreakout(buf: ArrayBuffer): i32 {
  const len = buf.byteLength;
  if (len < 3 || byteAt(buf, 0) != 0x22) return -1;
  let i = skipSpaces(buf, 1);
  if (i >= len) return -1;
  const c = byteAt(buf, i);
  if (c == 0x3a) {
    const v = skipSpaces(buf, i + 1);
    return valueStart(buf, v) ? v + 1 : -1;
  }
  if (c != 0x2c) return -1;
  i = skipSpaces(buf, i + 1);
  if (i >= len || byteAt(buf, i) != 0x22) return -1;
  // the member name: a short run of name bytes up to its closing quote
  let j = i + 1;
  while (j < len && j - i <= 64) {
    const d = byteAt(buf, j);
    if (d == 0x22 || d == 0x5c || d < 0x20) break;
    j++;
  }
  if (j >= len || byteAt(buf, j) != 0x22 || j == i + 1) return -1;
  const colon = skipSpaces(buf, j + 1);
  return colon < len && byteAt(buf, colon) == 0x3a ? colon + 1 : -1;
}
