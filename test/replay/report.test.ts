import { describe, expect, it } from "vitest";
import { percentile, summarise, table } from "../../src/replay/report.js";
import type { ReplayResult } from "../../src/replay/replay.js";

const r = (label: string, category: string, blocked: boolean, us: number): ReplayResult => ({ id: `${category}-${us}`, label, category, blocked, score: 0, rules: [], us, held: false });

describe("replay report", () => {
  const cases: [number[], number, number][] = [
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4], 99, 4],
    [[7], 50, 7],
    [[], 50, 0],
  ];
  for (const [values, p, expected] of cases) {
    it(`p${p} of ${JSON.stringify(values)} is ${expected}`, () => expect(percentile(values, p)).toBe(expected));
  }

  const results = [r("attack", "sqli", true, 10), r("attack", "sqli", false, 20), r("attack", "xss", true, 30), r("benign", "benign", true, 40), r("benign", "benign", false, 50), r("benign", "benign", false, 60), r("benign", "benign", false, 70)];

  it("summarises rates and latency", () => {
    expect(summarise(results)).toEqual({ requests: 7, attacks: 3, attacks_blocked: 2, tpr: 0.6667, benign: 4, benign_blocked: 1, fpr: 0.25, p50_us: 40, p99_us: 70 });
  });

  it("prints one row per label and category", () => {
    expect(table(results)).toBe(
      ["label   category  count  blocked    rate", "attack  sqli          2        1   50.0%", "attack  xss           1        1  100.0%", "benign  benign        4        1   25.0%"].join("\n"),
    );
  });
});
