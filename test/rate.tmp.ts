import fc from "fast-check";
import { loadHarness } from "./support/harness.js";
import { inspect } from "./support/engine.js";
import { cveProbe, cveBenign } from "./support/variants/cve-probes.js";
const h = await loadHarness();
for (const [seed, n] of [[20261128, 2000], [424242, 3000]]) {
  const xs = fc.sample(cveProbe, { seed, numRuns: n });
  const m = xs.filter((p) => inspect(h, p.req).score < 5).length;
  console.log(`seed ${seed}: misses ${m}/${n} = ${(100 * m / n).toFixed(2)}%`);
}
const b = fc.sample(cveBenign, { seed: 20261128, numRuns: 1500 });
console.log("benign blocked", b.filter(({ req }) => inspect(h, req).score >= 5).length, "/ 1500");
