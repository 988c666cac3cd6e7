import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REFERENCE_GRAPH_YAML } from "../../src/policy/index.js";
import { runCli as runCliChild, runCliInProcess as runCli } from "../support/cli.js";
import { tempDir } from "../support/temp.js";

const dir = tempDir("manifests");
const graph = join(dir, "graph.yaml");
writeFileSync(graph, REFERENCE_GRAPH_YAML);

describe("meshwaf manifests and validate", () => {
  it("an unknown pattern is refused and nothing is written (through bin/meshwaf.js)", () => {
    const out = join(dir, "never");
    const r = runCliChild(["manifests", graph, "--pattern", "ambient", "--out", out]);
    expect(r).toMatchObject({ status: 1, stderr: 'meshwaf: --pattern: "ambient" is not valid; expected one of mesh, sidecar, layer\n' });
    expect(existsSync(out)).toBe(false);
  });

  it("a bad plugin configuration names the file and field, and nothing is written", async () => {
    const cfg = join(dir, "waf.json");
    writeFileSync(cfg, '{"mode":"block","anomalyThreshold":0}');
    const out = join(dir, "never2");
    const r = await runCli(["manifests", graph, "--config", cfg, "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${cfg} is invalid:\n  - anomalyThreshold: must be >= 1`);
    expect(existsSync(out)).toBe(false);
  });

  it("an exclusion that can never apply is refused with its index and a hint", async () => {
    const cfg = join(dir, "waf-exclusions.json");
    writeFileSync(cfg, JSON.stringify({ exclusions: [{ categories: ["xss"] }, { ruleIds: [2001, 1052], host: "api.svc:8080" }] }));
    const r = await runCli(["manifests", graph, "--config", cfg, "--out", join(dir, "never3")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${cfg} is invalid:\n  - exclusions.1.ruleIds: unknown rule id 1052 (README's rule table lists the rules)\n` +
      '  - exclusions.1.host: "api.svc:8080" can never match: the :authority\'s host name, without scheme, port or path (the port is ignored: api.svc)');
  });

  it("validate accepts istio/ and names the file and field of a broken manifest", async () => {
    const ok = await runCli(["validate", "istio", "--no-istioctl"]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("schemas: 18 documents valid in 20 files");
    const bad = join(dir, "bad");
    const gen = await runCli(["policy", graph, "--out", bad]);
    expect(gen.status).toBe(0);
    writeFileSync(join(bad, "meshwaf-demo.peerauthentication.default.yaml"), "apiVersion: security.istio.io/v1beta1\nkind: PeerAuthentication\nmetadata: {name: default, namespace: meshwaf-demo}\nspec: {mtls: {mode: STRIKT}}\n");
    const r = await runCli(["validate", bad, "--no-istioctl"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("meshwaf-demo.peerauthentication.default.yaml: PeerAuthentication meshwaf-demo/default: spec.mtls.mode: must be one of \"UNSET\", \"DISABLE\", \"PERMISSIVE\", \"STRICT\"");
  });
});
