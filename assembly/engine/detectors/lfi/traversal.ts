// Directory traversal steps: `..` (or more dots) followed by `/`, `\` or `;`
// (Tomcat's `..;/`, also with matrix parameters: `..;v=1/`). Works on the decoded value;
// `0x2e`/`0x2f`/`0x5c` spelled out as text are read as the characters they name.
import { matchesCI } from "../../bytes";
import { nextByte } from "../rce/next-byte";

export let traversalSteps: i32 = 0;
export let firstStep: i32 = -1;

// one bounds-checked reader, called (not inlined at every use: the module has a size budget)
function at(buf: ArrayBuffer, i: i32): u32 {
  return i < buf.byteLength && i >= 0 ? <u32>load<u8>(changetype<usize>(buf) + <usize>i) : 0;
}

/** `0x2e` -> '.', `0x2f` -> '/', `0x5c` -> '\' when the value spells them out; else the value itself. */
export function unhexLiterals(buf: ArrayBuffer): ArrayBuffer {
  const n = buf.byteLength;
  let found = false;
  const base = changetype<usize>(buf);
  for (let i = 0; i + 3 < n; i++) {
    i = nextByte(buf, i, 0x30, false); // a `0`
    if (i + 3 >= n) break;
    if ((load<u16>(base + <usize>i) | 0x2000) == 0x7830 && (matchesCI(buf, i + 2, "2e") || matchesCI(buf, i + 2, "2f") || matchesCI(buf, i + 2, "5c"))) { found = true; break; }
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
  const base = changetype<usize>(buf);
  let i = 0;
  while (i + 2 < n + 1) {
    i = nextByte(buf, i, 0x2e, false);
    if (i + 1 >= n) break;
    if (load<u16>(base + <usize>i) != 0x2e2e) { // `..` (i + 1 < n)
      i++;
      continue;
    }
    const s = i;
    while (i < n && at(buf, i) == 0x2e) i++;
    let c = at(buf, i);
    // `..;/`, and `..;v=1/`: Tomcat and Spring drop a segment's matrix parameters before resolving it
    if (c == 0x3b) {
      while (i < n && c != 0x2f && c != 0x5c && c != 0x20) c = at(buf, ++i);
    }
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
 * Whether `raw`, the path as sent, holds fewer literal steps than countTraversal found in its decoded form:
 * some came encoded (`..%2f`, `..%252f`, `%c0%ae%c0%ae/`), which a proxy's dot-segment normalising leaves
 * in one segment for the application to decode and climb. Keeps traversalSteps and firstStep.
 */
export function hasEncodedSteps(raw: ArrayBuffer): bool {
  const steps = traversalSteps;
  const first = firstStep;
  countTraversal(raw);
  const literal = traversalSteps;
  traversalSteps = steps;
  firstStep = first;
  return literal < steps;
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

/**
 * Whether the unit buf[p, p+len) has two dots and otherwise only separators: `/`, `\`, `?`, `%` or bytes no text
 * has (overlong leads C0 C1 E0, private-use leads EE EF, continuation bytes). An overlong or fullwidth dot left
 * undecoded (C0 AE, E0 80 AE, EF BC 8E) counts as a dot.
 */
function stepUnit(buf: ArrayBuffer, p: i32, len: i32): bool {
  let dots = 0;
  for (let k = p; k < p + len; k++) if (isDotLike(buf, k)) dots++;
  return dots >= 2;
}

// @ts-ignore: decorator
@inline function isDotLike(buf: ArrayBuffer, k: i32): bool {
  const c = at(buf, k);
  return c == 0x2e || c == 0xae || (c == 0x8e && at(buf, k - 1) == 0xbc);
}

/** Whether the byte at k can be part of a step unit: a dot or a separator. */
// @ts-ignore: decorator
@inline function isStepByte(buf: ArrayBuffer, k: i32): bool {
  const c = at(buf, k);
  return c == 0x2e || c == 0x2f || c == 0x5c || c == 0x3f || c == 0x25 || (c >= 0x80 && c < 0xc2) || c == 0xe0 || c == 0xee || c == 0xef;
}

/**
 * Fuzzers spell the step with separators no decoder knows (`..%uF025`, `%c0%2e%c0%2e%c0%5c`, `....%uEFC8`):
 * one such unit of dots and separator bytes at the first dot, three times in a row, is a traversal. Read on the
 * decoded value (overlong and fullwidth dots folded) and on the percent-decoded bytes (an overlong `%c1%af`
 * folded to a letter is still a fuzzer's separator).
 */
export function repeatedStep(buf: ArrayBuffer): bool {
  // the first step starts at the first dot or at the junk bytes before it (`%c0.%c0.%c0\\`, `%uF025..`)
  // (near the start: a fuzzer's traversal is the value, or follows a short route prefix)
  const n = min(buf.byteLength, 128);
  const base = changetype<usize>(buf);
  let p = 0;
  while (p < n) {
    const c = load<u8>(base + <usize>p);
    if (c == 0x2e || c >= 0x80) break;
    p++;
  }
  return p < n && repeatsFrom(buf, p);
}

function repeatsFrom(buf: ArrayBuffer, p: i32): bool {
  // three units are one run of step bytes: most values (`example.com`, `v1.2`) end it at once
  let run = p;
  while (run < buf.byteLength && run - p < 48 && isStepByte(buf, run)) run++;
  for (let len = 3; len <= 16 && p + 3 * len <= run; len++) {
    if (!stepUnit(buf, p, len)) continue;
    let same = true;
    for (let k = p; k < p + 2 * len && same; k++) same = at(buf, k) == at(buf, k + len);
    if (same) return true;
  }
  return false;
}
