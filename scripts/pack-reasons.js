// asc transform for the release builds: stores the reason of each `s.report(..., "reason")` and
// `s.reportNamed(..., "reason")`, the message of each `this.fail(..., "message")` and
// `this.warn(..., "message")`, and the literals of the filter's log lines and metric names (`log(...)`,
// `defineMetric(...)`) and of messages built by concatenation, as UTF-8 bytes in one
// table (assembly/engine/packed-text.ts: TEXTS, and TEXT_LENGTHS, a byte a text). A string literal is
// a UTF-16 static string with a header (about 20 bytes and 2 bytes a character). A report becomes
// `s.reportPacked(..., k)` (reportNamedPacked for reportNamed, reportHeaderPacked for reportHeader), k the reason's index in the table,
// decoded only when the finding counts (a rule scores once a request); any other literal becomes
// `packedText(k)`, decoded where the configuration has an error or the line is logged. A text the
// sources repeat is stored once, and the most used come first (an index under 64 is one byte of
// code; an address and a length were five or six).
// Works on the AST after parsing, so detector files keep their readable reasons.
import { Node, NodeKind, Token } from "assemblyscript";
import { walkProjectSources } from "./ast-walk.js";

// Method name -> the fewest arguments of a call: rule matches, and the configuration parser's errors
// (config/parse.ts, config/json.ts `this.fail(..., "must be an object")`, decoded only on an error).
// A warning's (config/parse.ts `this.warn(field, "...")`) too.
const CALLS = new Map([["report", 2], ["reportNamed", 2], ["reportHeader", 2], ["fail", 1], ["warn", 2]]);

/** The last argument of a call CALLS names, or null. */
function reasonArgument(node) {
  if (node.args == null || node.expression == null || node.expression.property == null) return null;
  const fewest = CALLS.get(node.expression.property.text);
  if (fewest === undefined || node.args.length < fewest) return null;
  return node.args[node.args.length - 1];
}

function reasonLiteral(node) {
  const last = reasonArgument(node);
  return last !== null && typeof last.value === "string" && "literalKind" in last && last.value.length > 0 ? last : null;
}

/** The Sink methods that take a rule id and a reason's index in one number (assembly/engine/sink.ts). */
const PACKED = new Map([["report", "reportPacked"], ["reportNamed", "reportNamedPacked"], ["reportHeader", "reportHeaderPacked"]]);

/** The bits of a reason's index in that number (REASON_BITS, assembly/engine/packed-text.ts). */
const REASON_BITS = 10;

const int = (v, range) => Node.createIntegerLiteralExpression(i64_new(v, 0), range);
const type = (name, range) => Node.createNamedType(Node.createSimpleTypeName(name, range), null, false, range);
const memoryData = (element, values, range) => Node.createCallExpression(
  Node.createPropertyAccessExpression(Node.createIdentifierExpression("memory", range), Node.createIdentifierExpression("data", range), range),
  [type(element, range)],
  [Node.createArrayLiteralExpression(values.map((v) => int(v, range)), range)],
  range,
);

/** `packedText(k)`: text k of the table, decoded (assembly/engine/packed-text.ts). */
const packedText = (k, range) => Node.createCallExpression(Node.createIdentifierExpression("packedText", range), null, [int(k, range)], range);

/** The declarations of TEXTS and TEXT_LENGTHS beside `function packedText`, or null when no source declares it. */
function textTable(parser) {
  for (const source of parser.sources) {
    if (!source.statements.some((s) => s.kind === NodeKind.FunctionDeclaration && s.name.text === "packedText")) continue;
    const declared = new Map();
    for (const s of source.statements) if (s.kind === NodeKind.Variable) for (const d of s.declarations) declared.set(d.name.text, d);
    if (!declared.has("TEXTS") || !declared.has("TEXT_LENGTHS")) throw new Error(`pack-reasons: ${source.normalizedPath} declares packedText without TEXTS and TEXT_LENGTHS`);
    return { texts: declared.get("TEXTS"), lengths: declared.get("TEXT_LENGTHS") };
  }
  return null;
}

// The filter's own log lines (`log(LogLevel.Info, "meshwaf: configured, mode " + ...)`) and metric names
// (`defineMetric(MetricType.Counter, "meshwaf_requests_total")`, abi/hostcalls.ts): their literals, also
// inside concatenations, as UTF-8 (each is decoded once per configuration, or on a rare error).
const ONCE_CALLS = new Set(["log", "defineMetric"]);
const ONCE_LITERAL_MIN = 8;

/** The literals of a log line or metric name at holder[key], also inside concatenations, each as [holder, key]. */
function onceLiterals(holder, key, out) {
  const node = holder[key];
  if (node === null || typeof node !== "object") return;
  if (typeof node.value === "string" && "literalKind" in node) {
    if (node.value.length >= ONCE_LITERAL_MIN) out.push([holder, key]);
    return;
  }
  if (node.operator !== undefined && "left" in node && "right" in node) {
    onceLiterals(node, "left", out);
    onceLiterals(node, "right", out);
  } else if ("expression" in node && node.args === undefined && node.property === undefined) onceLiterals(node, "expression", out); // (parentheses)
}

function isOnceCall(node) {
  return node.args != null && node.expression != null && ONCE_CALLS.has(node.expression.text) && node.expression.property === undefined;
}

export default class PackReasons {
  afterParse(parser) {
    // [holder, key, report call or null]: the literal is holder[key]; a report's is its last argument
    const sites = [];
    const seen = new Set();
    const add = (holder, key, report) => {
      if (!seen.has(holder[key])) sites.push([holder, key, report]);
      seen.add(holder[key]);
    };
    walkProjectSources(parser, (node) => {
      if (node.kind !== undefined && isOnceCall(node)) {
        const once = [];
        for (let i = 0; i < node.args.length; i++) onceLiterals(node.args, i, once);
        for (const [holder, key] of once) add(holder, key, null);
      }
      const literal = node.kind !== undefined ? reasonLiteral(node) : null;
      if (literal !== null) add(node.args, node.args.length - 1, PACKED.has(node.expression.property.text) ? node : null);
      else if (node.kind !== undefined && reasonArgument(node) !== null && !PACKED.has(node.expression.property.text)) {
        // a failure's or warning's message built by concatenation: its literals, as a log line's
        const parts = [];
        onceLiterals(node.args, node.args.length - 1, parts);
        for (const [holder, key] of parts) add(holder, key, null);
      }
      return false; // the other arguments may hold calls of their own
    });
    if (sites.length === 0) return;
    const table = textTable(parser);
    if (table === null) throw new Error("pack-reasons: no source declares packedText (assembly/engine/packed-text.ts)");
    // one entry a distinct text, those of packedText(k) calls first, the most used first (an index
    // under 64 is one byte of code; a report's index shares a constant with its rule id)
    const uses = new Map();
    for (const [holder, key, report] of sites) uses.set(holder[key].value, (uses.get(holder[key].value) ?? 0) + (report === null ? 1 : 0));
    const texts = [...uses.keys()].sort((a, b) => uses.get(b) - uses.get(a));
    if (texts.length > 1 << REASON_BITS) throw new Error(`pack-reasons: ${texts.length} distinct texts, more than a report's ${REASON_BITS} bits index`);
    const index = new Map(texts.map((t, k) => [t, k]));
    const bytes = [];
    const lengths = [];
    for (const text of texts) {
      const utf8 = Buffer.from(text, "utf8");
      if (utf8.length > 255) throw new Error(`pack-reasons: a text of ${utf8.length} bytes, more than a u8 length holds: ${JSON.stringify(text.slice(0, 40))}`);
      lengths.push(utf8.length);
      bytes.push(...utf8);
    }
    for (const [holder, key, report] of sites) {
      const range = holder[key].range;
      const k = index.get(holder[key].value);
      if (report !== null) {
        // s.reportPacked(ruleId << REASON_BITS | k, ...): the rule id and the reason in one constant
        report.expression.property = Node.createIdentifierExpression(PACKED.get(report.expression.property.text), range);
        const ruleId = Node.createParenthesizedExpression(report.args[0], range);
        report.args[0] = Node.createBinaryExpression(Token.Bar, Node.createBinaryExpression(Token.LessThan_LessThan, ruleId, int(REASON_BITS, range), range), int(k, range), range);
        report.args.pop();
      } else holder[key] = packedText(k, range);
    }
    table.texts.initializer = memoryData("u8", bytes, table.texts.range);
    table.lengths.initializer = memoryData("u8", lengths, table.lengths.range);
    if (process.env.MESHWAF_TRANSFORM_VERBOSE) console.error(`pack-reasons: ${sites.length} texts, ${texts.length} distinct, ${bytes.length} bytes`);
  }
}
