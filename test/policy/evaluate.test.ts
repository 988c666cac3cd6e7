import { describe, expect, it } from "vitest";
import { evaluate, generatePolicies, istioMatch, normalisePath, parseGraph, referenceGraph } from "../../src/policy/index.js";
import type { KubeDocument } from "../../src/manifests/document.js";

const principal = (ns: string, sa: string) => `cluster.local/ns/${ns}/sa/${sa}`;

describe("evaluate on the reference policies", () => {
  const set = generatePolicies(referenceGraph());
  const cases = [
    { from: principal("istio-system", "istio-ingressgateway-service-account"), to: "www", method: "GET", path: "/", allow: true, policy: "meshwaf-demo/allow-to-www" },
    { from: principal("meshwaf-demo", "www"), to: "auth", method: "POST", path: "/login", allow: true, policy: "meshwaf-demo/allow-to-auth" },
    { from: principal("meshwaf-demo", "www"), to: "db", method: "DELETE", path: "/rows/1?x=1", allow: true, policy: "meshwaf-demo/allow-to-db" },
    { from: principal("meshwaf-demo", "www"), to: "auth", method: "DELETE", path: "/login", allow: false },
    { from: principal("meshwaf-demo", "auth"), to: "db", method: "GET", path: "/", allow: false },
    { from: principal("meshwaf-demo", "db"), to: "www", method: "GET", path: "/", allow: false },
    { from: principal("istio-system", "istio-ingressgateway-service-account"), to: "db", method: "GET", path: "/", allow: false },
    { from: undefined, to: "www", method: "GET", path: "/", allow: false },
  ];
  for (const c of cases) {
    it(`${c.from ?? "plaintext"} -> ${c.to} ${c.method} ${c.path}: ${c.allow ? "allow" : "deny"}`, () => {
      const d = evaluate(set, { principal: c.from, toWorkload: c.to, port: 8080, method: c.method, path: c.path });
      expect(d.allow).toBe(c.allow);
      if (c.policy) expect(d.policy).toBe(c.policy);
    });
  }
  it("denies ports the policies do not name", () => {
    expect(evaluate(set, { principal: principal("meshwaf-demo", "www"), toWorkload: "db", port: 9090, method: "GET", path: "/" }).allow).toBe(false);
  });
});

describe("Istio semantics on hand-written policies", () => {
  const ap = (name: string, spec: Record<string, unknown>, namespace = "a"): KubeDocument => ({ apiVersion: "security.istio.io/v1", kind: "AuthorizationPolicy", metadata: { name, namespace }, spec });
  const target = { namespace: "a", labels: { app: "x" }, http: true };
  const req = { principal: principal("b", "c"), toWorkload: target, port: 80, method: "GET", path: "/admin/users" };
  const cases: { name: string; policies: KubeDocument[]; allow: boolean; policy: string }[] = [
    { name: "no policy: allow", policies: [], allow: true, policy: "no ALLOW policy selects the workload" },
    { name: "only a DENY that does not match: allow", policies: [ap("d", { action: "DENY", rules: [{ to: [{ operation: { methods: ["POST"] } }] }] })], allow: true, policy: "no ALLOW policy selects the workload" },
    { name: "DENY beats ALLOW", policies: [ap("all", { rules: [{}] }), ap("d", { action: "DENY", rules: [{ to: [{ operation: { paths: ["/admin/*"] } }] }] })], allow: false, policy: "a/d" },
    { name: "CUSTOM first (no authorizer: deny)", policies: [ap("c", { action: "CUSTOM", provider: { name: "ext" }, rules: [{}] }), ap("all", { rules: [{}] })], allow: false, policy: "a/c" },
    { name: "allow-nothing denies", policies: [ap("none", {})], allow: false, policy: "no rule of a/none matches" },
    { name: "rules: [{}] allows", policies: [ap("all", { rules: [{}] })], allow: true, policy: "a/all" },
    { name: "root namespace applies mesh-wide", policies: [ap("none", {}, "istio-system")], allow: false, policy: "no rule of istio-system/none matches" },
    { name: "other namespace does not apply", policies: [ap("none", {}, "z")], allow: true, policy: "no ALLOW policy selects the workload" },
    { name: "selector not matching does not apply", policies: [ap("none", { selector: { matchLabels: { app: "y" } } })], allow: true, policy: "no ALLOW policy selects the workload" },
    { name: "suffix path", policies: [ap("s", { rules: [{ to: [{ operation: { paths: ["*/users"] } }] }] })], allow: true, policy: "a/s" },
    { name: "exact path mismatch", policies: [ap("e", { rules: [{ to: [{ operation: { paths: ["/admin"] } }] }] })], allow: false, policy: "no rule of a/e matches" },
    { name: "namespaces source", policies: [ap("n", { rules: [{ from: [{ source: { namespaces: ["b"] } }] }] })], allow: true, policy: "a/n" },
    { name: "notPrincipals excludes", policies: [ap("n", { rules: [{ from: [{ source: { notPrincipals: [principal("b", "c")] } }] }] })], allow: false, policy: "no rule of a/n matches" },
    { name: "principal wildcard", policies: [ap("p", { rules: [{ from: [{ source: { principals: ["*"] } }] }] })], allow: true, policy: "a/p" },
    { name: "notMethods", policies: [ap("m", { rules: [{ to: [{ operation: { notMethods: ["GET"] } }] }] })], allow: false, policy: "no rule of a/m matches" },
  ];
  for (const c of cases) {
    it(c.name, () => expect(evaluate(c.policies, req)).toMatchObject({ allow: c.allow, policy: c.policy }));
  }

  it("HTTP fields on a TCP request: never match in ALLOW, always in DENY", () => {
    const tcp = { principal: principal("b", "c"), toWorkload: { namespace: "a", labels: { app: "x" }, http: false }, port: 5432 };
    expect(evaluate([ap("m", { rules: [{ to: [{ operation: { methods: ["GET"] } }] }] })], tcp).allow).toBe(false);
    expect(evaluate([ap("all", { rules: [{}] }), ap("d", { action: "DENY", rules: [{ to: [{ operation: { paths: ["/x"] } }] }] })], tcp)).toMatchObject({ allow: false, policy: "a/d" });
  });

  it("plaintext callers never match principals", () => {
    const p = [ap("p", { rules: [{ from: [{ source: { principals: ["*"] } }] }] })];
    expect(evaluate(p, { toWorkload: target, port: 80, method: "GET", path: "/" }).allow).toBe(false);
  });
});

describe("istioMatch and normalisePath", () => {
  const matches: [string, string, boolean][] = [
    ["/api/*", "/api/", true], ["/api/*", "/api/v1/x", true], ["/api/*", "/api", false], ["/api*", "/apix", true],
    ["*.png", "/a/b.png", true], ["*", "", false], ["*", "/", true], ["/login", "/login", true], ["/login", "/login/", false],
  ];
  for (const [p, v, want] of matches) it(`${p} ${want ? "matches" : "does not match"} ${JSON.stringify(v)}`, () => expect(istioMatch(p, v)).toBe(want));
  const paths: [string, string][] = [["/a/b?x=1", "/a/b"], ["/a/./b", "/a/b"], ["/a/../admin", "/admin"], ["/../../etc", "/etc"], ["/a/..", "/"], ["", "/"]];
  for (const [raw, want] of paths) it(`normalises ${JSON.stringify(raw)} to ${want}`, () => expect(normalisePath(raw)).toBe(want));
});

describe("sources outside the graph", () => {
  const graph = parseGraph(
    `workloads:
  - { name: db, namespace: data, serviceAccount: db, selector: { app: db }, ports: [{ name: http, number: 8080 }] }
calls:
  - { from: { principal: cluster.local/ns/ops/sa/backup }, to: db, methods: [GET] }
  - { from: { namespace: monitoring }, to: db, paths: [{ exact: /metrics }] }
`,
    "ext.yaml",
  );
  const set = generatePolicies(graph);
  const cases: [string, string, string, boolean][] = [
    [principal("ops", "backup"), "GET", "/dump", true],
    [principal("ops", "backup"), "POST", "/dump", false],
    [principal("ops", "other"), "GET", "/dump", false],
    [principal("monitoring", "prometheus"), "GET", "/metrics", true],
    [principal("monitoring", "prometheus"), "GET", "/metrics/x", false],
    [principal("monitor", "prometheus"), "GET", "/metrics", false],
  ];
  for (const [from, method, path, allow] of cases) {
    it(`${from} ${method} ${path}: ${allow ? "allow" : "deny"}`, () => expect(evaluate(set, { principal: from, toWorkload: "db", port: 8080, method, path }).allow).toBe(allow));
  }
});
