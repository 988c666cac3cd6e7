// asc transform for every build: stores the literal needles of the byte helpers as bytes. A function
// or method declared `name<Needle>(..., needle: Needle, ..., n: i32 = 0)` (assembly/engine/bytes.ts,
// JsonWriter.raw) takes a string or, as `name<usize>`, the address of `n` bytes. A string literal is a UTF-16 static string
// with a header (about 20 bytes, 2 a character, 16-byte aligned); the transform rewrites
// `matchesCI(buf, i, "ognl")` to `matchesCI<usize>(buf, i, memory.data<u8>([0x6f, ...]), 4)`, one
// byte a character and no header. A literal that appears elsewhere (another call, a comparison)
// stays a string everywhere, and so does one repeated in so many sources that its copies (one a source:
// the calls of a source share theirs) would outweigh it,
// unless the helper is never called with a string variable: then all its needles are packed, and
// the helper's string instance (100-200 bytes of code) is not built at all. A call that passes `n` as well
// hands on a needle its own helper was given, and is no string variable.
// Works on the AST after parsing, so detector files keep their readable needles.
import { Node, NodeKind, LiteralKind } from "assemblyscript";
import { walkProjectSources } from "./ast-walk.js";

/** The longest literal stored twice (as bytes for a needle, as a string elsewhere). */
const DUPLICATE_MAX = 24;

/** What a static string of `length` UTF-16 characters costs: header, characters, alignment. */
function stringCost(length) {
  return Math.ceil((20 + 2 * length) / 16) * 16;
}

function isStringLiteral(node) {
  return node != null && node.kind === NodeKind.Literal && node.literalKind === LiteralKind.String;
}

/** The needle parameter of a function or method declaration: { needle: parameter index, count: parameters, defaults }, or null. */
function needleHelper(declaration) {
  if (declaration.typeParameters == null || declaration.typeParameters.length !== 1) return null;
  if (declaration.typeParameters[0].name.text !== "Needle") return null;
  const params = declaration.signature.parameters;
  const needle = params.findIndex((p) => p.type != null && p.type.name != null && p.type.name.identifier.text === "Needle");
  const last = params[params.length - 1];
  if (needle < 0 || last.name.text !== "n" || last.initializer == null) return null;
  return { needle, count: params.length, defaults: params.map((p) => p.initializer) };
}

/** The needle functions a source declares: name -> helper. */
function declaredHelpers(source) {
  const out = new Map();
  for (const s of source.statements) {
    const helper = s.kind === NodeKind.FunctionDeclaration ? needleHelper(s) : null;
    if (helper !== null) out.set(s.name.text, helper);
  }
  return out;
}

/**
 * The needle methods of every class, by name (methods are called without an import). A name two
 * classes declare is left out, as is every call of it.
 */
function declaredMethods(sources) {
  const out = new Map();
  const twice = new Set();
  for (const source of sources) {
    for (const s of source.statements) {
      if (s.kind !== NodeKind.ClassDeclaration) continue;
      for (const member of s.members) {
        const helper = member.kind === NodeKind.MethodDeclaration ? needleHelper(member) : null;
        if (helper === null) continue;
        if (out.has(member.name.text)) twice.add(member.name.text);
        out.set(member.name.text, helper);
      }
    }
  }
  for (const name of twice) out.delete(name);
  return out;
}

/** Adds to `byPath` the helpers each source re-exports (`export { wordIs as equalsCI } from "..."`). */
function addReExports(sources, byPath) {
  for (let changed = true; changed; ) {
    changed = false;
    for (const source of sources) {
      const mine = byPath.get(source.internalPath);
      for (const s of source.statements) {
        if (s.kind !== NodeKind.Export || s.members == null || s.internalPath == null) continue;
        const theirs = byPath.get(s.internalPath);
        if (theirs === undefined) continue;
        for (const m of s.members) {
          const helper = theirs.get(m.localName.text);
          if (helper !== undefined && !mine.has(m.exportedName.text)) {
            mine.set(m.exportedName.text, helper);
            changed = true;
          }
        }
      }
    }
  }
}

/** The needle helpers callable by name in `source`: its own and those it imports. */
function helpersInScope(source, byPath) {
  const scope = new Map(byPath.get(source.internalPath) ?? []);
  for (const s of source.statements) {
    if (s.kind !== NodeKind.Import || s.declarations == null) continue;
    const theirs = byPath.get(s.internalPath);
    if (theirs === undefined) continue;
    for (const d of s.declarations) {
      const helper = theirs.get(d.foreignName.text);
      if (helper !== undefined) scope.set(d.name.text, helper);
    }
  }
  return scope;
}

/** The helper a call calls, when it is one in scope (not yet given a type argument). */
function calledHelper(node, scope, methods) {
  if (node.kind !== NodeKind.Call || node.typeArguments != null) return undefined;
  const callee = node.expression;
  return callee.kind === NodeKind.Identifier ? scope.get(callee.text)
    : callee.kind === NodeKind.PropertyAccess ? methods.get(callee.property.text) : undefined;
}

/** The call's needle literal, when it calls a helper in scope with one and omits only defaults. */
function needleCall(node, scope, methods) {
  const helper = calledHelper(node, scope, methods);
  if (helper === undefined || node.args.length <= helper.needle || node.args.length >= helper.count) return null;
  const literal = node.args[helper.needle];
  if (!isStringLiteral(literal) || literal.value.length === 0 || !/^[\x00-\x7f]*$/.test(literal.value)) return null;
  // Omitted parameters between the ones given and `n` need literal defaults to be spelled out.
  for (let k = node.args.length; k < helper.count - 1; k++) if (helper.defaults[k] == null || helper.defaults[k].kind !== NodeKind.Literal) return null;
  return { helper, literal };
}

const int = (v, range) => Node.createIntegerLiteralExpression(i64_new(v, 0), range);
const type = (name, range) => Node.createNamedType(Node.createSimpleTypeName(name, range), null, false, range);

/** `memory.data<u8>([...bytes])`: the needle's bytes, stored once where it is evaluated. */
function blobOf(bytes, range) {
  return Node.createCallExpression(
    Node.createPropertyAccessExpression(Node.createIdentifierExpression("memory", range), Node.createIdentifierExpression("data", range), range),
    [type("u8", range)],
    [Node.createArrayLiteralExpression([...bytes].map((v) => int(v, range)), range)],
    range,
  );
}

/** Rewrites the call to pass the needle's bytes: `blob`, or an identifier naming the bytes one constant of the source holds. */
function rewrite(node, { helper, literal }, shared = null) {
  const range = literal.range;
  const bytes = Buffer.from(literal.value, "ascii");
  node.typeArguments = [type("usize", range)];
  node.args[helper.needle] = shared === null ? blobOf(bytes, range) : Node.createIdentifierExpression(shared, range);
  for (let k = node.args.length; k < helper.count - 1; k++) node.args.push(helper.defaults[k]);
  node.args.push(int(bytes.length, range));
}

/**
 * `const __needle_K: usize = memory.data<u8>([...])` at the top of `source`: a needle its calls repeat is stored once
 * (each memory.data is a segment of its own).
 */
function shareNeedle(source, name, value, range) {
  const decl = Node.createVariableDeclaration(Node.createIdentifierExpression(name, range), null, 8 /* CommonFlags.Const */, type("usize", range), blobOf(Buffer.from(value, "ascii"), range), range);
  source.statements.unshift(Node.createVariableStatement(null, [decl], range));
}

export default class PackNeedles {
  afterParse(parser) {
    const sources = parser.sources.filter((s) => !s.internalPath.startsWith("~lib/"));
    const byPath = new Map(sources.map((s) => [s.internalPath, declaredHelpers(s)]));
    addReExports(sources, byPath);
    const methods = declaredMethods(sources);
    // Every string literal of the project's sources, and the needle calls among them.
    const uses = new Map(); // value -> count of literals
    const calls = new Map(); // value -> [[call, needle]]
    const stringNeedles = new Set(); // helpers called with a needle that is no literal (a string variable)
    for (const source of sources) {
      const scope = helpersInScope(source, byPath);
      walkProjectSources({ sources: [source] }, (node) => {
        if (isStringLiteral(node)) uses.set(node.value, (uses.get(node.value) ?? 0) + 1);
        const call = needleCall(node, scope, methods);
        if (call !== null) {
          if (!calls.has(call.literal.value)) calls.set(call.literal.value, []);
          calls.get(call.literal.value).push([node, call]);
        } else {
          // (a call that passes `n` too hands on a needle it was given, `indexOfCI(v, name, from, n)` in a
          // helper of its own: a string only where that helper is called with one, which it records itself)
          const helper = calledHelper(node, scope, methods);
          if (helper !== undefined && node.args.length < helper.count) stringNeedles.add(helper);
        }
        return false;
      });
    }
    let packed = 0;
    const left = []; // literal calls kept as strings (their literal is used elsewhere too)
    let shared = 0;
    for (const [value, sites] of calls) {
      // (the calls of one source share one copy of the bytes: a copy a source, below)
      const copies = new Set(sites.map((site) => site[1].literal.range.source)).size;
      if (uses.get(value) !== sites.length || copies * value.length >= stringCost(value.length)) {
        left.push(...sites);
        continue;
      }
      // calls of one source that repeat a needle share one copy of its bytes
      const bySource = new Map();
      for (const site of sites) {
        const source = site[1].literal.range.source;
        if (!bySource.has(source)) bySource.set(source, []);
        bySource.get(source).push(site);
      }
      for (const [source, group] of bySource) {
        let name = null;
        if (group.length > 1) {
          name = `__needle_${shared++}`;
          shareNeedle(source, name, value, group[0][1].literal.range);
        }
        for (const [node, call] of group) rewrite(node, call, name);
      }
      packed += sites.length;
    }
    // A helper whose every needle is a literal needs no string instance at all (some 100-200 bytes of
    // code each): its remaining literals are packed too, their bytes stored beside the string.
    for (const [node, call] of left) {
      if (stringNeedles.has(call.helper) || call.literal.value.length > DUPLICATE_MAX) continue;
      rewrite(node, call);
      packed++;
    }
    if (process.env.MESHWAF_TRANSFORM_VERBOSE) console.error(`pack-needles: ${packed} needles, ${shared} shared within a source`);
  }
}
