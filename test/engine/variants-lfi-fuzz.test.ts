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
  // A value of letters and digits only is plain words, which skip the path detectors, unless it spells
  // a dot or separator as a hex literal (missed in a query, form, cookie or JSON before).
  it.each([
    ["0x2e0x2e0x2f0x2e0x2e0x2fetc0x2fpasswd", "query"], ["0x2f0x2e0x2e0x2f0x2e0x2e0x2fetc0x2fpasswd", "json"],
    ["0x2e0x2e0x5c0x2e0x2e0x5c0x2e0x2e0x5cwindows0x5crepair0x5csam", "cookie"], ["0X2E0X2E0X2F0X2E0X2E0X2FETC0X2FSHADOW", "query"],
  ] as const)("blocks %s spelled out in hex with no punctuation (%s)", (v, pos) => {
    expect(inspect(h, request(v, pos)).score).toBeGreaterThanOrEqual(5);
  });
  it.each(["0x2e0x2e", "color 0x2e2e2e and 0x5c5c5c", "0x71C7656EC7ab88b098defB751B7401B5f6d8976F", "flags 0x2f 0x1F 0x5c", "0x2fetc"])("passes %s", (v) => {
    for (const pos of ["query", "cookie", "json"] as const) expect(inspect(h, request(v, pos)).score, pos).toBeLessThan(5);
  });
  it("lets ellipses and dotted text through", () => {
    assertPassed(h, placed(fuzzBenign, lfiBenignPositions, URL_NAMES), 200);
  });
});
