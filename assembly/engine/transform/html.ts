// HTML entity decoding: named (the common ones), decimal and hex, with or
// without the closing ';' (browsers accept `&#60` and `&lt`).
import { ByteWriter, at, hexValue, indexOfEither } from "./out";
import { isDigit, isAlpha, lowerByte } from "../bytes";
import { WordList } from "../wordlist";

const NAMES = new WordList(
"lt|gt|amp|quot|apos|nbsp|colon|sol|bsol|lpar|rpar|semi|comma|period|excl|num|dollar|percnt|equals|quest|\
commat|lsqb|rsqb|lbrack|rbrack|lcub|rcub|lbrace|rbrace|verbar|vert|grave|tab|newline|plus|ast|hat|lowbar|\
copy|reg|times");
const CHARS: u32[] = [
  0x3c, 0x3e, 0x26, 0x22, 0x27, 0x20, 0x3a, 0x2f, 0x5c, 0x28, 0x29, 0x3b, 0x2c,
  0x2e, 0x21, 0x23, 0x24, 0x25, 0x3d, 0x3f, 0x40, 0x5b, 0x5d, 0x5b, 0x5d,
  0x7b, 0x7d, 0x7b, 0x7d, 0x7c, 0x7c, 0x60, 0x09, 0x0a, 0x2b, 0x2a, 0x5e, 0x5f,
  0xa9, 0xae, 0xd7, // symbols whose names are also commands (`&copy;` is no `& copy ;`)
];

/**
 * Returns `input` itself when it holds no entity (as every form of a Target does when its decoding
 * changes nothing: `a && b`, `?x=1&y=2` and `Tom & Jerry` are read once, not once more as decoded).
 */
export function htmlDecode(input: ArrayBuffer): ArrayBuffer {
  const n = input.byteLength;
  // the first '&' that may open an entity: `&#` or `&` and a letter (decodeEntity reads nothing else)
  let first = indexOfEither(input, 0x26, 0x26, 0);
  while (first >= 0 && !opensEntity(input, first + 1)) first = indexOfEither(input, 0x26, 0x26, first + 1);
  if (first < 0) return input;
  const w = new ByteWriter(n);
  w.copy(input, 0, first);
  let i = first;
  let decoded = false;
  while (i < n) {
    const c = at(input, i);
    if (c != 0x26) {
      w.put(c);
      i++;
      continue;
    }
    const used = decodeEntity(input, i + 1, w);
    if (used > 0) {
      i += 1 + used;
      decoded = true;
    } else {
      w.put(c);
      i++;
    }
  }
  return decoded ? w.finish() : input;
}

function opensEntity(input: ArrayBuffer, i: i32): bool {
  if (i >= input.byteLength) return false;
  const c = at(input, i);
  return c == 0x23 || isAlpha(c);
}

/** Decodes the entity whose body starts at `i` (after '&'); returns the bytes used, 0 if none. */
function decodeEntity(input: ArrayBuffer, i: i32, w: ByteWriter): i32 {
  const n = input.byteLength;
  if (i >= n) return 0;
  if (at(input, i) == 0x23) {
    let j = i + 1;
    let cp: u32 = 0;
    let digits = 0;
    const hex = j < n && (at(input, j) | 0x20) == 0x78;
    if (hex) j++;
    // Leading zeros (`&#0000060;`) are a known evasion: skip them without limit.
    while (j < n && at(input, j) == 0x30) {
      j++;
      digits++;
    }
    let significant = 0;
    while (j < n && significant < 7) {
      const d = hex ? hexValue(at(input, j)) : (isDigit(at(input, j)) ? <i32>(at(input, j) - 0x30) : -1);
      if (d < 0) break;
      cp = hex ? (cp << 4) | <u32>d : cp * 10 + <u32>d;
      j++;
      digits++;
      significant++;
    }
    if (digits == 0) return 0;
    if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) cp = 0xfffd;
    w.putCodePoint(cp);
    if (j < n && at(input, j) == 0x3b) j++;
    return j - i;
  }
  let j = i;
  while (j < n && j - i < 10 && isAlpha(at(input, j))) j++;
  if (j == i) return 0;
  // The longest known name that prefixes the letters (so `&ltscript` decodes `&lt`).
  for (let k = 0; k < NAMES.count; k++) {
    const len = NAMES.length(k);
    if (len > j - i) continue;
    let ok = true;
    for (let m = 0; m < len; m++) {
      if (lowerByte(at(input, i + m)) != NAMES.code(k, m)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    // Only the legacy names (the first six) are recognised without ';', as browsers do.
    const closed = i + len < n && at(input, i + len) == 0x3b;
    if (!closed && k >= 6) continue;
    w.putCodePoint(CHARS[k]);
    return len + (closed ? 1 : 0);
  }
  return 0;
}
