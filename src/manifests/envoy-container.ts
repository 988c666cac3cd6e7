// Pieces shared by the sidecar and layer patterns: the module in a ConfigMap, an Envoy
// container running it, and the port the Envoy in front of an app port listens on.
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { generateEnvoyBootstrap } from "../envoy/bootstrap.js";
import { ENVOY_IMAGE } from "../envoy/compose.js";
import { HTTP_PROTOCOLS, type Workload, type WorkloadPort } from "../policy/graph.js";
import { checked, ManifestError, type KubeDocument } from "./document.js";
import { toYaml } from "./yaml.js";
import { MANAGED_BY } from "./workloads.js";

export const MODULE_CONFIGMAP = "meshwaf-module";
export const ENVOY_PORT_OFFSET = 10000;
/** Largest module a ConfigMap carries (the API server limit is 1 MiB including metadata). */
const CONFIGMAP_MODULE_LIMIT = 900 * 1024;

/** The first HTTP port of a workload: the one Envoy protects. */
export function protectedPort(w: Workload): WorkloadPort | undefined {
  return w.ports.find((p) => HTTP_PROTOCOLS.has(p.protocol));
}

/** Envoy listens on app port + 10000 (8080 → 18080), away from Istio's 15000-15090. */
export function envoyPortFor(w: Workload, p: WorkloadPort): number {
  const port = p.number + ENVOY_PORT_OFFSET;
  if (port > 65535 || (port >= 15000 && port <= 15090) || w.ports.some((q) => q.number === port)) {
    throw new ManifestError(`workload ${w.name}: port ${p.number} cannot be fronted on ${port}; use an app port below 55536 outside 5000-5090`);
  }
  return port;
}

export function moduleConfigMap(namespace: string, module: Uint8Array | undefined): KubeDocument {
  if (!module) throw new ManifestError("the sidecar and layer patterns need the module (--wasm)");
  if (module.length > CONFIGMAP_MODULE_LIMIT) throw new ManifestError(`the module is ${module.length} bytes; a ConfigMap carries at most ${CONFIGMAP_MODULE_LIMIT}: serve it over https and use the mesh pattern`);
  return checked(
    new ConfigMap({ metadata: { name: MODULE_CONFIGMAP, namespace, labels: { ...MANAGED_BY } }, binaryData: { "meshwaf.wasm": Buffer.from(module).toString("base64") } }),
  );
}

export function bootstrapConfigMap(name: string, namespace: string, upstream: string, listenPort: number, pluginConfig: Record<string, unknown> | undefined): KubeDocument {
  const bootstrap = generateEnvoyBootstrap({ upstream, listenPort, wasmPath: "/etc/meshwaf/meshwaf.wasm", pluginConfig });
  return checked(new ConfigMap({ metadata: { name, namespace, labels: { ...MANAGED_BY } }, data: { "envoy.yaml": toYaml(bootstrap) } }));
}

export function envoyContainer(listenPort: number) {
  return {
    name: "meshwaf-envoy",
    image: ENVOY_IMAGE,
    args: ["-c", "/etc/envoy/envoy.yaml", "--log-level", "info"],
    ports: [{ name: "http-meshwaf", containerPort: listenPort, protocol: "TCP" }],
    volumeMounts: [
      { name: "meshwaf-envoy", mountPath: "/etc/envoy", readOnly: true },
      { name: "meshwaf-module", mountPath: "/etc/meshwaf", readOnly: true },
    ],
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, runAsNonRoot: true, runAsUser: 101 },
  };
}

export function envoyVolumes(bootstrapConfigMapName: string) {
  return [
    { name: "meshwaf-envoy", configMap: { name: bootstrapConfigMapName } },
    { name: "meshwaf-module", configMap: { name: MODULE_CONFIGMAP } },
  ];
}
