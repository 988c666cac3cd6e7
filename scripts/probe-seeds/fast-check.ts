// Stand-in for fast-check in a variants test read by scripts/probe-seeds.ts: the real library, but a
// property the test writes out (`fc.assert(fc.property(arbs..., predicate), { numRuns })`) is noted as a
// family: its arbitraries, its runs, and the predicate as the judge (a throw or `false` fails a draw).
import real from "fast-check";
import { last } from "./engine.js";
import { state, record } from "./registry.js";

const props = new WeakMap<object, { arbs: any[]; pred: (...xs: any[]) => unknown }>();

function property(...args: any[]) {
  const pred = args[args.length - 1];
  const p = (real.property as any)(...args);
  props.set(p, { arbs: args.slice(0, -1), pred });
  return p;
}

function assert(p: object, params?: { numRuns?: number }): void {
  const rec = props.get(p);
  if (!rec) return;
  const attack = !/ > (lets|passes)[^>]*$/.test(state.title);
  record({
    attack, arb: (real.tuple as any)(...rec.arbs), runs: params?.numRuns ?? 100, strictness: "every",
    judge: (_h, v) => {
      last.req = undefined;
      let failed: boolean;
      try {
        failed = rec.pred(...(v as unknown[])) === false;
      } catch {
        failed = true;
      }
      return { failed, req: last.req };
    },
  });
}

export * from "fast-check";
export default { ...real, property, assert };
