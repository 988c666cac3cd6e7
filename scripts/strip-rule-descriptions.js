// asc transform for the release build: blanks the description argument of every
// `new Rule(id, category, severity, paranoia, "what it catches")`, so the ~50 KB of
// rule descriptions never become data segments of build/meshwaf.wasm. The filter
// needs only ids, categories, severities and paranoia levels; the harness build
// (tests, scripts/rules-doc.ts → README's rule table) keeps the texts.
// A literal list of rules (`[new Rule(...), ...]`) becomes `Rule.table(memory.data<u8>([...]), count)`,
// four bytes of static data a rule (id low and high byte, category, severity << 4 | paranoia; the
// compiler folds each expression to a constant) instead of the code of a constructor call each
// (assembly/engine/rule.ts).
// Works on the AST after parsing, so detector files need no build-specific code.
import { Node, NodeKind, LiteralKind, Token, AssertionKind } from "assemblyscript";
import { walkProjectSources } from "./ast-walk.js";

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

function isRuleTable(node) {
  return node !== null && typeof node === "object" && node.kind === NodeKind.Literal && node.literalKind === LiteralKind.Array &&
    node.elementExpressions.length > 0 && node.elementExpressions.every((e) => e != null && isRuleConstruction(e));
}

/** `Rule.table(memory.data<u8>([...]), count)` for a literal list of rules (see the top). */
function ruleTable(node) {
  const range = node.range;
  const int = (v) => Node.createIntegerLiteralExpression(i64_new(v, 0), range);
  const op = (token, a, b) => Node.createBinaryExpression(token, a, b, range);
  const u8 = Node.createNamedType(Node.createSimpleTypeName("u8", range), null, false, range);
  const byte = (e) => Node.createAssertionExpression(AssertionKind.Prefix, e, u8, range);
  const bytes = [];
  for (const rule of node.elementExpressions) {
    const [id, category, severity, paranoia] = rule.args;
    bytes.push(byte(op(Token.Ampersand, id, int(255))), byte(op(Token.GreaterThan_GreaterThan, id, int(8))), byte(category),
      byte(op(Token.Bar, op(Token.LessThan_LessThan, severity, int(4)), paranoia)));
  }
  const data = Node.createCallExpression(
    Node.createPropertyAccessExpression(Node.createIdentifierExpression("memory", range), Node.createIdentifierExpression("data", range), range),
    [u8],
    [Node.createArrayLiteralExpression(bytes, range)],
    range,
  );
  return Node.createCallExpression(
    Node.createPropertyAccessExpression(Node.createIdentifierExpression("Rule", range), Node.createIdentifierExpression("table", range), range),
    null,
    [data, int(node.elementExpressions.length)],
    range,
  );
}

export default class StripRuleDescriptions {
  afterParse(parser) {
    let rules = 0;
    let tables = 0;
    walkProjectSources(parser, (node) => {
      for (const key of Object.keys(node)) {
        if (key === "range" || key === "parent" || !isRuleTable(node[key])) continue;
        rules += node[key].elementExpressions.length;
        tables++;
        node[key] = ruleTable(node[key]);
      }
      if (isRuleConstruction(node)) {
        blankStrings(node.args[DESCRIPTION_ARG], new Set());
        rules++;
      }
      return false;
    });
    if (process.env.MESHWAF_TRANSFORM_VERBOSE) console.error(`strip-rule-descriptions: ${rules} rules, ${tables} tables`);
  }
}
