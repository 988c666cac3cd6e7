// ldap variants generated from the attack's grammar (test/support/variants/ldap.ts), placed where
// clients send them; and look-alikes that must pass.
import { beforeAll, describe, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { placed } from "../support/variants/positions.js";
import * as v from "../support/variants/ldap.js";
import { assertBlocked, assertPassed, asPlaced } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const gen = v as Record<string, any>;

describe("ldap variants", () => {
  it("blocks every generated attack", () => {
    if (gen.ldapAttack) assertBlocked(h, placed(gen.ldapAttack, gen.ldapPositions), 300);
    if (gen.ldapAttackRequest) assertBlocked(h, asPlaced(gen.ldapAttackRequest), 200);
  });
  it("lets look-alikes through", () => {
    if (gen.ldapBenign) assertPassed(h, placed(gen.ldapBenign, gen.ldapPositions), 200);
    if (gen.ldapBenignRequest) assertPassed(h, asPlaced(gen.ldapBenignRequest), 100);
  });
});
