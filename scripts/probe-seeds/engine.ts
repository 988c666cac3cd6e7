// Stand-in for test/support/engine.ts in a variants test read by scripts/probe-seeds.ts: the real helpers,
// but `inspect` remembers the last request, so a property the test writes out names the request it judged.
import * as real from "../../test/support/engine.js";
import type { Harness } from "../../test/support/harness.js";

export * from "../../test/support/engine.js";
export const last: { req?: real.Req } = {};
export function inspect(h: Harness, r: real.Req, paranoia = 1, threshold = 5): real.EngineVerdict {
  last.req = r;
  return real.inspect(h, r, paranoia, threshold);
}
