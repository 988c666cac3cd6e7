// Development tool: blocked rate of generated benign families, those that pass and those left blocked
// on purpose (harness build, PL1, threshold 5), per family, with the rules responsible and a few blocked
// examples. Sets: `apps` (test/support/benign/apps-families.ts), `consumer` (test/support/benign/consumer.ts).
//   tsx scripts/probe-families.ts --set apps|consumer [--runs N] [--seed S] [--family SUBSTRING] [--dump N]
import fc from "fast-check";
import { parseArgs } from "node:util";
import { loadHarness } from "../test/support/harness.js";
import { inspect, type Req } from "../test/support/engine.js";
import { appFamilies, openAppFamilies } from "../test/support/benign/apps-families.js";
import { consumerFamilies, openConsumerFamilies } from "../test/support/benign/consumer.js";

// each family starts [name, requests, ...]: what the probe reads
const SETS: Record<string, [string, fc.Arbitrary<Req>, ...unknown[]][]> = {
  apps: [...appFamilies, ...openAppFamilies],
  consumer: [...consumerFamilies, ...openConsumerFamilies],
};
const { values } = parseArgs({ options: { set: { type: "string", default: "apps" }, runs: { type: "string", default: "400" }, seed: { type: "string", default: "7" }, family: { type: "string" }, dump: { type: "string", default: "0" } } });
const families = SETS[values.set!];
if (families === undefined) {
  console.error(`unknown --set ${values.set}: one of ${Object.keys(SETS).join(", ")}`);
  process.exit(2);
}
const h = await loadHarness();
const runs = Number(values.runs);
let all = 0;
let blockedAll = 0;
for (const [name, reqs] of families) {
  if (values.family && !name.toLowerCase().includes(values.family.toLowerCase())) continue;
  const sample = fc.sample(reqs, { numRuns: runs, seed: Number(values.seed) });
  const rules = new Map<string, number>();
  const dumps: string[] = [];
  let blocked = 0;
  for (const req of sample) {
    const v = inspect(h, req);
    if (v.score < 5) continue;
    blocked++;
    for (const m of v.matches) rules.set(`${m.id}`, (rules.get(`${m.id}`) ?? 0) + 1);
    if (dumps.length < Number(values.dump)) dumps.push(`  ${v.score} ${v.matches.map((m) => `${m.id}@${m.target} [${m.fragment.slice(0, 80)}] ${m.reason}`).join(" | ")}\n    ${req.method} ${req.path?.slice(0, 300)} ${typeof req.body === "string" ? req.body.slice(0, 300) : ""}`);
  }
  all += sample.length;
  blockedAll += blocked;
  const top = [...rules].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([r, n]) => `${r}:${n}`).join(" ");
  console.log(`${name.padEnd(48)} ${String(blocked).padStart(4)}/${sample.length} ${((100 * blocked) / sample.length).toFixed(1).padStart(5)}%  ${top}`);
  for (const d of dumps) console.log(d);
}
console.log(`${"all".padEnd(48)} ${String(blockedAll).padStart(4)}/${all} ${((100 * blockedAll) / all).toFixed(2).padStart(5)}%`);
