// Header maps as Envoy keeps them (lower-case names, pseudo-headers first, duplicates allowed)
// and their wire format between host and module:
//   u32 count, count x (u32 key length, u32 value length), then each pair as key NUL value NUL.
// All integers little-endian; lengths exclude the NULs.

export type Header = [name: string, value: string];

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8", { fatal: false });

/** Serialises pairs to Envoy's header-map bytes. Envoy does this natively, so it must stay cheap
 * here too: one allocation, and ASCII copied by hand (short strings cost more through Buffer.write). */
export function encodeHeaderMap(pairs: readonly Header[]): Uint8Array {
  let size = 4 + 8 * pairs.length;
  for (const [k, v] of pairs) size += utf8Length(k) + utf8Length(v) + 2;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, pairs.length, true);
  let lengths = 4;
  let off = 4 + 8 * pairs.length;
  for (const [k, v] of pairs) {
    const klen = writeUtf8(out, k, off);
    off += klen + 1; // the NUL is already 0
    const vlen = writeUtf8(out, v, off);
    off += vlen + 1;
    view.setUint32(lengths, klen, true);
    view.setUint32(lengths + 4, vlen, true);
    lengths += 8;
  }
  return out;
}

function utf8Length(s: string): number {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return Buffer.byteLength(s, "utf8");
  return s.length;
}

/** Writes `s` at `off` as UTF-8 and returns the byte count. */
function writeUtf8(out: Uint8Array, s: string, off: number): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return utf8.encodeInto(s, out.subarray(off)).written;
    out[off + i] = c;
  }
  return s.length;
}

/** Parses header-map bytes; returns null when the bytes are not a well-formed map. */
export function decodeHeaderMap(bytes: Uint8Array): Header[] | null {
  if (bytes.length === 0) return [];
  if (bytes.length < 4) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(0, true);
  if (4 + count * 8 > bytes.length) return null;
  let data = 4 + count * 8;
  const out: Header[] = [];
  for (let i = 0; i < count; i++) {
    const klen = view.getUint32(4 + i * 8, true);
    const vlen = view.getUint32(8 + i * 8, true);
    if (data + klen + vlen + 2 > bytes.length) return null;
    const k = fromUtf8.decode(bytes.subarray(data, data + klen));
    data += klen + 1;
    const v = fromUtf8.decode(bytes.subarray(data, data + vlen));
    data += vlen + 1;
    out.push([k, v]);
  }
  return out;
}

/** A mutable header map with Envoy's lookup rules: names compared lower-case. */
export class HeaderMap {
  private pairs: Header[];
  /** The encoded map, kept until the next change: modules often ask for the size, then the pairs. */
  private encoded: Uint8Array | null = null;

  constructor(pairs: readonly Header[] = []) {
    this.pairs = pairs.map(([k, v]) => [k.toLowerCase(), v]);
  }

  entries(): Header[] {
    return this.pairs.map(([k, v]) => [k, v]);
  }

  get count(): number {
    return this.pairs.length;
  }

  /** Every value of a name joined with "," as Envoy returns multi-valued headers; undefined when absent. */
  get(name: string): string | undefined {
    const key = name.toLowerCase();
    const values = this.pairs.filter(([k]) => k === key).map(([, v]) => v);
    return values.length === 0 ? undefined : values.join(",");
  }

  add(name: string, value: string): void {
    this.encoded = null;
    this.pairs.push([name.toLowerCase(), value]);
  }

  /** Replaces every value of a name with one value (adds it when absent). */
  replace(name: string, value: string): void {
    this.encoded = null;
    const key = name.toLowerCase();
    const at = this.pairs.findIndex(([k]) => k === key);
    if (at < 0) {
      this.add(key, value);
      return;
    }
    this.pairs[at] = [key, value];
    this.pairs = this.pairs.filter(([k], i) => k !== key || i === at);
  }

  remove(name: string): void {
    this.encoded = null;
    const key = name.toLowerCase();
    this.pairs = this.pairs.filter(([k]) => k !== key);
  }

  setAll(pairs: readonly Header[]): void {
    this.encoded = null;
    this.pairs = pairs.map(([k, v]) => [k.toLowerCase(), v]);
  }

  encode(): Uint8Array {
    this.encoded ??= encodeHeaderMap(this.pairs);
    return this.encoded;
  }
}
