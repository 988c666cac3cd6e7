// Real-world text families that were blocked once (scripts/probe-docs.ts finds them over local
// documentation, config files, data files and locale text): each row of
// test/fixtures/benign-realworld.jsonl states its family, where it is sent (a value in a JSON body, a
// form and a query string, or the request path) and the expected outcome: `pass` for the benign text,
// `block` for the attack beside it that the fix must keep catching.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, type Req } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

interface Row { family: string; where: "value" | "path"; expect: "pass" | "block"; text: string; source: string }
const ROWS: Row[] = readFileSync(new URL("../fixtures/benign-realworld.jsonl", import.meta.url), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));

const H = (ct?: string): [string, string][] => [["host", "svc.local"], ...(ct ? [["content-type", ct] as [string, string]] : [])];
const CARRIERS: Record<Row["where"], ((t: string) => Req)[]> = {
  value: [
    (t) => ({ method: "POST", path: "/api/v1/notes", headers: H("application/json"), body: JSON.stringify({ body: t, author_id: 1 }) }),
    (t) => ({ method: "POST", path: "/contact", headers: H("application/x-www-form-urlencoded"), body: new URLSearchParams({ name: "Ann", message: t }).toString() }),
    (t) => ({ method: "GET", path: `/search?q=${encodeURIComponent(t)}&lang=en`, headers: H() }),
  ],
  path: [(t) => ({ method: "GET", path: t, headers: H() })],
};

const verdicts = (r: Row) => CARRIERS[r.where].map((c) => {
  const v = inspect(h, c(r.text));
  return { blocked: v.score >= 5, why: v.matches.map((m) => `${m.id}[${m.fragment}]`).join(" ") };
});

describe("real-world text families", () => {
  it("every family has rows that pass and rows that block", () => {
    for (const f of new Set(ROWS.map((r) => r.family))) {
      expect(ROWS.some((r) => r.family === f && r.expect === "pass"), f).toBe(true);
      expect(ROWS.some((r) => r.family === f && r.expect === "block"), f).toBe(true);
    }
  });

  it.each(ROWS.map((r) => [`${r.family}: ${r.expect} ${r.text.slice(0, 60)}`, r] as const))("%s", (_, r) => {
    for (const v of verdicts(r)) expect(v.blocked, `${r.source}: ${v.why}`).toBe(r.expect === "block");
  });
});
