// What scripts/probe-seeds.ts collects from the variants tests: each generated family a test checks (its
// arbitrary, how many runs the test draws, whether it must be blocked or pass, and the shapes the test
// names as left alone), under the test's title.
import type fc from "fast-check";
import type { Harness } from "../../test/support/harness.js";
import type { Req } from "../../test/support/engine.js";

/** One draw judged: whether the test would count it against the engine, and the request (for the report). */
export interface Judged { failed: boolean; req?: Req }

export interface Entry {
  file: string;
  title: string;
  /** true: every draw is an attack to block; false: a look-alike to pass. */
  attack: boolean;
  arb: fc.Arbitrary<unknown>;
  runs: number;
  /** "every": one failure fails the test; "floor": the test tolerates a share of misses. */
  strictness: "every" | "floor";
  judge: (h: Harness, v: unknown) => Judged;
  /** Misses the test names as left alone (assertFloor's predicate, or the filter over hitRate's misses). */
  leftAlone?: (v: unknown, req?: Req) => boolean;
}

export const state: { file: string; title: string; entries: Entry[]; harness?: Harness } = { file: "", title: "", entries: [] };

export function record(e: Omit<Entry, "file" | "title">): Entry {
  const full = { ...e, file: state.file, title: state.title };
  state.entries.push(full);
  return full;
}
