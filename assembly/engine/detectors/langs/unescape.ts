// Layered unescaping for the code-injection detectors (Java, PHP, Node.js).
// Payloads for these languages hide their syntax behind several encodings at
// once (`%24&lcub;\u006A&#110;di:`), so this decodes percent escapes, JS/Java
// escapes and HTML character references together, pass after pass, until the
// text stops changing. Output never grows: every escape is longer than what it
// stands for (code points above 0x7f become `?`, the detectors look for ASCII).
import { byteAt, isHexDigit, lowerByte } from "../../bytes";
import { WordList } from "../../wordlist";

const MAX_PASSES = 4;

/**
 * `data` with its escapes decoded, or `data` itself when there are none. HTML
 * character references are decoded only with `entities` (they matter where a
 * parser or template decodes them, as Log4j payloads in markup do).
 */
export function unescapeLayers(data: ArrayBuffer, entities: bool = true): ArrayBuffer {
  let cur = data;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (!hasEscapeByte(cur, entities)) return cur;
    const next = unescapeOnce(cur, entities);
    if (next.byteLength == cur.byteLength) return cur; // nothing decoded
    cur = next;
  }
  return cur;
}

function hasEscapeByte(data: ArrayBuffer, entities: bool): bool {
  const base = changetype<usize>(data);
  const n = data.byteLength;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(base + <usize>i);
    if (c == 0x25 || c == 0x5c || (c == 0x26 && entities)) return true; // % \ &
  }
  return false;
}

function hexValue(c: u32): u32 {
  if (c - 0x30 < 10) return c - 0x30;
  return (c | 0x20) - 0x61 + 10;
}

/** Value of `count` hex digits at `at`, or -1 when they are not all hex digits. */
function readHex(data: ArrayBuffer, at: i32, count: i32): i32 {
  if (at + count > data.byteLength) return -1;
  let v = 0;
  for (let k = 0; k < count; k++) {
    const c = byteAt(data, at + k);
    if (!isHexDigit(c)) return -1;
    v = (v << 4) | <i32>hexValue(c);
  }
  return v;
}

// Named references that matter for code payloads: braces, dollar, quotes, brackets...
const ENTITY_NAMES = new WordList(
"lbrace|lcub|rbrace|rcub|dollar|colon|quot|apos|lpar|rpar|lsqb|lbrack|rsqb|rbrack|period|num|percnt|bsol|sol|\
semi|comma|equals|excl|commat|lowbar|verbar|grave|lt|gt|amp|nbsp|tab|newline");
const ENTITY_CHARS: u8[] = [
  0x7b, 0x7b, 0x7d, 0x7d, 0x24, 0x3a, 0x22, 0x27, 0x28, 0x29,
  0x5b, 0x5b, 0x5d, 0x5d, 0x2e, 0x23, 0x25, 0x5c, 0x2f, 0x3b,
  0x2c, 0x3d, 0x21, 0x40, 0x5f, 0x7c, 0x60, 0x3c, 0x3e, 0x26, 0x20, 0x09, 0x0a,
];

// Bit c - 'a' set when some entity name above starts with letter c (a b c d e g l n p q r s t v): after
// any other byte a `&` starts no named reference (the names are lower-case letters, matched with ASCII
// case folded), and the list is not searched. (test/engine/java.test.ts reads every name.)
const ENTITY_FIRST: u32 = 0x2fa85f;

// The output of a pass is written here first (values up to this size): a pass that decodes nothing,
// the common case (`&&` in a command line, `50%` in prose), then allocates nothing.
const SCRATCH_BYTES = 4096;
const SCRATCH = new ArrayBuffer(SCRATCH_BYTES);

function put(out: usize, o: i32, cp: i32): i32 {
  store<u8>(out + <usize>o, cp >= 0 && cp < 0x80 ? <u8>cp : 0x3f);
  return o + 1;
}

function unescapeOnce(data: ArrayBuffer, entities: bool): ArrayBuffer {
  const n = data.byteLength;
  const outBuf = n <= SCRATCH_BYTES ? SCRATCH : new ArrayBuffer(n);
  const out = changetype<usize>(outBuf);
  let o = 0;
  let i = 0;
  while (i < n) {
    const c = byteAt(data, i);
    if (c == 0x25) { // %XX, %uXXXX
      const h = readHex(data, i + 1, 2);
      if (h >= 0) { store<u8>(out + <usize>(o++), <u8>h); i += 3; continue; }
      if (i + 1 < n && (byteAt(data, i + 1) | 0x20) == 0x75) {
        const u = readHex(data, i + 2, 4);
        if (u >= 0) { o = put(out, o, u); i += 6; continue; }
      }
    } else if (c == 0x5c && i + 1 < n) { // \uXXXX, \u{X..}, \xXX
      const d = byteAt(data, i + 1) | 0x20;
      if (d == 0x75) {
        const u = readHex(data, i + 2, 4);
        if (u >= 0) { o = put(out, o, u); i += 6; continue; }
        if (i + 2 < n && byteAt(data, i + 2) == 0x7b) {
          let j = i + 3;
          let v = 0;
          while (j < n && j < i + 11 && isHexDigit(byteAt(data, j))) { v = (v << 4) | <i32>hexValue(byteAt(data, j)); j++; }
          if (j < n && j > i + 3 && byteAt(data, j) == 0x7d) { o = put(out, o, v); i = j + 1; continue; }
        }
      } else if (d == 0x78) {
        const x = readHex(data, i + 2, 2);
        if (x >= 0) { o = put(out, o, x); i += 4; continue; }
      }
    } else if (c == 0x26 && entities && i + 2 < n) { // &#NN; &#xHH; &name;  (`;` optional)
      if (byteAt(data, i + 1) == 0x23) {
        let j = i + 2;
        let v = 0;
        let digits = 0;
        if (j < n && (byteAt(data, j) | 0x20) == 0x78) {
          j++;
          while (j < n && isHexDigit(byteAt(data, j))) { if (v < 0x110000) v = (v << 4) | <i32>hexValue(byteAt(data, j)); j++; digits++; }
        } else {
          while (j < n && byteAt(data, j) - 0x30 < 10) { if (v < 0x110000) v = v * 10 + <i32>(byteAt(data, j) - 0x30); j++; digits++; }
        }
        if (digits > 0) {
          if (j < n && byteAt(data, j) == 0x3b) j++;
          o = put(out, o, v);
          i = j;
          continue;
        }
      } else {
        const first = lowerByte(byteAt(data, i + 1)) - 0x61;
        let k = first < 26 && (ENTITY_FIRST & (<u32>1 << first)) != 0 ? 0 : ENTITY_NAMES.count;
        for (; k < ENTITY_NAMES.count; k++) {
          if (ENTITY_NAMES.matchesLower(k, data, i + 1)) break;
        }
        if (k < ENTITY_NAMES.count) {
          let j = i + 1 + ENTITY_NAMES.length(k);
          if (j < n && byteAt(data, j) == 0x3b) j++;
          store<u8>(out + <usize>(o++), ENTITY_CHARS[k]);
          i = j;
          continue;
        }
      }
    }
    store<u8>(out + <usize>(o++), <u8>c);
    i++;
  }
  return o == n ? data : outBuf.slice(0, o);
}

/** Lower-case ASCII copy, for detectors that compare many words. */
export function lowerCopy(data: ArrayBuffer): ArrayBuffer {
  const n = data.byteLength;
  const out = new ArrayBuffer(n);
  for (let i = 0; i < n; i++) store<u8>(changetype<usize>(out) + <usize>i, <u8>lowerByte(byteAt(data, i)));
  return out;
}
