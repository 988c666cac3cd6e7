// Rewrites the data segments of the release modules: asc emits one active segment per static object
// (~1,300 of them), binaryen's memory packing splits them at runs of zeros, and each segment costs ~7
// bytes of offset and length, while many gaps between them are under 7 bytes of zeros. The segments
// are rebuilt from the initial memory they write: a run of more than MAX_GAP zero bytes ends one,
// shorter runs are stored. Fresh memory is zero, so the initial memory is byte for byte the same,
// except for the static objects' block headers the build names (scripts/static-headers.js), which are
// cleared first; only the module is smaller. Modules that could name segments by index (memory.init,
// data.drop) or hold other than active i32.const segments are left as they are.
import binaryen from "binaryen";

/** Gaps of this many zero bytes or fewer are stored rather than opening a new segment. */
const MAX_GAP = 6;

function readU32(buf, pos) {
  let result = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [result, pos];
}

function readI32(buf, pos) {
  let result = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    result |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  if (shift < 32 && byte & 0x40) result |= -1 << shift;
  return [result, pos];
}

function u32(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

function i32(n) {
  const out = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(byte & 0x40)) || (n === -1 && byte & 0x40)) return Buffer.from([...out, byte]);
    out.push(byte | 0x80);
  }
}

/** The sections of a module: [id, start of contents, end, start of the section]. */
function sections(wasm) {
  const out = [];
  for (let p = 8; p < wasm.length; ) {
    const [size, start] = readU32(wasm, p + 1);
    out.push([wasm[p], start, start + size, p]);
    p = start + size;
  }
  return out;
}

/** The active segments of a data section as { offset, data }, or null when there is another kind. */
export function dataSegments(wasm) {
  const data = sections(wasm).find(([id]) => id === 11);
  if (!data) return [];
  let [count, p] = readU32(wasm, data[1]);
  const segments = [];
  while (count-- > 0) {
    if (wasm[p++] !== 0 || wasm[p++] !== 0x41) return null;
    let offset, length;
    [offset, p] = readI32(wasm, p);
    if (wasm[p++] !== 0x0b) return null;
    [length, p] = readU32(wasm, p);
    segments.push({ offset, data: wasm.subarray(p, p + length) });
    p += length;
  }
  return segments;
}

/**
 * Whether the module's code holds memory.init or data.drop (which name segments by index). Read off
 * binaryen's text of the module (binaryen comes with assemblyscript): a scan of the code's bytes
 * for their opcodes (0xfc 8, 0xfc 9) also finds them inside other instructions' immediates, and
 * then left a module of ~1,600 segments unjoined.
 */
function codeText(wasm) {
  const module = binaryen.readBinary(wasm);
  try {
    return module.emitText();
  } finally {
    module.dispose();
  }
}

/** The initial memory the segments write, from address 0 to the last byte written. */
function image(segments) {
  const out = Buffer.alloc(Math.max(...segments.map((s) => s.offset + s.data.length)));
  for (const s of segments) out.set(s.data, s.offset);
  return out;
}

/** The runs of `memory` to store as segments: no zeros at either end, no run of more than MAX_GAP zeros inside. */
function segmentsOf(memory) {
  const out = [];
  let at = 0;
  for (;;) {
    while (at < memory.length && memory[at] === 0) at++;
    if (at === memory.length) return out;
    const start = at;
    let end = at;
    for (;;) {
      while (end < memory.length && memory[end] !== 0) end++;
      let next = end;
      while (next < memory.length && memory[next] === 0) next++;
      if (next === memory.length || next - end > MAX_GAP) break;
      end = next;
    }
    out.push({ offset: start, data: memory.subarray(start, end) });
    at = end;
  }
}

/**
 * The module with its data segments rebuilt (the same bytes when there is nothing to do safely).
 * `staticHeaders`: addresses of static objects' mmInfo words to clear (scripts/static-headers.js),
 * for a module whose runtime never reads them. Each must hold the block size its object's rtSize
 * gives, or the layout is not the one asc had and the build stops. `unreadStrings`: static strings
 * ({ offset, length } of the whole object) to drop when no instruction names their address any more
 * (the source file names asc passes to abort, once abort does not read them).
 */
export function packDataSegments(wasm, { staticHeaders = [], unreadStrings = [] } = {}) {
  const all = sections(wasm);
  const segments = dataSegments(wasm);
  if (segments === null || segments.length < 2) return wasm;
  const text = codeText(wasm);
  if (/^\s*\((memory\.init|data\.drop)\b/m.test(text)) return wasm;
  const memory = image(segments);
  for (const at of staticHeaders) {
    const rtSize = at + 20 <= memory.length ? memory.readUInt32LE(at + 16) : -1;
    if (rtSize < 0 || memory.readUInt32LE(at) !== ((rtSize + 20 + 15) & ~15) - 4) throw new Error(`pack-data-segments: no static object header at ${at}`);
    memory.writeUInt32LE(0, at);
  }
  for (const { offset, length } of unreadStrings) {
    if (!text.includes(`(i32.const ${offset + 20})`)) memory.fill(0, offset, offset + length);
  }
  const packed = segmentsOf(memory);
  const body = Buffer.concat([u32(packed.length), ...packed.flatMap((s) => [Buffer.from([0, 0x41]), i32(s.offset), Buffer.from([0x0b]), u32(s.data.length), s.data])]);
  const parts = [wasm.subarray(0, 8)];
  for (const [id, , end, section] of all) {
    if (id === 11) parts.push(Buffer.from([11]), u32(body.length), body);
    else if (id === 12) parts.push(Buffer.from([12]), u32(u32(packed.length).length), u32(packed.length));
    else parts.push(wasm.subarray(section, end));
  }
  return Buffer.concat(parts);
}
