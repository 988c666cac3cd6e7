// Structures of real injections, looked for in a token sequence. `breakout` says the
// first token is the string the value closed (the value was parsed as if it followed
// a quote in the application's query): what comes right after that string decides
// whether the value escaped into SQL (breakout.ts).
import { Kw, isStatementKw, isFunctionKw } from "./keywords";
import { Tok, TokenList, F_HEX, F_SPLIT, F_SYSVAR, F_METHOD, F_LINE_COMMENT, F_CALL, F_COMMENT, F_OPEN } from "./tokens";
import { Finding, Findings } from "./findings";
import { afterBreakout } from "./breakout";
import { source, sqlStyle } from "./source";
import { equalBytes } from "../../bytes";
import { leading, fragmentAt, sourceLength, byteAtSource, hasUnderscore, sqlName } from "./fragments";
import {
  comparisonEnd, endsExpression, isCall, isComparison, isLiteral, isSelectList, isStatement,
  selectFrom, skipParens, isIdentifier, operandEnd, strongSelectItem, waitforArgument, wordIs, argumentsAt, documentLike, literalCondition, valuesStatement, copyStatement, parenLiteralEnd,
} from "./shapes";

/** `await sleep(500)`  `{ sleep(100); }`: the call is a statement of program code (after a plain word or a brace). */
function codeStatement(t: TokenList, i: i32): bool {
  const p = t.t(i - 1);
  if (p == Tok.Word) return t.k(i - 1) == Kw.None && (t.f(i - 1) & F_COMMENT) == 0;
  return p == Tok.Other && byteAtSource(t.s(i - 1)) == 0x7b;
}

/** A `?`, `$1` or `:name` parameter placeholder after `=`, `,` or `(` from i on. */
function hasPlaceholder(t: TokenList, i: i32): bool {
  for (let j = i + 1; j < t.n; j++) {
    if (t.t(j) != Tok.Other) continue;
    const c = byteAtSource(t.s(j));
    const p = t.t(j - 1);
    if (p != Tok.Cmp && p != Tok.Comma && p != Tok.LParen) continue;
    if (c == 0x3f || (c == 0x24 && t.t(j + 1) == Tok.Num) || (c == 0x3a && t.t(j + 1) == Tok.Word && t.s(j + 1) == t.e(j))) return true;
  }
  return false;
}

/**
 * Whether the statement opening at i is one a driver or ORM logs (a span's `db.statement`, a slow-query
 * line): its values are bound through placeholders, and it has no comment, no unclosed string and no
 * second statement. No injection needs one: the query an injection completes has its own parameters,
 * and a statement sent to be run whole cannot run with unbound placeholders. Attacks written into it
 * (UNION SELECT, OR 1=1, sleep(), a system catalog) are their own findings and still count.
 */
function boundStatement(t: TokenList, i: i32): bool {
  if ((t.leadFlags & F_COMMENT) != 0 || !hasPlaceholder(t, i)) return false;
  for (let j = i; j < t.n; j++) {
    if ((t.f(j) & (F_COMMENT | F_OPEN)) != 0) return false;
    if (t.t(j) == Tok.Semi && t.t(j + 1) != Tok.None) return false;
  }
  return true;
}

/** `; update blue order -- x`: a line comment ends the UPDATE before the SET it needs (a syntax error, not a statement). */
function updateCutBeforeSet(t: TokenList, j: i32): bool {
  for (let k = j + 1; k < t.n; k++) {
    if (t.is(k, Kw.Set)) return false;
    if ((t.f(k) & F_COMMENT) == 0) continue;
    let c = t.e(k);
    while (byteAtSource(c) == 0x20) c++;
    if (byteAtSource(c) == 0x23 || (byteAtSource(c) == 0x2d && byteAtSource(c + 1) == 0x2d)) return true; // not a /* */ comment
  }
  return false;
}

// Whether token 0 opens the value being read (no breakout string before it): see afterLeadNumber.
let numberOpens = false;

/** Runs every pattern over the token list; `breakout` as above; `atStart` when token 0 (or 1 after a breakout) starts the value. */
export function analyse(t: TokenList, breakout: bool, atStart: bool, out: Findings, escaped: bool = false): void {
  const n = t.n;
  numberOpens = atStart && !breakout;
  if (breakout) afterBreakout(t, 1, out, escaped);
  const first = breakout ? 1 : 0;
  // /CREATE TABLE x  >SET @v: a statement after a stray symbol or two still opens the value
  let head = first;
  while (head < first + 2 && (t.t(head) == Tok.Op || t.t(head) == Tok.Other || t.t(head) == Tok.Cmp)) head++;
  if (atStart && ((isStatementKw(t.k(head)) && t.t(head) == Tok.Word && t.k(head) != Kw.Select) || valuesStatement(t, head))) {
    const k = t.k(head);
    const first = head;
    if ((sourceLength() > 100 && documentLike(t)) || boundStatement(t, first) ||
      (k == Kw.Shutdown && head == first && t.t(first + 1) == Tok.None && (t.f(first) & F_COMMENT) == 0 && t.e(first) == sourceLength())) {
      // a long text that opens with a statement is documentation or a code sample; a statement
      // with parameter placeholders (UPDATE t SET a = ? WHERE id = ?) is a logged one; the word
      // shutdown alone is a state or an action (`{"status":"shutdown"}`), a statement only stacked
      // (`1;shutdown`) or ended (`shutdown;`, `shutdown--`, a line break as a terminal sends it)
    } else if (isStatement(t, first) || valuesStatement(t, first) || ((k == Kw.Drop || k == Kw.Truncate) && isIdentifier(t, first + 1) &&
      ((endsExpression(t, first + 2) && t.t(first + 2) != Tok.None) || (t.f(first) & F_COMMENT) != 0 || (t.f(first + 1) & F_COMMENT) != 0))) {
      // (DROP or TRUNCATE and one name, then the value's end, is prose: `drop off`, `truncate text`; a `;` or a comment ends a statement)
      out.add(Finding.StatementStart, t.s(first), t.e(first + 1));
    }
  }
  // SELECT * FROM t WHERE a BETWEEN '1' AND '2'  ... HAVING `c` = 8: the whole (short) value is a query
  // with a condition on literals, ready to run (a code sample has placeholders or sits inside code)
  const bound = atStart && !breakout && t.is(first, Kw.Select) && boundStatement(t, first);
  if (atStart && !breakout && !bound && t.is(first, Kw.Select) && sourceLength() <= 200 && isStatement(t, first)) {
    const from = selectFrom(t, first + 1);
    if (from >= 0 && literalCondition(t, from + 2)) out.add(Finding.StatementStart, t.s(first), t.e(from + 1));
  }
  if (atStart) leading(t, first, out, bound);
  for (let i = 0; i < n; i++) {
    const ty = t.t(i);
    if (ty == Tok.Word) {
      // (fragmentAt reads a word only when it is AS; most words of prose are no keyword at all)
      const k = t.k(i);
      if (k == Kw.None || k == Kw.Article) continue;
      if (k == Kw.As) fragmentAt(t, i, out);
      word(t, i, out, bound && i == first);
      continue;
    }
    // fragmentAt starts from literals and operators only
    if (ty == Tok.Num || ty == Tok.Str || ty == Tok.Op) fragmentAt(t, i, out);
    if (ty == Tok.Semi) {
      let j = i + 1;
      if ((isStatementKw(t.k(j)) && isStatement(t, j)) || valuesStatement(t, j)) out.add(Finding.StackedQuery, t.s(i), max(t.e(j), t.e(j + 1))); // (;shutdown: no token after it)
      else if (isStatementKw(t.k(j)) && t.k(j) != Kw.Select && t.k(j) != Kw.Set && t.k(j) != Kw.Grant &&
        (t.t(j + 1) == Tok.None || isIdentifier(t, j + 1) || t.t(j + 1) == Tok.Other) &&
        !(t.k(j) == Kw.Update && updateCutBeforeSet(t, j))) {
        out.add(Finding.StackedQuery, t.s(i), t.e(j)); // ;drop  ;update users  ;truncate[x
      } else if (t.is(j, Kw.Select) && t.t(j + 1) == Tok.None && (t.f(j) & F_COMMENT) == 0) {
        out.add(Finding.StackedQuery, t.s(i), t.e(j)); // x; select  (the application's query supplies the rest)
      } else if (copyStatement(t, j) || (wordIs(t, j, "do") && t.t(j + 1) == Tok.Str && byteAtSource(t.s(j + 1)) == 0x24) ||
        (wordIs(t, j, "attach") && t.is(j + 1, Kw.Database) && t.t(j + 2) == Tok.Str)) {
        // ; COPY (SELECT ...) TO PROGRAM  ;DO $$...$$ (PostgreSQL's code block)  ;ATTACH DATABASE '/var/www/x.php' (SQLite's new file)
        out.add(Finding.StackedQuery, t.s(i), t.e(j + 1));
      }
      continue;
    }
    if (ty == Tok.Logic) { logic(t, i, out); continue; }
    if (ty == Tok.LParen) {
      if (t.is(i + 1, Kw.Select) && isSelectList(t, i + 2)) out.add(Finding.Subquery, t.s(i), t.e(i + 1));
      const p = t.t(i - 1);
      // (ASCII(SUBSTR(user(),1,1))>64)  id,(1=CONVERT(int,@@version)): a condition in parentheses opening the value or a
      // list item (a sort key's, an ORDER BY's) is tested as one after AND/OR is
      if (p == Tok.None || p == Tok.Comma) {
        logic(t, i, out);
        // (qty>77)  id,(name IN (1,2)): a test as a sort expression, a clause where the value is a sort key (sqli.ts)
        if (comparisonEnd(t, i + 1) > 0) out.sortLimit = true;
      }
      // length((select ...  or ((select ...: the subquery is the argument (or operand) of what precedes the run of `(`
      if (p == Tok.LParen && t.is(i + 1, Kw.Select) && nestedSubquery(t, i)) out.add(Finding.SubqueryOperand, t.s(i - 1), t.e(i + 1));
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
    if (ty == Tok.Op && t.e(i) - t.s(i) == 2 && byteAtSource(t.s(i)) == 0x3a && t.t(i - 1) == Tok.Str && t.t(i + 1) == Tok.Word) {
      out.add(Finding.JsonOperator, t.s(i - 1), t.e(i + 1)); // '...'::jsonb
    }
  }
}

/**
 * Whether the run of `(` ending at the `(` at i follows a SQL function call (`length((select`) or an
 * operator or boolean (`= ((select`, `or ((select`): then the subquery is an operand, not a remark.
 */
function nestedSubquery(t: TokenList, i: i32): bool {
  let q = i - 1;
  while (q > 0 && t.t(q) == Tok.LParen && i - q < 8) q--;
  if (t.t(q) == Tok.LParen) return false;
  const p = t.t(q);
  if (p == Tok.Cmp || p == Tok.Logic || p == Tok.Op) return true;
  if (p != Tok.Word) return false;
  const k = t.k(q);
  return k == Kw.And || k == Kw.Or || k == Kw.In || k == Kw.Exists || (isCall(t, q) && isFunctionKw(k));
}

function logic(t: TokenList, i: i32, out: Findings): void {
  // 9999 or true   1) or false--
  const p = t.t(i - 1);
  // (entered at a `(` opening the value or a list item: analyse)
  const paren = t.t(i) == Tok.LParen;
  // `cats and dogs`: every pattern below needs a literal or `)` before the operator, or a literal, `(`, NOT,
  // variable or call after it; a plain word (no call) after a word or symbol is none of them
  const nk = t.k(i + 1);
  if (p != Tok.Num && p != Tok.Str && p != Tok.RParen && t.t(i + 1) == Tok.Word && (nk == Kw.None || nk == Kw.Article) &&
    (t.f(i + 1) & F_CALL) == 0) return;
  // 3 and(  1) or(: a boolean operator glued to its parenthesis after a literal (prose spaces it)
  if ((p == Tok.Num || p == Tok.RParen) && t.t(i) == Tok.Word && (t.f(i) & F_CALL) != 0 && (t.f(i) & F_METHOD) == 0) {
    out.add(Finding.LeadingLogic, t.s(i - 1), t.e(i) + 1);
  }
  // 1 XOR 1  'a' xor 'b': XOR (no English word) between two literals
  if ((p == Tok.Num || (p == Tok.Str && (t.f(i - 1) & F_OPEN) == 0)) && t.is(i, Kw.Xor) && isLiteral(t, i + 1) && (t.f(i + 1) & F_OPEN) == 0 &&
    endsExpression(t, i + 2)) {
    out.add(Finding.LiteralTautology, t.s(i - 1), t.e(i + 1));
  }
  if ((p == Tok.Num || p == Tok.Str || p == Tok.RParen) && (t.is(i + 1, Kw.True) || t.is(i + 1, Kw.False)) && endsExpression(t, i + 2)) {
    out.add(Finding.LiteralTautology, t.s(i - 1), t.e(i + 1));
  }
  // AND (1)=(1)  OR NOT(1=2)  OR ('a')=('a'): literals in parentheses, compared (NOTs and parentheses in any order before)
  let k0 = i + 1;
  while ((t.t(k0) == Tok.LParen && parenLiteralEnd(t, k0) < 0) || t.is(k0, Kw.Not) || t.t(k0) == Tok.Not) {
    if (k0 - i > 6) break;
    k0++;
  }
  const pl = parenLiteralEnd(t, k0);
  if (pl > k0 + 1 && isComparison(t, pl)) {
    const pr = parenLiteralEnd(t, pl + 1);
    if (pr > 0 && endsExpression(t, pr)) out.add(Finding.LiteralTautology, t.s(i), t.e(pr - 1));
  }
  let k = i + 1;
  while (t.t(k) == Tok.LParen) k++;
  if (t.is(k, Kw.Not) || t.t(k) == Tok.Not) k++;
  while (t.t(k) == Tok.LParen) k++; // NOT(1=2)
  const c = comparisonEnd(t, k);
  // (a sign before a number is part of the literal: OR -1=-1)
  if (c >= 0 && (isLiteral(t, k) || (t.t(k) == Tok.Op && t.t(k + 1) == Tok.Num)) && (isLiteral(t, c - 1) || t.t(c - 1) == Tok.None)) {
    out.add(Finding.LiteralTautology, t.s(i), t.e(c - 1));
  }
  // the value's number, then (closed by a `)` or two) AND/OR and one condition: in prose `f(x)=f(x)` follows no `1 AND`,
  // and what follows a number compares no name with SQL's `=`
  if (afterLeadNumber(t, i)) {
    const a = operandEnd(t, k);
    // 1 AND NOW()=NOW()  1)) OR user()=user(): an operand compared with itself is the whole condition
    if (a > k && t.t(a) == Tok.Cmp) {
      const b = operandEnd(t, a + 1);
      const n = t.e(a - 1) - t.s(k);
      const base = changetype<usize>(source());
      if (b > a + 1 && endsExpression(t, b) && t.e(b - 1) - t.s(a + 1) == n &&
        equalBytes(base + <usize>t.s(k), base + <usize>t.s(a + 1), n)) out.add(Finding.LiteralTautology, t.s(i), t.e(b - 1));
    }
    // 1 AND col=1  1) OR is_admin=1--  1 AND foo(1)=1  1 AND 1=foo(1)  1 AND @x:=1: a column, variable or call tested for
    // equality with a literal, ending the value (a literal first, then a call: `1 and 2 = three` is a sentence); 1 AND col
    // IS [NOT] NULL; an order test (`10 and age>5` is a sentence) only cut off by a comment (1 AND col>1--) or on a call
    // fed a literal (1 OR foo(2)>1, not `1 and total(price)>0`)
    if (c >= 0 && valueEndsAt(t, c)) {
      const sym = t.t(i) == Tok.Logic;
      const lit = isLiteral(t, k);
      const call = lit ? a + 1 : k;
      if (t.is(a, Kw.Is) ? !lit && t.is(c - 1, Kw.Null) : (lit ? isCall(t, call) : isLiteral(t, a + 1) && c == a + 2) &&
        (sqlEquality(t, a, sym) || (isComparison(t, a) && ((t.f(c - 1) & F_COMMENT) != 0 || (!sym && isCall(t, call) && isLiteral(t, call + 2)))))) {
        out.add(Finding.LiteralTautology, t.s(i), t.e(c - 1));
      }
      // 1 AND col>1  1) OR price NOT BETWEEN 3 AND 88  5,35) AND qty<=77--  1 OR id IN (1,2): a column's order, range or list test as the whole
      // condition, as SQL is written: cut off by a comment, the boolean word in capitals and the column in small letters
      // (`10 and age>5`, `10 AND AGE>5` are sentences), or a column no prose names (created_at, u.id, `name`)
      if ((isLiteral(t, c - 1) || (t.t(c - 1) == Tok.RParen && isLiteral(t, c - 2))) && ((t.f(c - 1) & F_COMMENT) != 0 || sqlStyle(t.s(i), t.e(i), t.s(k), t.e(k)) || sqlName(t, k))) {
        out.add(Finding.LiteralTautology, t.s(i), t.e(c - 1));
      }
    }
  }
  // AND 1=CONVERT(int,@@version)  OR 2>LENGTH(x): a literal compared with a SQL function's result (error/boolean based)
  if (c >= 0 && isLiteral(t, k) && t.t(k + 1) == Tok.Cmp && isCall(t, k + 2) && isFunctionKw(t.k(k + 2))) {
    out.add(Finding.LiteralTautology, t.s(i), t.e(k + 2));
  }
  // AND 1=ORDSYS.ORD_DICOM.GETMAPPINGXPATH((SELECT user FROM dual),1,1): a literal compared with any (qualified) routine
  // fed a subquery: the error or delay the routine raises on the subquery's result is the probe, whatever its name
  if (c >= 0 && isLiteral(t, k) && t.t(k + 1) == Tok.Cmp && callOnSubquery(t, k + 2)) out.add(Finding.SubqueryOperand, t.s(i), t.e(k + 2));
  // AND 1=DBMS_LDAP.INIT('h',80)-- -: ... or with any routine, the application's query cut off right after the call
  if (c >= 0 && isLiteral(t, k) && t.t(k + 1) == Tok.Cmp) {
    const e = routineEnd(t, k + 2);
    if (e > 0 && t.t(e) == Tok.None && (t.f(e - 1) & F_LINE_COMMENT) != 0) out.add(Finding.LiteralTautology, t.s(i), t.e(k + 2));
  }
  // OR data->>'role'='admin'  OR tags @> '{admin}': a JSON member (or containment) tested against a literal, in SQL's own operators
  if (isIdentifier(t, k) && jsonTest(t, k + 1)) out.add(Finding.JsonOperator, t.s(i), t.e(k + 1));
  // AND ORD(MID(VERSION(),1,1))>51  AND char(49)=char(49)  OR char(120) like char(120): a SQL function's result compared with a literal or another's
  // (any function fed a SQL-only name: AND JSON_LENGTH(current_user)>0; in parentheses opening the value, a function fed
  // a call: (ASCII(SUBSTR(user(),1,1))>64), not (length(name) > 20), a formula's or a filter's)
  if (isCall(t, k) && ((isFunctionKw(t.k(k)) && (!paren || isCall(t, k + 2))) || sqlOnlyArgument(t, k + 2))) {
    const a = skipParens(t, k + 1);
    if (isComparison(t, a) && ((isLiteral(t, a + 1) && (t.f(a + 1) & F_OPEN) == 0) || (isCall(t, a + 1) && t.k(a + 1) == Kw.FuncSql))) {
      out.add(Finding.LiteralTautology, t.s(i), t.e(a + 1));
    }
  }
  // AND @@version LIKE '5%'  OR @@datadir=...: a system variable tested against a literal (or as the condition: AND @@version)
  if (t.t(k) == Tok.Var && (t.f(k) & F_SYSVAR) != 0 && ((c >= 0 && isLiteral(t, c - 1)) || endsExpression(t, k + 1))) out.add(Finding.LiteralTautology, t.s(i), t.e(k));
  // AND 1 IN (1)  OR 'a' IN ('b','a'): a literal looked up in a list of literals
  if (isLiteral(t, k) && t.is(k + 1, Kw.In) && t.t(k + 2) == Tok.LParen && isLiteral(t, k + 3) &&
    (t.t(k + 4) == Tok.RParen || t.t(k + 4) == Tok.Comma)) {
    out.add(Finding.LiteralTautology, t.s(i), t.e(k + 3));
  }
  // OR 3*2=6  AND 2-1=1: arithmetic on literals compared with a literal (not the second of a list of
  // worked sums, `3*4=12 and 12/4=3`: an injection's operand before AND is the application's value)
  const l = arithmeticEnd(t, k);
  const sums = t.t(i - 2) == Tok.Cmp && arithmeticEnd(t, i - 5) == i - 2;
  if (l > k + 1 && !sums && !paren && t.t(l) == Tok.Cmp && isLiteral(t, l + 1) && endsExpression(t, arithmeticEnd(t, l + 1))) {
    out.add(Finding.LiteralTautology, t.s(i), t.e(l + 1));
  }
}

/**
 * Whether the tokens before i are the number opening the value, signed or closed by a `)` or two (`1`, `-1`, `1))`), or
 * the numbers of an IN list it closes (`1,35)`).
 */
function afterLeadNumber(t: TokenList, i: i32): bool {
  let j = i - 1;
  while (t.t(j) == Tok.RParen && i - j < 4) j--;
  if (j < i - 1) while (t.t(j) == Tok.Num && t.t(j - 1) == Tok.Comma && j > i - 16) j -= 2;
  return numberOpens && t.t(j) == Tok.Num && (j == 0 || (j == 1 && t.t(0) == Tok.Op && t.e(0) == t.s(1)));
}

/** Whether nothing but `)` follows token j - 1 to the end of the value (a comment or `;` may close it). */
function valueEndsAt(t: TokenList, j: i32): bool {
  while (t.t(j) == Tok.RParen && j < t.n) j++;
  return t.t(j) == Tok.None || (t.t(j) == Tok.Semi && t.t(j + 1) == Tok.None);
}

/**
 * Whether comparison i is SQL's test of equality (or another SQL-only test): `=` `:=` LIKE, and but for `symbolic` (after
 * `&&` `||`, where code writes `==` `!=`) `<>` `!=` `<=>` `!<` `@>`; not `==` `<=` `>=` or a lone `<` `>`.
 */
function sqlEquality(t: TokenList, i: i32, symbolic: bool): bool {
  if (t.t(i) != Tok.Cmp) return t.is(i, Kw.Like);
  const s = t.s(i);
  const c0 = byteAtSource(s);
  if (t.e(i) - s == 1 || c0 == 0x3a) return c0 == 0x3d || c0 == 0x3a;
  return !symbolic && (byteAtSource(s + 1) != 0x3d || c0 == 0x21 || t.e(i) - s == 3);
}

/** Whether a (dotted) routine name called with a subquery among its arguments starts at j: `pkg.fn(1,(SELECT`. */
function callOnSubquery(t: TokenList, j: i32): bool {
  const end = routineEnd(t, j);
  for (let q = j + 2; q < end; q++) if (t.t(q) == Tok.LParen && t.is(q + 1, Kw.Select)) return true;
  return false;
}

/** Index after a (dotted) routine call starting at j (`pkg.fn(...)`), or -1. */
function routineEnd(t: TokenList, j: i32): i32 {
  const from = j;
  while (t.t(j) == Tok.Word && t.t(j + 1) == Tok.Dot && j - from < 6) j += 2;
  return t.t(j) == Tok.Word && (t.f(j) & F_CALL) != 0 ? skipParens(t, j + 1) : -1;
}

/** Whether token i names what only SQL has: a SQL function or information name, `user()`, a system variable. */
function sqlOnlyArgument(t: TokenList, i: i32): bool {
  const k = t.k(i); // (Kw.None but for words)
  return k == Kw.FuncSql || k == Kw.FuncDanger || k == Kw.Database || (k == Kw.FuncWeak && t.t(i + 2) == Tok.RParen) ||
    (t.t(i) == Tok.Var && (t.f(i) & F_SYSVAR) != 0);
}

/** `->'a'->>'b' = lit` or `@> 'lit'` / `<@ 'lit'` from i. */
function jsonTest(t: TokenList, i: i32): bool {
  let j = i;
  while (t.t(j) == Tok.Op && byteAtSource(t.s(j)) == 0x2d && t.e(j) > t.s(j) + 1 && isLiteral(t, j + 1) && j - i < 16) j += 2;
  if (j > i) return isComparison(t, j) && isLiteral(t, j + 1);
  return t.t(j) == Tok.Cmp && t.e(j) == t.s(j) + 2 && (byteAtSource(t.s(j)) == 0x40 || byteAtSource(t.s(j) + 1) == 0x40) && t.t(j + 1) == Tok.Str;
}

/** Index after `lit (op lit)*` from i (numbers joined by + - * / %), i when it does not start with a number. */
function arithmeticEnd(t: TokenList, i: i32): i32 {
  if (t.t(i) != Tok.Num) return i;
  let j = i + 1;
  while (t.t(j) == Tok.Op && t.e(j) == t.s(j) + 1 && t.t(j + 1) == Tok.Num && j - i < 16) j += 2;
  return j;
}

/** `bound`: token i opens a logged statement (boundStatement), whose select list is no finding of its own. */
function word(t: TokenList, i: i32, out: Findings, bound: bool): void {
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
      // (`select sleep the order`: a word after the name makes it a column with an alias, no call)
      if (t.k(i + 1) == Kw.FuncDanger && t.t(i + 2) != Tok.Word) out.add(Finding.DangerCall, t.s(i), t.e(i + 1));
      // SELECT/**/1,2  SeLect*/ 1,user(: a comment standing in for the space after SELECT, then a select list
      if ((f & F_COMMENT) != 0 && (f & F_LINE_COMMENT) == 0 && strongSelectItem(t, i + 1) && isSelectList(t, i + 1)) {
        out.add(Finding.CommentEvasion, t.s(i), t.e(i + 1));
      }
      if (bound) return;
      const from = selectFrom(t, i + 1);
      if (from >= 0 && isSelectList(t, i + 1)) out.add(Finding.SelectFrom, t.s(i), t.e(from + 1));
      else if (t.t(i + 1) == Tok.Var || (isCall(t, i + 1) && t.k(i + 1) != Kw.None) ||
        (t.t(i + 1) == Tok.Num && (t.f(i + 1) & F_HEX) != 0)) out.add(Finding.SelectFrom, t.s(i), t.e(i + 1)); // select 0x61
      return;
    }
    case Kw.FuncDanger:
      if ((isCall(t, i) || (t.t(i + 1) == Tok.LParen && argumentsAt(t, i + 1))) && (f & F_METHOD) == 0 && !codeStatement(t, i)) {
        out.add(Finding.DangerCall, t.s(i), t.e(i) + 1);
      }
      // DBMS_PIPE.RECEIVE_MESSAGE(  DBMS_LOCK.SLEEP(: a routine of an attack-staple package called by its qualified
      // name (packages have a `_` in it; benchmark.run() and sleep.call(x) are code)
      if (t.t(i + 1) == Tok.Dot && t.t(i + 2) == Tok.Word && (t.f(i + 2) & F_CALL) != 0 && (f & F_METHOD) == 0 && hasUnderscore(t, i)) {
        out.add(Finding.DangerCall, t.s(i), t.e(i + 2) + 1);
      }
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
      // UTL_HTTP.REQUEST(: a package (its name has a `_`; sysdate.getTime() is code) called by qualified name
      if (t.t(i + 1) == Tok.Dot && t.t(i + 2) == Tok.Word && (t.f(i + 2) & F_CALL) != 0 && (f & F_METHOD) == 0 && hasUnderscore(t, i)) {
        out.add(Finding.DangerCall, t.s(i), t.e(i + 2) + 1);
      }
      return;
    case Kw.Waitfor:
      if (waitforArgument(t, i + 1)) out.add(Finding.BlindProbe, t.s(i), t.e(i + 1));
      return;
    case Kw.Case: {
      if (!t.is(i + 1, Kw.When)) return;
      // CASE WHEN (1=1) THEN: the condition may sit in parentheses (as many as it opens, it closes)
      let c = comparisonEnd(t, i + 2);
      let j = i + 2;
      while (c < 0 && t.t(j) == Tok.LParen && j - i < 6) j++;
      if (j > i + 2) c = comparisonEnd(t, j);
      for (let d = j - i - 2; c >= 0 && d > 0 && t.t(c) == Tok.RParen; d--) c++;
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
      if (t.t(j) == Tok.Num && endsExpressionOrComma(t, j + 1)) {
        out.add(Finding.OrderByProbe, t.s(i), t.e(j));
        // ORDER BY 12-- -  GROUP BY 3#: the column count probed, the application's query cut off after it
        if ((t.f(j) & F_LINE_COMMENT) != 0 && t.t(j + 1) == Tok.None && sourceLength() - t.e(j) <= 8) out.add(Finding.BreakoutClause, t.s(i), t.e(j));
      }
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

/**
 * if(cond, a, b) with a comparison in the condition: a boolean/time-based blind probe. Not when a lone `=`
 * glued to it opens the value or a cell (`=IF(A6>0,"yes","no")`, `1,=IF(`): that is a spreadsheet formula,
 * and after the application's own `=` or a `,` it would be a syntax error; a sleep() or a literal
 * comparison inside is a finding of its own.
 */
function ifProbe(t: TokenList, i: i32, out: Findings): void {
  if (formulaStart(t, i - 1)) return;
  const end = skipParens(t, i + 1);
  let cmp = false;
  let comma = 0;
  for (let j = i + 2; j < end; j++) {
    if (isComparison(t, j)) cmp = true;
    if (t.t(j) == Tok.Comma) comma++;
  }
  if (cmp && comma >= 2) out.add(Finding.BlindProbe, t.s(i), t.e(end - 1));
}

/** Whether token i is an `=` glued to the next token that opens the value or a cell (after `,` `;` a tab or a line break). */
function formulaStart(t: TokenList, i: i32): bool {
  if (i < 0 || t.t(i) != Tok.Cmp || t.e(i) != t.s(i) + 1 || t.e(i) != t.s(i + 1) || byteAtSource(t.s(i)) != 0x3d) return false;
  const at = t.s(i);
  if (at == 0) return true;
  const c = byteAtSource(at - 1);
  return c == 0x2c || c == 0x3b || c == 0x09 || c == 0x0a;
}
