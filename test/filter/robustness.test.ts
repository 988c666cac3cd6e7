// The filter must never trap (a trap fails the VM: every later request gets 503) and must
// not grow its memory across requests. Random requests, malformed bytes, many and huge headers.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { runRequest, type Emulator } from "../../src/host/index.js";
import { loadFilter, sampleCorpus } from "../support/filter.js";

function linearMemoryBytes(em: Emulator): number {
  return (em.memory() as unknown as { memory: WebAssembly.Memory }).memory.buffer.byteLength;
}

describe("robustness", () => {
  it("never traps on random requests", async () => {
    const em = await loadFilter({ logAllowed: true, bodyLimit: 2000, bodyLimitAction: "inspect-partial" });
    const token = fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom(..."GETPOSTXabc-!~") });
    const text = fc.string({ maxLength: 300, unit: fc.oneof(fc.string({ minLength: 1, maxLength: 1, unit: "binary" }), fc.constantFrom("%", "'", '"', "\\", "<", "{", "\u0000", "\u00ff", "\ud83d\ude00", "%zz", "%c0")) });
    const header = fc.tuple(fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(..."abcxyz-_:") }), text);
    const body = fc.oneof(fc.constant(null), text, fc.uint8Array({ maxLength: 3000 }));
    fc.assert(
      fc.property(token, text, fc.array(header, { maxLength: 12 }), body, fc.integer({ min: 1, max: 700 }), (method, path, headers, b, chunkSize) => {
        const out = runRequest(em, { method, path: "/" + path, headers, body: b, chunkSize, source: { address: "1.2.3.4:5" } });
        return !out.failed && (out.status === 200 || out.status === 403);
      }),
      { numRuns: 300 },
    );
    expect(em.failed).toBe(false);
  });

  it("handles many, huge and non-UTF-8 headers and bodies", async () => {
    const em = await loadFilter({ logAllowed: true });
    const many: [string, string][] = Array.from({ length: 300 }, (_, i) => [`x-h${i}`, `v${i}'`]);
    const outs = [
      runRequest(em, { path: "/", headers: many }),
      runRequest(em, { path: "/?a=" + "%".repeat(5000), headers: [["user-agent", "u".repeat(60000)]] }),
      runRequest(em, { method: "POST", path: "/bin", headers: [["content-type", "application/json"]], body: Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0xfe, 0x00, 0x22]) }),
      runRequest(em, { method: "POST", path: "/form", headers: [["content-type", "multipart/form-data; boundary="]], body: "--\r\n\r\n" }),
      runRequest(em, { method: "POST", path: "/", headers: [["content-type", "application/x-www-form-urlencoded"]], body: "=&=&%%%=%" }),
      runRequest(em, { method: "", path: "", generateRequestId: false }),
    ];
    for (const out of outs) expect(out.failed).toBe(false);
    expect(em.failed).toBe(false);
  });

  it("reads every byte the host hands over, and keeps memory flat over many large bodies", async () => {
    const em = await loadFilter("{}");
    const pad = "a plain sentence of prose. ".repeat(2400); // ~64 KB
    const run = (i: number) => runRequest(em, {
      method: "POST", path: "/notes", headers: [["content-type", "application/json"], ["x-request-id", `big-${i}`]],
      body: JSON.stringify({ text: pad, last: i % 2 === 0 ? "1' OR '1'='1" : "plain words" }), chunkSize: 16 * 1024,
    });
    // (the heap grows once, from 1 to 2 MiB, as these bodies' blocks fragment it: at request 95 at 07b671d, at 39 once
    // misses21 moved the static data; it stays 2 MiB for 6,000 requests after in both. The warm-up covers that step.)
    for (let i = 0; i < 150; i++) run(i);
    const before = linearMemoryBytes(em);
    for (let i = 0; i < 60; i++) {
      const out = run(i);
      expect(out.status, `request ${i}`).toBe(i % 2 === 0 ? 403 : 200);
      if (i % 2 === 0) expect(JSON.parse(out.localReply!.body.toString()).request_id).toBe(`big-${i}`);
    }
    expect(linearMemoryBytes(em)).toBe(before);
    expect(em.failed).toBe(false);
  });

  it("reads each request's own headers after one with many more", async () => {
    const em = await loadFilter("{}");
    const many: [string, string][] = Array.from({ length: 300 }, (_, i) => [`x-h${i}`, i === 299 ? "<script>alert(1)</script>" : `v${i}`]);
    expect(runRequest(em, { path: "/", headers: many }).status).toBe(403);
    expect(runRequest(em, { path: "/", headers: [["x-h1", "v1"]] }).status).toBe(200);
    expect(runRequest(em, { path: "/", headers: [["x-h1", "v1"], ["x-h2", "<script>alert(2)</script>"]] }).status).toBe(403);
    expect(runRequest(em, { path: "/", headers: [] }).status).toBe(200);
  });

  it("keeps linear memory flat across requests", async () => {
    const em = await loadFilter("{}");
    const corpus = sampleCorpus(333);
    const round = () => {
      for (let i = 0; i < 3; i++) for (const spec of corpus) runRequest(em, spec);
    };
    round(); // warm-up: the allocator and GC reach their working size
    const before = linearMemoryBytes(em);
    round();
    round();
    expect(linearMemoryBytes(em)).toBe(before);
    expect(before).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(em.activeStreams).toBe(0);
    expect(em.failed).toBe(false);
  });
});
