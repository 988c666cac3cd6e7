// The Cookie header: `a=1; b=2`. Names and values are targets (`cookie:a`);
// values are percent-decoded since applications commonly decode them.
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
        const rawValue = data.slice(eq + 1, semi);
        out.add(TargetKind.Cookie, "cookie:", rawValue, urlDecode(rawValue), key);
      }
    }
    i = semi + 1;
  }
}

function trimEnd(data: ArrayBuffer, start: i32, end: i32): i32 {
  while (end > start && (at(data, end - 1) == 0x20 || at(data, end - 1) == 0x09)) end--;
  return end;
}
