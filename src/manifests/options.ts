// What every deployment pattern needs besides the graph.
export type Pattern = "mesh" | "sidecar" | "layer";
export const PATTERNS: readonly Pattern[] = ["mesh", "sidecar", "layer"];

export interface ManifestOptions {
  readonly pattern: Pattern;
  /** Module url for the WasmPlugin (mesh pattern). */
  readonly url: string;
  /** The pin Istio verifies (manifest digest for oci urls, module sha256 otherwise). */
  readonly sha256: string;
  /** The module's bytes (sidecar and layer patterns mount them from a ConfigMap). */
  readonly module?: Uint8Array;
  /** The filter configuration (already validated). @default { mode: "block" } */
  readonly pluginConfig?: Record<string, unknown>;
  /** Image of the stand-in app containers. */
  readonly appImage?: string;
  /** Mesh pattern: add NetworkPolicies under the Istio policies. @default false */
  readonly networkPolicies?: boolean;
}
