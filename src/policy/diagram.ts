// Draws the allowed call graph (what the policies let through), for reviews and READMEs.
import { type Call, type ServiceGraph, sourceLabel } from "./graph.js";
import { istioPath } from "./generate.js";

export type DiagramFormat = "mermaid" | "dot";
export const DIAGRAM_FORMATS: readonly DiagramFormat[] = ["mermaid", "dot"];

function edgeLabel(call: Call): string {
  const parts = [call.ports.join(",")];
  if (call.methods.length > 0) parts.push(call.methods.join(","));
  if (call.paths.length > 0) parts.push(call.paths.map(istioPath).join(" "));
  return parts.join(" ");
}

/** Node ids safe in both languages. */
const nodeId = (label: string) => `n_${label.replace(/[^A-Za-z0-9]/g, "_")}`;

export function drawGraph(graph: ServiceGraph, format: DiagramFormat): string {
  const external = [...new Set(graph.calls.map((c) => c.from).filter((f) => f.kind !== "workload").map(sourceLabel))].sort();
  const namespaces = [...new Set(graph.workloads.map((w) => w.namespace))].sort();
  const lines: string[] = [];
  if (format === "mermaid") {
    lines.push("flowchart LR");
    for (const e of external) lines.push(`  ${nodeId(e)}(["${e}"])`);
    for (const ns of namespaces) {
      lines.push(`  subgraph ${nodeId(`ns_${ns}`)}["namespace ${ns}"]`);
      for (const w of graph.workloads.filter((x) => x.namespace === ns)) lines.push(`    ${nodeId(w.name)}["${w.name}"]`);
      lines.push("  end");
    }
    for (const c of graph.calls) lines.push(`  ${nodeId(sourceLabel(c.from))} -->|"${edgeLabel(c)}"| ${nodeId(c.to)}`);
  } else {
    lines.push("digraph meshwaf {", "  rankdir=LR;", "  node [shape=box];");
    for (const e of external) lines.push(`  ${nodeId(e)} [label="${e}", shape=ellipse];`);
    for (const ns of namespaces) {
      lines.push(`  subgraph cluster_${nodeId(ns)} {`, `    label="namespace ${ns}";`);
      for (const w of graph.workloads.filter((x) => x.namespace === ns)) lines.push(`    ${nodeId(w.name)} [label="${w.name}"];`);
      lines.push("  }");
    }
    for (const c of graph.calls) lines.push(`  ${nodeId(sourceLabel(c.from))} -> ${nodeId(c.to)} [label="${edgeLabel(c)}"];`);
    lines.push("}");
  }
  return `${lines.join("\n")}\n`;
}
