import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { detectorScore, KIND } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});


const score = (input: string, kind: number) => detectorScore(h, "ldap", input, kind);

describe("ldap detection", () => {
  const attacks: [string, number][] = [
    ["*)(uid=*", KIND.ArgValue],
    ["admin)(|(password=*)", KIND.ArgValue],
    ["(&(uid=admin)(!(&(1=0)(userPassword=q))))", KIND.ArgValue],
    ["x)(objectClass=*", KIND.ArgValue],
    ["admin)(|", KIND.ArgValue],
    ["bar)(&)", KIND.ArgValue],
    ["test) ( & ", KIND.ArgValue],
    ["test)\t(\t|", KIND.ArgValue],
    ["val)&(cn=admin", KIND.ArgValue],
    ["*)!(sn=*", KIND.ArgValue],
    ["x)( uid=*", KIND.ArgValue],
    ["bar)(&amp;)", KIND.ArgValue],
    ["(uid=*))(|(uid=*", KIND.ArgValue],
    ["(cn=x)(|(cn=*)", KIND.ArgValue],
  ];
  for (const [input, kind] of attacks) {
    it(`attack ${JSON.stringify(input)}`, () => expect(score(input, kind)).toBeGreaterThanOrEqual(5));
  }
  const benign: [string, number][] = [
    ["(see above)", KIND.ArgValue],
    ["f(x)(y) = z", KIND.ArgValue],
    ["smile :)(wink)", KIND.ArgValue],
    ["john.doe@example.com", KIND.ArgValue],
    ["Tom (left) & Jerry (right)", KIND.ArgValue],
    ["see (a) | (b)", KIND.ArgValue],
    ["fish (cod) (& chips)s", KIND.ArgValue],
    ["f(x) & g(y) = 1", KIND.ArgValue],
    // a whole filter, balanced from its first byte, with no clause that defeats a check (crs-921200-3)
    ["(memberOf:1.2.840.113556.1.4.1941:=cn=ops)(&(objectCategory=person)(department=sales))", KIND.ArgValue],
    ["(sn=smith)(givenName=anna)", KIND.ArgValue],
  ];
  for (const [input, kind] of benign) {
    it(`benign ${JSON.stringify(input)}`, () => expect(score(input, kind)).toBeLessThan(5));
  }
});
