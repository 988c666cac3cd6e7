// Property checks over generated variants: every attack placed in a request reaches the
// blocking threshold at paranoia 1, and no benign look-alike does.
import fc from "fast-check";
import { expect } from "vitest";
import type { Harness } from "../harness.js";
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
