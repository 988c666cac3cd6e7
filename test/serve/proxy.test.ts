import { readFileSync } from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Emulator } from "../../src/host/index.js";
import { startProxy, type RunningProxy } from "../../src/serve/proxy.js";
import { wat } from "../host/wat/compile.js";
import { request, startUpstream, type Upstream } from "./upstream.js";

let upstream: Upstream;
let proxy: RunningProxy;

beforeAll(async () => {
  upstream = await startUpstream();
  const em = await Emulator.load(wat("buffer"));
  proxy = await startProxy({ emulator: em, upstream: new URL(upstream.url), port: 0 });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

describe("serve with a module that buffers bodies", () => {
  it("forwards a request without body and returns the upstream's answer", async () => {
    const r = await request(`${proxy.url}/hello?q=1`, { headers: { "x-request-id": "t-1" } });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ method: "GET", url: "/hello?q=1", bytes: 0 });
    expect(r.headers["x-upstream"]).toBe("yes");
    const got = upstream.received.find((x) => x.headers["x-request-id"] === "t-1")!;
    expect(got.headers.host).toBe(new URL(proxy.url).host);
    expect(got.headers["x-forwarded-proto"]).toBe("http");
  });

  it("streams a body sent in pieces and forwards it byte-exact", async () => {
    const pieces = [Buffer.from("first "), Buffer.from("second "), Buffer.from([0, 1, 2, 255])];
    const r = await request(`${proxy.url}/upload`, { method: "POST", headers: { "content-type": "application/octet-stream", "content-length": "17", "x-request-id": "t-2" }, body: pieces });
    expect(r.status).toBe(200);
    const got = upstream.received.find((x) => x.headers["x-request-id"] === "t-2")!;
    expect(got.body).toEqual(Buffer.concat(pieces));
  });

  it("forwards a chunked (transfer-encoding) body", async () => {
    const r = await request(`${proxy.url}/chunked`, { method: "PUT", headers: { "x-request-id": "t-3" }, body: [Buffer.from("abc"), Buffer.from("def")] });
    expect(r.status).toBe(200);
    expect(upstream.received.find((x) => x.headers["x-request-id"] === "t-3")!.body.toString()).toBe("abcdef");
  });

  it("answers with the local reply and the blocked body never reaches the upstream", async () => {
    const r = await request(`${proxy.url}/login`, { method: "POST", headers: { "content-type": "text/plain", "x-request-id": "t-4" }, body: [Buffer.from("X-evil "), Buffer.from("payload")] });
    expect(r.status).toBe(403);
    expect(r.body).toBe("X-evil payload");
    expect(upstream.received.some((x) => x.headers["x-request-id"] === "t-4")).toBe(false);
  });

  it("serves concurrent keep-alive requests", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => request(`${proxy.url}/c${i}`, { method: "POST", headers: { "content-type": "text/plain" }, body: `body-${i}`, agent })),
    );
    agent.destroy();
    expect(results.map((r) => r.status)).toEqual(Array(24).fill(200));
    expect(results.map((r) => JSON.parse(r.body).url)).toEqual(Array.from({ length: 24 }, (_, i) => `/c${i}`));
  });
});

describe("serve with an unreachable upstream", () => {
  it("answers 503 like Envoy's router", async () => {
    const dead = await startUpstream();
    await dead.close();
    const em = await Emulator.load(wat("buffer"));
    const p = await startProxy({ emulator: em, upstream: new URL(dead.url), port: 0 });
    const r = await request(`${p.url}/`);
    await p.close();
    expect(r.status).toBe(503);
    expect(r.body).toMatch(/^upstream connect error/);
  });
});

describe("serve with the real filter", () => {
  let up: Upstream;
  let p: RunningProxy;
  beforeAll(async () => {
    up = await startUpstream();
    const em = await Emulator.load(readFileSync(new URL("../../build/meshwaf.wasm", import.meta.url)), { config: '{"mode":"block"}' });
    p = await startProxy({ emulator: em, upstream: new URL(up.url), port: 0 });
  });
  afterAll(async () => {
    await p.close();
    await up.close();
  });

  it("passes GET /?q=hello", async () => {
    const r = await request(`${p.url}/?q=hello`);
    expect(r.status).toBe(200);
    expect(up.received.map((x) => x.url)).toContain("/?q=hello");
  });

  it("blocks GET /?id=1' OR '1'='1 with a 403 naming the request id", async () => {
    const r = await request(`${p.url}/?id=1%27%20OR%20%271%27%3D%271`, { headers: { "x-request-id": "sqli-1" } });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).request_id).toBe("sqli-1");
    expect(up.received.some((x) => x.headers["x-request-id"] === "sqli-1")).toBe(false);
  });

  it("passes a benign JSON POST byte-exact", async () => {
    const body = JSON.stringify({ user: "o'brien", comment: "Select the blue one -- it's better; drop by anytime." });
    const r = await request(`${p.url}/comments`, { method: "POST", headers: { "content-type": "application/json", "x-request-id": "json-ok" }, body });
    expect(r.status).toBe(200);
    expect(up.received.find((x) => x.headers["x-request-id"] === "json-ok")!.body.toString()).toBe(body);
  });

  it("blocks a JSON login body split across two chunks, before any body byte reaches the upstream", async () => {
    const pieces = [Buffer.from('{"user":"admin'), Buffer.from(`' --"}`)];
    const r = await request(`${p.url}/login`, { method: "POST", headers: { "content-type": "application/json", "x-request-id": "login-1", "content-length": "20" }, body: pieces });
    expect(r.status).toBe(403);
    const reply = JSON.parse(r.body);
    expect(reply.request_id).toBe("login-1");
    expect(reply.categories).toContain("sqli");
    expect(up.received.some((x) => x.headers["x-request-id"] === "login-1")).toBe(false);
  });
});
