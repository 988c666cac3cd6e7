// `meshwaf demo --export DIR`: the demo's setup as files to take to a real cluster or
// a Docker host, written through the mesh tooling:
//   graph.yaml            the reference service graph
//   mesh/ sidecar/ layer/  `meshwaf manifests` output for each deployment pattern
//   envoy/                a standalone Envoy (bootstrap, docker-compose, the module)
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { REFERENCE_GRAPH_YAML, referenceGraph } from "../policy/index.js";
import { manifestFiles } from "../manifests/generate.js";
import { PATTERNS } from "../manifests/options.js";
import { REFERENCE_URL } from "../manifests/reference.js";
import { writeFilesAtomically } from "../manifests/write-dir.js";
import { pinnedSha256 } from "../istio/pin.js";
import { envoyBootstrapYaml } from "../envoy/files.js";
import { generateCompose, UPSTREAM_SERVICE } from "../envoy/compose.js";
import { DEFAULT_ENVOY_WASM_PATH } from "../envoy/bootstrap.js";
import { toYaml } from "../manifests/yaml.js";
import { DEMO_PLUGIN_CONFIG } from "./setup.js";

const LISTEN_PORT = 10000;

export async function exportSetup(wasmPath: string, dir: string): Promise<string[]> {
  const module = new Uint8Array(await readFile(wasmPath));
  const graph = referenceGraph();
  const files = new Map<string, string | Uint8Array>([["graph.yaml", REFERENCE_GRAPH_YAML]]);
  for (const pattern of PATTERNS) {
    const generated = manifestFiles(graph, { pattern, url: REFERENCE_URL, sha256: pinnedSha256(REFERENCE_URL, module), module, pluginConfig: DEMO_PLUGIN_CONFIG });
    for (const [name, content] of generated) files.set(join(pattern, name), content);
  }
  files.set(join("envoy", "envoy.yaml"), envoyBootstrapYaml({ upstream: UPSTREAM_SERVICE, listenPort: LISTEN_PORT, pluginConfig: DEMO_PLUGIN_CONFIG }));
  files.set(join("envoy", "docker-compose.yaml"),
    toYaml(generateCompose({ listenPort: LISTEN_PORT, wasmPath: DEFAULT_ENVOY_WASM_PATH, wasmHostPath: "./meshwaf.wasm" })));
  files.set(join("envoy", "meshwaf.wasm"), module);
  return writeFilesAtomically(dir, files);
}
