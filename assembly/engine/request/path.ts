// The request-target: the path (one target `path`: raw bytes as sent, value
// percent-decoded; `pathNormalised()` resolves dot segments) and the query string
// (arguments `args:NAME`).
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
  if (semi >= 0) addSemicolonArgs(raw, semi + 1, raw.byteLength, true, out);
  if (q + 1 < target.byteLength) parseUrlencoded(target, q + 1, target.byteLength, "args:", out);
}
