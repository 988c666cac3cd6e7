// Hit rate of a generated family: how many of `numRuns` requests reach the blocking threshold at
// paranoia 1, and the misses (for a test that states a threshold and lists what it lets through).
import fc from "fast-check";
import type { Harness } from "../harness.js";
import { inspect, type Req } from "../engine.js";

export interface Rate { hits: number; total: number; misses: Req[] }

export function hitRate(h: Harness, reqs: fc.Arbitrary<{ req: Req }>, numRuns: number, seed: number): Rate {
  const misses: Req[] = [];
  const xs = fc.sample(reqs, { seed, numRuns });
  for (const { req } of xs) if (inspect(h, req).score < 5) misses.push(req);
  return { hits: xs.length - misses.length, total: xs.length, misses };
}
