// `say "hello" (twice)`  `use `count()` here`  `Name eq 'milk'`: the value's first quote of a kind
// opens a quoted span of prose, markdown code or a filter literal: a blank or `( , : =` before it, a
// word after it ($['name'] too), and a closing quote right after a word (or `)` in code) that a blank, punctuation or
// the end follows (a backtick span holds code, not one identifier). A breakout's first quote closes the application's string instead, after the
// string's text, and what follows the value's next quote could not parse as SQL (`x 'or sleep(5)'`
// leaves `sleep(5)''`). The plain reading still sees everything outside the balanced quotes.
import { byteAt, isWordByte } from "../../bytes";
import { closingQuote } from "./tokenizer";

function wordByte(c: u32): bool {
  return isWordByte(c) || c >= 0x80;
}

export function opensQuotedSpan(buf: ArrayBuffer, q: u32): bool {
  const n = buf.byteLength;
  const open = closingQuote(buf, 0, n, q);
  if (open <= 0 || !wordByte(byteAt(buf, open + 1))) return false;
  const b = byteAt(buf, open - 1);
  if (!(b == 0x20 || b == 0x09 || b == 0x0a || b == 0x28 || b == 0x2c || b == 0x3a || b == 0x3d || b == 0x5b)) return false;
  const close = closingQuote(buf, open + 1, n, q);
  if (close < 0) return false;
  const p = byteAt(buf, close - 1);
  if (!(wordByte(p) || p == 0x2e || p == 0x21 || p == 0x3f || (p == 0x29 && q == 0x60))) return false;
  if (q == 0x60 && identifier(buf, open + 1, close)) return false; // `information_schema`: a name the query reads, not code
  if (close + 1 >= n) return true;
  const a = byteAt(buf, close + 1);
  return a == 0x20 || a == 0x09 || a == 0x0a || a == 0x0d || a == 0x2c || a == 0x2e || a == 0x29 || a == 0x3a || a == 0x21 || a == 0x3f || a == 0x5d;
}

function identifier(buf: ArrayBuffer, s: i32, e: i32): bool {
  for (let i = s; i < e; i++) if (!wordByte(byteAt(buf, i))) return false;
  return true;
}
