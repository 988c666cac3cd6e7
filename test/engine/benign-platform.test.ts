// More benign east-west traffic (test/support/benign/platform-families.ts): what config UIs,
// platform tooling and the mesh itself send — regexes, LogQL stages, templates, pod specs, webhooks,
// search and document-store queries, saved SQL, trace and identity headers. None may block at PL1.
import { beforeAll, describe, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { assertPassed } from "../support/variants/check.js";
import { families, openFamilies } from "../support/benign/platform-families.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

describe("benign platform traffic at paranoia 1", () => {
  it.each(families)("%s is not blocked", (_name, reqs, runs) => {
    assertPassed(h, reqs, runs);
  });
});

// openFamilies (platform-families.ts) are blocked in part on purpose: each passes with the exclusion its API needs
// (without it: run assertPassed(h, reqs, runs, seed) to explore what blocks).
describe("benign platform traffic with its route exclusion at paranoia 1", () => {
  it.each(openFamilies)("%s is not blocked on its route", (_name, reqs, runs, exclusion) => {
    assertPassed(h, reqs, runs, undefined, exclusion);
  });
});
