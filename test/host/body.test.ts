import { describe, expect, it } from "vitest";
import { DataAction, Emulator, runRequest } from "../../src/host/index.js";
import { wat } from "./wat/compile.js";

describe("request bodies like Envoy", () => {
  it("gives each on_request_body the accumulated buffer while the module buffers", async () => {
    const em = await Emulator.load(wat("buffer"));
    const s = em.newStream();
    em.onRequestHeaders(s, [[":path", "/"], [":method", "POST"]], false);
    const results = ["Xab", "cd", "ef"].map((c, i, all) => em.onRequestBody(s, Buffer.from(c), i === all.length - 1));
    expect(results).toEqual([DataAction.StopIterationAndBuffer, DataAction.StopIterationAndBuffer, DataAction.StopIterationNoBuffer]);
    expect(s.localReply?.status).toBe(403);
    expect(s.localReply?.body.toString()).toBe("Xabcdef");
    expect(s.localReply?.details).toBe("blocked_by_test");
  });

  const flows: [string, string, number, string, boolean][] = [
    // body, chunk size, forwarded body, blocked
    ["whole body forwarded after buffering", "hello world", 3, "hello world", false],
    ["streamed chunk by chunk", "Streaming body", 4, "Streaming body", false],
    ["rewritten with set_buffer_bytes", "Rewrite me", 2, "rewritten", false],
    ["blocked: nothing reaches the upstream", "X' OR 1=1", 2, "", true],
  ];
  for (const [name, body, chunkSize, forwarded, blocked] of flows) {
    it(name, async () => {
      const em = await Emulator.load(wat("buffer"));
      const out = runRequest(em, { method: "POST", body, chunkSize, headers: [["content-type", "text/plain"]] });
      expect(out.forwardedBody.toString()).toBe(forwarded);
      expect(out.blocked).toBe(blocked);
      expect(out.status).toBe(blocked ? 403 : 200);
    });
  }

  it("does not deliver chunks after a local reply, and the reply passes on_response_headers", async () => {
    const em = await Emulator.load(wat("echo"));
    const s = em.newStream();
    em.onRequestHeaders(s, [[":path", "/"]], false);
    expect(em.onRequestBody(s, Buffer.from("more"), true)).toBeUndefined();
    expect(em.logs.map((l) => l.message)).toEqual(["200"]);
  });

  it("answers 413 itself when buffering passes the buffer limit", async () => {
    const em = await Emulator.load(wat("buffer"), { bufferLimit: 10 });
    const out = runRequest(em, { method: "POST", body: "B".repeat(25), chunkSize: 4 });
    expect(out.status).toBe(413);
    expect(out.localReply?.by).toBe("host");
    expect(out.localReply?.details).toBe("request_payload_too_large");
    expect(out.forwardedBody.length).toBe(0);
    expect(out.logs.map((l) => l.message)).toEqual(["413"]);
  });

  it("holds a request whose module never continues (no response)", async () => {
    const em = await Emulator.load(wat("buffer"));
    const out = runRequest(em, { method: "POST", body: "Buffer forever", chunkSize: 5 });
    expect(out.status).toBeUndefined();
    expect(out.held).toBe(true);
    expect(out.forwardedComplete).toBe(false);
    expect(out.forwardedBody.length).toBe(0);
  });
});

describe("a trap fails the VM", () => {
  it("answers 503 for the stream that trapped and for every later one", async () => {
    const em = await Emulator.load(wat("trap"));
    const first = runRequest(em, { path: "/" });
    expect(first).toMatchObject({ blocked: true, status: 503, failed: true });
    expect(first.localReply?.details).toBe("wasm_fail_stream");
    expect(em.failure?.callback).toBe("proxy_on_request_headers");
    expect(em.failure?.message).toMatch(/unreachable/);
    const second = runRequest(em, { path: "/" });
    expect(second.status).toBe(503);
    expect(second.logs).toEqual([]); // the module is not called again
  });

  it("passes requests uninspected when fail-open", async () => {
    const em = await Emulator.load(wat("trap"), { failOpen: true });
    runRequest(em, { path: "/" });
    const later = runRequest(em, { path: "/next" });
    expect(later.status).toBe(200);
    expect(later.forwardedHeaders?.find(([k]) => k === ":path")?.[1]).toBe("/next");
    expect(later.logs).toEqual([]);
  });
});

describe("a stop from on_request_headers (StopAllIterationAndWatermark under 0.2.x)", () => {
  it("holds headers and body: on_request_body is not called", async () => {
    const em = await Emulator.load(wat("hold"));
    const out = runRequest(em, { method: "POST", body: "abc", chunkSize: 1 });
    expect(out.held).toBe(true);
    expect(out.forwardedHeaders).toBeUndefined();
    expect(out.logs).toEqual([]);
  });

  it("delivers the queued body once the module calls proxy_continue_stream", async () => {
    const em = await Emulator.load(wat("hold"));
    const up: string[] = [];
    const s = em.newStream({ sinks: { upstreamHeaders: () => void up.push("headers"), upstreamData: (c, eos) => void up.push(`${c}${eos ? "." : ""}`) } });
    em.onRequestHeaders(s, [[":path", "/"], [":method", "POST"]], false);
    em.onRequestBody(s, Buffer.from("ab"), false);
    em.onRequestBody(s, Buffer.from("cd"), true);
    expect(up).toEqual([]);
    em.tick();
    expect(up).toEqual(["headers", "abcd."]);
    expect(em.logs.map((l) => l.message)).toEqual(["body 4"]);
  });
});
