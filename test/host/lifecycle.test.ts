import { describe, expect, it } from "vitest";
import { Emulator, runRequest, SharedStore, Status } from "../../src/host/index.js";
import { wat } from "./wat/compile.js";

describe("metrics", () => {
  it("counts, gauges and records histograms by name; refuses what Envoy refuses", async () => {
    const em = await Emulator.load(wat("lifecycle"));
    runRequest(em, { path: "/" });
    const out = runRequest(em, { path: "/" });
    expect(em.metric("test_requests")).toBe(2n);
    expect(em.metric("test_gauge")).toBe(6n);
    expect(em.metrics.get("test_hist")).toMatchObject({ kind: "histogram", samples: [42n, 42n] });
    // digits 4 and 5: counter increment by -1 and get_metric on a histogram are BadArgument
    expect(out.localReply!.body.toString().slice(3)).toBe(`${Status.BadArgument}${Status.BadArgument}`);
  });
});

describe("shared data", () => {
  it("returns NotFound, then the value with its cas; a stale cas is CasMismatch", async () => {
    const em = await Emulator.load(wat("lifecycle"));
    // get, set with the get's cas, set with a wrong cas
    expect(runRequest(em, { path: "/" }).localReply!.body.toString().slice(0, 3)).toBe(`${Status.NotFound}${Status.Ok}${Status.CasMismatch}`);
    expect(runRequest(em, { path: "/" }).localReply!.body.toString().slice(0, 3)).toBe(`${Status.Ok}${Status.Ok}${Status.CasMismatch}`);
    expect(Buffer.from(em.shared.get("k")!.value).toString()).toBe("v");
  });

  it("is shared between emulators given the same store", async () => {
    const shared = new SharedStore();
    const a = await Emulator.load(wat("lifecycle"), { shared });
    const b = await Emulator.load(wat("lifecycle"), { shared });
    runRequest(a, { path: "/" });
    expect(runRequest(b, { path: "/" }).localReply!.body.toString()[0]).toBe(String(Status.Ok));
  });

  it("compares and swaps", () => {
    const s = new SharedStore();
    expect(s.set("k", Buffer.from("a"), 0)).toBe(Status.Ok);
    const cas = s.get("k")!.cas;
    expect(s.set("k", Buffer.from("b"), cas)).toBe(Status.Ok);
    expect(s.set("k", Buffer.from("c"), cas)).toBe(Status.CasMismatch);
    expect(Buffer.from(s.get("k")!.value).toString()).toBe("b");
  });
});

describe("root context", () => {
  it("ticks on the root context", async () => {
    const em = await Emulator.load(wat("lifecycle"));
    em.tick();
    em.tick();
    expect(em.logs.filter((l) => l.message === "tick").map((l) => l.contextId)).toEqual([1, 1]);
  });

  it("reconfigures on a new root context and tears the old one down", async () => {
    const em = await Emulator.load(wat("lifecycle"));
    expect(em.reconfigure("{}")).toBe(true);
    expect(em.logs.filter((l) => l.message === "done" || l.message === "delete").map((l) => [l.message, l.contextId])).toEqual([["done", 1], ["delete", 1]]);
    expect(runRequest(em, { path: "/" }).status).toBe(200);
  });

  it("keeps the old configuration when the new one is refused", async () => {
    const em = await Emulator.load(wat("lifecycle"));
    expect(em.reconfigure("nope")).toBe(false);
    expect(em.configured).toBe(true);
    expect(em.logs.filter((l) => l.message === "done").map((l) => l.contextId)).toEqual([2]);
  });

  it("refuses requests when on_configure returned false", async () => {
    const em = await Emulator.load(wat("lifecycle"), { config: "no" });
    expect(() => runRequest(em, { path: "/" })).toThrow(/not configured/);
  });

  it("runs on_log, on_done and on_delete for each stream, and on_done/on_delete at shutdown", async () => {
    const em = await Emulator.load(wat("lifecycle"));
    runRequest(em, { path: "/" });
    em.shutdown();
    expect(em.logs.filter((l) => l.message === "done" || l.message === "delete").map((l) => [l.message, l.contextId])).toEqual([
      ["done", 2], ["delete", 2], ["done", 1], ["delete", 1],
    ]);
    expect(em.activeStreams).toBe(0);
  });
});
