// The demo's mesh: the reference graph, the policies generated from it, the
// identity of every simulated caller, and the gate each protected service applies.
// Identities are loopback addresses: a connection from 127.0.0.11 is `www`, as an
// mTLS peer certificate (mesh) or a pod IP (NetworkPolicy patterns) would say.
import {
  evaluate, generatePolicies, principalOf, referenceGraph, sourceLabel, workloadByName, type PolicySet, type ServiceGraph,
} from "../policy/index.js";
import { validateConfig } from "../config/schema.js";
import { evaluateNetworkPolicies, type NetworkPolicyDoc, type Pod } from "./netpol.js";
import type { Caller } from "./traffic.js";
import type { GateResult } from "./front.js";
import type { ServiceName } from "./services.js";

export const PATTERNS = ["mesh", "sidecar", "layer"] as const;
export type Pattern = (typeof PATTERNS)[number];

/** The filter configuration the demo's WasmPlugin carries. */
export const DEMO_PLUGIN_CONFIG = { mode: "block", paranoiaLevel: 1, anomalyThreshold: 5 };

interface Identity extends Caller {
  /** mTLS principal; none for a caller outside the mesh. */
  principal?: string;
  /** The pod, for NetworkPolicy evaluation; none outside the cluster. */
  pod?: Pod;
}

export interface MeshSetup {
  pattern: Pattern;
  graph: ServiceGraph;
  policies: PolicySet;
  callers: Record<string, Caller>;
  pluginConfig: Record<string, unknown>;
  /** Allowed edges of the graph, as [from, to] labels. */
  allowedEdges: [string, string][];
  gate(service: ServiceName): (sourceAddress: string, method: string, path: string) => GateResult;
}

function identities(graph: ServiceGraph): Identity[] {
  const workload = (name: string, address: string): Identity => {
    const w = workloadByName(graph, name)!;
    return { name, address, principal: principalOf(graph.trustDomain, w.namespace, w.serviceAccount), pod: { namespace: w.namespace, labels: { ...w.selector } } };
  };
  return [
    workload("www", "127.0.0.11"),
    workload("auth", "127.0.0.12"),
    workload("db", "127.0.0.13"),
    {
      name: "ingress", address: "127.0.0.20",
      principal: principalOf(graph.trustDomain, graph.ingress.namespace, graph.ingress.serviceAccount),
      pod: { namespace: graph.ingress.namespace, labels: { ...graph.ingress.selector } },
    },
    // A client that reaches the cluster network without going through the gateway.
    { name: "outside", address: "127.0.0.99" },
  ];
}

export function buildSetup(pattern: Pattern): MeshSetup {
  const graph = referenceGraph();
  const policies = generatePolicies(graph, { networkPolicies: true });
  const pluginConfig: Record<string, unknown> = { ...DEMO_PLUGIN_CONFIG };
  validateConfig(pluginConfig, "the demo's plugin configuration");
  const ids = identities(graph);
  const byAddress = new Map(ids.map((i) => [i.address, i]));
  const netpols = policies.networkPolicies as unknown as NetworkPolicyDoc[];
  return {
    pattern,
    graph,
    policies,
    pluginConfig,
    callers: Object.fromEntries(ids.map((i) => [i.name, { name: i.name, address: i.address }])),
    allowedEdges: graph.calls.map((c) => [sourceLabel(c.from), c.to] as [string, string]),
    gate(service) {
      const w = workloadByName(graph, service)!;
      const port = w.ports[0].number;
      return (sourceAddress, method, path) => {
        const caller = byAddress.get(sourceAddress.replace(/^::ffff:/, ""));
        if (pattern === "mesh") {
          const d = evaluate(policies, { principal: caller?.principal, toWorkload: service, port, method, path });
          return { allow: d.allow, policy: d.policy, identity: caller?.principal ?? "" };
        }
        const d = evaluateNetworkPolicies(netpols, { namespace: w.namespace, labels: { ...w.selector } }, caller?.pod ?? null, port);
        return { allow: d.allow, policy: d.policy, identity: caller?.name ?? sourceAddress };
      };
    },
  };
}
