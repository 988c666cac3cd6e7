import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Emulator, runRequest, type Header } from "../../src/host/index.js";

const noop = () => readFileSync(new URL("../../build/noop.wasm", import.meta.url));

describe("CPU time of a request", () => {
  it("tells the host's own work in host calls from the module's", async () => {
    const em = await Emulator.load(noop());
    // 200 headers of 1 KiB: the host serialises ~200 KiB for get_header_map_pairs, the module copies and parses it.
    const headers: Header[] = Array.from({ length: 200 }, (_, i) => [`x-h${i}`, "v".repeat(1024)]);
    const body = Buffer.alloc(256 * 1024, 0x61);
    const out = runRequest(em, { method: "POST", path: "/", headers, body, chunkSize: 64 * 1024 });
    expect(out.hostUs).toBeGreaterThan(0);
    expect(out.cpuUs - out.hostUs).toBeGreaterThan(0);
    expect(out.hostUs).toBeLessThan(out.cpuUs);
  });
});
