// The rce prefilter (assembly/engine/detectors/rce/gate.ts) may only skip values the
// shell scanner finds nothing in: for every value the gate skips, the scanner forced
// to run must report no rule. Values are built from the gate's plain bytes and command words,
// so both outcomes of the gate occur.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

function call(name: string, v: string, ...rest: number[]): number {
  const p = h.exports.__pin(h.exports.__newString(v));
  try {
    return h.exports[name](p, ...rest) as number;
  } finally {
    h.exports.__unpin(p);
  }
}
const skips = (v: string) => call("rceGateSkips", v) !== 0;
const forced = (v: string, header: boolean) => call("rceShellScanForced", v, header ? 1 : 0);

const words = ["cat", "whoami", "wget", "ls", "gcc7.4", "python3.10", "id", "time", "etc", "passwd", "/etc/passwd", "/bin/sh", "-la", "the", "en-US", "gzip,", "42", "bin/", "sh", "x.y", "nohup"];
const pieces = fc.oneof(fc.constantFrom(...words), fc.stringMatching(/^[a-z0-9 .,:_\/-]{0,6}$/), fc.constantFrom(";", "|", "&&", "$(", "`", "'", "\n", "="));
const values = fc.tuple(fc.array(pieces, { maxLength: 8 }), fc.constantFrom(" ", "", "  ")).map(([a, sep]) => a.join(sep));

describe("rce prefilter", () => {
  const table: [string, boolean][] = [
    ["en-US,en;q=0.9", false],
    ["gzip, deflate, br", true],
    ["john smith", true],
    ["whoami", false],
    ["cat /etc/passwd", false],
    ["/usr/bin/id", false],
    ["gcc7.4 -o x x.c", false],
    ["the cat sat on the mat", true],
    ["a;id", false],
  ];
  for (const [value, skipped] of table) {
    it(`${skipped ? "skips" : "scans"} ${JSON.stringify(value)}`, () => {
      expect(skips(value)).toBe(skipped);
    });
  }

  it("skips only values the shell scanner finds nothing in", () => {
    let skipped = 0;
    fc.assert(
      fc.property(values, fc.boolean(), (v, header) => {
        if (!skips(v)) return;
        skipped++;
        expect(forced(v, header)).toBe(0);
      }),
      { numRuns: 1500 },
    );
    expect(skipped).toBeGreaterThan(50); // the property was exercised
  });
});
