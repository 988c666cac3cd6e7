// Kubernetes NetworkPolicies: the L3/L4 layer under Istio's L7 policies. They hold even
// when a pod runs without a sidecar. Per namespace: deny all ingress, keep the mesh's own
// ports open; per destination: the declared callers' pods on the declared ports.
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { checked, type KubeDocument } from "../manifests/document.js";
import { type Call, type ServiceGraph, type Workload, workloadByName } from "./graph.js";

/**
 * Ports the mesh itself needs reachable on every pod: 15008 HBONE (mTLS tunnel), 15020 merged
 * Prometheus metrics, 15021 health checks (kubelet probes are rewritten to it), 15090 Envoy stats.
 */
export const MESH_PORTS = [15008, 15020, 15021, 15090] as const;
const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
const MANAGED_BY = { "app.kubernetes.io/managed-by": "meshwaf" };

type Peer = { podSelector?: { matchLabels: Record<string, string> }; namespaceSelector: { matchLabels: Record<string, string> } };

function namespaceSelector(namespace: string) {
  return { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } };
}

function peerOf(graph: ServiceGraph, call: Call): Peer {
  switch (call.from.kind) {
    case "workload": {
      const w = workloadByName(graph, call.from.workload) as Workload;
      return { podSelector: { matchLabels: { ...w.selector } }, namespaceSelector: namespaceSelector(w.namespace) };
    }
    case "ingress":
      return { podSelector: { matchLabels: { ...graph.ingress.selector } }, namespaceSelector: namespaceSelector(graph.ingress.namespace) };
    case "principal":
      // A principal outside the graph: its pods are unknown, its namespace is in the principal.
      return { namespaceSelector: namespaceSelector(call.from.principal.split("/")[2]) };
    case "namespace":
      return { namespaceSelector: namespaceSelector(call.from.namespace) };
  }
}

export function networkPolicyName(workload: string): string {
  return `allow-to-${workload}`;
}

/** @param meshPorts keep Istio's ports reachable (off for patterns without a mesh: nothing listens there). */
export function generateNetworkPolicies(graph: ServiceGraph, meshPorts = true): KubeDocument[] {
  const namespaces = [...new Set(graph.workloads.map((w) => w.namespace))].sort();
  const perNamespace = namespaces.flatMap((namespace) => [
    checked(
      new NetworkPolicy({
        metadata: { name: "default-deny-ingress", namespace, labels: { ...MANAGED_BY } },
        spec: { podSelector: {}, policyTypes: ["Ingress"] },
      }),
    ),
    ...(meshPorts
      ? [
          checked(
            new NetworkPolicy({
              metadata: { name: "allow-mesh-ports", namespace, labels: { ...MANAGED_BY } },
              spec: { podSelector: {}, policyTypes: ["Ingress"], ingress: [{ ports: MESH_PORTS.map((port) => ({ port, protocol: "TCP" })) }] },
            }),
          ),
        ]
      : []),
  ]);
  const perWorkload = [...graph.workloads]
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
    .flatMap((w) => {
      const calls = graph.calls.filter((c) => c.to === w.name);
      if (calls.length === 0) return [];
      return [
        checked(
          new NetworkPolicy({
            metadata: { name: networkPolicyName(w.name), namespace: w.namespace, labels: { ...MANAGED_BY } },
            spec: {
              podSelector: { matchLabels: { ...w.selector } },
              policyTypes: ["Ingress"],
              ingress: calls.map((c) => ({ from: [peerOf(graph, c)], ports: c.ports.map((port) => ({ port, protocol: "TCP" })) })),
            },
          }),
        ),
      ];
    });
  return [...perNamespace, ...perWorkload];
}
