// `a=1&b=2` as the query string and application/x-www-form-urlencoded bodies
// carry it: names and values percent-decoded with '+' as space; repeated names
// give one target each; a piece without '=' is a name with an empty value.
import { safePoint } from "./safepoint";
import { Targets } from "./targets";
import { urlDecode } from "../transform/urldecode";
import { at } from "../transform/out";

export function parseUrlencoded(data: ArrayBuffer, start: i32, end: i32, prefix: string, out: Targets): void {
  let i = start;
  while (i < end) {
    safePoint(out, data, prefix);
    let amp = i;
    let eq = -1;
    while (amp < end) {
      const c = at(data, amp);
      if (c == 0x26) break;
      if (c == 0x3d && eq < 0) eq = amp;
      amp++;
    }
    if (amp > i) {
      const nameEnd = eq >= 0 ? eq : amp;
      const rawName = data.slice(i, nameEnd);
      const rawValue = eq >= 0 ? data.slice(eq + 1, amp) : new ArrayBuffer(0);
      out.addArg(prefix, rawName, urlDecode(rawName, true), rawValue, urlDecode(rawValue, true));
    }
    i = amp + 1;
  }
}
