// The Cookie header: `a=1; b=2`. Names and values are targets (`cookie:a`);
// values are percent-decoded since applications commonly decode them, and a quoted value's
// backslash escapes (`a="x\073y"`) are undone.
import { Targets } from "./targets";
import { TargetKind } from "../target";
import { urlDecode } from "../transform/urldecode";
import { at } from "../transform/out";

export function parseCookies(data: ArrayBuffer, out: Targets): void {
  const end = data.byteLength;
  let i = 0;
  while (i < end) {
    while (i < end && (at(data, i) == 0x20 || at(data, i) == 0x09)) i++;
    let semi = i;
    let eq = -1;
    while (semi < end) {
      const c = at(data, semi);
      if (c == 0x3b) break;
      if (c == 0x3d && eq < 0) eq = semi;
      semi++;
    }
    if (semi > i) {
      const nameEnd = eq >= 0 ? eq : semi;
      const rawName = data.slice(i, trimEnd(data, i, nameEnd));
      const key = String.UTF8.decode(rawName);
      if (rawName.byteLength > 0) out.add(TargetKind.CookieName, "cookie:", rawName, urlDecode(rawName), key);
      if (eq >= 0 && semi > eq + 1) {
        // RFC 6265 lets a value be wrapped in DQUOTEs; servers differ on whether they drop them (the
        // value keeps them), but those that read the quotes also undo the backslash escapes inside
        const rawValue = data.slice(eq + 1, semi);
        const quoted = semi - eq > 3 && at(data, eq + 1) == 0x22 && at(data, semi - 1) == 0x22;
        out.add(TargetKind.Cookie, "cookie:", rawValue, urlDecode(quoted ? unquote(rawValue) : rawValue), key);
      }
    }
    i = semi + 1;
  }
}

function trimEnd(data: ArrayBuffer, start: i32, end: i32): i32 {
  while (end > start && (at(data, end - 1) == 0x20 || at(data, end - 1) == 0x09)) end--;
  return end;
}

/** A quoted value's backslash escapes, as Python's http.cookies writes them: `\"`, `\\`, and octal `\073` for `;`. */
export function unquote(v: ArrayBuffer): ArrayBuffer {
  const n = v.byteLength;
  const b = changetype<usize>(v);
  const out = new ArrayBuffer(n);
  let w = 0;
  let changed = false;
  for (let i = 0; i < n; i++) {
    let c = <u32>load<u8>(b + <usize>i);
    if (c == 0x5c && i + 1 < n) {
      changed = true;
      c = <u32>load<u8>(b + <usize>++i);
      if (i + 2 < n && c - 0x30 < 4) {
        const d = <u32>load<u8>(b + <usize>(i + 1)) - 0x30;
        const e = <u32>load<u8>(b + <usize>(i + 2)) - 0x30;
        if (d < 8 && e < 8) {
          c = ((c - 0x30) << 6) | (d << 3) | e;
          i += 2;
        }
      }
    }
    store<u8>(changetype<usize>(out) + <usize>w, <u8>c);
    w++;
  }
  return changed ? out.slice(0, w) : v;
}
