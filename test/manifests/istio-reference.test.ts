// istio/ is the reference architecture as the generator writes it; this keeps them equal.
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { referenceIstioFiles } from "../../src/manifests/reference.js";
import { evaluate, generatePolicies, principalOf, referenceGraph } from "../../src/policy/index.js";

const dir = new URL("../../istio/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), "utf8");

describe("istio/", () => {
  // The pin follows the image pushed at release; everything else must match the generator.
  const sha256 = parse(read("meshwaf-demo.wasmplugin.meshwaf.yaml")).spec.sha256 as string;
  const files = referenceIstioFiles(sha256);

  it("pins a sha256", () => expect(sha256).toMatch(/^[0-9a-f]{64}$/));
  for (const [name, content] of files) it(`${name} is the generator's output`, () => expect(read(name)).toBe(content));
  it("holds no other manifests", () => {
    const present = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
    expect(present.sort()).toEqual([...files.keys()].sort());
  });
  it("www reaches auth and db; nothing else is allowed", () => {
    const set = generatePolicies(referenceGraph());
    const sa = (name: string) => principalOf("cluster.local", "meshwaf-demo", name);
    const allowed = (from: string, to: string) => evaluate(set, { principal: sa(from), toWorkload: to, port: 8080, method: "GET", path: "/" }).allow;
    expect(["auth", "db"].map((to) => allowed("www", to))).toEqual([true, true]);
    expect([allowed("auth", "db"), allowed("db", "auth"), allowed("auth", "www"), allowed("db", "www")]).toEqual([false, false, false, false]);
  });
});
