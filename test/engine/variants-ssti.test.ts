// ssti variants generated from the attack's grammar (test/support/variants/ssti.ts), placed where
// clients send them; and look-alikes that must pass.
import { beforeAll, describe, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { placed } from "../support/variants/positions.js";
import * as v from "../support/variants/ssti.js";
import { assertBlocked, assertPassed, asPlaced } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const gen = v as Record<string, any>;

describe("ssti variants", () => {
  it("blocks every generated attack", () => {
    if (gen.sstiAttack) assertBlocked(h, placed(gen.sstiAttack, gen.sstiPositions), 300);
    if (gen.sstiAttackRequest) assertBlocked(h, asPlaced(gen.sstiAttackRequest), 200);
  });
  it("lets look-alikes through", () => {
    if (gen.sstiBenign) assertPassed(h, placed(gen.sstiBenign, gen.sstiPositions), 200);
    if (gen.sstiBenignRequest) assertPassed(h, asPlaced(gen.sstiBenignRequest), 100);
  });
});
