// What follows a quote breakout: the value was read as if it followed a `'`, `"` or backtick
// in the application's query, and its first token is the string that quote closed. Whether
// the rest escaped into SQL (a condition, a clause, a comment that truncates the query) or
// is prose after an apostrophe is decided here.
import { Kw, isStatementKw } from "./keywords";
import { Tok, TokenList, F_LINE_COMMENT, F_OPEN } from "./tokens";
import { Finding, Findings } from "./findings";
import { byteAtSource, sourceLength } from "./source";
import { isWordByte } from "../../bytes";
import { operandEnd, comparisonEnd, endsExpression, isCall, isLiteral, isStatement, clauseTail } from "./shapes";

export function isLogic(t: TokenList, i: i32): bool {
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
export function afterBreakout(t: TokenList, i: i32, out: Findings, escaped: bool): void {
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
  // 3' ' 1  x' '5: the closed string is followed by another (SQL joins adjacent literals) that the
  // application's own quote closes, holding a number and no letter: the value continues the expression, not a text
  if (j == 1 && t.n == 2 && t.t(1) == Tok.Str && (t.f(1) & F_OPEN) != 0 && t.s(1) > t.e(0) && t.e(1) - t.s(1) <= 8 &&
    numberNoLetter(t.s(1), t.e(1))) {
    out.add(Finding.BreakoutTautology, b, t.e(1));
    return;
  }
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
    // ' or homer 9  ') and x: the value opens with the quote, which a blank or `)` parts from a boolean
    // operator and an operand; prose never starts so (its opening quote is glued to the word: "And kids,
    // and a possessive `parents' and` has its word before the quote)
    if (o >= 0 && quoteOpensValue(t) && t.s(j) > t.e(0) && byteAtSource(t.e(0)) != byteAtSource(t.e(0) - 1) &&
      !isWordByteAt(t.e(0))) out.add(Finding.BreakoutTautology, b, t.e(o - 1));
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
    // x' DESC LIMIT 1-- -: the closed string was a sort item
    if ((k == Kw.Asc || k == Kw.Desc) && clauseTail(t, j, true) >= 2) { out.add(Finding.BreakoutClause, b, t.e(j)); return; }
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
    } else if (t.t(t.n - 1) == Tok.Str && t.n <= 6 && byteAtSource(t.e(0) - 2) != 0x28) { // (not `fetch('/api/x');` quoted in a post)
      out.add(Finding.WeakOperator, b, t.e(j)); // '+'  '||'
    }
  }
}

function isWordByteAt(i: i32): bool {
  const c = byteAtSource(i);
  return isWordByte(c) || c >= 0x80;
}

/** Whether the breakout quote is the first byte of the value (leading blanks aside). */
function quoteOpensValue(t: TokenList): bool {
  const q = t.e(0) - 1;
  for (let k = 0; k < q; k++) {
    const c = byteAtSource(k);
    if (c != 0x20 && c != 0x09) return false;
  }
  return q >= 0;
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

/**
 * x'|email--  id'is not-id--  ' mod id--  ' ? # = #: a few SQL tokens after the breakout, then a truncating
 * comment; symbols alone (no word, no literal) count too: nothing but the breakout and its comment is text.
 */
function shortExpressionThenComment(t: TokenList, j: i32, out: Findings): void {
  const last = t.n - 1;
  if (last < j || last - j > 5 || (t.f(last) & F_LINE_COMMENT) == 0) return;
  // path:"/api/v1/*" (Lucene, KQL): the quote opens a glob path that its twin closes at the end, the `/*` inside it
  const q = t.e(0) - 1;
  const n = sourceLength();
  if (byteAtSource(q + 1) == 0x2f && q + 4 < n && byteAtSource(n - 1) == byteAtSource(q) && byteAtSource(n - 2) == 0x2a && byteAtSource(n - 3) == 0x2f) return;
  let sql = false;
  let symbolsOnly = true;
  for (let k = j; k <= last; k++) {
    const ty = t.t(k);
    if (ty == Tok.Word && t.k(k) == Kw.Article) return;
    if (ty == Tok.Op || ty == Tok.Logic || ty == Tok.Cmp || ty == Tok.Not || (ty == Tok.Word && t.k(k) != Kw.None)) sql = true;
    if (ty == Tok.Word || ty == Tok.Num || ty == Tok.Str || ty == Tok.Var) symbolsOnly = false;
  }
  if (sql || symbolsOnly) out.add(Finding.BreakoutComment, t.s(0), t.e(last));
}

/** Whether source bytes [s, e) hold a digit and no ASCII letter or non-ASCII byte. */
function numberNoLetter(s: i32, e: i32): bool {
  let digit = false;
  for (let i = s; i < e; i++) {
    const c = byteAtSource(i);
    if ((c | 0x20) - 0x61 < 26 || c >= 0x80) return false;
    if (c - 0x30 < 10) digit = true;
  }
  return digit;
}
