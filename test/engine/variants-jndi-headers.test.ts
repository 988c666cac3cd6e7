// Log4Shell as mass scanners send it (test/support/variants/jndi-headers.ts): a JNDI lookup whose
// keyword, protocol, ':' and '//' are spelled through random nested lookups (lower/upper, `::-`,
// env/sys/k8s/date defaults, lookups inside lookups), in any header a server may log, a cookie, a
// query, a form or JSON (`\u0024\u007b` escaped). And lookups used honestly, which pass.
import { expect, it } from "vitest";
import fc from "fast-check";
import { placed } from "../support/variants/positions.js";
import { jndiAttack, jndiBenign } from "../support/variants/jndi-headers.js";
import { describeFamily } from "../support/variants/check.js";

const SEED = 20261128;

describeFamily("Log4Shell lookups in every carrier", {
  blocks: [
    ["every obfuscated JNDI lookup wherever the scanner puts it", jndiAttack, 800],
  ],
  passes: [
    ["configuration placeholders and JNDI names in prose", placed(jndiBenign, ["query", "form", "json", "header", "cookie"]), 200],
  ],
}, () => {
  it("draws headers, cookies, queries, forms and JSON", () => {
    const seen = new Set(fc.sample(jndiAttack, { seed: SEED, numRuns: 300 }).map((a) => a.where.split(":")[0]));
    expect([...seen].sort()).toEqual(["cookie", "form", "header", "json", "query"]);
  });
});
