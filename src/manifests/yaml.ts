// Deterministic YAML: sorted keys, no line folding, documents in the order given,
// so generated manifests diff cleanly in Git and tests can compare bytes.
import { stringify } from "yaml";

/** One document as YAML text, keys sorted at every level. */
export function toYaml(doc: unknown): string {
  return stringify(doc, { sortMapEntries: true, lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}

/** Several documents in one stream, separated by `---`. */
export function toYamlStream(docs: readonly unknown[]): string {
  return docs.map(toYaml).join("---\n");
}
