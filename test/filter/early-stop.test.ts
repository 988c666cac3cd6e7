// Block mode stops inspecting once the score reaches the threshold; detect mode inspects everything.
import { describe, expect, it } from "vitest";
import { runRequest, type RequestSpec } from "../../src/host/index.js";
import { decisions, loadFilter, sampleCorpus } from "../support/filter.js";

describe("stopping at the threshold", () => {
  // Three separate attacks, each enough to block on its own.
  const spec: RequestSpec = {
    method: "POST",
    path: "/search?q=1%27%20OR%20%271%27%3D%271",
    headers: [["content-type", "application/x-www-form-urlencoded"]],
    body: "comment=%3Cscript%3Ealert(1)%3C%2Fscript%3E&file=..%2F..%2F..%2Fetc%2Fpasswd",
  };

  it("blocks in block mode naming only what settled the verdict, and names everything in detect mode", async () => {
    const block = runRequest(await loadFilter({ mode: "block" }), spec);
    const detect = runRequest(await loadFilter({ mode: "detect" }), spec);
    expect(block.status).toBe(403);
    const blocked = decisions(block.logs)[0];
    const detected = decisions(detect.logs)[0];
    expect(detected.verdict).toBe("detected");
    expect(blocked.score).toBeGreaterThanOrEqual(5);
    expect(detected.categories).toEqual(expect.arrayContaining(["sqli", "xss", "lfi"]));
    expect(blocked.rules.length).toBeLessThan(detected.rules.length);
    for (const rule of blocked.rules) expect(detected.rules).toContain(rule);
  });

  it("gives the same verdict as full inspection on every sample request", async () => {
    const block = await loadFilter({ mode: "block" });
    const detect = await loadFilter({ mode: "detect" });
    for (const r of sampleCorpus()) {
      const a = runRequest(block, r).blocked;
      const line = decisions(runRequest(detect, r).logs)[0];
      expect(a, `${r.method} ${r.path}`).toBe(line?.verdict === "detected");
    }
  });
});
