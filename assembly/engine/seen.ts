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
import { equalBytes } from "./bytes";
import { KeyShape } from "./key-shape";

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
const SCRATCH = new KeyShape();

export class SeenTargets {
  private remembered: i32 = 0;
  private checked: i32 = 0;
  private used: i32 = 0;
  private gen: u32;

  constructor() {
    this.gen = nextGeneration();
  }

  /** Forgets every target: the object serves the next request (inspect keeps one). */
  restart(): void {
    this.gen = nextGeneration();
    this.remembered = 0;
    this.checked = 0;
    this.used = 0;
  }

  /** Whether a target identical to `t` was checked before; remembers `t` otherwise. */
  check(t: Target): bool {
    if (t.fromBase64) return false;
    return this.checkParts(<u32>t.kind, <u32>t.origin, t.key, t.value, t.raw);
  }

  /** As check(), from the parts of a target. */
  checkParts(kind: u32, origin: u32, key: string, value: ArrayBuffer, raw: ArrayBuffer): bool {
    if (this.warming()) return false;
    return this.lookup(kind, origin, SCRATCH.of(key), changetype<usize>(value), value.byteLength, changetype<usize>(raw), raw == value ? -1 : raw.byteLength);
  }

  /** As checkParts(), with the key's shape and the value's and the raw bytes in place (`rawLen` -1: the raw bytes are the value's). */
  checkBytes(kind: u32, origin: u32, shape: KeyShape, value: usize, valueLen: i32, raw: usize, rawLen: i32): bool {
    if (this.warming()) return false;
    return this.lookup(kind, origin, shape, value, valueLen, raw, rawLen);
  }

  private warming(): bool {
    if (this.checked >= UNREMEMBERED) return false;
    this.checked++;
    return true;
  }

  private lookup(kind: u32, origin: u32, shape: KeyShape, value: usize, valueLen: i32, raw: usize, rawLen: i32): bool {
    const rawSame = rawLen < 0 || (rawLen == valueLen && equalBytes(raw, value, valueLen));
    const keyUnits = shape.len;
    const key = changetype<usize>(shape.buf);
    let h = hashBytes(shape.hash ^ (kind << 8) ^ (origin << 16), value, valueLen);
    if (!rawSame) h = fmix(h ^ <u32>rawLen);
    const gen = this.gen;
    let slot = <i32>(h & <u32>(SLOTS - 1));
    for (let probe = 0; probe < SLOTS; probe++) {
      if (unchecked(slotGen[slot]) != gen) break;
      const e = changetype<usize>(arena) + <usize>unchecked(slotAt[slot]);
      if (load<u32>(e) == h && <u32>load<u8>(e, 4) == kind && <u32>load<u8>(e, 5) == origin && (load<u8>(e, 6) != 0) == rawSame &&
          load<i32>(e, 8) == keyUnits && load<i32>(e, 12) == valueLen && load<i32>(e, 16) == (rawSame ? 0 : rawLen)) {
        const ek = e + <usize>HEADER;
        const ev = ek + (<usize>keyUnits << 1);
        if (equalBytes(ev, value, valueLen) && equalBytes(ek, key, keyUnits << 1) &&
            (rawSame || equalBytes(ev + <usize>valueLen, raw, rawLen))) return true;
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

function nextGeneration(): u32 {
  generation++;
  if (generation == 0) {
    // Wrapped around: empty every slot for real once.
    memory.fill(changetype<usize>(slotGen), 0, <usize>SLOTS * 4);
    generation = 1;
  }
  return generation;
}

function grow(need: i32, keep: i32): void {
  let n = arena.byteLength;
  while (n < need) n <<= 1;
  const bigger = new ArrayBuffer(min(n, MAX_ARENA));
  memory.copy(changetype<usize>(bigger), changetype<usize>(arena), <usize>keep);
  arena = bigger;
}

/** A hash of `n` bytes at `p`, seeded with `h`, 8 bytes a step (unaligned loads are fine in wasm). */
function hashBytes(h: u32, p: usize, n: i32): u32 {
  let x: u64 = <u64>h ^ (<u64>n << 32);
  let i = 0;
  for (; i + 8 <= n; i += 8) x = rotl<u64>((x ^ load<u64>(p + <usize>i)) * 0x9e3779b97f4a7c15, 29);
  let k: u64 = 0;
  for (let s: u64 = 0; i < n; i++, s += 8) k |= <u64>load<u8>(p + <usize>i) << s;
  x = (x ^ k) * 0x9e3779b97f4a7c15;
  x ^= x >> 32;
  return fmix(<u32>x);
}

function fmix(h: u32): u32 {
  h ^= h >> 16;
  h *= 0x85ebca6b;
  h ^= h >> 13;
  h *= 0xc2b2ae35;
  return h ^ (h >> 16);
}

