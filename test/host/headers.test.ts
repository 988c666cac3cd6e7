import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeHeaderMap, Emulator, encodeHeaderMap, HeaderMap, runRequest, Status, type Header } from "../../src/host/index.js";
import { wat } from "./wat/compile.js";

describe("header map bytes", () => {
  it("encodes count, length pairs, then NUL-terminated keys and values (little-endian)", () => {
    const bytes = encodeHeaderMap([[":path", "/a"], ["x", ""]]);
    expect(Buffer.from(bytes).toString("hex")).toBe(
      "02000000" + "05000000" + "02000000" + "01000000" + "00000000" + Buffer.from(":path\0/a\0x\0\0").toString("hex"),
    );
  });

  const cases: Header[][] = [[], [["a", "b"]], [[":status", "403"], ["content-type", "application/json"], ["x-é", "ü"]]];
  for (const pairs of cases) {
    it(`round-trips ${JSON.stringify(pairs)}`, () => {
      expect(decodeHeaderMap(encodeHeaderMap(pairs))).toEqual(pairs);
    });
  }

  it("encodes any strings (ASCII, multi-byte, astral) exactly as UTF-8 and decodes them back", () => {
    const pair = fc.tuple(fc.string({ unit: "binary", maxLength: 12 }), fc.string({ unit: "binary", maxLength: 40 }));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 8 }), (pairs) => {
        const bytes = encodeHeaderMap(pairs as Header[]);
        const utf8 = new TextEncoder();
        let size = 4;
        for (const [k, v] of pairs) size += 8 + utf8.encode(k).length + utf8.encode(v).length + 2;
        expect(bytes.length).toBe(size);
        // Lone surrogates become U+FFFD, as TextEncoder writes them.
        const wellFormed = pairs.map(([k, v]) => [new TextDecoder().decode(utf8.encode(k)), new TextDecoder().decode(utf8.encode(v))]);
        expect(decodeHeaderMap(bytes)).toEqual(wellFormed);
      }),
      { numRuns: 300 },
    );
  });

  it("rejects truncated bytes", () => {
    expect(decodeHeaderMap(encodeHeaderMap([["abc", "def"]]).subarray(0, 19))).toBeNull();
    expect(decodeHeaderMap(Uint8Array.of(5, 0, 0, 0))).toBeNull();
  });

  it("re-encodes after every change", () => {
    const map = new HeaderMap([["a", "1"]]);
    expect(decodeHeaderMap(map.encode())).toEqual([["a", "1"]]);
    map.add("b", "é");
    expect(decodeHeaderMap(map.encode())).toEqual([["a", "1"], ["b", "é"]]);
    map.replace("a", "2");
    map.remove("b");
    expect(decodeHeaderMap(map.encode())).toEqual([["a", "2"]]);
  });

  it("looks names up lower-case, joins repeated values with a comma", () => {
    const m = new HeaderMap([["Cookie", "a=1"], ["cookie", "b=2"], ["X-Y", "z"]]);
    expect(m.get("COOKIE")).toBe("a=1,b=2");
    m.replace("cookie", "c=3");
    expect(m.entries()).toEqual([["cookie", "c=3"], ["x-y", "z"]]);
    m.remove("X-Y");
    expect(m.get("x-y")).toBeUndefined();
  });
});

describe("request headers through a module", () => {
  it("gives the module pseudo-headers first and lower-case names", async () => {
    const em = await Emulator.load(wat("echo"));
    const out = runRequest(em, {
      method: "POST", path: "/p?q=1", headers: [["Host", "svc.local"], ["X-Mixed-Case", "V"], ["Connection", "keep-alive"], ["x-request-id", "r1"]],
    });
    expect(decodeHeaderMap(out.localReply!.body)).toEqual([
      [":authority", "svc.local"], [":path", "/p?q=1"], [":method", "POST"], [":scheme", "http"],
      ["x-mixed-case", "V"], ["x-request-id", "r1"], ["x-forwarded-proto", "http"],
    ]);
  });

  it("forces a stop after send_local_response and runs the reply through on_response_headers", async () => {
    const em = await Emulator.load(wat("echo"));
    const out = runRequest(em, { path: "/", body: "abc", chunkSize: 1 });
    expect(out.blocked).toBe(true);
    expect(out.status).toBe(200);
    expect(out.forwardedHeaders).toBeUndefined();
    expect(out.forwardedBody.length).toBe(0);
    expect(out.localReply!.details).toBe("echo_details");
    expect(out.localReply!.headers).toContainEqual(["x-echo", "yes"]);
    expect(out.responseHeaders).toContainEqual(["x-echo", "yes"]);
    expect(out.logs.map((l) => l.message)).toEqual(["200"]);
  });

  it("applies add/replace/remove and returns NotFound for a missing header", async () => {
    const em = await Emulator.load(wat("headers"));
    const out = runRequest(em, { path: "/orig", headers: [["cookie", "s=1"], ["accept", "*/*"]], generateRequestId: false });
    expect(out.forwardedHeaders).toEqual([
      [":authority", "localhost"], [":path", "/rewritten"], [":method", "GET"], [":scheme", "http"],
      ["accept", "*/*"], ["x-forwarded-proto", "http"], ["x-added", "1"], ["x-missing", "1"], ["x-size-ok", "1"],
    ]);
  });

  it("makes the request header map unavailable (BadArgument) once headers continued", async () => {
    const em = await Emulator.load(wat("headers"));
    const out = runRequest(em, { method: "POST", path: "/", body: "x=1", headers: [["content-type", "text/plain"]] });
    expect(out.forwardedHeaders).toBeDefined();
    expect(out.localReply!.body.toString()).toBe("22");
  });

  it("replaces the whole map with set_header_map_pairs and refuses malformed map bytes (ParseFailure)", async () => {
    const em = await Emulator.load(wat("pairs"));
    const out = runRequest(em, { path: "/orig", headers: [["accept", "*/*"]] });
    expect(out.forwardedHeaders).toEqual([[":path", "/x"], ["a", "b"], ["x-status", String(Status.ParseFailure)]]);
  });
});
