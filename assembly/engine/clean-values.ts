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
/** Longer keys (header or cookie names, in UTF-16 units) are not remembered. */
const MAX_KEY: i32 = 64;
// A slot: hash (u32), kind (u8), key length (u8), value length (u16), key (UTF-16), value bytes.
const KEY_AT: i32 = 8;
const VALUE_AT: i32 = KEY_AT + 2 * MAX_KEY;
const SLOT_BYTES: i32 = VALUE_AT + MAX_VALUE;

export class CleanValues {
  // One buffer for every slot: the collector sees one object, whatever the table holds.
  private slots: ArrayBuffer = new ArrayBuffer(SLOTS * SLOT_BYTES);
  private used: StaticArray<bool> = new StaticArray<bool>(SLOTS);

  /** Whether `t` is remembered as clean. `hash` from hashOf(t). */
  has(t: Target, hash: u32): bool {
    const i = <i32>(hash & <u32>(SLOTS - 1));
    if (!unchecked(this.used[i])) return false;
    const s = changetype<usize>(this.slots) + <usize>(i * SLOT_BYTES);
    const key = t.key;
    const n = t.value.byteLength;
    return load<u32>(s) == hash && <i32>load<u8>(s, 4) == <i32>t.kind && <i32>load<u8>(s, 5) == key.length &&
      <i32>load<u16>(s, 6) == n &&
      memory.compare(s + <usize>KEY_AT, changetype<usize>(key), <usize>key.length << 1) == 0 &&
      memory.compare(s + <usize>VALUE_AT, changetype<usize>(t.value), <usize>n) == 0;
  }

  /** Remembers `t` (rememberable) as clean: a copy of its kind, key and value. */
  add(t: Target, hash: u32): void {
    const i = <i32>(hash & <u32>(SLOTS - 1));
    const s = changetype<usize>(this.slots) + <usize>(i * SLOT_BYTES);
    const key = t.key;
    const n = t.value.byteLength;
    store<u32>(s, hash);
    store<u8>(s, <u8>t.kind, 4);
    store<u8>(s, <u8>key.length, 5);
    store<u16>(s, <u16>n, 6);
    memory.copy(s + <usize>KEY_AT, changetype<usize>(key), <usize>key.length << 1);
    memory.copy(s + <usize>VALUE_AT, changetype<usize>(t.value), <usize>n);
    unchecked(this.used[i] = true);
  }
}

/**
 * Whether `t` may be remembered: a header or cookie whose value is its raw bytes (no decoding made
 * two forms of it) and short. Other targets (path, arguments, bodies) rarely repeat across requests.
 */
export function rememberable(t: Target): bool {
  const k = t.kind;
  if (k != TargetKind.Header && k != TargetKind.Cookie && k != TargetKind.CookieName) return false;
  if (t.fromBase64 || t.value.byteLength > MAX_VALUE || t.key.length > MAX_KEY) return false;
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
