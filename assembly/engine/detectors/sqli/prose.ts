// Prefilter for prose that holds SQL words ("set the time by order of the data"): without a
// literal (no digit, no quote, no TRUE/FALSE/NULL), a parenthesis, a comparison symbol, `;`, `@`,
// a comment or `/`, the grammar's structures need one of a few words (SELECT, UNION, WAITFOR, CASE,
// AS, XOR, INTO OUTFILE, LOAD, PROCEDURE, a SQL-only or attack function, a catalog or procedure
// name), or a SQL word opening the value (`and not`, `is null`, `order by`, `from t limit`).
// Any other value of words, blanks and `, . - :` skips the analysis in one pass.
import { byteAt, lowerByte } from "../../bytes";
import { Kw, keywordOf, hashStep, HASH_SEED } from "./keywords";
import { noBreakSpaceAt } from "./blanks";

// The SQL words below Kw.Object that build nothing in such a value (a whitelist: a new keyword class counts as a trigger).
const SAFE_LOW: u64 =
  (1 << <u64>Kw.None) | (1 << <u64>Kw.Insert) | (1 << <u64>Kw.Update) | (1 << <u64>Kw.Delete) | (1 << <u64>Kw.Drop) |
  (1 << <u64>Kw.Create) | (1 << <u64>Kw.Alter) | (1 << <u64>Kw.Truncate) | (1 << <u64>Kw.Exec) | (1 << <u64>Kw.Declare) |
  (1 << <u64>Kw.Shutdown) | (1 << <u64>Kw.Grant) | (1 << <u64>Kw.Set) | (1 << <u64>Kw.All) | (1 << <u64>Kw.Distinct) |
  (1 << <u64>Kw.And) | (1 << <u64>Kw.Or) | (1 << <u64>Kw.Not) | (1 << <u64>Kw.Like) | (1 << <u64>Kw.Is) | (1 << <u64>Kw.In) |
  (1 << <u64>Kw.Between) | (1 << <u64>Kw.Exists) | (1 << <u64>Kw.Escape) | (1 << <u64>Kw.Collate) | (1 << <u64>Kw.From) |
  (1 << <u64>Kw.Where) | (1 << <u64>Kw.Having) | (1 << <u64>Kw.Group) | (1 << <u64>Kw.Order) | (1 << <u64>Kw.By) |
  (1 << <u64>Kw.Limit) | (1 << <u64>Kw.Offset) | (1 << <u64>Kw.Into) | (1 << <u64>Kw.Values) | (1 << <u64>Kw.Table) |
  (1 << <u64>Kw.Database) | (1 << <u64>Kw.When) | (1 << <u64>Kw.Then) | (1 << <u64>Kw.Else) | (1 << <u64>Kw.End) |
  (1 << <u64>Kw.Delay) | (1 << <u64>Kw.Time) | (1 << <u64>Kw.Top) | (1 << <u64>Kw.Join) | (1 << <u64>Kw.On) |
  (1 << <u64>Kw.Asc) | (1 << <u64>Kw.Desc) | (1 << <u64>Kw.Data) | (1 << <u64>Kw.Dual);

function safeWord(k: Kw): bool {
  if (<u32>k < 64) return ((SAFE_LOW >> <u64>k) & 1) != 0;
  return k == Kw.Object || k == Kw.FuncWeak || k == Kw.SysObject || k == Kw.Article;
}

/** Whether buf is words and blanks, `,` `.` and lone `-` `:` only, opening with a plain word, none of its words a trigger (above). */
export function inertProse(buf: ArrayBuffer): bool {
  const len = buf.byteLength;
  let i = 0;
  let words = 0;
  while (i < len) {
    const c = byteAt(buf, i);
    if (c == 0x20 || c == 0x0a || c == 0x0d || c == 0x09) { i++; continue; }
    if (c >= 0xa0) { const nb = noBreakSpaceAt(buf, i, len); if (nb > 0) { i += nb; continue; } }
    const isWord = (c | 0x20) - 0x61 < 26 || c == 0x5f || c >= 0x80;
    if (!isWord) {
      if (words == 0) return false; // the value opens with a word
      const d = i + 1 < len ? byteAt(buf, i + 1) : 0;
      // `--` opens a comment, `::` casts, `:=` assigns
      if (c == 0x2c || c == 0x2e || (c == 0x2d && d != 0x2d) || (c == 0x3a && d != 0x3a && d != 0x3d)) { i++; continue; }
      return false;
    }
    // a word as the tokenizer reads it (digits and `$` would be part of it: they ended the pass above or end it here)
    let h = HASH_SEED;
    const start = i;
    while (i < len) {
      const d = byteAt(buf, i);
      if (!((d | 0x20) - 0x61 < 26 || d == 0x5f || d >= 0x80)) break;
      if (d >= 0xa0 && noBreakSpaceAt(buf, i, len) > 0) break;
      h = hashStep(h, lowerByte(d));
      i++;
    }
    const k = i - start <= 32 ? keywordOf(h) : Kw.None;
    if (words++ == 0 ? k != Kw.None && k != Kw.Article : !safeWord(k)) return false;
  }
  return true;
}
