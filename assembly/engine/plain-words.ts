// Values made only of words: letters, digits, '_', '-' and (in values, not names) spaces. Most
// arguments, cookies and JSON members are such values (ids, names, enums, tokens, plain prose without
// punctuation), and no decoding changes them (no '%', '&', '\', '+'). The markup, path, URL, template,
// query and XML detectors all need some punctuation to have anything to find, so the engine skips
// them here; the Node.js and lookup-operator detectors also need a double underscore (`__proto__`,
// `price__gt`). Names keep no spaces: a name ending in " onload" breaks out of an HTML attribute.

export const enum PlainWords {
  /** Some other byte: every detector runs. */
  No = 0,
  /** Plain words the Node.js and lookup-operator detectors still read: a double underscore somewhere, or the JSON key `constructor.prototype` (inspect.ts). */
  ForNode = 1,
  /** Plain words, no double underscore. */
  Yes = 2,
}

/** Bit c of PLAIN[c >> 5] is set when byte c is a plain-word byte. */
const PLAIN: StaticArray<u32> = [
  0x00000000,
  0x03ff2001, // ' ', '-', '0'-'9'
  0x87fffffe, // 'A'-'Z', '_'
  0x07fffffe, // 'a'-'z'
  0, 0, 0, 0,
];

/** Whether every byte of `v` (non-empty) is a letter, digit, '_', '-' or, with `spaces`, a space; and whether "__" occurs. */
export function plainWords(v: ArrayBuffer, spaces: bool): PlainWords {
  const n = v.byteLength;
  if (n == 0) return PlainWords.No;
  const p = changetype<usize>(v);
  let prev: u32 = 0;
  let doubleUnderscore = false;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(p + <usize>i);
    if ((unchecked(PLAIN[c >> 5]) & (1 << (c & 31))) == 0 || (c == 0x20 && !spaces)) return PlainWords.No;
    if (c == 0x5f && prev == 0x5f) doubleUnderscore = true;
    prev = c;
  }
  return doubleUnderscore ? PlainWords.ForNode : PlainWords.Yes;
}
