// scripts/visit-globals.js drops the null test around each global the minimal runtime's root scan
// visits (TCMS's __visit tests for null itself). Compiles a small program with and without the
// transform (unoptimised, so the scan stays a function of its own): the scan must lose its tests, and a collection must still keep what a global holds,
// free what none holds, and pass over a global that is null.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import asc from "assemblyscript/asc";
import binaryen from "binaryen";
// @ts-expect-error: a plain ES module of the build, without types
import VisitGlobals from "../../scripts/visit-globals.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const ENTRY = "visit-globals-test.ts";
const PROGRAM = `
let kept: Array<i32> | null = null;
let empty: Array<i32> | null = null;
export function keep(n: i32): void { kept = new Array<i32>(n).fill(7); }
export function drop(): void { kept = null; }
export function sum(): i32 { let s = 0; const k = kept!; for (let i = 0; i < k.length; i++) s += k[i]; return s; }
export function churn(): void { for (let i = 0; i < 200; i++) { const a = new Array<i32>(40); a.fill(i); } }
export function isEmpty(): bool { return empty === null; }
`;

async function compile(transforms: unknown[]): Promise<Uint8Array> {
  let binary: Uint8Array | null = null;
  const { error } = await asc.main([ENTRY, "--outFile", "out.wasm", "--runtime", "minimal", "--exportRuntime", "--debug"], {
    readFile: (name: string, dir: string) => (name === ENTRY ? PROGRAM : name.endsWith("asconfig.json") ? null : (() => { try { return readFileSync(`${dir}/${name}`, "utf8"); } catch { return null; } })()),
    writeFile: (name: string, contents: Uint8Array) => { if (name.endsWith(".wasm")) binary = contents; },
    listFiles: () => [],
    stdout: { write: () => true },
    stderr: { write: () => true },
    transforms,
    // @ts-ignore: asc's option for the directory the paths are relative to
    baseDir: root,
  } as any);
  if (error) throw error;
  return binary!;
}

/** binaryen's text of the root scan. */
function rootScan(wasm: Uint8Array): string {
  const module = binaryen.readBinary(wasm);
  try {
    const text = module.emitText();
    const start = text.indexOf("(func $~lib/rt/__visit_globals");
    return text.slice(start, text.indexOf("\n (func ", start + 1));
  } finally {
    module.dispose();
  }
}

describe("visit-globals", () => {
  let plain: Uint8Array, unguarded: Uint8Array;
  beforeAll(async () => {
    [plain, unguarded] = [await compile([]), await compile([VisitGlobals])];
  });

  it("visits each global with no test of its own", () => {
    expect(rootScan(plain)).toMatch(/\(if/);
    expect(rootScan(unguarded)).not.toMatch(/\(if/);
    expect(rootScan(unguarded)).toMatch(/global\.get \$visit-globals-test\/kept/);
    expect(unguarded.length).toBeLessThan(plain.length);
  });

  for (const [name, wasm] of [["without the transform", () => plain], ["with it", () => unguarded]] as const) {
    it(`keeps what a global holds and frees what none holds (${name})`, async () => {
      const ex = (await WebAssembly.instantiate(wasm() as BufferSource, { env: { abort: () => { throw new Error("abort"); } } })).instance.exports as any;
      ex.keep(100);
      ex.__collect();
      ex.churn();
      ex.__collect();
      ex.churn();
      expect(ex.sum()).toBe(700);
      expect(ex.isEmpty()).toBe(1);
      // what the collections freed is reused: memory stops growing with the churn
      ex.churn();
      ex.__collect();
      const pages = ex.memory.buffer.byteLength;
      for (let i = 0; i < 50; i++) {
        ex.churn();
        ex.__collect();
      }
      expect(ex.memory.buffer.byteLength).toBe(pages);
      ex.drop();
      ex.__collect();
    });
  }
});
