// SQL injection (rules 2000-2999): tokenize the value, then look for the structures real
// injections have, under three readings of the value: as it is (a number or a bare
// fragment), and as if it followed a `'` or a `"` in the application's query.
// Stages: sqli/tokenizer.ts -> sqli/grammar.ts (+ breakout.ts, fragments.ts, shapes.ts) -> findings -> rules here.
import { Rule, Category, CRITICAL, ERROR, WARNING, NOTICE } from "../rule";
import { Sink } from "../sink";
import { Target, TargetKind } from "../target";
import { byteAt, isWordByte, isHexDigit, isSpaceByte, lowerByte } from "../bytes";
import { Kw, keywordOf, hashStep, HASH_SEED } from "./sqli/keywords";
import { Tok, TokenList, MAX_TOKENS } from "./sqli/tokens";
import { TokenizerState, tokenize, closingQuote, NO_PLUS } from "./sqli/tokenizer";
import { analyse } from "./sqli/grammar";
import { setSource } from "./sqli/fragments";
import { Finding, Findings } from "./sqli/findings";
import { foldQuotes } from "./sqli/quotes";
import { overflowNumber } from "./sqli/overflow";
import { jsonBreakout } from "./sqli/jsonbreak";
import { symbolOnlyCount, danglingLogic, quoteThenNumber, arithmeticBefore } from "./sqli/anomaly";
import { noBreakSpaceAt } from "./sqli/blanks";
import { withoutStrayPercent } from "./sqli/stray-percent";
import { opensQuotedSpan } from "./sqli/quoted-span";
import { inertProse } from "./sqli/prose";
import { WordList } from "../wordlist";
import { HIGH, PERCENT, PLUS, QUESTION, QUOTE } from "../census";
import { indexOfEither } from "../transform/out";
import { wordIs } from "./langs/syntax";

const BASE = 2001;
// The reason each rule gives in the log and the block body, by id - BASE (the release build drops rule
// descriptions; a word list is packed as bytes there).
const REASONS = new WordList("UNION SELECT|quote breakout, then a condition|boolean operator, then literals compared|stacked query|quote breakout, then a comment|attack function call|breakout, then a clause or function|system catalog|MSSQL stored procedure|SELECT list FROM table|SQL function call|blind probe|file access|keyword split by a comment|column-count probe|hex literal|system variable|subquery|data-changing statement|PostgreSQL operator on a literal|quote breakout, then an operator|starts with a SQL function call|starts with a boolean operator|bare SQL operator|literals compared|end of a select list|PostgreSQL cast|subquery as an operand|number past an integer range|JSON string closed, structure added|12+ symbols, no word|6+ symbols, no word|2+ symbols, no word|ends in a boolean operator|quote, symbols, a number|arithmetic, then a boolean operator");

// One rule per finding, in the order of the Finding enum (id = 2001 + finding).
export const SQLI_RULES: Rule[] = [
  new Rule(2001, Category.Sqli, CRITICAL, 1, "UNION [ALL] SELECT"),
  new Rule(2002, Category.Sqli, CRITICAL, 1, "quote breakout followed by a boolean condition (' OR '1'='1)"),
  new Rule(2003, Category.Sqli, CRITICAL, 1, "boolean operator with a comparison of literals (1 OR 1=1, AND 1=2)"),
  new Rule(2004, Category.Sqli, CRITICAL, 1, "stacked query (; DROP TABLE, ; SELECT, ; EXEC)"),
  new Rule(2005, Category.Sqli, CRITICAL, 1, "quote breakout followed by a comment that truncates the query (admin'--)"),
  new Rule(2006, Category.Sqli, CRITICAL, 1, "call of an attack function (sleep, benchmark, pg_sleep, extractvalue, updatexml, load_file)"),
  new Rule(2007, Category.Sqli, CRITICAL, 1, "quote (or number) breakout followed by a SQL clause, subquery or function (' ORDER BY, 1 ORDER BY 3, ' AND ascii()"),
  new Rule(2008, Category.Sqli, CRITICAL, 1, "system catalog reference (information_schema, sysobjects, mysql.user)"),
  new Rule(2009, Category.Sqli, CRITICAL, 1, "MSSQL extended/system stored procedure (xp_cmdshell, sp_executesql)"),
  new Rule(2010, Category.Sqli, WARNING, 1, "SELECT list FROM table"),
  new Rule(2011, Category.Sqli, WARNING, 1, "call of a SQL-specific function (char, concat, substring, ascii ...)"),
  new Rule(2012, Category.Sqli, CRITICAL, 1, "blind probe (WAITFOR DELAY, IF(cond,a,b), CASE WHEN cond THEN)"),
  new Rule(2013, Category.Sqli, CRITICAL, 1, "file access (INTO OUTFILE/DUMPFILE, LOAD DATA INFILE)"),
  new Rule(2014, Category.Sqli, CRITICAL, 1, "SQL keyword split by a comment (UN/**/ION)"),
  new Rule(2015, Category.Sqli, WARNING, 1, "column-count/having probe (ORDER BY 5, GROUP BY 1, HAVING 1=1)"),
  new Rule(2016, Category.Sqli, NOTICE, 1, "hex-encoded literal (0x61646d696e)"),
  new Rule(2017, Category.Sqli, ERROR, 1, "system variable (@@version)"),
  new Rule(2018, Category.Sqli, WARNING, 1, "subquery ((SELECT ...)"),
  new Rule(2019, Category.Sqli, CRITICAL, 1, "value is a data-changing statement (DROP TABLE, DELETE FROM, INSERT INTO)"),
  new Rule(2020, Category.Sqli, CRITICAL, 1, "PostgreSQL cast/JSON operator on a literal ('...'::jsonb)"),
  new Rule(2021, Category.Sqli, NOTICE, 1, "quote breakout followed by an operator"),
  new Rule(2022, Category.Sqli, CRITICAL, 1, "value starts with a SQL function call (concat(, rand (, if(1=) or is a SQL-only name (varchar, openrowset); a column type (varchar(255)) in a parameter named for a type does not count"),
  new Rule(2023, Category.Sqli, CRITICAL, 1, "value starts with a boolean operator and an operand (AND 1=(, || x == ')"),
  new Rule(2024, Category.Sqli, CRITICAL, 1, "value is a bare SQL operator, or one operation of it (<=>, IS NULL, in (0,1), @v:=1, col<=>1), except in a parameter named for an operator (op, operator, comparator)"),
  new Rule(2025, Category.Sqli, CRITICAL, 1, "comparison of two literals (1=1, 42 like 42)"),
  new Rule(2026, Category.Sqli, CRITICAL, 1, "end of a select list (... AS alias FROM)"),
  new Rule(2027, Category.Sqli, CRITICAL, 1, "PostgreSQL cast to a type (x::int, (...)::text)"),
  new Rule(2028, Category.Sqli, CRITICAL, 1, "subquery as an operand (= (SELECT, AND (SELECT, IN (SELECT)"),
  new Rule(2029, Category.Sqli, CRITICAL, 1, "number just past an integer or double range (2^31, 2^32, 2^63, 2^64, 1e309, 2.2250738585072011e-308)"),
  new Rule(2030, Category.Sqli, CRITICAL, 1, "value closes a JSON string and adds structure (\":60, \", \"role\": \"admin)"),
  // Probe shapes without SQL structure of their own (sqli/anomaly.ts): higher paranoia levels only.
  new Rule(2031, Category.Sqli, CRITICAL, 2, "value of 12 or more symbols and no letter or digit (!@#$%^&*()-=, ((((()))))"),
  new Rule(2032, Category.Sqli, CRITICAL, 3, "value of 6 or more symbols and no letter or digit (!@#$%^, ------)"),
  new Rule(2033, Category.Sqli, CRITICAL, 4, "value of 2 or more symbols and no letter or digit (!@, ' -)"),
  new Rule(2034, Category.Sqli, CRITICAL, 2, "value ending in a boolean operator after an operand (x OR , 3 and )"),
  new Rule(2035, Category.Sqli, CRITICAL, 3, "value opening with a quote, then symbols up to a number ('16/17, \"` * 123)"),
  new Rule(2036, Category.Sqli, CRITICAL, 1, "value continuing an arithmetic expression and ending in a boolean operator (/3 or , *2 and )"),
];

// Per-target scratch state, allocated once (the filter handles one request at a time).
const tokens = new TokenList();
const state = new TokenizerState();
const found = new Findings();
const OVERLAP = 8;
const EXPLOIT_MARKS: u32 = (1 << <u32>Finding.UnionSelect) | (1 << <u32>Finding.DangerCall) | (1 << <u32>Finding.SystemCatalog) |
  (1 << <u32>Finding.SystemProcedure) | (1 << <u32>Finding.BlindProbe) | (1 << <u32>Finding.FileAccess) |
  (1 << <u32>Finding.CommentEvasion) | (1 << <u32>Finding.SystemVariable);

/** Tokenizes buf[from, limit) (to the end when limit < 0) in windows of MAX_TOKENS (overlapping), analysing each. */
function scan(buf: ArrayBuffer, from: i32, breakoutEnd: i32, escaped: bool, limit: i32, valueStart: i32): void {
  const end = limit >= 0 ? limit : buf.byteLength;
  state.reset();
  let pos = from;
  let first = true;
  const before = found.mask;
  let prose = I32.MAX_VALUE;
  while (true) {
    tokens.reset();
    if (first && breakoutEnd > 0) tokens.push(Tok.Str, 0, 0, valueStart, breakoutEnd);
    const stop = tokenize(buf, pos, end, tokens, state);
    if (prose == I32.MAX_VALUE) prose = proseRun(buf, first && breakoutEnd > 0 ? 1 : 0);
    analyse(tokens, first && breakoutEnd > 0, first, found, escaped && first);
    if (stop >= end || tokens.n < MAX_TOKENS) break;
    const next = tokens.s(MAX_TOKENS - OVERLAP);
    pos = next > pos ? next : stop; // always advance
    first = false;
  }
  // what follows a run of prose is no query the application runs: the structures this reading found there go,
  // the marks of an exploit (UNION SELECT, sleep(), WAITFOR, catalogs, procedures, files, @@vars, /*!*/) stay
  if (prose != I32.MAX_VALUE) {
    const added = found.mask & ~before & ~EXPLOIT_MARKS;
    for (let f = 0; f < <i32>Finding.Count; f++) {
      if ((added & (1 << <u32>f)) != 0 && unchecked(found.start[f]) >= prose) found.mask &= ~(1 << <u32>f);
    }
  }
  if (state.sawExecComment && found.mask != 0) found.add(Finding.CommentEvasion, from, end);
  // SELECT/**/x/**/FROM/**/t: comments standing in for spaces around SQL keywords
  if (state.sawComment && found.has(Finding.SelectFrom) && !hasSpace(buf)) found.add(Finding.CommentEvasion, from, end);
}

/**
 * Start of the first run of three words that are no SQL keyword, one blank apart (`I tried this`,
 * `s my code` after `Here'`) or two ending in `: ` (`Minimal example:`), from token i on; I32.MAX_VALUE
 * when there is none. No SQL dialect puts three bare names in a row or a blank after two names and `:`: the
 * application's query fails to parse there, and nothing after it runs.
 */
function proseRun(buf: ArrayBuffer, i: i32): i32 {
  let run = 0;
  for (let j = i; j < tokens.n; j++) {
    const k = tokens.k(j);
    const s = tokens.s(j);
    if (tokens.t(j) != Tok.Word || tokens.f(j) != 0 || (k != Kw.None && k != Kw.Article)) { run = 0; continue; }
    run = run > 0 && s == tokens.e(j - 1) + 1 && isSpaceByte(byteAt(buf, s - 1)) ? run + 1 : 1;
    if (run == 3) return tokens.s(j - 2);
    // `Minimal example:` then a line: two names before `: ` are a label no query holds (one is a header's name)
    const e = tokens.e(j);
    if (run == 2 && byteAt(buf, e) == 0x3a && isSpaceByte(byteAt(buf, e + 1))) return tokens.s(j - 1);
  }
  return I32.MAX_VALUE;
}

function hasSpace(buf: ArrayBuffer): bool {
  for (let i = 0; i < buf.byteLength; i++) if (byteAt(buf, i) == 0x20) return true;
  return false;
}

/** The quotes buf[from, end) holds (1 `'`, 2 `"`, 4 backtick): only those open a quote context worth a scan. */
function quotesIn(buf: ArrayBuffer, from: i32, end: i32): u32 {
  let q: u32 = 0;
  for (let i = from; i < end; i++) {
    const c = byteAt(buf, i);
    if (c == 0x27) q |= 1;
    else if (c == 0x22) q |= 2;
    else if (c == 0x60) q |= 4;
  }
  return q;
}

/**
 * Prefilter: whether the value is one plain word (an identifier `[A-Za-z_][A-Za-z0-9_]*` that is no
 * SQL word, or only digits). The tokenizer would make a single Word/Num token of it, and no
 * structure is one plain token, so most ids, names and counters skip the analysis in one pass.
 */
export function plainWord(buf: ArrayBuffer): bool {
  const len = buf.byteLength;
  if (len < 2) return true;
  let h = HASH_SEED;
  let letters = false;
  const digitFirst = <u32>byteAt(buf, 0) - 0x30 < 10;
  for (let i = 0; i < len; i++) {
    const c = byteAt(buf, i);
    if (c - 0x30 < 10) { h = hashStep(h, c); continue; }
    if ((c | 0x20) - 0x61 < 26 || c == 0x5f) { letters = true; h = hashStep(h, lowerByte(c)); continue; }
    return false;
  }
  if (!letters) return true;
  if (digitFirst) return false; // 0x41 1e5: numbers with letters are read by the number rules
  return len > 32 || keywordOf(h) == Kw.None;
}

/**
 * Prefilter for text: whether the value is words, numbers, spaces and `. , - / :` only, none of
 * its words a SQL keyword (the English function words aside). Every structure needs a comparison
 * or logic operator, a quote or a SQL word (`-` and `/` alone only do arithmetic; a comment needs
 * `*`), so names, titles, plain sentences without and/or/in/is and plain paths skip the analysis
 * in one pass. Numbers glued to letters go to the analysis when they may hide a literal or a SQL
 * word (0x41, 1union); ids and hex do not (plainGlued).
 */
export function plainText(buf: ArrayBuffer): bool {
  const len = buf.byteLength;
  let i = 0;
  while (i < len) {
    const c = byteAt(buf, i);
    if (c == 0x20 || c == 0x2e || c == 0x2c || c == 0x2d || c == 0x09 || c == 0x2f) { i++; continue; }
    // a lone `:` (times, URLs, `Note:`) is punctuation to the grammar; `::` casts and `:=` assigns
    if (c == 0x3a) { const d = i + 1 < len ? byteAt(buf, i + 1) : 0; if (d == 0x3a || d == 0x3d) return false; i++; continue; }
    if (c >= 0xa0) { const nb = noBreakSpaceAt(buf, i, len); if (nb > 0) { i += nb; continue; } }
    if (c - 0x30 < 10) {
      const start = i;
      while (i < len && byteAt(buf, i) - 0x30 < 10) i++;
      if (i < len && isWordByte(byteAt(buf, i)) && !plainGlued(buf, start, i)) return false;
      while (i < len && <u32>byteAt(buf, i) - 0x30 < 10) i++;
      continue;
    }
    if (!((c | 0x20) - 0x61 < 26 || c == 0x5f || c >= 0x80)) return false;
    let h = HASH_SEED;
    const start = i;
    while (i < len) {
      const d = byteAt(buf, i);
      if (!((d | 0x20) - 0x61 < 26 || d - 0x30 < 10 || d == 0x5f || d >= 0x80)) break;
      if (d >= 0xa0 && noBreakSpaceAt(buf, i, len) > 0) break;
      h = hashStep(h, lowerByte(d));
      i++;
    }
    if (i - start <= 32) {
      const k = keywordOf(h);
      if (k != Kw.None && k != Kw.Article) return false;
    }
  }
  return true;
}

/**
 * A number glued to letters from `digitsEnd` on (ids, hex: `4a79`, `0bd66d81`, `5e3`): plain unless it
 * starts a `0x`/`0b` literal or one of its letter runs is a SQL word (`1union`, `4oR2`, `1and1`).
 */
function plainGlued(buf: ArrayBuffer, start: i32, digitsEnd: i32): bool {
  const len = buf.byteLength;
  if (digitsEnd == start + 1 && byteAt(buf, start) == 0x30 && digitsEnd + 1 < len) {
    const c = byteAt(buf, digitsEnd) | 0x20;
    const next = byteAt(buf, digitsEnd + 1);
    if ((c == 0x78 && isHexDigit(next)) || (c == 0x62 && (next == 0x30 || next == 0x31))) return false;
  }
  let i = digitsEnd;
  while (i < len) {
    const d = byteAt(buf, i);
    if (d - 0x30 < 10 || d == 0x5f) { i++; continue; }
    if ((d | 0x20) - 0x61 >= 26) break;
    let h = HASH_SEED;
    const run = i;
    while (i < len && (byteAt(buf, i) | 0x20) - 0x61 < 26) { h = hashStep(h, lowerByte(byteAt(buf, i))); i++; }
    if (i - run <= 32) {
      const k = keywordOf(h);
      if (k != Kw.None && k != Kw.Article) return false;
    }
  }
  return true;
}

/** Whether findingsOf skips the value without analysing it. */
export function skipsAnalysis(buf: ArrayBuffer): bool {
  return plainWord(buf) || plainText(buf) || inertProse(buf);
}

/**
 * `plusFrom`: where `+` between words starts to read as a space (NO_PLUS: nowhere; see plusStart).
 * `mayQuote` false: the caller knows buf holds no quote (its census), so no quote context is read.
 */
export function findingsOf(buf: ArrayBuffer, force: bool = false, plusFrom: i32 = NO_PLUS, mayQuote: bool = true): Findings {
  found.reset();
  state.plusFrom = plusFrom;
  if (overflowNumber(buf)) found.add(Finding.NumberOverflow, 0, buf.byteLength);
  if (!force && skipsAnalysis(buf)) return found;
  if (buf.byteLength < 2) return found;
  const json = jsonBreakout(buf);
  if (json > 0) found.add(Finding.JsonBreakout, 0, json);
  setSource(buf);
  scan(buf, 0, 0, false, -1, 0);
  const len = buf.byteLength;
  // `pay=AND 1=(` arriving as one name (an encoded `=`): the part after `name=` starts a value too.
  const eq = nestedValueStart(buf);
  if (eq > 0) scan(buf, eq, 0, false, -1, 0);
  const quotes = mayQuote ? quotesIn(buf, 0, len) : 0;
  if ((quotes & 1) != 0 && !opensQuotedSpan(buf, 0x27)) quoteContext(buf, 0x27, 0, -1);
  if ((quotes & 2) != 0 && !opensQuotedSpan(buf, 0x22)) quoteContext(buf, 0x22, 0, -1);
  if ((quotes & 4) != 0 && !opensQuotedSpan(buf, 0x60)) quoteContext(buf, 0x60, 0, -1);
  if (onlyMixedQuotes(buf) || quotedOperator(buf)) found.add(Finding.BareOperator, 0, len);
  return found;
}

/** `'-'`  `'*'`  `'&'`: an operator between two single quotes, the classic probe of string concatenation ('' - ''). */
function quotedOperator(buf: ArrayBuffer): bool {
  if (buf.byteLength != 3 || byteAt(buf, 0) != 0x27 || byteAt(buf, 2) != 0x27) return false;
  const c = byteAt(buf, 1);
  return c == 0x2d || c == 0x2b || c == 0x2a || c == 0x26 || c == 0x5e || c == 0x7c || c == 0x25 || c == 0x2f;
}

/**
 * `"'`  `'")`  `` `" ``  `1)."'.,)(`: a short run of nothing but quotes of two kinds (and brackets, dots, commas), alone or
 * after the application's number, probes which one breaks the query (a scanner's heuristic check). (Not after a name:
 * `replace("'", '"')` is code.)
 */
function onlyMixedQuotes(buf: ArrayBuffer): bool {
  const len = buf.byteLength;
  let i = 0;
  while (i < len && <u32>byteAt(buf, i) - 0x30 < 10) i++;
  if (len - i > 12) return false;
  let kinds = 0;
  for (; i < len; i++) {
    const c = byteAt(buf, i);
    if (c == 0x27) kinds |= 1;
    else if (c == 0x22) kinds |= 2;
    else if (c == 0x60) kinds |= 4;
    else if (c != 0x28 && c != 0x29 && c != 0x20 && c != 0x2e && c != 0x2c) return false;
  }
  return kinds == 3 || kinds == 5 || kinds == 6 || kinds == 7;
}

/**
 * Scans the value as if it followed an opening quote `q`: its first unescaped quote closes that
 * string. A first quote escaped by a backslash is tried as well (`\'or 1`): multi-byte charsets
 * and double unescaping turn `\'` back into a bare quote.
 */
function quoteContext(buf: ArrayBuffer, q: u32, from: i32, limit: i32): void {
  const len = limit >= 0 ? limit : buf.byteLength;
  const close = closingQuote(buf, from, len, q);
  if (close >= 0 && (q != 0x60 || identifierName(buf, from, close))) scan(buf, close + 1, close + 1, false, limit, from);
  for (let i = from + 1; i < len; i++) {
    const c = byteAt(buf, i);
    if (c != q) continue;
    if (byteAt(buf, i - 1) == 0x5c && i != close) scan(buf, i + 1, i + 1, i == from + 1, limit, from);
    break;
  }
}

/**
 * Whether buf[from, close) can be the backtick-quoted name a breakout closes: MySQL refuses a name
 * longer than 64 bytes or ending in a blank, and no schema has a name holding a line break. Text before
 * markdown code (`Try \`SELECT ...\``, a fence after a line of prose) is none of these.
 */
function identifierName(buf: ArrayBuffer, from: i32, close: i32): bool {
  if (close - from > 64) return false;
  if (close > from && byteAt(buf, close - 1) <= 0x20) return false;
  for (let i = from; i < close; i++) if (byteAt(buf, i) == 0x0a) return false;
  return true;
}

/** Index after `name=` when the value begins with a short parameter name and `=`, else 0. */
function nestedValueStart(buf: ArrayBuffer): i32 {
  const len = min(buf.byteLength, 40);
  for (let i = 0; i < len; i++) {
    const c = byteAt(buf, i);
    if (c == 0x3d) return i > 0 && i + 1 < buf.byteLength ? i + 1 : 0;
    if (!(isWordByte(c) || c == 0x2e || c == 0x2d || c == 0x5b || c == 0x5d)) return 0;
  }
  return 0;
}

/**
 * End of the path segment starting at i: the next `/`, except those of a comment (`1/**\/or/**\/1=1`,
 * `/*!and*\/`), which are inside it; a comment left open ends the segment (`admin'/*` then `/reviews`).
 */
function segmentEnd(buf: ArrayBuffer, i: i32, len: i32): i32 {
  let j = i;
  while (j < len) {
    if (byteAt(buf, j) != 0x2f) { j++; continue; }
    if (j + 1 >= len || byteAt(buf, j + 1) != 0x2a) return j;
    let k = j + 2;
    while (k + 1 < len && !(byteAt(buf, k) == 0x2a && byteAt(buf, k + 1) == 0x2f)) k++;
    if (k + 1 >= len) return j + 2;
    j = k + 2;
  }
  return j;
}

/** Whether buf[i, j) is letters, digits, `_ - .` only: no structure of its own. */
function plainSegment(buf: ArrayBuffer, i: i32, j: i32): bool {
  for (let k = i; k < j; k++) {
    const c = byteAt(buf, k);
    if (!(isWordByte(c) || c == 0x2d || c == 0x2e)) return false;
  }
  return true;
}

/** Path targets: every segment is a value of its own (`/get/OR 1=1`, `/item/1 union select`). */
function scanPathSegments(buf: ArrayBuffer): void {
  const len = buf.byteLength;
  let i = 0;
  let segments = 0;
  // From here to the end the path is plain segments (letters, digits, `_ - .`):
  let plainFrom = len;
  while (plainFrom > 0) {
    const c = byteAt(buf, plainFrom - 1);
    if (!(isWordByte(c) || c == 0x2d || c == 0x2e || c == 0x2f)) break;
    plainFrom--;
  }
  while (i < len && segments++ < 8) {
    while (i < len && byteAt(buf, i) == 0x2f) i++;
    if (i >= plainFrom) break;
    const j = segmentEnd(buf, i, len);
    if (j - i >= 2 && i > 0) {
      scan(buf, i, 0, false, -1, 0);
      // read on its own too, as the route parameter it is: `/items/1;shutdown/reviews`
      if (!plainSegment(buf, i, j)) {
        if (j < len) scan(buf, i, 0, false, j, 0);
        // `/users/admin'--/profile`: a quoted route parameter broken out of
        const quotes = quotesIn(buf, i, j);
        if ((quotes & 1) != 0) quoteContext(buf, 0x27, i, j);
        if ((quotes & 2) != 0) quoteContext(buf, 0x22, i, j);
      }
    }
    i = j;
  }
}

/**
 * `'admin', '1'='1'` posted as a form body is split at its first raw `=` into the name
 * `'admin', '1'` and the value `'1'`: neither half holds the structure. When the name is
 * more than a plain word, the pair is read again as the one value the sender wrote.
 * Form and query pairs arrive name first, then value: the name is the target just before.
 */
function formPair(s: Sink, t: Target): ArrayBuffer | null {
  if (t.fromBase64 || t.kind != TargetKind.ArgValue) return null;
  const prev = s.previous;
  if (prev === null || prev.kind != TargetKind.ArgName) return null;
  const name = prev!;
  if (name.origin != t.origin || name.key != t.key) return null;
  const n = foldQuotes(name.decoded());
  // a name of word characters is one the sender wrote, even a SQL word (`user=(print 4*6 handouts)`)
  if (wordsOnly(n)) return null;
  const v = foldQuotes(t.decoded());
  const out = new ArrayBuffer(n.byteLength + 1 + v.byteLength);
  const base = changetype<usize>(out);
  memory.copy(base, changetype<usize>(n), <usize>n.byteLength);
  store<u8>(base + <usize>n.byteLength, 0x3d);
  memory.copy(base + <usize>n.byteLength + 1, changetype<usize>(v), <usize>v.byteLength);
  return out;
}

function wordsOnly(buf: ArrayBuffer): bool {
  for (let i = 0; i < buf.byteLength; i++) if (!isWordByte(byteAt(buf, i))) return false;
  return true;
}

/** The values of a Referer's query string, each read as the value it was (`?id=1 ORDER BY 3`): the page's own parameters (`+` a space there). */
function refererValues(s: Sink, t: Target, buf: ArrayBuffer): void {
  const n = buf.byteLength;
  let i = 0;
  while (i < n && byteAt(buf, i) != 0x3f) i++;
  for (let parts = 0; i < n && parts < 16; parts++) {
    let e = ++i;
    while (e < n && byteAt(buf, e) != 0x26) e++;
    while (i < e && byteAt(buf, i) != 0x3d) i++;
    if (i + 1 < e) {
      const v = buf.slice(i + 1, e);
      reportAll(s, t, v, findingsOf(v, false, 0));
    }
    i = e;
  }
}

function reportAll(s: Sink, t: Target, buf: ArrayBuffer, f: Findings): void {
  if (f.mask == 0) return;
  for (let i = 0; i < <i32>Finding.Count; i++) {
    if ((f.mask & (1 << <u32>i)) == 0) continue;
    s.report(BASE + i, t, buf, unchecked(f.start[i]), unchecked(f.end[i]), REASONS.word(i));
  }
}

/** Whether a parameter's name says its value is a sort key, a grouping or a page size (sort, orderBy, Order_By, profile.group, limit). */
function sortKey(k: string): bool {
  // four characters at a time, lower-cased, as one word: "sort", "rder", "roup", "imit"
  let w: u32 = 0;
  for (let i = 0; i < k.length; i++) {
    w = (w << 8) | ((<u32>k.charCodeAt(i) | 0x20) & 0xff);
    if (w == 0x736f7274 || w == 0x72646572 || w == 0x726f7570 || w == 0x696d6974) return true;
  }
  return false;
}

// The length and last four characters (lower case, as one word) of the name lastNameHas read last.
let nameLength = 0;
let nameTail: u32 = 0;

/** Whether a parameter's last name (`op` of `filters.0.op`, `where[op]`, `price_op`) holds `four`, four lower-case characters as one word. */
function lastNameHas(k: string, four: u32): bool {
  let s = k.length;
  while (s > 0) {
    const c = k.charCodeAt(s - 1);
    if (c == 0x2e || c == 0x5b || c == 0x3a || c == 0x5f) break;
    s--;
  }
  let e = k.length;
  if (e > s && k.charCodeAt(e - 1) == 0x5d) e--;
  let w: u32 = 0;
  let found = false;
  for (let i = s; i < e; i++) {
    w = (w << 8) | ((<u32>k.charCodeAt(i) | 0x20) & 0xff);
    if (w == four) found = true;
  }
  nameLength = e - s;
  nameTail = w;
  return found;
}

/** Whether a parameter's last name says its value is a comparison operator (op, cmp, price_op, operator, filters.0.comparator). */
function operatorKey(k: string): bool {
  // "rato": operator, comparator
  return lastNameHas(k, 0x7261746f) || (nameLength == 2 && nameTail == 0x6f70) || (nameLength == 3 && nameTail == 0x636d70);
}

/** Whether the whole value declares a column type: a name, maybe its length or precision (`varchar`, `nvarchar(255)`, `decimal(10, 2)`, `nvarchar(max)`). */
function typeDeclaration(buf: ArrayBuffer): bool {
  const n = buf.byteLength;
  let i = 0;
  while (i < n && (byteAt(buf, i) | 0x20) - 0x61 < 26) i++;
  if (i == 0) return false;
  if (i == n) return true;
  if (byteAt(buf, i) != 0x28) return false;
  if (n - i == 5 && wordIs(buf, i + 1, i + 4, "max")) return byteAt(buf, n - 1) == 0x29;
  for (i++; i < n - 1; i++) {
    const c = byteAt(buf, i);
    if (!(c - 0x30 < 10 || c == 0x2c || c == 0x20)) return false;
  }
  return byteAt(buf, n - 1) == 0x29;
}

const OPERATOR_BITS: u32 = 1 << <u32>Finding.BareOperator;
const TYPE_BITS: u32 = (1 << <u32>Finding.LeadingCall) | (1 << <u32>Finding.SqlCall);
const NAMED_BITS: u32 = OPERATOR_BITS | TYPE_BITS;

/**
 * The findings of `mask` that a value's parameter name makes a choice among the application's own (read for the
 * value, and again for its name=value pair): `>=` or `is null` alone in a parameter named for an operator is a
 * query builder's, `varchar` or `nvarchar(255)` in one named for a type (type, dataType, column_type) a schema's.
 */
function namedChoice(t: Target, value: ArrayBuffer, mask: u32): u32 {
  if (!isValueKind(t.kind)) return 0;
  if ((mask & OPERATOR_BITS) != 0 && operatorKey(t.key)) return OPERATOR_BITS;
  // "type"
  if ((mask & TYPE_BITS) != 0 && lastNameHas(t.key, 0x74797065) && typeDeclaration(value)) return TYPE_BITS;
  return 0;
}

function isValueKind(k: TargetKind): bool {
  return k == TargetKind.ArgName || k == TargetKind.ArgValue || k == TargetKind.Cookie || k == TargetKind.CookieName ||
    k == TargetKind.BodyValue || k == TargetKind.BodyKey;
}

/** The paranoia 2-4 probe shapes (sqli/anomaly.ts) of an argument, cookie or body value. */
function probeShapes(s: Sink, t: Target, buf: ArrayBuffer, d: i32): void {
  const len = buf.byteLength;
  const symbols = symbolOnlyCount(buf);
  if (symbols >= 12) s.report(2031, t, buf, 0, len, REASONS.word(30));
  if (symbols >= 6) s.report(2032, t, buf, 0, len, REASONS.word(31));
  if (symbols >= 2) s.report(2033, t, buf, 0, len, REASONS.word(32));
  if (d >= 0) s.report(2034, t, buf, d, len, REASONS.word(33));
  if (quoteThenNumber(buf)) s.report(2035, t, buf, 0, len, REASONS.word(34));
}

/**
 * Where `+` between words starts to read as a space in `buf`, `t`'s decoded value. Everywhere when the value
 * came percent-encoded outside the path (an encoder that also writes spaces as `+` made it: a `+` inside an XML
 * or JSON value that still holds %XX) or is a cookie (PHP decodes a cookie as a form value); in the query of a
 * value that is a URL (`next=https://x/?q=1+union+select+1`, `redirect=/p?id=1+and+1=1`), which the server it
 * leads to decodes as a form; nowhere else: `C++`, `1+1=2`, `a+b` in prose keep their `+`.
 */
function plusStart(t: Target, census: u32, buf: ArrayBuffer): i32 {
  if (t.kind == TargetKind.Path) return NO_PLUS;
  // the whole value: it still holds a `%` after its context's decoding (percent-encoded once more, or %XX in a JSON
  // or XML value: an encoder that writes spaces as `+` made it), or it is a cookie (PHP decodes a cookie as a form
  // value, even when nothing is percent-encoded)
  if (t.kind == TargetKind.Cookie || ((census & PERCENT) != 0 && indexOfEither(t.value, 0x25, 0x25, 0) >= 0)) return 0;
  return (census & (PLUS | QUESTION)) == (PLUS | QUESTION) ? urlQueryStart(buf) : NO_PLUS;
}

/** Offset after the `?` of a value that is a URL or a path (`https://x/?q=`, `/p?id=`): a `/`, then a `?`, and no blank before it; else NO_PLUS. */
function urlQueryStart(buf: ArrayBuffer): i32 {
  let slash = false;
  for (let i = 0, n = buf.byteLength; i < n; i++) {
    const c = byteAt(buf, i);
    if (c == 0x3f) return slash ? i + 1 : NO_PLUS;
    if (c <= 0x20) break;
    if (c == 0x2f) slash = true;
  }
  return NO_PLUS;
}

export function detectSqli(s: Sink, t: Target): void {
  // The census gates passes over the bytes: look-alike quotes are UTF-8 (high bytes), a stray `%` is a `%`,
  // a quote context needs a quote (of any kind, or a look-alike).
  const census = t.census();
  // percent-decoded until stable (double encoding, encoded payloads inside JSON or multipart values), look-alike quotes folded
  const buf = (census & HIGH) != 0 ? foldQuotes(t.decoded()) : t.decoded();
  const plusFrom = plusStart(t, census, buf);
  const f = findingsOf(buf, false, plusFrom, (census & (QUOTE | HIGH)) != 0);
  // `price limit 1`, `(qty>77)` in a sort or paging parameter: its value lands in ORDER BY or LIMIT, where a column then
  // LIMIT n or a test of one is a clause (elsewhere it is prose, speed limit 50, or a filter, (age>18); a header's name is
  // no parameter of the application's query)
  if (f.sortLimit && isValueKind(t.kind) && sortKey(t.key)) f.add(Finding.BreakoutClause, 0, buf.byteLength);
  if ((f.mask & NAMED_BITS) != 0) f.mask &= ~namedChoice(t, buf, f.mask);
  if (t.kind == TargetKind.Path && buf.byteLength >= 2) { state.plusFrom = NO_PLUS; setSource(buf); scanPathSegments(buf); }
  reportAll(s, t, buf, f);
  if (t.kind == TargetKind.Header && t.key == "referer") refererValues(s, t, buf);
  const stripped = (census & PERCENT) != 0 ? withoutStrayPercent(buf) : null;
  if (stripped !== null) reportAll(s, t, stripped!, findingsOf(stripped!, false, plusFrom == 0 ? 0 : NO_PLUS));
  if (isValueKind(t.kind)) {
    // `/3 or `, or after a `name=` the value opens with (`pay=/3 or ` arriving as one name)
    const d = danglingLogic(buf);
    if (d >= 0 && (arithmeticBefore(buf, 0, d) || (t.kind == TargetKind.ArgName && arithmeticBefore(buf, nestedValueStart(buf), d)))) {
      s.report(2036, t, buf, 0, buf.byteLength, REASONS.word(35));
    }
    if (s.paranoia >= 2) probeShapes(s, t, buf, d);
  }
  const pair = formPair(s, t);
  if (pair !== null) {
    const p = findingsOf(pair!, false, plusFrom == 0 ? 0 : NO_PLUS);
    if ((p.mask & NAMED_BITS) != 0) p.mask &= ~namedChoice(t, buf, p.mask);
    reportAll(s, t, pair!, p);
  }
}
