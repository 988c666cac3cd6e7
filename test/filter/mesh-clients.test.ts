// Ordinary clients inside a mesh (health checks, scrapers, scripts, SDKs) must pass at default settings.
import { describe, it, expect, beforeAll } from "vitest";
import { readFileSync } from "node:fs";
import { Emulator, runRequest } from "../../src/host/index.js";

const AGENTS = [
  "curl/8", "curl/8.5.0", "Wget/1.21.4", "python-requests/2.31.0", "Go-http-client/1.1", "kube-probe/1.29", "Prometheus/2.51.0",
  "grpc-go/1.62.1", "Envoy/HC", "okhttp/4.12.0", "axios/1.7.2", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
  "Java/17.0.10", "Apache-HttpClient/4.5.14 (Java/17.0.10)",
];

let em: Emulator;
beforeAll(async () => {
  em = await Emulator.load(readFileSync("build/meshwaf.wasm"), { config: { mode: "block" } });
});

describe("mesh clients at default settings", () => {
  for (const agent of AGENTS) {
    it(`passes ${agent}`, () => {
      for (const [method, path, body] of [["GET", "/healthz", undefined], ["GET", "/metrics", undefined], ["POST", "/records", '{"id":7,"note":"ok"}']] as const) {
        const out = runRequest(em, { method, path, authority: "db.meshwaf-demo.svc", headers: [["user-agent", agent], ["accept", "*/*"], ...(body ? [["content-type", "application/json"] as [string, string]] : [])], body });
        expect(out.blocked, `${method} ${path} with ${agent}`).toBe(false);
      }
    });
  }

  it("passes a multi-line note in a query string (CR/LF in arguments is a paranoia 2 rule)", () => {
    const out = runRequest(em, { method: "GET", path: "/search?note=first%20line%0Asecond%20line", authority: "www", headers: [["user-agent", "curl/8.5.0"]] });
    expect(out.blocked).toBe(false);
  });

  it("still blocks a command line hidden behind a product token's comment", () => {
    const out = runRequest(em, { method: "GET", path: "/", authority: "www", headers: [["user-agent", "() { :; }; /bin/bash -c 'cat /etc/passwd'"]] });
    expect(out.blocked).toBe(true);
  });
});
