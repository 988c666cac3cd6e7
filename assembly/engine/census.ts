// Which kinds of punctuation a value holds, as a bit set, from one pass over a 256-entry table.
// Many detectors can find nothing in a value without some byte (no `(` or `=*`: no LDAP filter;
// no `$`, `[` or `{`: no MongoDB operator): their first test is one AND on the target's census
// (Target.census) instead of a pass of their own over the bytes.
//
// The census of a target covers its value and every decoded form a detector may read, so a
// gate on it is never stricter than the same gate on any one form.
import { needleCode, needleLength } from "./bytes";


export const LT: u32 = 1 << 0; // <
export const GT: u32 = 1 << 1; // >
export const QUOTE: u32 = 1 << 2; // ' " `
export const PAREN: u32 = 1 << 3; // ( )
export const BRACE: u32 = 1 << 4; // { }
export const BRACKET: u32 = 1 << 5; // [ ]
export const DOLLAR: u32 = 1 << 6; // $
export const PERCENT: u32 = 1 << 7; // %
export const AMP: u32 = 1 << 8; // &
export const BACKSLASH: u32 = 1 << 9; // \
export const SLASH: u32 = 1 << 10; // / and \ (a path separator to normalisation: `..\..\`)
export const COLON: u32 = 1 << 11; // :
export const SEMI: u32 = 1 << 12; // ;
export const PIPE: u32 = 1 << 13; // |
export const EQUALS: u32 = 1 << 14; // =
export const STAR: u32 = 1 << 15; // *
export const DOT: u32 = 1 << 16; // .
export const BANG: u32 = 1 << 17; // !
export const QUESTION: u32 = 1 << 18; // ?
export const HASH: u32 = 1 << 19; // #
export const AT: u32 = 1 << 20; // @
export const UNDERSCORE: u32 = 1 << 21; // _
export const LINE_BREAK: u32 = 1 << 22; // CR LF
export const PLUS: u32 = 1 << 23; // +
export const DASH: u32 = 1 << 24; // -
export const COMMA: u32 = 1 << 25; // ,
export const TILDE: u32 = 1 << 26; // ~ ^
export const DIGIT: u32 = 1 << 27; // 0-9
export const HIGH: u32 = 1 << 28; // bytes >= 0x80 (UTF-8, overlong and full-width forms)
export const CONTROL: u32 = 1 << 29; // other bytes < 0x20 and DEL (NUL, tab, ...)
export const SPACE: u32 = 1 << 30; // space

/** Bytes that a decoding may turn into others: a value holding one is decoded before its census is final. */
export const ESCAPES: u32 = PERCENT | AMP | BACKSLASH | HIGH | CONTROL;

const CLASS = new StaticArray<u32>(256);
function initClasses(): void {
  // The members of the classes LT to DIGIT, in bit order, each class ended by a space (a needle: the
  // builds store it as bytes, scripts/pack-needles.js).
  addMembers("< > '\"` () {} [] $ % & \\ /\\ : ; | = * . ! ? # @ _ \r\n + - , ~^ 0123456789 ");
  for (let c = 0; c < 0x20; c++) if (c != 0x0a && c != 0x0d) CLASS[c] = CONTROL;
  CLASS[0x7f] = CONTROL;
  CLASS[0x20] = SPACE;
  for (let c = 0x80; c < 0x100; c++) CLASS[c] = HIGH;
}
initClasses();

function addMembers<Needle>(members: Needle, n: i32 = 0): void {
  n = needleLength(members, n);
  let bit: u32 = 1;
  for (let i = 0; i < n; i++) {
    const c = needleCode(members, i);
    if (c == 0x20) bit <<= 1;
    else CLASS[c] |= bit;
  }
}

/** The class of one byte (0 for letters). */
export function byteClass(c: u32): u32 {
  return unchecked(CLASS[c & 0xff]);
}

/** The classes of the bytes of `buf`. */
export function censusOf(buf: ArrayBuffer): u32 {
  const base = changetype<usize>(buf);
  const n = <usize>buf.byteLength;
  let bits: u32 = 0;
  for (let i: usize = 0; i < n; i++) bits |= unchecked(CLASS[load<u8>(base + i)]);
  return bits;
}
