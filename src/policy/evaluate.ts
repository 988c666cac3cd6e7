// Evaluates AuthorizationPolicies for one request the way Istio does:
// CUSTOM, then DENY (any match denies), then ALLOW: when no ALLOW policy selects the
// workload the request is allowed; otherwise some ALLOW rule must match.
// Works on any AuthorizationPolicy documents, not only the ones meshwaf generates.
import type { KubeDocument } from "../manifests/document.js";
import { HTTP_PROTOCOLS, type ServiceGraph, workloadByName } from "./graph.js";
import type { PolicySet } from "./generate.js";

export interface EvaluationTarget {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Whether the port speaks HTTP; decides how methods and paths apply. @default true when a method is given */
  readonly http?: boolean;
}

export interface EvaluationRequest {
  /** The caller's mTLS principal (`<td>/ns/<ns>/sa/<sa>`, with or without `spiffe://`); none for plaintext callers. */
  readonly principal?: string;
  /** The caller's namespace (derived from the principal when not given). */
  readonly namespace?: string;
  /** A workload name of the policy set's graph, or an explicit target. */
  readonly toWorkload: string | EvaluationTarget;
  /** Destination container port. */
  readonly port: number;
  /** HTTP method; absent for a TCP connection. */
  readonly method?: string;
  /** Request path (query string ignored, as Istio's url_path matcher does). */
  readonly path?: string;
}

export interface Decision {
  readonly allow: boolean;
  /** The deciding policy as `namespace/name`, or a short reason when none decided. */
  readonly policy: string;
  readonly action: "CUSTOM" | "DENY" | "ALLOW" | "DEFAULT";
}

export interface EvaluateOptions {
  /** Namespace whose policies apply mesh-wide. @default "istio-system" */
  readonly rootNamespace?: string;
  /** The external authorizer's answer for a matching CUSTOM policy. @default deny (none is reachable here) */
  readonly custom?: (policy: KubeDocument) => boolean;
}

type Obj = Record<string, unknown>;
type Strs = readonly string[] | undefined;

/** Istio string matching: "*" any non-empty value, "abc*" prefix, "*abc" suffix, else exact. */
export function istioMatch(pattern: string, value: string): boolean {
  if (pattern === "*") return value !== "";
  if (pattern.endsWith("*")) return value.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith("*")) return value.endsWith(pattern.slice(1));
  return pattern === value;
}

/** The path as Istio's BASE normalization sees it: no query or fragment, dot segments resolved. */
export function normalisePath(path: string): string {
  const bare = path.split(/[?#]/, 1)[0] || "/";
  const out: string[] = [];
  for (const seg of bare.split("/").slice(1)) {
    if (seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  const joined = `/${out.join("/")}`;
  return /\/\.{1,2}$/.test(bare) && !joined.endsWith("/") ? `${joined}/` : joined;
}

const anyMatch = (patterns: Strs, value: string | undefined) => value !== undefined && (patterns ?? []).some((p) => istioMatch(p, value));

interface Facts {
  principal?: string;
  namespace?: string;
  port: string;
  method?: string;
  path?: string;
  http: boolean;
}

/**
 * One field of a rule: absent → matches; present → must (not) match. On a non-HTTP request,
 * HTTP-only fields never match in ALLOW and always match in DENY (Istio's documented behaviour).
 */
function field(values: Strs, notValues: Strs, value: string | undefined, httpOnly: boolean, facts: Facts, deny: boolean): boolean {
  if (values === undefined && notValues === undefined) return true;
  if (httpOnly && !facts.http) return deny;
  if (values !== undefined && !anyMatch(values, value)) return false;
  if (notValues !== undefined && anyMatch(notValues, value)) return false;
  return true;
}

function sourceMatches(src: Obj, facts: Facts, deny: boolean): boolean {
  // Fields the emulation cannot know (IPs, JWT claims) never match: conservative for ALLOW.
  for (const unknown of ["ipBlocks", "remoteIpBlocks", "requestPrincipals"]) if (src[unknown] !== undefined) return false;
  return (
    field(src.principals as Strs, src.notPrincipals as Strs, facts.principal, false, facts, deny) &&
    field(src.namespaces as Strs, src.notNamespaces as Strs, facts.namespace, false, facts, deny)
  );
}

function operationMatches(op: Obj, facts: Facts, deny: boolean): boolean {
  if (op.hosts !== undefined || op.notHosts !== undefined) return false;
  return (
    field(op.ports as Strs, op.notPorts as Strs, facts.port, false, facts, deny) &&
    field(op.methods as Strs, op.notMethods as Strs, facts.method, true, facts, deny) &&
    field(op.paths as Strs, op.notPaths as Strs, facts.path, true, facts, deny)
  );
}

function ruleMatches(rule: Obj, facts: Facts, deny: boolean): boolean {
  const from = rule.from as { source?: Obj }[] | undefined;
  const to = rule.to as { operation?: Obj }[] | undefined;
  if (rule.when !== undefined) return false;
  if (from !== undefined && !from.some((f) => sourceMatches(f.source ?? {}, facts, deny))) return false;
  if (to !== undefined && !to.some((t) => operationMatches(t.operation ?? {}, facts, deny))) return false;
  return true;
}

function selects(policy: KubeDocument, target: EvaluationTarget, rootNamespace: string): boolean {
  const ns = policy.metadata.namespace;
  if (ns !== target.namespace && ns !== rootNamespace) return false;
  const spec = (policy.spec ?? {}) as Obj;
  const labels = ((spec.selector as Obj | undefined)?.matchLabels ?? {}) as Record<string, string>;
  return Object.entries(labels).every(([k, v]) => target.labels[k] === v);
}

function resolveTarget(graph: ServiceGraph | undefined, req: EvaluationRequest): EvaluationTarget {
  if (typeof req.toWorkload !== "string") return req.toWorkload;
  const w = graph && workloadByName(graph, req.toWorkload);
  if (!w) throw new Error(`unknown workload "${req.toWorkload}"`);
  const port = w.ports.find((p) => p.number === req.port);
  return { namespace: w.namespace, labels: w.selector, http: port ? HTTP_PROTOCOLS.has(port.protocol) : req.method !== undefined };
}

const id = (p: KubeDocument) => `${p.metadata.namespace}/${p.metadata.name}`;

/** Decides one request against a policy set (or plain AuthorizationPolicy documents). */
export function evaluate(policies: PolicySet | readonly KubeDocument[], req: EvaluationRequest, options: EvaluateOptions = {}): Decision {
  const rootNamespace = options.rootNamespace ?? "istio-system";
  const graph = "graph" in policies ? policies.graph : undefined;
  const docs = ("graph" in policies ? policies.documents : policies).filter((d) => d.kind === "AuthorizationPolicy");
  const target = resolveTarget(graph, req);
  const principal = req.principal?.replace(/^spiffe:\/\//, "");
  const facts: Facts = {
    principal,
    namespace: req.namespace ?? principal?.match(/\/ns\/([^/]+)\//)?.[1],
    port: String(req.port),
    method: req.method,
    path: req.path === undefined ? undefined : normalisePath(req.path),
    http: target.http ?? req.method !== undefined,
  };
  const applicable = docs.filter((p) => selects(p, target, rootNamespace));
  const byAction = (action: string) => applicable.filter((p) => (((p.spec ?? {}) as Obj).action ?? "ALLOW") === action);
  const rulesOf = (p: KubeDocument) => ((((p.spec ?? {}) as Obj).rules ?? []) as Obj[]);

  for (const p of byAction("CUSTOM")) {
    if (rulesOf(p).some((r) => ruleMatches(r, facts, false)) && !(options.custom?.(p) ?? false)) return { allow: false, policy: id(p), action: "CUSTOM" };
  }
  for (const p of byAction("DENY")) {
    if (rulesOf(p).some((r) => ruleMatches(r, facts, true))) return { allow: false, policy: id(p), action: "DENY" };
  }
  const allows = byAction("ALLOW");
  if (allows.length === 0) return { allow: true, policy: "no ALLOW policy selects the workload", action: "DEFAULT" };
  for (const p of allows) {
    if (rulesOf(p).some((r) => ruleMatches(r, facts, false))) return { allow: true, policy: id(p), action: "ALLOW" };
  }
  return { allow: false, policy: `no rule of ${allows.map(id).join(", ")} matches`, action: "DEFAULT" };
}
