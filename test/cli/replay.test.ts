import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { tempDir } from "../support/temp.js";

const dir = tempDir("replay");
const sample = new URL("../fixtures/corpus-sample.jsonl", import.meta.url).pathname;

describe("meshwaf replay", () => {
  it("replays the sample corpus: table, per-request lines, and the JSON summary as the last line", () => {
    const out = join(dir, "out.jsonl");
    const r = runCli(["replay", sample, "--out", out, "--concurrency", "2", "--chunk-size", "1024"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^label\s+category\s+count\s+blocked\s+rate$/);
    expect(lines).toContainEqual(expect.stringMatching(/^benign\s+benign\s+125\s+\d+\s+[\d.]+%$/));
    const summary = JSON.parse(lines.at(-1)!);
    expect(Object.keys(summary)).toEqual(["requests", "attacks", "attacks_blocked", "tpr", "benign", "benign_blocked", "fpr", "p50_us", "p99_us"]);
    expect(summary).toMatchObject({ requests: 387, attacks: 262, benign: 125 });
    expect(summary.p50_us).toBeGreaterThan(0);
    const perRequest = readFileSync(out, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(perRequest).toHaveLength(387);
    expect(Object.keys(perRequest[0])).toEqual(["id", "label", "category", "blocked", "score", "rules", "us"]);
    expect(perRequest[0].id).toBe("crs-920120-27"); // corpus order
    expect(perRequest.filter((p) => p.label === "attack" && p.blocked)).toHaveLength(summary.attacks_blocked);
  });

  it("names the line of a malformed corpus", () => {
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, `${readFileSync(sample, "utf8").split("\n")[0]}\nnot json\n`);
    const r = runCli(["replay", bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^meshwaf: .*bad\.jsonl:2: not valid JSON/);
    expect(r.stdout).toBe("");
  });
});
