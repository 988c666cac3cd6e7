// Command injection as commix-style tools send it (test/support/variants/rce-commix.ts): echo of
// shell arithmetic glued to random tags, time delays (sleep, if/then/else on a string length, Windows
// timeout, PowerShell Start-Sleep, ping -n), file writes, a Windows for/set loop, after a separator
// (including a newline) and rewritten by the tools' tampers; and prose near the same words, which passes.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect } from "../support/engine.js";
import { place, NAMES } from "../support/variants/positions.js";
import { commixAttack, commixBenign } from "../support/variants/rce-commix.js";
import { rcePositions } from "../support/variants/rce.js";
import { assertPassed } from "../support/variants/check.js";
import { placed, URL_NAMES } from "../support/variants/positions.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const SEED = 20261128;

describe("commix-style command injection", () => {
  it("blocks every generated injection in a query, form, JSON value or cookie", () => {
    fc.assert(
      fc.property(commixAttack, fc.constantFrom(...rcePositions), fc.nat(NAMES.length - 1), fc.boolean(), (a, pos, name, all) => {
        const v = inspect(h, place(a.value, pos, name, all));
        expect(v.score, `${pos} [${a.tampers.join("+")}] ${JSON.stringify(a.value)}`).toBeGreaterThanOrEqual(5);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
  it("draws commands a shell runs: a tamper after sleep2usleep leaves `usleep` whole (no `utimeout 9 ping`)", () => {
    const glued = fc.sample(commixAttack, { seed: SEED, numRuns: 8000 }).filter((a) => /\w(timeout|usleep)\b/.test(a.value));
    expect(glued.map((a) => `[${a.tampers.join("+")}] ${a.value}`)).toEqual([]);
  });
  it("lets prose with the same words and syntax through", () => {
    assertPassed(h, placed(commixBenign, rcePositions, URL_NAMES), 200);
  });
});
