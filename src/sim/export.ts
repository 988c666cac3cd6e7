// `meshwaf demo --export DIR`: the demo's setup as files to take to a real cluster:
// the service graph and the policies generated from it.
import { join } from "node:path";
import { REFERENCE_GRAPH_YAML, generatePolicies, referenceGraph } from "../policy/index.js";
import { documentFiles } from "../manifests/output.js";
import { writeFilesAtomically } from "../manifests/write-dir.js";
import type { Pattern } from "./setup.js";

export async function exportSetup(pattern: Pattern, dir: string): Promise<string[]> {
  const graph = referenceGraph();
  const files = new Map<string, string>([["graph.yaml", REFERENCE_GRAPH_YAML]]);
  const policies = generatePolicies(graph, { networkPolicies: pattern !== "mesh" });
  for (const [name, yaml] of documentFiles(policies.documents)) files.set(join(pattern, name), yaml);
  return writeFilesAtomically(dir, files);
}
