// asc transform for the release builds: stores the reason of each `s.report(..., "reason")` and
// `s.reportNamed(..., "reason")`, and the message of each `this.fail(..., "message")`, as UTF-8
// bytes. A string literal is a UTF-16 static string with a header (about 20 bytes and 2 bytes a
// character). A report becomes `s.reportPacked(..., memory.data<u8>([...]), size)` (reportNamedPacked
// for reportNamed), which decodes the reason only when the finding counts (a rule scores once a
// request); a failure's message becomes `String.UTF8.decodeUnsafe(memory.data<u8>([...]), size)`,
// decoded where the configuration has an error. Headerless blobs of one byte a character. So are the
// literals of the filter's log lines and metric names (`log(...)`, `defineMetric(...)`), decoded where used.
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

/** The Sink methods that take a reason as UTF-8 bytes (assembly/engine/sink.ts). */
const PACKED = new Map([["report", "reportPacked"], ["reportNamed", "reportNamedPacked"]]);

/** `memory.data<u8>([...])` holding the reason's UTF-8 bytes. */
function blobOf(literal) {
  const range = literal.range;
  const id = (name) => Node.createIdentifierExpression(name, range);
  const u8 = Node.createNamedType(Node.createSimpleTypeName("u8", range), null, false, range);
  return Node.createCallExpression(
    Node.createPropertyAccessExpression(id("memory"), id("data"), range),
    [u8],
    [Node.createArrayLiteralExpression([...Buffer.from(literal.value, "utf8")].map((b) => Node.createIntegerLiteralExpression(i64_new(b, 0), range)), range)],
    range,
  );
}

/** Rewrites the call to pass the reason's bytes: its own blob, or the constant `shared` of its source (a reason repeated there). */
function rewrite(node, literal, shared) {
  const range = literal.range;
  const bytes = Buffer.from(literal.value, "utf8");
  const id = (name) => Node.createIdentifierExpression(name, range);
  const blob = shared === null ? blobOf(literal) : id(shared);
  const size = Node.createIntegerLiteralExpression(i64_new(bytes.length, 0), range);
  const packed = PACKED.get(node.expression.property.text);
  if (packed !== undefined) {
    node.expression.property = id(packed);
    node.args[node.args.length - 1] = blob;
    node.args.push(size);
    return;
  }
  const decode = Node.createPropertyAccessExpression(Node.createPropertyAccessExpression(id("String"), id("UTF8"), range), id("decodeUnsafe"), range);
  node.args[node.args.length - 1] = Node.createCallExpression(decode, null, [blob, size], range);
}

/** `String.UTF8.decodeUnsafe(memory.data<u8>([...]), size)` in place of a string literal. */
function decodedBlob(literal) {
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
  return Node.createCallExpression(decode, null, [blob, Node.createIntegerLiteralExpression(i64_new(bytes.length, 0), range)], range);
}

// The filter's own log lines (`log(LogLevel.Info, "meshwaf: configured, mode " + ...)`) and metric names
// (`defineMetric(MetricType.Counter, "meshwaf_requests_total")`, abi/hostcalls.ts): their literals, also
// inside concatenations, as UTF-8 (each is decoded once per configuration, or on a rare error).
const ONCE_CALLS = new Set(["log", "defineMetric"]);
const ONCE_LITERAL_MIN = 8;

function packOnceLiterals(holder, key) {
  const node = holder[key];
  if (node === null || typeof node !== "object") return 0;
  if (typeof node.value === "string" && "literalKind" in node) {
    if (node.value.length < ONCE_LITERAL_MIN) return 0;
    holder[key] = decodedBlob(node);
    return 1;
  }
  if (node.operator !== undefined && "left" in node && "right" in node) return packOnceLiterals(node, "left") + packOnceLiterals(node, "right");
  if ("expression" in node && node.args === undefined && node.property === undefined) return packOnceLiterals(node, "expression"); // (parentheses)
  return 0;
}

function isOnceCall(node) {
  return node.args != null && node.expression != null && ONCE_CALLS.has(node.expression.text) && node.expression.property === undefined;
}

export default class PackReasons {
  afterParse(parser) {
    const sites = new Map(); // source -> reason -> [[call, literal]]
    let count = 0;
    walkProjectSources(parser, (node) => {
      if (node.kind !== undefined && isOnceCall(node)) {
        for (let i = 0; i < node.args.length; i++) count += packOnceLiterals(node.args, i);
      }
      const literal = node.kind !== undefined ? reasonLiteral(node) : null;
      if (literal !== null) {
        const source = literal.range.source;
        if (!sites.has(source)) sites.set(source, new Map());
        const bySource = sites.get(source);
        if (!bySource.has(literal.value)) bySource.set(literal.value, []);
        bySource.get(literal.value).push([node, literal]);
      }
      return false; // the other arguments may hold calls of their own
    });
    // a reason a source repeats is stored once (each memory.data is a segment of its own), as a constant of that source
    let shared = 0;
    for (const [source, byValue] of sites) {
      for (const group of byValue.values()) {
        let name = null;
        if (group.length > 1) {
          const range = group[0][1].range;
          name = `__reason_${shared++}`;
          const type = Node.createNamedType(Node.createSimpleTypeName("usize", range), null, false, range);
          const decl = Node.createVariableDeclaration(Node.createIdentifierExpression(name, range), null, 8 /* CommonFlags.Const */, type, blobOf(group[0][1]), range);
          source.statements.unshift(Node.createVariableStatement(null, [decl], range));
        }
        for (const [node, literal] of group) rewrite(node, literal, name);
        count += group.length;
      }
    }
    if (process.env.MESHWAF_TRANSFORM_VERBOSE) console.error(`pack-reasons: ${count} reasons, ${shared} shared within a source`);
  }
}
