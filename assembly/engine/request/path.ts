// The request-target: the path (one target `path`: raw bytes as sent, value
// percent-decoded; `pathNormalised()` resolves dot segments; with matrix parameters, a
// second `path` without them, as they are routed, the parameters as arguments) and the
// query string (arguments `args:NAME`).
import { Targets } from "./targets";
import { TargetKind, TargetOrigin } from "../target";
import { indexOfCI } from "../bytes";
import { urlDecode } from "../transform/urldecode";
import { parseUrlencoded, addSemicolonArgs } from "./urlencoded";

/** Offset of the '?' that starts the query, or the length when there is none. */
export function queryStart(target: ArrayBuffer): i32 {
  const n = target.byteLength;
  const base = changetype<usize>(target);
  for (let i = 0; i < n; i++) if (load<u8>(base + <usize>i) == 0x3f) return i;
  return n;
}

export function collectPath(target: ArrayBuffer, out: Targets): void {
  const q = queryStart(target);
  const raw = q == target.byteLength ? target : target.slice(0, q);
  out.origin = TargetOrigin.Path;
  // `/` alone carries nothing.
  if (raw.byteLength > 1) out.add(TargetKind.Path, "path", raw, urlDecode(raw), "");
  out.origin = TargetOrigin.Query;
  const semi = raw.byteLength > 1 ? indexOfCI(raw, ";") : -1;
  if (semi >= 0) {
    addSemicolonArgs(raw, semi + 1, raw.byteLength, true, out);
    // and the path as Tomcat and Spring route it, every segment's `;params` dropped
    const bare = withoutParams(raw, semi);
    out.origin = TargetOrigin.Path;
    out.add(TargetKind.Path, "path", bare, urlDecode(bare), "");
    out.origin = TargetOrigin.Query;
  }
  if (q + 1 < target.byteLength) parseUrlencoded(target, q + 1, target.byteLength, "args:", out);
}

/** `path` without its matrix parameters: from each `;` (the first at `semi`) to the end of its segment. */
function withoutParams(path: ArrayBuffer, semi: i32): ArrayBuffer {
  const n = path.byteLength;
  const out = new ArrayBuffer(n);
  memory.copy(changetype<usize>(out), changetype<usize>(path), <usize>semi);
  let w = semi;
  let skipping = true;
  for (let i = semi; i < n; i++) {
    const c = load<u8>(changetype<usize>(path) + <usize>i);
    if (c == 0x3b) skipping = true;
    else if (c == 0x2f) skipping = false;
    if (!skipping) {
      store<u8>(changetype<usize>(out) + <usize>w, c);
      w++;
    }
  }
  return out.slice(0, w);
}
