// SQL tokenizer: bytes -> token classes (see tokens.ts). One pass, no allocation,
// lenient: every byte becomes part of some token or is skipped, nothing fails.
// Comments are not tokens: they set flags on the token before them, because what
// matters to the grammar is where a comment truncates or splits the statement.
import { byteAt, isDigit, isHexDigit, isSpaceByte, isSpaceByteInline, isWordByte, lowerByte } from "../../bytes";
import { Kw, keywordOf, hashStep, HASH_SEED } from "./keywords";
import { noBreakSpaceAt } from "./blanks";
import { Tok, TokenList, F_OPEN, F_CALL, F_COMMENT, F_HEX, F_METHOD, F_SPLIT, F_LEAD_COMMENT, F_LINE_COMMENT, F_SYSVAR } from "./tokens";

// @ts-ignore: decorator
@inline function isWordStart(c: u32): bool {
  return (c | 0x20) - 0x61 < 26 || c == 0x5f || c >= 0x80;
}

// @ts-ignore: decorator
@inline function isWordChar(c: u32): bool {
  return isWordByte(c) || c == 0x24 || c >= 0x80;
}

/** TokenizerState.plusFrom where no `+` reads as a space. */
export const NO_PLUS = I32.MAX_VALUE;

/** Tokenizer state that outlives one call (a value is tokenized in windows). */
export class TokenizerState {
  /** Inside a MySQL executable comment `/*! ... *\/`: its end is skipped like a space. */
  inExecComment: bool = false;
  /** Seen `/*!`, a word split by a comment, or a comment anywhere. */
  sawExecComment: bool = false;
  sawComment: bool = false;
  /** From this offset on, `+` between two words reads as a space: the value, or the query of a URL value, was
   * form-encoded (set per value, kept by reset; NO_PLUS: nowhere). */
  plusFrom: i32 = NO_PLUS;
  /** ODBC escapes `{name ` opened and not yet closed by `}`. */
  odbcEscapes: i32 = 0;
  reset(): void {
    this.odbcEscapes = 0;
    this.inExecComment = false;
    this.sawExecComment = false;
    this.sawComment = false;
  }
}

/** End of a quoted run starting after the opening quote at `from`, or -1 when unclosed. */
export function closingQuote(buf: ArrayBuffer, from: i32, end: i32, q: u32): i32 {
  let i = from;
  while (i < end) {
    const c = byteAt(buf, i);
    if (c == 0x5c) { i += 2; continue; } // backslash escape
    if (c == q) {
      if (i + 1 < end && byteAt(buf, i + 1) == q) { i += 2; continue; } // doubled quote
      return i;
    }
    i++;
  }
  return -1;
}

/**
 * Records a comment on the token before it. `truncates`: the comment swallows what is left
 * of the application's query (`--`/`#` with at most a few bytes after it, an unclosed `/*`),
 * unlike an attribution dash in prose ("-- Larry Wall") or a `#colour`.
 */
function comment(out: TokenList, st: TokenizerState, truncates: bool): void {
  st.sawComment = true;
  const flag: u8 = truncates ? F_COMMENT | F_LINE_COMMENT : F_COMMENT;
  if (out.n == 0) out.leadFlags |= F_LEAD_COMMENT | flag;
  else out.addFlag(out.n - 1, flag);
}

function lineEnd(buf: ArrayBuffer, i: i32, end: i32): i32 {
  while (i < end && byteAt(buf, i) != 0x0a) i++;
  return i;
}

/** Whether a line comment whose text starts at i leaves at most 3 non-space bytes before the line ends. */
function shortRest(buf: ArrayBuffer, i: i32, end: i32): bool {
  let n = 0;
  while (i < end) {
    const c = byteAt(buf, i);
    if (c == 0x0a) break;
    if (!isSpaceByte(c) && ++n > 3) return false;
    i++;
  }
  return true;
}

/** Index after the `*\/` closing a block comment whose body starts at i (end when unclosed). */
function blockEnd(buf: ArrayBuffer, i: i32, end: i32): i32 {
  while (i + 1 < end) {
    if (byteAt(buf, i) == 0x2a && byteAt(buf, i + 1) == 0x2f) return i + 2;
    i++;
  }
  return end;
}

/**
 * Tokenizes buf[pos, end) into `out` (appending) until the input ends or the list is full.
 * Returns the position where it stopped.
 */
export function tokenize(buf: ArrayBuffer, pos: i32, end: i32, out: TokenList, st: TokenizerState): i32 {
  let i = pos;
  while (i < end && !out.full()) {
    const c = byteAt(buf, i);
    const next = i + 1 < end ? byteAt(buf, i + 1) : 0;
    if (isSpaceByteInline(c) || c < 0x20 || c == 0x7f) { i++; continue; }
    if (c >= 0xa0) { const nb = noBreakSpaceAt(buf, i, end); if (nb > 0) { i += nb; continue; } }
    if (isWordStart(c)) { i = word(buf, i, end, out, st); continue; }
    if (isDigit(c) || (c == 0x2e && isDigit(next))) { i = number(buf, i, end, out); continue; }
    switch (c) {
      case 0x27: case 0x22: { // ' "
        const close = closingQuote(buf, i + 1, end, c);
        if (close < 0) { out.push(Tok.Str, Kw.None, F_OPEN, i, end); i = end; }
        else { out.push(Tok.Str, Kw.None, 0, i, close + 1); i = close + 1; }
        continue;
      }
      case 0x24: { // $$text$$ $tag$text$tag$: a PostgreSQL dollar-quoted string
        const close = dollarClose(buf, i, end);
        if (close < 0) { out.push(Tok.Other, Kw.None, 0, i, i + 1); i++; continue; }
        out.push(Tok.Str, Kw.None, 0, i, close); i = close;
        continue;
      }
      case 0x60: { // `identifier`
        let j = i + 1;
        let h = HASH_SEED;
        while (j < end && byteAt(buf, j) != 0x60) { h = hashStep(h, lowerByte(byteAt(buf, j))); j++; }
        // a quoted name is no keyword, but `information_schema` still names the catalog
        out.push(Tok.Word, keywordOf(h) == Kw.SysTable ? Kw.SysTable : Kw.None, 0, i, min(j + 1, end));
        i = j + 1;
        continue;
      }
      case 0x5c: // \N: MySQL's NULL, glued to what follows (\Nunion)
        if (next == 0x4e) { out.push(Tok.Word, Kw.Null, 0, i, i + 2); i += 2; continue; }
        out.push(Tok.Other, Kw.None, 0, i, i + 1); i++; continue;
      case 0x23: comment(out, st, shortRest(buf, i + 1, end)); i = lineEnd(buf, i, end); continue; // #
      case 0x2d: // -
        if (next == 0x2d) { comment(out, st, shortRest(buf, i + 2, end)); i = lineEnd(buf, i, end); continue; }
        if (next == 0x3e) { // -> ->>: a JSON member of MySQL, PostgreSQL, SQLite
          const len = i + 2 < end && byteAt(buf, i + 2) == 0x3e ? 3 : 2;
          out.push(Tok.Op, Kw.None, 0, i, i + len); i += len; continue;
        }
        out.push(Tok.Op, Kw.None, 0, i, i + 1); i++; continue;
      case 0x2f: // /
        if (next == 0x2a) {
          if (i + 2 < end && byteAt(buf, i + 2) == 0x21) { // /*! executable comment: its body is code
            st.inExecComment = true;
            st.sawExecComment = true;
            i += 3;
            let d = 0;
            while (i < end && d < 6 && isDigit(byteAt(buf, i))) { i++; d++; }
            continue;
          }
          const after = blockEnd(buf, i + 2, end);
          comment(out, st, after == end && !(after >= i + 4 && byteAt(buf, after - 1) == 0x2f && byteAt(buf, after - 2) == 0x2a) &&
            shortRest(buf, i + 2, end));
          i = after;
          continue;
        }
        out.push(Tok.Op, Kw.None, 0, i, i + 1); i++; continue;
      case 0x2a: // *
        if (next == 0x2f && st.inExecComment) { st.inExecComment = false; i += 2; continue; }
        // A stray `*/` closes a comment the application's query (or an earlier value) opened:
        // to the database it is a comment boundary, like the space it stands for (SELECT*/1).
        if (next == 0x2f) { comment(out, st, false); i += 2; continue; }
        out.push(Tok.Op, Kw.None, 0, i, i + 1); i++; continue;
      case 0x40: { // @var @@var
        if (next == 0x3e) { out.push(Tok.Cmp, Kw.None, 0, i, i + 2); i += 2; continue; } // @> (json containment)
        let j = i + 1;
        const sys = j < end && byteAt(buf, j) == 0x40;
        if (sys) j++;
        while (j < end && ((isWordChar(byteAt(buf, j)) && noBreakSpaceAt(buf, j, end) == 0) || byteAt(buf, j) == 0x2e)) j++;
        out.push(Tok.Var, Kw.None, sys ? F_SYSVAR : 0, i, j); i = j; continue;
      }
      case 0x3d: // =
        out.push(Tok.Cmp, Kw.None, 0, i, next == 0x3d ? i + 2 : i + 1); i += next == 0x3d ? 2 : 1; continue;
      case 0x3c: { // <
        let len = 1;
        let type = Tok.Cmp;
        if (next == 0x3d) len = i + 2 < end && byteAt(buf, i + 2) == 0x3e ? 3 : 2;
        else if (next == 0x3e) len = 2;
        else if (next == 0x3c) { len = 2; type = Tok.Op; }
        else if (next == 0x40) len = 2; // <@ (json containment)
        out.push(type, Kw.None, 0, i, i + len); i += len; continue;
      }
      case 0x3e: { // >
        let len = 1;
        let type = Tok.Cmp;
        if (next == 0x3d) len = 2;
        else if (next == 0x3e) { len = 2; type = Tok.Op; }
        out.push(type, Kw.None, 0, i, i + len); i += len; continue;
      }
      case 0x21: // !
        if (next == 0x3d || next == 0x3c || next == 0x3e) { out.push(Tok.Cmp, Kw.None, 0, i, i + 2); i += 2; continue; }
        out.push(Tok.Not, Kw.None, 0, i, i + 1); i++; continue;
      case 0x26: // &
        if (next == 0x26) { out.push(Tok.Logic, Kw.None, 0, i, i + 2); i += 2; continue; }
        out.push(Tok.Op, Kw.None, 0, i, i + 1); i++; continue;
      case 0x7c: // |
        if (next == 0x7c) { out.push(Tok.Logic, Kw.None, 0, i, i + 2); i += 2; continue; }
        out.push(Tok.Op, Kw.None, 0, i, i + 1); i++; continue;
      case 0x3a: // : (:: cast, := assignment)
        if (next == 0x3a) { out.push(Tok.Op, Kw.None, 0, i, i + 2); i += 2; continue; }
        if (next == 0x3d) { out.push(Tok.Cmp, Kw.None, 0, i, i + 2); i += 2; continue; }
        out.push(Tok.Other, Kw.None, 0, i, i + 1); i++; continue;
      case 0x2b: // + between two words of a form-encoded value is a space (WAITFOR+DELAY, 1+union+select)
        // (a run of them too: 1++OR++1 is `1  OR  1` once the form decoding the application does is done)
        if (i >= st.plusFrom) {
          const p = i > 0 ? byteAt(buf, i - 1) : 0; // (the byte before a scan's start too: the quote a breakout closed)
          // (`: ; < = >`, 0x3a-0x3e, next to a `+` are no sum's either: 1;+USE+db, @v+:=+1, col+>+2)
          const ps = p - 0x3a < 5;
          let j = i + 1;
          while (j < end && j - i < 8 && byteAt(buf, j) == 0x2b) j++;
          const w = j < end ? byteAt(buf, j) : 0;
          // (a word on either side: AND+1=1 and 1+AND are spaces, 1+1 stays a sum; after a quote, a backticked name, `)` or a
          // comment's `*/` too: x'+AND+'a'='a, `c`+LIMIT+1, 1)+OR+1, */+users, */+4; a word or `: ; < = >` then a quote:
          // DELAY+'0:0:5', DESC+`t`, <=>+'a'; before a comment: 12+/*!ORDER*/; and next to `||` `&&`, which no sum has as an
          // operand: 1+||+2=2 is `1 || 2=2`)
          if (((isWordChar(p) || isQuote(p) || p == 0x29 || p == 0x2f || ps) && w < 0x80 && (isWordStart(w) || w == 0x2f ||
            w - 0x3a < 5 || ((isWordChar(w) || isQuote(w)) && (isWordStart(p) || p == 0x2f || ps)) || (isQuote(w) && isWordChar(p)))) ||
            logicPair(buf, i - 2, pos, end) || logicPair(buf, j, pos, end)) { i = j; continue; }
        }
        out.push(Tok.Op, Kw.None, 0, i, i + 1); i++; continue;
      case 0x25: case 0x5e: case 0x7e: // % ^ ~
        out.push(Tok.Op, Kw.None, 0, i, i + 1); i++; continue;
      case 0x7b: { // { : MySQL's ODBC escape `{identifier expr}` evaluates expr ({x select 1}, or {if length(..)>0})
        let j = i + 1;
        while (j < end && j - i <= 32 && (byteAt(buf, j) | 0x20) - 0x61 < 26) j++;
        if (j > i + 1 && j < end && isSpaceByte(byteAt(buf, j))) { st.odbcEscapes++; i = j; continue; }
        out.push(Tok.Other, Kw.None, 0, i, i + 1); i++; continue;
      }
      case 0x7d: // } closing an ODBC escape is a boundary like a space
        if (st.odbcEscapes > 0) { st.odbcEscapes--; i++; continue; }
        out.push(Tok.Other, Kw.None, 0, i, i + 1); i++; continue;
      case 0x2c: out.push(Tok.Comma, Kw.None, 0, i, i + 1); i++; continue;
      case 0x28: out.push(Tok.LParen, Kw.None, 0, i, i + 1); i++; continue;
      case 0x29: out.push(Tok.RParen, Kw.None, 0, i, i + 1); i++; continue;
      case 0x3b: out.push(Tok.Semi, Kw.None, 0, i, i + 1); i++; continue;
      case 0x2e: out.push(Tok.Dot, Kw.None, 0, i, i + 1); i++; continue;
      default: out.push(Tok.Other, Kw.None, 0, i, i + 1); i++; continue;
    }
  }
  return i;
}

/**
 * Index after the delimiter closing a dollar-quoted string whose opening `$` (or `$tag$`, a tag being
 * a name that starts with a letter or `_`) is at i, within 256 bytes; -1 when i opens none.
 */
function dollarClose(buf: ArrayBuffer, i: i32, end: i32): i32 {
  let j = i + 1;
  if (j < end && byteAt(buf, j) != 0x24) {
    if (!isWordStart(byteAt(buf, j))) return -1;
    while (j < end && j - i <= 16 && isWordChar(byteAt(buf, j)) && byteAt(buf, j) != 0x24) j++;
  }
  if (j >= end || byteAt(buf, j) != 0x24) return -1;
  const n = j - i + 1; // the delimiter's length
  const stop = min(end, j + 257);
  for (let k = j + 1; k + n <= stop; k++) {
    let m = 0;
    while (m < n && byteAt(buf, k + m) == byteAt(buf, i + m)) m++;
    if (m == n) return k + n;
  }
  return -1;
}

// @ts-ignore: decorator
/** A string's quote, or the backtick of a quoted name. */
@inline function isQuote(c: u32): bool {
  return c == 0x27 || c == 0x22 || c == 0x60;
}

/** Whether buf[i, i+2) is `||` or `&&` inside [pos, end). */
function logicPair(buf: ArrayBuffer, i: i32, pos: i32, end: i32): bool {
  if (i < pos || i + 1 >= end) return false;
  const c = byteAt(buf, i);
  return (c == 0x7c || c == 0x26) && byteAt(buf, i + 1) == c;
}

function number(buf: ArrayBuffer, i: i32, end: i32, out: TokenList): i32 {
  const start = i;
  if (byteAt(buf, i) == 0x30 && i + 2 < end && (byteAt(buf, i + 1) | 0x20) == 0x78 && isHexDigit(byteAt(buf, i + 2))) {
    i += 2;
    while (i < end && isHexDigit(byteAt(buf, i))) i++;
    out.push(Tok.Num, Kw.None, F_HEX, start, i);
    return i;
  }
  while (i < end && isDigit(byteAt(buf, i))) i++;
  if (i < end && byteAt(buf, i) == 0x2e) { i++; while (i < end && isDigit(byteAt(buf, i))) i++; }
  if (i + 1 < end && (byteAt(buf, i) | 0x20) == 0x65) { // exponent
    let j = i + 1;
    if (byteAt(buf, j) == 0x2b || byteAt(buf, j) == 0x2d) j++;
    if (j < end && isDigit(byteAt(buf, j))) { i = j; while (i < end && isDigit(byteAt(buf, i))) i++; }
  }
  // Oracle's 1D 1F (binary double/float literals) glued to a keyword: 1DUNION is `1D UNION`
  if (i + 1 < end && ((byteAt(buf, i) | 0x20) == 0x64 || (byteAt(buf, i) | 0x20) == 0x66) && keywordAt(buf, i + 1, end)) i++;
  out.push(Tok.Num, Kw.None, 0, start, i);
  return i;
}

/** Whether the word at buf[i] (letters only, up to 12) is a SQL keyword. */
function keywordAt(buf: ArrayBuffer, i: i32, end: i32): bool {
  let h = HASH_SEED;
  const start = i;
  while (i < end && i - start < 12 && (byteAt(buf, i) | 0x20) - 0x61 < 26) { h = hashStep(h, lowerByte(byteAt(buf, i))); i++; }
  const k = keywordOf(h);
  return i > start && (i == end || !isWordChar(byteAt(buf, i))) && k != Kw.None && k != Kw.Article;
}

let joinedHash: u32 = 0;
let joinedLength = 0;
let joinedEnd = 0;

/** Whether the comments glued from i on (up to 8 pieces) join word pieces into a keyword; sets joined*. */
function joinSplitWord(buf: ArrayBuffer, i: i32, end: i32, h: u32): bool {
  let j = i;
  let added = 0;
  for (let pieces = 0; pieces < 8; pieces++) {
    if (!(j + 2 < end && byteAt(buf, j) == 0x2f && byteAt(buf, j + 1) == 0x2a && byteAt(buf, j + 2) != 0x21)) return false;
    const after = blockEnd(buf, j + 2, end);
    if (after >= end || !isWordChar(byteAt(buf, after))) return false;
    j = after;
    while (j < end && isWordChar(byteAt(buf, j))) { h = hashStep(h, lowerByte(byteAt(buf, j))); j++; added++; }
    const k = keywordOf(h);
    if (k != Kw.None && k != Kw.Article) {
      joinedHash = h; joinedLength = added; joinedEnd = j;
      return true;
    }
  }
  return false;
}

function word(buf: ArrayBuffer, i: i32, end: i32, out: TokenList, st: TokenizerState): i32 {
  const start = i;
  let h = HASH_SEED;
  let flags: u8 = 0;
  let len = 0;
  while (i < end) {
    const c = byteAt(buf, i);
    if (isWordChar(c) && (c < 0xa0 || noBreakSpaceAt(buf, i, end) == 0)) { h = hashStep(h, lowerByte(c)); i++; len++; continue; }
    // Plain comments glued inside a word (UN/**/ION, S/**/EL/**/ECT) join its pieces, as comment-stripping
    // filters would, when the joined word is a keyword; otherwise the comment separates two words.
    if (c == 0x2f && joinSplitWord(buf, i, end, h)) {
      st.sawComment = true; flags |= F_SPLIT; h = joinedHash; len += joinedLength; i = joinedEnd; continue;
    }
    break;
  }
  // Typed string literals: x'41' b'01' n'text' e'text' _utf8'text'
  if (i < end && byteAt(buf, i) == 0x27 && (len == 1 || byteAt(buf, start) == 0x5f)) {
    const l = lowerByte(byteAt(buf, start));
    if (len > 1 || l == 0x78 || l == 0x62 || l == 0x6e || l == 0x65) {
      const close = closingQuote(buf, i + 1, end, 0x27);
      if (close < 0) { out.push(Tok.Str, Kw.None, F_OPEN, start, end); return end; }
      out.push(Tok.Str, Kw.None, 0, start, close + 1);
      return close + 1;
    }
  }
  if (i < end && byteAt(buf, i) == 0x28) flags |= F_CALL;
  if (out.n > 0 && out.t(out.n - 1) == Tok.Dot) flags |= F_METHOD;
  // `count(select: $o)`, `order:`: a name given a value (GraphQL arguments, YAML keys); SQL glues no `:` to a keyword
  const named = i < end && byteAt(buf, i) == 0x3a && (i + 1 >= end || (byteAt(buf, i + 1) != 0x3a && byteAt(buf, i + 1) != 0x3d));
  out.push(Tok.Word, len <= 32 && !named ? keywordOf(h) : Kw.None, flags, start, i);
  return i;
}
