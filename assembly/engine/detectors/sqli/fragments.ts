// Injections often arrive as fragments: the attacker's value is spliced into the middle of a
// query, so it starts with an operator, a function call or the tail of a select list and
// never forms a whole statement. These patterns recognise such fragments by where they sit
// in the value (at its start, or as its whole), which prose and ordinary values do not share.
import { WordList } from "../../wordlist";
import { equalBytes, isWordByte } from "../../bytes";
import { Kw, isFunctionKw, keywordOf, hashStep, HASH_SEED } from "./keywords";
import { Tok, TokenList, F_COMMENT, F_METHOD, F_CALL, F_OPEN, F_LINE_COMMENT } from "./tokens";
import { Finding, Findings } from "./findings";
import { source, sourceLength, byteAtSource, sqlStyle } from "./source";
export { setSource, sourceLength, byteAtSource } from "./source";
import { columnCall } from "./column-call";
import { isLogic } from "./breakout";
import { operandEnd, isComparison, isLiteral, isCall, comparisonEnd, argumentsAt, skipParens, strongSelectItem, clauseTail, endsExpression, schemaRead } from "./shapes";

// Type names a PostgreSQL `::` cast targets (C++/Rust `a::b` paths name other things).
const PG_TYPES = new WordList(
"int|int2|int4|int8|integer|bigint|smallint|text|varchar|char|json|jsonb|numeric|decimal|real|double|float|bool|\
boolean|bytea|date|timestamp|regclass|oid|xml|name|uuid|inet");

/**
 * day&'(  length&&!!!$(  left')?$(: a function name, then only symbols (quotes and spaces
 * included) up to a `(` a few bytes on: the call with junk to slip past filters. A `[` among them
 * indexes the name or opens a regex class (`count\.[^"]+(?:a|b)`): no call.
 */
function callAfterSymbols(t: TokenList, i: i32): bool {
  const p = t.e(i);
  const len = sourceLength();
  let q = p;
  let symbols = 0;
  while (q < p + 8 && q < len) {
    const c = byteAtSource(q);
    if (c == 0x5b || loneColon(q)) return false;
    if (c == 0x28 || isWordByte(c) || c >= 0x80) break;
    if (c != 0x20) symbols++;
    q++;
  }
  return symbols > 0 && byteAtSource(q) == 0x28;
}

/** A `:` that is neither `::` (cast) nor `:=` (assignment), nor follows a `:`. */
function loneColon(i: i32): bool {
  const n = byteAtSource(i + 1);
  return byteAtSource(i) == 0x3a && n != 0x3a && n != 0x3d && byteAtSource(i - 1) != 0x3a;
}

/** The words of a string literal's text hashed as one word ('msdasql' -> msdasql), Kw.None when it is not one word. */
function quotedWord(t: TokenList, i: i32): Kw {
  const s = t.s(i) + 1;
  const e = t.e(i) - 1;
  if (e - s < 2 || e - s > 32) return Kw.None;
  let h = HASH_SEED;
  for (let j = s; j < e; j++) {
    const c = byteAtSource(j);
    if (!isWordByte(c)) return Kw.None;
    h = hashStep(h, c | 0x20);
  }
  return keywordOf(h);
}

/**
 * `user_name (final).pdf`, `version (2).docx`: words in parentheses, then a glued `.ext` that ends the value, a file
 * name (no call ends so). Anything else inside (a call, a comma, an operator) keeps it a call.
 */
function extensionAfter(t: TokenList, i: i32): bool {
  const j = skipParens(t, i);
  if (t.t(i) != Tok.LParen || j + 2 != t.n || t.t(j) != Tok.Dot || t.t(j + 1) != Tok.Word || t.s(j) != t.e(j - 1) ||
    t.s(j + 1) != t.e(j) || t.e(j + 1) != sourceLength()) return false;
  for (let k = i + 1; k < j - 1; k++) if ((t.t(k) != Tok.Word && t.t(k) != Tok.Num) || t.k(k) != Kw.None) return false;
  return true;
}

/** Whether a VALUES row that closed before i ends the statement or is followed by another row. */
function rowEnds(t: TokenList, i: i32): bool {
  const ty = t.t(i);
  return ty == Tok.None || ty == Tok.Semi || ty == Tok.Comma || ty == Tok.RParen || (t.f(i - 1) & F_COMMENT) != 0;
}

/** Patterns on the first token(s) of the value (index `first`); `bound`: it opens a statement with placeholders (grammar.ts). */
export function leading(t: TokenList, first: i32, out: Findings, bound: bool): void {
  // , FIND_IN_SET('22', x)  , concat(: the value continues a select list or argument list with a SQL call
  if (t.t(first) == Tok.Comma && t.t(first + 1) == Tok.Word && isFunctionKw(t.k(first + 1)) && isCall(t, first + 1) &&
    t.t(first + 2) == Tok.LParen && t.t(first + 3) != Tok.RParen) {
    out.add(Finding.LeadingCall, t.s(first), t.e(first + 2));
  }
  const ty = t.t(first);
  const k = t.k(first);
  if (ty == Tok.None) return;
  // @x:=1  @a:=(SELECT ...)  col<=>1  t.a <=> 'x': the whole value one SQL-only operation, a user variable assigned with MySQL's
  // `:=` (Go's `x := 1` names no @variable) or a column tested against a literal with its NULL-safe `<=>` (a spaceship in code
  // compares two names)
  let o = first + 1;
  while (t.t(o) == Tok.Dot) o += 2; // (t.a: ends at the list end, where t.t is None)
  if ((ty == Tok.Var || ty == Tok.Word) && t.t(o) == Tok.Cmp) {
    const e = operandEnd(t, o + 1);
    const at = t.s(o);
    if (e > o + 1 && endsExpression(t, e) && (ty == Tok.Var ? byteAtSource(at) == 0x3a : t.e(o) - at == 3 && byteAtSource(at + 1) == 0x3d && isLiteral(t, o + 1))) {
      out.add(Finding.BareOperator, t.s(first), t.e(e - 1));
    }
  }
  // a plain word opens most values (names, prose): of the patterns below only the trailing `LIKE '` applies to it
  if (ty == Tok.Word && (k == Kw.None || k == Kw.Article)) {
    // name DESC LIMIT 1  id LIMIT 1,1  a.id LIMIT 1 OFFSET 1: a sort column, then two parts of a clause tail
    let j = first + 1;
    while (t.t(j) == Tok.Dot && t.t(j + 1) == Tok.Word) j += 2;
    const tail = k == Kw.None ? clauseTail(t, j, true) : -1;
    // (LIMIT n alone is enough after a column no prose writes, dotted, backticked or with a `_`, when the value cuts
    // it off with a short comment, or as SQL is written, a column in small letters and LIMIT in capitals: `u.id LIMIT 1`,
    // `created_at LIMIT 1`, `price LIMIT 1-- -`, `price LIMIT 1`; not `speed limit 50`, `Speed Limit 50`)
    const one = tail == 1 && t.k(j) == Kw.Limit;
    if (tail >= 2 || (one && (sqlName(t, first) || cutShort(t, t.n - 1) ||
      sqlStyle(t.s(j), t.e(j), t.s(first), t.e(first))))) {
      out.add(Finding.BreakoutClause, t.s(first), t.e(j));
    } else if (one) out.sortLimit = true;
    likeOpensString(t, out);
    return;
  }
  // 1 ORDER BY 3--  1 GROUP BY 1,2  1 LIMIT 1,1  1 ORDER BY name DESC: the number closes the application's numeric literal and a clause follows
  // (a sign glued to the number is part of it: -1 LIMIT 1 INTO @v)
  // (ORDER BY 1 LIMIT 1 OFFSET 1  GROUP BY 2 DESC LIMIT 1: a clause tail opening the value, with two parts only SQL writes)
  const signed = ty == Tok.Op && t.t(first + 1) == Tok.Num && t.s(first + 1) == t.e(first) && t.e(first) == t.s(first) + 1;
  const order = k == Kw.Order || k == Kw.Group;
  if (ty == Tok.Num || signed || order) {
    let c = order ? first : signed ? first + 2 : first + 1;
    while (t.t(c) == Tok.RParen && c - first < 4) c++; // 1)) ORDER BY 3: a parenthesised numeric context
    // 1;SHOW TABLES  1);DESC users--  1;USE mysql: the schema listed or the database picked, stacked on the number
    if (t.t(c) == Tok.Semi && schemaRead(t, c + 1)) out.add(Finding.StackedQuery, t.s(c), t.e(c + 1));
    // 1 OR 1 LIMIT 1  1 AND 2=2 ORDER BY 3: a condition on literals between the number and the clause
    if (isLogic(t, c) && isLiteral(t, c + 1)) c += t.t(c + 2) == Tok.Cmp && isLiteral(t, c + 3) ? 4 : 2;
    if (clauseTail(t, c, false) > <i32>order) out.add(Finding.BreakoutClause, t.s(first), t.e(c + 1));
  }
  // 1;--  1);#: the number ends the statement and a comment swallows the rest of the application's query
  if (ty == Tok.Num && t.n == first + 2 && t.t(first + 1) == Tok.Semi && (t.f(first + 1) & F_LINE_COMMENT) != 0) {
    out.add(Finding.BreakoutComment, t.s(first), t.e(first + 1));
  }
  // (select 1)  (SELECT @@version): the whole subquery opens the value
  if (ty == Tok.LParen && t.is(first + 1, Kw.Select) && strongSelectItem(t, first + 2) && t.k(first + 2) != Kw.Null) {
    const e = operandEnd(t, first + 2);
    if (e > 0 && (t.t(e) == Tok.RParen || t.t(e) == Tok.Comma || t.is(e, Kw.From))) out.add(Finding.SubqueryOperand, t.s(first), t.e(first + 1));
  }
  // 'msdasql'  "xp_cmdshell": the whole value is the quoted name of an attack-only routine or provider
  if (ty == Tok.Str && t.n == first + 1 && (t.f(first) & F_OPEN) == 0) {
    const q = quotedWord(t, first);
    if (q == Kw.SysProc || q == Kw.SqlOnlyName) out.add(Finding.LeadingCall, t.s(first), t.e(first));
  }
  // VALUES ('a', 'b'): a row of literals for an INSERT the application started
  if (k == Kw.Values && ty == Tok.Word && t.t(first + 1) == Tok.LParen && isLiteral(t, first + 2) && t.t(first + 3) == Tok.Comma &&
    isLiteral(t, first + 4) && rowEnds(t, skipParens(t, first + 1))) {
    out.add(Finding.LeadingCall, t.s(first), t.e(first + 4));
  }
  // concat(  rand (  if(2=
  // (ordinary words like left/count/if only when the parenthesis is glued to them)
  if (ty == Tok.Word && !extensionAfter(t, first + 1) && (isFunctionKw(k) || k == Kw.Database || k == Kw.Exec) && t.t(first + 1) == Tok.LParen &&
    (t.f(first) & F_METHOD) == 0 && (isCall(t, first) || (k != Kw.FuncWeak && argumentsAt(t, first + 1))) && !columnCall(t, first)) {
    out.add(Finding.LeadingCall, t.s(first), t.e(first + 1));
  }
  // length&&(  month=(  user/?(  ln) (  quarter. (  : a function name, a few symbols, then the call
  if (ty == Tok.Word && !extensionAfter(t, first + 1) && (isFunctionKw(k) || k == Kw.Time || k == Kw.Values || k == Kw.Database || k == Kw.In ||
    k == Kw.SqlOnlyName || k == Kw.Insert) && (t.f(first) & F_METHOD) == 0) {
    if (t.t(first + 1) == Tok.LParen && (t.is(first + 2, Kw.Select) || (isCall(t, first) && k != Kw.FuncWeak && k != Kw.In && !columnCall(t, first)))) {
      out.add(Finding.LeadingCall, t.s(first), t.e(first + 1)); // in ( select   sysdate(   insert(
    }
    let j = first + 1;
    // (`count : (a or b)`: a KQL or Lucene field query; SQL has no lone `:` operator)
    while (j < first + 5 && j < t.n && t.t(j) != Tok.LParen && t.t(j) != Tok.Word && t.t(j) != Tok.Num && t.t(j) != Tok.Str && !loneColon(t.s(j))) j++;
    // `status=in=(a,b)` (RSQL): `in` takes a list, which is only an attack when it holds a subquery
    if (((j > first + 1 && t.t(j) == Tok.LParen) || callAfterSymbols(t, first)) && (k != Kw.In || t.t(first + 1) != Tok.Cmp || t.is(j + 1, Kw.Select))) out.add(Finding.LeadingCall, t.s(first), t.e(j));
    else if (t.t(first + 1) == Tok.LParen && t.n == first + 2) out.add(Finding.LeadingCall, t.s(first), t.e(first + 1)); // "time ("
  }
  // the whole value names an attack-only routine: OPENROWSET, UTL_HTTP
  if (t.n == first + 1 && (k == Kw.SysProc || k == Kw.SqlOnlyName)) out.add(Finding.LeadingCall, t.s(first), t.e(first));
  if (isLogic(t, first)) {
    let j = first + 1;
    while (t.t(j) == Tok.LParen) j++;
    if (t.t(j) == Tok.Not || t.is(j, Kw.Not)) j++;
    const o = operandEnd(t, j);
    if ((t.t(j) == Tok.None && j > first + 1) || (ty == Tok.Logic && t.t(first + 1) == Tok.LParen && t.s(first + 1) == t.e(first))) {
      out.add(Finding.LeadingLogic, t.s(first), t.e(j - 1)); // &&(  or (  &&(a="
    } else if (o >= 0) {
      const after = t.t(o);
      const opThen = t.t(o + 1);
      // and '5'name: a quoted literal glued to a name (prose puts a blank after a closing quote)
      if (o == j + 1 && t.t(j) == Tok.Str && (t.f(j) & F_OPEN) == 0 && after == Tok.Word && t.s(o) == t.e(j)) {
        out.add(Finding.LeadingLogic, t.s(first), t.e(o));
      }
      // (IN, IS and BETWEEN the value ends on take a list, a NULL or bounds that no quote of the application's
      // completes: `and results in`, `or rebuild is` are phrases)
      if (after == Tok.None ? (isLiteral(t, o - 1) && !(t.t(o - 1) == Tok.Str && (t.f(o - 1) & F_OPEN) != 0 && t.e(o - 1) - t.s(o - 1) > 16)) || o > j + 1 :
        after == Tok.Cmp || (isComparison(t, o) && (opThen != Tok.None || t.is(o, Kw.Like))) ||
        (after == Tok.Op && (opThen == Tok.Num || opThen == Tok.LParen || opThen == Tok.None))) {
        out.add(Finding.LeadingLogic, t.s(first), t.e(o - 1));
      }
    }
  }
  // 'abc', 0x1a   '', '', 13   'item', (5): a row of literals opening with a quoted string and closing on a number,
  // the value list a UNION or INSERT probe writes after the application's literal
  if (ty == Tok.Str && first == 0 && byteAtSource(t.s(0)) == 0x27 && (t.f(0) & F_OPEN) == 0 && t.t(1) == Tok.Comma && literalRow(t, 1)) {
    out.add(Finding.BreakoutClause, t.s(0), t.e(t.n - 1));
  }
  // '1001'='10 : a quoted literal compared with a string the application's own quote closes
  if (ty == Tok.Str && first == 0 && t.n == 3 && (t.f(0) & F_OPEN) == 0 && t.t(1) == Tok.Cmp && t.t(2) == Tok.Str &&
    (t.f(2) & F_OPEN) != 0 && t.e(2) - t.s(2) <= 16) {
    out.add(Finding.LiteralCompare, t.s(0), t.e(2));
  }
  // The whole value is an operator: >>  <=>  IS NULL  LIKE NULL  in (0,1)  XOR  RLIKE
  const rest = t.n - first;
  const width = t.e(first) - t.s(first);
  // (SIMILAR and SOUNDS are operators only before TO and LIKE: alone they are English words, `{"q":"sounds"}`)
  if (rest == 1 && (((ty == Tok.Logic || ty == Tok.Cmp || ty == Tok.Op) && width >= 2) || k == Kw.Xor ||
    (k == Kw.Like && width >= 5 && (byteAtSource(t.s(first)) | 0x20) != 0x73))) {
    out.add(Finding.BareOperator, t.s(first), t.e(first));
  } else if (rest == 2 && (k == Kw.Is || k == Kw.Like) && (t.is(first + 1, Kw.Null) || t.is(first + 1, Kw.Not))) {
    out.add(Finding.BareOperator, t.s(first), t.e(first + 1));
  } else if (k == Kw.In && t.t(first + 1) == Tok.LParen && isLiteral(t, first + 2) &&
    (t.t(first + 3) == Tok.Comma || t.t(first + 3) == Tok.RParen)) {
    out.add(Finding.BareOperator, t.s(first), t.e(first + 2));
  } else if (rest == 2 && ((ty == Tok.Cmp && t.t(first + 1) == Tok.Cmp) ||
    (ty == Tok.Op && byteAtSource(t.s(first)) == 0x2d && t.t(first + 1) == Tok.Cmp))) {
    out.add(Finding.BareOperator, t.s(first), t.e(first + 1)); // -> ==
  } else if (rest == 2 && (k == Kw.Order || k == Kw.Group) && t.is(first + 1, Kw.By)) {
    out.add(Finding.BareOperator, t.s(first), t.e(first + 1)); // ORDER BY
  }
  // the tail of a select: FROM `t` LIMIT   FROM t WHERE a = 1   FROM t GROUP BY
  if (k == Kw.From && ty == Tok.Word) {
    let j = operandEnd(t, first + 1);
    if (j > 0 && t.t(first + 1) == Tok.Word) {
      const kj = t.k(j);
      const tick = isBacktick(t, first + 1);
      if ((kj == Kw.Limit || ((kj == Kw.Group || kj == Kw.Order) && t.is(j + 1, Kw.By)) || (tick && (kj == Kw.Where || kj == Kw.Join))) ||
        (kj == Kw.Where && isComparison(t, operandEnd(t, j + 1)))) {
        out.add(Finding.AliasFrom, t.s(first), t.e(j));
      }
    }
  }
  // select(user(  select if(x  SELECT (CASE: a select of a call or subquery opening the value
  if (k == Kw.Select && ty == Tok.Word && !bound && (isCall(t, first + 1) || t.t(first + 1) == Tok.LParen || t.t(first + 1) == Tok.Var ||
    isCall(t, first))) {
    out.add(Finding.LeadingCall, t.s(first), t.e(first + 1));
  }
  // ) like (   ) when 234 then   case when x then
  if (ty == Tok.RParen && t.is(first + 1, Kw.Like) && t.t(first + 2) == Tok.LParen) out.add(Finding.BareOperator, t.s(first), t.e(first + 2));
  if ((ty == Tok.RParen || k == Kw.Case) && t.is(first + 1, Kw.When) && (t.is(first + 3, Kw.Then) || t.is(first + 4, Kw.Then))) {
    out.add(Finding.BlindProbe, t.s(first), t.e(first + 3));
  }
  likeOpensString(t, out);
  // HAVING 1=  HAVING count(*) > 5
  if (k == Kw.Having && ty == Tok.Word && (isLiteral(t, first + 1) || t.t(first + 2) == Tok.LParen)) {
    out.add(Finding.AliasFrom, t.s(first), t.e(first + 1));
  }
}

/** something LIKE '   (the value ends by opening the string the application closes) */
function likeOpensString(t: TokenList, out: Findings): void {
  if (t.t(t.n - 1) == Tok.Str && t.e(t.n - 1) - t.s(t.n - 1) == 1 && t.is(t.n - 2, Kw.Like)) {
    out.add(Finding.WeakOperator, t.s(t.n - 2), t.e(t.n - 1));
    out.add(Finding.BareOperator, t.s(t.n - 2), t.e(t.n - 1));
  }
}

/** `, lit [, lit ...]` from the comma at i to the end of the value, its last item a number (or one in parentheses). */
function literalRow(t: TokenList, i: i32): bool {
  let k = i;
  let last = Tok.None;
  while (t.t(k) == Tok.Comma && k < t.n) {
    let v = k + 1;
    const paren = t.t(v) == Tok.LParen;
    if (paren) v++;
    const ty = t.t(v);
    if (!(ty == Tok.Num || (ty == Tok.Str && (t.f(v) & F_OPEN) == 0) || t.is(v, Kw.Null))) return false;
    if (paren && t.t(++v) != Tok.RParen) return false;
    last = ty;
    k = v + 1;
  }
  return k == t.n && last == Tok.Num;
}

/** Patterns anywhere, at token i. */
export function fragmentAt(t: TokenList, i: i32, out: Findings): void {
  const ty = t.t(i);
  // 1=1  42 like 42  '1'='1'  (not arithmetic: 2+2=4)
  const ty2 = t.t(i + 2);
  if ((ty == Tok.Num || ty == Tok.Str) && isComparison(t, i + 1) && (ty2 == Tok.Num || ty2 == Tok.Str) && t.t(i - 1) != Tok.Op &&
    t.t(i - 1) != Tok.Cmp && t.t(i + 3) != Tok.Op && t.t(i + 3) != Tok.Cmp && t.t(i + 3) != Tok.Dot &&
    alwaysTrue(t, i)) {
    out.add(Finding.LiteralCompare, t.s(i), t.e(i + 2));
  }
  // 1 is not 2   '1' not regexp '2'   'a' like 'a': a word comparison of two literals that holds for every row
  if ((ty == Tok.Num || ty == Tok.Str) && t.t(i - 1) != Tok.Op && t.t(i - 1) != Tok.Cmp) wordCompare(t, i, out);
  // 1.e(ascii)  1.e.tables: MySQL reads `1.e` as a number glued to what follows (a filter-evasion spelling)
  if (ty == Tok.Num && byteAtSource(t.e(i) - 1) == 0x2e && t.t(i + 1) == Tok.Word && t.s(i + 1) == t.e(i) &&
    t.e(i + 1) == t.s(i + 1) + 1 && (byteAtSource(t.s(i + 1)) | 0x20) == 0x65 &&
    (t.t(i + 2) == Tok.Dot || t.t(i + 2) == Tok.LParen) && t.t(i + 3) == Tok.Word && t.k(i + 3) != Kw.None) {
    out.add(Finding.CommentEvasion, t.s(i), t.e(i + 3));
  }
  // ) AS t FROM   `x` AS `y` from   1234 AS "foobar" FROM
  if (t.is(i, Kw.As) && (ty == Tok.Word)) {
    const p = t.t(i - 1);
    const aliasOk = t.t(i + 1) == Tok.Str || (t.t(i + 1) == Tok.Word && t.k(i + 1) != Kw.Article);
    const prevOk = p == Tok.RParen || p == Tok.Num || p == Tok.Str || (p == Tok.Word && t.s(i - 1) + 1 < t.e(i - 1) && t.k(i - 1) == Kw.None && (t.f(i - 1) & F_COMMENT) == 0 && isBacktick(t, i - 1));
    const openAlias = t.t(i + 1) == Tok.Str && (t.f(i + 1) & F_OPEN) != 0 && t.e(i + 1) - t.s(i + 1) <= 8; // 6 As" from
    // ; As not from  ! As' from: after a symbol (or at the start), an alias whose FROM ends the value
    // (the application's query names the table): the tail of a select list, not a sentence
    const symbolBefore = p == Tok.None || p == Tok.Semi || p == Tok.Not || p == Tok.Other || p == Tok.Comma;
    const fromEnds = (t.is(i + 2, Kw.From) && t.n == i + 3) || (openAlias && t.n == i + 2 && endsWithFrom(t.e(i + 1)));
    if ((prevOk || (symbolBefore && fromEnds)) && openAlias) out.add(Finding.AliasFrom, t.s(i - 1), t.e(i + 1));
    if ((prevOk || (symbolBefore && fromEnds)) && aliasOk && (t.is(i + 2, Kw.From) || (t.is(i + 1, Kw.Not) && t.is(i + 2, Kw.From)))) {
      out.add(Finding.AliasFrom, t.s(i - 1), t.e(i + 2));
    }
  }
  // '{"a":1}' -> '$.a'   '[1,2]' ? '1'   '{..}' #>> '{a}'   '{..}' @> '{..}'
  if (ty == Tok.Str && isJsonText(t, i)) {
    const n = t.t(i + 1);
    const ns = t.s(i + 1);
    const c = byteAtSource(ns);
    if ((t.f(i) & F_COMMENT) != 0 && byteAtSource(t.e(i) + 1) == 0x3e || byteAtSource(t.e(i)) == 0x23 ||
      (n == Tok.Op && c == 0x2d && t.e(i + 1) > ns + 1) || (n == Tok.Other && c == 0x3f) ||
      (n == Tok.Var && t.e(i + 1) - ns == 1) || (n == Tok.Cmp && t.t(i + 2) == Tok.Str)) {
      out.add(Finding.JsonOperator, t.s(i), t.e(i + 1));
    }
  }
  // x::int  (...)::text
  if (ty == Tok.Op && t.e(i) - t.s(i) == 2 && byteAtSource(t.s(i)) == 0x3a && t.t(i + 1) == Tok.Word && pgType(t, i + 1) &&
    (t.t(i - 1) == Tok.Word || t.t(i - 1) == Tok.RParen || t.t(i - 1) == Tok.Str || t.t(i - 1) == Tok.Num)) {
    out.add(Finding.PgCast, t.s(i - 1), t.e(i + 1));
  }
}


/** Whether the source before `end` ends in the word FROM (blanks aside) after a blank or quote. */
function endsWithFrom(end: i32): bool {
  let e = end;
  while (e > 0 && byteAtSource(e - 1) == 0x20) e--;
  const b = byteAtSource(e - 5);
  // the four bytes before e, lower-cased, read as one little-endian word: "from"
  return e >= 5 && e <= sourceLength() && (b == 0x20 || b == 0x27 || b == 0x22) &&
    (load<u32>(changetype<usize>(source()) + <usize>(e - 4)) | 0x20202020) == 0x6d6f7266;
}

/** Whether a `--` or `#` comment of a few bytes at most follows token i to the end of the value (`-- -`, `#`, `--+`). */
function cutShort(t: TokenList, i: i32): bool {
  return (t.f(i) & F_LINE_COMMENT) != 0 && sourceLength() - t.e(i) <= 6;
}

export function hasUnderscore(t: TokenList, i: i32): bool {
  for (let j = t.s(i); j < t.e(i); j++) if (byteAtSource(j) == 0x5f) return true;
  return false;
}

/** A column no prose writes: dotted, backticked or with a `_` (`u.id`, `` `name` ``, `created_at`). */
export function sqlName(t: TokenList, i: i32): bool {
  return t.t(i + 1) == Tok.Dot || isBacktick(t, i) || hasUnderscore(t, i);
}

function isBacktick(t: TokenList, i: i32): bool {
  return load<u8>(changetype<usize>(source()) + <usize>t.s(i)) == 0x60;
}

function pgType(t: TokenList, i: i32): bool {
  return PG_TYPES.hasLower(source(), t.s(i), t.e(i));
}

/** Whether two literals have the same text, quotes aside ('1' and 1 compare equal in SQL). */
function sameText(t: TokenList, a: i32, b: i32): bool {
  let sa = t.s(a), ea = t.e(a), sb = t.s(b), eb = t.e(b);
  if (t.t(a) == Tok.Str) { sa++; if ((t.f(a) & F_OPEN) == 0) ea--; }
  if (t.t(b) == Tok.Str) { sb++; if ((t.f(b) & F_OPEN) == 0) eb--; }
  const la = ea - sa;
  if (la < 0 || la != eb - sb) return false;
  return equalBytes(changetype<usize>(source()) + <usize>sa, changetype<usize>(source()) + <usize>sb, la);
}

function smallNumber(t: TokenList, i: i32): i64 {
  let v: i64 = 0;
  for (let j = t.s(i); j < t.e(i) && j - t.s(i) < 15; j++) {
    const c = <i64>load<u8>(changetype<usize>(source()) + <usize>j) - 0x30;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Whether `a cmp b` at i holds whatever the row: 1=1, 'a'='a', 2>1, 11!=1 (a tautology, not a lookup). */
function alwaysTrue(t: TokenList, i: i32): bool {
  const op = i + 1;
  const len = t.e(op) - t.s(op);
  const c0 = load<u8>(changetype<usize>(source()) + <usize>t.s(op));
  const c1 = len > 1 ? load<u8>(changetype<usize>(source()) + <usize>t.s(op) + 1) : 0;
  const same = sameText(t, i, i + 2);
  if (t.t(op) == Tok.Word) return same && (t.k(op) == Kw.Like || t.k(op) == Kw.Between); // 42 like 42, 42 between 42 and ...
  if (c0 == 0x3d || (c0 == 0x3c && c1 == 0x3d && len == 3)) return same; // = == <=>
  if ((c0 == 0x21 && c1 == 0x3d) || (c0 == 0x3c && c1 == 0x3e)) { // != <>
    // `line_format "{{.msg}}" != "y"`: a template placeholder is filled before it is compared (LogQL, Helm);
    // after AND/OR it is still the operand of an injected condition
    const p = t.t(i - 1);
    const injected = p == Tok.Logic || t.is(i - 1, Kw.And) || t.is(i - 1, Kw.Or);
    return !same && (injected || !(isPlaceholder(t, i) || isPlaceholder(t, i + 2)));
  }
  if (t.t(i) != Tok.Num) return false;
  const a = smallNumber(t, i);
  const b = smallNumber(t, i + 2);
  if (a < 0 || b < 0) return false;
  // 123<456, 10<20 items: an order comparison is a tautology only inside a condition (after AND/OR,
  // a `(` or a closed quote, or ended by a comment, `;`, `)` or AND/OR); on its own it is arithmetic
  const p = t.t(i - 1);
  const before = p == Tok.Logic || p == Tok.LParen || p == Tok.Str || t.is(i - 1, Kw.And) || t.is(i - 1, Kw.Or) ||
    t.is(i - 1, Kw.Xor) || t.is(i - 1, Kw.Where) || (t.f(i - 1) & F_COMMENT) != 0;
  const n = t.t(i + 3);
  const after = (t.f(i + 2) & F_COMMENT) != 0 || n == Tok.Semi || n == Tok.RParen || n == Tok.Logic || t.is(i + 3, Kw.And) ||
    t.is(i + 3, Kw.Or) || t.is(i + 3, Kw.Xor);
  if (!before && !after) return false;
  if (c0 == 0x3c) return c1 == 0x3d ? a <= b : a < b;
  if (c0 == 0x3e) return c1 == 0x3d ? a >= b : a > b;
  return false;
}

/** Whether string token i is a template placeholder (`"{{.msg}}"`). */
function isPlaceholder(t: TokenList, i: i32): bool {
  const s = t.s(i) + 1;
  return t.t(i) == Tok.Str && s + 1 < t.e(i) && byteAtSource(s) == 0x7b && byteAtSource(s + 1) == 0x7b;
}

/** Whether string token i holds JSON text ('{...}' or '[...]'). */
function isJsonText(t: TokenList, i: i32): bool {
  let j = t.s(i) + 1;
  const e = t.e(i);
  while (j < e && byteAtSource(j) == 0x20) j++;
  const c = byteAtSource(j);
  if (c != 0x7b) return c == 0x5b;
  // `"{{.msg | ToUpper}}"`: a template placeholder (LogQL line_format, Helm); a JSON object's key is a string
  j++;
  while (j < e && byteAtSource(j) == 0x20) j++;
  return j >= e || byteAtSource(j) != 0x7b;
}

/** `lit [NOT] LIKE|IS [NOT] lit` ending the expression, true whatever the row (odd NOTs: the literals differ). */
function wordCompare(t: TokenList, i: i32, out: Findings): void {
  let j = i + 1;
  let negated = false;
  if (t.is(j, Kw.Not)) { negated = true; j++; }
  if (!(t.is(j, Kw.Like) || t.is(j, Kw.Is))) return;
  j++;
  if (t.is(j, Kw.Not)) { negated = !negated; j++; }
  const ty = t.t(j);
  if (ty != Tok.Num && ty != Tok.Str) return;
  if (t.t(i) != ty || (t.f(j) & F_OPEN) != 0) return; // 1 is not '2' is a type question, not a tautology
  const after = t.t(j + 1);
  if (!(after == Tok.None || after == Tok.Semi || after == Tok.RParen || after == Tok.Logic || (t.f(j) & F_COMMENT) != 0 ||
    t.is(j + 1, Kw.And) || t.is(j + 1, Kw.Or))) return;
  if (sameText(t, i, j) != negated) out.add(Finding.LiteralCompare, t.s(i), t.e(j));
}
