import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";

// TargetKind values (assembly/engine/target.ts).
const ARG_NAME = 1;
const ARG = 2;
const BODY = 8;
let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

function other(input: string, kind = ARG): { score: number; ids: number[] } {
  const out = JSON.parse(h.callString("detectOne", "other", input, kind, "args:q", 1));
  return { score: out.score, ids: out.ids.map((m: { id: number }) => m.id) };
}

const attacks: [string, number, number][] = [
  ["\r\nV100 CAPABILITY\r\nV101 FETCH 4791", ARG, 17001],
  ["\r\nQUIT\r\n", ARG, 17001],
  ["victim@example.com\r\nRCPT TO:<other@example.com>", ARG, 17001],
  ["a1 LOGIN x y\nA2 SELECT INBOX", ARG, 17001],
  ["victim@example.com\r\nBcc: list@example.com", ARG, 17002],
  ["Hello\nCc: someone@example.com", ARG, 17002],
  ["username__startswith", ARG_NAME, 17003],
  ["password__isnull", ARG_NAME, 17003],
  ["user__profile__city__startswith", ARG_NAME, 17003],
  ["user__metadata__has_keys", ARG_NAME, 17003],
  ['{"created_by__departments__user__id":1}', BODY, 17003],
];

const benign: [string, number][] = [
  ["Dear team,\nplease find the list attached.\nThanks", ARG],
  ["Meeting notes\nTHE LIST OF ITEMS\nDone", ARG],
  ["Long message with several words on the first line\nFrom: me\nTo: you", ARG],
  ["SELECT * FROM users\nWHERE id = 1", ARG],
  ["name__exact", ARG_NAME],
  ["id__in", ARG_NAME],
  ["__proto__", ARG_NAME],
  ["first_name", ARG_NAME],
  ['{"comment":"use field__startswith for filtering"}', BODY],
];

describe("other detector", () => {
  it.each(attacks)("blocks %j (kind %i, rule %i)", (input, kind, rule) => {
    const r = other(input, kind);
    expect(r.ids).toContain(rule);
    expect(r.score).toBeGreaterThanOrEqual(5);
  });

  it.each(benign)("lets %j through (kind %i)", (input, kind) => {
    expect(other(input, kind).score).toBeLessThan(5);
  });

  it("never traps on random input", () => {
    const alphabet = fc.constantFrom(..."\r\n _:\"{}A1 FETCHQUITBcc:x__startswith".split(""));
    for (const kind of [ARG_NAME, ARG, BODY]) {
      fc.assert(fc.property(fc.array(alphabet, { maxLength: 300 }).map((a) => a.join("")), (s) => {
        expect(other(s, kind).score).toBeGreaterThanOrEqual(0);
      }), { numRuns: 150 });
    }
  });
});
