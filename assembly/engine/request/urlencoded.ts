// `a=1&b=2` as the query string and application/x-www-form-urlencoded bodies
// carry it: names and values percent-decoded with '+' as space; repeated names
// give one target each; a piece without '=' is a name with an empty value.
import { safePoint } from "./safepoint";
import { Targets } from "./targets";
import { urlDecode } from "../transform/urldecode";
import { at } from "../transform/out";
import { TargetKind } from "../target";

export function parseUrlencoded(data: ArrayBuffer, start: i32, end: i32, prefix: string, out: Targets): void {
  let i = start;
  while (i < end) {
    safePoint(out, data, prefix);
    let amp = i;
    let eq = -1;
    let semi = -1;
    while (amp < end) {
      const c = at(data, amp);
      if (c == 0x26) break;
      if (c == 0x3d && eq < 0) eq = amp;
      if (c == 0x3b && semi < 0 && eq >= 0) semi = amp;
      amp++;
    }
    if (amp > i) {
      const nameEnd = eq >= 0 ? eq : amp;
      const rawName = data.slice(i, nameEnd);
      const rawValue = eq >= 0 ? data.slice(eq + 1, amp) : new ArrayBuffer(0);
      out.addArg(prefix, rawName, urlDecode(rawName, true), rawValue, urlDecode(rawValue, true), true);
      if (semi >= 0) addSemicolonArgs(data, semi + 1, amp, false, out);
    }
    i = amp + 1;
  }
}

/**
 * `a=1;b=2` (the other separator CGI libraries split at) and `/x;jsessionid=1;p=2/y` (matrix
 * parameters, `path`: segments end at `/`): each `name=value` after a `;` is an argument value
 * too, so that its value is read from its own start, named as the query's arguments are (percent-decoded:
 * an exclusion's `args:k[1]` names it however it was sent). Names and counts are the parser's business:
 * only the values are added.
 */
export function addSemicolonArgs(data: ArrayBuffer, start: i32, end: i32, path: bool, out: Targets): void {
  let i = start;
  while (i < end) {
    let e = i;
    let eq = -1;
    while (e < end) {
      const c = at(data, e);
      if (c == 0x3b || (path && c == 0x2f)) break;
      if (c == 0x3d && eq < 0) eq = e;
      e++;
    }
    if (eq > i && eq + 1 < e) {
      const raw = data.slice(eq + 1, e);
      out.add(TargetKind.ArgValue, "args:", raw, urlDecode(raw, !path), String.UTF8.decode(urlDecode(data.slice(i, eq), !path)));
    }
    // a path goes on at the next segment's `;`
    if (path) while (e < end && at(data, e) != 0x3b) e++;
    i = e + 1;
  }
}
