// scripts/pack-data-segments.js rebuilds the data segments of the release modules: the initial memory
// must stay byte for byte the same (but for the static objects' block headers the build clears), and
// the module valid and working.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as loader from "@assemblyscript/loader";
import wabtInit from "wabt";
// @ts-expect-error: a plain ES module of the build, without types
import { packDataSegments, dataSegments } from "../../scripts/pack-data-segments.js";

const file = (f: string) => readFileSync(fileURLToPath(new URL(`../../build/${f}`, import.meta.url)));
type Segment = { offset: number; data: Uint8Array };

/** The initial memory the segments write, up to the last byte written. */
function image(segments: Segment[]): Buffer {
  const end = Math.max(...segments.map((s) => s.offset + s.data.length));
  const out = Buffer.alloc(end);
  for (const s of segments) out.set(s.data, s.offset);
  return out;
}

describe("pack-data-segments", () => {
  // the harness build is not packed: it has the segments asc wrote
  const original = file("harness.wasm");
  const packed: Buffer = packDataSegments(original);

  it("joins segments into fewer, writing the same initial memory", () => {
    const before: Segment[] = dataSegments(original);
    const after: Segment[] = dataSegments(packed);
    expect(after.length).toBeLessThan(before.length);
    expect(image(after).equals(image(before))).toBe(true);
    expect(packed.length).toBeLessThan(original.length);
  });

  it("gives a valid module that inspects as the original does", async () => {
    expect(WebAssembly.validate(new Uint8Array(packed))).toBe(true);
    const imports = { env: { proxy_log: () => 0 } as Record<string, unknown> };
    const run = async (bytes: Buffer) => {
      const ex = (await loader.instantiate(bytes, imports)).exports as any;
      return ex.__getString(ex.inspectRequest(ex.__newString("GET"), ex.__newString("/a?q=1%27%20OR%201=1--"), ex.__newString("host\na\n"), 0, 1, 5));
    };
    expect(await run(packed)).toBe(await run(original));
  });

  it("leaves the release modules nothing to join", () => {
    for (const f of ["meshwaf.wasm", "noop.wasm"]) expect(packDataSegments(file(f)).equals(file(f))).toBe(true);
  });

  it("leaves the release module's static strings with a zero block size and their header and text", () => {
    // scripts/static-headers.js names them to the build; the harness keeps them (incremental runtime)
    const text = Buffer.from("malformed JSON", "utf16le");
    for (const [f, mmInfo] of [["meshwaf.wasm", 0], ["harness.wasm", 44]] as const) {
      const memory = image(dataSegments(file(f)));
      const at = memory.indexOf(text);
      expect(at % 16).toBe(0);
      expect([memory.readUInt32LE(at - 20), memory.readUInt32LE(at - 8), memory.readUInt32LE(at - 4)]).toEqual([mmInfo, 2, text.length]);
    }
  });

  describe("static objects' block headers", async () => {
    const wabt = await wabtInit();
    // A static string "ab" as asc lays it out at 12 (block size 28, rtId 2, rtSize 4), and a byte at 64.
    const wasm = (() => {
      const mod = wabt.parseWat("t.wat", `(module (memory 1)
        (data (i32.const 12) "\\1c\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\02\\00\\00\\00\\04\\00\\00\\00a\\00b\\00")
        (data (i32.const 64) "z"))`, {});
      const bytes = Buffer.from(mod.toBinary({}).buffer);
      mod.destroy();
      return bytes;
    })();

    it("clears the ones named and stores the rest of memory as it was", () => {
      const before = image(dataSegments(wasm));
      const after = image(dataSegments(packDataSegments(wasm, { staticHeaders: [12] })));
      expect(after.readUInt32LE(12)).toBe(0);
      before.writeUInt32LE(0, 12);
      expect(after.equals(before)).toBe(true);
      // the header's zeros now open the segment: it starts at rtId
      expect(dataSegments(packDataSegments(wasm, { staticHeaders: [12] }))[0].offset).toBe(24);
    });

    it("stops the build when a named address holds no block header", () => {
      expect(() => packDataSegments(wasm, { staticHeaders: [16] })).toThrow(/no static object header at 16/);
      expect(() => packDataSegments(wasm, { staticHeaders: [64] })).toThrow(/no static object header at 64/);
    });
  });

  // The release abort prints its message only (assembly/abi/abort.ts), so the file names asc passes it are
  // dropped when no instruction names them any more (scripts/static-headers.js lists them to the build).
  describe("static strings no code reads", async () => {
    const wabt = await wabtInit();
    // the string "ab" at 16 (object at 12 with its block header), and a function that names it, or not
    const module = (body: string) => {
      const mod = wabt.parseWat("t.wat", `(module (memory 1)
        (data (i32.const 12) "\\1c\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\02\\00\\00\\00\\04\\00\\00\\00a\\00b\\00")
        (data (i32.const 64) "z") (func (export "f") (result i32) ${body}))`, {});
      const bytes = Buffer.from(mod.toBinary({}).buffer);
      mod.destroy();
      return bytes;
    };
    const unread = { staticHeaders: [12], unreadStrings: [{ offset: 12, length: 32 }] };

    it("drops one no instruction names, and keeps the rest of memory", () => {
      const after = image(dataSegments(packDataSegments(module("i32.const 7"), unread)));
      expect(after.subarray(0, 44).every((b) => b === 0)).toBe(true);
      expect(after[64]).toBe(0x7a);
    });

    it("keeps one an instruction still names", () => {
      const after = image(dataSegments(packDataSegments(module("i32.const 32"), unread)));
      expect(after.subarray(32, 36).toString("utf16le")).toBe("ab");
    });

    it("leaves no source file name in the release modules, and their messages", () => {
      for (const f of ["meshwaf.wasm", "noop.wasm"]) {
        const memory = image(dataSegments(file(f)));
        expect(memory.includes(Buffer.from("~lib/", "utf16le"))).toBe(false);
        expect(memory.includes(Buffer.from("Index out of range", "utf16le"))).toBe(f === "meshwaf.wasm");
      }
      expect(image(dataSegments(file("harness.wasm"))).includes(Buffer.from("~lib/array.ts", "utf16le"))).toBe(true);
    });
  });

  describe("segments named by index", async () => {
    const wabt = await wabtInit();
    // Two segments two zero bytes apart, and a function whose code is `body`.
    const module = (body: string) => {
      const mod = wabt.parseWat("t.wat", `(module (memory 1) (data (i32.const 16) "ab") (data (i32.const 20) "cd")
        (func (export "f") (result i32) ${body}))`, { bulk_memory: true });
      const bytes = Buffer.from(mod.toBinary({}).buffer);
      mod.destroy();
      return bytes;
    };

    it("joins them when the code only holds the opcode bytes of memory.init inside an immediate", () => {
      // i32.const 1148 is 0x41 0xfc 0x08: the bytes of memory.init's opcode, in a constant's LEB128
      const wasm = module("i32.const 1148");
      expect(wasm.includes(Buffer.from([0x41, 0xfc, 0x08]))).toBe(true);
      expect(dataSegments(packDataSegments(wasm)).length).toBe(1);
    });

    it("leaves a module that uses data.drop or memory.init as it is", () => {
      for (const body of ["data.drop 1 i32.const 0", "i32.const 0 i32.const 0 i32.const 0 memory.init 1 i32.const 0"]) {
        const wasm = module(body);
        expect(packDataSegments(wasm).equals(wasm)).toBe(true);
      }
    });
  });
});
