// findSensitive (assembly/engine/detectors/lfi/sensitive.ts) skips most positions by their first
// byte, the byte before and a hashed set of the entries' first two bytes. It must answer as
// sensitiveAt tried at every component start does: the same first match, or none.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

function call(name: string, v: string, from = 0): number {
  const p = h.exports.__pin(h.exports.__newString(v));
  try {
    return h.exports[name](p, from) as number;
  } finally {
    h.exports.__unpin(p);
  }
}

describe("findSensitive prefilters", () => {
  const table: [string, number][] = [
    ["/etc/passwd", 1],
    ["..\\..\\WINDOWS\\win.ini", 14],
    ["see the .env file", 8], // (a space starts a component too: lfi.ts tells text from paths),
    ["x=.ssh/id_rsa", 2],
    ["the proc/self view", 4],
    ["ends with e", -1],
    ["/ETC\\SHADOW", 1],
  ];
  for (const [value, at] of table) {
    it(`${JSON.stringify(value)} -> ${at}`, () => {
      expect(call("lfiFindSensitive", value)).toBe(at);
      expect(call("lfiFindSensitiveForced", value)).toBe(at);
    });
  }

  const entries = ["etc/passwd", "ETC\\Shadow", ".env", ".ssh/", "id_rsa", "proc/self", "win.ini", "web.config", "root/", ".git/", "boot.ini", "my.cnf"];
  const pieces = fc.oneof(
    fc.constantFrom(...entries),
    fc.constantFrom("/", "\\", "=", "~", " ", ":", "?", ".", "..", "e", "p", "the ", "should ", "-", "x"),
    fc.stringMatching(/^[a-zA-Z ./\\=_-]{0,6}$/),
  );
  const values = fc.array(pieces, { maxLength: 10 }).map((a) => a.join(""));

  it("finds what sensitiveAt at every component start finds", () => {
    let found = 0;
    fc.assert(
      fc.property(values, fc.nat(4), (v, from) => {
        const want = call("lfiFindSensitiveForced", v, from);
        if (want >= 0) found++;
        expect(call("lfiFindSensitive", v, from)).toBe(want);
      }),
      { numRuns: 3000 },
    );
    expect(found).toBeGreaterThan(100); // both outcomes occur
  });
});
