// Development tool: false positives when benign values travel differently. Takes the benign requests of a
// corpus (minus the CRS negative tests reviewed in docs/crs-negative-review.json, which are policy) and
// requests of the passing benign families (test/support/benign/*-families.ts, consumer.ts), reads their
// values out and sends them again in every carrier/encoding of test/support/benign/mutations.ts; prints per
// mutation how many become blocked and the rule ids responsible (harness build, PL1, threshold 5).
//   npx tsx scripts/probe-benign-mutations.ts CORPUS.jsonl [--seed S] [--family-runs N] [--examples N] [--only NAME] [--rule ID]
// --rule ID shows only examples that rule matched. MESHWAF_HARNESS=path/to/harness.wasm measures another build (a branch point). Deterministic for a seed.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { loadHarness } from "../test/support/harness.js";
import { inspect, type Req } from "../test/support/engine.js";
import { rng } from "../test/support/variants/rng.js";
import { MUTATIONS, sourceOf, type Source } from "../test/support/benign/mutations.js";
import { appFamilies } from "../test/support/benign/apps-families.js";
import { consumerFamilies } from "../test/support/benign/consumer.js";
import { families as platformFamilies } from "../test/support/benign/platform-families.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: "string", default: "20261129" }, "family-runs": { type: "string", default: "30" }, examples: { type: "string", default: "2" }, only: { type: "string" }, rule: { type: "string" } },
});
const seed = Number(values.seed);
const corpusPath = positionals[0] ?? "/work/shared/corpus/dev.jsonl";
const reviewed: Record<string, string> = JSON.parse(readFileSync(new URL("../docs/crs-negative-review.json", import.meta.url), "utf8")).reviewed;

interface Row { id: string; label: string; method: string; path: string; headers: [string, string][]; body: string | null; body_b64?: string }
const sources: { id: string; src: Source }[] = [];
let skipped = 0;
for (const line of readFileSync(corpusPath, "utf8").split("\n")) {
  if (!line) continue;
  const r: Row = JSON.parse(line);
  if (r.label !== "benign" || r.id in reviewed) continue;
  const src = sourceOf({ method: r.method, path: r.path, headers: r.headers, body: r.body_b64 ? new Uint8Array(Buffer.from(r.body_b64, "base64")) : r.body });
  if (src.fields.length === 0) skipped++;
  else sources.push({ id: r.id, src });
}
const corpusCount = sources.length;
const runs = Number(values["family-runs"]);
for (const [name, arb] of [...appFamilies, ...consumerFamilies, ...platformFamilies.map(([n, a, k]): [string, fc.Arbitrary<Req>, number] => [n, a.map((x) => x.req), k])]) {
  fc.sample(arb, { seed, numRuns: runs }).forEach((req, k) => {
    const src = sourceOf(req);
    if (src.fields.length) sources.push({ id: `family:${name}#${k}`, src });
  });
}

let h = await loadHarness(process.env.MESHWAF_HARNESS);
const asSent = sources.filter(({ src }) => inspect(h, { method: src.method, path: src.path, headers: src.headers }).score >= 5).length;
console.log(`${corpusCount} corpus requests with values (${skipped} without), ${sources.length - corpusCount} family requests; ${asSent} blocked by path and headers alone`);
let total = 0;
let blockedAll = 0;
const shown = Number(values.examples);
const names = Object.keys(MUTATIONS).filter((n) => !values.only || n.includes(values.only));
for (const [m, name] of names.entries()) {
  // a fresh instance per mutation: values found clean are remembered across requests (clean-values.ts)
  h = await loadHarness(process.env.MESHWAF_HARNESS);
  const rules = new Map<number, number>();
  const examples: string[] = [];
  let blocked = 0;
  let fromCorpus = 0;
  sources.forEach(({ id, src }, k) => {
    const req = MUTATIONS[name](src, rng(seed ^ Math.imul(k + 1, 2654435761) ^ Math.imul(m + 1, 40503)));
    const v = inspect(h, req);
    if (v.score < 5) return;
    blocked++;
    if (k < corpusCount) fromCorpus++;
    for (const id of new Set(v.matches.map((x) => x.id))) rules.set(id, (rules.get(id) ?? 0) + 1);
    if (examples.length < shown && (!values.rule || v.matches.some((x) => String(x.id) === values.rule))) examples.push(`${id}: ${v.matches.map((x) => `${x.id}@${x.target}[${x.fragment.slice(0, 50)}]`).join(" ")}`);
  });
  total += sources.length;
  blockedAll += blocked;
  const top = [...rules].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 8).map(([id, n]) => `${id}x${n}`).join(" ");
  console.log(`${name.padEnd(36)} ${String(blocked).padStart(5)}/${sources.length} (corpus ${fromCorpus}) ${top}`);
  for (const e of examples) console.log(`    ${e.replace(/[\r\n]/g, " ")}`);
}
console.log(`${"all mutations".padEnd(36)} ${String(blockedAll).padStart(5)}/${total} = ${((100 * blockedAll) / total).toFixed(2)}%`);
