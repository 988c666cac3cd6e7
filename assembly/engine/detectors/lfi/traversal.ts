// Directory traversal steps: `..` (or more dots) followed by `/`, `\` or `;`
// (Tomcat's `..;/`). Works on the decoded value; `0x2e`/`0x2f`/`0x5c` spelled out
// as text are read as the characters they name.
import { matchesCI } from "../../bytes";

export let traversalSteps: i32 = 0;
export let firstStep: i32 = -1;

// @ts-ignore: decorator
@inline function at(buf: ArrayBuffer, i: i32): u32 {
  return i < buf.byteLength && i >= 0 ? <u32>load<u8>(changetype<usize>(buf) + <usize>i) : 0;
}

/** `0x2e` -> '.', `0x2f` -> '/', `0x5c` -> '\' when the value spells them out; else the value itself. */
export function unhexLiterals(buf: ArrayBuffer): ArrayBuffer {
  const n = buf.byteLength;
  let found = false;
  for (let i = 0; i + 3 < n; i++) {
    if (at(buf, i) == 0x30 && (at(buf, i + 1) | 0x20) == 0x78 && (matchesCI(buf, i + 2, "2e") || matchesCI(buf, i + 2, "2f") || matchesCI(buf, i + 2, "5c"))) { found = true; break; }
  }
  if (!found) return buf;
  const out = new ArrayBuffer(n);
  const o = changetype<usize>(out);
  let w = 0;
  let i = 0;
  while (i < n) {
    if (at(buf, i) == 0x30 && (at(buf, i + 1) | 0x20) == 0x78) {
      if (matchesCI(buf, i + 2, "2e")) { store<u8>(o + <usize>w, 0x2e); w++; i += 4; continue; }
      if (matchesCI(buf, i + 2, "2f")) { store<u8>(o + <usize>w, 0x2f); w++; i += 4; continue; }
      if (matchesCI(buf, i + 2, "5c")) { store<u8>(o + <usize>w, 0x5c); w++; i += 4; continue; }
    }
    store<u8>(o + <usize>w, load<u8>(changetype<usize>(buf) + <usize>i));
    w++;
    i++;
  }
  return out.slice(0, w);
}

/** Counts traversal steps in `buf` into traversalSteps / firstStep. */
export function countTraversal(buf: ArrayBuffer): void {
  traversalSteps = 0;
  firstStep = -1;
  const n = buf.byteLength;
  let i = 0;
  while (i + 2 < n + 1) {
    if (at(buf, i) != 0x2e || at(buf, i + 1) != 0x2e) {
      i++;
      continue;
    }
    const s = i;
    while (i < n && at(buf, i) == 0x2e) i++;
    let c = at(buf, i);
    if (c == 0x3b) c = at(buf, ++i); // ..;/
    const p = at(buf, s - 1);
    const startsComponent = s == 0 || p == 0x2f || p == 0x5c || p == 0x3d || p == 0x20 || p == 0x3a || p == 0x22 || p == 0x27 || p == 0x3b;
    if (startsComponent && (c == 0x2f || c == 0x5c || (i >= n && s > 0 && (p == 0x2f || p == 0x5c)) || c == 0x2e)) {
      traversalSteps++;
      if (firstStep < 0) firstStep = s;
    }
    if (i == s) i++;
  }
}

/**
 * Whether the `..` segments of a URL path climb above its root (`/a/../../etc`), or use a
 * spelling servers disagree on (`..;/`, `.../`). `/get/..` and `/a/b/../c` resolve inside
 * the site: Envoy and every server normalise them to an ordinary path.
 */
export function climbsAboveRoot(buf: ArrayBuffer): bool {
  const n = buf.byteLength;
  let depth = 0;
  let i = 0;
  while (i < n) {
    while (i < n && (at(buf, i) == 0x2f || at(buf, i) == 0x5c)) i++;
    const s = i;
    while (i < n && at(buf, i) != 0x2f && at(buf, i) != 0x5c) i++;
    const len = i - s;
    if (len == 0 || (len == 1 && at(buf, s) == 0x2e)) continue;
    if (at(buf, s) == 0x2e && at(buf, s + 1) == 0x2e) {
      if (len != 2) {
        // `..;x`, `...`: a step some servers take and others do not; `..foo` is a name
        let k = s;
        while (k < i && at(buf, k) == 0x2e) k++;
        if (k == i || at(buf, k) == 0x3b) return true;
        depth++;
        continue;
      }
      if (--depth < 0) return true;
      continue;
    }
    depth++;
  }
  return false;
}
