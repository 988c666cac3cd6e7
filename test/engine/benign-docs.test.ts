// Documentation text placed where people paste it (comments, wiki pages, READMEs sent to an API):
// short quotes from npm READMEs, Node.js API docs and man pages that the engine once blocked, each
// with its source, and the attacks each fix must keep blocking. scripts/probe-docs.ts measures the
// rate over thousands of such snippets from local files; this table keeps the fixed families fixed.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, type Req } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const json = (text: string): Req => ({ method: "POST", path: "/api/v1/posts/7/comments", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: JSON.stringify({ body: text, author_id: 1 }) });
const form = (text: string): Req => ({ method: "POST", path: "/blog/post/comments", headers: [["host", "svc.local"], ["content-type", "application/x-www-form-urlencoded"]], body: new URLSearchParams({ author: "Ann", comment: text }).toString() });

// [snippet, where it comes from]
const DOCS: [string, string][] = [
  // process/module internals named in a markdown code span of prose
  ["By default, Commander calls `process.exit()` when it detects errors, or after displaying the help or version.", "commander README"],
  ["An attempt was made to open an IPC communication channel with a synchronously\nforked Node.js process. See the documentation for the [`child_process`][] module\nfor more information.", "Node.js docs, errors.md"],
  ["It is deprecated in favor of [`require.main`][], because it serves the same\npurpose and is only available on CommonJS environment.", "Node.js docs, deprecations.md"],
  ["The `process.mainModule` property provides an alternative way of retrieving\n`require.main`.", "Node.js docs, process.md"],
  ["[`child_process.spawnSync()`][]. Each of these alternatives are implemented on\ntop of [`child_process.spawn()`][].", "Node.js docs, child_process.md"],
  ["description: Exposed as `require('fs/promises')`.", "Node.js docs, fs.md"],
  // a module bound to a name at the head of an example
  ["const { umask } = require('node:process');", "Node.js docs, process.md"],
  ["const fs = require('node:fs');\nconst util = require('node:util');\n\nfunction debug(...args) {\n  fs.writeFileSync('log.out', `${util.format(...args)}\\n`, { flag: 'a' });\n}", "Node.js docs, async_hooks.md"],
  ["```js\nconst fs = require('node:fs');\nconst readable = getReadableStreamSomehow();\nconst writable = fs.createWriteStream('file.txt');\nreadable.pipe(writable);\n```", "Node.js docs, stream.md"],
  ["const { open } = require('node:fs/promises');\n\n(async () => {\n  const file = await open('./some/file/to/read');\n  for await (const line of file.readLines()) {\n    console.log(line);\n  }\n})();", "Node.js docs, fs.md"],
  ["const os = require('os')\nconst cpus = os.cpus().length", "README pattern (os module)"],
];

// Attacks next to the fixed families: the same names, run instead of written about.
const ATTACKS: string[] = [
  "`+require('child_process').exec('id')+`",
  "`;process.exit()//`",
  "`process.exit()`",
  "a `${process.mainModule.require('child_process').execSync('id')}` b",
  "import(`child_process`).then(m => m.exec('id'))",
  "x = require('fs').readFileSync('/etc/passwd')",
  "require('fs').readdirSync('.')",
  "const { execFile } = require('node:child_process');",
  "const cp = require('child_process'); cp.exec('id')",
  "process.mainModule.require('child_process').execSync('id')",
];

describe("documentation text is not blocked at paranoia 1", () => {
  it.each(DOCS)("%s (%s)", (text) => {
    for (const req of [json(text), form(text)]) {
      const v = inspect(h, req);
      expect(v.score, v.matches.map((m) => `${m.id}@${m.target}[${m.fragment}]`).join(" ")).toBeLessThan(5);
    }
  });
});

describe("the attacks beside them still are", () => {
  it.each(ATTACKS)("%s", (text) => {
    expect(inspect(h, json(text)).score).toBeGreaterThanOrEqual(5);
    expect(inspect(h, form(text)).score).toBeGreaterThanOrEqual(5);
  });
});
