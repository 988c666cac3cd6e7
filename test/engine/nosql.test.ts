import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

// TargetKind values (assembly/engine/target.ts)
const ARG_NAME = 1, ARG_VALUE = 2, BODY_KEY = 7;

function score(input: string, kind: number): number {
  const ex = h.exports;
  const d = ex.__pin(ex.__newString("nosql"));
  const p = ex.__pin(ex.__newString(input));
  try {
    return ex.detectorScore(d, p, kind, 1);
  } finally {
    ex.__unpin(p);
    ex.__unpin(d);
  }
}

describe("nosql detection", () => {
  const attacks: [string, number][] = [
    ["user[$ne]", ARG_NAME],
    ["password[$regex]", ARG_NAME],
    ["$where", BODY_KEY],
    ["$gt", BODY_KEY],
    ['{"$ne": null}', ARG_VALUE],
    ["', $or: [ {}, { 'a':'a", ARG_VALUE],
    ["[$lte]asdf", ARG_VALUE],
    ["db.injection.insert({success:1});", ARG_VALUE],
    ["0;var date=new Date(); do{curDate = new Date();}while(curDate-date<10000)", ARG_VALUE],
  ];
  for (const [input, kind] of attacks) {
    it(`attack ${JSON.stringify(input)}`, () => expect(score(input, kind)).toBeGreaterThanOrEqual(5));
  }
  const benign: [string, number][] = [
    ["price", ARG_NAME],
    ["It costs $5 or $10", ARG_VALUE],
    ["use $where sparingly in mongoose docs", ARG_VALUE],
    ["items[0]", ARG_NAME],
    ["$total", BODY_KEY],
    ["mongoose.connect('mongodb://localhost/test')", ARG_VALUE],
    ["The db.json file", ARG_VALUE],
  ];
  for (const [input, kind] of benign) {
    it(`benign ${JSON.stringify(input)}`, () => expect(score(input, kind)).toBeLessThan(5));
  }
});
