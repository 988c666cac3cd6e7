// Targets already inspected in this request, by content. A JSON array of objects repeats its
// keys (and often its values) thousands of times; a target identical in kind, origin, key and
// bytes to one already inspected can add nothing (every detector is a function of those, and a
// rule counts once per request), so it is skipped. Keys compare with array indexes ignored
// (`items.0.id` is `items.7.id`): detectors read letters of a key, never its indexes. Not used when an exclusion names a target:
// then the full name matters, and names differ (`json:items.0.id`, `json:items.1.id`).
import { Target } from "./target";
import { byteAt } from "./bytes";

/** Targets remembered per request, at most: a bound on the memory a huge body can pin here. */
const MAX_REMEMBERED = 4096;
/**
 * Targets inspected before any is remembered: most requests have a few dozen targets and few
 * repeats, so they skip the hashing and the table (a repeat among them is inspected twice, which
 * costs time, never a finding: a rule counts once per request).
 */
const UNREMEMBERED = 32;

export class SeenTargets {
  private byHash: Map<u32, Target[]> | null = null;
  private remembered: i32 = 0;
  private checked: i32 = 0;

  /** Whether an identical target was inspected before; remembers `t` otherwise. */
  check(t: Target): bool {
    if (this.checked < UNREMEMBERED) {
      this.checked++;
      return false;
    }
    if (this.byHash === null) this.byHash = new Map<u32, Target[]>();
    const byHash = this.byHash!;
    const h = hashOf(t);
    if (byHash.has(h)) {
      const same = byHash.get(h);
      for (let i = 0; i < same.length; i++) if (identical(unchecked(same[i]), t)) return true;
      if (this.remembered < MAX_REMEMBERED) {
        same.push(t);
        this.remembered++;
      }
      return false;
    }
    if (this.remembered < MAX_REMEMBERED) {
      byHash.set(h, [t]);
      this.remembered++;
    }
    return false;
  }
}

/** FNV-1a over the value bytes, seeded with the kind, origin and sizes. */
function hashOf(t: Target): u32 {
  let h: u32 = 2166136261 ^ (<u32>t.kind << 8) ^ (<u32>t.origin << 16);
  const v = t.value;
  const n = v.byteLength;
  for (let i = 0; i < n; i++) h = (h ^ byteAt(v, i)) * 16777619;
  return h ^ <u32>t.raw.byteLength;
}

function identical(a: Target, b: Target): bool {
  return a.kind == b.kind && a.origin == b.origin && a.fromBase64 == b.fromBase64 && sameKeyShape(a.key, b.key) &&
    sameBytes(a.value, b.value) && sameBytes(a.raw, b.raw);
}

function sameBytes(a: ArrayBuffer, b: ArrayBuffer): bool {
  const n = a.byteLength;
  if (n != b.byteLength) return false;
  return memory.compare(changetype<usize>(a), changetype<usize>(b), <usize>n) == 0;
}

/** Keys equal segment by segment (`.`-separated), any all-digit segment matching any other. */
function sameKeyShape(a: string, b: string): bool {
  if (a == b) return true;
  // Strings are UTF-16 in memory: compare code units in place (no charCodeAt bounds checks).
  const pa = changetype<usize>(a);
  const pb = changetype<usize>(b);
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  while (i <= n && j <= m) {
    const ie = segmentEnd(pa, n, i);
    const je = segmentEnd(pb, m, j);
    if (!(allDigits(pa, i, ie) && allDigits(pb, j, je))) {
      if (ie - i != je - j) return false;
      if (memory.compare(pa + (<usize>i << 1), pb + (<usize>j << 1), <usize>(ie - i) << 1) != 0) return false;
    }
    if (ie == n || je == m) return ie == n && je == m;
    i = ie + 1;
    j = je + 1;
  }
  return false;
}

function segmentEnd(p: usize, n: i32, from: i32): i32 {
  let e = from;
  while (e < n && load<u16>(p + (<usize>e << 1)) != 0x2e) e++;
  return e;
}

function allDigits(p: usize, from: i32, to: i32): bool {
  if (to <= from) return false;
  for (let k = from; k < to; k++) if (<u32>load<u16>(p + (<usize>k << 1)) - 0x30 >= 10) return false;
  return true;
}
