// Joins the release module's data segments that lie a few zero bytes apart into one: asc emits one
// active segment per static object (~1,900 of them), each with ~7 bytes of offset and length, while
// the gaps between them are mostly under 7 bytes of zeros. The initial memory is byte for byte the
// same (fresh memory is zero); only the module is smaller. Modules that could name segments by index
// (memory.init, data.drop) or hold other than active i32.const segments are left as they are.
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
function usesSegmentIndexes(wasm) {
  const module = binaryen.readBinary(wasm);
  try {
    return /^\s*\((memory\.init|data\.drop)\b/m.test(module.emitText());
  } finally {
    module.dispose();
  }
}

/** The module with its close data segments joined (the same bytes when there is nothing to join safely). */
export function packDataSegments(wasm) {
  const all = sections(wasm);
  const segments = dataSegments(wasm);
  if (segments === null || segments.length < 2 || usesSegmentIndexes(wasm)) return wasm;
  const sorted = [...segments].sort((a, b) => a.offset - b.offset);
  const joined = [];
  for (const s of sorted) {
    const last = joined[joined.length - 1];
    const gap = last ? s.offset - (last.offset + last.data.length) : -1;
    if (last && gap >= 0 && gap <= MAX_GAP) last.data = Buffer.concat([last.data, Buffer.alloc(gap), s.data]);
    else joined.push({ offset: s.offset, data: Buffer.from(s.data) });
  }
  const body = Buffer.concat([u32(joined.length), ...joined.flatMap((s) => [Buffer.from([0, 0x41]), i32(s.offset), Buffer.from([0x0b]), u32(s.data.length), s.data])]);
  const parts = [wasm.subarray(0, 8)];
  for (const [id, , end, section] of all) {
    if (id === 11) parts.push(Buffer.from([11]), u32(body.length), body);
    else if (id === 12) parts.push(Buffer.from([12]), u32(u32(joined.length).length), u32(joined.length));
    else parts.push(wasm.subarray(section, end));
  }
  return Buffer.concat(parts);
}
