// Ordinary application code as it travels in webhook payloads (commit messages, diffs) and
// markdown code fences: assignments, calls, conditions, returns — nothing that runs a shell or evaluates text.
import fc from "fast-check";
import { pick } from "../variants/positions.js";
import { camel, capitalised, hex, ident, int, noun, phrase, small, timestamp } from "./words.js";

const expr = fc.oneof(
  camel, int, phrase.map((p) => JSON.stringify(p)),
  fc.tuple(camel, camel).map(([a, b]) => `${a}.${b}`),
  fc.tuple(camel, camel, camel).map(([o, f, a]) => `${o}.${f}(${a})`),
  fc.tuple(camel, pick([" + ", " * ", " - ", " / ", " ?? "]), fc.oneof(camel, int)).map(([a, op, b]) => a + op + b),
);
const jsLine = fc.oneof(
  fc.tuple(pick(["const", "let"]), camel, expr).map(([k, n, e]) => `${k} ${n} = ${e};`),
  fc.tuple(camel, pick([">", "<", "===", "!=="]), fc.oneof(int, camel), camel).map(([a, op, b, r]) => `if (${a} ${op} ${b}) return ${r};`),
  fc.tuple(camel, fc.array(camel, { maxLength: 3 })).map(([f, as]) => `function ${f}(${as.join(", ")}) {`),
  fc.tuple(camel, camel).map(([a, f]) => `export async function ${f}(${a}) {`),
  fc.tuple(camel, camel).map(([x, xs]) => `for (const ${x} of ${xs}) total += ${x}.price;`),
  fc.tuple(camel, noun).map(([n, m]) => `import { ${n} } from "./${m}";`),
  expr.map((e) => `return ${e};`),
  fc.constant("}"),
);
const pyLine = fc.oneof(
  fc.tuple(ident, expr).map(([n, e]) => `${n} = ${e.replace(/;$/, "")}`),
  fc.tuple(ident, fc.array(ident, { maxLength: 3 })).map(([f, as]) => `def ${f}(${["self", ...as].join(", ")}):`),
  fc.tuple(ident, ident).map(([x, xs]) => `    for ${x} in ${xs}:`),
  fc.tuple(ident, int).map(([x, n]) => `    if ${x} > ${n}:`),
  fc.tuple(ident, ident).map(([m, n]) => `from ${m} import ${n}`),
  ident.map((x) => `        return ${x}`),
);
const goLine = fc.oneof(
  fc.tuple(camel, expr).map(([n, e]) => `\t${n} := ${e}`),
  fc.constant("\tif err != nil {\n\t\treturn nil, err\n\t}"),
  fc.tuple(camel, camel).map(([f, t]) => `func (s *Server) ${f[0].toUpperCase() + f.slice(1)}(ctx context.Context, req *${t[0].toUpperCase() + t.slice(1)}Request) error {`),
);
/** A few lines of one language. */
export const codeSnippet: fc.Arbitrary<string> = fc.oneof(
  fc.array(jsLine, { minLength: 1, maxLength: 6 }).map((xs) => xs.join("\n")),
  fc.array(pyLine, { minLength: 1, maxLength: 6 }).map((xs) => xs.join("\n")),
  fc.array(goLine, { minLength: 1, maxLength: 4 }).map((xs) => xs.join("\n")),
);
/** A unified diff of such code. */
export const diff: fc.Arbitrary<string> = fc.tuple(noun, small, small, fc.array(fc.tuple(pick(["+", "-", " "]), codeSnippet), { minLength: 1, maxLength: 3 }))
  .map(([f, a, b, hunks]) => `diff --git a/src/${f}.ts b/src/${f}.ts\n--- a/src/${f}.ts\n+++ b/src/${f}.ts\n@@ -${a},7 +${b},8 @@\n` + hunks.map(([m, c]) => c.split("\n").map((l) => m + l).join("\n")).join("\n"));
/** A commit message: a subject line and a body. */
export const commitMessage: fc.Arbitrary<string> = fc.tuple(pick(["fix", "feat", "chore", "refactor", "docs", "perf", "test"]), noun, capitalised, fc.array(capitalised, { maxLength: 3 }), small)
  .map(([t, scope, s, body, n]) => `${t}(${scope}): ${s.toLowerCase()}\n\n${body.map((b) => `- ${b}`).join("\n")}${body.length ? "\n\n" : ""}Closes #${n}`);
/** A push webhook body. */
export const pushWebhook: fc.Arbitrary<object> = fc.tuple(ident, ident, fc.array(fc.tuple(hex, commitMessage, timestamp, ident), { minLength: 1, maxLength: 3 }), fc.option(diff, { nil: undefined }))
  .map(([repo, branch, commits, d]) => ({
    ref: `refs/heads/${branch}`, repository: { full_name: `acme/${repo}`, html_url: `https://git.example.com/acme/${repo}` },
    commits: commits.map(([id, message, timestamp, author]) => ({ id: id.padEnd(40, "0"), message, timestamp, author: { name: author, email: `${author}@example.com` }, modified: [`src/${repo}.ts`] })),
    ...(d ? { patch: d } : {}),
  }));
