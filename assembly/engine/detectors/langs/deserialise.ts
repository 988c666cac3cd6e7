// Serialised objects of scripting languages that a loader turns into arbitrary objects and
// calls: YAML tags naming a language type (`!!python/object/apply:os.system`, `!ruby/object:`,
// SnakeYAML's `!!javax.script.ScriptEngineManager`), and Python pickle streams (protocol 0
// text `cos\nsystem\n...R.`, or a binary protocol 2-5 stream in base64, `gA...`).
// Core YAML tags (`!!str`, `!!binary`) and local tags (`!Ref`) name no language type.
import { byteAt, isAlpha, isWordByte } from "../../bytes";
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
    const global = byteAt(buf, i + 1) == 0x21;
    let j = global ? i + 2 : i + 1;
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

/** Whether the value is a protocol 0 pickle that imports a callable and calls it: `c<module>\n<name>\n ... R.` (GLOBAL, REDUCE, STOP). */
export function pickleText(buf: ArrayBuffer): bool {
  const n = trimmedLength(buf);
  return n >= 8 && byteAt(buf, 0) == 0x63 && byteAt(buf, n - 1) == 0x2e && byteAt(buf, n - 2) == 0x52 && globalOpcode(buf, 1);
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
