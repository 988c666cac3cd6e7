import { describe, expect, it } from "vitest";
import { generatePolicies, parseGraph, referenceGraph, drawGraph, MESH_PORTS } from "../../src/policy/index.js";
import { toYamlStream } from "../../src/manifests/yaml.js";

describe("generatePolicies", () => {
  it("reference graph: STRICT mTLS, allow-nothing, one ALLOW per reached workload", () => {
    const set = generatePolicies(referenceGraph());
    expect(set.documents.map((d) => `${d.kind} ${d.metadata.namespace}/${d.metadata.name}`)).toEqual([
      "PeerAuthentication meshwaf-demo/default",
      "AuthorizationPolicy meshwaf-demo/allow-nothing",
      "AuthorizationPolicy meshwaf-demo/allow-to-auth",
      "AuthorizationPolicy meshwaf-demo/allow-to-db",
      "AuthorizationPolicy meshwaf-demo/allow-to-www",
    ]);
    expect(set.peerAuthentications[0].spec).toEqual({ mtls: { mode: "STRICT" } });
    expect(set.authorizationPolicies[0].spec).toEqual({});
    expect(set.authorizationPolicies[1].spec).toEqual({
      action: "ALLOW",
      selector: { matchLabels: { app: "auth" } },
      rules: [{ from: [{ source: { principals: ["cluster.local/ns/meshwaf-demo/sa/www"] } }], to: [{ operation: { ports: ["8080"], methods: ["GET", "POST"], paths: ["/*"] } }] }],
    });
    expect(set.authorizationPolicies[3].spec).toMatchObject({
      rules: [{ from: [{ source: { principals: ["cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account"] } }], to: [{ operation: { ports: ["8080"] } }] }],
    });
  });

  it("is deterministic and independent of workload order", () => {
    const yaml = `
workloads:
  - { name: b, namespace: y, serviceAccount: b, selector: { app: b }, ports: [{ name: http, number: 80 }] }
  - { name: a, namespace: x, serviceAccount: a, selector: { app: a }, ports: [{ name: http, number: 80 }] }
calls: [{ from: a, to: b }, { from: b, to: a }]
`;
    const reordered = yaml.replace(/(  - \{ name: b.*\n)(  - \{ name: a.*\n)/, "$2$1");
    expect(reordered).not.toBe(yaml);
    const one = toYamlStream(generatePolicies(parseGraph(yaml)).documents);
    expect(toYamlStream(generatePolicies(parseGraph(reordered)).documents)).toBe(one);
    expect(one.indexOf("namespace: x")).toBeLessThan(one.indexOf("namespace: y"));
  });

  it("network policies: default deny, mesh ports, declared callers only", () => {
    const set = generatePolicies(referenceGraph(), { networkPolicies: true });
    expect(set.networkPolicies.map((d) => d.metadata.name)).toEqual(["default-deny-ingress", "allow-mesh-ports", "allow-to-auth", "allow-to-db", "allow-to-www"]);
    expect(set.networkPolicies[0].spec).toEqual({ podSelector: {}, policyTypes: ["Ingress"] });
    expect((set.networkPolicies[1].spec as any).ingress[0].ports.map((p: any) => p.port)).toEqual([...MESH_PORTS]);
    expect(MESH_PORTS).toEqual(expect.arrayContaining([15008, 15021, 15090]));
    expect(set.networkPolicies[2].spec).toEqual({
      podSelector: { matchLabels: { app: "auth" } },
      policyTypes: ["Ingress"],
      ingress: [{ from: [{ podSelector: { matchLabels: { app: "www" } }, namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "meshwaf-demo" } } }], ports: [{ port: 8080, protocol: "TCP" }] }],
    });
    expect((set.networkPolicies[4].spec as any).ingress[0].from[0]).toEqual({
      podSelector: { matchLabels: { istio: "ingressgateway" } },
      namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "istio-system" } },
    });
  });

  it("draws the graph as mermaid and dot", () => {
    const g = referenceGraph();
    expect(drawGraph(g, "mermaid")).toContain('n_www -->|"8080 GET,POST /*"| n_auth');
    expect(drawGraph(g, "dot")).toContain('n_ingress -> n_www [label="8080"];');
  });
});
