// SQL injection as scanners send it (test/support/variants/sqli-tamper.ts): payloads with random
// numbers and tags, rewritten by one to three tamper transforms (comments inside and around keywords,
// line-comment blanks, BETWEEN/LEAST/GREATEST for comparisons, GET_LOCK for SLEEP, `+` blanks,
// stray `%`, %u and overlong encodings, 1DUNION ...), in queries, forms, cookies, JSON and headers.
// And text with SQL words sent encoded the same ways (`+` blanks in cookies, percent signs), which passes.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect } from "../support/engine.js";
import { tamperedSqli, tamperBenign, TAMPER_NAMES } from "../support/variants/sqli-tamper.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const SEED = 20261128;

describe("tampered SQL injection", () => {
  it("blocks every tampered payload at PL1", () => {
    fc.assert(
      fc.property(tamperedSqli(), (a) => {
        const v = inspect(h, a.req);
        expect(v.score, `${a.place} [${a.tampers.join("+")}] ${JSON.stringify(a.value)}`).toBeGreaterThanOrEqual(5);
      }),
      { seed: SEED, numRuns: 600 },
    );
  });

  it("draws every tamper (a transform that never runs covers nothing)", () => {
    const seen = new Set(fc.sample(tamperedSqli(), { seed: SEED, numRuns: 600 }).flatMap((a) => a.tampers));
    expect([...TAMPER_NAMES].filter((n) => !seen.has(n))).toEqual([]);
  });

  it("lets text with SQL words through in the same encodings", () => {
    fc.assert(
      fc.property(tamperBenign, (b) => {
        const v = inspect(h, b.req);
        expect(v.score, `${b.place} ${JSON.stringify(b.value)}: ${v.matches.map((m) => m.id).join(",")}`).toBeLessThan(5);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
