// Strings inside a value that is itself a document: JSON in a cookie or a header
// (`prefs={"q":"..."}`), a JSON document sent as a JSON string, the arguments of a GraphQL query
// (`{ user(name: "...") { id } }`), a body that opens as JSON but does not parse (a comment, single
// quotes, a trailing comma: what JSON5 and Jackson's lenient options accept). The application parses
// that document and uses each string on its own, as the body parsers hand out the strings of a JSON
// body: the engine inspects each as a value (a derived target), decoded of its `\` escapes.
import { Target, TargetKind } from "./target";
import { QUOTE } from "./census";
import { matchesCI } from "./bytes";
import { jsDecode } from "./transform/jsescape";

/** Strings read from one value, at most (a document of thousands is left to the value itself). */
const MAX_STRINGS = 32;

/** The double-quoted strings of `t`'s value, keys left out, when it opens as a JSON or GraphQL document, else null. */
export function embeddedStrings(t: Target): ArrayBuffer[] | null {
  if (t.kind == TargetKind.Path || (t.census() & QUOTE) == 0) return null;
  const v = t.value;
  const n = v.byteLength;
  const base = changetype<usize>(v);
  let i = 0;
  while (i < n && load<u8>(base + <usize>i) <= 0x20) i++;
  if (i >= n) return null;
  const c = load<u8>(base + <usize>i);
  if (c != 0x7b && c != 0x5b && !matchesCI(v, i, "query") && !matchesCI(v, i, "mutation")) return null;
  let out: ArrayBuffer[] | null = null;
  while (i < n) {
    if (load<u8>(base + <usize>i) != 0x22) {
      i++;
      continue;
    }
    const start = ++i;
    while (i < n && load<u8>(base + <usize>i) != 0x22) i += load<u8>(base + <usize>i) == 0x5c ? 2 : 1;
    const end = min(i++, n);
    // a key (`"name":`) is no value
    let k = i;
    while (k < n && load<u8>(base + <usize>k) <= 0x20) k++;
    // (two bytes are read only as a shell's `~+`, `~-`: `<=`, `!=`, `in` are a filter's operators)
    if ((end - start < 3 && !(end - start == 2 && load<u8>(base + <usize>start) == 0x7e)) || (k < n && load<u8>(base + <usize>k) == 0x3a)) continue;
    if (out === null) out = [];
    out.push(jsDecode(v.slice(start, end)));
    if (out.length >= MAX_STRINGS) break;
  }
  return out;
}
