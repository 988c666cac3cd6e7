// Header and cookie values found clean, remembered across requests. In a mesh the same few
// User-Agent, Accept, Accept-Language, Origin and cookie values arrive on almost every request;
// every detector is a function of the target's kind, origin, key and bytes (and of the
// configuration, which owns this table), so a value that gave no finding at all gives none again.
// Only values inspected while the request had no finding yet are remembered: then no detector's
// once-per-request suppression can have hidden a finding. Lookups compare every byte, so a hash
// collision cannot make an unseen value pass.
import { Target, TargetKind } from "./target";
import { byteAt } from "./bytes";

/** Slots of the table (a power of two): a hash picks one, a new clean value replaces its occupant. */
const SLOTS: i32 = 128;
/** Longer values are inspected every time (they are rarely repeated, and memory stays small). */
const MAX_VALUE: i32 = 512;

class Entry {
  constructor(public hash: u32, public kind: TargetKind, public key: string, public value: ArrayBuffer) {}
}

export class CleanValues {
  private slots: StaticArray<Entry | null> = new StaticArray<Entry | null>(SLOTS);

  /** Whether `t` is remembered as clean. `hash` from hashOf(t). */
  has(t: Target, hash: u32): bool {
    const e = unchecked(this.slots[<i32>(hash & <u32>(SLOTS - 1))]);
    return e !== null && e.hash == hash && e.kind == t.kind && e.key == t.key && sameBytes(e.value, t.value);
  }

  /** Remembers `t` as clean (a copy of its value: request buffers are not kept). */
  add(t: Target, hash: u32): void {
    unchecked(this.slots[<i32>(hash & <u32>(SLOTS - 1))] = new Entry(hash, t.kind, t.key, t.value.slice(0)));
  }
}

/**
 * Whether `t` may be remembered: a header or cookie whose value is its raw bytes (no decoding made
 * two forms of it) and short. Other targets (path, arguments, bodies) rarely repeat across requests.
 */
export function rememberable(t: Target): bool {
  const k = t.kind;
  if (k != TargetKind.Header && k != TargetKind.Cookie && k != TargetKind.CookieName) return false;
  if (t.fromBase64 || t.value.byteLength > MAX_VALUE) return false;
  return t.raw == t.value || sameBytes(t.raw, t.value);
}

/** FNV-1a over kind, key and value. */
export function hashOf(t: Target): u32 {
  let h: u32 = 2166136261 ^ <u32>t.kind;
  const key = t.key;
  for (let i = 0; i < key.length; i++) h = (h ^ <u32>key.charCodeAt(i)) * 16777619;
  h = (h ^ 0xff) * 16777619;
  const v = t.value;
  const n = v.byteLength;
  for (let i = 0; i < n; i++) h = (h ^ byteAt(v, i)) * 16777619;
  return h;
}

function sameBytes(a: ArrayBuffer, b: ArrayBuffer): bool {
  const n = a.byteLength;
  return n == b.byteLength && memory.compare(changetype<usize>(a), changetype<usize>(b), <usize>n) == 0;
}
