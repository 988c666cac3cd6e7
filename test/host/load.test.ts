import { describe, expect, it } from "vitest";
import { Emulator, HostError } from "../../src/host/index.js";
import { wat } from "./wat/compile.js";

describe("loading a module like Envoy", () => {
  const refusals: [string, RegExp][] = [
    ["unknown-import", /missing import: env\.abort$/],
    ["route-cache", /missing import: env\.proxy_clear_route_cache$/],
    ["no-malloc", /missing malloc/],
    ["start-property", /start-up failed: proxy_get_property is not allowed during start-up/],
  ];
  for (const [module, message] of refusals) {
    it(`refuses ${module}`, async () => {
      const err = await Emulator.load(wat(module)).catch((e) => e);
      expect(err).toBeInstanceOf(HostError);
      expect(err.message).toMatch(message);
    });
  }

  it("refuses bytes that are not a module", async () => {
    await expect(Emulator.load(new Uint8Array([1, 2, 3]))).rejects.toThrow(/invalid Wasm module/);
  });

  it("runs _initialize, on_vm_start and on_configure, with WASI output as log lines", async () => {
    const em = await Emulator.load(wat("lifecycle"), { logLevel: "trace" });
    expect(em.configured).toBe(true);
    expect(em.logs.slice(0, 4)).toEqual([
      { level: "info", message: "started", contextId: 0 },
      { level: "info", message: "log at start", contextId: 0 },
      { level: "error", message: "to stderr", contextId: 1 },
      { level: "error", message: "wasi proc_exit(3)", contextId: 1 },
    ]);
    expect(em.tickPeriodMs).toBe(250);
  });

  it("reports on_configure returning false", async () => {
    const em = await Emulator.load(wat("lifecycle"), { config: "no" });
    expect(em.configured).toBe(false);
  });

  const levels: ["trace" | "debug" | "info" | "warn" | "error" | "critical", string[], string][] = [
    ["trace", ["L0", "L1", "L2", "L3", "L4", "L5"], "level=0"],
    ["info", ["L2", "L3", "L4", "L5"], "level=2"],
    ["error", ["L4", "L5"], "level=4"],
  ];
  for (const [level, shown, reported] of levels) {
    it(`filters proxy_log below ${level} and reports the level to the module`, async () => {
      const em = await Emulator.load(wat("lifecycle"), { logLevel: level });
      const lines = em.logs.map((l) => l.message);
      expect(lines.filter((m) => /^L\d$/.test(m))).toEqual(shown);
      expect(lines).toContain(reported);
    });
  }

  it("logs at the levels the module asked for", async () => {
    const em = await Emulator.load(wat("lifecycle"), { logLevel: "trace" });
    const byMessage = Object.fromEntries(em.logs.filter((l) => /^L\d$/.test(l.message)).map((l) => [l.message, l.level]));
    expect(byMessage).toEqual({ L0: "trace", L1: "debug", L2: "info", L3: "warn", L4: "error", L5: "critical" });
  });
});
