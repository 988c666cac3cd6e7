// Targets already inspected in this request, by content. A JSON array of objects repeats its
// keys (and often its values) thousands of times; a target identical in kind, origin, key and
// bytes to one already inspected can add nothing (every detector is a function of those, and a
// rule counts once per request), so it is skipped. Keys compare with array indexes ignored
// (`items.0.id` is `items.7.id`): detectors read letters of a key, never its indexes. Not used when an exclusion names a target:
// then the full name matters, and names differ (`json:items.0.id`, `json:items.1.id`).
//
// The parsers ask before they build a target (Targets.add, and the JSON parser with the bytes in
// place), so a repeat costs a hash and a compare, no allocation. Remembered targets are copies in
// one arena: the collector sees two objects, whatever the table holds. The table and the arena
// are kept from request to request (a generation number empties the table).
import { Target } from "./target";

/** Targets remembered per request, at most (the table has twice as many slots). */
const MAX_REMEMBERED = 4096;
const SLOTS = MAX_REMEMBERED * 2;
/** Longer values are not remembered (long values rarely repeat); bounds the arena. */
const MAX_VALUE = 2048;
/** Longer keys (UTF-16 units) are not remembered. */
const MAX_KEY = 256;
/** Arena bytes per request, at most. */
const MAX_ARENA = 512 * 1024;
/**
 * Targets checked before any is remembered: most requests have a few dozen targets and few
 * repeats, so they skip the hashing and the table (a repeat among them is inspected twice, which
 * costs time, never a finding: a rule counts once per request).
 */
const UNREMEMBERED = 32;
// An entry: hash u32 @0, kind u8 @4, origin u8 @5, raw-is-value u8 @6, key units i32 @8, value bytes
// i32 @12, raw bytes i32 @16, then the key (UTF-16), the value and the raw bytes (when they differ), 4-aligned.
const HEADER = 20;

// Slot i holds (generation, arena offset); a slot of an older generation is empty.
const slotGen = new StaticArray<u32>(SLOTS);
const slotAt = new StaticArray<i32>(SLOTS);
let generation: u32 = 0;
let arena = new ArrayBuffer(16 * 1024);

export class SeenTargets {
  private remembered: i32 = 0;
  private checked: i32 = 0;
  private used: i32 = 0;
  private gen: u32;

  constructor() {
    generation++;
    if (generation == 0) {
      // Wrapped around: empty every slot for real once.
      memory.fill(changetype<usize>(slotGen), 0, <usize>SLOTS * 4);
      generation = 1;
    }
    this.gen = generation;
  }

  /** Whether a target identical to `t` was checked before; remembers `t` otherwise. */
  check(t: Target): bool {
    if (t.fromBase64) return false;
    const key = t.key;
    const rawSame = t.raw == t.value;
    return this.checkParts(<u32>t.kind, <u32>t.origin, changetype<usize>(key), key.length,
      changetype<usize>(t.value), t.value.byteLength, changetype<usize>(t.raw), rawSame ? -1 : t.raw.byteLength);
  }

  /**
   * As check(), from parts in place: the key as `keyUnits` UTF-16 units at `key`, the value's bytes,
   * the raw bytes (`rawLen` -1: the raw bytes are the value's).
   */
  checkParts(kind: u32, origin: u32, key: usize, keyUnits: i32, value: usize, valueLen: i32, raw: usize, rawLen: i32): bool {
    if (this.checked < UNREMEMBERED) {
      this.checked++;
      return false;
    }
    const rawSame = rawLen < 0 || (rawLen == valueLen && memory.compare(raw, value, <usize>valueLen) == 0);
    let h: u32 = 2166136261 ^ (kind << 8) ^ (origin << 16);
    h = hashKeyShape(h, key, keyUnits);
    for (let i = 0; i < valueLen; i++) h = (h ^ <u32>load<u8>(value + <usize>i)) * 16777619;
    if (!rawSame) h = (h ^ <u32>rawLen) * 16777619;
    const gen = this.gen;
    let slot = <i32>(h & <u32>(SLOTS - 1));
    for (let probe = 0; probe < SLOTS; probe++) {
      if (unchecked(slotGen[slot]) != gen) break;
      const e = changetype<usize>(arena) + <usize>unchecked(slotAt[slot]);
      if (load<u32>(e) == h && <u32>load<u8>(e, 4) == kind && <u32>load<u8>(e, 5) == origin &&
          (load<u8>(e, 6) != 0) == rawSame && load<i32>(e, 12) == valueLen && load<i32>(e, 16) == (rawSame ? 0 : rawLen)) {
        const units = load<i32>(e, 8);
        const ek = e + <usize>HEADER;
        const ev = ek + (<usize>units << 1);
        if (memory.compare(ev, value, <usize>valueLen) == 0 &&
            (rawSame || memory.compare(ev + <usize>valueLen, raw, <usize>rawLen) == 0) &&
            sameKeyShape(ek, units, key, keyUnits)) return true;
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
    // Not seen: remember it when there is room (a full table only costs repeats inspected).
    if (this.remembered >= MAX_REMEMBERED || valueLen > MAX_VALUE || keyUnits > MAX_KEY) return false;
    const size = (HEADER + (keyUnits << 1) + valueLen + (rawSame ? 0 : rawLen) + 3) & ~3;
    if (this.used + size > MAX_ARENA) return false;
    if (this.used + size > arena.byteLength) grow(this.used + size, this.used);
    const e = changetype<usize>(arena) + <usize>this.used;
    store<u32>(e, h);
    store<u8>(e, <u8>kind, 4);
    store<u8>(e, <u8>origin, 5);
    store<u8>(e, rawSame ? 1 : 0, 6);
    store<i32>(e, keyUnits, 8);
    store<i32>(e, valueLen, 12);
    store<i32>(e, rawSame ? 0 : rawLen, 16);
    const ek = e + <usize>HEADER;
    memory.copy(ek, key, <usize>keyUnits << 1);
    memory.copy(ek + (<usize>keyUnits << 1), value, <usize>valueLen);
    if (!rawSame) memory.copy(ek + (<usize>keyUnits << 1) + <usize>valueLen, raw, <usize>rawLen);
    unchecked(slotGen[slot] = gen);
    unchecked(slotAt[slot] = this.used);
    this.used += size;
    this.remembered++;
    return false;
  }
}

function grow(need: i32, keep: i32): void {
  let n = arena.byteLength;
  while (n < need) n <<= 1;
  const bigger = new ArrayBuffer(min(n, MAX_ARENA));
  memory.copy(changetype<usize>(bigger), changetype<usize>(arena), <usize>keep);
  arena = bigger;
}

/** FNV-1a over the key's UTF-16 units, each all-digit `.`-segment hashed as one marker. */
function hashKeyShape(h: u32, p: usize, n: i32): u32 {
  let i = 0;
  while (i <= n) {
    const e = segmentEnd(p, n, i);
    if (allDigits(p, i, e)) h = (h ^ 0x10000) * 16777619;
    else for (let k = i; k < e; k++) h = (h ^ <u32>load<u16>(p + (<usize>k << 1))) * 16777619;
    h = (h ^ 0x2e) * 16777619;
    if (e == n) break;
    i = e + 1;
  }
  return h;
}

/** Keys equal segment by segment (`.`-separated), any all-digit segment matching any other. */
function sameKeyShape(pa: usize, n: i32, pb: usize, m: i32): bool {
  if (n == m && memory.compare(pa, pb, <usize>n << 1) == 0) return true;
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
