// asc transform for every build: stores the word lists of the sources as bytes, built at start-up in
// one loop (assembly/engine/wordlist.ts). Each top-level `const X = new WordList("a|b|c")` would be a
// UTF-16 static string (2 bytes a character), a constructor call in the start function and a global
// (~16 bytes of code and global a list). The transform rewrites it to
// `const X = changetype<WordList>(WordList.statics + k * offsetof<WordList>())`, a constant address in
// one zeroed static block, and gives wordlist.ts the words of every list, UTF-8 and each list ended
// by a 0 byte (STATIC_WORDS = memory.data<u8>([...])), and their count (STATIC_COUNT), which its
// top-level WordList.buildStatics reads to build the lists in place.
// Works on the AST after parsing, so detector files keep their readable lists.
import { Node, NodeKind, LiteralKind, CommonFlags, Token } from "assemblyscript";

function isWordListLiteral(node) {
  return node != null && node.kind === NodeKind.New && node.typeName != null && node.typeName.identifier != null &&
    node.typeName.identifier.text === "WordList" && Array.isArray(node.args) && node.args.length === 1 &&
    node.args[0].kind === NodeKind.Literal && node.args[0].literalKind === LiteralKind.String;
}

function packedBytes(node) {
  const text = node.args[0].value;
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length !== text.length) throw new Error(`pack-word-lists: non-ASCII word list ${JSON.stringify(text.slice(0, 40))}`);
  if (bytes.includes(0)) throw new Error(`pack-word-lists: a word list holds a 0 byte ${JSON.stringify(text.slice(0, 40))}`);
  return bytes;
}

const ident = (name, range) => Node.createIdentifierExpression(name, range);
const int = (v, range) => Node.createIntegerLiteralExpression(i64_new(v, 0), range);
const type = (name, range) => Node.createNamedType(Node.createSimpleTypeName(name, range), null, false, range);
const call = (callee, typeArgs, args, range) => Node.createCallExpression(callee, typeArgs, args, range);
const member = (object, property, range) => Node.createPropertyAccessExpression(ident(object, range), ident(property, range), range);
const objectSize = (range) => call(ident("offsetof", range), [type("WordList", range)], [], range);

/** The source that declares class WordList, with its static `statics` field and the STATIC_WORDS and STATIC_COUNT constants. */
function wordListSource(sources) {
  for (const source of sources) {
    let statics = null, words = null, count = null;
    for (const s of source.statements) {
      if (s.kind === NodeKind.ClassDeclaration && s.name.text === "WordList") {
        statics = s.members.find((m) => m.kind === NodeKind.FieldDeclaration && m.name.text === "statics" && (m.flags & CommonFlags.Static) !== 0) ?? null;
      } else if (s.kind === NodeKind.Variable) {
        for (const d of s.declarations) {
          if (d.name.text === "STATIC_WORDS") words = d;
          else if (d.name.text === "STATIC_COUNT") count = d;
        }
      }
    }
    if (statics !== null || words !== null || count !== null) {
      if (statics === null || words === null || count === null) throw new Error(`pack-word-lists: ${source.normalizedPath} lacks WordList.statics, STATIC_WORDS or STATIC_COUNT`);
      return { statics, words, count };
    }
  }
  return null;
}

export default class PackWordLists {
  afterParse(parser) {
    const sources = parser.sources.filter((s) => !s.internalPath.startsWith("~lib/"));
    const lists = [];
    for (const source of sources) {
      for (const s of source.statements) {
        if (s.kind !== NodeKind.Variable) continue;
        for (const d of s.declarations) if ((d.flags & CommonFlags.Const) !== 0 && isWordListLiteral(d.initializer)) lists.push(d);
      }
    }
    if (lists.length === 0) return;
    const target = wordListSource(sources);
    if (target === null) throw new Error("pack-word-lists: no class WordList with the static lists' declarations");
    const words = [];
    lists.forEach((d, k) => {
      words.push(...packedBytes(d.initializer), 0);
      const range = d.initializer.range;
      const offset = Node.createBinaryExpression(Token.Asterisk, int(k, range), objectSize(range), range);
      d.initializer = call(ident("changetype", range), [type("WordList", range)],
        [Node.createBinaryExpression(Token.Plus, member("WordList", "statics", range), offset, range)], range);
    });
    const range = target.words.range;
    const memoryData = (typeArgs, args) => call(member("memory", "data", range), typeArgs, args, range);
    target.words.initializer = memoryData([type("u8", range)], [Node.createArrayLiteralExpression(words.map((b) => int(b, range)), range)]);
    target.count.initializer = int(lists.length, range);
    target.statics.initializer = memoryData(null, [Node.createBinaryExpression(Token.Asterisk, int(lists.length, range), objectSize(range), range), int(8, range)]);
    if (process.env.MESHWAF_TRANSFORM_VERBOSE) console.error(`pack-word-lists: ${lists.length} lists, ${words.length} bytes`);
  }
}
