// nodejs variants generated from the attack's grammar (test/support/variants/nodejs.ts), placed where
// clients send them; and look-alikes that must pass.
import { beforeAll, describe, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { placed } from "../support/variants/positions.js";
import * as v from "../support/variants/nodejs.js";
import { assertBlocked, assertPassed, asPlaced } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const gen = v as Record<string, any>;

describe("nodejs variants", () => {
  it("blocks every generated attack", () => {
    if (gen.nodejsAttack) assertBlocked(h, placed(gen.nodejsAttack, gen.nodejsPositions), 300);
    if (gen.nodejsAttackRequest) assertBlocked(h, asPlaced(gen.nodejsAttackRequest), 200);
  });
  it("lets look-alikes through", () => {
    if (gen.nodejsBenign) assertPassed(h, placed(gen.nodejsBenign, gen.nodejsPositions), 200);
    if (gen.nodejsBenignRequest) assertPassed(h, asPlaced(gen.nodejsBenignRequest), 100);
  });
});
