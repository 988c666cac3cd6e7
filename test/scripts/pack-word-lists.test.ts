// scripts/pack-word-lists.js makes every top-level `const X = new WordList("...")` a constant address in
// one static block, its words bytes, and builds all the lists in one loop at start-up
// (assembly/engine/wordlist.ts, WordList.buildStatics). Compiles a small program over the real
// WordList with and without the transform: the answers must be the same, a list read by top-level code
// must already be built then, a list exported from another file must be packed too, one made inside a
// function stays a list of a runtime string, and the packed lists must be neither globals nor UTF-16
// strings in the module.
import { beforeAll, describe, expect, it } from "vitest";
import { compileInMemory } from "../support/asc-compile.js";
import binaryen from "binaryen";
import * as loader from "@assemblyscript/loader";
// @ts-expect-error: a plain ES module of the build, without types
import PackWordLists from "../../scripts/pack-word-lists.js";

const ENTRY = "wordlists-test.ts";
const FILES: Record<string, string> = {
  [ENTRY]: `
import { WordList } from "./assembly/engine/wordlist";
import { NAMES } from "./wordlists-test-names";
const VERBS = new WordList("eval|assert|MsgBox|mail from:");
const ONE = new WordList("x");
// read by the start function right after the lists above: the static lists must be built by then
const AT_START = VERBS.hasString("assert") && NAMES.has(String.UTF8.encode("sqlmap"), 0, 6) && !ONE.hasString("y");
export function atStart(): bool { return AT_START; }
export function query(list: i32, value: string): string {
  const l = list == 0 ? VERBS : list == 1 ? NAMES : list == 2 ? ONE : new WordList("local|words");
  const b = String.UTF8.encode(value);
  const n = b.byteLength;
  return [l.count.toString(), l.word(0), l.word(l.count - 1), l.has(b, 0, n).toString(), l.hasLower(b, 0, n).toString(),
    l.indexLower(b, 0, n).toString(), l.hasString(value).toString(), l.indexOfAnyLower(b).toString()].join(",");
}
`,
  "wordlists-test-names.ts": `
import { WordList } from "./assembly/engine/wordlist";
export const NAMES = new WordList("nmap|sqlmap|.nasl|owasp zap");
`,
};

const compile = (transforms: unknown[]) => compileInMemory(ENTRY, FILES, transforms, "DEBUG_WORDLISTS");

const has = (bin: Uint8Array, bytes: Buffer) => Buffer.from(bin).includes(bytes);
function globals(wasm: Uint8Array): number {
  const module = binaryen.readBinary(wasm);
  try {
    return module.getNumGlobals();
  } finally {
    module.dispose();
  }
}

describe("pack-word-lists", () => {
  let plain: Uint8Array, packed: Uint8Array;
  beforeAll(async () => {
    [plain, packed] = [await compile([]), await compile([PackWordLists])];
  }, 60_000);

  it("stores the top-level lists as bytes, each ended by a 0 byte, and no list made at run time", () => {
    expect(has(plain, Buffer.from("eval|assert|MsgBox|mail from:", "utf16le"))).toBe(true);
    expect(has(packed, Buffer.from("eval|assert|MsgBox|mail from:", "utf16le"))).toBe(false);
    expect(has(packed, Buffer.from("eval|assert|MsgBox|mail from:\0"))).toBe(true);
    expect(has(packed, Buffer.from("nmap|sqlmap|.nasl|owasp zap\0"))).toBe(true);
    expect(has(packed, Buffer.from("x\0"))).toBe(true);
    expect(has(packed, Buffer.from("local|words", "utf16le"))).toBe(true);
  });

  it("keeps no global for a packed list", () => {
    expect(globals(packed)).toBeLessThanOrEqual(globals(plain) - 3);
  });

  it("builds the static lists before the start function reads them", async () => {
    for (const bin of [plain, packed]) {
      const ex = (await loader.instantiate(bin, {})).exports as any;
      expect(ex.atStart()).toBe(1);
    }
  });

  it.each([
    [0, "assert", "4,eval,mail from:,true,true,1,true,0"],
    [0, "ASSERT", "4,eval,mail from:,false,true,1,false,0"],
    [0, "msgbox", "4,eval,mail from:,false,false,-1,false,-1"],
    [0, "Mail From: x", "4,eval,mail from:,false,false,-1,false,0"],
    [0, "evals", "4,eval,mail from:,false,false,-1,false,0"],
    [1, "Mozilla/5.0 (compatible; Nmap Scripting Engine)", "4,nmap,owasp zap,false,false,-1,false,25"],
    [1, "owasp zap", "4,nmap,owasp zap,true,true,3,true,0"],
    [1, "unmapped", "4,nmap,owasp zap,false,false,-1,false,-1"],
    [2, "X", "1,x,x,false,true,0,false,0"],
    [2, "", "1,x,x,false,false,-1,false,-1"],
    [3, "Words", "2,local,words,false,true,1,false,0"],
  ])("list %i on %j: the packed and string lists answer %s", async (list, value, expected) => {
    const answers: string[] = [];
    for (const bin of [plain, packed]) {
      const ex = (await loader.instantiate(bin, {})).exports as any;
      answers.push(ex.__getString(ex.query(list, ex.__newString(value))));
    }
    expect(answers).toEqual([expected, expected]);
  });
});
