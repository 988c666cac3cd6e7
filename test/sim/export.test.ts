import { describe, it, expect } from "vitest";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { exportSetup } from "../../src/sim/export.js";
import { pinnedSha256 } from "../../src/istio/pin.js";
import { REFERENCE_URL } from "../../src/manifests/reference.js";
import { tempDir } from "../support/temp.js";

const WASM = "build/meshwaf.wasm";

describe("meshwaf demo --export", () => {
  it("writes the graph, the three patterns and a standalone Envoy setup that refer to this module", async () => {
    const dir = join(tempDir("export"), "out");
    const written = await exportSetup(WASM, dir);
    expect(written.length).toBeGreaterThan(20);
    for (const pattern of ["mesh", "sidecar", "layer"]) expect(existsSync(join(dir, pattern, "kustomization.yaml"))).toBe(true);

    const module = readFileSync(WASM);
    const plugin = parse(readFileSync(join(dir, "mesh", "meshwaf-demo.wasmplugin.meshwaf.yaml"), "utf8"));
    expect(plugin.spec.sha256).toBe(pinnedSha256(REFERENCE_URL, module));
    expect(plugin.spec.pluginConfig).toEqual({ mode: "block" });

    const compose = parse(readFileSync(join(dir, "envoy", "docker-compose.yaml"), "utf8"));
    const mount = (compose.services.envoy.volumes as string[]).find((v) => v.startsWith("./meshwaf.wasm:"));
    expect(mount).toBeDefined();
    expect(readFileSync(join(dir, "envoy", "meshwaf.wasm")).equals(module)).toBe(true);
    const bootstrap = parse(readFileSync(join(dir, "envoy", "envoy.yaml"), "utf8"));
    expect(JSON.stringify(bootstrap)).toContain(mount!.split(":")[1]);
  });
});
