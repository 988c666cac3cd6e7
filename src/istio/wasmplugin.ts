// The Istio WasmPlugin that loads meshwaf into sidecars, with the defaults a security team
// wants: fail closed (a broken or missing module blocks traffic instead of letting it pass
// uninspected), AUTHN phase (before Istio's authorization filters), server side (inbound
// traffic of the selected workloads), and the module pinned by sha256.
import { WasmPlugin } from "@kubernetes-models/istio/extensions.istio.io/v1alpha1/WasmPlugin";
import { validateConfig } from "../config/schema.js";
import { checked, type KubeDocument } from "../manifests/document.js";

export const PHASES = ["AUTHN", "AUTHZ", "STATS", "UNSPECIFIED_PHASE"] as const;
export const FAIL_STRATEGIES = ["FAIL_CLOSE", "FAIL_OPEN", "FAIL_RELOAD"] as const;
export const PULL_POLICIES = ["IfNotPresent", "Always", "UNSPECIFIED_POLICY"] as const;
export const MATCH_MODES = ["SERVER", "CLIENT", "CLIENT_AND_SERVER"] as const;

export interface WasmPluginOptions {
  /** oci://HOST/REPO[:TAG|@sha256:…], https://…, http://… or file://… */
  readonly url: string;
  /**
   * Hex sha256 Istio verifies: of the module for http(s)/file urls, of the image manifest for
   * oci urls (Istio compares the manifest digest). Required: the caller computes it when the user gives none.
   */
  readonly sha256: string;
  /** @default "meshwaf" */
  readonly name?: string;
  /** istio-system (the root namespace) applies mesh-wide. @default "istio-system" */
  readonly namespace?: string;
  /** Workload labels; none selects every workload of the namespace. */
  readonly selector?: Readonly<Record<string, string>>;
  /** The filter configuration, validated against schema/config.schema.json. @default { mode: "block" } */
  readonly pluginConfig?: unknown;
  /** Where pluginConfig came from, for messages. */
  readonly configSource?: string;
  /** @default "AUTHN" */
  readonly phase?: (typeof PHASES)[number];
  readonly priority?: number;
  /** @default "FAIL_CLOSE" */
  readonly failStrategy?: (typeof FAIL_STRATEGIES)[number];
  /** @default "IfNotPresent" (the module is pinned, re-pulling gains nothing) */
  readonly imagePullPolicy?: (typeof PULL_POLICIES)[number];
  readonly imagePullSecret?: string;
  /** @default "SERVER" */
  readonly matchMode?: (typeof MATCH_MODES)[number];
}

export class WasmPluginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WasmPluginError";
  }
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** The digest a url pins itself (oci://…@sha256:HEX), if any. */
export function urlDigest(url: string): string | undefined {
  return url.match(/@sha256:([0-9a-f]{64})$/)?.[1];
}

function check(options: WasmPluginOptions): void {
  const fail = (field: string, message: string): never => {
    throw new WasmPluginError(`${field}: ${message}`);
  };
  if (!/^(oci|https?|file):\/\/\S+$/.test(options.url)) fail("url", `"${options.url}" is not valid; expected oci://HOST/REPOSITORY:TAG, https://…, http://… or file://…`);
  if (!/^[0-9a-f]{64}$/.test(options.sha256)) fail("sha256", `"${options.sha256}" is not valid; expected 64 lower-case hex digits`);
  const pinned = urlDigest(options.url);
  if (pinned && pinned !== options.sha256) fail("sha256", `${options.sha256} does not match the digest in the url (${pinned}); Istio rejects the plugin`);
  for (const [field, value] of [["name", options.name], ["namespace", options.namespace]] as const) {
    if (value !== undefined && !DNS_LABEL.test(value)) fail(field, `"${value}" is not valid; expected a lower-case DNS name`);
  }
  if (options.priority !== undefined && (!Number.isInteger(options.priority) || Math.abs(options.priority) > 2 ** 31 - 1)) fail("priority", `${options.priority} is not valid; expected a 32-bit integer`);
  if (options.imagePullSecret !== undefined && !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(options.imagePullSecret)) fail("imagePullSecret", `"${options.imagePullSecret}" is not a valid secret name`);
}

/** Builds the WasmPlugin; throws WasmPluginError or ConfigError naming the field. */
export function generateWasmPlugin(options: WasmPluginOptions): KubeDocument {
  check(options);
  const pluginConfig = options.pluginConfig ?? { mode: "block" };
  validateConfig(pluginConfig, options.configSource ?? "pluginConfig");
  const spec: Record<string, unknown> = {
    url: options.url,
    sha256: options.sha256,
    phase: options.phase ?? "AUTHN",
    failStrategy: options.failStrategy ?? "FAIL_CLOSE",
    imagePullPolicy: options.imagePullPolicy ?? "IfNotPresent",
    match: [{ mode: options.matchMode ?? "SERVER" }],
    pluginConfig,
  };
  if (options.selector && Object.keys(options.selector).length > 0) spec.selector = { matchLabels: { ...options.selector } };
  if (options.priority !== undefined) spec.priority = options.priority;
  if (options.imagePullSecret !== undefined) spec.imagePullSecret = options.imagePullSecret;
  return checked(
    new WasmPlugin({
      metadata: { name: options.name ?? "meshwaf", namespace: options.namespace ?? "istio-system", labels: { "app.kubernetes.io/managed-by": "meshwaf" } },
      spec: spec as never,
    }),
  );
}
