// Target values found clean, remembered across requests. In a mesh the same few User-Agent,
// Accept, Accept-Language, Origin and cookie values arrive on almost every request, and so do the
// argument names and JSON keys of each API (and many short values: ids, enums, flags).
// Every detector is a function of the target's kind, origin, key and bytes (and of the
// configuration, which owns these tables), so a value that gave no finding at all gives none again.
// Two facts about the request also count, and are covered: the sqli detector reads an argument value
// together with its name (the target just before it, whose key and origin the value shares), and the
// session detector judges session-like argument names by the Referer (inspect.ts never remembers them).
// Only values inspected while the request had no finding yet are remembered: then no detector's
// once-per-request suppression can have hidden a finding. Lookups compare every byte, so a hash
// collision cannot make an unseen value pass.
// A query or form argument is keyed by its raw bytes (Target.formArg): they decide its decoded value,
// so `fields=id%2Cname` is remembered too, under a kind-and-origin code of its own (RAW_KEYED) that no
// value keyed by its decoded bytes shares (matrix parameters decode `+` otherwise).
import { Target, TargetKind, TargetOrigin } from "./target";
import { byteAt, equalBytes } from "./bytes";
import { sameBytes } from "./transform/out";

// A slot: kind and origin (u8), key length (u8), value length (u16), key (UTF-16), value bytes.
// The hashes sit apart, packed (`hashes`, 0 for an empty slot): most look-ups miss, and a miss reads
// one u32 of a 2 KB array instead of a slot of a 86-200 KB buffer, which is rarely in the CPU's cache.
const KEY_AT: i32 = 4;
/** Or'ed into kindAndOrigin() for a target keyed by its raw bytes: origins end at 11, Query, Form and Header become 13, 12 and 14. */
const RAW_KEYED: i32 = 12 << 4;

export class CleanValues {
  private slotBytes: i32;
  private valueAt: i32;
  // One buffer for every slot: the collector sees one object, whatever the table holds.
  private slots: ArrayBuffer;
  private hashes: StaticArray<u32>;

  /**
   * `slots` (a power of two): a hash picks one, a new clean value replaces its occupant. Longer values
   * than `maxValue` bytes and longer keys than `maxKey` UTF-16 units are inspected every time.
   */
  constructor(private slotCount: i32, public maxKey: i32, public maxValue: i32) {
    const valueAt = KEY_AT + 2 * maxKey;
    const slotBytes = valueAt + maxValue;
    this.valueAt = valueAt;
    this.slotBytes = slotBytes;
    this.slots = new ArrayBuffer(slotCount * slotBytes);
    this.hashes = new StaticArray<u32>(slotCount);
  }

  /** Whether `t` is remembered as clean. `hash` from hashOf(t). */
  has(t: Target, hash: u32): bool {
    return this.hasParts(codeOf(t), t.key, bytesOf(t), hash);
  }

  /** has() by `t`'s decoded value whatever it is (the token table: a query's token is read decoded). `hash` from valueHash(t). */
  hasValue(t: Target, hash: u32): bool {
    return this.hasParts(kindAndOrigin(t.kind, t.origin), t.key, t.value, hash);
  }

  /** add() for hasValue(). */
  addValue(t: Target, hash: u32): void {
    this.addAt(kindAndOrigin(t.kind, t.origin), changetype<usize>(t.key), t.key.length, changetype<usize>(t.value), t.value.byteLength, hash);
  }

  /** has() for a target not built yet: its kind and origin, key and value. */
  hasHeader(kind: TargetKind, origin: TargetOrigin, key: string, value: ArrayBuffer, hash: u32): bool {
    return this.hasParts(kindAndOrigin(kind, origin), key, value, hash);
  }

  private hasParts(kindOrigin: i32, key: string, value: ArrayBuffer, hash: u32): bool {
    return this.hasAt(kindOrigin, changetype<usize>(key), key.length, changetype<usize>(value), value.byteLength, hash);
  }

  /**
   * The hash of a JSON member not built yet (request/json.ts), or 0 when it may not be remembered:
   * its key as `keyUnits` UTF-16 units at `key`, its `n` value bytes (raw, no escapes) at `value`.
   */
  memberHash(kind: TargetKind, origin: TargetOrigin, key: usize, keyUnits: i32, value: usize, n: i32): u32 {
    // (rememberable(): a value only with a name)
    if (n > this.maxValue || keyUnits > this.maxKey || (keyUnits == 0 && kind == TargetKind.BodyValue)) return 0;
    return hashAt(kindAndOrigin(kind, origin), key, keyUnits, value, n);
  }

  /** has() for the JSON member of memberHash(). */
  hasMember(kind: TargetKind, origin: TargetOrigin, key: usize, keyUnits: i32, value: usize, n: i32, hash: u32): bool {
    return this.hasAt(kindAndOrigin(kind, origin), key, keyUnits, value, n, hash);
  }

  private hasAt(kindOrigin: i32, key: usize, keyUnits: i32, value: usize, n: i32, hash: u32): bool {
    const i = <i32>(hash & <u32>(this.slotCount - 1));
    if (unchecked(this.hashes[i]) != hash) return false;
    const s = changetype<usize>(this.slots) + <usize>(i * this.slotBytes);
    return <i32>load<u8>(s) == kindOrigin && <i32>load<u8>(s, 1) == keyUnits &&
      <i32>load<u16>(s, 2) == n &&
      equalBytes(s + <usize>KEY_AT, key, keyUnits << 1) &&
      equalBytes(s + <usize>this.valueAt, value, n);
  }

  /** Remembers `t` (rememberable) as clean: a copy of its kind, key and value. */
  add(t: Target, hash: u32): void {
    const v = bytesOf(t);
    this.addAt(codeOf(t), changetype<usize>(t.key), t.key.length, changetype<usize>(v), v.byteLength, hash);
  }

  /** add() for the JSON member of memberHash(). */
  addMember(kind: TargetKind, origin: TargetOrigin, key: usize, keyUnits: i32, value: usize, n: i32, hash: u32): void {
    this.addAt(kindAndOrigin(kind, origin), key, keyUnits, value, n, hash);
  }

  private addAt(kindOrigin: i32, key: usize, keyUnits: i32, value: usize, n: i32, hash: u32): void {
    const i = <i32>(hash & <u32>(this.slotCount - 1));
    const s = changetype<usize>(this.slots) + <usize>(i * this.slotBytes);
    store<u8>(s, <u8>kindOrigin);
    store<u8>(s, <u8>keyUnits, 1);
    store<u16>(s, <u16>n, 2);
    memory.copy(s + <usize>KEY_AT, key, <usize>keyUnits << 1);
    memory.copy(s + <usize>this.valueAt, value, <usize>n);
    unchecked(this.hashes[i] = hash);
  }

  /**
   * The hash of a header, cookie or path target about to be built, when it may be remembered (else 0):
   * with hasParts(), the parsers skip building one remembered clean. Arguments are looked up by pairs
   * (holds(): the sqli detector reads a value after its name).
   */
  headerHash(kind: TargetKind, origin: TargetOrigin, key: string, raw: ArrayBuffer, value: ArrayBuffer): u32 {
    return isHeaderKind(kind) || kind == TargetKind.Path ? this.partsHash(kind, origin, key, raw, value) : 0;
  }

  /**
   * Whether an argument name or value not built yet (named: a key) is remembered clean (rememberable() and
   * has()); `urlencoded` as Target.formArg.
   */
  holds(kind: TargetKind, origin: TargetOrigin, key: string, raw: ArrayBuffer, value: ArrayBuffer, urlencoded: bool): bool {
    if (!urlencoded) {
      const hash = this.partsHash(kind, origin, key, raw, value);
      return hash != 0 && this.hasParts(kindAndOrigin(kind, origin), key, value, hash);
    }
    if (raw.byteLength > this.maxValue || key.length > this.maxKey) return false;
    const code = kindAndOrigin(kind, origin) | RAW_KEYED;
    return this.hasParts(code, key, raw, hashOfParts(code, key, raw));
  }

  /** The hash of a target keyed by its raw bytes (Target.formArg) about to be built, when it may be remembered (else 0): with hasRaw(), as holds() looks an argument up. */
  rawHash(kind: TargetKind, origin: TargetOrigin, key: string, raw: ArrayBuffer): u32 {
    return raw.byteLength > this.maxValue || key.length > this.maxKey ? 0 : hashOfParts(kindAndOrigin(kind, origin) | RAW_KEYED, key, raw);
  }

  /** has() for rawHash(). */
  hasRaw(kind: TargetKind, origin: TargetOrigin, key: string, raw: ArrayBuffer, hash: u32): bool {
    return this.hasParts(kindAndOrigin(kind, origin) | RAW_KEYED, key, raw, hash);
  }

  private partsHash(kind: TargetKind, origin: TargetOrigin, key: string, raw: ArrayBuffer, value: ArrayBuffer): u32 {
    if (value.byteLength > this.maxValue || key.length > this.maxKey) return 0;
    if (raw != value && !sameBytes(raw, value)) return 0;
    return hashOfParts(kindAndOrigin(kind, origin), key, value);
  }
}

/**
 * Whether `t` may be remembered in `table`: a value that is its raw bytes (no decoding made two forms
 * of it) or a query or form argument (keyed by its raw bytes), not derived from base64, short enough for the table. Whole bodies rarely repeat; paths do
 * (a service's routes, health checks), and their detectors read nothing but the path's bytes.
 */
export function rememberable(t: Target, table: CleanValues): bool {
  if (t.fromBase64 || bytesOf(t).byteLength > table.maxValue || t.key.length > table.maxKey) return false;
  const k = t.kind;
  if (k == TargetKind.Body || k == TargetKind.Filename || k == TargetKind.PartHeader) return false;
  // A value is read together with its argument's name (which has the same key): only named ones.
  if ((k == TargetKind.ArgValue || k == TargetKind.BodyValue) && t.key.length == 0) return false;
  return t.formArg || t.raw == t.value || sameBytes(t.raw, t.value);
}

/** Headers and cookies (long values, few of them) or arguments and body members. */
export function isHeaderLike(t: Target): bool {
  return isHeaderKind(t.kind);
}

function isHeaderKind(k: TargetKind): bool {
  return k == TargetKind.Header || k == TargetKind.Cookie || k == TargetKind.CookieName;
}

// @ts-ignore: decorator
@inline function kindAndOrigin(kind: TargetKind, origin: TargetOrigin): i32 {
  return (<i32>kind) | (<i32>origin << 4);
}

// @ts-ignore: decorator
@inline function codeOf(t: Target): i32 {
  return kindAndOrigin(t.kind, t.origin) | (t.formArg ? RAW_KEYED : 0);
}

/** The bytes `t` is remembered by: a query or form argument's raw bytes, else its value. */
// @ts-ignore: decorator
@inline function bytesOf(t: Target): ArrayBuffer {
  return t.formArg ? t.raw : t.value;
}

/** A hash of kind, key and the bytes `t` is remembered by, never 0 (targets keep the one computed while parsing). */
export function hashOf(t: Target): u32 {
  return t.cleanHash != 0 ? t.cleanHash : t.formArg ? hashOfParts(codeOf(t), t.key, t.raw) : valueHash(t);
}

/** A hash of kind, key and value, never 0 (a target not keyed by its raw bytes keeps the one computed while parsing). */
export function valueHash(t: Target): u32 {
  return t.cleanHash != 0 && !t.formArg ? t.cleanHash : hashOfParts(kindAndOrigin(t.kind, t.origin), t.key, t.value);
}

/** FNV-1a over kind and key, then the value eight bytes a step (a multiply and a rotation per word). */
function hashOfParts(kindOrigin: i32, key: string, v: ArrayBuffer): u32 {
  return hashAt(kindOrigin, changetype<usize>(key), key.length, changetype<usize>(v), v.byteLength);
}

function hashAt(kindOrigin: i32, key: usize, keyUnits: i32, base: usize, n: i32): u32 {
  let h: u32 = 2166136261 ^ <u32>kindOrigin;
  for (let i = 0; i < keyUnits; i++) h = (h ^ <u32>load<u16>(key + (<usize>i << 1))) * 16777619;
  let w: u64 = <u64>h;
  let i = 0;
  for (; i + 8 <= n; i += 8) w = rotl<u64>((w ^ load<u64>(base + <usize>i)) * 0x9e3779b97f4a7c15, 29);
  for (; i < n; i++) w = (w ^ <u64>load<u8>(base + <usize>i)) * 0x100000001b3;
  w = (w ^ (w >> 32) ^ <u64>n) * 0x9e3779b97f4a7c15;
  const h32 = <u32>(w >> 32);
  return h32 != 0 ? h32 : 1; // the slot comes from the low bits: leave them alone
}

