// gRPC request streams through the filter: messages are inspected as they arrive and let
// through batch by batch (a client-streaming or bidirectional call is never held to its end),
// a message split across chunks is inspected whole, and an attack in a later message is answered.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Emulator, Header } from "../../src/host/index.js";
import { decisions, loadFilter } from "../support/filter.js";
import { grpcFrames, message } from "../support/protobuf.js";

const HEADERS: Header[] = [
  [":authority", "chat.svc.cluster.local"], [":path", "/chat.v1.Chat/Talk"], [":method", "POST"], [":scheme", "http"],
  ["content-type", "application/grpc"], ["te", "trailers"], ["x-request-id", "stream-1"],
];
const frame = (text: string) => Buffer.from(grpcFrames(message([[1, text]])));
const ATTACK = "1' UNION SELECT password FROM users -- ";

/** A stream whose upstream writes are recorded: "headers", then each chunk's text (`.` at its end of stream). */
function open(em: Emulator, headers: Header[] = HEADERS) {
  const upstream: Buffer[] = [];
  let ended = false;
  let reset = false;
  const stream = em.newStream({
    sinks: {
      upstreamData: (c, eos) => void (upstream.push(Buffer.from(c)), (ended = eos)),
      upstreamReset: () => void (reset = true),
    },
  });
  em.onRequestHeaders(stream, headers, false);
  return {
    stream,
    send: (chunk: Buffer, eos = false) => em.onRequestBody(stream, chunk, eos),
    forwarded: () => Buffer.concat(upstream),
    ended: () => ended,
    reset: () => reset,
  };
}

describe("gRPC request streams", () => {
  it("lets each whole message through as it arrives, before the client half-closes", async () => {
    const em = await loadFilter("{}");
    const s = open(em);
    const messages = ["hello", "how are you?", "bye for now"].map(frame);
    for (const [i, m] of messages.entries()) {
      s.send(m);
      expect(s.forwarded()).toEqual(Buffer.concat(messages.slice(0, i + 1)));
    }
    s.send(Buffer.alloc(0), true);
    expect(s.ended()).toBe(true);
    expect(s.stream.localReply).toBeUndefined();
  });

  it("holds a message split across chunks until it is whole, and finds the attack across the cut", async () => {
    const em = await loadFilter("{}");
    const s = open(em);
    const first = frame("a clean first message");
    s.send(first);
    const bad = frame(ATTACK);
    const cut = 5 + ATTACK.indexOf("SELECT") + 3;
    s.send(bad.subarray(0, cut));
    expect(s.forwarded()).toEqual(first); // the partial message waits
    s.send(bad.subarray(cut));
    expect(s.stream.localReply?.status).toBe(403);
    expect(s.forwarded()).toEqual(first); // the attack never reached the upstream
    expect(s.reset()).toBe(true);
    const [line] = decisions(em.logs);
    expect(line).toMatchObject({ verdict: "blocked", request_id: "stream-1" });
    expect(line.matches.some((m: { target: string }) => m.target.startsWith("grpc:1"))).toBe(true);
  });

  it("inspects the path and headers with the first batch only", async () => {
    const em = await loadFilter("{}");
    const headers: Header[] = HEADERS.map(([k, v]) => (k === ":path" ? [k, "/chat.v1.Chat/Talk?q=1%27%20OR%20%271%27%3D%271"] : [k, v]));
    const s = open(em, headers);
    s.send(frame("hello"));
    expect(s.stream.localReply?.status).toBe(403);
    // in detect mode every batch is inspected, and only the first names the query
    const detect = await loadFilter({ mode: "detect" });
    const d = open(detect, headers);
    d.send(frame("hello"));
    d.send(frame("again"));
    d.send(frame(ATTACK), true);
    const lines = decisions(detect.logs);
    expect(lines.map((l) => l.verdict)).toEqual(["detected", "detected"]);
    expect(lines[0].matches.some((m: { target: string }) => m.target.startsWith("args:q"))).toBe(true);
    expect(lines[1].matches.every((m: { target: string }) => m.target.startsWith("grpc:") || m.target === "body")).toBe(true);
    expect(d.ended()).toBe(true);
  });

  it("buffers gRPC-Web and other bodies to their end, as before", async () => {
    const em = await loadFilter("{}");
    const web = open(em, HEADERS.map(([k, v]) => (k === "content-type" ? [k, "application/grpc-web+proto"] : [k, v])));
    web.send(frame("hello"));
    expect(web.forwarded().length).toBe(0);
    web.send(Buffer.alloc(0), true);
    expect(web.forwarded()).toEqual(frame("hello"));
  });

  it("applies bodyLimit to a message that never ends", async () => {
    const em = await loadFilter({ bodyLimit: 1024, bodyLimitAction: "reject" });
    const s = open(em);
    const big = frame("x".repeat(4000));
    s.send(big.subarray(0, 600));
    expect(s.stream.localReply).toBeUndefined();
    s.send(big.subarray(600, 1600));
    expect(s.stream.localReply?.status).toBe(413);
    expect(s.forwarded().length).toBe(0);
  });

  it("whatever the chunking: blocked exactly when a message is an attack, and only whole clean messages before it get through", async () => {
    const em = await loadFilter("{}");
    const texts = ["hello there", "order 7 shipped", "O'Brien says hi", "see https://example.com/docs?id=4", ATTACK, "<script>alert(document.cookie)</script>"];
    const attack = (i: number) => i >= 4;
    fc.assert(fc.property(fc.array(fc.nat(texts.length - 1), { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), (picks, sizes) => {
      const frames = picks.map((i) => frame(texts[i]));
      const body = Buffer.concat(frames);
      const s = open(em);
      for (let off = 0, k = 0; off < body.length && !s.stream.localReply; k++) {
        const end = Math.min(body.length, off + sizes[k % sizes.length]);
        s.send(body.subarray(off, end), end === body.length);
        off = end;
      }
      const firstAttack = picks.findIndex(attack);
      expect(s.stream.localReply !== undefined).toBe(firstAttack >= 0);
      const clean = Buffer.concat(frames.slice(0, firstAttack < 0 ? frames.length : firstAttack));
      const got = s.forwarded();
      expect(clean.subarray(0, got.length)).toEqual(got); // a prefix of the clean messages
      if (firstAttack < 0) expect(got).toEqual(body);
      em.finishStream(s.stream);
    }), { numRuns: 150 });
  });

  it("collects the garbage of a stream that stays open, batch by batch", async () => {
    const em = await loadFilter("{}");
    const s = open(em);
    const note = Array.from({ length: 60 }, (_, i) => `item ${i} ships to Lyon, order ${i * 7919}`).join("; ");
    const m = frame(note);
    for (let i = 0; i < 3000; i++) s.send(m); // ~7 MB of messages, and no stream ends
    expect(s.stream.localReply).toBeUndefined();
    expect(s.forwarded().length).toBe(3000 * m.length);
    // without collections between batches, linear memory grew to 32 MiB here
    expect((em.memory() as unknown as { memory: WebAssembly.Memory }).memory.buffer.byteLength).toBeLessThanOrEqual(2 * 1024 * 1024);
  });
});
