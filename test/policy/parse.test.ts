import { describe, expect, it } from "vitest";
import { GraphError, parseGraph, referenceGraph } from "../../src/policy/index.js";

const base = `
workloads:
  - name: www
    namespace: shop
    serviceAccount: www
    selector: { app: www }
    ports: [{ name: http, number: 8080, protocol: HTTP }, { name: pg, number: 5432, protocol: TCP }]
  - name: db
    namespace: shop
    serviceAccount: db
    selector: { app: db }
    ports: [{ name: pg, number: 5432, protocol: TCP }]
`;

function problems(yaml: string): string {
  try {
    parseGraph(yaml, "g.yaml");
  } catch (err) {
    expect(err).toBeInstanceOf(GraphError);
    return (err as Error).message;
  }
  throw new Error("expected the graph to be rejected");
}

describe("parseGraph", () => {
  it("reads the reference graph", () => {
    const g = referenceGraph();
    expect(g.workloads.map((w) => `${w.namespace}/${w.name}:${w.serviceAccount}`)).toEqual(["meshwaf-demo/www:www", "meshwaf-demo/auth:auth", "meshwaf-demo/db:db"]);
    expect(g.calls.map((c) => `${c.from.kind === "workload" ? c.from.workload : c.from.kind}->${c.to}`)).toEqual(["ingress->www", "www->auth", "www->db"]);
    expect(g.trustDomain).toBe("cluster.local");
  });

  it("fills defaults: all target ports, any method, any path", () => {
    const g = parseGraph(`${base}calls:\n  - { from: www, to: db }\n`, "g.yaml");
    expect(g.calls[0]).toEqual({ from: { kind: "workload", workload: "www" }, to: "db", ports: [5432], methods: [], paths: [] });
  });

  it("accepts port names, external principals and namespaces", () => {
    const g = parseGraph(`${base}calls:\n  - { from: { principal: cluster.local/ns/ops/sa/backup }, to: db, ports: [pg] }\n  - { from: { namespace: monitoring }, to: www, ports: [8080] }\n`, "g.yaml");
    expect(g.calls.map((c) => c.from)).toEqual([{ kind: "principal", principal: "cluster.local/ns/ops/sa/backup" }, { kind: "namespace", namespace: "monitoring" }]);
    expect(g.calls[0].ports).toEqual([5432]);
  });

  const cases: { name: string; yaml: string; message: RegExp }[] = [
    { name: "unknown destination", yaml: `${base}calls: [{ from: www, to: cache }]`, message: /g\.yaml: calls\[0\] \(www -> cache\)\.to: unknown workload "cache"; expected one of www, db/ },
    { name: "unknown source", yaml: `${base}calls: [{ from: api, to: db }]`, message: /calls\[0\] \(api -> db\)\.from: unknown workload "api"/ },
    { name: "wildcard source", yaml: `${base}calls: [{ from: "*", to: db }]`, message: /\.from: wildcard or empty source "\*" is not allowed/ },
    { name: "empty source", yaml: `${base}calls: [{ from: "", to: db }]`, message: /\.from: wildcard or empty source "" is not allowed/ },
    { name: "wildcard principal", yaml: `${base}calls: [{ from: { principal: "*" }, to: db }]`, message: /\.from\.principal: "\*" is not valid/ },
    { name: "port not exposed", yaml: `${base}calls: [{ from: www, to: db, ports: [8080] }]`, message: /calls\[0\] \(www -> db\)\.ports\[0\]: db does not expose port 8080; it exposes 5432 \(pg\)/ },
    { name: "http fields on a TCP port", yaml: `${base}calls: [{ from: www, to: db, methods: [GET] }]`, message: /methods and paths need an HTTP port, but db port 5432 is TCP/ },
    { name: "duplicate workload", yaml: `${base}  - { name: db, namespace: other, serviceAccount: db, selector: { app: db }, ports: [{ name: pg, number: 5432 }] }\n`, message: /workloads\[2\]\.name: duplicate workload name "db"/ },
    { name: "bad namespace", yaml: base.replace("namespace: shop", "namespace: Shop_1"), message: /workloads\[0\] \(www\)\.namespace: "Shop_1" is not valid; expected a lower-case DNS name/ },
    { name: "missing service account", yaml: base.replace("serviceAccount: www", ""), message: /workloads\[0\] \(www\)\.serviceAccount: missing/ },
    { name: "unknown field", yaml: base.replace("serviceAccount: www", "serviceAccount: www\n    replicas: 2"), message: /workloads\[0\] \(www\)\.replicas: unknown field \(valid: name, namespace, serviceAccount, selector, ports\)/ },
    { name: "bad protocol", yaml: base.replace("protocol: HTTP", "protocol: QUIC"), message: /ports\[0\]\.protocol: "QUIC" is not valid; expected one of HTTP, HTTP2, GRPC, TCP, TLS/ },
    { name: "sidecar port", yaml: base.replace("number: 8080", "number: 15006"), message: /15006 is reserved by the Istio sidecar/ },
    { name: "bad method", yaml: `${base}calls: [{ from: db, to: www, ports: [8080], methods: [FETCH] }]`, message: /methods\[0\]: "FETCH" is not valid/ },
    { name: "path with wildcard", yaml: `${base}calls: [{ from: db, to: www, ports: [8080], paths: [{ prefix: "/api/*" }] }]`, message: /paths\[0\]\.prefix: "\/api\/\*" is not valid/ },
    { name: "no workloads", yaml: "calls: []", message: /g\.yaml: workloads: expected a non-empty list of workloads/ },
    { name: "not YAML", yaml: "workloads: [", message: /g\.yaml: not valid YAML/ },
  ];
  for (const c of cases) it(`rejects ${c.name}`, () => expect(problems(c.yaml)).toMatch(c.message));

  it("reports every problem at once", () => {
    const msg = problems(`${base}calls: [{ from: api, to: db }, { from: www, to: cache }]`);
    expect(msg).toMatch(/unknown workload "api"/);
    expect(msg).toMatch(/unknown workload "cache"/);
  });
});
