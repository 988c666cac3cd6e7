// istio/ in this repository: the reference graph deployed with the mesh pattern.
// Regenerate with: npx meshwaf manifests istio/graph.yaml --pattern mesh --out istio [--url … --sha256 …]
import { REFERENCE_GRAPH_YAML, referenceGraph } from "../policy/reference.js";
import { manifestFiles } from "./generate.js";

export const REFERENCE_URL = "oci://registry.example.com/meshwaf:0.1.0";

/** Every file of istio/ except README.md; sha256 is the pin of the image the manifests refer to. */
export function referenceIstioFiles(sha256: string): Map<string, string> {
  const files = manifestFiles(referenceGraph(), { pattern: "mesh", url: REFERENCE_URL, sha256 });
  files.set("graph.yaml", REFERENCE_GRAPH_YAML);
  return files;
}
