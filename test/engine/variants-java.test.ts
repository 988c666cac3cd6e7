// java variants generated from the attack's grammar (test/support/variants/java.ts), placed where
// clients send them; and look-alikes that must pass.
import { beforeAll, describe, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { placed } from "../support/variants/positions.js";
import * as v from "../support/variants/java.js";
import { assertBlocked, assertPassed, asPlaced } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const gen = v as Record<string, any>;

describe("java variants", () => {
  it("blocks every generated attack", () => {
    if (gen.javaAttack) assertBlocked(h, placed(gen.javaAttack, gen.javaPositions), 300);
    if (gen.javaAttackRequest) assertBlocked(h, asPlaced(gen.javaAttackRequest), 200);
  });
  it("lets look-alikes through", () => {
    if (gen.javaBenign) assertPassed(h, placed(gen.javaBenign, gen.javaPositions), 200);
    if (gen.javaBenignRequest) assertPassed(h, asPlaced(gen.javaBenignRequest), 100);
  });
});
