// The header map serialisation of proxy-wasm (little-endian): u32 count, count x
// (u32 name length, u32 value length), then each name and value followed by NUL.
// Reading is bounds-checked against the buffer: a malformed map yields fewer pairs, never a trap.
import { staticString } from "../engine/static-strings";
import { equalBytes } from "../engine/bytes";

const NO_SPANS = new StaticArray<i32>(0);

export class HeaderMapReader {
  /** Number of pairs that lie entirely inside the buffer. */
  count: i32 = 0;
  /** Per pair: name start, name length, value start, value length. */
  private spans: StaticArray<i32> = NO_SPANS;

  constructor(private data: ArrayBuffer) {
    this.parse();
  }

  /** A reader of `data` that reuses the one of the previous call and its spans (read one map at a time). */
  static reading(data: ArrayBuffer): HeaderMapReader {
    const r = SHARED_READER;
    r.data = data;
    r.count = 0;
    r.parse();
    return r;
  }

  private parse(): void {
    const size = this.data.byteLength;
    if (size < 4) return;
    const base = changetype<usize>(this.data);
    const declared = load<u32>(base);
    if (<u64>declared * 8 + 4 > <u64>size) return;
    const n = <i32>declared;
    let spans = this.spans;
    if (spans.length < n * 4) spans = new StaticArray<i32>(n * 4);
    let offset: i64 = 4 + <i64>n * 8;
    let count = 0;
    for (; count < n; count++) {
      const nl = <i64>load<u32>(base + 4 + <usize>count * 8);
      const vl = <i64>load<u32>(base + 8 + <usize>count * 8);
      if (offset + nl + vl + 2 > <i64>size) break;
      unchecked(spans[count * 4] = <i32>offset);
      unchecked(spans[count * 4 + 1] = <i32>nl);
      offset += nl + 1;
      unchecked(spans[count * 4 + 2] = <i32>offset);
      unchecked(spans[count * 4 + 3] = <i32>vl);
      offset += vl + 1;
    }
    this.spans = spans;
    this.count = count;
  }

  /** After name(i): the index of the name among the common names (below COMMON_NAMES_COUNT), or -1. */
  common: i32 = -1;

  /** Name i as a string: a common one is the static literal, others are decoded (allocated). */
  name(i: i32): string {
    const p = changetype<usize>(this.data) + <usize>this.spans[i * 4];
    const len = this.spans[i * 4 + 1];
    if (len > 0) {
      // the few names of the same slot, not the whole list
      let h = nameSlot(len, <u32>load<u8>(p), <u32>load<u8>(p + <usize>(len - 1)));
      for (let k = <i32>unchecked(NAME_TABLE[h]); k != 0; k = <i32>unchecked(NAME_TABLE[h])) {
        const known = staticString(COMMON_NAMES, k - 1);
        if (known.length == len && sameAscii(p, known)) {
          this.common = k - 1;
          return known;
        }
        h = (h + 1) & (NAME_SLOTS - 1);
      }
    }
    this.common = -1;
    return String.UTF8.decodeUnsafe(p, <usize>len);
  }

  /**
   * Value i as a copy; or `previous` itself when it holds the same bytes (nothing writes into a
   * request's buffers, so requests may share one, NO_BYTES too): no copy, no allocation.
   */
  value(i: i32, previous: ArrayBuffer): ArrayBuffer {
    const start = this.spans[i * 4 + 2];
    const n = this.spans[i * 4 + 3];
    if (previous.byteLength == n && equalBytes(changetype<usize>(previous), changetype<usize>(this.data) + <usize>start, n)) return previous;
    return this.data.slice(start, start + n);
  }

  /** Whether name i equals `lower` (ASCII), without decoding it. */
  nameIs(i: i32, lower: string): bool {
    const len = this.spans[i * 4 + 1];
    if (len != lower.length) return false;
    const p = changetype<usize>(this.data) + <usize>this.spans[i * 4];
    for (let k = 0; k < len; k++) {
      if (<i32>load<u8>(p + <usize>k) != lower.charCodeAt(k)) return false;
    }
    return true;
  }
}

const SHARED_READER = new HeaderMapReader(new ArrayBuffer(0));

// Names nearly every request carries (Envoy's pseudo-headers and its own, browsers', tracing):
// returned as static strings, so reading a header map allocates only for the rest. A common name's
// value is also shared with the previous request's when the bytes repeat (filter/collect.ts): a
// browser's sec-fetch-* and sec-ch-ua* carry the same values on each request of a session.
// (A static table, engine/static-strings.ts: no collection marks it or its strings.)
const COMMON_NAMES: usize = memory.data<usize>([
  changetype<usize>(":authority"), changetype<usize>(":path"), changetype<usize>(":method"), changetype<usize>(":scheme"),
  changetype<usize>("host"), changetype<usize>("user-agent"), changetype<usize>("accept"), changetype<usize>("accept-encoding"),
  changetype<usize>("accept-language"), changetype<usize>("content-type"), changetype<usize>("content-length"), changetype<usize>("cookie"),
  changetype<usize>("referer"), changetype<usize>("origin"), changetype<usize>("authorization"), changetype<usize>("x-request-id"),
  changetype<usize>("x-forwarded-proto"), changetype<usize>("x-forwarded-for"), changetype<usize>("x-forwarded-client-cert"), changetype<usize>("x-envoy-attempt-count"),
  changetype<usize>("x-envoy-expected-rq-timeout-ms"), changetype<usize>("x-envoy-peer-metadata"), changetype<usize>("x-envoy-peer-metadata-id"), changetype<usize>("traceparent"),
  changetype<usize>("tracestate"), changetype<usize>("cache-control"), changetype<usize>("connection"), changetype<usize>("pragma"),
  changetype<usize>("upgrade-insecure-requests"), changetype<usize>("x-b3-traceid"), changetype<usize>("x-b3-spanid"), changetype<usize>("x-b3-parentspanid"),
  changetype<usize>("x-b3-sampled"), changetype<usize>("sec-fetch-site"), changetype<usize>("sec-fetch-mode"), changetype<usize>("sec-fetch-dest"),
  changetype<usize>("sec-fetch-user"), changetype<usize>("sec-ch-ua"), changetype<usize>("sec-ch-ua-mobile"), changetype<usize>("sec-ch-ua-platform"),
]);
export const COMMON_NAMES_COUNT = 40;
// COMMON_NAMES by length, first and last byte, open addressing: index + 1 (0: empty slot).
const NAME_SLOTS = 128;
const NAME_TABLE = new StaticArray<u8>(NAME_SLOTS);

// @ts-ignore: decorator
@inline function nameSlot(len: i32, first: u32, last: u32): i32 {
  return (len * 31 + <i32>first * 7 + <i32>last) & (NAME_SLOTS - 1);
}

function initNameTable(): void {
  for (let k = 0; k < COMMON_NAMES_COUNT; k++) {
    const name = staticString(COMMON_NAMES, k);
    let h = nameSlot(name.length, <u32>name.charCodeAt(0), <u32>name.charCodeAt(name.length - 1));
    while (unchecked(NAME_TABLE[h]) != 0) h = (h + 1) & (NAME_SLOTS - 1);
    unchecked(NAME_TABLE[h] = <u8>(k + 1));
  }
}
initNameTable();

/** Whether the `known.length` bytes at `p` are the ASCII characters of `known`. */
function sameAscii(p: usize, known: string): bool {
  const k = changetype<usize>(known);
  for (let j = 0; j < known.length; j++) {
    if (<u32>load<u8>(p + <usize>j) != <u32>load<u16>(k + (<usize>j << 1))) return false;
  }
  return true;
}

/** Serialises pairs for send_local_response's extra headers. */
export function serializeHeaders(names: string[], values: string[]): ArrayBuffer {
  const n = min(names.length, values.length);
  const nb = new Array<ArrayBuffer>(n);
  const vb = new Array<ArrayBuffer>(n);
  let size = 4 + n * 8;
  for (let i = 0; i < n; i++) {
    nb[i] = String.UTF8.encode(names[i]);
    vb[i] = String.UTF8.encode(values[i]);
    size += nb[i].byteLength + vb[i].byteLength + 2;
  }
  const out = new ArrayBuffer(size);
  const base = changetype<usize>(out);
  store<u32>(base, n);
  let offset = 4 + n * 8;
  for (let i = 0; i < n; i++) {
    store<u32>(base + 4 + <usize>i * 8, nb[i].byteLength);
    store<u32>(base + 8 + <usize>i * 8, vb[i].byteLength);
    memory.copy(base + <usize>offset, changetype<usize>(nb[i]), nb[i].byteLength);
    offset += nb[i].byteLength + 1; // NUL: the buffer is zero-initialised
    memory.copy(base + <usize>offset, changetype<usize>(vb[i]), vb[i].byteLength);
    offset += vb[i].byteLength + 1;
  }
  return out;
}
