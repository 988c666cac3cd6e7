import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { manifestFiles, patternOutput } from "../../src/manifests/generate.js";
import { validateManifestFiles } from "../../src/manifests/validate.js";
import { referenceGraph } from "../../src/policy/index.js";
import type { KubeDocument } from "../../src/manifests/document.js";

const MODULE = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const base = { url: "oci://r.example/meshwaf:1", sha256: "c".repeat(64), module: MODULE };
const find = (docs: KubeDocument[], kind: string, name: string) => docs.find((d) => d.kind === kind && d.metadata.name === name) as any;

describe("pattern mesh", () => {
  const { documents } = patternOutput(referenceGraph(), { ...base, pattern: "mesh" });
  it("injects sidecars, runs the WasmPlugin in the namespace, and segments with Istio policies", () => {
    expect(find(documents, "Namespace", "meshwaf-demo").metadata.labels["istio-injection"]).toBe("enabled");
    expect(find(documents, "WasmPlugin", "meshwaf")).toMatchObject({ metadata: { namespace: "meshwaf-demo" }, spec: { failStrategy: "FAIL_CLOSE", sha256: "c".repeat(64) } });
    expect(documents.filter((d) => d.kind === "AuthorizationPolicy").map((d) => d.metadata.name)).toEqual(["allow-nothing", "allow-to-auth", "allow-to-db", "allow-to-www"]);
    expect(documents.filter((d) => d.kind === "NetworkPolicy")).toEqual([]);
  });
  it("each workload runs under its own service account", () => {
    for (const name of ["www", "auth", "db"]) expect(find(documents, "Deployment", name).spec.template.spec.serviceAccountName).toBe(name);
  });
  it("only www is routed from the ingress gateway", () => {
    expect(documents.filter((d) => d.kind === "VirtualService").map((d) => d.metadata.name)).toEqual(["www"]);
    expect(find(documents, "Gateway", "public").spec.selector).toEqual({ istio: "ingressgateway" });
  });
});

describe("pattern sidecar", () => {
  const out = patternOutput(referenceGraph(), { ...base, pattern: "sidecar" });
  it("adds an Envoy container on app port + 10000 that forwards to the app over localhost", () => {
    const patch = out.patches.find((p) => p.target.name === "auth")!;
    const container = (patch.patch as any).spec.template.spec.containers[0];
    expect(container).toMatchObject({ name: "meshwaf-envoy", ports: [{ containerPort: 18080 }] });
    const bootstrap = parse(find(out.documents, "ConfigMap", "auth-meshwaf-envoy").data["envoy.yaml"]);
    expect(bootstrap.static_resources.clusters[0].load_assignment.endpoints[0].lb_endpoints[0].endpoint.address.socket_address).toEqual({ address: "127.0.0.1", port_value: 8080 });
    expect(bootstrap.static_resources.listeners[0].address.socket_address.port_value).toBe(18080);
  });
  it("the Service and the NetworkPolicies point at Envoy's port, never the app's", () => {
    expect(find(out.documents, "Service", "auth").spec.ports[0]).toMatchObject({ port: 8080, targetPort: 18080 });
    const np = find(out.documents, "NetworkPolicy", "allow-to-auth");
    expect(np.spec.ingress).toEqual([{ from: [expect.objectContaining({ podSelector: { matchLabels: { app: "www" } } })], ports: [{ port: 18080, protocol: "TCP" }] }]);
    const allPorts = out.documents.filter((d) => d.kind === "NetworkPolicy").flatMap((d: any) => (d.spec.ingress ?? []).flatMap((r: any) => r.ports.map((p: any) => p.port)));
    expect(allPorts).not.toContain(8080);
  });
  it("the module ships in a ConfigMap", () => {
    expect(Buffer.from(find(out.documents, "ConfigMap", "meshwaf-module").binaryData["meshwaf.wasm"], "base64")).toEqual(MODULE);
  });
});

describe("pattern layer", () => {
  const { documents } = patternOutput(referenceGraph(), { ...base, pattern: "layer" });
  it("callers reach the layer through the workload's Service name; the app moves to <name>-app", () => {
    expect(find(documents, "Service", "auth").spec.selector).toEqual({ app: "auth-meshwaf", "meshwaf.dev/fronts": "auth" });
    expect(find(documents, "Service", "auth-app").spec.selector).toEqual({ app: "auth" });
    const bootstrap = parse(find(documents, "ConfigMap", "auth-meshwaf-envoy").data["envoy.yaml"]);
    expect(bootstrap.static_resources.clusters[0].load_assignment.endpoints[0].lb_endpoints[0].endpoint.address.socket_address.address).toBe("auth-app.meshwaf-demo.svc.cluster.local");
  });
  it("only the layer reaches the workload; the graph's callers reach the layer", () => {
    const toApp = find(documents, "NetworkPolicy", "allow-to-auth").spec.ingress;
    expect(toApp.map((r: any) => r.from[0].podSelector.matchLabels.app)).toEqual(["auth-meshwaf"]);
    const toLayer = find(documents, "NetworkPolicy", "allow-to-auth-meshwaf").spec.ingress;
    expect(toLayer.map((r: any) => r.from[0].podSelector.matchLabels.app)).toEqual(["www"]);
  });
});

describe("every pattern's output", () => {
  for (const pattern of ["mesh", "sidecar", "layer"] as const) {
    it(`${pattern}: passes schema validation and the kustomization lists every document`, async () => {
      const files = manifestFiles(referenceGraph(), { ...base, pattern });
      const report = await validateManifestFiles(files);
      expect(report.problems).toEqual([]);
      expect(report.unchecked).toEqual([]);
      const k = parse(files.get("kustomization.yaml")!);
      const expected = [...files.keys()].filter((f) => f !== "kustomization.yaml" && !f.startsWith("patches/"));
      expect([...k.resources].sort()).toEqual(expected.sort());
    });
  }
  it("refuses a module too large for a ConfigMap", () => {
    expect(() => patternOutput(referenceGraph(), { ...base, module: Buffer.alloc(2 * 1024 * 1024), pattern: "sidecar" })).toThrow(/a ConfigMap carries at most/);
  });
});

describe("validateManifestFiles", () => {
  it("names the file, the document and the field", async () => {
    const files = new Map([
      ["a.yaml", "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: x, namespace: y}\nspec: {action: PERMIT}\n"],
      ["kustomization.yaml", "resources: [a.yaml, missing.yaml]\n"],
      ["b.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n"],
    ]);
    const report = await validateManifestFiles(files);
    expect(report.problems).toEqual([
      'kustomization.yaml: resources: "missing.yaml" does not exist',
      'a.yaml: AuthorizationPolicy y/x: spec.action: must be one of "ALLOW", "DENY", "AUDIT", "CUSTOM"',
    ]);
    expect(report.unchecked).toEqual(["b.yaml: example.com/v1 Widget w"]);
  });
});

describe("mesh ports", () => {
  it("stay open under the mesh pattern's NetworkPolicies, and are not opened without a mesh", () => {
    const mesh = patternOutput(referenceGraph(), { ...base, pattern: "mesh", networkPolicies: true }).documents;
    expect(find(mesh, "NetworkPolicy", "allow-mesh-ports").spec.ingress[0].ports.map((p: any) => p.port)).toEqual([15008, 15020, 15021, 15090]);
    for (const pattern of ["sidecar", "layer"] as const) expect(find(patternOutput(referenceGraph(), { ...base, pattern }).documents, "NetworkPolicy", "allow-mesh-ports")).toBeUndefined();
  });
});
