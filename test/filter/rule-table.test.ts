// The release build packs each detector's list of rules into a static table of ids, categories,
// severities and paranoia levels (scripts/strip-rule-descriptions.js, Rule.table). The harness
// build keeps the lists as written. Over the corpus sample, at paranoia 1 and 4, the filter must
// score every request with the same rules, categories and score as the harness: a wrong byte in
// the table would change one of them. The release build also stores the reasons of matches as
// UTF-8 blobs, decoded when a finding counts (scripts/pack-reasons.js): its log lines must give
// each rule the harness's reason.
import { beforeAll, describe, expect, it } from "vitest";
import { runRequest, type RequestSpec } from "../../src/host/index.js";
import { decisions, loadFilter, sampleCorpus } from "../support/filter.js";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

function harnessVerdict(spec: RequestSpec, paranoia: number) {
  const given = (spec.headers ?? []) as [string, string][];
  const headers = given.some(([k]) => k.toLowerCase() == "host") ? given : [["host", "svc.local"] as [string, string], ...given];
  const v = inspect(h, { method: spec.method ?? "GET", path: spec.path ?? "/", headers, body: spec.body }, paranoia);
  return {
    score: v.score,
    rules: [...new Set(v.matches.map((m) => m.id))].sort((a, b) => a - b),
    categories: [...new Set(v.matches.map((m) => m.category))].sort(),
    reasons: Object.fromEntries(v.matches.map((m) => [m.id, m.reason])) as Record<number, string>,
  };
}

describe("the release module's packed rule table", () => {
  for (const paranoia of [1, 4]) {
    it(`scores the corpus sample as the harness does at paranoia ${paranoia}`, async () => {
      const em = await loadFilter({ mode: "detect", paranoiaLevel: paranoia });
      let scored = 0;
      let reasoned = 0;
      for (const spec of sampleCorpus()) {
        const out = runRequest(em, spec);
        expect(out.failed).toBe(false);
        const line = decisions(out.logs)[0];
        const filter = line
          ? { score: line.score, rules: [...new Set<number>(line.rules)].sort((a, b) => a - b), categories: [...new Set<string>(line.categories)].sort() }
          : { score: 0, rules: [], categories: [] };
        const { reasons, ...expected } = harnessVerdict(spec, paranoia);
        expect(filter, `${spec.method} ${spec.path}`).toEqual(expected);
        for (const m of line?.matches ?? []) {
          expect(m.reason, `rule ${m.rule}`).toBe(reasons[m.rule]);
          reasoned++;
        }
        if (filter.score > 0) scored++;
      }
      expect(scored).toBeGreaterThan(150);
      expect(reasoned).toBeGreaterThan(150);
    });
  }
});
