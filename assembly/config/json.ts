// A small JSON parser for the plugin configuration (RFC 8259). Runs once per
// configuration, so it favours clarity over speed; it never throws: a syntax
// error returns null and leaves a message in `JsonParser.error`.
import { needleCode, needleLength } from "../engine/bytes";

export const enum JsonKind {
  Null = 0, Bool, Number, String, Array, Object,
}

export class JsonValue {
  kind: JsonKind = JsonKind.Null;
  bool: bool = false;
  num: f64 = 0;
  str: string = "";
  items: JsonValue[] = [];
  /** Object member names, parallel to `items`, in document order (duplicates kept). */
  keys: string[] = [];

  /** The member `name` of an object; the last one wins, as in JavaScript's JSON.parse. */
  get(name: string): JsonValue | null {
    for (let i = this.keys.length - 1; i >= 0; i--) {
      if (this.keys[i] == name) return this.items[i];
    }
    return null;
  }

  /** Member names without duplicates, first occurrence order. */
  uniqueKeys(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.keys.length; i++) {
      if (!out.includes(this.keys[i])) out.push(this.keys[i]);
    }
    return out;
  }
}

const MAX_DEPTH = 64;

export class JsonParser {
  error: string = "";
  private pos: i32 = 0;
  private depth: i32 = 0;

  constructor(private data: Uint8Array) {}

  /** Parses one JSON document (surrounding whitespace allowed); null on error. */
  parse(): JsonValue | null {
    const v = this.value();
    if (v === null) return null;
    this.skipSpace();
    if (this.pos < this.data.length) return this.fail("unexpected data after the JSON value");
    return v;
  }

  private fail(what: string): JsonValue | null {
    if (this.error.length == 0) this.error = "invalid JSON at byte " + this.pos.toString() + ": " + what;
    return null;
  }

  private peek(): i32 {
    return this.pos < this.data.length ? <i32>this.data[this.pos] : -1;
  }

  private skipSpace(): void {
    while (this.pos < this.data.length) {
      const c = this.data[this.pos];
      if (c != 0x20 && c != 0x09 && c != 0x0a && c != 0x0d) break;
      this.pos++;
    }
  }

  private value(): JsonValue | null {
    this.skipSpace();
    const c = this.peek();
    if (c == 0x7b) return this.object();
    if (c == 0x5b) return this.array();
    if (c == 0x22) {
      const s = this.string();
      if (s === null) return null;
      const v = new JsonValue();
      v.kind = JsonKind.String;
      v.str = s;
      return v;
    }
    if (c == 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
    if (this.literal("true")) return boolValue(true);
    if (this.literal("false")) return boolValue(false);
    if (this.literal("null")) return new JsonValue();
    return this.fail(c < 0 ? "unexpected end" : "unexpected character");
  }

  /** Reads `word` (a needle: engine/bytes.ts) when the text continues with it. */
  private literal<Needle>(word: Needle, n: i32 = 0): bool {
    n = needleLength(word, n);
    if (this.pos + n > this.data.length) return false;
    for (let i = 0; i < n; i++) {
      if (<u32>this.data[this.pos + i] != needleCode(word, i)) return false;
    }
    this.pos += n;
    return true;
  }

  private enter(): bool {
    if (++this.depth > MAX_DEPTH) {
      this.fail("nested too deeply");
      return false;
    }
    this.pos++; // the opening bracket
    return true;
  }

  private object(): JsonValue | null {
    if (!this.enter()) return null;
    const v = new JsonValue();
    v.kind = JsonKind.Object;
    this.skipSpace();
    if (this.peek() == 0x7d) {
      this.pos++;
      this.depth--;
      return v;
    }
    while (true) {
      this.skipSpace();
      if (this.peek() != 0x22) return this.fail("expected a member name");
      const key = this.string();
      if (key === null) return null;
      this.skipSpace();
      if (this.peek() != 0x3a) return this.fail("expected ':'");
      this.pos++;
      const item = this.value();
      if (item === null) return null;
      v.keys.push(key);
      v.items.push(item);
      this.skipSpace();
      const c = this.peek();
      this.pos++;
      if (c == 0x2c) continue;
      if (c == 0x7d) break;
      this.pos--;
      return this.fail("expected ',' or '}'");
    }
    this.depth--;
    return v;
  }

  private array(): JsonValue | null {
    if (!this.enter()) return null;
    const v = new JsonValue();
    v.kind = JsonKind.Array;
    this.skipSpace();
    if (this.peek() == 0x5d) {
      this.pos++;
      this.depth--;
      return v;
    }
    while (true) {
      const item = this.value();
      if (item === null) return null;
      v.items.push(item);
      this.skipSpace();
      const c = this.peek();
      this.pos++;
      if (c == 0x2c) continue;
      if (c == 0x5d) break;
      this.pos--;
      return this.fail("expected ',' or ']'");
    }
    this.depth--;
    return v;
  }

  private number(): JsonValue | null {
    const start = this.pos;
    if (this.peek() == 0x2d) this.pos++;
    if (this.peek() == 0x30) {
      this.pos++;
    } else if (!this.digits()) {
      return this.fail("invalid number");
    }
    if (this.peek() == 0x2e) {
      this.pos++;
      if (!this.digits()) return this.fail("invalid number");
    }
    const e = this.peek();
    if (e == 0x65 || e == 0x45) {
      this.pos++;
      const sign = this.peek();
      if (sign == 0x2b || sign == 0x2d) this.pos++;
      if (!this.digits()) return this.fail("invalid number");
    }
    const v = new JsonValue();
    v.kind = JsonKind.Number;
    v.num = this.numberValue(start, this.pos);
    return v;
  }

  /**
   * The value of the number token in [start, end): digits as an integer mantissa and a decimal
   * exponent, then one multiplication or division by a power of ten. Exact for the integers a
   * configuration holds (no parseFloat: its tables would cost the module ~2 KB).
   */
  private numberValue(start: i32, end: i32): f64 {
    const d = this.data;
    let i = start;
    const negative = d[i] == 0x2d;
    if (negative) i++;
    let mantissa: f64 = 0;
    let exponent: i32 = 0;
    let fraction = false;
    for (; i < end; i++) {
      const c = d[i];
      if (c == 0x2e) { fraction = true; continue; }
      if (c < 0x30 || c > 0x39) break;
      mantissa = mantissa * 10 + <f64>(c - 0x30);
      if (fraction) exponent--;
    }
    if (i < end) {
      i++; // e or E
      let sign: i32 = 1;
      if (d[i] == 0x2b) i++;
      else if (d[i] == 0x2d) { sign = -1; i++; }
      let e: i32 = 0;
      for (; i < end; i++) e = min(e * 10 + <i32>(d[i] - 0x30), 100000);
      exponent += sign * e;
    }
    let value = mantissa;
    if (exponent > 0) for (let k = 0; k < exponent && value != Infinity; k++) value *= 10;
    else if (exponent < 0) {
      let scale: f64 = 1;
      for (let k = 0; k < -exponent && scale != Infinity; k++) scale *= 10;
      // Below the smallest double: not zero (and so no integer) unless the mantissa is.
      value = scale == Infinity ? (mantissa == 0 ? 0 : f64.MIN_VALUE) : value / scale;
    }
    return negative ? -value : value;
  }

  private digits(): bool {
    const start = this.pos;
    while (this.pos < this.data.length && this.data[this.pos] >= 0x30 && this.data[this.pos] <= 0x39) this.pos++;
    return this.pos > start;
  }

  /** A string token at `pos` (on the opening quote), unescaped. */
  private string(): string | null {
    this.pos++;
    let out = "";
    let runStart = this.pos;
    while (true) {
      if (this.pos >= this.data.length) {
        this.fail("unterminated string");
        return null;
      }
      const c = this.data[this.pos];
      if (c == 0x22) break;
      if (c < 0x20) {
        this.fail("control character in string");
        return null;
      }
      if (c != 0x5c) {
        this.pos++;
        continue;
      }
      out += this.run(runStart, this.pos);
      this.pos++;
      const esc = this.peek();
      this.pos++;
      if (esc == 0x22) out += '"';
      else if (esc == 0x5c) out += "\\";
      else if (esc == 0x2f) out += "/";
      else if (esc == 0x62) out += "\b";
      else if (esc == 0x66) out += "\f";
      else if (esc == 0x6e) out += "\n";
      else if (esc == 0x72) out += "\r";
      else if (esc == 0x74) out += "\t";
      else if (esc == 0x75) {
        const unit = this.hex4();
        if (unit < 0) {
          this.fail("invalid \\u escape");
          return null;
        }
        out += String.fromCharCode(unit, -1); // UTF-16 code unit: surrogate pairs recombine in the string
      } else {
        this.pos--;
        this.fail("invalid escape");
        return null;
      }
      runStart = this.pos;
    }
    out += this.run(runStart, this.pos);
    this.pos++; // closing quote
    return out;
  }

  private run(start: i32, end: i32): string {
    if (end <= start) return "";
    return String.UTF8.decodeUnsafe(this.data.dataStart + <usize>start, <usize>(end - start));
  }

  private hex4(): i32 {
    if (this.pos + 4 > this.data.length) return -1;
    let unit = 0;
    for (let i = 0; i < 4; i++) {
      const c = <i32>this.data[this.pos + i];
      let d = -1;
      if (c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66) d = (c | 0x20) - 0x61 + 10;
      if (d < 0) return -1;
      unit = (unit << 4) | d;
    }
    this.pos += 4;
    return unit;
  }
}

function boolValue(b: bool): JsonValue {
  const v = new JsonValue();
  v.kind = JsonKind.Bool;
  v.bool = b;
  return v;
}
