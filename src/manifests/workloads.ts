// The graph's workloads as Kubernetes objects: Namespace, ServiceAccount (one identity per
// workload), Deployment and Service. The app image is a stand-in (an echo server) unless given.
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { Service } from "kubernetes-models/v1/Service";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { HTTP_PROTOCOLS, type ServiceGraph, type Workload, type WorkloadPort } from "../policy/graph.js";
import { namespacesOf, sortedWorkloads } from "../policy/generate.js";
import { checked, type KubeDocument } from "./document.js";

export const DEFAULT_APP_IMAGE = "mendhak/http-https-echo:31";
export const MANAGED_BY = { "app.kubernetes.io/managed-by": "meshwaf" } as const;

export function appProtocol(port: WorkloadPort): string {
  return HTTP_PROTOCOLS.has(port.protocol) ? (port.protocol === "HTTP" ? "http" : port.protocol === "GRPC" ? "grpc" : "http2") : port.protocol.toLowerCase();
}

export function namespaceDocs(graph: ServiceGraph, istioInjection: boolean): KubeDocument[] {
  return namespacesOf(graph).map((name) =>
    checked(new Namespace({ metadata: { name, labels: { ...MANAGED_BY, ...(istioInjection ? { "istio-injection": "enabled" } : {}) } } })),
  );
}

/** The Service callers use; `targetPort` maps a declared port to the port that really serves it. */
export function serviceDoc(w: Workload, selector: Record<string, string>, targetPort: (p: WorkloadPort) => number = (p) => p.number, name = w.name): KubeDocument {
  return checked(
    new Service({
      metadata: { name, namespace: w.namespace, labels: { ...MANAGED_BY } },
      spec: {
        selector: { ...selector },
        ports: w.ports.map((p) => ({ name: p.name, port: p.number, targetPort: targetPort(p), protocol: "TCP", appProtocol: appProtocol(p) })),
      },
    }),
  );
}

export function workloadDocs(graph: ServiceGraph, appImage: string): KubeDocument[] {
  return sortedWorkloads(graph).flatMap((w) => [
    checked(new ServiceAccount({ metadata: { name: w.serviceAccount, namespace: w.namespace, labels: { ...MANAGED_BY } } })),
    checked(
      new Deployment({
        metadata: { name: w.name, namespace: w.namespace, labels: { ...MANAGED_BY, ...w.selector } },
        spec: {
          replicas: 1,
          selector: { matchLabels: { ...w.selector } },
          template: {
            metadata: { labels: { ...w.selector } },
            spec: {
              serviceAccountName: w.serviceAccount,
              containers: [
                {
                  name: "app",
                  image: appImage,
                  // The echo stand-in listens on HTTP_PORT; a real app ignores it.
                  env: [{ name: "HTTP_PORT", value: String(w.ports[0].number) }],
                  ports: w.ports.map((p) => ({ name: p.name, containerPort: p.number, protocol: "TCP" })),
                  securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
                },
              ],
            },
          },
        },
      }),
    ),
    serviceDoc(w, w.selector),
  ]);
}
