// Attack variants generated from each attack's grammar (test/support/variants/<category>.ts), placed
// where clients send them, and look-alikes that must pass. XSS, RCE, LFI and SSRF have files of their
// own (variants-<category>.test.ts): their checks name the positions and sizes they need.
import { beforeAll, describe, it } from "vitest";
import type fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";
import { placed } from "../support/variants/positions.js";
import { assertBlocked, assertPassed, asPlaced } from "../support/variants/check.js";
import type { Req } from "../support/engine.js";
import * as java from "../support/variants/java.js";
import * as ldap from "../support/variants/ldap.js";
import * as nodejs from "../support/variants/nodejs.js";
import * as nosql from "../support/variants/nosql.js";
import * as php from "../support/variants/php.js";
import * as rfi from "../support/variants/rfi.js";
import * as ssti from "../support/variants/ssti.js";
import * as xxe from "../support/variants/xxe.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

type Requests = fc.Arbitrary<{ req: Req }>;
// Per category: generated attacks and look-alikes, each with how many to run.
const categories: { category: string; attacks: [Requests, number][]; benign: [Requests, number][] }[] = [
  { category: "java", attacks: [[placed(java.javaAttack, java.javaPositions), 300]], benign: [[placed(java.javaBenign, java.javaPositions), 200]] },
  { category: "ldap", attacks: [[placed(ldap.ldapAttack, ldap.ldapPositions), 300]], benign: [[placed(ldap.ldapBenign, ldap.ldapPositions), 200]] },
  {
    category: "nodejs",
    attacks: [[placed(nodejs.nodejsAttack, nodejs.nodejsPositions), 300], [asPlaced(nodejs.nodejsAttackRequest), 200]],
    benign: [[placed(nodejs.nodejsBenign, nodejs.nodejsPositions), 200]],
  },
  { category: "nosql", attacks: [[asPlaced(nosql.nosqlAttackRequest), 200]], benign: [[asPlaced(nosql.nosqlBenignRequest), 100]] },
  { category: "php", attacks: [[placed(php.phpAttack, php.phpPositions), 300]], benign: [[placed(php.phpBenign, php.phpPositions), 200]] },
  { category: "rfi", attacks: [[placed(rfi.rfiAttack, rfi.rfiPositions, rfi.rfiNames), 300]], benign: [[placed(rfi.rfiBenign, rfi.rfiPositions), 200]] },
  { category: "ssti", attacks: [[placed(ssti.sstiAttack, ssti.sstiPositions), 300]], benign: [[placed(ssti.sstiBenign, ssti.sstiPositions), 200]] },
  { category: "xxe", attacks: [[asPlaced(xxe.xxeAttackRequest), 200]], benign: [[asPlaced(xxe.xxeBenignRequest), 100]] },
];

describe.each(categories)("$category variants", ({ attacks, benign }) => {
  it("blocks every generated attack", () => {
    for (const [requests, runs] of attacks) assertBlocked(h, requests, runs);
  });
  it("lets look-alikes through", () => {
    for (const [requests, runs] of benign) assertPassed(h, requests, runs);
  });
});
