// SSRF variants generated from URL grammar (test/support/variants/ssrf.ts): metadata and
// loopback hosts in every notation, scheme-relative URLs, user-info tricks, raw-protocol
// schemes; and ordinary URLs given to webhook and redirect parameters.
import { beforeAll, describe, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { placed, URL_NAMES } from "../support/variants/positions.js";
import { ssrfAttack, ssrfBenign, ssrfPositions } from "../support/variants/ssrf.js";
import { assertBlocked, assertPassed } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

describe("ssrf variants", () => {
  it("blocks every generated SSRF URL in a query, form or JSON value", () => {
    assertBlocked(h, placed(ssrfAttack, ssrfPositions), 400);
  });
  it("lets ordinary URLs in URL-taking parameters through", () => {
    assertPassed(h, placed(ssrfBenign, ssrfPositions, URL_NAMES), 300);
  });
});
