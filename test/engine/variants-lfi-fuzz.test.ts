// Path traversal as fuzzers send it (test/support/variants/lfi-fuzz.ts): each spelling of the dots
// crossed with each spelling of the separator, including those no decoder knows (%uF025, %uEFC8,
// %c0%5c, %c1%af), at random depths, in the path, a query, a cookie or JSON; and ellipses and dotted
// text, ASCII and not, which pass.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, type Req } from "../support/engine.js";
import { fuzzedTraversal, fuzzBenign } from "../support/variants/lfi-fuzz.js";
import { placed, URL_NAMES } from "../support/variants/positions.js";
import { lfiBenignPositions } from "../support/variants/lfi.js";
import { assertPassed } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

/** The fuzzer's escapes are the request's bytes: only what the position cannot hold raw is escaped. */
const esc = (v: string) => v.replace(/[\x00-\x20#&+\x7f-\uffff]/g, (c) => encodeURIComponent(c));
function request(v: string, pos: "query" | "path" | "cookie" | "json"): Req {
  switch (pos) {
    case "query": return { path: `/download?file=${esc(v)}`, headers: [["host", "svc.local"]] };
    case "path": return { path: `/static/${esc(v).replace(/\?/g, "%3F")}`, headers: [["host", "svc.local"]] };
    case "cookie": return { path: "/", headers: [["host", "svc.local"], ["cookie", `lang=${esc(v).replace(/;/g, "%3B")}`]] };
    case "json": return { method: "POST", path: "/api/file", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: JSON.stringify({ path: v }) };
  }
}

describe("fuzzed path traversal", () => {
  it("blocks every spelling of dots and separator, in the path, a query, a cookie or JSON", () => {
    fc.assert(
      fc.property(fuzzedTraversal, fc.constantFrom("query" as const, "path" as const, "cookie" as const, "json" as const), (t, pos) => {
        const v = inspect(h, request(t.value, pos));
        expect(v.score, `${pos} ${t.value}`).toBeGreaterThanOrEqual(5);
      }),
      { seed: 20261128, numRuns: 500 },
    );
  });
  it("lets ellipses and dotted text through", () => {
    assertPassed(h, placed(fuzzBenign, lfiBenignPositions, URL_NAMES), 200);
  });
});
