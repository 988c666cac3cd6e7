// JSON bodies: every key and every string value is a target named by its path
// (`json:user.tags.0`); numbers, booleans and null carry nothing to inspect.
// Iterative (an explicit stack, bounded depth), lenient about nothing: any syntax
// error makes the caller fall back to the raw body and score the anomaly.
import { Targets } from "./targets";
import { safePoint } from "./safepoint";
import { TargetKind } from "../target";
import { ByteWriter, at } from "../transform/out";
import { isHex4, hex4 } from "../transform/urldecode";

const MAX_DEPTH = 64;

/** Parses `data`; returns -1 when it is valid JSON, else the offset of the first error. */
export function parseJson(data: ArrayBuffer, out: Targets): i32 {
  const p = new JsonParser(data, out);
  return p.run();
}

class JsonParser {
  i: i32 = 0;
  n: i32;
  // Per open container: whether it is an array, its next index, and the path up to it.
  isArray: StaticArray<bool> = new StaticArray<bool>(MAX_DEPTH);
  index: StaticArray<i32> = new StaticArray<i32>(MAX_DEPTH);
  paths: string[] = [];
  depth: i32 = 0;

  constructor(public data: ArrayBuffer, public out: Targets) {
    this.n = data.byteLength;
  }

  run(): i32 {
    this.skipWs();
    // A UTF-8 byte order mark is allowed before the value.
    if (this.n >= 3 && at(this.data, 0) == 0xef && at(this.data, 1) == 0xbb && at(this.data, 2) == 0xbf) this.i = 3;
    if (!this.value("")) return min(this.i, this.n);
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

  /** One value at path `path`, containers walked iteratively. */
  value(path: string): bool {
    let cur = path;
    for (;;) {
      safePoint(this.out, this.data, cur, this);
      this.skipWs();
      if (this.i >= this.n) return false;
      const c = at(this.data, this.i);
      let scalarDone = true;
      if (c == 0x7b || c == 0x5b) {
        if (this.depth >= MAX_DEPTH) return false;
        const d = this.depth;
        this.isArray[d] = c == 0x5b;
        this.index[d] = 0;
        if (this.paths.length <= d) this.paths.push(cur);
        else this.paths[d] = cur;
        this.depth++;
        this.i++;
        this.skipWs();
        const close: u32 = c == 0x7b ? 0x7d : 0x5d;
        if (this.i < this.n && at(this.data, this.i) == close) {
          this.i++;
          this.depth--;
        } else {
          const next = this.enterMember(d);
          if (next === null) return false;
          cur = next!;
          scalarDone = false;
        }
      } else if (c == 0x22) {
        const start = this.i;
        const s = this.string();
        if (s === null) return false;
        if (s.byteLength > 0) this.out.add(TargetKind.BodyValue, "json:", rawString(this.data, start, this.i, s!), s!, cur);
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
          this.index[d] = this.index[d] + 1;
          const next = this.enterMember(d);
          if (next === null) return false;
          cur = next!;
          break;
        }
        if (sep == (this.isArray[d] ? 0x5d : 0x7d)) {
          this.i++;
          this.depth--;
          continue;
        }
        return false;
      }
    }
    return false;
  }

  /** Positions on the next member of container `d` (reading the key of an object); returns its path. */
  enterMember(d: i32): string | null {
    const base = this.paths[d];
    if (this.isArray[d]) return join(base, this.index[d].toString());
    this.skipWs();
    if (this.i >= this.n || at(this.data, this.i) != 0x22) return null;
    const start = this.i;
    const key = this.string();
    if (key === null) return null;
    const keyName = String.UTF8.decode(key!);
    const path = join(base, keyName);
    if (key!.byteLength > 0) this.out.add(TargetKind.BodyKey, "json:", rawString(this.data, start, this.i, key!), key!, path);
    this.skipWs();
    if (this.i >= this.n || at(this.data, this.i) != 0x3a) return null;
    this.i++;
    return path;
  }

  /** Reads a string at `i` (on its opening quote); returns its unescaped bytes. */
  string(): ArrayBuffer | null {
    const data = this.data;
    const start = ++this.i;
    let j = start;
    let escaped = false;
    while (j < this.n) {
      const c = at(data, j);
      if (c == 0x22) break;
      if (c == 0x5c) {
        escaped = true;
        j++;
      }
      j++;
    }
    if (j >= this.n) return null;
    this.i = j + 1;
    if (!escaped) return data.slice(start, j);
    return unescape(data, start, j);
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

/** The string as sent, between its quotes at `open` and `end - 1`: the unescaped bytes themselves when no escape changed them. */
function rawString(data: ArrayBuffer, open: i32, end: i32, unescaped: ArrayBuffer): ArrayBuffer {
  return unescaped.byteLength == end - open - 2 ? unescaped : data.slice(open + 1, end - 1);
}

function join(base: string, part: string): string {
  return base.length == 0 ? part : base + "." + part;
}

function matches(data: ArrayBuffer, at_: i32, word: string): bool {
  for (let k = 0; k < word.length; k++) if (at(data, at_ + k) != <u32>word.charCodeAt(k)) return false;
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
    if (e == 0x75 && i + 6 <= end && isHex4(data, i + 2)) {
      let cp = hex4(data, i + 2);
      i += 6;
      if (cp >= 0xd800 && cp < 0xdc00 && i + 6 <= end && at(data, i) == 0x5c && at(data, i + 1) == 0x75 && isHex4(data, i + 2)) {
        const lo = hex4(data, i + 2);
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

