// Where generated documents go: one YAML stream on stdout, or one file per document in --out DIR.
import type { KubeDocument } from "./document.js";
import { fileNameOf } from "./document.js";
import { toYaml, toYamlStream } from "./yaml.js";

/** The files of an --out directory, by name (each document in its own file). */
export function documentFiles(docs: readonly KubeDocument[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const doc of docs) {
    const name = fileNameOf(doc);
    if (files.has(name)) throw new Error(`two generated documents map to ${name}`);
    files.set(name, toYaml(doc));
  }
  return files;
}

export { toYamlStream };
