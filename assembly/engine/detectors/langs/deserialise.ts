// Serialised objects of scripting languages that a loader turns into arbitrary objects and
// calls: YAML tags naming a language type (`!!python/object/apply:os.system`, `!ruby/object:`,
// SnakeYAML's `!!javax.script.ScriptEngineManager`), and Python pickle streams (protocol 0
// text `cos\nsystem\n...R.`, or a binary protocol 2-5 stream in base64, `gA...`).
// Core YAML tags (`!!str`, `!!binary`) and local tags (`!Ref`) name no language type.
import { byteAt, isAlpha, isWordByte, matchesCI } from "../../bytes";
import { base64RunEnd, decodeBase64 } from "./base64";

/** Index of a YAML tag naming a language type, or -1. */
export function yamlTypeTag(buf: ArrayBuffer): i32 {
  const n = buf.byteLength;
  for (let i = 0; i + 3 < n; i++) {
    if (byteAt(buf, i) != 0x21) continue;
    // a tag starts a node: at the start, after a blank or a flow/block indicator (`Wow!!a/b` is prose)
    if (i > 0) {
      const p = byteAt(buf, i - 1);
      if (!(p <= 0x20 || p == 0x5b || p == 0x7b || p == 0x2c || p == 0x3a || p == 0x2d)) continue;
    }
    let global = byteAt(buf, i + 1) == 0x21;
    let j = global ? i + 2 : i + 1;
    // `!<tag:yaml.org,2002:python/object/apply:os.system>`: the verbose form of a `!!` tag
    if (byteAt(buf, i + 1) == 0x3c && matchesCI(buf, i + 2, "tag:yaml.org,2002:")) {
      global = true;
      j = i + 20;
    }
    const from = j;
    let slash = 0;
    let dots = 0;
    while (j < n) {
      const c = byteAt(buf, j);
      if (c == 0x2f) slash++;
      else if (c == 0x2e) dots++;
      else if (!(isWordByte(c) || c == 0x3a || c == 0x2d)) break;
      j++;
    }
    if (j == from || !isAlpha(byteAt(buf, from))) continue;
    // !!python/object/apply:  !ruby/object:  !!javax.script.ScriptEngineManager (a dotted class)
    if (slash > 0 && (global || rubyOrPython(buf, from))) return i;
    if (global && dots >= 2) return i;
  }
  return -1;
}

function rubyOrPython(buf: ArrayBuffer, at: i32): bool {
  const c = byteAt(buf, at) | 0x20;
  return (c == 0x72 && (byteAt(buf, at + 1) | 0x20) == 0x75 && (byteAt(buf, at + 2) | 0x20) == 0x62) || // rub(y)
    (c == 0x70 && (byteAt(buf, at + 1) | 0x20) == 0x79 && (byteAt(buf, at + 2) | 0x20) == 0x74); // pyt(hon)
}

/** Length of the value without trailing blanks. */
function trimmedLength(buf: ArrayBuffer): i32 {
  let n = buf.byteLength;
  while (n > 0 && byteAt(buf, n - 1) <= 0x20) n--;
  return n;
}

/**
 * Whether the value is a protocol 0 pickle that imports a callable: it opens with GLOBAL `c` or a
 * MARK `(`, ends in STOP `.` after REDUCE `R` or an opcode's line feed, and holds a GLOBAL
 * (`c<module>\n<name>\n`) or INST (`i<module>\n<name>\n`, which also calls) at a line's start or
 * after a MARK. Memo opcodes (`p0\n`) and unicode arguments (`V...`) may come between.
 */
export function pickleText(buf: ArrayBuffer): bool {
  const n = trimmedLength(buf);
  if (n < 8 || byteAt(buf, n - 1) != 0x2e) return false;
  const f = byteAt(buf, 0);
  const p = byteAt(buf, n - 2);
  if (!((f == 0x63 || f == 0x28) && (p == 0x52 || p == 0x0a))) return false;
  for (let i = 0; i + 4 < n; i++) {
    const c = byteAt(buf, i);
    if (c != 0x63 && c != 0x69) continue;
    const b = i > 0 ? byteAt(buf, i - 1) : 0x0a;
    if ((b == 0x0a || b == 0x28) && globalOpcode(buf, i + 1)) return true;
  }
  return false;
}

/** Whether the value is a binary pickle (PROTO 2-5: `\x80\x02`..`\x80\x05`) in base64 (`gA...`), ending in STOP `.`. */
export function pickleBase64(buf: ArrayBuffer): bool {
  const n = trimmedLength(buf);
  if (n < 16 || byteAt(buf, 0) != 0x67 || byteAt(buf, 1) != 0x41) return false;
  const e = base64RunEnd(buf, 0);
  let pad = e;
  while (pad < n && byteAt(buf, pad) == 0x3d) pad++;
  if (pad != n) return false;
  const out = decodeBase64(buf, 0, e, 0);
  return out.byteLength > 8 && byteAt(out, 1) - 2 < 4 && byteAt(out, out.byteLength - 1) == 0x2e;
}

/**
 * Whether the value opens with a Ruby Marshal 4.8 stream in base64 (`BAh`: bytes 04 08) whose first
 * value, or the first item of an array that opens it, is an object (`o:Class`, user-defined `U:`/`u:`,
 * struct `S:`, extended `e:`, class or module `c`/`m`), as gadget chains open. A Rails session
 * signed, not encrypted, is a hash (`BAh7`); its scalars and strings build nothing.
 */
export function marshalBase64(buf: ArrayBuffer): bool {
  if (buf.byteLength < 16 || byteAt(buf, 0) != 0x42 || byteAt(buf, 1) != 0x41 || byteAt(buf, 2) != 0x68 || base64RunEnd(buf, 0) < 16) return false;
  const out = decodeBase64(buf, 0, 16, 0);
  let k = 2;
  // an array: its length (a small fixnum, 1-122 items) and its first item
  if (byteAt(out, 2) == 0x5b && byteAt(out, 3) - 6 < 122) k = 4;
  const c = byteAt(out, k);
  const next = byteAt(out, k + 1);
  return ((c == 0x6f || c == 0x55 || c == 0x75 || c == 0x53 || c == 0x65) && next == 0x3a) || ((c == 0x63 || c == 0x6d) && next - 6 < 122);
}

/** `module\nname\n` from i: two identifiers (the module dotted), each ended by a line feed. */
function globalOpcode(buf: ArrayBuffer, i: i32): bool {
  const n = buf.byteLength;
  for (let part = 0; part < 2; part++) {
    const from = i;
    while (i < n && i - from < 64 && (isWordByte(byteAt(buf, i)) || byteAt(buf, i) == 0x2e)) i++;
    if (i == from || i >= n || byteAt(buf, i) != 0x0a) return false;
    i++;
  }
  return true;
}
