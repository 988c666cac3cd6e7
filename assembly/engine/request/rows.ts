// Bodies of rows: YAML (`key: value` lines, `- item` lists) and CSV (cells between `,`, `;` or tabs).
// A service loads them into objects as it loads JSON, so each line's value or each cell is a value of
// its own to the detectors, as a JSON string is (a URL or a file path that is the whole value); the body
// stays a target too. A value in quotes is read without them, a YAML `"..."` one with its backslash
// escapes decoded, a doubled quote (`''`, `""`) as written; a separator inside a quoted CSV cell cuts it,
// and a block scalar's lines (below `key: |`) are left to the body. Lines and cells, not a parser: each
// value is named `body`, and an exclusion names the document.
import { Targets } from "./targets";
import { TargetKind } from "../target";
import { at } from "../detectors/langs/syntax";
import { jsDecode } from "../transform/jsescape";

/** Adds each value of a YAML (`yaml`) or CSV document. */
export function parseRows(body: ArrayBuffer, yaml: bool, out: Targets): void {
  const n = body.byteLength;
  let i = 0;
  while (i < n) {
    let s = i;
    let e = i;
    // the line, or (CSV) the cell
    while (e < n && at(body, e) != 0x0a && (yaml || !(at(body, e) == 0x2c || at(body, e) == 0x3b || at(body, e) == 0x09))) e++;
    let v = e;
    if (yaml) {
      // indentation and `- ` items, then `key:` and a blank; a ` #` comment ends the value. A line that is
      // neither an item nor a key continues a block or a plain scalar (a script under `run: |`): not read
      let node = false;
      while (at(body, s) == 0x20 || (at(body, s) == 0x2d && at(body, s + 1) == 0x20)) node = at(body, s++) == 0x2d || node;
      // (a value that opens with a quote has no key)
      let keyed = at(body, s) == 0x22 || at(body, s) == 0x27;
      for (let k = s; k < e; k++) {
        const c = at(body, k);
        if (!keyed && c == 0x3a && at(body, k + 1) <= 0x20) {
          s = k + 1;
          keyed = node = true;
        } else if (c == 0x23 && at(body, k - 1) <= 0x20) {
          v = k;
          break;
        }
      }
      if (!node) v = s;
      while (at(body, s) == 0x20) s++;
    }
    while (v > s && at(body, v - 1) <= 0x20) v--;
    // a quoted value, its quotes off
    const q = at(body, s);
    const quoted = v - s > 1 && (q == 0x22 || q == 0x27) && at(body, v - 1) == q;
    if (quoted) {
      s++;
      v--;
    }
    // (a value of one or two bytes, `=>`, `<=`, `ok`, is an operator or a word, as in embedded.ts; a flow
    // collection, `["/bin/sh", "-c"]`, is a list of its own: the body holds it)
    if (v - s > 2 && q != 0x5b && q != 0x7b) {
      const raw = body.slice(s, v);
      // (YAML's double quotes take backslash escapes: `\x3c`, `\u003c`)
      out.add(TargetKind.BodyValue, "body", raw, yaml && quoted && q == 0x22 ? jsDecode(raw) : raw, "");
    }
    i = e + 1;
  }
}
