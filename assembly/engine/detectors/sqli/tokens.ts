// The token classes of the SQL tokenizer and a fixed-size token list (allocated once,
// reused for every target: no allocation per token).
import { Kw } from "./keywords";

export const enum Tok {
  None = 0,
  Str,      // 'x' "x" x'41' N'x' (flag Open when the value ends inside it)
  Num,      // 1 1.5 1e3 0x41 0b01
  Word,     // identifier or keyword (see kw), `backtick` identifiers
  Var,      // @x @@version
  Op,       // + - * / % ^ & | ~ << >> ::
  Logic,    // && || (AND OR XOR are Word with kw)
  Cmp,      // = == <> != < > <= >= <=> !< !>
  Not,      // !
  Comma,
  LParen,
  RParen,
  Semi,
  Dot,
  Other,    // any other punctuation
}

// Token flags.
export const F_OPEN: u8 = 1;       // string not closed before the end of the value
export const F_CALL: u8 = 2;       // word immediately followed by `(`
export const F_COMMENT: u8 = 4;    // a comment follows this token
export const F_HEX: u8 = 8;        // 0x... number
export const F_SYSVAR: u8 = 8;     // @@name (on Var tokens)
export const F_METHOD: u8 = 16;    // word preceded by `.` or `->`: a method or field of code, not SQL
export const F_SPLIT: u8 = 32;     // word written across a comment (UN/**/ION)
export const F_LEAD_COMMENT: u8 = 64; // the value starts with a comment before any token
export const F_LINE_COMMENT: u8 = 128; // the comment after this token is `--` or `#` (truncates the rest)

export const MAX_TOKENS = 64;

export class TokenList {
  n: i32 = 0;
  type: StaticArray<u8> = new StaticArray<u8>(MAX_TOKENS);
  kw: StaticArray<u8> = new StaticArray<u8>(MAX_TOKENS);
  flags: StaticArray<u8> = new StaticArray<u8>(MAX_TOKENS);
  start: StaticArray<i32> = new StaticArray<i32>(MAX_TOKENS);
  end: StaticArray<i32> = new StaticArray<i32>(MAX_TOKENS);
  /** Flags that apply before the first token (a leading comment). */
  leadFlags: u8 = 0;

  reset(): void {
    this.n = 0;
    this.leadFlags = 0;
  }

  full(): bool {
    return this.n >= MAX_TOKENS;
  }

  push(type: Tok, kw: Kw, flags: u8, start: i32, end: i32): void {
    const i = this.n;
    if (i >= MAX_TOKENS) return;
    unchecked((this.type[i] = <u8>type));
    unchecked((this.kw[i] = <u8>kw));
    unchecked((this.flags[i] = flags));
    unchecked((this.start[i] = start));
    unchecked((this.end[i] = end));
    this.n = i + 1;
  }

  /** Type of token i, Tok.None past either end (one unsigned compare bounds both ends: -1 wraps past n). */
  t(i: i32): Tok {
    return <u32>i < <u32>this.n ? <Tok>unchecked(this.type[i]) : Tok.None;
  }

  k(i: i32): Kw {
    return <u32>i < <u32>this.n ? <Kw>unchecked(this.kw[i]) : Kw.None;
  }

  f(i: i32): u8 {
    return <u32>i < <u32>this.n ? unchecked(this.flags[i]) : 0;
  }

  /** Whether token i is the word `kw`. */
  is(i: i32, kw: Kw): bool {
    return <u32>i < <u32>this.n && unchecked(this.type[i]) == <u8>Tok.Word && unchecked(this.kw[i]) == <u8>kw;
  }

  addFlag(i: i32, flag: u8): void {
    if (<u32>i < <u32>this.n) unchecked((this.flags[i] |= flag));
  }

  s(i: i32): i32 {
    return <u32>i < <u32>this.n ? unchecked(this.start[i]) : 0;
  }

  e(i: i32): i32 {
    return <u32>i < <u32>this.n ? unchecked(this.end[i]) : 0;
  }
}
