// Path traversal / LFI variants generated from the grammar (test/support/variants/lfi.ts):
// `../` in every encoding servers undo, at a depth that leaves the application's directory,
// towards files worth reading, plus stream wrappers; and ordinary relative paths and prose.
import { beforeAll, describe, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { placed, URL_NAMES } from "../support/variants/positions.js";
import { lfiAttack, lfiBenign, lfiPositions, lfiBenignPositions } from "../support/variants/lfi.js";
import { assertBlocked, assertPassed } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

describe("lfi variants", () => {
  it("blocks every generated traversal or inclusion in the path, a query, form, JSON value or cookie", () => {
    assertBlocked(h, placed(lfiAttack, lfiPositions), 500);
  });
  it("lets ordinary file paths and prose through", () => {
    assertPassed(h, placed(lfiBenign, lfiBenignPositions, URL_NAMES), 300);
  });
});
