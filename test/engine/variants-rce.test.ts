// Command injection variants generated from shell grammar (test/support/variants/rce.ts):
// separators and substitutions after an innocent value, Unix and Windows commands with
// arguments, and the evasions the shell undoes; and prose with command words and separators.
import { beforeAll, describe, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { placed, URL_NAMES } from "../support/variants/positions.js";
import { rceAttack, rceBenign, rcePositions } from "../support/variants/rce.js";
import { assertBlocked, assertPassed } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

describe("rce variants", () => {
  it("blocks every generated injection in a query, form, JSON value or cookie", () => {
    assertBlocked(h, placed(rceAttack, rcePositions), 500);
  });
  it("lets prose with command words and separators through", () => {
    assertPassed(h, placed(rceBenign, rcePositions, URL_NAMES), 300);
  });
});
