// xxe variants generated from the attack's grammar (test/support/variants/xxe.ts), placed where
// clients send them; and look-alikes that must pass.
import { beforeAll, describe, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { placed } from "../support/variants/positions.js";
import * as v from "../support/variants/xxe.js";
import { assertBlocked, assertPassed, asPlaced } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const gen = v as Record<string, any>;

describe("xxe variants", () => {
  it("blocks every generated attack", () => {
    if (gen.xxeAttack) assertBlocked(h, placed(gen.xxeAttack, gen.xxePositions), 300);
    if (gen.xxeAttackRequest) assertBlocked(h, asPlaced(gen.xxeAttackRequest), 200);
  });
  it("lets look-alikes through", () => {
    if (gen.xxeBenign) assertPassed(h, placed(gen.xxeBenign, gen.xxePositions), 200);
    if (gen.xxeBenignRequest) assertPassed(h, asPlaced(gen.xxeBenignRequest), 100);
  });
});
