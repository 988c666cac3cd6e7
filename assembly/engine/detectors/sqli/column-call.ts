// sum(amount)  count(*)  max(order.total)  year(CreatedAt)  sum(rate(x[5m])) by (code): a complete call
// of a column function over names, numbers and nested calls opens the aggregate and filter expressions
// of analytics, monitoring (PromQL) and OData APIs. It reads no data and runs nothing by itself; an
// injection that starts so still needs the structure after it that other findings read. A dangling
// `MAX(`, an information or conditional call (user(), if(...), a niladic one given arguments aside) or a call closed by `)`, `;` or a
// comment stays a leading call.
import { COLUMN_FUNCTIONS } from "../langs/column-functions";
import { WordList } from "../../wordlist";
import { Kw, isFunctionKw } from "./keywords";
import { Tok, TokenList, F_COMMENT } from "./tokens";
import { source, byteAtSource } from "./source";

function isColumnFunction(t: TokenList, i: i32): bool {
  return COLUMN_FUNCTIONS.hasLower(source(), t.s(i), t.e(i));
}

/** Keywords that are also ordinary column names (order, group, data, time ...), or DISTINCT in count(distinct x). */
function nameLike(k: Kw): bool {
  return k == Kw.None || k == Kw.Order || k == Kw.Group || k == Kw.Data || k == Kw.Time || k == Kw.Table || k == Kw.Top ||
    k == Kw.End || k == Kw.Object || k == Kw.Article || k == Kw.Distinct || k == Kw.Asc || k == Kw.Desc || k == Kw.Limit || k == Kw.Offset;
}

// Functions SQL calls without arguments: with some (OData `User($select=Name)`, `version(2)`) no SQL reads them.
const NILADIC = new WordList("user|database|schema|version|current_user|session_user|system_user|now|localtime");

/** Whether the call at `first` (a word glued to `(`) is a closed column-function call of plain operands. */
export function columnCall(t: TokenList, first: i32): bool {
  if (!isColumnFunction(t, first) && !(t.t(first + 2) != Tok.RParen && NILADIC.hasLower(source(), t.s(first), t.e(first)))) return false;
  let depth = 0;
  for (let j = first + 1; j < t.n; j++) {
    const ty = t.t(j);
    if ((t.f(j) & F_COMMENT) != 0) return false;
    if (ty == Tok.LParen) depth++;
    else if (ty == Tok.RParen) {
      if (--depth == 0) return plainAfter(t, j + 1);
    } else if (ty == Tok.Word) {
      // a nested call must be one of the same kind (or no SQL word): max(user()) reads the session
      const k = t.k(j);
      if (byteAtSource(t.s(j) - 1) == 0x24) continue; // $select=, $filter=: OData options, PromQL-style $vars
      if (pipeStage(t.s(j))) continue; // `| drop __error__`, `| regexp ...`: a LogQL stage; SQL's `|` takes an operand
      // a function's name not called is a column's name: sum(version), year(Date)
      if (t.t(j + 1) == Tok.LParen ? k != Kw.None && !isColumnFunction(t, j) : !nameLike(k) && !isFunctionKw(k)) return false;
    } else if (ty == Tok.Var || (ty == Tok.Semi && byteAtSource(t.e(j)) != 0x24) || ty == Tok.Logic) return false; // `!~` of a PromQL matcher is no SQL; `;$top=5` parts OData options
  }
  return false; // not closed (or past this window of tokens)
}

/** Whether the word at `s` follows one `|` (blanks between): the name of a pipeline stage. */
function pipeStage(s: i32): bool {
  let j = s - 1;
  while (j > 0 && byteAtSource(j) == 0x20) j--;
  return j > 0 && j < s - 1 && byteAtSource(j) == 0x7c && byteAtSource(j - 1) != 0x7c;
}

/** What may follow the call: the end, a list of further items, or words of the caller's language (by, eq, as) that start no SQL clause. */
function plainAfter(t: TokenList, i: i32): bool {
  const ty = t.t(i);
  if (ty == Tok.RParen || ty == Tok.Semi) return false;
  const k = t.k(i);
  return !(ty == Tok.Word && (k == Kw.From || k == Kw.Union || k == Kw.Into || k == Kw.Select || k == Kw.Where));
}
