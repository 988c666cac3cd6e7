// The service graph: which workloads exist and which calls between them are allowed.
// It is the single input of micro-segmentation; every policy is derived from it.

export type Protocol = "HTTP" | "HTTP2" | "GRPC" | "TCP" | "TLS";
export const PROTOCOLS: readonly Protocol[] = ["HTTP", "HTTP2", "GRPC", "TCP", "TLS"];
/** Protocols on which Istio can match methods and paths. */
export const HTTP_PROTOCOLS: ReadonlySet<Protocol> = new Set(["HTTP", "HTTP2", "GRPC"]);

export interface WorkloadPort {
  /** Port name, e.g. "http" (Istio reads the protocol from the name prefix or appProtocol). */
  readonly name: string;
  /** The container port (AuthorizationPolicy `ports` are container ports, not Service ports). */
  readonly number: number;
  readonly protocol: Protocol;
}

export interface Workload {
  readonly name: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  /** Pod labels that select the workload (AuthorizationPolicy and NetworkPolicy selectors). */
  readonly selector: Readonly<Record<string, string>>;
  readonly ports: readonly WorkloadPort[];
}

/** Who makes a call: a workload of the graph, the ingress gateway, or an identity outside the graph. */
export type CallSource =
  | { readonly kind: "workload"; readonly workload: string }
  | { readonly kind: "ingress" }
  | { readonly kind: "principal"; readonly principal: string }
  | { readonly kind: "namespace"; readonly namespace: string };

export type PathMatch = { readonly prefix: string } | { readonly exact: string };

export interface Call {
  readonly from: CallSource;
  /** Destination workload name. */
  readonly to: string;
  /** Destination container ports; all of the workload's ports when the graph omits them. */
  readonly ports: readonly number[];
  /** Allowed HTTP methods; empty means any. */
  readonly methods: readonly string[];
  /** Allowed paths; empty means any. */
  readonly paths: readonly PathMatch[];
}

/** The mesh's ingress gateway, the entry point of calls from outside the mesh. */
export interface IngressGateway {
  readonly namespace: string;
  readonly serviceAccount: string;
  /** Pod labels of the gateway (for NetworkPolicies). */
  readonly selector: Readonly<Record<string, string>>;
}

export interface ServiceGraph {
  /** Where the graph came from, for messages. */
  readonly source: string;
  readonly trustDomain: string;
  readonly ingress: IngressGateway;
  readonly workloads: readonly Workload[];
  readonly calls: readonly Call[];
}

export const DEFAULT_TRUST_DOMAIN = "cluster.local";
export const DEFAULT_INGRESS: IngressGateway = {
  namespace: "istio-system",
  serviceAccount: "istio-ingressgateway-service-account",
  selector: { istio: "ingressgateway" },
};

/** The SPIFFE-derived principal Istio matches in `principals`: `<trust-domain>/ns/<ns>/sa/<sa>`. */
export function principalOf(trustDomain: string, namespace: string, serviceAccount: string): string {
  return `${trustDomain}/ns/${namespace}/sa/${serviceAccount}`;
}

export function workloadByName(graph: ServiceGraph, name: string): Workload | undefined {
  return graph.workloads.find((w) => w.name === name);
}

/** The principal a call source authenticates as, or undefined for a namespace-wide source. */
export function sourcePrincipal(graph: ServiceGraph, from: CallSource): string | undefined {
  switch (from.kind) {
    case "workload": {
      const w = workloadByName(graph, from.workload);
      return w && principalOf(graph.trustDomain, w.namespace, w.serviceAccount);
    }
    case "ingress":
      return principalOf(graph.trustDomain, graph.ingress.namespace, graph.ingress.serviceAccount);
    case "principal":
      return from.principal;
    case "namespace":
      return undefined;
  }
}

/** A short label for a source, for diagrams and messages. */
export function sourceLabel(from: CallSource): string {
  switch (from.kind) {
    case "workload":
      return from.workload;
    case "ingress":
      return "ingress";
    case "principal":
      return from.principal;
    case "namespace":
      return `ns:${from.namespace}`;
  }
}
