// The reference architecture: www is public (reached through the ingress gateway), auth and
// db are internal; each runs under its own service account; www may call auth and db,
// nothing else is allowed. The demo, istio/ and the tests all start from this graph.
import type { ServiceGraph } from "./graph.js";
import { parseGraph } from "./parse.js";

export const REFERENCE_NAMESPACE = "meshwaf-demo";

/** The reference graph as the YAML a user would write (also shipped as istio/graph.yaml). */
export const REFERENCE_GRAPH_YAML = `# meshwaf service graph: the reference architecture.
workloads:
  - name: www
    namespace: ${REFERENCE_NAMESPACE}
    serviceAccount: www
    selector: { app: www }
    ports:
      - { name: http, number: 8080, protocol: HTTP }
  - name: auth
    namespace: ${REFERENCE_NAMESPACE}
    serviceAccount: auth
    selector: { app: auth }
    ports:
      - { name: http, number: 8080, protocol: HTTP }
  - name: db
    namespace: ${REFERENCE_NAMESPACE}
    serviceAccount: db
    selector: { app: db }
    ports:
      - { name: http, number: 8080, protocol: HTTP }
calls:
  - from: ingress
    to: www
  - from: www
    to: auth
    methods: [GET, POST]
    paths: [{ prefix: / }]
  - from: www
    to: db
    methods: [GET, POST, PUT, DELETE]
    paths: [{ prefix: / }]
`;

export function referenceGraph(): ServiceGraph {
  return parseGraph(REFERENCE_GRAPH_YAML, "reference graph");
}
