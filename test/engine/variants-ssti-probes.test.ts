// Template injection as scanners send it (test/support/variants/ssti-probes.ts): rendering probes
// with random numbers in every engine's delimiters (Smarty `{a*b}` and Razor `@(a*b)` too), string
// operator probes, object chains with random indexes, FreeMarker's square-bracket directives,
// Handlebars block helpers and the delimiter polyglot; and placeholders, prices and braces in
// ordinary values, which pass.
import { beforeAll, describe, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { placed } from "../support/variants/positions.js";
import { sstiProbe, sstiProbeBenign } from "../support/variants/ssti-probes.js";
import { assertBlocked, assertPassed } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

describe("scanner template probes", () => {
  it("blocks every probe and chain in a query, form, JSON value or cookie", () => {
    assertBlocked(h, placed(sstiProbe, ["query", "form", "json", "cookie"]), 500);
  });
  it("lets placeholders, braces and at-signs in ordinary values through", () => {
    assertPassed(h, placed(sstiProbeBenign, ["query", "form", "json", "cookie", "header"]), 300);
  });
});
