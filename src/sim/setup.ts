// The demo's mesh: the reference graph, the policies generated from it, the
// identity of every simulated caller, and the gate each protected service applies.
// Identities are loopback addresses: a connection from 127.0.0.11 is `www`, as an
// mTLS peer certificate (mesh) or a pod IP (NetworkPolicy patterns) would say.
import {
  evaluate, generatePolicies, principalOf, referenceGraph, sourceLabel, workloadByName, type PolicySet, type ServiceGraph,
} from "../policy/index.js";
import { generateWasmPlugin } from "../istio/wasmplugin.js";
import { pinnedSha256 } from "../istio/pin.js";
import { REFERENCE_URL } from "../manifests/reference.js";
import { patternOutput } from "../manifests/generate.js";
import { envoyPortFor, protectedPort } from "../manifests/envoy-container.js";
import type { KubeDocument } from "../manifests/document.js";
import { evaluateNetworkPolicies, type NetworkPolicyDoc, type Pod } from "./netpol.js";
import type { Caller } from "./traffic.js";
import type { GateResult } from "./front.js";
import type { ServiceName } from "./services.js";

export const PATTERNS = ["mesh", "sidecar", "layer"] as const;
export type Pattern = (typeof PATTERNS)[number];

/** The filter configuration of the demo: the defaults, in block mode. */
export const DEMO_PLUGIN_CONFIG: Record<string, unknown> = { mode: "block" };

/** The WasmPlugin the demo's mesh would carry (as `meshwaf manifests` writes it for the reference graph). */
export function demoWasmPlugin(module: Uint8Array) {
  return generateWasmPlugin({
    url: REFERENCE_URL, sha256: pinnedSha256(REFERENCE_URL, module), pluginConfig: DEMO_PLUGIN_CONFIG, configSource: "the demo's plugin configuration",
  });
}

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

/**
 * Where a call to `service` lands in the sidecar and layer patterns, as the network sees it:
 * the pod (labels) and port of the Envoy that fronts it, from the pattern's generated manifests.
 */
function frontOf(pattern: Pattern, graph: ServiceGraph, docs: readonly KubeDocument[], service: string): { pod: Pod; port: number } {
  const w = workloadByName(graph, service)!;
  const appPort = protectedPort(w) ?? w.ports[0];
  if (pattern === "sidecar") {
    // The Envoy container shares the app's pod and listens on a port of its own.
    return { pod: { namespace: w.namespace, labels: { ...w.selector } }, port: envoyPortFor(w, appPort) };
  }
  // The layer is a Deployment of its own in front of the workload.
  const layer = docs.find((d) => d.kind === "Deployment" && d.metadata.name === `${service}-meshwaf`) as
    { spec: { template: { metadata: { labels: Record<string, string> } ; spec: { containers: { ports?: { containerPort: number }[] }[] } } } } | undefined;
  if (!layer) throw new Error(`the ${pattern} manifests have no layer Deployment for ${service}`);
  const port = layer.spec.template.spec.containers[0].ports?.[0]?.containerPort ?? appPort.number;
  return { pod: { namespace: w.namespace, labels: { ...layer.spec.template.metadata.labels } }, port };
}

export function buildSetup(pattern: Pattern, module: Uint8Array): MeshSetup {
  const graph = referenceGraph();
  const policies = generatePolicies(graph, { networkPolicies: true });
  const plugin = demoWasmPlugin(module);
  // The module gets exactly what Istio would deliver: the WasmPlugin's pluginConfig.
  const pluginConfig = (plugin.spec as { pluginConfig: Record<string, unknown> }).pluginConfig;
  const ids = identities(graph);
  const byAddress = new Map(ids.map((i) => [i.address, i]));
  // Without Istio identities, the sidecar and layer patterns segment with their own NetworkPolicies.
  const patternDocs = pattern === "mesh" ? [] :
    patternOutput(graph, { pattern, url: REFERENCE_URL, sha256: plugin.spec ? String((plugin.spec as { sha256: string }).sha256) : "", module, pluginConfig }).documents;
  const netpols = patternDocs.filter((d) => d.kind === "NetworkPolicy") as unknown as NetworkPolicyDoc[];
  return {
    pattern,
    graph,
    policies,
    pluginConfig,
    callers: Object.fromEntries(ids.map((i) => [i.name, { name: i.name, address: i.address }])),
    allowedEdges: graph.calls.map((c) => [sourceLabel(c.from), c.to] as [string, string]),
    gate(service) {
      const w = workloadByName(graph, service)!;
      if (pattern === "mesh") {
        const port = (protectedPort(w) ?? w.ports[0]).number;
        return (sourceAddress, method, path) => {
          const caller = byAddress.get(sourceAddress.replace(/^::ffff:/, ""));
          const d = evaluate(policies, { principal: caller?.principal, toWorkload: service, port, method, path });
          return { allow: d.allow, policy: d.policy, identity: caller?.principal ?? "" };
        };
      }
      const front = frontOf(pattern, graph, patternDocs, service);
      return (sourceAddress) => {
        const caller = byAddress.get(sourceAddress.replace(/^::ffff:/, ""));
        const d = evaluateNetworkPolicies(netpols, front.pod, caller?.pod ?? null, front.port);
        return { allow: d.allow, policy: d.policy, identity: caller?.name ?? sourceAddress };
      };
    },
  };
}
