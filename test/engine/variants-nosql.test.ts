// nosql variants generated from the attack's grammar (test/support/variants/nosql.ts), placed where
// clients send them; and look-alikes that must pass.
import { beforeAll, describe, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { placed } from "../support/variants/positions.js";
import * as v from "../support/variants/nosql.js";
import { assertBlocked, assertPassed, asPlaced } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const gen = v as Record<string, any>;

describe("nosql variants", () => {
  it("blocks every generated attack", () => {
    if (gen.nosqlAttack) assertBlocked(h, placed(gen.nosqlAttack, gen.nosqlPositions), 300);
    if (gen.nosqlAttackRequest) assertBlocked(h, asPlaced(gen.nosqlAttackRequest), 200);
  });
  it("lets look-alikes through", () => {
    if (gen.nosqlBenign) assertPassed(h, placed(gen.nosqlBenign, gen.nosqlPositions), 200);
    if (gen.nosqlBenignRequest) assertPassed(h, asPlaced(gen.nosqlBenignRequest), 100);
  });
});
