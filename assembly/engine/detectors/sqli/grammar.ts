// Structures of real injections, looked for in a token sequence. `breakout` says the
// first token is the string the value closed (the value was parsed as if it followed
// a quote in the application's query): what comes right after that string decides
// whether the value escaped into SQL.
import { Kw, isStatementKw, isFunctionKw } from "./keywords";
import { Tok, TokenList, F_HEX, F_SPLIT, F_SYSVAR, F_METHOD, F_LINE_COMMENT, F_CALL, F_COMMENT, F_OPEN } from "./tokens";
import { Finding, Findings } from "./findings";
import { leading, fragmentAt, byteAtSource, sourceLength } from "./fragments";
import {
  operandEnd, comparisonEnd, endsExpression, isCall, isComparison, isLiteral, isSelectList, isStatement,
  selectFrom, skipParens, isIdentifier, strongSelectItem, argumentsAt,
} from "./shapes";

function isLogic(t: TokenList, i: i32): bool {
  if (t.t(i) == Tok.Logic) return true;
  const k = t.k(i);
  return t.t(i) == Tok.Word && (k == Kw.And || k == Kw.Or || k == Kw.Xor);
}

/**
 * Whether the quote that ends the breakout string reads as the opening quote of a string
 * argument in code (`query('SELECT ...`), so what follows is that string's text.
 */
function opensCodeString(t: TokenList): bool {
  let q = t.e(0) - 2;
  while (q > 0 && (byteAtSource(q) == 0x20 || byteAtSource(q) == 0x09)) q--;
  if (q < 0) return false;
  const c = byteAtSource(q);
  return c == 0x28 || c == 0x2c || c == 0x5b || c == 0x3d || c == 0x3a || c == 0x7b;
}

/** A plain word of 3+ letters: `"Union Pacific"` is a name, `'union a` / `'alter/` are probes. */
function longPlainWord(t: TokenList, i: i32): bool {
  return t.t(i) == Tok.Word && t.k(i) == Kw.None && t.e(i) - t.s(i) >= 3;
}

/** Whether a string follows from i on: then the breakout quote may as well open a quoted phrase ("he said 'drop it' and left"). */
function hasString(t: TokenList, i: i32): bool {
  for (let k = i; k < t.n; k++) if (t.t(k) == Tok.Str) return true;
  return false;
}

/** An unclosed string running to the end of a long value: prose after a quote, not an operand. */
export function isLongOpenString(t: TokenList, i: i32): bool {
  return t.t(i) == Tok.Str && (t.f(i) & F_OPEN) != 0 && t.e(i) - t.s(i) > 16;
}

/** What follows a quote breakout (tokens from i on); `escaped`: the value opened with `\'` (see sqli.ts). */
function afterBreakout(t: TokenList, i: i32, out: Findings, escaped: bool): void {
  const b = t.s(0);
  let j = i;
  // \'and  \`or`1  \"1 or 1-: an escaped quote opening the value is deliberate (multi-byte
  // charsets and double unescaping turn it into a bare quote); a boolean operator right after
  // it, or a literal and one, is the bypass itself.
  if (escaped && (isLogic(t, j) || (isLiteral(t, j) && isLogic(t, j + 1)))) {
    out.add(Finding.BreakoutTautology, b, t.e(isLogic(t, j) ? j : j + 1));
    return;
  }
  while (t.t(j) == Tok.RParen) j++;
  // admin'--  admin')#  x';--
  if ((t.f(j - 1) & F_LINE_COMMENT) != 0 && (j == 1 || t.t(j - 1) == Tok.RParen)) {
    out.add(Finding.BreakoutComment, b, t.e(j - 1));
  }
  if (t.t(j) == Tok.Semi) { out.add(Finding.BreakoutClause, b, t.e(j)); return; } // '; ...
  if (t.t(j) == Tok.Comma && literalListToEnd(t, j)) { out.add(Finding.BreakoutClause, b, t.e(t.n - 1)); return; } // ', 2, 1
  shortExpressionThenComment(t, j, out);
  if ((t.is(j, Kw.Union) || (isStatementKw(t.k(j)) && t.t(j) == Tok.Word && t.k(j) != Kw.Set)) &&
    !opensCodeString(t) && (isStatement(t, j) || (!longPlainWord(t, j + 1) && !hasString(t, j + 1)))) {
    out.add(Finding.BreakoutClause, b, t.e(j)); // 'union ...  'alter ...  "select ...
    return;
  }
  const ty = t.t(j);
  if (ty == Tok.None) return;
  if (isLogic(t, j)) {
    let k = j + 1;
    while (t.t(k) == Tok.LParen) k++;
    if (t.is(k, Kw.Not)) k++;
    if (t.is(k, Kw.Select) || t.is(k, Kw.Exists)) { out.add(Finding.BreakoutClause, b, t.e(k)); return; }
    if (isCall(t, k) || (t.t(k + 1) == Tok.LParen && t.t(k) == Tok.Word && t.k(k) != Kw.Article)) { // ' and sleep(  ' or glob (id)
      out.add(Finding.BreakoutClause, b, t.e(k));
      return;
    }
    const c = comparisonEnd(t, k);
    if (c >= 0) { out.add(Finding.BreakoutTautology, b, t.e(c - 1)); return; }
    const o = operandEnd(t, k);
    if (o >= 0 && endsExpression(t, o) && (isLiteral(t, o - 1) || t.t(o - 1) == Tok.RParen || t.t(o - 1) == Tok.Var) &&
      !isLongOpenString(t, o - 1)) {
      out.add(Finding.BreakoutTautology, b, t.e(o - 1)); // ' or 1--  ' or true
      return;
    }
    const after = t.t(o);
    if (o >= 0 && (after == Tok.Not || after == Tok.Op || after == Tok.Comma || after == Tok.Other || after == Tok.Var ||
      t.is(o, Kw.Not) || t.is(o, Kw.Is) || t.is(o, Kw.Like))) {
      out.add(Finding.BreakoutTautology, b, t.e(o)); // ' or abc!  ' or 3,4  x' or array[id] is not null
      return;
    }
    return;
  }
  if (ty == Tok.Cmp) { // '='  ' = 'x
    const o = operandEnd(t, j + 1);
    if ((o >= 0 && endsExpression(t, o)) || (t.t(j + 1) == Tok.None)) out.add(Finding.BreakoutTautology, b, t.e(j));
    else if (o >= 0 && (isLogic(t, o) || t.t(o) == Tok.Op)) out.add(Finding.BreakoutTautology, b, t.e(o - 1));
    return;
  }
  if (ty == Tok.Word) {
    const k = t.k(j);
    if ((k == Kw.Order || k == Kw.Group) && t.is(j + 1, Kw.By)) { out.add(Finding.BreakoutClause, b, t.e(j + 1)); return; }
    if (k == Kw.Having || k == Kw.Where || k == Kw.Procedure) { out.add(Finding.BreakoutClause, b, t.e(j)); return; }
    if (k == Kw.Limit && (t.t(j + 1) == Tok.Num)) { out.add(Finding.BreakoutClause, b, t.e(j + 1)); return; }
    if (k == Kw.Into && (t.is(j + 1, Kw.Outfile) || t.t(j + 1) == Tok.Var)) { out.add(Finding.BreakoutClause, b, t.e(j + 1)); return; }
    if (k == Kw.Like || k == Kw.Is || k == Kw.In || k == Kw.Between || k == Kw.Not || k == Kw.Collate ||
      k == Kw.Escape) {
      out.add(Finding.WeakOperator, b, t.e(j));
      // 'glob 1;  ' like 2--  ' is null#: the comparison is complete and terminated by `;` or a comment
      let o = j + 1;
      if (t.is(o, Kw.Not)) o++;
      const lit = t.t(o) == Tok.Num || (isLiteral(t, o) && (t.f(o) & F_OPEN) == 0);
      if (k != Kw.Not && lit && (t.t(o + 1) == Tok.Semi || (t.f(o) & F_LINE_COMMENT) != 0)) {
        out.add(Finding.BreakoutTautology, b, t.e(o));
      }
    }
    return;
  }
  if (ty == Tok.Op || ty == Tok.Logic) { // '||(select ...)  '+sleep(5)+'
    const k = j + 1;
    // ' * from: the quote ends the first select item and the value carries on with the rest of the select
    if (ty == Tok.Op && t.e(j) == t.s(j) + 1 && byteAtSource(t.s(j)) == 0x2a && t.is(k, Kw.From)) {
      out.add(Finding.BreakoutClause, b, t.e(k));
      return;
    }
    if ((t.t(k) == Tok.LParen && t.is(k + 1, Kw.Select)) || t.is(k, Kw.Select) || isCall(t, k)) {
      out.add(Finding.BreakoutClause, b, t.e(k));
    } else if (t.t(t.n - 1) == Tok.Str && t.n <= 6) {
      out.add(Finding.WeakOperator, b, t.e(j)); // '+'  '||'
    }
  }
}

/** `, lit [, lit ...]` running to the end of the value (or to a truncating comment): the tail of a values or select list. */
function literalListToEnd(t: TokenList, j: i32): bool {
  let k = j;
  let items = 0;
  while (t.t(k) == Tok.Comma) {
    const v = k + 1;
    if (!(t.t(v) == Tok.Num || t.is(v, Kw.Null) || (t.t(v) == Tok.Str && (t.f(v) & F_OPEN) == 0))) return false;
    items++;
    k = v + 1;
    if ((t.f(v) & F_LINE_COMMENT) != 0) return t.t(k) == Tok.None;
  }
  return items > 0 && t.t(k) == Tok.None;
}

/** x'|email--  id'is not-id--  ' mod id--: a few SQL tokens after the breakout, then a truncating comment. */
function shortExpressionThenComment(t: TokenList, j: i32, out: Findings): void {
  const last = t.n - 1;
  if (last < j || last - j > 5 || (t.f(last) & F_LINE_COMMENT) == 0) return;
  let sql = false;
  for (let k = j; k <= last; k++) {
    const ty = t.t(k);
    if (ty == Tok.Word && t.k(k) == Kw.Article) return;
    if (ty == Tok.Op || ty == Tok.Logic || ty == Tok.Cmp || ty == Tok.Not || (ty == Tok.Word && t.k(k) != Kw.None)) sql = true;
  }
  if (sql) out.add(Finding.BreakoutComment, t.s(0), t.e(last));
}

/** Lines, or English function words: a text about SQL rather than one statement on one line. */
function documentLike(t: TokenList): bool {
  for (let i = 0; i < t.n; i++) if (t.t(i) == Tok.Word && t.k(i) == Kw.Article) return true;
  const last = sourceLength() - 1;
  for (let i = 0; i < last; i++) if (byteAtSource(i) == 0x0a) return true;
  return false;
}

/** A WHERE or HAVING clause from i on whose comparison has a literal on its right side. */
function literalCondition(t: TokenList, i: i32): bool {
  for (let j = i; j < t.n; j++) {
    if (!(t.is(j, Kw.Where) || t.is(j, Kw.Having))) continue;
    const c = comparisonEnd(t, j + 1);
    return c > j + 1 && isLiteral(t, c - 1) && (t.f(c - 1) & F_OPEN) == 0;
  }
  return false;
}

/** Whether word token i is spelled `lower` (ASCII, case-insensitive), read in place. */
function wordIs(t: TokenList, i: i32, lower: string): bool {
  const s = t.s(i);
  const n = lower.length;
  if (t.t(i) != Tok.Word || t.e(i) - s != n) return false;
  for (let k = 0; k < n; k++) if ((byteAtSource(s + k) | 0x20) != <u32>lower.charCodeAt(k)) return false;
  return true;
}

/** INSERT|REPLACE [INTO] name [(cols)] VALUES ( | SELECT: a row insert, whichever verb writes it. */
function valuesStatement(t: TokenList, i: i32): bool {
  if (!(t.is(i, Kw.Insert) || wordIs(t, i, "replace"))) return false;
  let j = i + 1;
  if (t.is(j, Kw.Into)) j++;
  if (!isIdentifier(t, j)) return false;
  j++;
  while (t.t(j) == Tok.Dot && isIdentifier(t, j + 1)) j += 2;
  if (t.t(j) == Tok.LParen) j = skipParens(t, j);
  return (t.is(j, Kw.Values) && t.t(j + 1) == Tok.LParen) || t.is(j, Kw.Select);
}

/** Runs every pattern over the token list; `breakout` as above; `atStart` when token 0 (or 1 after a breakout) starts the value. */
export function analyse(t: TokenList, breakout: bool, atStart: bool, out: Findings, escaped: bool = false): void {
  const n = t.n;
  if (breakout) afterBreakout(t, 1, out, escaped);
  const first = breakout ? 1 : 0;
  // /CREATE TABLE x  >SET @v: a statement after a stray symbol or two still opens the value
  let head = first;
  while (head < first + 2 && (t.t(head) == Tok.Op || t.t(head) == Tok.Other || t.t(head) == Tok.Cmp)) head++;
  if (atStart && ((isStatementKw(t.k(head)) && t.t(head) == Tok.Word && t.k(head) != Kw.Select) || valuesStatement(t, head))) {
    const k = t.k(head);
    const first = head;
    if (sourceLength() > 100 && documentLike(t)) {
      // a long text that opens with a statement is documentation or a code sample
    } else if (isStatement(t, first) || valuesStatement(t, first) || ((k == Kw.Drop || k == Kw.Truncate) && isIdentifier(t, first + 1) &&
      (endsExpression(t, first + 2) || (t.f(first) & F_COMMENT) != 0))) {
      out.add(Finding.StatementStart, t.s(first), t.e(first + 1));
    }
  }
  // SELECT * FROM t WHERE a BETWEEN '1' AND '2'  ... HAVING `c` = 8: the whole (short) value is a query
  // with a condition on literals, ready to run (a code sample has placeholders or sits inside code)
  if (atStart && !breakout && t.is(first, Kw.Select) && sourceLength() <= 200 && isStatement(t, first)) {
    const from = selectFrom(t, first + 1);
    if (from >= 0 && literalCondition(t, from + 2)) out.add(Finding.StatementStart, t.s(first), t.e(from + 1));
  }
  if (atStart) leading(t, first, out);
  for (let i = 0; i < n; i++) {
    const ty = t.t(i);
    fragmentAt(t, i, out);
    if (ty == Tok.Word) {
      word(t, i, out);
      continue;
    }
    if (ty == Tok.Semi) {
      let j = i + 1;
      if ((isStatementKw(t.k(j)) && isStatement(t, j)) || valuesStatement(t, j)) out.add(Finding.StackedQuery, t.s(i), t.e(j + 1));
      else if (isStatementKw(t.k(j)) && t.k(j) != Kw.Select && t.k(j) != Kw.Set &&
        (t.t(j + 1) == Tok.None || isIdentifier(t, j + 1) || t.t(j + 1) == Tok.Other)) {
        out.add(Finding.StackedQuery, t.s(i), t.e(j)); // ;drop  ;update users  ;truncate[x
      }
      continue;
    }
    if (ty == Tok.Logic) { logic(t, i, out); continue; }
    if (ty == Tok.LParen) {
      if (t.is(i + 1, Kw.Select) && isSelectList(t, i + 2)) out.add(Finding.Subquery, t.s(i), t.e(i + 1));
      const p = t.t(i - 1);
      if (t.is(i + 1, Kw.Select) && (p == Tok.Cmp || p == Tok.Logic || p == Tok.Op || t.is(i - 1, Kw.In) || t.is(i - 1, Kw.And) ||
        t.is(i - 1, Kw.Or) || t.is(i - 1, Kw.Exists) || ((p == Tok.Comma || p == Tok.Semi || p == Tok.Word) && isStatement(t, i + 1)))) {
        // ... also 1,(select 1 from dual)  ; COPY (SELECT ...: a whole select as a list item or a statement's argument
        out.add(Finding.SubqueryOperand, t.s(i - 1), t.e(i + 1)); // = (SELECT   AND (SELECT   IN (SELECT
      }
      continue;
    }
    if (ty == Tok.Var) {
      if ((t.f(i) & F_SYSVAR) != 0 && t.e(i) - t.s(i) > 3) out.add(Finding.SystemVariable, t.s(i), t.e(i)); // @@version
      continue;
    }
    if (ty == Tok.Num && (t.f(i) & F_HEX) != 0 && t.e(i) - t.s(i) >= 6) {
      out.add(Finding.Encoding, t.s(i), t.e(i));
      continue;
    }
    if (ty == Tok.Op && t.e(i) - t.s(i) == 2 && t.t(i - 1) == Tok.Str && t.t(i + 1) == Tok.Word) {
      out.add(Finding.JsonOperator, t.s(i - 1), t.e(i + 1)); // '...'::jsonb
    }
  }
}

function logic(t: TokenList, i: i32, out: Findings): void {
  // 9999 or true   1) or false--
  const p = t.t(i - 1);
  // 3 and(  1) or(: a boolean operator glued to its parenthesis after a literal (prose spaces it)
  if ((p == Tok.Num || p == Tok.RParen) && t.t(i) == Tok.Word && (t.f(i) & F_CALL) != 0 && (t.f(i) & F_METHOD) == 0) {
    out.add(Finding.LeadingLogic, t.s(i - 1), t.e(i) + 1);
  }
  if ((p == Tok.Num || p == Tok.Str || p == Tok.RParen) && (t.is(i + 1, Kw.True) || t.is(i + 1, Kw.False)) && endsExpression(t, i + 2)) {
    out.add(Finding.LiteralTautology, t.s(i - 1), t.e(i + 1));
  }
  let k = i + 1;
  while (t.t(k) == Tok.LParen) k++;
  if (t.is(k, Kw.Not) || t.t(k) == Tok.Not) k++;
  const c = comparisonEnd(t, k);
  if (c >= 0 && isLiteral(t, k) && (isLiteral(t, c - 1) || t.t(c - 1) == Tok.None)) {
    out.add(Finding.LiteralTautology, t.s(i), t.e(c - 1));
  }
  // AND 1=CONVERT(int,@@version)  OR 2>LENGTH(x): a literal compared with a SQL function's result (error/boolean based)
  if (c >= 0 && isLiteral(t, k) && t.t(k + 1) == Tok.Cmp && isCall(t, k + 2) && isFunctionKw(t.k(k + 2))) {
    out.add(Finding.LiteralTautology, t.s(i), t.e(k + 2));
  }
  // AND ORD(MID(VERSION(),1,1))>51: a SQL function's result compared with a literal
  if (isCall(t, k) && isFunctionKw(t.k(k))) {
    const a = skipParens(t, k + 1);
    if (t.t(a) == Tok.Cmp && isLiteral(t, a + 1) && (t.f(a + 1) & F_OPEN) == 0) out.add(Finding.LiteralTautology, t.s(i), t.e(a + 1));
  }
  // OR 3*2=6  AND 2-1=1: arithmetic on literals compared with a literal
  const l = arithmeticEnd(t, k);
  if (l > k + 1 && t.t(l) == Tok.Cmp && isLiteral(t, l + 1) && endsExpression(t, arithmeticEnd(t, l + 1))) {
    out.add(Finding.LiteralTautology, t.s(i), t.e(l + 1));
  }
}

/** Index after `lit (op lit)*` from i (numbers joined by + - * / %), i when it does not start with a number. */
function arithmeticEnd(t: TokenList, i: i32): i32 {
  if (t.t(i) != Tok.Num) return i;
  let j = i + 1;
  while (t.t(j) == Tok.Op && t.e(j) == t.s(j) + 1 && t.t(j + 1) == Tok.Num && j - i < 16) j += 2;
  return j;
}

function word(t: TokenList, i: i32, out: Findings): void {
  const k = t.k(i);
  const f = t.f(i);
  if ((f & F_SPLIT) != 0 && k != Kw.None && k != Kw.Article) out.add(Finding.CommentEvasion, t.s(i), t.e(i));
  switch (k) {
    case Kw.None: return;
    case Kw.And: case Kw.Or: case Kw.Xor: logic(t, i, out); return;
    case Kw.Union: {
      let j = i + 1;
      if (t.is(j, Kw.All) || t.is(j, Kw.Distinct)) j++;
      while (t.t(j) == Tok.LParen) j++;
      if (t.is(j, Kw.Select) || (t.is(j, Kw.Values) && t.t(j + 1) == Tok.LParen)) out.add(Finding.UnionSelect, t.s(i), t.e(j));
      return;
    }
    case Kw.Select: {
      if (t.k(i + 1) == Kw.FuncDanger) out.add(Finding.DangerCall, t.s(i), t.e(i + 1));
      // SELECT/**/1,2  SeLect*/ 1,user(: a comment standing in for the space after SELECT, then a select list
      if ((f & F_COMMENT) != 0 && (f & F_LINE_COMMENT) == 0 && strongSelectItem(t, i + 1) && isSelectList(t, i + 1)) {
        out.add(Finding.CommentEvasion, t.s(i), t.e(i + 1));
      }
      const from = selectFrom(t, i + 1);
      if (from >= 0 && isSelectList(t, i + 1)) out.add(Finding.SelectFrom, t.s(i), t.e(from + 1));
      else if (t.t(i + 1) == Tok.Var || (isCall(t, i + 1) && t.k(i + 1) != Kw.None) ||
        (t.t(i + 1) == Tok.Num && (t.f(i + 1) & F_HEX) != 0)) out.add(Finding.SelectFrom, t.s(i), t.e(i + 1)); // select 0x61
      return;
    }
    case Kw.FuncDanger:
      if ((isCall(t, i) || (t.t(i + 1) == Tok.LParen && argumentsAt(t, i + 1))) && (f & F_METHOD) == 0) out.add(Finding.DangerCall, t.s(i), t.e(i) + 1);
      return;
    case Kw.FuncSql:
      if (isCall(t, i)) out.add(Finding.SqlCall, t.s(i), t.e(i) + 1);
      return;
    case Kw.FuncWeak: case Kw.Database:
      // user() version() database(): a call without arguments of a SQL information function
      if (isCall(t, i) && t.t(i + 1) == Tok.LParen && t.t(i + 2) == Tok.RParen && k == Kw.Database) out.add(Finding.SqlCall, t.s(i), t.e(i) + 2);
      if (isCall(t, i) && t.t(i + 1) == Tok.LParen && t.t(i + 2) == Tok.Word && t.k(i + 2) == Kw.Select) out.add(Finding.Subquery, t.s(i), t.e(i + 2));
      if (t.s(i) + 2 == t.e(i) && isCall(t, i)) ifProbe(t, i, out); // if(
      return;
    case Kw.SysTable:
      out.add(Finding.SystemCatalog, t.s(i), t.e(i));
      return;
    case Kw.SysSchema: {
      // mysql.user  master..sysdatabases  sys.objects (but not mysql.createConnection)
      if (t.t(i + 1) != Tok.Dot) return;
      const k2 = t.k(i + 2);
      if (t.t(i + 2) == Tok.Dot || ((k2 == Kw.SysObject || k2 == Kw.SysTable || k2 == Kw.SysSchema || k2 == Kw.FuncWeak) &&
        (t.f(i + 2) & F_CALL) == 0)) {
        out.add(Finding.SystemCatalog, t.s(i), t.e(i + 2));
      }
      return;
    }
    case Kw.SysProc:
      out.add(Finding.SystemProcedure, t.s(i), t.e(i));
      return;
    case Kw.SqlOnlyName:
      if (isCall(t, i)) out.add(Finding.SqlCall, t.s(i), t.e(i) + 1);
      return;
    case Kw.Waitfor:
      if (t.is(i + 1, Kw.Delay) || t.is(i + 1, Kw.Time)) out.add(Finding.BlindProbe, t.s(i), t.e(i + 1));
      return;
    case Kw.Case: {
      if (!t.is(i + 1, Kw.When)) return;
      const c = comparisonEnd(t, i + 2);
      if (c >= 0 && t.is(c, Kw.Then)) out.add(Finding.BlindProbe, t.s(i), t.e(c));
      return;
    }
    case Kw.Into:
      if (t.is(i + 1, Kw.Outfile)) out.add(Finding.FileAccess, t.s(i), t.e(i + 1));
      return;
    case Kw.Load:
      if (t.is(i + 1, Kw.Data) && (t.is(i + 2, Kw.Infile) || t.is(i + 3, Kw.Infile))) out.add(Finding.FileAccess, t.s(i), t.e(i + 2));
      return;
    case Kw.Order: case Kw.Group: {
      if (!t.is(i + 1, Kw.By)) return;
      const j = i + 2;
      if (t.t(j) == Tok.Num && endsExpressionOrComma(t, j + 1)) out.add(Finding.OrderByProbe, t.s(i), t.e(j));
      else if (isCall(t, j) && t.k(j) != Kw.None) out.add(Finding.OrderByProbe, t.s(i), t.e(j));
      return;
    }
    case Kw.Having: {
      const c = comparisonEnd(t, i + 1);
      if (c >= 0 && isLiteral(t, i + 1)) out.add(Finding.OrderByProbe, t.s(i), t.e(c - 1));
      if (c >= 0 && isCall(t, i + 1)) out.add(Finding.AliasFrom, t.s(i), t.e(c - 1)); // HAVING COUNT(x) > 5
      return;
    }
    case Kw.Procedure:
      if (t.is(i + 1, Kw.Analyse)) out.add(Finding.BlindProbe, t.s(i), t.e(i + 1));
      return;
    default:
      return;
  }
}

function endsExpressionOrComma(t: TokenList, i: i32): bool {
  return t.t(i) == Tok.Comma || endsExpression(t, i);
}

/** if(cond, a, b) with a comparison in the condition: a boolean/time-based blind probe. */
function ifProbe(t: TokenList, i: i32, out: Findings): void {
  const end = skipParens(t, i + 1);
  let cmp = false;
  let comma = 0;
  for (let j = i + 2; j < end; j++) {
    if (isComparison(t, j)) cmp = true;
    if (t.t(j) == Tok.Comma) comma++;
  }
  if (cmp && comma >= 2) out.add(Finding.BlindProbe, t.s(i), t.e(end - 1));
}
