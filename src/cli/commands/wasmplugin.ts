// `meshwaf wasmplugin`: the Istio WasmPlugin that loads the module into sidecars.
import type { Command } from "commander";
import { UserError } from "../errors.js";
import { ConfigError } from "../../config/schema.js";
import { FAIL_STRATEGIES, MATCH_MODES, PHASES, PULL_POLICIES, WasmPluginError, generateWasmPlugin, urlDigest, type WasmPluginOptions } from "../../istio/wasmplugin.js";
import { pinnedSha256 } from "../../istio/pin.js";
import { loadPluginConfig } from "../../manifests/plugin-config.js";
import { documentFiles, toYamlStream } from "../../manifests/output.js";
import { writeFilesAtomically } from "../../manifests/write-dir.js";
import { VARIANTS, type Variant } from "../../oci/index.js";
import { DEFAULT_WASM, readModule } from "./package.js";

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new UserError(`${flag}: "${value}" is not valid; expected one of ${allowed.join(", ")}`);
  return value as T;
}

/** --selector k=v, repeatable. */
export function parseSelectors(values: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const v of values) {
    const m = v.match(/^([A-Za-z0-9][-A-Za-z0-9_./]*)=([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/);
    if (!m) throw new UserError(`--selector: "${v}" is not valid; expected LABEL=VALUE, e.g. app=www`);
    labels[m[1]] = m[2] ?? "";
  }
  return labels;
}

export interface WasmPluginFlags {
  url: string;
  sha256?: string;
  wasm: string;
  variant: string;
  name: string;
  namespace: string;
  selector: string[];
  config?: string;
  phase: string;
  priority?: string;
  failStrategy: string;
  imagePullPolicy: string;
  imagePullSecret?: string;
  matchMode: string;
}

/** Turns the flags into generator options; the module is read only when the sha256 must be computed. */
export function wasmPluginOptions(flags: WasmPluginFlags): WasmPluginOptions {
  const priority = flags.priority === undefined ? undefined : Number(flags.priority);
  if (priority !== undefined && !Number.isInteger(priority)) throw new UserError(`--priority: "${flags.priority}" is not valid; expected an integer`);
  const variant = oneOf("--variant", flags.variant, VARIANTS) as Variant;
  const sha256 = flags.sha256?.replace(/^sha256:/, "") ?? (urlDigest(flags.url) || pinnedSha256(flags.url, readModule(flags.wasm), variant));
  return {
    url: flags.url,
    sha256,
    name: flags.name,
    namespace: flags.namespace,
    selector: parseSelectors(flags.selector),
    pluginConfig: flags.config ? loadPluginConfig(flags.config) : undefined,
    configSource: flags.config,
    phase: oneOf("--phase", flags.phase, PHASES),
    priority,
    failStrategy: oneOf("--fail-strategy", flags.failStrategy, FAIL_STRATEGIES),
    imagePullPolicy: oneOf("--image-pull-policy", flags.imagePullPolicy, PULL_POLICIES),
    imagePullSecret: flags.imagePullSecret,
    matchMode: oneOf("--match-mode", flags.matchMode, MATCH_MODES),
  };
}

/** Runs a generator, turning its validation errors into user errors. */
export function asUserError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof WasmPluginError) throw new UserError(`--${err.message.replace(/^(\w+)/, (f) => f.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))}`);
    if (err instanceof ConfigError) throw new UserError(err.message);
    throw err;
  }
}

export function registerWasmPlugin(program: Command): void {
  program
    .command("wasmplugin")
    .description("generate the Istio WasmPlugin (defaults: FAIL_CLOSE, phase AUTHN, SERVER side, sha256 pinned)")
    .requiredOption("--url <url>", "oci://HOST/REPO:TAG (or @sha256:…), https://…, file://… (required)")
    .option("--sha256 <hex>", "pin: the module's sha256 for https/file urls, the manifest digest for oci urls (default: computed from --wasm)")
    .option("--wasm <path>", "local module used to compute the pin", DEFAULT_WASM)
    .option("--variant <variant>", `image variant pushed (${VARIANTS.join(" | ")}), for the oci pin`, "oci")
    .option("--name <name>", "WasmPlugin name", "meshwaf")
    .option("--namespace <ns>", "namespace (istio-system applies mesh-wide)", "istio-system")
    .option("--selector <k=v>", "workload label, repeatable", (v: string, all: string[]) => [...all, v], [] as string[])
    .option("--config <file>", "plugin configuration (JSON or YAML), validated against schema/config.schema.json")
    .option("--phase <phase>", PHASES.join(" | "), "AUTHN")
    .option("--priority <n>", "order among plugins of the same phase (higher first)")
    .option("--fail-strategy <s>", FAIL_STRATEGIES.join(" | "), "FAIL_CLOSE")
    .option("--image-pull-policy <p>", PULL_POLICIES.join(" | "), "IfNotPresent")
    .option("--image-pull-secret <s>", "secret with registry credentials")
    .option("--match-mode <m>", MATCH_MODES.join(" | "), "SERVER")
    .option("--out <dir>", "write the document into DIR instead of stdout")
    .action((flags: WasmPluginFlags & { out?: string }) => {
      const doc = asUserError(() => generateWasmPlugin(wasmPluginOptions(flags)));
      if (flags.out) {
        writeFilesAtomically(flags.out, documentFiles([doc]));
        process.stdout.write(`wrote ${flags.out}\n`);
      } else process.stdout.write(toYamlStream([doc]));
    });
}
