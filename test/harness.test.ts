import { describe, expect, it } from "vitest";
import { loadHarness } from "./support/harness.js";

describe("harness build", () => {
  it("runs detectors on a value and reports JSON", async () => {
    const h = await loadHarness();
    const out = JSON.parse(h.callString("scanValue", "hello world", 1));
    expect(out.score).toBe(0);
    expect(out.matches).toEqual([]);
  });
});
