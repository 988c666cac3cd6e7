// A protobuf wire-format encoder for tests: a message is a list of [field number, value]; strings
// are UTF-8 (wire type 2), numbers varints (0), `{ fixed64 }`/`{ fixed32 }` fixed-width (1, 5),
// Uint8Array raw bytes (2) and nested lists messages (2). grpcFrames wraps messages in gRPC frames.
export type Field = [number, string | number | Uint8Array | Field[] | { fixed64: number } | { fixed32: number }];

function varint(n: number): number[] {
  const out: number[] = [];
  let v = BigInt(n);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
}

export function message(fields: Field[]): Uint8Array {
  const out: number[] = [];
  for (const [no, value] of fields) {
    if (typeof value === "number") out.push(...varint(no * 8), ...varint(value));
    else if (typeof value === "object" && "fixed64" in value) out.push(...varint(no * 8 + 1), ...new Uint8Array(new Float64Array([value.fixed64]).buffer));
    else if (typeof value === "object" && "fixed32" in value) out.push(...varint(no * 8 + 5), ...new Uint8Array(new Float32Array([value.fixed32]).buffer));
    else {
      const bytes = typeof value === "string" ? new TextEncoder().encode(value) : value instanceof Uint8Array ? value : message(value);
      out.push(...varint(no * 8 + 2), ...varint(bytes.length), ...bytes);
    }
  }
  return new Uint8Array(out);
}

/** gRPC length-prefixed frames (flag 0x80: a gRPC-Web trailer frame, 0x01: compressed). */
export function grpcFrames(...frames: (Uint8Array | { flag: number; data: Uint8Array })[]): Uint8Array {
  const out: number[] = [];
  for (const f of frames) {
    const { flag, data } = f instanceof Uint8Array ? { flag: 0, data: f } : f;
    out.push(flag, (data.length >>> 24) & 0xff, (data.length >>> 16) & 0xff, (data.length >>> 8) & 0xff, data.length & 0xff, ...data);
  }
  return new Uint8Array(out);
}
