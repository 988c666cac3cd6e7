// Path normalisation: backslashes as slashes, `//` collapsed, `./` dropped and
// `dir/../` resolved. Leading `..` segments that would climb above the start are
// kept (`../../etc/passwd` stays so), since they are what traversal detectors look for.
import { ByteWriter, at } from "./out";

const MAX_SEGMENTS = 256;

/** Returns `input` itself when it is already normal. */
export function normalisePath(input: ArrayBuffer): ArrayBuffer {
  if (isNormal(input)) return input;
  const n = input.byteLength;
  const w = new ByteWriter(n);
  // Start offsets in the output of the segments written, to pop on `..`.
  const starts = new StaticArray<i32>(MAX_SEGMENTS);
  let depth = 0;
  // Output segments that are `..` and cannot be popped.
  let floor = 0;
  let i = 0;
  const absolute = n > 0 && isSlash(at(input, 0));
  if (absolute) w.put(0x2f);
  while (i < n) {
    while (i < n && isSlash(at(input, i))) i++;
    if (i >= n) break;
    let j = i;
    while (j < n && !isSlash(at(input, j))) j++;
    const len = j - i;
    const trailing = j < n;
    if (len == 1 && at(input, i) == 0x2e) {
      // `.`: nothing
    } else if (len == 2 && at(input, i) == 0x2e && at(input, i + 1) == 0x2e) {
      if (depth > floor) {
        depth--;
        w.len = unchecked(starts[depth]);
      } else {
        if (depth < MAX_SEGMENTS) {
          starts[depth] = w.len;
          depth++;
          floor = depth;
        }
        w.put(0x2e);
        w.put(0x2e);
        w.put(0x2f);
      }
    } else {
      if (depth < MAX_SEGMENTS) {
        starts[depth] = w.len;
        depth++;
      }
      w.copy(input, i, j);
      if (trailing) w.put(0x2f);
    }
    i = j;
  }
  return w.finish();
}

// @ts-ignore: decorator
@inline function isSlash(c: u32): bool {
  return c == 0x2f || c == 0x5c;
}

/** No backslash, no empty, `.` or `..` segment. */
function isNormal(input: ArrayBuffer): bool {
  const n = input.byteLength;
  let segStart = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? at(input, i) : 0x2f;
    if (c == 0x5c) return false;
    if (c != 0x2f) continue;
    const len = i - segStart;
    if (len == 0 && i > 0 && i < n) return false;
    if (len == 1 && at(input, segStart) == 0x2e) return false;
    if (len == 2 && at(input, segStart) == 0x2e && at(input, segStart + 1) == 0x2e) return false;
    segStart = i + 1;
  }
  return true;
}
