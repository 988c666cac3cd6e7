// On random graphs: every declared call is allowed, every undeclared one denied.
// The expectation comes from the graph's own meaning (an independent oracle over the
// declared calls), not from the generated policies.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, generatePolicies, graphFromObject, principalOf, type ServiceGraph } from "../../src/policy/index.js";

const NAMES = ["a", "b", "c", "d", "e"];
const NAMESPACES = ["ns1", "ns2"];
const PORTS = [80, 8080, 9000];
const METHODS = ["GET", "POST", "DELETE"];
const PATHS = ["/", "/api/", "/api/v1", "/login", "/loginx", "/admin/x"];
const PATH_MATCHES = [{ prefix: "/" }, { prefix: "/api/" }, { exact: "/login" }, { prefix: "/admin" }];

const graphArb = fc
  .record({
    count: fc.integer({ min: 2, max: 5 }),
    namespaces: fc.array(fc.constantFrom(...NAMESPACES), { minLength: 5, maxLength: 5 }),
    ports: fc.array(fc.subarray(PORTS, { minLength: 1 }), { minLength: 5, maxLength: 5 }),
    calls: fc.array(
      fc.record({
        from: fc.integer({ min: 0, max: 5 }),
        to: fc.integer({ min: 0, max: 4 }),
        portPick: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
        methods: fc.option(fc.subarray(METHODS, { minLength: 1 }), { nil: undefined }),
        paths: fc.option(fc.subarray(PATH_MATCHES, { minLength: 1 }), { nil: undefined }),
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ count, namespaces, ports, calls }) => {
    const workloads = NAMES.slice(0, count).map((name, i) => ({
      name,
      namespace: namespaces[i],
      serviceAccount: `sa-${name}`,
      selector: { app: name },
      ports: ports[i].map((number) => ({ name: `http-${number}`, number, protocol: "HTTP" })),
    }));
    const declared = calls
      .map((c) => ({ ...c, from: c.from % (count + 1), to: c.to % count }))
      .filter((c) => c.from !== c.to + 1)
      .map((c) => {
        const target = workloads[c.to];
        const call: Record<string, unknown> = { from: c.from === 0 ? "ingress" : workloads[c.from - 1].name, to: target.name };
        if (c.portPick !== undefined) call.ports = [target.ports[c.portPick % target.ports.length].number];
        if (c.methods) call.methods = c.methods;
        if (c.paths) call.paths = c.paths;
        return call;
      });
    return graphFromObject({ workloads, calls: declared }, "random.yaml");
  });

/** Does the graph declare this call? Read straight from the graph's definition. */
function declared(graph: ServiceGraph, from: string, to: string, port: number, method: string, path: string): boolean {
  return graph.calls.some((c) => {
    const src = c.from.kind === "ingress" ? "ingress" : c.from.kind === "workload" ? c.from.workload : "";
    return (
      src === from &&
      c.to === to &&
      c.ports.includes(port) &&
      (c.methods.length === 0 || c.methods.includes(method)) &&
      (c.paths.length === 0 || c.paths.some((p) => ("exact" in p ? p.exact === path : path.startsWith(p.prefix))))
    );
  });
}

describe("generated policies on random graphs", () => {
  it("allow exactly the declared calls", () => {
    fc.assert(
      fc.property(graphArb, (graph) => {
        const set = generatePolicies(graph);
        const sources = ["ingress", ...graph.workloads.map((w) => w.name)];
        for (const from of sources) {
          const w = graph.workloads.find((x) => x.name === from);
          const principal = w ? principalOf("cluster.local", w.namespace, w.serviceAccount) : principalOf("cluster.local", "istio-system", "istio-ingressgateway-service-account");
          for (const to of graph.workloads) {
            if (to.name === from) continue;
            for (const port of PORTS)
              for (const method of METHODS)
                for (const path of PATHS) {
                  const want = to.ports.some((p) => p.number === port) && declared(graph, from, to.name, port, method, path);
                  const got = evaluate(set, { principal, toWorkload: to.name, port, method, path });
                  if (got.allow !== want) throw new Error(`${from} -> ${to.name}:${port} ${method} ${path}: expected ${want ? "allow" : "deny"}, got ${JSON.stringify(got)}`);
                }
          }
        }
      }),
      { numRuns: 60, seed: 4242 },
    );
  });

  it("declares at least one allowed and one denied call across the runs (the property is not vacuous)", () => {
    const graph = graphFromObject(
      {
        workloads: [
          { name: "a", namespace: "ns1", serviceAccount: "sa-a", selector: { app: "a" }, ports: [{ name: "http", number: 80 }] },
          { name: "b", namespace: "ns2", serviceAccount: "sa-b", selector: { app: "b" }, ports: [{ name: "http", number: 80 }] },
        ],
        calls: [{ from: "a", to: "b", paths: [{ exact: "/login" }] }],
      },
      "small.yaml",
    );
    const set = generatePolicies(graph);
    const a = principalOf("cluster.local", "ns1", "sa-a");
    expect(evaluate(set, { principal: a, toWorkload: "b", port: 80, method: "GET", path: "/login" }).allow).toBe(true);
    expect(evaluate(set, { principal: a, toWorkload: "b", port: 80, method: "GET", path: "/loginx" }).allow).toBe(false);
    expect(evaluate(set, { principal: principalOf("cluster.local", "ns2", "sa-b"), toWorkload: "a", port: 80, method: "GET", path: "/" }).allow).toBe(false);
  });
});
