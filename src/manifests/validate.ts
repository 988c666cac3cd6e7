// Schema validation of a directory's manifests: every document is checked against the model
// of its apiVersion/kind (kubernetes-models for Kubernetes, @kubernetes-models/istio for Istio).
// Kustomize patches are partial by design and are skipped; a kustomization's resources must exist.
// meshwaf's WasmPlugin (its url or name says meshwaf) also has its pluginConfig checked, as
// `--config` is (src/config/schema.ts): wrong fields are problems, inert ones warnings.
import { parseAllDocuments } from "yaml";
import { configProblems, configWarnings } from "../config/schema.js";
import { describeModelError } from "./describe-error.js";

export interface ValidationReport {
  readonly checked: number;
  /** "file: Kind ns/name: message" */
  readonly problems: string[];
  /** Documents of kinds no model covers (listed, not failed). */
  readonly unchecked: string[];
  /** "file: Kind ns/name: spec.pluginConfig: message" for a meshwaf configuration that is valid but does nothing in part. */
  readonly warnings: string[];
}

/** Problems and warnings of the plugin configuration of meshwaf's WasmPlugin; nothing for other documents. */
function pluginConfigReport(obj: { kind?: string; metadata?: { name?: string }; spec?: { url?: unknown; pluginConfig?: unknown } }): { problems: string[]; warnings: string[] } {
  const spec = obj.spec;
  const ours = obj.kind === "WasmPlugin" && (String(spec?.url ?? "").includes("meshwaf") || (obj.metadata?.name ?? "").includes("meshwaf"));
  if (!ours || spec?.pluginConfig === undefined) return { problems: [], warnings: [] };
  const problems = configProblems(spec.pluginConfig);
  return { problems, warnings: problems.length === 0 ? configWarnings(spec.pluginConfig) : [] };
}

/** A configuration message with its field named from the document (`configuration: …` is the object itself). */
function inPluginConfig(message: string): string {
  return message.startsWith("configuration:") ? "spec.pluginConfig" + message.slice("configuration".length) : `spec.pluginConfig.${message}`;
}

type ModelCtor = new (data: unknown) => { validate(): void };

/** Loads the model class for an apiVersion/kind, or undefined when none exists. */
async function modelFor(apiVersion: string, kind: string): Promise<ModelCtor | undefined> {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (!/^[a-z0-9.]*$/.test(group) || !/^v\d+(alpha\d+|beta\d+)?$/.test(version) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return undefined;
  const candidates = group.endsWith("istio.io") ? [`@kubernetes-models/istio/${group}/${version}/${kind}`] : [`kubernetes-models/${group || ""}${group ? "/" : ""}${version}/${kind}`];
  for (const spec of candidates) {
    try {
      const mod = (await import(spec)) as Record<string, unknown>;
      const ctor = (mod[kind] ?? (mod.default as Record<string, unknown> | undefined)?.[kind]) as ModelCtor | undefined;
      if (ctor) return ctor;
    } catch {
      // no model for this kind
    }
  }
  return undefined;
}

export async function validateManifestFiles(files: ReadonlyMap<string, string>): Promise<ValidationReport> {
  const problems: string[] = [];
  const unchecked: string[] = [];
  const warnings: string[] = [];
  let checked = 0;
  const patchFiles = new Set<string>();
  for (const [file, text] of files) {
    if (!/(^|\/)kustomization\.ya?ml$/.test(file)) continue;
    const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
    const k = parseAllDocuments(text)[0]?.toJS() as { resources?: string[]; patches?: { path?: string }[] } | undefined;
    for (const r of k?.resources ?? []) if (!files.has(dir + r) && !r.includes("://")) problems.push(`${file}: resources: "${r}" does not exist`);
    for (const p of k?.patches ?? []) {
      if (p.path && !files.has(dir + p.path)) problems.push(`${file}: patches: "${p.path}" does not exist`);
      if (p.path) patchFiles.add(dir + p.path);
    }
  }
  for (const [file, text] of files) {
    if (/(^|\/)kustomization\.ya?ml$/.test(file) || patchFiles.has(file)) continue;
    const docs = parseAllDocuments(text);
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      if (doc.errors.length > 0) {
        problems.push(`${file}: not valid YAML: ${doc.errors[0].message}`);
        continue;
      }
      const obj = doc.toJS() as { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string }; spec?: { url?: unknown; pluginConfig?: unknown } } | null;
      if (obj === null) continue;
      if (obj.apiVersion === undefined && obj.kind === undefined) {
        unchecked.push(`${file}: not a Kubernetes document (no apiVersion, no kind)`);
        continue;
      }
      const what = `${obj.kind ?? "?"} ${obj.metadata?.namespace ? `${obj.metadata.namespace}/` : ""}${obj.metadata?.name ?? "?"}`;
      if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
        problems.push(`${file}: ${what}: apiVersion and kind are required`);
        continue;
      }
      if (!obj.metadata?.name) problems.push(`${file}: ${what}: metadata.name is required`);
      const Model = await modelFor(obj.apiVersion, obj.kind);
      if (!Model) {
        unchecked.push(`${file}: ${obj.apiVersion} ${what}`);
        continue;
      }
      checked++;
      try {
        new Model(obj).validate();
      } catch (err) {
        problems.push(`${file}: ${what}: ${describeModelError(err)}`);
      }
      const config = pluginConfigReport(obj);
      problems.push(...config.problems.map((p) => `${file}: ${what}: ${inPluginConfig(p)}`));
      warnings.push(...config.warnings.map((w) => `${file}: ${what}: ${inPluginConfig(w)}`));
    }
  }
  return { checked, problems, unchecked, warnings };
}
