// Documentation text placed where people paste it (comment forms, JSON APIs, search boxes):
// test/fixtures/benign-docs.jsonl holds short quotes from npm READMEs, the Node.js API docs,
// Debian package docs, man pages, fortunes and licences, each with its source. Rows marked
// `fixed` were blocked once (scripts/probe-docs.ts finds such families over thousands of local
// snippets) and must never be again; over the whole fixture the stated bar is the project's:
// at most 1% of placements blocked. Beside them, the attacks each fix must keep blocking.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { json, form, TEXT_CARRIERS, blockedBy } from "../support/text-carriers.js";
import { inspect } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

interface Doc { text: string; source: string; fixed?: boolean }
const DOCS: Doc[] = readFileSync(new URL("../fixtures/benign-docs.jsonl", import.meta.url), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));



describe("documentation text", () => {
  it("the fixture holds a few dozen quotes, some of them fixed false positives", () => {
    expect(DOCS.length).toBeGreaterThanOrEqual(40);
    expect(DOCS.filter((d) => d.fixed).length).toBeGreaterThanOrEqual(10);
  });

  it.each(DOCS.filter((d) => d.fixed).map((d) => [d.text.slice(0, 60), d] as const))("fixed: %s", (_, d) => {
    for (const carrier of TEXT_CARRIERS) expect(blockedBy(h, carrier(d.text)), d.source).toBe("");
  });

  it("at most 1% of the fixture's placements are blocked at paranoia 1", () => {
    const blocked = DOCS.flatMap((d) => TEXT_CARRIERS.map((c) => blockedBy(h, c(d.text))).filter(Boolean).map((m) => `${d.source}: ${m}`));
    expect(blocked.length / (DOCS.length * TEXT_CARRIERS.length), blocked.join("\n")).toBeLessThanOrEqual(0.01);
  });
});

// The same names, run instead of written about.
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

describe("the attacks beside them are still blocked", () => {
  it.each(ATTACKS)("%s", (text) => {
    expect(inspect(h, json(text)).score).toBeGreaterThanOrEqual(5);
    expect(inspect(h, form(text)).score).toBeGreaterThanOrEqual(5);
  });
});
