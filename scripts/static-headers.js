// asc transform for the release builds: lists where the block header (mmInfo) of each static object
// lies, for scripts/pack-data-segments.js to clear. asc lays every static string, buffer and array out
// as a TLSF block would be: mmInfo (the block's size), then the object header (gcInfo, gcInfo2, rtId,
// rtSize), then the payload. The release builds run the minimal runtime (TCMS over TLSF), which never
// reads the mmInfo of a static object: the collector sizes and frees only heap objects (below
// __heap_base it resets the links and moves on), __renew of a static object copies rtSize bytes to a
// new one, and __free returns at once below __heap_base. The filter never calls heap.realloc or
// heap.free on a static pointer (nor on any: wordlist.ts only allocates). With mmInfo zero, the
// 12 bytes in front of rtId are zeros, so each static object needs one data segment, not two
// (~320 objects, ~2 KB).
//
// Read after compilation, before optimisation, where asc's segments are still one per static object
// (binaryen's memory packing splits them at zero runs later).

/** Whether `data`, written at `offset`, is a static object as asc lays it out: mmInfo, header, payload. */
function isStaticObject(offset, data) {
  if (data.length < 20 || (offset + 20) % 16 !== 0) return false;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const mmInfo = view.getUint32(0, true);
  const rtSize = view.getUint32(16, true);
  // the block holds header and payload rounded up to 16 bytes; gcInfo and gcInfo2 are zero
  return mmInfo === data.length - 4 && ((rtSize + 20 + 15) & ~15) === data.length && view.getUint32(4, true) === 0 && view.getUint32(8, true) === 0;
}

/** Whether a static object's payload is a String naming a source file (`~lib/array.ts`): what asc passes to abort as its file. */
function isSourceName(data) {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const STRING_ID = 2;
  if (view.getUint32(12, true) !== STRING_ID) return false;
  const text = Buffer.from(data.subarray(20, 20 + view.getUint32(16, true))).toString("utf16le");
  return /^(~lib|assembly)\/[\w/.-]+\.ts$/.test(text);
}

export default class StaticHeaders {
  constructor() {
    /** Addresses of the mmInfo words of the last module compiled. */
    this.addresses = [];
    /** The static strings naming source files, as { offset, length } (the release abort prints no file). */
    this.sourceNames = [];
  }

  afterCompile(module) {
    this.addresses = [];
    this.sourceNames = [];
    for (let i = 0, n = module.getNumDataSegments(); i < n; i++) {
      const { offset, data, passive } = module.getDataSegmentInfo(module.getDataSegmentByIndex(i));
      const bytes = new Uint8Array(data);
      if (passive || !isStaticObject(offset, bytes)) continue;
      this.addresses.push(offset);
      if (isSourceName(bytes)) this.sourceNames.push({ offset, length: bytes.length });
    }
    if (process.env.MESHWAF_TRANSFORM_VERBOSE) console.error(`static-headers: ${this.addresses.length} static objects`);
  }
}
