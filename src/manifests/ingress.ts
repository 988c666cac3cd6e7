// Mesh pattern: workloads the graph opens to "ingress" get a Gateway on the ingress gateway and
// a VirtualService routing to them (the AuthorizationPolicy still admits only the gateway's identity).
import { Gateway } from "@kubernetes-models/istio/networking.istio.io/v1beta1/Gateway";
import { VirtualService } from "@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService";
import { sortedWorkloads } from "../policy/generate.js";
import type { ServiceGraph } from "../policy/graph.js";
import { checked, type KubeDocument } from "./document.js";
import { MANAGED_BY } from "./workloads.js";

export const GATEWAY_NAME = "public";

export function ingressDocs(graph: ServiceGraph): KubeDocument[] {
  const fromIngress = graph.calls.filter((c) => c.from.kind === "ingress");
  const targets = sortedWorkloads(graph).filter((w) => fromIngress.some((c) => c.to === w.name));
  const namespaces = [...new Set(targets.map((w) => w.namespace))].sort();
  const gateways = namespaces.map((namespace) =>
    checked(
      new Gateway({
        metadata: { name: GATEWAY_NAME, namespace, labels: { ...MANAGED_BY } },
        spec: { selector: { ...graph.ingress.selector }, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["*"] }] },
      }),
    ),
  );
  const routes = targets.map((w) => {
    const calls = fromIngress.filter((c) => c.to === w.name);
    const port = calls[0].ports[0];
    const prefixes = calls.flatMap((c) => c.paths).map((p) => ("prefix" in p ? { prefix: p.prefix } : { exact: p.exact }));
    return checked(
      new VirtualService({
        metadata: { name: w.name, namespace: w.namespace, labels: { ...MANAGED_BY } },
        spec: {
          hosts: ["*"],
          gateways: [GATEWAY_NAME],
          http: [
            {
              ...(prefixes.length > 0 ? { match: prefixes.map((uri) => ({ uri })) } : {}),
              route: [{ destination: { host: `${w.name}.${w.namespace}.svc.cluster.local`, port: { number: port } } }],
            },
          ],
        },
      }),
    );
  });
  return [...gateways, ...routes];
}
