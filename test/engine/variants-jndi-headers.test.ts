// Log4Shell as mass scanners send it (test/support/variants/jndi-headers.ts): a JNDI lookup whose
// keyword, protocol, ':' and '//' are spelled through random nested lookups (lower/upper, `::-`,
// env/sys/k8s/date defaults, lookups inside lookups), in any header a server may log, a cookie, a
// query, a form or JSON (`\u0024\u007b` escaped). And lookups used honestly, which pass.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";
import { placed } from "../support/variants/positions.js";
import { jndiAttack, jndiBenign } from "../support/variants/jndi-headers.js";
import { assertBlocked, assertPassed } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const SEED = 20261128;

describe("Log4Shell lookups in every carrier", () => {
  it("blocks every obfuscated JNDI lookup wherever the scanner puts it", () => {
    assertBlocked(h, jndiAttack, 800, SEED);
  });

  it("draws headers, cookies, queries, forms and JSON", () => {
    const seen = new Set(fc.sample(jndiAttack, { seed: SEED, numRuns: 300 }).map((a) => a.where.split(":")[0]));
    expect([...seen].sort()).toEqual(["cookie", "form", "header", "json", "query"]);
  });

  it("lets configuration placeholders and JNDI names in prose through", () => {
    assertPassed(h, placed(jndiBenign, ["query", "form", "json", "header", "cookie"]), 200);
  });
});
