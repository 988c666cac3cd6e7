// scripts/pack-reasons.js stores the release build's literal texts (reasons of reports, messages of
// failures and warnings, also inside a concatenation, log lines and metric names) as UTF-8 in one table (assembly/engine/packed-text.ts), a call
// site passing a text's index (a report, its rule id and the index in one number). Compiles a small program with and without the transform: the texts it
// writes must be the same, each stored once as UTF-8 however many sources repeat it, and none as a
// UTF-16 string; a text too long for the table's u8 lengths fails the build.
import { beforeAll, describe, expect, it } from "vitest";
import { compileInMemory } from "../support/asc-compile.js";
import * as loader from "@assemblyscript/loader";
// @ts-expect-error: a plain ES module of the build, without types
import PackReasons from "../../scripts/pack-reasons.js";

const ENTRY = "reasons-test.ts";
const program = (extra = "") => ({
  [ENTRY]: `
import "./assembly/engine/packed-text";
import { Out, other } from "./reasons-test-other";
function log(level: i32, message: string): void { Out.lines.push(level.toString() + " " + message); }
export function run(n: i32): string {
  const s = new Out();
  s.report(1, "quote breakout, then a comment");
  s.reportNamed(2, "header:x", "quote breakout, then a comment");
  s.reportHeader(6, "y", "header value one never sends");
  s.report(3, "caf\\u00e9 cr\\u00e8me \\u2713");
  s.fail("field", "must be an object");
  s.warn("limit", "value " + n.toString() + " can never be reached at all");
  log(2, "meshwaf: configured, mode " + n.toString() + ", twice configured");
  log(1, "short");
  other(s);${extra}
  return s.lines().join("|");
}
`,
  "reasons-test-other.ts": `
import { REASON_BITS } from "./assembly/engine/packed-text";
export class Out {
  static lines: string[] = [];
  report(id: i32, reason: string): void { Out.lines.push(id.toString() + ":" + reason); }
  reportNamed(id: i32, target: string, reason: string): void { Out.lines.push(id.toString() + "@" + target + ":" + reason); }
  reportPacked(idReason: i32): void { this.report(idReason >> REASON_BITS, packedText(idReason & ((1 << REASON_BITS) - 1))); }
  reportNamedPacked(idReason: i32, target: string): void { this.reportNamed(idReason >> REASON_BITS, target, packedText(idReason & ((1 << REASON_BITS) - 1))); }
  reportHeader(id: i32, name: string, reason: string): void { this.reportNamed(id, "header:" + name, reason); }
  reportHeaderPacked(idReason: i32, name: string): void { this.reportNamedPacked(idReason, "header:" + name); }
  fail(field: string, what: string): void { Out.lines.push("fail " + field + ": " + what); }
  warn(field: string, what: string): void { Out.lines.push("warn " + field + ": " + what); }
  lines(): string[] { const l = Out.lines; Out.lines = []; return l; }
}
export function other(s: Out): void {
  s.report(4, "quote breakout, then a comment");
  s.report(17999, "quote breakout, then a comment");
  s.report(5, "");
}
`,
});

const compile = (transforms: unknown[], files: Record<string, string>) => compileInMemory(ENTRY, files, transforms, "DEBUG_REASONS");

const count = (bin: Uint8Array, bytes: Buffer) => {
  let n = 0;
  for (let i = Buffer.from(bin).indexOf(bytes); i >= 0; i = Buffer.from(bin).indexOf(bytes, i + 1)) n++;
  return n;
};

describe("pack-reasons", () => {
  let plain: Uint8Array, packed: Uint8Array;
  beforeAll(async () => {
    [plain, packed] = [await compile([], program()), await compile([PackReasons], program())];
  }, 60_000);

  it("writes the same texts from the table", async () => {
    const expected = ["1:quote breakout, then a comment", "2@header:x:quote breakout, then a comment", "6@header:y:header value one never sends", "3:café crème ✓", "fail field: must be an object", "warn limit: value 7 can never be reached at all",
      "2 meshwaf: configured, mode 7, twice configured", "1 short", "4:quote breakout, then a comment", "17999:quote breakout, then a comment", "5:"].join("|");
    for (const bin of [plain, packed]) {
      const ex = (await loader.instantiate(bin, {})).exports as any;
      expect(ex.__getString(ex.run(7))).toBe(expected);
    }
  });

  it("stores each text once, as UTF-8, whichever source repeats it", () => {
    for (const text of ["quote breakout, then a comment", "header value one never sends", "café crème ✓", "must be an object", " can never be reached at all", "meshwaf: configured, mode ", ", twice configured"]) {
      expect(count(plain, Buffer.from(text, "utf16le")), text).toBe(1);
      expect(count(packed, Buffer.from(text, "utf16le")), text).toBe(0);
      expect(count(packed, Buffer.from(text, "utf8")), text).toBe(1);
    }
    // a literal under 8 characters in a log line or a concatenated message stays a string
    expect(count(packed, Buffer.from("short", "utf16le"))).toBe(1);
    expect(count(packed, Buffer.from("value ", "utf16le"))).toBe(1);
  });

  it("refuses a text longer than 255 bytes", async () => {
    await expect(compile([PackReasons], program(`\n  s.report(6, "${"x".repeat(256)}");`))).rejects.toThrow(/256 bytes/);
  });
});
