import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

// TargetKind values (assembly/engine/target.ts)
const ARG_VALUE = 2;

function score(input: string, kind: number): number {
  const ex = h.exports;
  const d = ex.__pin(ex.__newString("ldap"));
  const p = ex.__pin(ex.__newString(input));
  try {
    return ex.detectorScore(d, p, kind, 1);
  } finally {
    ex.__unpin(p);
    ex.__unpin(d);
  }
}

describe("ldap detection", () => {
  const attacks: [string, number][] = [
    ["*)(uid=*", ARG_VALUE],
    ["admin)(|(password=*)", ARG_VALUE],
    ["(&(uid=admin)(!(&(1=0)(userPassword=q))))", ARG_VALUE],
    ["x)(objectClass=*", ARG_VALUE],
    ["admin)(|", ARG_VALUE],
    ["bar)(&)", ARG_VALUE],
    ["test) ( & ", ARG_VALUE],
    ["test)\t(\t|", ARG_VALUE],
    ["val)&(cn=admin", ARG_VALUE],
    ["*)!(sn=*", ARG_VALUE],
    ["x)( uid=*", ARG_VALUE],
    ["bar)(&amp;)", ARG_VALUE],
  ];
  for (const [input, kind] of attacks) {
    it(`attack ${JSON.stringify(input)}`, () => expect(score(input, kind)).toBeGreaterThanOrEqual(5));
  }
  const benign: [string, number][] = [
    ["(see above)", ARG_VALUE],
    ["f(x)(y) = z", ARG_VALUE],
    ["smile :)(wink)", ARG_VALUE],
    ["john.doe@example.com", ARG_VALUE],
    ["Tom (left) & Jerry (right)", ARG_VALUE],
    ["see (a) | (b)", ARG_VALUE],
    ["fish (cod) (& chips)s", ARG_VALUE],
    ["f(x) & g(y) = 1", ARG_VALUE],
  ];
  for (const [input, kind] of benign) {
    it(`benign ${JSON.stringify(input)}`, () => expect(score(input, kind)).toBeLessThan(5));
  }
});
