import { describe, it, expect } from "vitest";
import { Writable } from "node:stream";
import { runDemo } from "../../src/sim/demo.js";
import type { Pattern } from "../../src/sim/setup.js";

const WASM = "build/meshwaf.wasm";

/** A non-TTY sink for the plain progress lines. */
function quietOut(): NodeJS.WriteStream {
  const out = new Writable({ write: (_c, _e, cb) => cb() }) as unknown as NodeJS.WriteStream;
  return out;
}

async function run(pattern: Pattern, seconds: number) {
  return runDemo({
    durationSeconds: seconds, pattern, rate: 150, attackRate: 0.15, responseSize: 128, seed: 7, wasmPath: WASM, out: quietOut(),
  });
}

describe("meshwaf demo", () => {
  it("blocks attacks, passes benign traffic and denies every forbidden call (mesh pattern)", async () => {
    const { summary } = await run("mesh", 4);
    expect(summary.requests).toBeGreaterThan(200);
    expect(summary.attacks_sent).toBeGreaterThan(10);
    expect(summary.attacks_blocked).toBeGreaterThan(0.75 * summary.attacks_sent);
    expect(summary.benign_blocked).toBe(0);
    expect(summary.forbidden_attempts).toBeGreaterThan(0);
    expect(summary.forbidden_denied).toBe(summary.forbidden_attempts);
    expect(summary.p50_added_us).toBeGreaterThan(0);
    expect(summary.p99_added_us).toBeGreaterThanOrEqual(summary.p50_added_us);
  });

  for (const pattern of ["sidecar", "layer"] as const) {
    it(`enforces segmentation with NetworkPolicies in the ${pattern} pattern`, async () => {
      const { summary } = await run(pattern, 2);
      expect(summary.forbidden_attempts).toBeGreaterThan(0);
      expect(summary.forbidden_denied).toBe(summary.forbidden_attempts);
      expect(summary.benign_blocked).toBe(0);
    });
  }
});
