import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFilesAtomically } from "../../src/manifests/write-dir.js";
import { tempDir } from "../support/temp.js";

describe("writeFilesAtomically", () => {
  it("writes every file, subdirectories included, and leaves no staging directory", () => {
    const parent = tempDir("write");
    const out = join(parent, "out");
    writeFilesAtomically(out, new Map([["a.yaml", "a: 1\n"], ["patches/b.yaml", "b: 2\n"]]));
    expect(readFileSync(join(out, "patches/b.yaml"), "utf8")).toBe("b: 2\n");
    expect(readdirSync(parent)).toEqual(["out"]);
  });
  it("refuses a target that is a file, naming it, and writes nothing", () => {
    const parent = tempDir("write");
    const file = join(parent, "taken");
    writeFileSync(file, "x");
    expect(() => writeFilesAtomically(file, new Map([["a.yaml", "a: 1\n"]]))).toThrow(`${file}: cannot create the directory (EEXIST)`);
    expect(readdirSync(parent)).toEqual(["taken"]);
    expect(existsSync(join(parent, "a.yaml"))).toBe(false);
  });
});
