import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REFERENCE_GRAPH_YAML } from "../../src/policy/index.js";
import { runCliInProcess as runCli } from "../support/cli.js";
import { tempDir } from "../support/temp.js";

const dir = tempDir("policy");
const graph = join(dir, "graph.yaml");
writeFileSync(graph, REFERENCE_GRAPH_YAML);

describe("meshwaf policy", () => {
  it("writes one validated file per document with --out", async () => {
    const out = join(dir, "out");
    const r = await runCli(["policy", graph, "--network-policies", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toContain("meshwaf-demo.authorizationpolicy.allow-to-db.yaml");
    expect(readdirSync(out)).toHaveLength(10);
    expect(readFileSync(join(out, "meshwaf-demo.peerauthentication.default.yaml"), "utf8")).toContain("mode: STRICT");
  });

  it("writes nothing and names file, workload and field on a bad graph", async () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, REFERENCE_GRAPH_YAML.replace("to: db\n", "to: cache\n"));
    const out = join(dir, "never");
    const r = await runCli(["policy", bad, "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^meshwaf: .*bad\.yaml: calls\[2\] \(www -> cache\)\.to: unknown workload "cache"; expected one of www, auth, db/);
    expect(existsSync(out)).toBe(false);
  });

  it("check answers allow or deny with the deciding policy", async () => {
    const ok = await runCli(["policy", "check", graph, "--from", "meshwaf-demo/www", "--to", "db", "--port", "8080", "--method", "GET", "--path", "/rows"]);
    expect(ok).toMatchObject({ status: 0, stdout: "allow (ALLOW: meshwaf-demo/allow-to-db)\n" });
    const no = await runCli(["policy", "check", graph, "--from", "auth", "--to", "db", "--port", "8080", "--method", "GET"]);
    expect(no).toMatchObject({ status: 2, stdout: "deny (DEFAULT: no rule of meshwaf-demo/allow-nothing, meshwaf-demo/allow-to-db matches)\n" });
  });
});
