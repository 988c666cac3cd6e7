// `meshwaf manifests GRAPH --pattern mesh|sidecar|layer --out DIR`: a kustomize directory.
import type { Command } from "commander";
import { UserError } from "../errors.js";
import { loadGraph } from "../../policy/index.js";
import { ManifestError } from "../../manifests/document.js";
import { manifestFiles } from "../../manifests/generate.js";
import { PATTERNS, type Pattern } from "../../manifests/options.js";
import { loadPluginConfig } from "../../manifests/plugin-config.js";
import { writeFilesAtomically } from "../../manifests/write-dir.js";
import { pinnedSha256 } from "../../istio/pin.js";
import { DEFAULT_APP_IMAGE } from "../../manifests/workloads.js";
import { REFERENCE_URL } from "../../manifests/reference.js";
import { asUserError } from "./wasmplugin.js";
import { DEFAULT_WASM, readModule } from "./package.js";

export function registerManifests(program: Command): void {
  program
    .command("manifests")
    .description("Kubernetes manifests for a deployment pattern, from a service graph, as a kustomize directory")
    .argument("<graph>", "service graph YAML")
    .requiredOption("--out <dir>", "output directory, required (kustomization.yaml, one file per document)")
    .option("--pattern <pattern>", "mesh: WasmPlugin + Istio policies; sidecar: Envoy container in each pod; layer: Envoy Deployment in front of each workload", "mesh")
    .option("--url <url>", "module url for the WasmPlugin (mesh)", REFERENCE_URL)
    .option("--sha256 <hex>", "pin (default: computed from --wasm; the manifest digest for oci urls)")
    .option("--wasm <path>", "the module", DEFAULT_WASM)
    .option("--config <file>", "plugin configuration (JSON or YAML)")
    .option("--app-image <image>", "image of the stand-in app containers", DEFAULT_APP_IMAGE)
    .option("--network-policies", "mesh pattern: add NetworkPolicies (always on for sidecar and layer)", false)
    .action((file: string, opts: { out: string; pattern: string; url: string; sha256?: string; wasm: string; config?: string; appImage: string; networkPolicies: boolean }) => {
      if (!PATTERNS.includes(opts.pattern as Pattern)) throw new UserError(`--pattern: "${opts.pattern}" is not valid; expected one of ${PATTERNS.join(", ")}`);
      const graph = loadGraph(file);
      const pluginConfig = opts.config ? loadPluginConfig(opts.config) : undefined;
      const needsModule = opts.pattern !== "mesh" || opts.sha256 === undefined;
      const module = needsModule ? readModule(opts.wasm) : undefined;
      const sha256 = opts.sha256?.replace(/^sha256:/, "") ?? pinnedSha256(opts.url, module!);
      const files = asUserError(() => {
        try {
          return manifestFiles(graph, { pattern: opts.pattern as Pattern, url: opts.url, sha256, module, pluginConfig, appImage: opts.appImage, networkPolicies: opts.networkPolicies });
        } catch (err) {
          if (err instanceof ManifestError) throw new UserError(`${file}: ${err.message}`);
          throw err;
        }
      });
      writeFilesAtomically(opts.out, files);
      process.stdout.write(`wrote ${files.size} files to ${opts.out} (pattern ${opts.pattern}); apply with: kubectl apply -k ${opts.out}\n`);
    });
}
