import fc from "fast-check";
import { cveProbe, FAMILIES } from "./support/variants/cve-probes.js";
console.log(Object.entries(FAMILIES).map(([k, v]) => k + ":" + v.length).join(" "));
const c: Record<string, number> = {};
for (const p of fc.sample(cveProbe, { seed: 20261128, numRuns: 2000 })) c[p.family + "/" + p.k] = (c[p.family + "/" + p.k] ?? 0) + 1;
console.log(JSON.stringify(c));
