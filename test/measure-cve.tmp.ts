import fc from "fast-check";
import { loadHarness } from "./support/harness.js";
import { inspect } from "./support/engine.js";
import { cveProbe, cveBenign } from "./support/variants/cve-probes.js";
const N = Number(process.argv[2] ?? 2000);
const show = process.argv[3] ?? "";
const h = await loadHarness();
const by: Record<string, [number, number]> = {};
const byk: Record<string, [number, number]> = {};
let miss = 0;
const samples = fc.sample(cveProbe, { seed: 424242, numRuns: N });
for (const p of samples) {
  const v = inspect(h, p.req);
  const key = p.family;
  by[key] ??= [0, 0]; by[key][1]++;
  const kk = `${p.family}/${p.k}`; byk[kk] ??= [0, 0]; byk[kk][1]++;
  if (v.score < 5) { miss++; by[key][0]++; byk[kk][0]++;
    if (show && kk.startsWith(show)) console.log(kk, v.score, JSON.stringify(p.req).slice(0, 700), v.matches.map((m) => m.id + "@" + m.target).join(","));
  }
}
console.log(`misses ${miss}/${N} = ${(100 * miss / N).toFixed(2)}%`);
for (const [k, [m, t]] of Object.entries(byk).sort()) if (m) console.log(k, m, "/", t);
let fp = 0;
for (const { req } of fc.sample(cveBenign, { seed: 777, numRuns: 1500 })) {
  const v = inspect(h, req);
  if (v.score >= 5) { fp++; if (fp < 400 && !/cgi-bin/.test(req.path)) console.log("FP", JSON.stringify(req).slice(0, 400), v.matches.map((m) => m.id + "@" + m.target + ":" + m.fragment).join(",")); }
}
console.log("benign blocked", fp, "/ 1500");
