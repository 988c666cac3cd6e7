// gRPC and protobuf bodies: the mesh's own traffic. A gRPC body is a run of frames (a flag
// byte, a 4-byte big-endian length, a message); a message is a run of fields (a varint key:
// field number and wire type, then the value). Length-delimited values are text (a `string`),
// a nested message, or bytes: text is a target named by its field numbers (`grpc:1.3.2`),
// nested messages are walked, bytes are read through their text runs (text-runs.ts). Nothing is trusted: every
// length is checked against the buffer and depth is bounded; a body that is no valid message
// (compressed frames, another format) is left to the caller, which reads its text runs.
import { Targets } from "./targets";
import { TargetKind } from "../target";
import { addTextRuns } from "./text-runs";

const MAX_DEPTH = 16;
const FRAME_HEADER = 5;
/** Frame flags: bit 0 compressed (not inflated here), bit 7 a gRPC-Web trailer frame (headers as text). */
const COMPRESSED: u32 = 0x01;
const TRAILER: u32 = 0x80;

/**
 * Adds the strings of every message of a gRPC body. Returns false when the body is not a run of
 * whole frames holding valid messages (nothing is added then).
 */
export function parseGrpc(data: ArrayBuffer, out: Targets): bool {
  if (!framesValid(data)) return false;
  const n = data.byteLength;
  let i = 0;
  while (i < n) {
    const flags = load<u8>(changetype<usize>(data) + <usize>i);
    const end = i + FRAME_HEADER + frameLength(data, i);
    if ((flags & TRAILER) == 0) walk(data, i + FRAME_HEADER, end, 0, true, "", out);
    i = end;
  }
  return true;
}

/** Adds the strings of a bare protobuf message (application/x-protobuf); false when it is none. */
export function parseProtobuf(data: ArrayBuffer, out: Targets): bool {
  if (data.byteLength == 0 || !walk(data, 0, data.byteLength, 0, false, "", out)) return false;
  walk(data, 0, data.byteLength, 0, true, "", out);
  return true;
}

function frameLength(data: ArrayBuffer, at: i32): i32 {
  const p = changetype<usize>(data) + <usize>at;
  return <i32>((<u32>load<u8>(p + 1) << 24) | (<u32>load<u8>(p + 2) << 16) | (<u32>load<u8>(p + 3) << 8) | <u32>load<u8>(p + 4));
}

function framesValid(data: ArrayBuffer): bool {
  const n = data.byteLength;
  if (n < FRAME_HEADER) return false;
  let i = 0;
  while (i < n) {
    if (n - i < FRAME_HEADER) return false;
    const flags = <u32>load<u8>(changetype<usize>(data) + <usize>i);
    const length = frameLength(data, i);
    if (length < 0 || length > n - i - FRAME_HEADER) return false;
    const start = i + FRAME_HEADER;
    if ((flags & ~(COMPRESSED | TRAILER)) != 0 || (flags & COMPRESSED) != 0) return false;
    if ((flags & TRAILER) == 0 && !walk(data, start, start + length, 0, false, "", null)) return false;
    i = start + length;
  }
  return true;
}

// The varint read last: its value (low 32 bits are enough for keys and lengths) and the offset after it.
let varintValue: u64 = 0;
let varintEnd: i32 = 0;

/** Reads a varint at `i` (at most 10 bytes, inside `end`); false when it runs past either. */
function readVarint(data: ArrayBuffer, i: i32, end: i32): bool {
  let value: u64 = 0;
  for (let k = 0; k < 10 && i < end; k++) {
    const b = <u64>load<u8>(changetype<usize>(data) + <usize>i);
    i++;
    value |= (b & 0x7f) << (<u64>k * 7);
    if ((b & 0x80) == 0) {
      varintValue = value;
      varintEnd = i;
      return true;
    }
  }
  return false;
}

/**
 * Walks the fields of the message in [start, end). With `emit`, adds a target per text field
 * and per bytes field's text runs (`path` names the enclosing fields); returns whether the range
 * is a valid message.
 */
function walk(data: ArrayBuffer, start: i32, end: i32, depth: i32, emit: bool, path: string, out: Targets | null): bool {
  if (depth > MAX_DEPTH) return false;
  let i = start;
  while (i < end) {
    if (!readVarint(data, i, end)) return false;
    const key = varintValue;
    i = varintEnd;
    // (a field number has 29 bits: an i32, which its name writes without the u64 formatter)
    const field = <i32>(key >> 3);
    if (field == 0 || key >> 3 > 536870911) return false;
    const wire = <i32>(key & 7);
    if (wire == 0) {
      if (!readVarint(data, i, end)) return false;
      i = varintEnd;
    } else if (wire == 1 || wire == 5) {
      i += wire == 1 ? 8 : 4;
      if (i > end) return false;
    } else if (wire == 2) {
      if (!readVarint(data, i, end) || varintValue > <u64>(end - varintEnd)) return false;
      const s = varintEnd;
      const e = s + <i32>varintValue;
      i = e;
      if (!emit || e == s) continue;
      const name = path.length == 0 ? field.toString() : path + "." + field.toString();
      // A nested message can be all text too (key 0x0a is LF, lengths from 32 are printable): both readings are inspected.
      const text = isText(data, s, e);
      if (text) {
        const bytes = data.slice(s, e);
        out!.add(TargetKind.BodyValue, "grpc:", bytes, bytes, name);
      }
      if (walk(data, s, e, depth + 1, false, name, null)) walk(data, s, e, depth + 1, true, name, out);
      else if (!text) addTextRuns(data.slice(s, e), TargetKind.BodyValue, "grpc:", name, out!);
    } else {
      // groups (3, 4: long deprecated) and the unused wire types 6 and 7: no message we read
      return false;
    }
  }
  return i == end;
}

/** Whether [s, e) is UTF-8 text: no control bytes other than tab, CR and LF, every sequence whole. */
function isText(data: ArrayBuffer, s: i32, e: i32): bool {
  const base = changetype<usize>(data);
  let i = s;
  while (i < e) {
    const c = <u32>load<u8>(base + <usize>i);
    if (c < 0x80) {
      if ((c < 0x20 && c != 0x09 && c != 0x0a && c != 0x0d) || c == 0x7f) return false;
      i++;
      continue;
    }
    let need = 0;
    if (c >= 0xc2 && c < 0xe0) need = 1;
    else if (c >= 0xe0 && c < 0xf0) need = 2;
    else if (c >= 0xf0 && c < 0xf5) need = 3;
    else return false;
    if (i + need >= e) return false;
    for (let k = 1; k <= need; k++) {
      if ((<u32>load<u8>(base + <usize>(i + k)) & 0xc0) != 0x80) return false;
    }
    i += need + 1;
  }
  return true;
}
