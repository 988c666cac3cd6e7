// asc transform for the release build: blanks the description argument of every
// `new Rule(id, category, severity, paranoia, "what it catches")`, so the ~50 KB of
// rule descriptions never become data segments of build/meshwaf.wasm. The filter
// needs only ids, categories, severities and paranoia levels; the harness build
// (tests, scripts/rules-doc.ts → README's rule table) keeps the texts.
// A literal list of rules (`[new Rule(...), ...]`) becomes `Rule.table(memory.data<u8>([...]), count)`,
// four bytes of static data a rule (id low and high byte, category, severity << 4 | paranoia; the
// compiler folds each expression to a constant) instead of the code of a constructor call each
// (assembly/engine/rule.ts). The lists the registry concatenates (`RULES = A.concat(B)...`,
// assembly/engine/rules.ts) become constant addresses of such bytes led by a count, and the chain
// one `Rule.tables(memory.data<usize>([A, B, ...]), n)`.
// Works on the AST after parsing, so detector files need no build-specific code.
import { Node, NodeKind, LiteralKind, Token, AssertionKind, CommonFlags } from "assemblyscript";
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

const type = (name, range) => Node.createNamedType(Node.createSimpleTypeName(name, range), null, false, range);
const memoryData = (elementType, elements, range) => Node.createCallExpression(
  Node.createPropertyAccessExpression(Node.createIdentifierExpression("memory", range), Node.createIdentifierExpression("data", range), range),
  [type(elementType, range)],
  [Node.createArrayLiteralExpression(elements, range)],
  range,
);

/** The names X, Y, Z... of a chain `X.concat(Y).concat(Z)...` of identifiers, or null. */
function concatChain(node) {
  if (node === null || typeof node !== "object") return null;
  if (node.kind === NodeKind.Identifier) return [node.text];
  if (node.kind !== NodeKind.Call || node.args.length !== 1 || node.args[0].kind !== NodeKind.Identifier) return null;
  const callee = node.expression;
  if (callee.kind !== NodeKind.PropertyAccess || callee.property.text !== "concat") return null;
  const base = concatChain(callee.expression);
  return base === null ? null : [...base, node.args[0].text];
}

/** The rule bytes of a literal list of rules (see the top), led by the count (two bytes) when `counted`. */
function ruleBytes(node, counted) {
  const range = node.range;
  const int = (v) => Node.createIntegerLiteralExpression(i64_new(v, 0), range);
  const op = (token, a, b) => Node.createBinaryExpression(token, a, b, range);
  const u8 = type("u8", range);
  const byte = (e) => Node.createAssertionExpression(AssertionKind.Prefix, e, u8, range);
  const count = node.elementExpressions.length;
  const bytes = counted ? [int(count & 255), int(count >> 8)] : [];
  for (const rule of node.elementExpressions) {
    const [id, category, severity, paranoia] = rule.args;
    bytes.push(byte(op(Token.Ampersand, id, int(255))), byte(op(Token.GreaterThan_GreaterThan, id, int(8))), byte(category),
      byte(op(Token.Bar, op(Token.LessThan_LessThan, severity, int(4)), paranoia)));
  }
  return memoryData("u8", bytes, range);
}

const ruleCall = (method, args, range) => Node.createCallExpression(
  Node.createPropertyAccessExpression(Node.createIdentifierExpression("Rule", range), Node.createIdentifierExpression(method, range), range),
  null,
  args,
  range,
);

/** `Rule.table(memory.data<u8>([...]), count)` for a literal list of rules (see the top). */
function ruleTable(node) {
  return ruleCall("table", [ruleBytes(node, false), Node.createIntegerLiteralExpression(i64_new(node.elementExpressions.length, 0), node.range)], node.range);
}

export default class StripRuleDescriptions {
  afterParse(parser) {
    let rules = 0;
    let tables = 0;
    // The registry (assembly/engine/rules.ts) concatenates the detectors' lists: `RULES = A.concat(B)...`.
    // Each list of that chain becomes a constant, the address of its bytes led by its count, and the
    // chain one call, Rule.tables(memory.data<usize>([A, B, ...]), n): no global, table call and
    // concatenation a list (~300 bytes of start code).
    let chain = null;
    walkProjectSources(parser, (node) => {
      if (node.kind !== NodeKind.VariableDeclaration || node.name.text !== "RULES") return false;
      const names = concatChain(node.initializer);
      if (names !== null && names.length > 1) chain = { node, names: new Set(names), order: names };
      return false;
    });
    const chained = new Set();
    walkProjectSources(parser, (node) => {
      if (chain !== null && node.kind === NodeKind.VariableDeclaration && chain.names.has(node.name.text) &&
        (node.flags & CommonFlags.Const) !== 0 && isRuleTable(node.initializer)) {
        rules += node.initializer.elementExpressions.length;
        tables++;
        chained.add(node.name.text);
        node.type = type("usize", node.range);
        node.initializer = ruleBytes(node.initializer, true);
        return true;
      }
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
    if (chain !== null && chained.size > 0) {
      if (chained.size !== chain.names.size) throw new Error(`strip-rule-descriptions: RULES chains lists that are not literal rule tables: ${chain.order.filter((n) => !chained.has(n)).join(", ")}`);
      const range = chain.node.range;
      const lists = chain.order.map((n) => Node.createIdentifierExpression(n, range));
      chain.node.initializer = ruleCall("tables", [memoryData("usize", lists, range), Node.createIntegerLiteralExpression(i64_new(lists.length, 0), range)], range);
    }
    if (process.env.MESHWAF_TRANSFORM_VERBOSE) console.error(`strip-rule-descriptions: ${rules} rules, ${tables} tables`);
  }
}
