// rfi variants generated from the attack's grammar (test/support/variants/rfi.ts), placed where
// clients send them; and look-alikes that must pass.
import { beforeAll, describe, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { placed } from "../support/variants/positions.js";
import * as v from "../support/variants/rfi.js";
import { assertBlocked, assertPassed, asPlaced } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const gen = v as Record<string, any>;

describe("rfi variants", () => {
  it("blocks every generated attack", () => {
    if (gen.rfiAttack) assertBlocked(h, placed(gen.rfiAttack, gen.rfiPositions, gen.rfiNames), 300);
    if (gen.rfiAttackRequest) assertBlocked(h, asPlaced(gen.rfiAttackRequest), 200);
  });
  it("lets look-alikes through", () => {
    if (gen.rfiBenign) assertPassed(h, placed(gen.rfiBenign, gen.rfiPositions), 200);
    if (gen.rfiBenignRequest) assertPassed(h, asPlaced(gen.rfiBenignRequest), 100);
  });
});
