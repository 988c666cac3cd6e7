// Scoring: severities summed per request, threshold, paranoia, categories switched
// off, and exclusions (rule id or category, optionally host, path prefix, method, target).
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspectWith, type Req } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

// Two protocol findings: contradicting Connection options (1022) and a NUL in args:a (1040).
// The other categories are switched off, so that the figures depend on these two rules only.
const req: Req = { method: "GET", path: "/files/report?a=b%00", headers: [["host", "shop.local:8080"], ["user-agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"], ["connection", "keep-alive, close"]] };
const OTHERS = "sqli,xss,rce,lfi,rfi,ssrf,java,php,nodejs,ssti,nosql,ldap,xxe,scanner,session,other";
const ids = (v: { matches: { id: number }[] }) => v.matches.map((m) => m.id).sort();
const run = (r: Req, exclusions = "", paranoia = 1, threshold = 5) => inspectWith(h, r, OTHERS, exclusions, paranoia, threshold);

describe("scoring", () => {
  it("sums severities and blocks at the threshold", () => {
    const v = run(req);
    expect(ids(v)).toEqual([1022, 1040]);
    expect(v.score).toBe(10);
    expect(v.attack).toBe(true);
    expect(run(req, "", 1, 11).attack).toBe(false);
  });

  it("explains each match with its target, fragment and reason", () => {
    const m = run(req).matches.find((x) => x.id === 1040)!;
    expect(m).toMatchObject({ category: "protocol", target: "args:a", reason: "NUL byte" });
    expect(m.fragment).toBe("b\u0000");
  });

  it("scores a rule once per request", () => {
    const v = run({ ...req, path: "/x?a=%00&b=%00" });
    expect(v.matches.filter((m) => m.id === 1040)).toHaveLength(1);
  });

  it("runs rules only from their paranoia level", () => {
    const r: Req = { path: "/get?a=test%0Anext", headers: [["host", "h"]] };
    expect(ids(run(r, "", 1))).toEqual([]);
    expect(ids(run(r, "", 2))).toEqual([1064]);
  });

  it("skips categories switched off", () => {
    expect(inspectWith(h, req, "protocol," + OTHERS, "").score).toBe(0);
    expect(inspectWith(h, req, OTHERS, "").score).toBe(10);
  });

  const exclusions: { name: string; line: string; left: number[] }[] = [
    { name: "by rule id", line: "1022||||", left: [1040] },
    { name: "by category", line: "|protocol|||", left: [] },
    { name: "by rule id and target", line: "1040|||||args:a", left: [1022] },
    { name: "by target prefix", line: "|||||args:*", left: [1022] },
    { name: "by category and another target", line: "|protocol||||args:b", left: [1022, 1040] },
    { name: "by host (port ignored)", line: "||shop.local|||", left: [] },
    { name: "by host in another case", line: "||SHOP.Local|||", left: [] },
    { name: "by another host", line: "||other.local|||", left: [1022, 1040] },
    { name: "by path prefix", line: "|||/files/||", left: [] },
    { name: "by another path prefix", line: "|||/api/||", left: [1022, 1040] },
    { name: "by method", line: "||||GET|", left: [] },
    // methods are case-sensitive (RFC 9110): `get` is another method (the configuration refuses it)
    { name: "by the method in another case", line: "||||get|", left: [1022, 1040] },
    { name: "by another method", line: "||||POST|", left: [1022, 1040] },
    { name: "by rule, host, path, method and target together", line: "1040||shop.local|/files|GET|args:a", left: [1022] },
  ];
  for (const c of exclusions) {
    it(`applies an exclusion ${c.name}`, () => {
      const v = run(req, c.line);
      expect(ids(v)).toEqual(c.left);
      expect(v.score).toBe(c.left.length * 5);
    });
  }
});
