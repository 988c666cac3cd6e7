// JSON bodies: every key and every string value is a target named by its path
// (`json:user.tags.0`); numbers, booleans and null carry nothing to inspect.
// Iterative (an explicit stack, bounded depth), lenient about nothing: any syntax
// error makes the caller fall back to the raw body and score the anomaly.
import { Targets } from "./targets";
import { NO_BYTES } from "../request";
import { safePoint } from "./safepoint";
import { TargetKind } from "../target";
import { grownBuffer, needleCode, needleLength } from "../bytes";
import { KeyShape } from "../key-shape";
import { Records } from "./json-records";
import { ByteWriter, at } from "../transform/out";
import { hex4 } from "../transform/urldecode";

const MAX_DEPTH = 64;

const enum Pending { None = 0, Index, Key }

/**
 * Parses `data`; returns -1 when it is valid JSON, else the offset of the first error. One parser is
 * kept and reset (its ~14 tables are not made again for each body): bodies and multipart parts are
 * parsed one at a time, and inspection, which a full batch of targets starts inside a parse, reads a
 * token's JSON with a parser of its own (parseJsonAgain).
 */
export function parseJson(data: ArrayBuffer, out: Targets, prefix: string = "json:"): i32 {
  return parseWith(BODIES, data, out, prefix);
}

const NO_TARGETS = new Targets();
const BODIES = new JsonParser(NO_BYTES, NO_TARGETS, "");
const TOKENS = new JsonParser(NO_BYTES, NO_TARGETS, "");

/** parseJson() for the small documents read on every request (a token's header and claims, engine/jwt.ts). */
export function parseJsonAgain(data: ArrayBuffer, out: Targets, prefix: string): i32 {
  return parseWith(TOKENS, data, out, prefix);
}

function parseWith(p: JsonParser, data: ArrayBuffer, out: Targets, prefix: string): i32 {
  p.reset(data, out, prefix);
  const end = p.run();
  p.data = NO_BYTES; // (the body is garbage once parsed)
  return end;
}

class JsonParser {
  i: i32 = 0;
  n: i32;
  // Per open container: whether it is an array, its next index, and the length of the path up to it.
  isArray: StaticArray<bool> = new StaticArray<bool>(MAX_DEPTH);
  index: StaticArray<i32> = new StaticArray<i32>(MAX_DEPTH);
  pathAt: StaticArray<i32> = new StaticArray<i32>(MAX_DEPTH);
  shapeAt: StaticArray<i32> = new StaticArray<i32>(MAX_DEPTH);
  shapeHashAt: StaticArray<u32> = new StaticArray<u32>(MAX_DEPTH);
  depth: i32 = 0;
  // The path of the current member (`user.tags.0`) as UTF-16 units: a target's key is made from
  // it only when the target is new to the request (repeats are found by their bytes in place).
  path: ArrayBuffer = new ArrayBuffer(128);
  pathLen: i32 = 0;
  /** The path's shape (indexes as one mark), what repeats are told apart by. */
  shape: KeyShape = new KeyShape();
  // The last string read: its bytes [strStart, strEnd) between the quotes, and whether it has escapes.
  strStart: i32 = 0;
  strEnd: i32 = 0;
  strEscaped: bool = false;
  // What enterMember() would append to the path (an index, or the key read at [keyStart, keyEnd)):
  // appended by ensurePath() only when a target or a container needs the path.
  pending: Pending = Pending.None;
  pendingIndex: i32 = 0;
  keyStart: i32 = 0;
  keyEnd: i32 = 0;
  keyEscaped: bool = false;
  // Record memos (see Records): the id of each open container, and per object whether it records.
  containerId: StaticArray<i32> = new StaticArray<i32>(MAX_DEPTH);
  nextId: i32 = 0;
  records: Records | null = null;
  /** Whether the key of the current member repeats the previous record's key at the same position. */
  keyRepeats: bool = false;

  // (reset() before each document)
  constructor(public data: ArrayBuffer, public out: Targets, public prefix: string) {
    this.n = 0;
  }

  /**
   * The state of a new parser of `data` (the per-depth tables are written as containers open). Without the
   * repeat table (an exclusion names targets), every target is added.
   */
  reset(data: ArrayBuffer, out: Targets, prefix: string): void {
    this.data = data;
    this.out = out;
    this.prefix = prefix;
    this.n = data.byteLength;
    this.i = this.depth = this.pathLen = this.strStart = this.strEnd = this.pendingIndex = this.keyStart = this.keyEnd = this.nextId = 0;
    this.strEscaped = this.keyEscaped = this.keyRepeats = false;
    this.pending = Pending.None;
    this.shape.reset();
    const records = this.records;
    if (out.seen === null) this.records = null;
    else if (records === null) this.records = new Records();
    else records.reset();
  }

  run(): i32 {
    this.skipWs();
    // A UTF-8 byte order mark is allowed before the value.
    if (this.n >= 3 && at(this.data, 0) == 0xef && at(this.data, 1) == 0xbb && at(this.data, 2) == 0xbf) this.i = 3;
    if (!this.value()) return min(this.i, this.n);
    this.skipWs();
    return this.i == this.n ? -1 : this.i;
  }

  skipWs(): void {
    while (this.i < this.n) {
      const c = at(this.data, this.i);
      if (c != 0x20 && c != 0x0a && c != 0x0d && c != 0x09) break;
      this.i++;
    }
  }

  /** The value at the current path, containers walked iteratively. */
  value(): bool {
    for (;;) {
      safePoint(this.out, this.data, null, this);
      this.skipWs();
      if (this.i >= this.n) return false;
      const c = at(this.data, this.i);
      let scalarDone = true;
      if (c == 0x7b || c == 0x5b) {
        if (this.depth >= MAX_DEPTH) return false;
        const d = this.depth;
        this.ensurePath();
        // d < MAX_DEPTH, the size of these arrays.
        unchecked(this.containerId[d] = ++this.nextId);
        if (this.records !== null) this.records!.open(d, c == 0x7b && d > 0 && unchecked(this.isArray[d - 1]) ? unchecked(this.containerId[d - 1]) : 0);
        unchecked(this.isArray[d] = c == 0x5b);
        unchecked(this.index[d] = 0);
        unchecked(this.pathAt[d] = this.pathLen);
        unchecked(this.shapeAt[d] = this.shape.len);
        unchecked(this.shapeHashAt[d] = this.shape.hash);
        this.depth++;
        this.i++;
        this.skipWs();
        const close: u32 = c == 0x7b ? 0x7d : 0x5d;
        if (this.i < this.n && at(this.data, this.i) == close) {
          this.i++;
          this.depth--;
        } else {
          if (!this.enterMember(d)) return false;
          scalarDone = false;
        }
      } else if (c == 0x22) {
        if (!this.string()) return false;
        const d = this.depth - 1;
        if (!(this.records !== null && d >= 0 && this.records!.valueRepeats(d, unchecked(this.index[d]), this.keyRepeats, this.data, this.strStart, this.strEnd))) {
          this.ensurePath();
          this.addString(TargetKind.BodyValue);
        }
      } else if (!this.literal()) {
        return false;
      }
      if (!scalarDone) continue;
      // After a value: close containers or move to the next member.
      for (;;) {
        if (this.depth == 0) return true;
        const d = this.depth - 1;
        this.skipWs();
        if (this.i >= this.n) return false;
        const sep = at(this.data, this.i);
        if (sep == 0x2c) {
          this.i++;
          unchecked(this.index[d] = unchecked(this.index[d]) + 1);
          if (!this.enterMember(d)) return false;
          break;
        }
        if (sep == (unchecked(this.isArray[d]) ? 0x5d : 0x7d)) {
          this.i++;
          this.depth--;
          continue;
        }
        return false;
      }
    }
    return false;
  }

  /** Positions on the next member of container `d` (reading the key of an object) and sets the path to it. */
  enterMember(d: i32): bool {
    // d < depth <= MAX_DEPTH.
    this.pathLen = unchecked(this.pathAt[d]);
    this.shape.truncate(unchecked(this.shapeAt[d]), unchecked(this.shapeHashAt[d]));
    this.keyRepeats = false;
    if (unchecked(this.isArray[d])) {
      this.pending = Pending.Index;
      this.pendingIndex = unchecked(this.index[d]);
      return true;
    }
    this.skipWs();
    if (this.i >= this.n || at(this.data, this.i) != 0x22) return false;
    if (!this.string()) return false;
    this.pending = Pending.Key;
    this.keyStart = this.strStart;
    this.keyEnd = this.strEnd;
    this.keyEscaped = this.strEscaped;
    this.keyRepeats = this.records !== null && this.records!.keyRepeats(d, unchecked(this.index[d]), this.data, this.strStart, this.strEnd);
    if (!this.keyRepeats) {
      this.ensurePath();
      this.addString(TargetKind.BodyKey);
    }
    this.skipWs();
    if (this.i >= this.n || at(this.data, this.i) != 0x3a) return false;
    this.i++;
    return true;
  }

  /** Appends what enterMember() left pending to the path and its shape. */
  ensurePath(): void {
    const pending = this.pending;
    if (pending == Pending.None) return;
    this.pending = Pending.None;
    if (this.pathLen > 0) this.shape.dot();
    if (pending == Pending.Index) {
      this.appendIndex(this.pendingIndex);
      this.shape.index();
      return;
    }
    const keyAt = this.pathLen > 0 ? this.pathLen + 1 : 0;
    this.appendKey(this.keyStart, this.keyEnd, this.keyEscaped);
    this.shape.append(changetype<usize>(this.path) + (<usize>keyAt << 1), this.pathLen - keyAt);
  }

  /** The string just read as a target of `kind` at the current path, unless empty or a repeat. */
  addString(kind: TargetKind): void {
    const start = this.strStart;
    const end = this.strEnd;
    if (end == start) return;
    const data = this.data;
    const out = this.out;
    const seen = out.seen;
    const path = changetype<usize>(this.path);
    const pathUnits = this.pathLen;
    if (!this.strEscaped) {
      // Value and raw bytes are the same, in place.
      const src = changetype<usize>(data) + <usize>start;
      if (seen !== null && seen.checkBytes(<u32>kind, <u32>out.origin, this.shape, src, end - start, 0, -1)) return;
      const clean = out.cleanMembers;
      let hash: u32 = 0;
      if (clean !== null) {
        hash = clean.memberHash(kind, out.origin, path, pathUnits, src, end - start);
        if (hash != 0 && clean.hasMember(kind, out.origin, path, pathUnits, src, end - start, hash)) return;
      }
      const value = data.slice(start, end);
      out.push(kind, this.prefix, value, value, String.UTF16.decodeUnsafe(path, <usize>pathUnits << 1));
      if (hash != 0) unchecked(out.list[out.list.length - 1]).cleanHash = hash;
      return;
    }
    const value = unescape(data, start, end);
    if (seen !== null && seen.checkBytes(<u32>kind, <u32>out.origin, this.shape, changetype<usize>(value), value.byteLength,
      changetype<usize>(data) + <usize>start, end - start)) return;
    const raw = value.byteLength == end - start ? value : data.slice(start, end);
    out.push(kind, this.prefix, raw, value, String.UTF16.decodeUnsafe(path, <usize>pathUnits << 1));
  }

  /** Appends `.` (unless the path is empty) and the decimal `index`. */
  appendIndex(index: i32): void {
    this.reserve(12);
    this.dot();
    const p = changetype<usize>(this.path);
    let digits = 1;
    for (let v = index; v >= 10; v /= 10) digits++;
    let v = index;
    for (let k = digits - 1; k >= 0; k--) {
      store<u16>(p + (<usize>(this.pathLen + k) << 1), <u16>(0x30 + v % 10));
      v /= 10;
    }
    this.pathLen += digits;
  }

  /** Appends `.` (unless the path is empty) and the key just read, unescaped and as UTF-16. */
  appendKey(start: i32, end: i32, escaped: bool): void {
    const data = this.data;
    if (!escaped) {
      // ASCII keys (most) widen in place; a byte >= 0x80 leaves the rest to the UTF-8 decoder.
      this.reserve(end - start + 1);
      const before = this.pathLen;
      this.dot();
      const p = changetype<usize>(this.path) + (<usize>this.pathLen << 1);
      const src = changetype<usize>(data);
      let k = start;
      while (k < end) {
        const c = load<u8>(src + <usize>k);
        if (c >= 0x80) break;
        store<u16>(p + (<usize>(k - start) << 1), <u16>c);
        k++;
      }
      if (k == end) {
        this.pathLen += end - start;
        return;
      }
      this.pathLen = before; // the dot is appended again below
    }
    const bytes = escaped ? unescape(data, start, end) : data.slice(start, end);
    const key = String.UTF8.decode(bytes);
    this.reserve(key.length + 1);
    this.dot();
    memory.copy(changetype<usize>(this.path) + (<usize>this.pathLen << 1), changetype<usize>(key), <usize>key.length << 1);
    this.pathLen += key.length;
  }

  dot(): void {
    if (this.pathLen == 0) return;
    store<u16>(changetype<usize>(this.path) + (<usize>this.pathLen << 1), 0x2e);
    this.pathLen++;
  }

  /** Room for `units` more UTF-16 units in the path. */
  reserve(units: i32): void {
    this.path = grownBuffer(this.path, this.pathLen << 1, (this.pathLen + units) << 1);
  }

  /** Reads a string at `i` (on its opening quote): sets strStart, strEnd and strEscaped; false when unterminated. */
  string(): bool {
    const data = this.data;
    const start = ++this.i;
    const n = this.n;
    let j = start;
    let escaped = false;
    const base = changetype<usize>(data);
    for (;;) {
      // Eight bytes a step to the first `"` or `\\` (the lowest flagged byte is exact), then one by one.
      while (j + 8 <= n) {
        const m = quoteOrBackslash(load<u64>(base + <usize>j));
        if (m != 0) {
          j += <i32>(ctz<u64>(m) >> 3);
          break;
        }
        j += 8;
      }
      if (j >= n) return false;
      const c = at(data, j);
      if (c == 0x22) break;
      if (c == 0x5c) {
        escaped = true;
        j++;
      }
      j++;
    }
    this.i = j + 1;
    this.strStart = start;
    this.strEnd = j;
    this.strEscaped = escaped;
    return true;
  }

  /** Numbers, true, false, null. */
  literal(): bool {
    const start = this.i;
    while (this.i < this.n) {
      const c = at(this.data, this.i);
      if (!((c | 0x20) - 0x61 < 26 || c - 0x30 < 10 || c == 0x2e || c == 0x2b || c == 0x2d)) break;
      this.i++;
    }
    const len = this.i - start;
    if (len == 0) return false;
    const c = at(this.data, start);
    if (c == 0x2d || c - 0x30 < 10) return isNumber(this.data, start, this.i);
    return (len == 4 && matches(this.data, start, "true")) || (len == 5 && matches(this.data, start, "false")) || (len == 4 && matches(this.data, start, "null"));
  }
}

const ONES: u64 = 0x0101010101010101;
const HIGHS: u64 = 0x8080808080808080;

/**
 * The high bit of each of the 8 bytes of `w` that is `"` or `\\` (the zero-byte test on w ^ each;
 * a byte above a flagged one may be flagged falsely, the lowest flagged byte never is).
 */
// @ts-ignore: decorator
@inline function quoteOrBackslash(w: u64): u64 {
  const q = w ^ (ONES * 0x22);
  const b = w ^ (ONES * 0x5c);
  return (((q - ONES) & ~q) | ((b - ONES) & ~b)) & HIGHS;
}

function matches<Needle>(data: ArrayBuffer, at_: i32, word: Needle, n: i32 = 0): bool {
  n = needleLength(word, n);
  for (let k = 0; k < n; k++) if (at(data, at_ + k) != needleCode(word, k)) return false;
  return true;
}

function isNumber(data: ArrayBuffer, start: i32, end: i32): bool {
  let i = start;
  if (at(data, i) == 0x2d) i++;
  let digits = 0;
  while (i < end && at(data, i) - 0x30 < 10) { i++; digits++; }
  if (digits == 0) return false;
  if (i < end && at(data, i) == 0x2e) {
    i++;
    let frac = 0;
    while (i < end && at(data, i) - 0x30 < 10) { i++; frac++; }
    if (frac == 0) return false;
  }
  if (i < end && (at(data, i) | 0x20) == 0x65) {
    i++;
    if (i < end && (at(data, i) == 0x2b || at(data, i) == 0x2d)) i++;
    let exp = 0;
    while (i < end && at(data, i) - 0x30 < 10) { i++; exp++; }
    if (exp == 0) return false;
  }
  return i == end;
}

/** JSON string unescaping of [start, end); unknown escapes keep the escaped byte. */
export function unescape(data: ArrayBuffer, start: i32, end: i32): ArrayBuffer {
  const w = new ByteWriter(end - start);
  let i = start;
  while (i < end) {
    const c = at(data, i);
    if (c != 0x5c || i + 1 >= end) {
      w.put(c);
      i++;
      continue;
    }
    const e = at(data, i + 1);
    let cp = e == 0x75 && i + 6 <= end ? hex4(data, i + 2) : -1;
    if (cp >= 0) {
      i += 6;
      if (cp >= 0xd800 && cp < 0xdc00 && i + 6 <= end && at(data, i) == 0x5c && at(data, i + 1) == 0x75) {
        const lo = hex4(data, i + 2); // (-1: not a low surrogate either)
        if (lo >= 0xdc00 && lo < 0xe000) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          i += 6;
        }
      }
      w.putCodePoint(cp >= 0xd800 && cp < 0xe000 ? 0xfffd : cp);
      continue;
    }
    i += 2;
    if (e == 0x6e) w.put(0x0a);
    else if (e == 0x74) w.put(0x09);
    else if (e == 0x72) w.put(0x0d);
    else if (e == 0x62) w.put(0x08);
    else if (e == 0x66) w.put(0x0c);
    else w.put(e);
  }
  return w.finish();
}

/** Whether the first byte after blanks is `{` or `[`. */
export function opensJson(data: ArrayBuffer): bool {
  const n = data.byteLength;
  let i = 0;
  while (i < n && (load<u8>(changetype<usize>(data) + <usize>i) == 0x20 || load<u8>(changetype<usize>(data) + <usize>i) - 0x09 < 5)) i++;
  if (i >= n) return false;
  const c = load<u8>(changetype<usize>(data) + <usize>i);
  return c == 0x7b || c == 0x5b;
}
