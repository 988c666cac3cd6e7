// Kubernetes NetworkPolicy ingress semantics, for the sidecar and layer patterns
// where segmentation is enforced at L3/L4 rather than by Istio identities: a pod
// selected by no policy accepts everything; a selected pod accepts a connection
// when some ingress rule of some selecting policy matches its source and port.

export interface Pod {
  namespace: string;
  labels: Record<string, string>;
}

export interface NamespaceInfo {
  name: string;
  labels: Record<string, string>;
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: unknown;
}

export interface NetworkPolicyDoc {
  metadata: { name?: string; namespace?: string };
  spec: {
    podSelector: LabelSelector;
    policyTypes?: string[];
    ingress?: { from?: PolicyPeer[]; ports?: { port?: number | string; protocol?: string }[] }[];
  };
}

export function selects(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    const value = labels[e.key];
    const values = e.values ?? [];
    if (e.operator === "In" && !(has && values.includes(value))) return false;
    if (e.operator === "NotIn" && has && values.includes(value)) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

function peerMatches(peer: PolicyPeer, policyNs: string, source: Pod, namespaces: Map<string, NamespaceInfo>): boolean {
  if (peer.ipBlock) return false; // the simulation has no pod IP ranges to match
  const nsLabels = namespaces.get(source.namespace)?.labels ?? { "kubernetes.io/metadata.name": source.namespace };
  const nsOk = peer.namespaceSelector ? selects(peer.namespaceSelector, nsLabels) : source.namespace === policyNs;
  return nsOk && selects(peer.podSelector, source.labels);
}

export interface NetpolDecision {
  allow: boolean;
  policy: string;
}

/** Whether `source` (or an outside client, when null) may connect to `dest` on `port`. */
export function evaluateNetworkPolicies(
  policies: NetworkPolicyDoc[], dest: Pod, source: Pod | null, port: number, namespaces: NamespaceInfo[] = [],
): NetpolDecision {
  const nsMap = new Map(namespaces.map((n) => [n.name, n]));
  const selecting = policies.filter((p) =>
    (p.metadata.namespace ?? "default") === dest.namespace &&
    (p.spec.policyTypes ?? ["Ingress"]).includes("Ingress") &&
    selects(p.spec.podSelector, dest.labels));
  if (selecting.length === 0) return { allow: true, policy: "(no NetworkPolicy selects the pod)" };
  for (const p of selecting) {
    for (const rule of p.spec.ingress ?? []) {
      const portOk = !rule.ports || rule.ports.length === 0 || rule.ports.some((q) => q.port === undefined || Number(q.port) === port);
      const fromOk = !rule.from || rule.from.length === 0 ||
        (source !== null && rule.from.some((peer) => peerMatches(peer, p.metadata.namespace ?? "default", source, nsMap)));
      if (portOk && fromOk) return { allow: true, policy: p.metadata.name ?? "" };
    }
  }
  return { allow: false, policy: selecting.map((p) => p.metadata.name).join(",") };
}
