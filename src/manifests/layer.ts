// Pattern "layer": a separate Envoy Deployment runs the module in front of each protected
// workload. Service <name> now reaches the layer; Service <name>-app reaches the workload,
// and NetworkPolicies let only the layer (and the graph's callers on other ports) reach it.
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { generateNetworkPolicies } from "../policy/network.js";
import type { Call, ServiceGraph, Workload } from "../policy/graph.js";
import { namespacesOf, sortedWorkloads } from "../policy/generate.js";
import { checked, ManifestError, type KubeDocument } from "./document.js";
import { bootstrapConfigMap, envoyContainer, envoyVolumes, moduleConfigMap, protectedPort } from "./envoy-container.js";
import type { ManifestOptions } from "./options.js";
import { DEFAULT_APP_IMAGE, MANAGED_BY, namespaceDocs, serviceDoc, workloadDocs } from "./workloads.js";
import type { PatternOutput } from "./sidecar.js";

const layerName = (w: Workload) => `${w.name}-meshwaf`;
const layerLabels = (w: Workload) => ({ app: layerName(w), "meshwaf.dev/fronts": w.name });

/** The graph as the network sees it: callers reach the layer, the layer reaches the workload. */
function layeredGraph(graph: ServiceGraph): ServiceGraph {
  const layers: Workload[] = [];
  const calls: Call[] = [];
  for (const w of graph.workloads) {
    const p = protectedPort(w);
    if (!p) continue;
    layers.push({ name: layerName(w), namespace: w.namespace, serviceAccount: "default", selector: layerLabels(w), ports: [p] });
    calls.push({ from: { kind: "workload", workload: layerName(w) }, to: w.name, ports: [p.number], methods: [], paths: [] });
  }
  for (const c of graph.calls) {
    const target = graph.workloads.find((w) => w.name === c.to)!;
    const p = protectedPort(target);
    const viaLayer = p && c.ports.includes(p.number);
    if (viaLayer) calls.push({ ...c, to: layerName(target), ports: [p.number] });
    const direct = c.ports.filter((n) => n !== p?.number);
    if (direct.length > 0) calls.push({ ...c, ports: direct });
  }
  return { ...graph, workloads: [...graph.workloads, ...layers], calls };
}

export function layerManifests(graph: ServiceGraph, options: ManifestOptions): PatternOutput {
  const protectedWorkloads = sortedWorkloads(graph).filter((w) => protectedPort(w));
  if (protectedWorkloads.length === 0) throw new ManifestError("no workload has an HTTP port to protect");
  const documents: KubeDocument[] = [...namespaceDocs(graph, false)];
  for (const doc of workloadDocs(graph, options.appImage ?? DEFAULT_APP_IMAGE)) {
    const w = graph.workloads.find((x) => x.name === doc.metadata.name && x.namespace === doc.metadata.namespace);
    if (doc.kind === "Service" && w && protectedPort(w)) {
      documents.push(serviceDoc(w, w.selector, undefined, `${w.name}-app`));
      documents.push(serviceDoc({ ...w, ports: [protectedPort(w)!] }, layerLabels(w)));
    } else documents.push(doc);
  }
  documents.push(...namespacesOf(graph).map((ns) => moduleConfigMap(ns, options.module)));
  for (const w of protectedWorkloads) {
    const p = protectedPort(w)!;
    const configMap = `${layerName(w)}-envoy`;
    documents.push(bootstrapConfigMap(configMap, w.namespace, `${w.name}-app.${w.namespace}.svc.cluster.local:${p.number}`, p.number, options.pluginConfig));
    documents.push(
      checked(
        new Deployment({
          metadata: { name: layerName(w), namespace: w.namespace, labels: { ...MANAGED_BY, ...layerLabels(w) } },
          spec: {
            replicas: 2,
            selector: { matchLabels: layerLabels(w) },
            template: {
              metadata: { labels: layerLabels(w) },
              spec: { automountServiceAccountToken: false, containers: [envoyContainer(p.number)], volumes: envoyVolumes(configMap) },
            },
          },
        } as never),
      ),
    );
  }
  documents.push(...generateNetworkPolicies(layeredGraph(graph), false));
  return { documents, patches: [] };
}
