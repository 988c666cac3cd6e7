// Shared by the asc transforms: visits every AST node of the project's own sources (not ~lib) after
// parsing. `visit(node)` returns true when it rewrote the node and its children need no visit.

export function walkProjectSources(parser, visit) {
  for (const source of parser.sources) {
    if (source.internalPath.startsWith("~lib/")) continue;
    walk(source.statements, new Set(), visit);
  }
}

function walk(node, seen, visit) {
  if (node === null || typeof node !== "object" || seen.has(node)) return;
  seen.add(node);
  if (visit(node)) return;
  for (const key of Object.keys(node)) {
    if (key === "range" || key === "parent") continue;
    walk(node[key], seen, visit);
  }
}
