// JSON text written as UTF-8 bytes into one buffer that lives as long as the module: a decision
// line or a block body costs no intermediate strings. Escaped: quotes,
// backslashes and every control character (\u00XX, so one decision stays one log line), U+2028
// and U+2029; strings optionally truncated to a number of UTF-16 units with a trailing "...".
import { storeUtf8 } from "../engine/transform/out";

export class JsonWriter {
  private buf: ArrayBuffer = new ArrayBuffer(1024);
  len: i32 = 0;

  reset(): JsonWriter {
    this.len = 0;
    return this;
  }

  /** The bytes written so far, as a new buffer (the writer is reused). */
  bytes(): ArrayBuffer {
    return this.buf.slice(0, this.len);
  }

  /** Address of the bytes written (valid until the next write). */
  get dataStart(): usize {
    return changetype<usize>(this.buf);
  }

  private room(n: i32): void {
    if (this.len + n <= this.buf.byteLength) return;
    let size = this.buf.byteLength << 1;
    while (size < this.len + n) size <<= 1;
    const bigger = new ArrayBuffer(size);
    memory.copy(changetype<usize>(bigger), changetype<usize>(this.buf), <usize>this.len);
    this.buf = bigger;
  }

  // A call, not inlined: the loops over ASCII text store bytes themselves; put() writes punctuation,
  // escapes and the rare byte after them (~20 sites, ~300 bytes of module inlined).
  private put(c: u32): void {
    store<u8>(changetype<usize>(this.buf) + <usize>this.len, <u8>c);
    this.len++;
  }

  /**
   * Text written as it is (JSON punctuation and keys of our own: ASCII): a string, or `n` ASCII bytes
   * at an address (a literal, as the builds store it: scripts/pack-needles.js).
   */
  raw<Needle>(text: Needle, n: i32 = 0): JsonWriter {
    if (!isString<Needle>()) {
      this.room(n);
      memory.copy(changetype<usize>(this.buf) + <usize>this.len, changetype<usize>(text), <usize>n);
      this.len += n;
      return this;
    }
    const s = changetype<string>(text);
    n = s.length;
    this.room(n * 3);
    const src = changetype<usize>(s);
    // ASCII (nearly always) is stored with the length kept in a local, not the field.
    const out = changetype<usize>(this.buf) + <usize>this.len;
    let i = 0;
    for (; i < n; i++) {
      const c = <u32>load<u16>(src + (<usize>i << 1));
      if (c >= 0x80) break;
      store<u8>(out + <usize>i, <u8>c);
    }
    this.len += i;
    for (; i < n; i++) {
      const c = <u32>load<u16>(src + (<usize>i << 1));
      if (c < 0x80) this.put(c);
      else this.putUnit(c, s, i);
    }
    return this;
  }

  /** `v` in decimal, written in place (no string). */
  int(v: i32): JsonWriter {
    this.room(11);
    let u = <u32>v;
    if (v < 0) {
      this.put(0x2d);
      u = <u32>0 - u;
    }
    let digits = 1;
    for (let rest = u; rest >= 10; rest /= 10) digits++;
    let p = changetype<usize>(this.buf) + <usize>(this.len + digits);
    do {
      p--;
      store<u8>(p, <u8>(0x30 + u % 10));
      u /= 10;
    } while (u != 0);
    this.len += digits;
    return this;
  }

  /**
   * UTF-8 text (null as "") as `string()` writes it decoded: printable ASCII that needs no escape
   * (paths, addresses: nearly all) is copied as it is; anything else goes through a string.
   */
  utf8(text: ArrayBuffer | null, maxChars: i32 = i32.MAX_VALUE): JsonWriter {
    if (text === null) return this.string("");
    const n = text.byteLength;
    const src = changetype<usize>(text);
    let plain = n <= maxChars;
    for (let i = 0; plain && i < n; i++) {
      const c = <u32>load<u8>(src + <usize>i);
      plain = c - 0x20 < 0x5f && c != 0x22 && c != 0x5c;
    }
    if (!plain) return this.string(String.UTF8.decode(text), maxChars);
    this.room(n + 2);
    this.put(0x22);
    memory.copy(changetype<usize>(this.buf) + <usize>this.len, src, <usize>n);
    this.len += n;
    this.put(0x22);
    return this;
  }

  /** `s` as a JSON string literal, at most `maxChars` UTF-16 units of it (then "..."). */
  string(s: string, maxChars: i32 = i32.MAX_VALUE): JsonWriter {
    let n = s.length;
    let truncated = false;
    if (n > maxChars) {
      n = maxChars;
      // do not split a surrogate pair
      if (n > 0 && (s.charCodeAt(n - 1) & 0xfc00) == 0xd800) n--;
      truncated = true;
    }
    this.room(n * 6 + 5);
    this.put(0x22);
    const src = changetype<usize>(s);
    // The leading run of printable ASCII that needs no escape (nearly all text), the length in a local.
    const out = changetype<usize>(this.buf) + <usize>this.len;
    let i = 0;
    for (; i < n; i++) {
      const c = <u32>load<u16>(src + (<usize>i << 1));
      if (c - 0x20 >= 0x5f || c == 0x22 || c == 0x5c) break;
      store<u8>(out + <usize>i, <u8>c);
    }
    this.len += i;
    for (; i < n; i++) {
      const c = <u32>load<u16>(src + (<usize>i << 1));
      // Most text is printable ASCII that needs no escape: one store.
      if (c - 0x20 < 0x5f && c != 0x22 && c != 0x5c) {
        this.put(c);
        continue;
      }
      if (c >= 0x20 && c != 0x22 && c != 0x5c && c != 0x7f && c != 0x2028 && c != 0x2029) {
        // A pair is written whole: its low half is skipped here.
        if ((c & 0xfc00) == 0xd800 && i + 1 < n && (<u32>s.charCodeAt(i + 1) & 0xfc00) == 0xdc00) {
          this.putUnit(c, s, i);
          i++;
        } else if ((c & 0xfc00) != 0xdc00) {
          this.putUnit(c, s, i);
        } else {
          this.putCodePoint(0xfffd);
        }
        continue;
      }
      this.escape(c);
    }
    if (truncated) {
      this.put(0x2e);
      this.put(0x2e);
      this.put(0x2e);
    }
    this.put(0x22);
    return this;
  }

  /** One UTF-16 unit `c` at `i` of `s` as UTF-8 (a high surrogate with its low half; a lone one as U+FFFD). */
  private putUnit(c: u32, s: string, i: i32): void {
    if (c < 0x80) {
      this.put(c);
      return;
    }
    if ((c & 0xfc00) == 0xd800 && i + 1 < s.length) {
      const d = <u32>s.charCodeAt(i + 1);
      if ((d & 0xfc00) == 0xdc00) {
        this.putCodePoint(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
        return;
      }
    }
    this.putCodePoint((c & 0xf800) == 0xd800 ? 0xfffd : c);
  }

  private putCodePoint(cp: u32): void {
    this.len += storeUtf8(changetype<usize>(this.buf) + <usize>this.len, cp); // room() made space
  }

  private escape(c: u32): void {
    this.put(0x5c);
    if (c == 0x22) this.put(0x22);
    else if (c == 0x5c) this.put(0x5c);
    else if (c == 0x0a) this.put(0x6e);
    else if (c == 0x0d) this.put(0x72);
    else if (c == 0x09) this.put(0x74);
    else {
      this.put(0x75);
      for (let shift = 12; shift >= 0; shift -= 4) {
        const d = (c >> <u32>shift) & 0xf;
        this.put(d < 10 ? 0x30 + d : 0x61 + d - 10);
      }
    }
  }
}

/** The writer of the filter's log lines and reply bodies (one callback runs at a time). */
export const JSON_OUT = new JsonWriter();
