// Stand-in for test/support/variants/check.ts in a variants test read by scripts/probe-seeds.ts: each check
// notes its family (what it blocks or passes, its runs, the shapes it leaves alone) instead of asserting.
import fc from "fast-check";
import { beforeAll, describe, it } from "./vitest.js";
import { inspect, inspectWith, type Req } from "../../test/support/engine.js";
import type { Harness } from "../../test/support/harness.js";
import { loadHarness } from "../../test/support/harness.js";
import { record } from "./registry.js";

const BLOCK = 5;
type Requests = fc.Arbitrary<{ req: Req }>;
const reqOf = (v: unknown) => (v as { req: Req }).req;

export const asPlaced = (a: fc.Arbitrary<Req>) => a.map((req) => ({ req }));

export function assertBlocked(_h: Harness, reqs: Requests, numRuns: number): void {
  record({ attack: true, arb: reqs, runs: numRuns, strictness: "every", judge: (h, v) => ({ failed: inspect(h, reqOf(v)).score < BLOCK, req: reqOf(v) }) });
}

export function assertPassed(_h: Harness, reqs: Requests, numRuns: number, _seed?: number, exclusions = ""): void {
  record({
    attack: false, arb: reqs, runs: numRuns, strictness: "every",
    judge: (h, v) => ({ failed: (exclusions ? inspectWith(h, reqOf(v), "", exclusions) : inspect(h, reqOf(v))).score >= BLOCK, req: reqOf(v) }),
  });
}

export function assertFloor<T extends { req: Req }>(_h: Harness, attacks: fc.Arbitrary<T>, runs: number, _seed: number, _floor: number, leftAlone: (a: T) => boolean): void {
  record({
    attack: true, arb: attacks, runs, strictness: "floor", leftAlone: (v) => leftAlone(v as T),
    judge: (h, v) => ({ failed: inspect(h, reqOf(v)).score < BLOCK, req: reqOf(v) }),
  });
}

export function assertEveryShape(): void {}

export function describeFamily(title: string, family: { blocks?: [string, Requests, number, number?][]; passes?: [string, Requests, number, number?][] }, more?: (h: () => Harness) => void): void {
  let h: Harness;
  beforeAll(async () => {
    h = await loadHarness();
  });
  describe(title, () => {
    for (const [what, reqs, runs] of family.blocks ?? []) it(`blocks ${what}`, () => assertBlocked(h, reqs, runs));
    for (const [what, reqs, runs] of family.passes ?? []) it(`lets ${what} through`, () => assertPassed(h, reqs, runs));
    more?.(() => h);
  });
}
