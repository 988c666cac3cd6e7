// asc transform for the release build: blanks the description argument of every
// `new Rule(id, category, severity, paranoia, "what it catches")`, so the ~50 KB of
// rule descriptions never become data segments of build/meshwaf.wasm. The filter
// needs only ids, categories, severities and paranoia levels; the harness build
// (tests, scripts/rules-doc.ts → README's rule table) keeps the texts.
// Works on the AST after parsing, so detector files need no build-specific code.

const DESCRIPTION_ARG = 4;

/** Sets every string literal under `node` to "" (a description may be a concatenation). */
function blankStrings(node, seen) {
  if (node === null || typeof node !== "object" || seen.has(node)) return;
  seen.add(node);
  if (typeof node.value === "string" && "literalKind" in node) node.value = "";
  for (const key of Object.keys(node)) {
    if (key === "range" || key === "parent") continue;
    blankStrings(node[key], seen);
  }
}

function isRuleConstruction(node) {
  return Array.isArray(node.args) && node.args.length > DESCRIPTION_ARG &&
    node.typeName != null && node.typeName.identifier != null && node.typeName.identifier.text === "Rule";
}

function visit(node, seen, counter) {
  if (node === null || typeof node !== "object" || seen.has(node)) return;
  seen.add(node);
  if (isRuleConstruction(node)) {
    blankStrings(node.args[DESCRIPTION_ARG], new Set());
    counter.count++;
  }
  for (const key of Object.keys(node)) {
    if (key === "range" || key === "parent") continue;
    visit(node[key], seen, counter);
  }
}

export default class StripRuleDescriptions {
  afterParse(parser) {
    const counter = { count: 0 };
    for (const source of parser.sources) {
      if (source.internalPath.startsWith("~lib/")) continue;
      visit(source.statements, new Set(), counter);
    }
    if (process.env.MESHWAF_TRANSFORM_VERBOSE) console.error(`strip-rule-descriptions: ${counter.count} rules`);
  }
}
