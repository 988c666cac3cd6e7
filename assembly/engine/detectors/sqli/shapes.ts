// Small grammar pieces over a token list: operands, select lists, statement heads.
// Each returns the index after what it recognised, or -1; none reads past the list.
import { Kw, isFunctionKw } from "./keywords";
import { Tok, TokenList, F_CALL, F_METHOD, F_COMMENT, F_OPEN, F_LINE_COMMENT } from "./tokens";
import { byteAtSource, sourceLength, source } from "./source";
import { wordIs as bytesAre } from "../langs/syntax";

/** Index after the `)` matching the `(` at i (the list end when unbalanced). */
export function skipParens(t: TokenList, i: i32): i32 {
  let depth = 0;
  for (let j = i; j < t.n; j++) {
    const ty = t.t(j);
    if (ty == Tok.LParen) depth++;
    else if (ty == Tok.RParen) {
      depth--;
      if (depth <= 0) return j + 1;
    }
  }
  return t.n;
}

/** A literal: number, string, TRUE/FALSE/NULL. */
export function isLiteral(t: TokenList, i: i32): bool {
  const ty = t.t(i);
  if (ty == Tok.Num || ty == Tok.Str) return true;
  if (ty != Tok.Word) return false;
  const k = t.k(i);
  return k == Kw.True || k == Kw.False || k == Kw.Null;
}

/** A word that can name a column or table (not a reserved word, not an English function word). */
export function isIdentifier(t: TokenList, i: i32): bool {
  if (t.t(i) != Tok.Word) return false;
  const k = t.k(i);
  // (names of schema objects and SQL-only names too: login, index, sysdate, schema_name)
  return k == Kw.None || k == Kw.SysTable || k == Kw.SysSchema || isFunctionKw(k) || k == Kw.Data || k == Kw.Time ||
    k == Kw.Database || k == Kw.Table || k == Kw.Object || k == Kw.SqlOnlyName ||
    (k == Kw.Article && (t.t(i + 1) == Tok.Cmp || t.t(i - 1) == Tok.Cmp)); // a=a: a name, not the article
}

/** Whether token i is a function call (`name(`), not a method of code (`x.name(`). */
export function isCall(t: TokenList, i: i32): bool {
  return t.t(i) == Tok.Word && (t.f(i) & F_CALL) != 0 && (t.f(i) & F_METHOD) == 0 && !pluralMarker(t, i);
}

/** user(s)  char(s)  match(es): the English plural in parentheses, not a call. */
function pluralMarker(t: TokenList, i: i32): bool {
  if (t.t(i + 2) != Tok.Word || t.t(i + 3) != Tok.RParen) return false;
  const s = t.s(i + 2);
  const n = t.e(i + 2) - s;
  const c = byteAtSource(s) | 0x20;
  return (n == 1 && c == 0x73) || (n == 2 && c == 0x65 && (byteAtSource(s + 1) | 0x20) == 0x73);
}

/**
 * One operand of an expression: [unary] literal | @var | name[.name] | name(...) | (...).
 * Returns the index after it, or -1.
 */
export function operandEnd(t: TokenList, i: i32): i32 {
  let j = i;
  while (t.t(j) == Tok.Not || (t.t(j) == Tok.Op && t.s(j) + 1 == t.e(j)) || t.is(j, Kw.Not)) {
    if (j - i >= 3) return -1;
    j++;
  }
  const ty = t.t(j);
  if (ty == Tok.LParen) return skipParens(t, j);
  if (ty == Tok.Num || ty == Tok.Str || ty == Tok.Var) return j + 1;
  if (ty != Tok.Word) return -1;
  if (isCall(t, j)) return skipParens(t, j + 1);
  if (t.t(j + 1) == Tok.LParen && isFunctionKw(t.k(j))) return skipParens(t, j + 1);
  if (isLiteral(t, j)) return j + 1;
  if (!isIdentifier(t, j)) return -1;
  j++;
  while (t.t(j) == Tok.Dot && t.t(j + 1) == Tok.Word) j += 2;
  // pkg.fn(...): a qualified routine's call
  return (t.f(j - 1) & F_CALL) != 0 ? skipParens(t, j) : j;
}

/** Whether the token after an expression ends it: end of value, comment, `;`, `)`, AND/OR. */
export function endsExpression(t: TokenList, i: i32): bool {
  const ty = t.t(i);
  if (ty == Tok.None || ty == Tok.Semi || ty == Tok.RParen || ty == Tok.Logic) return true;
  if ((t.f(i - 1) & F_COMMENT) != 0) return true;
  const k = t.k(i);
  return ty == Tok.Word && (k == Kw.And || k == Kw.Or || k == Kw.Xor || k == Kw.Order || k == Kw.Group ||
    k == Kw.Limit || k == Kw.Union || k == Kw.Having);
}

/** Whether token i is a comparison (symbol or word: LIKE, IS, IN, BETWEEN, REGEXP ...). */
export function isComparison(t: TokenList, i: i32): bool {
  if (t.t(i) == Tok.Cmp) return true;
  const k = t.k(i);
  return t.t(i) == Tok.Word && (k == Kw.Like || k == Kw.Is || k == Kw.In || k == Kw.Between);
}

/**
 * A comparison `operand cmp operand` starting at i (the right side may be omitted when the
 * value ends, as the application's own quote closes it). Returns the index after it, or -1.
 */
export function comparisonEnd(t: TokenList, i: i32): i32 {
  const a = operandEnd(t, i);
  if (a < 0) return -1;
  let c = a;
  if (t.is(c, Kw.Not)) c++;
  if (!isComparison(t, c)) return -1;
  if (t.is(c, Kw.Like) && t.is(c + 1, Kw.Like)) c++; // SOUNDS LIKE
  let b = c + 1;
  if (t.is(b, Kw.Not)) b++;
  if (t.t(b) == Tok.None) return b;
  // BETWEEN 1 AND 9: one comparison with two bounds
  if (t.is(c, Kw.Between) && t.is(b + 1, Kw.And)) b += 2;
  return operandEnd(t, b);
}

/**
 * Whether what follows SELECT at i reads as a select list rather than prose
 * ("select the best option"): a star, literal, variable, call, subquery, or names
 * separated by commas/operators followed by FROM or the end.
 */
export function isSelectList(t: TokenList, i: i32): bool {
  let j = i;
  if (t.is(j, Kw.Distinct) || t.is(j, Kw.All) || t.is(j, Kw.Top)) j++;
  const ty = t.t(j);
  if (ty == Tok.Op && t.s(j) + 1 == t.e(j)) return true; // select *
  if (ty == Tok.Num || ty == Tok.Var || ty == Tok.LParen) return true;
  if (ty == Tok.Str) return true;
  if (ty != Tok.Word) return false;
  if (isCall(t, j) || isLiteral(t, j) || t.k(j) == Kw.FuncDanger) return true;
  if (!isIdentifier(t, j)) return false;
  const n = operandEnd(t, j);
  if (n < 0) return false;
  const after = t.t(n);
  if (after == Tok.Comma || after == Tok.None || after == Tok.Semi || after == Tok.Op) return true;
  if (t.is(n, Kw.From) || t.is(n, Kw.As) || t.is(n, Kw.Into)) return true;
  return (t.f(n - 1) & F_COMMENT) != 0;
}

/** A first select item no prose has: *, a number, a variable, a call, a subquery, a string joined by an operator ('a'||user). */
export function strongSelectItem(t: TokenList, i: i32): bool {
  const ty = t.t(i);
  if (ty == Tok.Op || ty == Tok.Num || ty == Tok.Var || ty == Tok.LParen) return true;
  if (ty == Tok.Str && (t.t(i + 1) == Tok.Logic || t.t(i + 1) == Tok.Op)) return true;
  return isCall(t, i) || t.k(i) == Kw.FuncDanger || t.is(i, Kw.Null);
}

/** Index of FROM closing a select list that starts at i (within a few items), or -1. */
export function selectFrom(t: TokenList, i: i32): i32 {
  let words = 0;
  let j = i;
  const limit = min(t.n, i + 40);
  while (j < limit) {
    const ty = t.t(j);
    if (ty == Tok.LParen) { j = skipParens(t, j); words = 0; continue; }
    if (ty == Tok.Word) {
      const k = t.k(j);
      if (k == Kw.From) return isIdentifier(t, j + 1) || t.t(j + 1) == Tok.LParen ? j : -1;
      if (k == Kw.Article || k == Kw.Select || k == Kw.Union || k == Kw.Where) return -1;
      words++;
      if (words >= 3 && k != Kw.As) return -1; // three bare words in a row: prose
    } else if (ty == Tok.Semi || ty == Tok.RParen) {
      return -1;
    } else {
      words = 0;
    }
    j++;
  }
  return -1;
}

/**
 * A table name at i ([IF [NOT] EXISTS] name[.name]) followed by what a statement has next: the end,
 * `;`, `(`, `,`, a comment or a clause keyword. "Delete from my account please" and "drop table
 * tennis is fun" continue as prose instead.
 */
function tableThenClause(t: TokenList, i: i32): bool {
  let j = i;
  if (t.k(j) == Kw.FuncWeak && (t.is(j + 1, Kw.Exists) || (t.is(j + 1, Kw.Not) && t.is(j + 2, Kw.Exists)))) j += t.is(j + 1, Kw.Not) ? 3 : 2;
  if (!isIdentifier(t, j)) return false;
  j++;
  while (t.t(j) == Tok.Dot && t.t(j + 1) == Tok.Word) j += 2;
  if ((t.f(j - 1) & F_COMMENT) != 0) return true;
  const ty = t.t(j);
  if (ty != Tok.Word) return ty != Tok.Str && ty != Tok.Num;
  const k = t.k(j);
  return k == Kw.Where || k == Kw.Limit || k == Kw.Order || k == Kw.Join || k == Kw.Set || k == Kw.Values || k == Kw.As ||
    k == Kw.On || k == Kw.Union || k == Kw.Select || k == Kw.And || k == Kw.Or || k == Kw.Into;
}

/** Whether what follows the `(` at i reads as arguments, not a remark in parentheses ("sleep (8 hours)"). */
export function argumentsAt(t: TokenList, i: i32): bool {
  if (pluralMarker(t, i - 1)) return false;
  const a = i + 1;
  const ty = t.t(a);
  const n = t.t(a + 1);
  const closes = n == Tok.RParen || n == Tok.Comma || n == Tok.Op || n == Tok.Cmp || n == Tok.None || n == Tok.Dot;
  if (ty == Tok.None || ty == Tok.LParen || ty == Tok.RParen || ty == Tok.Var || ty == Tok.Op || ty == Tok.Not) return true;
  if (ty == Tok.Num || ty == Tok.Str) return closes;
  if (ty != Tok.Word) return false;
  if (isCall(t, a) || t.is(a, Kw.Select) || isLiteral(t, a)) return true;
  return isIdentifier(t, a) && closes;
}

/** Whether a statement keyword at i starts a statement with the right shape (DROP TABLE, DELETE FROM ...). */
export function isStatement(t: TokenList, i: i32): bool {
  const k = t.k(i);
  if (t.t(i) != Tok.Word) return false;
  const k1 = t.k(i + 1);
  switch (k) {
    case Kw.Select: return isSelectList(t, i + 1) && (strongSelectItem(t, i + 1) || selectFrom(t, i + 1) >= 0);
    case Kw.Drop: case Kw.Truncate:
      if (k1 == Kw.Table) return tableThenClause(t, i + 2); // not "drop table tennis is fun"
      return k1 == Kw.Database || k1 == Kw.Procedure || k1 == Kw.Object;
    case Kw.Create: case Kw.Alter:
      return k1 == Kw.Table || k1 == Kw.Database || k1 == Kw.Procedure || k1 == Kw.Object || userIdentified(t, i + 1);
    case Kw.Insert: return k1 == Kw.Into;
    case Kw.Delete: return (k1 == Kw.From && tableThenClause(t, i + 2)) || (isIdentifier(t, i + 1) && t.is(i + 2, Kw.From));
    case Kw.Update: return isIdentifier(t, i + 1) && t.is(i + 2, Kw.Set);
    case Kw.Exec: {
      const ty = t.t(i + 1);
      if (ty == Tok.Var || ty == Tok.Str || ty == Tok.LParen) return true;
      if (isIdentifier(t, i + 1) && t.t(i + 2) == Tok.Str) return true; // EXECUTE IMMEDIATE "...
      if (k1 == Kw.SysProc || k1 == Kw.SysSchema) return true;
      return isIdentifier(t, i + 1) && (t.t(i + 2) == Tok.None || t.t(i + 2) == Tok.Semi || t.t(i + 2) == Tok.Dot) && !hashRemark(t, i + 1);
    }
    case Kw.Declare: return t.t(i + 1) == Tok.Var;
    case Kw.Set: return (t.t(i + 1) == Tok.Var && (t.e(i + 1) > t.s(i + 1) + 1 || t.t(i + 2) != Tok.None)) || setPassword(t, i + 1); // not a lone `@`
    case Kw.Shutdown: return t.t(i + 1) == Tok.None || t.t(i + 1) == Tok.Semi || (t.f(i) & F_COMMENT) != 0;
    case Kw.Waitfor: return waitforArgument(t, i + 1);
    case Kw.Grant: return grantStatement(t, i + 1);
    default: return false;
  }
}

/** DELAY or TIME at i, then the time to wait (a string, a variable, `\'`) or nothing: not a word (`waitfor delay syntax` is a search). */
export function waitforArgument(t: TokenList, i: i32): bool {
  return (t.is(i, Kw.Delay) || t.is(i, Kw.Time)) && t.t(i + 1) != Tok.Word;
}

/** Where an account name at i (`root`, `'root'@'localhost'`, root@localhost, `a`@`%`) ends, or -1. */
function accountEnd(t: TokenList, i: i32): i32 {
  if (!(isIdentifier(t, i) || t.t(i) == Tok.Str)) return -1;
  if (t.t(i + 1) != Tok.Var) return i + 1;
  return t.t(i + 2) == Tok.Str ? i + 3 : i + 2;
}

/**
 * SET PASSWORD [FOR account] = 'x' | PASSWORD('x'): MySQL's statement that changes an account's password.
 * "set password for your account" has neither the account's shape nor the `=` and value.
 */
function setPassword(t: TokenList, i: i32): bool {
  if (!wordIs(t, i, "password")) return false;
  let j = i + 1;
  if (wordIs(t, j, "for")) j = accountEnd(t, j + 1);
  return j > 0 && t.t(j) == Tok.Cmp && (t.t(j + 1) == Tok.Str || isCall(t, j + 1));
}

/** USER account IDENTIFIED BY|WITH (CREATE USER, ALTER USER): "create user identified by email" names no account. */
function userIdentified(t: TokenList, i: i32): bool {
  const j = wordIs(t, i, "user") ? accountEnd(t, i + 1) : -1;
  return j > 0 && wordIs(t, j, "identified") && (t.is(j + 1, Kw.By) || wordIs(t, j + 1, "with"));
}

/**
 * `Execute request #567: please review`: a `#` with text after it ends token i. EXEC is T-SQL's, where `#`
 * opens no comment (it names a temporary table), and MySQL's EXECUTE runs only a statement the attacker
 * prepared before: the words are a ticket's, not a statement cut short (a short `#` tail still is one).
 */
function hashRemark(t: TokenList, i: i32): bool {
  if ((t.f(i) & (F_COMMENT | F_LINE_COMMENT)) != F_COMMENT) return false;
  let c = t.e(i);
  while (byteAtSource(c) == 0x20) c++;
  return byteAtSource(c) == 0x23;
}

/**
 * Lines, or English function words: a text about SQL rather than one statement on one line. Lines
 * count only where some tokens are also parted by plain blanks: a statement with a line break for
 * every blank (`ALTER%0ATABLE%0A...`, the databases read both alike) is one statement laid out to
 * evade, not a code sample, whose lines hold several words each.
 */
export function documentLike(t: TokenList): bool {
  for (let i = 0; i < t.n; i++) if (t.t(i) == Tok.Word && t.k(i) == Kw.Article) return true;
  const last = sourceLength() - 1;
  let lines = false;
  for (let i = 0; i < last; i++) if (byteAtSource(i) == 0x0a) { lines = true; break; }
  if (!lines) return false;
  for (let i = 1; i < t.n; i++) {
    const s = t.e(i - 1);
    const e = t.s(i);
    if (e <= s) continue;
    let k = s;
    while (k < e && (byteAtSource(k) == 0x20 || byteAtSource(k) == 0x09)) k++;
    if (k == e) return true;
  }
  return false;
}

/** A WHERE or HAVING clause from i on whose comparison has a literal on its right side. */
export function literalCondition(t: TokenList, i: i32): bool {
  for (let j = i; j < t.n; j++) {
    if (!(t.is(j, Kw.Where) || t.is(j, Kw.Having))) continue;
    const c = comparisonEnd(t, j + 1);
    return c > j + 1 && isLiteral(t, c - 1) && (t.f(c - 1) & F_OPEN) == 0;
  }
  return false;
}

/** Whether word token i is spelled `lower` (ASCII, a needle: bytes.ts, case-insensitive), read in place (langs/syntax.ts compares). */
export function wordIs<Needle>(t: TokenList, i: i32, lower: Needle, n: i32 = 0): bool {
  return t.t(i) == Tok.Word && bytesAre(source(), t.s(i), t.e(i), lower, n);
}

/**
 * GRANT|REVOKE privileges ON object TO|FROM grantee, where the privileges are SQL's (ALL [PRIVILEGES],
 * SELECT, INSERT, ...) and the object is SQL's too (`*.*`, `db.*`, `app.users`) or the grantee a quoted
 * account: "grant all on Tuesday to the new hires" names neither.
 */
function grantStatement(t: TokenList, i: i32): bool {
  let j = i;
  while (j - i < 12) {
    const k = t.k(j);
    const privilege = k == Kw.All || k == Kw.Select || k == Kw.Insert || k == Kw.Update || k == Kw.Delete ||
      k == Kw.Exec || k == Kw.Create || k == Kw.Drop || k == Kw.Alter;
    if (!privilege || t.t(j) != Tok.Word) return false;
    j++;
    if (wordIs(t, j, "privileges")) j++;
    if (t.t(j) != Tok.Comma) break;
    j++;
  }
  if (!t.is(j, Kw.On)) return false;
  j++;
  if (t.is(j, Kw.Table) || t.is(j, Kw.Database)) j++;
  let sqlObject = false;
  const start = j;
  while (j - start < 5 && (isIdentifier(t, j) || t.is(j, Kw.SysObject) || t.t(j) == Tok.Dot || (t.t(j) == Tok.Op && byteAtSource(t.s(j)) == 0x2a))) {
    if (t.t(j) != Tok.Word) sqlObject = true;
    j++;
  }
  if (j == start || !(wordIs(t, j, "to") || t.is(j, Kw.From))) return false;
  return sqlObject || (t.t(j + 1) == Tok.Str && (t.f(j + 1) & F_OPEN) == 0);
}

/** INSERT|REPLACE [INTO] name [(cols)] VALUES ( | SELECT: a row insert, whichever verb writes it. */
export function valuesStatement(t: TokenList, i: i32): bool {
  if (!(t.is(i, Kw.Insert) || wordIs(t, i, "replace"))) return false;
  let j = i + 1;
  if (t.is(j, Kw.Into)) j++;
  if (!isIdentifier(t, j)) return false;
  j++;
  while (t.t(j) == Tok.Dot && isIdentifier(t, j + 1)) j += 2;
  if (t.t(j) == Tok.LParen) j = skipParens(t, j);
  return (t.is(j, Kw.Values) && t.t(j + 1) == Tok.LParen) || t.is(j, Kw.Select);
}

/**
 * PostgreSQL COPY moving data to or from a file or a program: COPY (SELECT ...) TO PROGRAM '...',
 * COPY t FROM '/etc/passwd'. "copy users to the list" has no file, program or stream after TO.
 */
export function copyStatement(t: TokenList, i: i32): bool {
  if (!wordIs(t, i, "copy")) return false;
  let j: i32;
  if (t.t(i + 1) == Tok.LParen && t.is(i + 2, Kw.Select)) j = skipParens(t, i + 1);
  else if (isIdentifier(t, i + 1)) j = i + 2;
  else return false;
  if (!(t.is(j, Kw.From) || wordIs(t, j, "to"))) return false;
  const n = j + 1;
  return (t.t(n) == Tok.Str && (t.f(n) & F_OPEN) == 0) || wordIs(t, n, "program") || wordIs(t, n, "stdout") || wordIs(t, n, "stdin");
}

/** Index after a literal wrapped in any number of parentheses (`1`, `(1)`, `(('a'))`), or -1. */
export function parenLiteralEnd(t: TokenList, i: i32): i32 {
  let j = i;
  while (t.t(j) == Tok.LParen && j - i < 8) j++;
  if (!isLiteral(t, j) || (t.f(j) & F_OPEN) != 0) return -1;
  const opened = j - i;
  j++;
  for (let k = 0; k < opened; k++) {
    if (t.t(j) != Tok.RParen) return -1;
    j++;
  }
  return j;
}

/**
 * What a sort or paging position takes after the application's value, from i to the end of the value (a comment
 * or `;`): [ORDER|GROUP BY] items [ASC|DESC] [, ...] then [LIMIT n [, n | OFFSET n] | OFFSET n], or a LIMIT then
 * INTO @v / INTO OUTFILE / PROCEDURE ANALYSE() (GROUP BY items may end WITH ROLLUP). `afterItem`: the value's first token was the first item (`name
 * DESC LIMIT 1`). Returns how many parts only SQL writes (column positions, ASC/DESC, LIMIT n, its second number or
 * OFFSET), -1 when no such tail runs to the end. (`speed limit 50` is one: prose has a limit, not an order and a limit.)
 */
export function clauseTail(t: TokenList, i: i32, afterItem: bool): i32 {
  // (only words carry a keyword class: t.k(j) == kw is t.is(j, kw) here)
  let j = i;
  let k = t.k(j);
  const order = !afterItem && (k == Kw.Order || k == Kw.Group) && t.k(j + 1) == Kw.By;
  let marks = 0;
  if (order || afterItem) {
    if (order) j += 2;
    let positions = order ? 1 : 0;
    let dir = 0;
    for (let items = 0; items < 64; items++) {
      if (items > 0 || order) {
        const ty = t.t(j);
        if (ty == Tok.Word && t.k(j) == Kw.None) positions = 0;
        else if (ty != Tok.Num) return -1;
        j++;
      }
      k = t.k(j);
      if (k == Kw.Asc || k == Kw.Desc) { dir = 1; j++; }
      if (t.t(j) != Tok.Comma) break;
      j++;
    }
    // GROUP BY a WITH ROLLUP: MySQL's super-aggregate rows, SQL's words only (no prose orders `by x with rollup` either)
    if (order && wordIs(t, j, "with") && wordIs(t, j + 1, "rollup")) { dir = 1; j += 2; }
    marks = positions + dir;
  }
  k = t.k(j);
  if ((k == Kw.Limit || k == Kw.Offset) && t.t(j + 1) == Tok.Num) {
    marks++;
    j += 2;
    if (k == Kw.Limit) {
      // (a second number, but not a thousands group: `credit limit 1,000`)
      if (t.t(j) == Tok.Comma && t.t(j + 1) == Tok.Num) { if (t.s(j) != t.e(j - 1) || t.e(j + 1) - t.s(j + 1) != 3) marks++; j += 2; }
      else if (t.k(j) == Kw.Offset && t.t(j + 1) == Tok.Num) { marks++; j += 2; }
      // LIMIT 1 INTO @v  LIMIT 1 PROCEDURE ANALYSE(): what MySQL allows after a LIMIT to leak or probe
      const n = t.k(j + 1);
      if ((t.k(j) == Kw.Into && (t.t(j + 1) == Tok.Var || n == Kw.Outfile)) || (t.k(j) == Kw.Procedure && n == Kw.Analyse)) return marks + 2;
    }
  }
  if (j == i) return -1;
  const after = t.t(j);
  return after == Tok.None || after == Tok.Semi || (t.f(j - 1) & F_COMMENT) != 0 ? marks : -1;
}

/**
 * SHOW [FULL] TABLES|DATABASES|COLUMNS [FROM|IN name | LIKE '...'], DESC|DESCRIBE name, USE name from j to the end of the
 * statement: what lists the schema or picks the database (after the value's number: fragments.ts; prose puts a word
 * before its `;`, "show tables in the UI; show more").
 */
export function schemaRead(t: TokenList, j: i32): bool {
  let e = j + 1;
  const show = wordIs(t, j, "show");
  if (show && t.k(e) == Kw.None) e++; // FULL  GLOBAL
  if (show ? t.k(e) != Kw.SysObject : !((t.is(j, Kw.Desc) || wordIs(t, j, "describe") || wordIs(t, j, "use")) && isIdentifier(t, e))) return false;
  e++;
  if (t.t(e) == Tok.Dot || (show && t.t(e) == Tok.Word)) e += 2; // db.users  FROM users  LIKE 'u%'
  return t.t(e) == Tok.None || t.t(e) == Tok.Semi || (t.f(e - 1) & F_COMMENT) != 0;
}
