// asc transform for the release builds: stores the reason of each `s.report(..., "reason")` and
// `s.reportNamed(..., "reason")`, and the message of each `this.fail(..., "message")`, as UTF-8
// bytes. A string literal is a UTF-16 static string with a header (about 20 bytes and 2 bytes a
// character); the transform rewrites the argument to `String.UTF8.decodeUnsafe(memory.data<u8>([...]), size)`,
// a headerless blob of one byte a character, decoded only when a rule matches (a few times per
// request at most) or the configuration has an error.
// Works on the AST after parsing, so detector files keep their readable reasons.
import { Node } from "assemblyscript";
import { walkProjectSources } from "./ast-walk.js";

// Method name -> the fewest arguments of a call: rule matches, and the configuration parser's errors
// (config/parse.ts, config/json.ts `this.fail(..., "must be an object")`, decoded only on an error).
const CALLS = new Map([["report", 2], ["reportNamed", 2], ["fail", 1]]);

function reasonLiteral(node) {
  if (node.args == null || node.expression == null || node.expression.property == null) return null;
  const fewest = CALLS.get(node.expression.property.text);
  if (fewest === undefined || node.args.length < fewest) return null;
  const last = node.args[node.args.length - 1];
  return typeof last.value === "string" && "literalKind" in last && last.value.length > 0 ? last : null;
}

function rewrite(node, literal) {
  const range = literal.range;
  const bytes = Buffer.from(literal.value, "utf8");
  const id = (name) => Node.createIdentifierExpression(name, range);
  const u8 = Node.createNamedType(Node.createSimpleTypeName("u8", range), null, false, range);
  const blob = Node.createCallExpression(
    Node.createPropertyAccessExpression(id("memory"), id("data"), range),
    [u8],
    [Node.createArrayLiteralExpression([...bytes].map((b) => Node.createIntegerLiteralExpression(i64_new(b, 0), range)), range)],
    range,
  );
  const decode = Node.createPropertyAccessExpression(Node.createPropertyAccessExpression(id("String"), id("UTF8"), range), id("decodeUnsafe"), range);
  node.args[node.args.length - 1] = Node.createCallExpression(decode, null, [blob, Node.createIntegerLiteralExpression(i64_new(bytes.length, 0), range)], range);
}

export default class PackReasons {
  afterParse(parser) {
    let count = 0;
    walkProjectSources(parser, (node) => {
      const literal = node.kind !== undefined ? reasonLiteral(node) : null;
      if (literal !== null) {
        rewrite(node, literal);
        count++;
      }
      return false; // the other arguments may hold calls of their own
    });
    if (process.env.MESHWAF_TRANSFORM_VERBOSE) console.error(`pack-reasons: ${count} reasons`);
  }
}
