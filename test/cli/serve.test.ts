import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startUpstream, type Upstream } from "../serve/upstream.js";
import { tempDir } from "../support/temp.js";

const bin = fileURLToPath(new URL("../../bin/meshwaf.js", import.meta.url));
const dir = tempDir("serve");
let upstream: Upstream;

beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

describe("meshwaf serve", () => {
  it("proxies through the filter and shuts down cleanly on SIGTERM", async () => {
    const config = join(dir, "detect.json");
    writeFileSync(config, JSON.stringify({ mode: "detect", logAllowed: true }));
    const child = spawn(process.execPath, [bin, "serve", "--upstream", upstream.url, "--listen", "127.0.0.1:0", "--config", config]);
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (d) => {
        stdout += d;
        const m = stdout.match(/listening on (http:\/\/\S+),/);
        if (m) resolve(m[1]);
      });
      child.on("exit", () => reject(new Error(`exited early: ${stderr}`)));
    });
    // detect mode: the attack is logged and passes
    const r = await request(`${url}/?id=1%27%20OR%20%271%27%3D%271`, { headers: { "x-request-id": "cli-1" } });
    expect(r.status).toBe(200);
    const code = await new Promise<number | null>((resolve) => {
      child.on("exit", (c) => resolve(c));
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
    expect(stderr).toMatch(/\[wasm info\] \{"meshwaf":"decision","request_id":"cli-1".*"verdict":"detected"/);
    expect(stderr).toMatch(/GET \/\?id=1%27%20OR%20%271%27%3D%271 200/);
    expect(stderr).toMatch(/SIGTERM, shutting down/);
  });

  it("refuses an invalid configuration naming file and field", async () => {
    writeFileSync(join(dir, "bad-field.json"), '{"modee":"block"}');
    const r = await runCliAsync(["serve", "--upstream", upstream.url, "--config", "bad-field.json"], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('meshwaf: bad-field.json is invalid:\n  - configuration: unknown field "modee"\n');
  });
});

/** Like runCli, without blocking the event loop (the cases run side by side). */
function runCliAsync(args: string[], cwd: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (status) => resolve({ status, stderr }));
  });
}
