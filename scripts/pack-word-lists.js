// asc transform for every build: stores the words of each `new WordList("a|b|c")` as bytes.
// A string literal becomes a UTF-16 static string (2 bytes a character); the transform
// rewrites the call to `new WordList("", memory.data<u8>([0x61, 0x7c, ...]), size)`, a
// headerless blob of one byte a character (assembly/engine/wordlist.ts reads both forms).
// Works on the AST after parsing, so detector files keep their readable lists.
import { Node } from "assemblyscript";
import { walkProjectSources } from "./ast-walk.js";

function isWordListLiteral(node) {
  return node.typeName != null && node.typeName.identifier != null && node.typeName.identifier.text === "WordList" &&
    Array.isArray(node.args) && node.args.length === 1 && typeof node.args[0].value === "string" && "literalKind" in node.args[0];
}

function packedBytes(node) {
  const text = node.args[0].value;
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length !== text.length) throw new Error(`pack-word-lists: non-ASCII word list ${JSON.stringify(text.slice(0, 40))}`);
  return bytes;
}

function rewrite(node) {
  const range = node.args[0].range;
  const bytes = packedBytes(node);
  const u8 = Node.createNamedType(Node.createSimpleTypeName("u8", range), null, false, range);
  const blob = Node.createCallExpression(
    Node.createPropertyAccessExpression(Node.createIdentifierExpression("memory", range), Node.createIdentifierExpression("data", range), range),
    [u8],
    [Node.createArrayLiteralExpression([...bytes].map((b) => Node.createIntegerLiteralExpression(i64_new(b, 0), range)), range)],
    range,
  );
  node.args = [Node.createStringLiteralExpression("", range), blob, Node.createIntegerLiteralExpression(i64_new(bytes.length, 0), range)];
}

export default class PackWordLists {
  afterParse(parser) {
    let count = 0;
    walkProjectSources(parser, (node) => {
      if (!isWordListLiteral(node)) return false;
      rewrite(node);
      count++;
      return true;
    });
    if (process.env.MESHWAF_TRANSFORM_VERBOSE) console.error(`pack-word-lists: ${count} lists`);
  }
}
