// Blocked rate per family of generated real-client requests (test/support/variants/benign-clients.ts):
// what a WAF in front of browsers, apps, SDKs, meshes and crawlers blocks of their ordinary traffic.
//   npx tsx scripts/probe-clients.ts [requests per family] [seed] [examples shown per family]
// MESHWAF_HARNESS=path/to/harness.wasm compares another build (a branch point).
import fc from "fast-check";
import { loadHarness } from "../test/support/harness.js";
import { inspect, inspectWith, type Req } from "../test/support/engine.js";
import { CLIENT_FAMILIES, POLICY_FAMILIES } from "../test/support/variants/benign-clients.js";

const runs = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 1);
const shown = Number(process.argv[4] ?? 2);
const h = await loadHarness(process.env.MESHWAF_HARNESS);
let total = 0;
let blockedAll = 0;
// Policy families twice: at the default configuration, then with the operator's exclusion.
const families: [string, fc.Arbitrary<Req>, string][] = [...CLIENT_FAMILIES.map(([n, a]): [string, fc.Arbitrary<Req>, string] => [n, a, ""]),
  ...POLICY_FAMILIES.flatMap(([n, a, e]): [string, fc.Arbitrary<Req>, string][] => [[`${n} (policy)`, a, ""], [`${n} (excluded)`, a, e]])];
for (const [name, arb, exclusions] of families) {
  let blocked = 0;
  const examples: string[] = [];
  for (const req of fc.sample(arb, { numRuns: runs, seed })) {
    const v = exclusions ? inspectWith(h, req, "", exclusions) : inspect(h, req);
    if (v.score < 5) continue;
    blocked++;
    if (examples.length < shown) examples.push(`${req.method} ${req.path.slice(0, 80)}: ${v.matches.map((m) => `${m.id}@${m.target}[${m.fragment.slice(0, 40)}]`).join(" ")}`);
  }
  if (!name.endsWith("(policy)")) {
    total += runs;
    blockedAll += blocked;
  }
  console.log(`${name.padEnd(24)} ${String(blocked).padStart(5)}/${runs} = ${((100 * blocked) / runs).toFixed(2)}%`);
  for (const e of examples) console.log(`    ${e}`);
}
console.log(`${"all but policy".padEnd(24)} ${String(blockedAll).padStart(5)}/${total} = ${((100 * blockedAll) / total).toFixed(2)}%`);
