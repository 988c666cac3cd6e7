// Pattern "sidecar": no mesh needed. An Envoy container running the module is added to each
// workload's pod (a strategic-merge patch), listening on app port + 10000 in front of the app;
// the Service sends callers to it, and NetworkPolicies admit the graph's callers on the Envoy
// port only, so the app port is reachable from inside the pod alone.
import { Container } from "kubernetes-models/v1/Container";
import { generateNetworkPolicies } from "../policy/network.js";
import type { ServiceGraph, Workload } from "../policy/graph.js";
import { namespacesOf, sortedWorkloads } from "../policy/generate.js";
import { ManifestError, type KubeDocument } from "./document.js";
import { bootstrapConfigMap, envoyContainer, envoyPortFor, envoyVolumes, moduleConfigMap, protectedPort } from "./envoy-container.js";
import type { ManifestOptions } from "./options.js";
import { DEFAULT_APP_IMAGE, namespaceDocs, serviceDoc, workloadDocs } from "./workloads.js";

export interface PatternOutput {
  readonly documents: KubeDocument[];
  /** Strategic-merge patches by file name (not standalone resources). */
  readonly patches: { file: string; target: { kind: string; name: string; namespace: string }; patch: Record<string, unknown> }[];
}

const bootstrapName = (w: Workload) => `${w.name}-meshwaf-envoy`;

/** The graph as the network sees it once Envoy fronts each protected port. */
function frontedGraph(graph: ServiceGraph): ServiceGraph {
  const portMap = new Map<string, Map<number, number>>();
  for (const w of graph.workloads) {
    const p = protectedPort(w);
    if (p) portMap.set(w.name, new Map([[p.number, envoyPortFor(w, p)]]));
  }
  const map = (w: string, n: number) => portMap.get(w)?.get(n) ?? n;
  return {
    ...graph,
    workloads: graph.workloads.map((w) => ({ ...w, ports: w.ports.map((p) => ({ ...p, number: map(w.name, p.number) })) })),
    calls: graph.calls.map((c) => ({ ...c, ports: c.ports.map((n) => map(c.to, n)) })),
  };
}

export function sidecarManifests(graph: ServiceGraph, options: ManifestOptions): PatternOutput {
  const protectedWorkloads = sortedWorkloads(graph).filter((w) => protectedPort(w));
  if (protectedWorkloads.length === 0) throw new ManifestError("no workload has an HTTP port to protect");
  const documents: KubeDocument[] = [...namespaceDocs(graph, false)];
  for (const doc of workloadDocs(graph, options.appImage ?? DEFAULT_APP_IMAGE)) {
    const w = graph.workloads.find((x) => x.name === doc.metadata.name && x.namespace === doc.metadata.namespace);
    const p = w && protectedPort(w);
    // The Service now targets Envoy's port for the protected port.
    documents.push(doc.kind === "Service" && w && p ? serviceDoc(w, w.selector, (q) => (q.number === p.number ? envoyPortFor(w, p) : q.number)) : doc);
  }
  documents.push(...namespacesOf(graph).map((ns) => moduleConfigMap(ns, options.module)));
  const patches: PatternOutput["patches"] = [];
  for (const w of protectedWorkloads) {
    const p = protectedPort(w)!;
    const listen = envoyPortFor(w, p);
    documents.push(bootstrapConfigMap(bootstrapName(w), w.namespace, `127.0.0.1:${p.number}`, listen, options.pluginConfig));
    const container = new Container(envoyContainer(listen) as never);
    container.validate();
    patches.push({
      file: `patches/${w.namespace}.${w.name}.meshwaf-envoy.yaml`,
      target: { kind: "Deployment", name: w.name, namespace: w.namespace },
      patch: {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: w.name, namespace: w.namespace },
        spec: { template: { spec: { containers: [container.toJSON()], volumes: envoyVolumes(bootstrapName(w)) } } },
      },
    });
  }
  documents.push(...generateNetworkPolicies(frontedGraph(graph), false));
  return { documents, patches };
}
