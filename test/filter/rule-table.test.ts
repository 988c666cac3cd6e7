// The release build packs each detector's list of rules into a static table of ids, categories,
// severities and paranoia levels (scripts/strip-rule-descriptions.js, Rule.table). The harness
// build keeps the lists as written. Over the corpus sample, at paranoia 1 and 4, the filter must
// score every request with the same rules, categories and score as the harness: a wrong byte in
// the table would change one of them. The release build also stores the reasons of matches as
// UTF-8 blobs, decoded when a finding counts (scripts/pack-reasons.js): its log lines must give
// each rule the harness's reason. The detectors' lists are packed into one table built in one call
// (Rule.tables): the module must hold every rule of the registry (schema/rules.json), with its
// category, severity and paranoia level, and no other id.
import { beforeAll, describe, expect, it } from "vitest";
import { runRequest, type RequestSpec } from "../../src/host/index.js";
import { decisions, loadFilter, sampleCorpus } from "../support/filter.js";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect } from "../support/engine.js";
import { RULES } from "../../src/config/rules.js";

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

describe("the release module's rule registry", () => {
  const ids = [...RULES.keys()];
  const categories = [...new Set([...RULES.values()].map((r) => r.category))];

  it("knows every registered rule id and no neighbour of one", async () => {
    const absent = [...new Set(ids.flatMap((id) => [id - 1, id + 1]))].filter((id) => !RULES.has(id)).sort((a, b) => a - b);
    expect(ids.length).toBeGreaterThan(200);
    expect(absent.length).toBeGreaterThan(50);
    const em = await loadFilter({ mode: "detect", exclusions: [{ ruleIds: [...ids, ...absent] }] });
    expect(em.configured).toBe(true);
    const unknown = em.logs.filter((l) => l.level === "warn").map((l) => Number(/unknown rule id (\d+)$/.exec(l.message)?.[1]));
    expect(unknown).toEqual(absent);
  });

  // The filter bounds a request's score by the severities of the rules that run (parse.ts, reachable):
  // per category and paranoia level, that bound is the registry's sum.
  for (const paranoia of [1, 2, 3, 4]) {
    it(`bounds each category's score at paranoia ${paranoia} by the registry's severities`, async () => {
      for (const category of categories) {
        let most = 0;
        for (const r of RULES.values()) if (r.category === category && r.paranoia <= paranoia) most += r.severity;
        if (most === 0) continue;
        const em = await loadFilter({ paranoiaLevel: paranoia, anomalyThreshold: most + 1, disabledCategories: categories.filter((c) => c !== category) });
        expect(em.logs.filter((l) => l.level === "warn").map((l) => l.message), category).toEqual([
          `meshwaf: configuration warning: anomalyThreshold: ${most + 1} can never be reached: the rules that run at paranoiaLevel ${paranoia}, ` +
            `outside disabledCategories, score at most ${most} together`,
        ]);
      }
    });
  }
});
