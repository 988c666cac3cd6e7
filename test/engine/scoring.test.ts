// Scoring: severities summed per request, threshold, paranoia, categories switched
// off, and exclusions (rule id or category, optionally host, path prefix, method, target).
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, inspectWith, type Req } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

// Two protocol findings: a backup extension in the path (1070) and a NUL in args:a (1040).
const req: Req = { method: "GET", path: "/files/dump.bak?a=b%00", headers: [["host", "shop.local:8080"], ["user-agent", "curl/8"]] };
const ids = (v: { matches: { id: number }[] }) => v.matches.map((m) => m.id).sort();

describe("scoring", () => {
  it("sums severities and blocks at the threshold", () => {
    const v = inspect(h, req);
    expect(ids(v)).toEqual([1040, 1070]);
    expect(v.score).toBe(10);
    expect(v.attack).toBe(true);
    expect(inspect(h, req, 1, 11).attack).toBe(false);
  });

  it("explains each match with its target, fragment and reason", () => {
    const m = inspect(h, req).matches.find((x) => x.id === 1040)!;
    expect(m).toMatchObject({ category: "protocol", target: "args:a", reason: "NUL byte" });
    expect(m.fragment).toBe("b\u0000");
  });

  it("scores a rule once per request", () => {
    const v = inspect(h, { ...req, path: "/x?a=%00&b=%00" });
    expect(v.matches.filter((m) => m.id === 1040)).toHaveLength(1);
  });

  it("runs rules only from their paranoia level", () => {
    const r: Req = { path: "/get?a=test%0Anext", headers: [["host", "h"]] };
    expect(ids(inspect(h, r, 1))).toEqual([]);
    expect(ids(inspect(h, r, 2))).toEqual([1064]);
  });

  it("skips categories switched off", () => {
    expect(inspectWith(h, req, "protocol", "").score).toBe(0);
    expect(inspectWith(h, req, "sqli,xss", "").score).toBe(10);
  });

  const exclusions: { name: string; line: string; left: number[] }[] = [
    { name: "by rule id", line: "1070||||", left: [1040] },
    { name: "by category", line: "|protocol|||", left: [] },
    { name: "by rule id and target", line: "1040|||||args:a", left: [1070] },
    { name: "by target prefix", line: "|||||args:*", left: [1070] },
    { name: "by category and another target", line: "|protocol||||args:b", left: [1040, 1070] },
    { name: "by host (port ignored)", line: "||shop.local|||", left: [] },
    { name: "by another host", line: "||other.local|||", left: [1040, 1070] },
    { name: "by path prefix", line: "|||/files/||", left: [] },
    { name: "by another path prefix", line: "|||/api/||", left: [1040, 1070] },
    { name: "by method", line: "||||get|", left: [] },
    { name: "by another method", line: "||||POST|", left: [1040, 1070] },
    { name: "by rule, host, path, method and target together", line: "1040||shop.local|/files|GET|args:a", left: [1070] },
  ];
  for (const c of exclusions) {
    it(`applies an exclusion ${c.name}`, () => {
      const v = inspectWith(h, req, "", c.line);
      expect(ids(v)).toEqual(c.left);
      expect(v.score).toBe(c.left.length * 5);
    });
  }
});
