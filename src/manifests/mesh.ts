// Pattern "mesh" (the default): Istio sidecars run the module (one WasmPlugin per namespace,
// selecting every workload there) and enforce the graph's AuthorizationPolicies over mTLS.
import { generateWasmPlugin } from "../istio/wasmplugin.js";
import { generatePolicies, namespacesOf } from "../policy/generate.js";
import type { ServiceGraph } from "../policy/graph.js";
import type { KubeDocument } from "./document.js";
import { ingressDocs } from "./ingress.js";
import type { ManifestOptions } from "./options.js";
import { DEFAULT_APP_IMAGE, namespaceDocs, workloadDocs } from "./workloads.js";

export function meshManifests(graph: ServiceGraph, options: ManifestOptions): KubeDocument[] {
  const plugins = namespacesOf(graph).map((namespace) =>
    generateWasmPlugin({ url: options.url, sha256: options.sha256, namespace, pluginConfig: options.pluginConfig }),
  );
  return [
    ...namespaceDocs(graph, true),
    ...workloadDocs(graph, options.appImage ?? DEFAULT_APP_IMAGE),
    ...ingressDocs(graph),
    ...plugins,
    ...generatePolicies(graph, { networkPolicies: options.networkPolicies }).documents,
  ];
}
