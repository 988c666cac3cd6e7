import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
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

  // configuration that is valid but does nothing: written, with a warning on stderr for each part
  const INERT = { paranoiaLevel: 1, disabledCategories: ["xss"], exclusions: [{ ruleIds: [4106] }, { categories: ["xss"], pathPrefix: "/wiki" }] };
  const inertWarnings = (where: string) =>
    `meshwaf: warning: ${where}exclusions.0.ruleIds: rule 4106 does not run at paranoiaLevel 1 (it runs from level 2): nothing to switch off until the level is raised\n` +
    `meshwaf: warning: ${where}exclusions.1.categories: xss does not run: it is in disabledCategories\n`;

  it("manifests and wasmplugin warn about configuration that does nothing, and generate", async () => {
    const cfg = join(dir, "waf-inert.json");
    writeFileSync(cfg, JSON.stringify(INERT));
    const out = join(dir, "inert");
    const r = await runCli(["manifests", graph, "--config", cfg, "--out", out]);
    expect(r).toMatchObject({ status: 0, stderr: inertWarnings(`${cfg}: `) });
    expect(readFileSync(join(out, "meshwaf-demo.wasmplugin.meshwaf.yaml"), "utf8")).toContain("disabledCategories:");
    const w = await runCli(["wasmplugin", "--url", "oci://registry.example.com/meshwaf:0.1.0", "--sha256", "0".repeat(64), "--config", cfg]);
    expect(w).toMatchObject({ status: 0, stderr: inertWarnings(`${cfg}: `) });
    expect(w.stdout).toContain("kind: WasmPlugin");
    // (and a configuration whose every part does something: no warning)
    writeFileSync(cfg, JSON.stringify({ paranoiaLevel: 2, exclusions: [{ ruleIds: [4106] }] }));
    expect(await runCli(["manifests", graph, "--config", cfg, "--out", join(dir, "inert2")])).toMatchObject({ status: 0, stderr: "" });
  });

  it("validate checks meshwaf's WasmPlugin pluginConfig: errors fail, warnings are printed", async () => {
    const copy = join(dir, "istio-copy");
    cpSync("istio", copy, { recursive: true });
    const plugin = join(copy, "meshwaf-demo.wasmplugin.meshwaf.yaml");
    const original = readFileSync(plugin, "utf8");
    const what = "meshwaf-demo.wasmplugin.meshwaf.yaml: WasmPlugin meshwaf-demo/meshwaf";
    writeFileSync(plugin, original.replace("    mode: block\n", `    mode: block\n    disabledCategories: [xss]\n    exclusions: [{ruleIds: [4106]}, {categories: [xss], pathPrefix: /wiki}]\n`));
    const warned = await runCli(["validate", copy, "--no-istioctl"]);
    expect(warned.status).toBe(0);
    expect(warned.stderr).toBe(inertWarnings(`${what}: spec.pluginConfig.`));
    expect(warned.stdout).toContain("schemas: 18 documents valid in 20 files");
    // another plugin's configuration is its own business
    writeFileSync(join(copy, "other.yaml"), "apiVersion: extensions.istio.io/v1alpha1\nkind: WasmPlugin\nmetadata: {name: ratelimit, namespace: meshwaf-demo}\nspec: {url: 'oci://registry.example.com/ratelimit:1', pluginConfig: {exclusions: 1}}\n");
    expect(await runCli(["validate", copy, "--no-istioctl"])).toMatchObject({ status: 0, stderr: inertWarnings(`${what}: spec.pluginConfig.`) });
    writeFileSync(plugin, original.replace("    mode: block\n", "    mode: block\n    modee: detect\n    exclusions: [{ruleIds: [2001], method: post}]\n"));
    const refused = await runCli(["validate", copy, "--no-istioctl"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(`meshwaf: ${copy}: 2 invalid:\n` +
      `  - ${what}: spec.pluginConfig: unknown field "modee"\n` +
      `  - ${what}: spec.pluginConfig.exclusions.0.method: must be an HTTP method in upper case (methods are case-sensitive)\n`);
  });

  it("validate accepts istio/ and names the file and field of a broken manifest", async () => {
    const ok = await runCli(["validate", "istio", "--no-istioctl"]);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toBe("");
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
