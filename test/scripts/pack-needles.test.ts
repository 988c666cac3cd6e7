// scripts/pack-needles.js stores the literal needles of the byte helpers (assembly/engine/bytes.ts) as
// bytes. Compiles a small program over the real helpers with and without the transform: the answers
// must be the same, the packed needles gone from the module as UTF-16 strings, and a literal that
// is also used as a string elsewhere left a string. equalsCI is langs/syntax wordIs re-exported by
// protocol/text: the transform follows the re-export. JsonWriter.raw is a method with a needle.
import { beforeAll, describe, expect, it } from "vitest";
import { compileInMemory } from "../support/asc-compile.js";
import * as loader from "@assemblyscript/loader";
// @ts-expect-error: a plain ES module of the build, without types
import PackNeedles from "../../scripts/pack-needles.js";

const ENTRY = "needles-test.ts";
const PROGRAM = `
import { indexOfCI, matchesCI } from "./assembly/engine/bytes";
import { equalsCI } from "./assembly/engine/detectors/protocol/text";
import { JsonWriter } from "./assembly/filter/json_writer";
export function written(s: string): string {
  const w = new JsonWriter();
  w.raw('{"needle":').raw(s).raw("}");
  return String.UTF8.decodeUnsafe(w.dataStart, w.len);
}
export function literal(s: string, at: i32): string {
  const b = String.UTF8.encode(s);
  return [matchesCI(b, at, "ognl").toString(), indexOfCI(b, "xyzzy").toString(), indexOfCI(b, "xyzzy", at).toString(),
    matchesCI(b, at, "kept").toString(), equalsCI(b, 0, b.byteLength, "charset").toString()].join(",");
}
export function runtime(s: string, at: i32): string {
  const b = String.UTF8.encode(s);
  return [matchesCI(b, at, "og" + "nl").toString(), indexOfCI(b, "xyz" + "zy").toString(), indexOfCI(b, "xyz" + "zy", at).toString(),
    matchesCI(b, at, "ke" + "pt").toString(), equalsCI(b, 0, b.byteLength, "char" + "set").toString()].join(",");
}
export const KEPT = "kept";
`;

const compile = (transforms: unknown[], program = PROGRAM) => compileInMemory(ENTRY, { [ENTRY]: program }, transforms, "DEBUG_NEEDLES");

// A helper of its own that hands its needle on with `n` (as session.ts hasAttribute does) calls indexOfCI with
// no literal, but with no string either: indexOfCI's literal that is also a string elsewhere is still packed, so
// that no string instance of indexOfCI is built for it.
const PASS_ON = `
import { indexOfCI, needleLength } from "./assembly/engine/bytes";
function has<Needle>(b: ArrayBuffer, needle: Needle, n: i32 = 0): bool {
  n = needleLength(needle, n);
  return indexOfCI(b, needle, 0, n) >= 0;
}
export function found(s: string): string {
  const b = String.UTF8.encode(s);
  return [has(b, "abc").toString(), indexOfCI(b, "shared").toString()].join(",");
}
export const SHARED = "shared";
// a needle longer than a string's duplicate allowance, four calls in one source: one copy of its bytes, shared
export function many(s: string): string {
  const b = String.UTF8.encode(s);
  return [indexOfCI(b, "a needle of twenty-six chr"), indexOfCI(b, "a needle of twenty-six chr", 1),
    indexOfCI(b, "a needle of twenty-six chr", 2), indexOfCI(b, "a needle of twenty-six chr", 4)].join(",");
}
`;

const utf16 = (s: string) => Buffer.from(s, "utf16le");
const has = (bin: Uint8Array, bytes: Buffer) => Buffer.from(bin).includes(bytes);

describe("pack-needles", () => {
  let plain: Uint8Array, packed: Uint8Array;
  beforeAll(async () => {
    [plain, packed] = [await compile([]), await compile([PackNeedles])];
  }, 60_000);

  it("stores only literal needles as bytes, and keeps a literal used as a string elsewhere", () => {
    expect(has(plain, utf16("ognl"))).toBe(true);
    expect(has(packed, utf16("ognl"))).toBe(false);
    expect(has(packed, Buffer.from("ognl"))).toBe(true);
    expect(has(packed, utf16("xyzzy"))).toBe(false);
    expect(has(packed, utf16("kept"))).toBe(true);
    expect(has(plain, utf16("charset"))).toBe(true);
    expect(has(packed, utf16("charset"))).toBe(false);
    expect(has(plain, utf16('{"needle":'))).toBe(true);
    expect(has(packed, utf16('{"needle":'))).toBe(false);
  });

  it("packs a literal also used as a string when the helper's other callers only hand a needle on, and a long needle one source repeats", async () => {
    const [plain2, packed2] = [await compile([], PASS_ON), await compile([PackNeedles], PASS_ON)];
    expect(has(plain2, Buffer.from("shared"))).toBe(false);
    expect(has(packed2, Buffer.from("shared"))).toBe(true);
    expect(has(packed2, utf16("shared"))).toBe(true);
    for (const bin of [plain2, packed2]) {
      const ex = (await loader.instantiate(bin, {})).exports as any;
      expect(["x ABC SHARED", "ab shared", "none"].map((v) => ex.__getString(ex.found(ex.__newString(v))))).toEqual(["true,6", "false,3", "false,-1"]);
      expect(ex.__getString(ex.many(ex.__newString("xx A needle of twenty-six CHR")))).toBe("3,3,3,-1");
    }
    // (stored once for the source's four calls, the bytes cost less than the string: packed)
    expect(has(plain2, utf16("a needle of twenty-six chr"))).toBe(true);
    expect(has(packed2, utf16("a needle of twenty-six chr"))).toBe(false);
    expect(has(packed2, Buffer.from("a needle of twenty-six chr"))).toBe(true);
  }, 60_000);

  it("writes a packed method needle as the string", async () => {
    for (const bin of [plain, packed]) {
      const ex = (await loader.instantiate(bin, {})).exports as any;
      expect(ex.__getString(ex.written(ex.__newString('"é"')))).toBe('{"needle":"é"}');
    }
  });

  it.each([
    ["xOGNL", 1, "true,-1,-1,false,false"],
    ["xognlx", 1, "true,-1,-1,false,false"],
    ["ognl", 1, "false,-1,-1,false,false"],
    ["OGN", 0, "false,-1,-1,false,false"],
    ["ognl", -1, "false,-1,-1,false,false"],
    ["a XyZzY b xyzzy", 0, "false,2,2,false,false"],
    ["a XyZzY b xyzzy", 3, "false,2,10,false,false"],
    ["a XyZzY b xyzzy", 20, "false,2,-1,false,false"],
    ["KEPT", 0, "false,-1,-1,true,false"],
    ["", 0, "false,-1,-1,false,false"],
    ["CharSet", 0, "false,-1,-1,false,true"],
    ["charsets", 0, "false,-1,-1,false,false"],
  ])("%j at %i: the packed and string needles answer %s", async (s, at, expected) => {
    const answers: string[] = [];
    for (const bin of [plain, packed]) {
      const ex = (await loader.instantiate(bin, {})).exports as any;
      for (const f of ["literal", "runtime"]) answers.push(ex.__getString(ex[f](ex.__newString(s), at)));
    }
    expect(answers).toEqual([expected, expected, expected, expected]);
  });
});
