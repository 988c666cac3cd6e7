export * from "./graph.js";
export { GraphError, parseGraph, loadGraph, graphFromObject } from "./parse.js";
export { generatePolicies, allowPolicyName, ALLOW_NOTHING, type PolicySet, type PolicyOptions } from "./generate.js";
export { generateNetworkPolicies, MESH_PORTS } from "./network.js";
export { evaluate, istioMatch, normalisePath, type Decision, type EvaluationRequest, type EvaluationTarget } from "./evaluate.js";
export { drawGraph, DIAGRAM_FORMATS, type DiagramFormat } from "./diagram.js";
export { referenceGraph, REFERENCE_GRAPH_YAML, REFERENCE_NAMESPACE } from "./reference.js";
