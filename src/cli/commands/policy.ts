// `meshwaf policy GRAPH.yaml` (generate), `policy check` (evaluate one call), `policy graph` (draw).
import type { Command } from "commander";
import { UserError } from "../errors.js";
import { loadGraph, generatePolicies, evaluate, drawGraph, DIAGRAM_FORMATS, type DiagramFormat, principalOf, workloadByName, type ServiceGraph } from "../../policy/index.js";
import { documentFiles, toYamlStream } from "../../manifests/output.js";
import { writeFilesAtomically } from "../../manifests/write-dir.js";

/** --from accepts NS/SA, a workload of the graph, "ingress", or a full principal. */
function principalFromArg(graph: ServiceGraph, from: string): string {
  if (from === "ingress") return principalOf(graph.trustDomain, graph.ingress.namespace, graph.ingress.serviceAccount);
  const w = workloadByName(graph, from);
  if (w) return principalOf(graph.trustDomain, w.namespace, w.serviceAccount);
  const nsSa = from.match(/^([a-z0-9-]+)\/([a-z0-9.-]+)$/);
  if (nsSa) return principalOf(graph.trustDomain, nsSa[1], nsSa[2]);
  if (/\/ns\/[^/]+\/sa\/[^/]+$/.test(from)) return from.replace(/^spiffe:\/\//, "");
  throw new UserError(`--from: "${from}" is not valid; expected NAMESPACE/SERVICEACCOUNT, a workload (${graph.workloads.map((x) => x.name).join(", ")}), "ingress" or <trust-domain>/ns/<ns>/sa/<sa>`);
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UserError(`--port: "${value}" is not valid; expected an integer 1-65535`);
  return n;
}

export function registerPolicy(program: Command): void {
  const policy = program
    .command("policy")
    .description("micro-segmentation from a service graph: PeerAuthentication STRICT, default-deny and per-workload ALLOW AuthorizationPolicies")
    .argument("<graph>", "service graph YAML (see README: Deploying to a mesh)")
    .option("--out <dir>", "write one file per document into DIR instead of stdout")
    .option("--network-policies", "also generate Kubernetes NetworkPolicies (L3/L4 layer)", false)
    .action((file: string, opts: { out?: string; networkPolicies: boolean }) => {
      const set = generatePolicies(loadGraph(file), { networkPolicies: opts.networkPolicies });
      if (opts.out) {
        const written = writeFilesAtomically(opts.out, documentFiles(set.documents));
        process.stdout.write(`wrote ${written.length} files to ${opts.out}\n`);
      } else process.stdout.write(toYamlStream(set.documents));
    });

  policy
    .command("check")
    .description("evaluate the generated policies for one call, with Istio's semantics")
    .argument("<graph>", "service graph YAML")
    .requiredOption("--from <source>", "caller: NAMESPACE/SERVICEACCOUNT, a workload of the graph, ingress, or a principal (required)")
    .requiredOption("--to <workload>", "destination workload of the graph (required)")
    .requiredOption("--port <port>", "destination container port (required)")
    .option("--method <method>", "HTTP method (omit for a TCP connection)")
    .option("--path <path>", "request path")
    .action((file: string, opts: { from: string; to: string; port: string; method?: string; path?: string }) => {
      const graph = loadGraph(file);
      if (!workloadByName(graph, opts.to)) throw new UserError(`--to: unknown workload "${opts.to}"; expected one of ${graph.workloads.map((w) => w.name).join(", ")}`);
      const decision = evaluate(generatePolicies(graph), {
        principal: principalFromArg(graph, opts.from),
        toWorkload: opts.to,
        port: parsePort(opts.port),
        method: opts.method?.toUpperCase(),
        path: opts.path ?? (opts.method ? "/" : undefined),
      });
      process.stdout.write(`${decision.allow ? "allow" : "deny"} (${decision.action}: ${decision.policy})\n`);
      if (!decision.allow) process.exitCode = 2;
    });

  policy
    .command("graph")
    .description("draw the allowed call graph")
    .argument("<graph>", "service graph YAML")
    .option("--format <format>", `${DIAGRAM_FORMATS.join(" | ")}`, "mermaid")
    .action((file: string, opts: { format: string }) => {
      if (!DIAGRAM_FORMATS.includes(opts.format as DiagramFormat)) throw new UserError(`--format: "${opts.format}" is not valid; expected ${DIAGRAM_FORMATS.join(" or ")}`);
      process.stdout.write(drawGraph(loadGraph(file), opts.format as DiagramFormat));
    });
}
