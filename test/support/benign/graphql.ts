// GraphQL documents with variables, as a gateway posts them to subgraphs.
import fc from "fast-check";
import { pick } from "../variants/positions.js";
import { camel, ident, int, pascal, phrase, small } from "./words.js";

const field = camel;
const args = fc.array(fc.tuple(camel, fc.oneof(int, camel.map((c) => `$${c}`), phrase.map((p) => JSON.stringify(p)), pick(["true", "false", "null", "ASC", "DESC"]))), { maxLength: 3 })
  .map((xs) => (xs.length ? `(${xs.map(([k, v]) => `${k}: ${v}`).join(", ")})` : ""));
const leaf = fc.tuple(field, pick(["", "", " @include(if: $withDetails)", " @skip(if: $brief)"])).map(([f, d]) => f + d);
const sel1 = fc.array(leaf, { minLength: 1, maxLength: 4 }).map((xs) => `{ ${xs.join(" ")} }`);
const sub = fc.tuple(field, args, sel1, pick(["", "... on "])).map(([f, a, s, frag]) => (frag ? `${frag}${f[0].toUpperCase()}${f.slice(1)} ${s}` : `${f}${a} ${s}`));
const sel2 = fc.array(fc.oneof(leaf, sub), { minLength: 1, maxLength: 4 }).map((xs) => `{ ${xs.join(" ")} }`);
const root = fc.tuple(field, args, sel2).map(([f, a, s]) => `${f}${a} ${s}`);
const varDefs = fc.array(fc.tuple(camel, pick(["ID!", "String", "Int", "Boolean!", "[String!]", "OrderInput!"])), { maxLength: 3 })
  .map((xs) => (xs.length ? `(${xs.map(([n, t]) => `$${n}: ${t}`).join(", ")})` : ""));

/** A query or mutation document. */
export const graphqlDocument: fc.Arbitrary<string> = fc.tuple(pick(["query", "mutation", "subscription", ""]), pascal, varDefs, fc.array(root, { minLength: 1, maxLength: 2 }), fc.boolean())
  .map(([op, name, vars, roots, frag]) => {
    const body = `{ ${roots.join(" ")} }`;
    const doc = op ? `${op} ${name}${vars} ${body}` : body;
    return frag ? `${doc}\nfragment ${name}Fields on ${name} { id ${roots.length} }`.replace(/ (\d)/, " createdAt") : doc;
  });

/** The JSON body a client posts: `{query, variables, operationName}`. */
export const graphqlRequest: fc.Arbitrary<object> = fc.tuple(graphqlDocument, fc.dictionary(camel, fc.oneof(ident, small.map(Number), phrase, fc.boolean()), { maxKeys: 3 }), pascal)
  .map(([q, v, n]) => ({ query: q, variables: v, operationName: n }));

const AGG_FIELD = pick(["count", "sum", "max", "min", "avg", "group", "concat", "order", "sort", "select", "having", "exec", "system"]);
const aggArg = fc.tuple(pick(["order", "where", "by", "columns", "distinct", "limit", "filter", "select"]), fc.oneof(camel.map((c) => `$${c}`), pick(["true", "desc", "{created_at: desc}", "[amount, total]"])))
  .map(([k, v]) => `${k}: ${v}`);
/** Aggregate fields of generated GraphQL schemas (Hasura, PostGraphile): SQL-ish names with $variable arguments. */
export const graphqlAggregate: fc.Arbitrary<string> = fc.tuple(camel, fc.array(fc.tuple(AGG_FIELD, fc.array(aggArg, { minLength: 1, maxLength: 2 }), camel), { minLength: 1, maxLength: 3 }), camel)
  .map(([root, fs, v]) => `query ($${v}: ${root[0].toUpperCase()}${root.slice(1)}BoolExp, $o: [OrderBy!]) { ${root}_aggregate(where: $${v}) { aggregate { ${fs.map(([f, as, x]) => `${f}(${as.join(", ")}) { ${x} }`).join(" ")} } } }`);
