// A generated Kubernetes document: a plain object with apiVersion, kind and metadata,
// validated against its schema (kubernetes-models / @kubernetes-models/istio) before anything is written.
import { describeModelError } from "./describe-error.js";
export interface KubeDocument {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ManifestError";
  }
}

/**
 * Builds the model, validates it against the resource's schema and returns the plain JSON.
 * A failure here is a bug in a generator or bad user input that slipped through: the
 * message names the document so it can be traced.
 */
export function checked(model: { toJSON(): unknown; validate(): void }): KubeDocument {
  const doc = model.toJSON() as unknown as KubeDocument;
  try {
    model.validate();
  } catch (err) {
    throw new ManifestError(`${describeDoc(doc)}: ${describeModelError(err)}`);
  }
  return JSON.parse(JSON.stringify(doc)) as KubeDocument;
}

export function describeDoc(doc: KubeDocument): string {
  const ns = doc.metadata?.namespace ? `${doc.metadata.namespace}/` : "";
  return `${doc.kind} ${ns}${doc.metadata?.name}`;
}

/** The file a document is written to in an --out directory: namespace, kind and name, lower case. */
export function fileNameOf(doc: KubeDocument): string {
  const parts = [doc.metadata.namespace, doc.kind.toLowerCase(), doc.metadata.name].filter((p): p is string => !!p);
  return `${parts.join(".")}.yaml`;
}
