// Micro-segmentation from a service graph, as Istio resources:
// - PeerAuthentication STRICT per namespace, so every caller has an mTLS identity
//   (principals never match plaintext callers);
// - an allow-nothing AuthorizationPolicy per namespace (`spec: {}`), so a workload the graph
//   does not open is unreachable;
// - one ALLOW AuthorizationPolicy per destination, one rule per declared call.
// Optional NetworkPolicies (network.ts) add the L3/L4 layer.
import { AuthorizationPolicy } from "@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy";
import { PeerAuthentication } from "@kubernetes-models/istio/security.istio.io/v1beta1/PeerAuthentication";
import { checked, type KubeDocument } from "../manifests/document.js";
import { type Call, type PathMatch, type ServiceGraph, type Workload, sourcePrincipal } from "./graph.js";
import { generateNetworkPolicies } from "./network.js";

export const MANAGED_BY = { "app.kubernetes.io/managed-by": "meshwaf" } as const;
export const ALLOW_NOTHING = "allow-nothing";

export interface PolicyOptions {
  /** Also generate Kubernetes NetworkPolicies. @default false */
  readonly networkPolicies?: boolean;
}

/** The generated documents, with the graph they came from (evaluate() resolves workload names with it). */
export interface PolicySet {
  readonly graph: ServiceGraph;
  readonly peerAuthentications: readonly KubeDocument[];
  readonly authorizationPolicies: readonly KubeDocument[];
  readonly networkPolicies: readonly KubeDocument[];
  /** Every document, in a stable order. */
  readonly documents: readonly KubeDocument[];
}

export function allowPolicyName(workload: string): string {
  return `allow-to-${workload}`;
}

export function namespacesOf(graph: ServiceGraph): string[] {
  return [...new Set(graph.workloads.map((w) => w.namespace))].sort();
}

/** Workloads in a stable order: by namespace, then name. */
export function sortedWorkloads(graph: ServiceGraph): Workload[] {
  return [...graph.workloads].sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

/** Istio path syntax: exact "/login", prefix "/api/*". */
export function istioPath(match: PathMatch): string {
  return "prefix" in match ? `${match.prefix}*` : match.exact;
}

function ruleFor(graph: ServiceGraph, call: Call) {
  const principal = sourcePrincipal(graph, call.from);
  const source = principal !== undefined ? { principals: [principal] } : { namespaces: [(call.from as { namespace: string }).namespace] };
  const operation: { ports: string[]; methods?: string[]; paths?: string[] } = { ports: call.ports.map(String) };
  if (call.methods.length > 0) operation.methods = [...call.methods];
  if (call.paths.length > 0) operation.paths = call.paths.map(istioPath);
  return { from: [{ source }], to: [{ operation }] };
}

function peerAuthentication(namespace: string): KubeDocument {
  return checked(
    new PeerAuthentication({
      metadata: { name: "default", namespace, labels: { ...MANAGED_BY } },
      spec: { mtls: { mode: "STRICT" } },
    }),
  );
}

function allowNothing(namespace: string): KubeDocument {
  return checked(
    new AuthorizationPolicy({
      metadata: { name: ALLOW_NOTHING, namespace, labels: { ...MANAGED_BY } },
      spec: {},
    }),
  );
}

function allowTo(graph: ServiceGraph, target: Workload, calls: readonly Call[]): KubeDocument {
  return checked(
    new AuthorizationPolicy({
      metadata: { name: allowPolicyName(target.name), namespace: target.namespace, labels: { ...MANAGED_BY } },
      spec: {
        action: "ALLOW",
        selector: { matchLabels: { ...target.selector } },
        rules: calls.map((c) => ruleFor(graph, c)),
      },
    }),
  );
}

/** Generates the policies of a (validated) graph. Pure: same graph, same documents. */
export function generatePolicies(graph: ServiceGraph, options: PolicyOptions = {}): PolicySet {
  const namespaces = namespacesOf(graph);
  const peerAuthentications = namespaces.map(peerAuthentication);
  const authorizationPolicies = [
    ...namespaces.map(allowNothing),
    ...sortedWorkloads(graph).flatMap((w) => {
      const calls = graph.calls.filter((c) => c.to === w.name);
      return calls.length > 0 ? [allowTo(graph, w, calls)] : [];
    }),
  ];
  const networkPolicies = options.networkPolicies ? generateNetworkPolicies(graph) : [];
  return {
    graph,
    peerAuthentications,
    authorizationPolicies,
    networkPolicies,
    documents: [...peerAuthentications, ...authorizationPolicies, ...networkPolicies],
  };
}
