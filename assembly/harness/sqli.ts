// Harness exports of the SQL injection, NoSQL and LDAP detectors, for their tests.
import { TokenList, Tok, F_CALL, F_COMMENT } from "../engine/detectors/sqli/tokens";
import { TokenizerState, tokenize } from "../engine/detectors/sqli/tokenizer";
import { Kw, keywordOf, hashStep, HASH_SEED } from "../engine/detectors/sqli/keywords";
import { findingsOf, detectSqli, skipsAnalysis } from "../engine/detectors/sqli";
import { detectNosql } from "../engine/detectors/nosql";
import { detectLdap } from "../engine/detectors/ldap";
import { Sink } from "../engine/sink";
import { Target, TargetKind } from "../engine/target";

const TYPE_CHARS = "?snwvo&=!,();.x";

/** The keyword class (its Kw value) of the word `input` (ASCII, any case), 0 for a plain word. */
export function sqliKeywordClass(input: string): i32 {
  let h = HASH_SEED;
  for (let i = 0; i < input.length; i++) {
    const c = <u32>input.charCodeAt(i);
    h = hashStep(h, c - 0x41 < 26 ? c | 0x20 : c);
  }
  return <i32>keywordOf(h);
}

/**
 * The token classes of `input` read as-is, one character per token: s string, n number,
 * w word, k keyword, f function call, v variable, o operator, & logic, = comparison,
 * ! not, , ( ) ; . punctuation, x other; `c` after a token that a comment follows.
 */
export function sqliTokens(input: string): string {
  const buf = String.UTF8.encode(input);
  const list = new TokenList();
  const st = new TokenizerState();
  let out = "";
  let pos = 0;
  const end = buf.byteLength;
  while (pos < end) {
    list.reset();
    pos = tokenize(buf, pos, end, list, st);
    for (let i = 0; i < list.n; i++) {
      const ty = list.t(i);
      let ch = TYPE_CHARS.charAt(<i32>ty);
      if (ty == Tok.Word && (list.f(i) & F_CALL) != 0) ch = "f";
      else if (ty == Tok.Word && list.k(i) != Kw.None && list.k(i) != Kw.Article) ch = "k";
      out += ch;
      if ((list.f(i) & F_COMMENT) != 0) out += "c";
    }
  }
  return out;
}

/** Bit mask of the SQL injection findings (sqli/findings.ts) for `input`. */
export function sqliFindings(input: string): u32 {
  return findingsOf(String.UTF8.encode(input)).mask;
}

/** Whether the sqli prefilter skips `input` (one plain word, or plain text without SQL words). */
export function sqliSkips(input: string): bool {
  return skipsAnalysis(String.UTF8.encode(input));
}

/** Findings mask for `input` with the prefilter bypassed (for the property test of the gate). */
export function sqliFindingsForced(input: string): u32 {
  return findingsOf(String.UTF8.encode(input), true).mask;
}

/** Anomaly score of the SQL injection rules alone for `input` as a query argument value. */
export function sqliScore(input: string, paranoia: i32): i32 {
  const bytes = String.UTF8.encode(input);
  const s = new Sink(paranoia);
  detectSqli(s, new Target(TargetKind.ArgValue, "args:q", bytes, bytes));
  return s.score;
}

/** Runs one detector (`sqli`, `nosql` or `ldap`) on `input` as a target of `kind` (TargetKind); returns its score. */
export function detectorScore(detector: string, input: string, kind: i32, paranoia: i32): i32 {
  const bytes = String.UTF8.encode(input);
  const s = new Sink(paranoia);
  const t = new Target(<TargetKind>kind, "t", bytes, bytes);
  if (detector == "sqli") detectSqli(s, t);
  else if (detector == "nosql") detectNosql(s, t);
  else if (detector == "ldap") detectLdap(s, t);
  return s.score;
}
