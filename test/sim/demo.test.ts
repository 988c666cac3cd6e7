import { describe, it, expect } from "vitest";
import { Writable } from "node:stream";
import { runDemo } from "../../src/sim/demo.js";
import type { Pattern } from "../../src/sim/setup.js";
import { runCliInProcess as runCli } from "../support/cli.js";

const WASM = "build/meshwaf.wasm";

/** A non-TTY sink for the plain progress lines. */
function quietOut(): NodeJS.WriteStream {
  const out = new Writable({ write: (_c, _e, cb) => cb() }) as unknown as NodeJS.WriteStream;
  return out;
}

/** A fixed number of requests (the duration is only a bound), so the traffic is the same however loaded the machine is. */
async function run(pattern: Pattern, requests: number) {
  return runDemo({
    durationSeconds: 120, maxRequests: requests, pattern, rate: 150, attackRate: 0.15, responseSize: 128, seed: 7, wasmPath: WASM, out: quietOut(),
  });
}

describe("meshwaf demo", () => {
  it("blocks attacks, passes benign traffic and denies every forbidden call (mesh pattern)", async () => {
    const { summary } = await run("mesh", 400);
    expect(summary.requests).toBe(400);
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
      const { summary } = await run(pattern, 150);
      expect(summary.requests).toBe(150);
      expect(summary.forbidden_attempts).toBeGreaterThan(0);
      expect(summary.forbidden_denied).toBe(summary.forbidden_attempts);
      expect(summary.benign_blocked).toBe(0);
    });
  }

  it("refuses a request count that is not a whole number from 1, naming the flag, before starting anything", async () => {
    for (const bad of ["0", "2.5", "many"]) {
      const r = await runCli(["demo", "--requests", bad]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`--requests must be`);
      expect(r.stderr).toContain(`got '${bad}'`);
    }
  });
});
