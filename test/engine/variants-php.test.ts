// php variants generated from the attack's grammar (test/support/variants/php.ts), placed where
// clients send them; and look-alikes that must pass.
import { beforeAll, describe, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { placed } from "../support/variants/positions.js";
import * as v from "../support/variants/php.js";
import { assertBlocked, assertPassed, asPlaced } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const gen = v as Record<string, any>;

describe("php variants", () => {
  it("blocks every generated attack", () => {
    if (gen.phpAttack) assertBlocked(h, placed(gen.phpAttack, gen.phpPositions), 300);
    if (gen.phpAttackRequest) assertBlocked(h, asPlaced(gen.phpAttackRequest), 200);
  });
  it("lets look-alikes through", () => {
    if (gen.phpBenign) assertPassed(h, placed(gen.phpBenign, gen.phpPositions), 200);
    if (gen.phpBenignRequest) assertPassed(h, asPlaced(gen.phpBenignRequest), 100);
  });
});
