// Property checks over generated variants: every attack placed in a request reaches the
// blocking threshold at paranoia 1, and no benign look-alike does.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../harness.js";
import { inspect, inspectWith, type Req } from "../engine.js";

const BLOCK = 5;
/** A fixed default seed: CI runs the same variants every time (pass another to explore). */
const SEED = 20261128;

function describeReq(r: Req): string {
  return `${r.method} ${r.path} ${(r.headers ?? []).slice(1).map(([n, v]) => `${n}: ${v}`).join(" | ")} ${typeof r.body === "string" ? r.body : ""}`;
}

/** Every generated request is blocked at PL1 with the default threshold. */
export function assertBlocked(h: Harness, reqs: fc.Arbitrary<{ req: Req }>, numRuns: number, seed?: number): void {
  fc.assert(
    fc.property(reqs, ({ req }) => {
      const v = inspect(h, req);
      expect(v.score, `not blocked: ${describeReq(req)}`).toBeGreaterThanOrEqual(BLOCK);
    }),
    { numRuns, seed: seed ?? SEED },
  );
}

/** No generated request is blocked at PL1 with the default threshold (with `exclusions`: inspectWith's lines). */
export function assertPassed(h: Harness, reqs: fc.Arbitrary<{ req: Req }>, numRuns: number, seed?: number, exclusions = ""): void {
  fc.assert(
    fc.property(reqs, ({ req }) => {
      const v = exclusions ? inspectWith(h, req, "", exclusions) : inspect(h, req);
      expect(v.score, `blocked: ${describeReq(req)} by ${v.matches.map((m) => `${m.id}@${m.target}`).join(",")}`).toBeLessThan(BLOCK);
    }),
    { numRuns, seed: seed ?? SEED },
  );
}

/** Wraps ready-made requests for the checks. */
export const asPlaced = (a: fc.Arbitrary<Req>) => a.map((req) => ({ req }));

type Requests = fc.Arbitrary<{ req: Req }>;

/** A generated family's checks: what it blocks and lets through, each `[what, requests, runs]` (and a seed). */
export interface Family {
  blocks?: [string, Requests, number, number?][];
  passes?: [string, Requests, number, number?][];
}

/**
 * A `describe` for a generated family: loads the harness once, states one `it` per entry of
 * `family` (`blocks <what>`, `lets <what> through`), then `more` adds checks of its own with `h()`.
 */
export function describeFamily(title: string, family: Family, more?: (h: () => Harness) => void): void {
  let h: Harness;
  beforeAll(async () => {
    h = await loadHarness();
  });
  describe(title, () => {
    for (const [what, reqs, runs, seed] of family.blocks ?? []) it(`blocks ${what}`, () => assertBlocked(h, reqs, runs, seed));
    for (const [what, reqs, runs, seed] of family.passes ?? []) it(`lets ${what} through`, () => assertPassed(h, reqs, runs, seed));
    more?.(() => h);
  });
}

/** A generated attack that says which family and which of its shapes (`k`) made it. */
type Shaped = { family: string; k: number; req: Req };

/**
 * A floor on the share of `runs` generated attacks blocked, and no miss outside the shapes the test
 * names as left alone (`leftAlone`): the misses it cannot explain are listed.
 */
export function assertFloor<T extends Shaped>(h: Harness, attacks: fc.Arbitrary<T>, runs: number, seed: number, floor: number, leftAlone: (a: T) => boolean): void {
  const xs = fc.sample(attacks, { seed, numRuns: runs });
  const missed = xs.filter((a) => inspect(h, a.req).score < BLOCK);
  expect(missed.filter((a) => !leftAlone(a)).map((a) => `${a.family}/${a.k} ${JSON.stringify(a.req).slice(0, 300)}`), "unexplained misses").toEqual([]);
  expect(1 - missed.length / xs.length).toBeGreaterThanOrEqual(floor);
}

/** Every shape of every family (`families`: family -> its generators) is drawn in `runs` samples. */
export function assertEveryShape(attacks: fc.Arbitrary<Shaped>, families: Record<string, unknown[]>, runs: number, seed: number): void {
  const seen = new Set(fc.sample(attacks, { seed, numRuns: runs }).map((a) => `${a.family}/${a.k}`));
  const all = Object.entries(families).flatMap(([f, gens]) => gens.map((_, k) => `${f}/${k}`));
  expect(all.filter((x) => !seen.has(x))).toEqual([]);
}
