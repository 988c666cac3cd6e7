// Development tool: blocked rate of the data-format attacks of test/support/variants/formats.ts per shape
// (family/k), the look-alikes blocked, and with --misses the requests let through (harness build, PL1, threshold 5).
//   tsx scripts/probe-formats.ts [--runs N] [--benign N] [--seed S] [--misses] [--width W]
import fc from "fast-check";
import { parseArgs } from "node:util";
import { loadHarness } from "../test/support/harness.js";
import { inspect } from "../test/support/engine.js";
import { formatAttack, formatsBenign } from "../test/support/variants/formats.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "2000" }, benign: { type: "string", default: "1500" }, seed: { type: "string", default: "20261128" }, misses: { type: "boolean", default: false }, width: { type: "string", default: "400" } } });
const h = await loadHarness();
const seed = Number(values.seed);
const xs = fc.sample(formatAttack, { seed, numRuns: Number(values.runs) });
const by = new Map<string, [number, number]>();
const misses: string[] = [];
for (const a of xs) {
  const key = `${a.family}/${a.k}`;
  const row = by.get(key) ?? [0, 0];
  row[1]++;
  const v = inspect(h, a.req);
  if (v.score >= 5) row[0]++;
  else misses.push(`${key} score=${v.score} ${v.matches.map((m) => m.id).join(",")} ${JSON.stringify(a.req).slice(0, Number(values.width))}`);
  by.set(key, row);
}
const hits = [...by.values()].reduce((s, r) => s + r[0], 0);
console.log(`attacks ${hits}/${xs.length} = ${((100 * hits) / xs.length).toFixed(2)}%`);
for (const k of [...by.keys()].sort()) if (by.get(k)![0] < by.get(k)![1]) console.log(`  ${k} ${by.get(k)![0]}/${by.get(k)![1]}`);
const bs = fc.sample(formatsBenign, { seed, numRuns: Number(values.benign) });
const blocked = bs.filter((b) => inspect(h, b.req).score >= 5);
console.log(`look-alikes blocked ${blocked.length}/${bs.length}`);
for (const b of blocked.slice(0, 10)) console.log(`  benign/${b.k} ${inspect(h, b.req).matches.map((m) => `${m.id}@${m.target}:${m.fragment.slice(0, 60)}`).join(" | ")}`);
if (values.misses) for (const m of misses) console.log(m);
