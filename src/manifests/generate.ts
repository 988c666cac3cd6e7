// The three deployment patterns from one graph, as the files of a kustomize directory:
// one file per document, patches/ for the sidecar pattern, and kustomization.yaml.
import type { ServiceGraph } from "../policy/graph.js";
import type { KubeDocument } from "./document.js";
import { layerManifests } from "./layer.js";
import { meshManifests } from "./mesh.js";
import type { ManifestOptions } from "./options.js";
import { documentFiles } from "./output.js";
import { sidecarManifests, type PatternOutput } from "./sidecar.js";
import { toYaml } from "./yaml.js";

export function patternOutput(graph: ServiceGraph, options: ManifestOptions): PatternOutput {
  switch (options.pattern) {
    case "mesh":
      return { documents: meshManifests(graph, options), patches: [] };
    case "sidecar":
      return sidecarManifests(graph, options);
    case "layer":
      return layerManifests(graph, options);
  }
}

export function kustomization(documents: readonly KubeDocument[], patches: PatternOutput["patches"]): Record<string, unknown> {
  const k: Record<string, unknown> = {
    apiVersion: "kustomize.config.k8s.io/v1beta1",
    kind: "Kustomization",
    resources: [...documentFiles(documents).keys()],
  };
  if (patches.length > 0) k.patches = patches.map((p) => ({ path: p.file, target: p.target }));
  return k;
}

/** Every file of the output directory, by relative path. */
export function manifestFiles(graph: ServiceGraph, options: ManifestOptions): Map<string, string> {
  const { documents, patches } = patternOutput(graph, options);
  const files = documentFiles(documents);
  for (const p of patches) files.set(p.file, toYaml(p.patch));
  files.set("kustomization.yaml", toYaml(kustomization(documents, patches)));
  return files;
}
