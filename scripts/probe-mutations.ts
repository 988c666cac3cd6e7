// Development tool: metamorphic robustness. For every attack of a corpus (eval-engine's format) the
// engine detects, the value of the argument that scored most (query, form, JSON, multipart, XML or
// cookie target) is placed as one query argument (mutations.ts `canonical`); where that is detected
// too, every mutation of test/support/variants/mutations.ts rewrites it one way and the table counts
// the ones no longer detected, per mutation and category (`lost/applied`). Seeded: the same corpus and
// seed print the same table.
//   tsx scripts/probe-mutations.ts CORPUS.jsonl [--seed S] [--category C] [--mutation M] [--misses N] [--max-len L] [--harness FILE]
// --misses N lists N lost requests per mutation (with --mutation, only that one); --harness runs another
// build of build/harness.wasm (a branch point's, to print its table beside this one's).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadHarness } from "../test/support/harness.js";
import { inspect, targetsOf, type Req } from "../test/support/engine.js";
import { MUTATION_NAMES, canonical, mutate, type Placed } from "../test/support/variants/mutations.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seed: { type: "string", default: "20261129" },
    category: { type: "string" },
    mutation: { type: "string" },
    misses: { type: "string", default: "0" },
    "max-len": { type: "string", default: "4096" },
    harness: { type: "string" },
  },
});
const rows = readFileSync(positionals[0] ?? "../shared/corpus/dev.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const h = await loadHarness(values.harness);
const seed = Number(values.seed);
const maxLen = Number(values["max-len"]);
const blocked = (req: Req) => inspect(h, req).score >= 5;

/** Target kinds whose value an application reads as one parameter (not headers, the path or the method). */
const PARAM = /^(args|json|xml|multipart|files|cookie|body):/;
let detected = 0, placed = 0, canonicalHit = 0;
const skipped = new Map<string, number>();
const skip = (why: string) => skipped.set(why, (skipped.get(why) ?? 0) + 1);
/** mutation -> category -> [lost, applied]; and examples of lost requests. */
const table = new Map<string, Map<string, [number, number]>>();
const lost = new Map<string, string[]>();
const cats = new Set<string>();
let n = 0;
for (const r of rows) {
  if (r.label !== "attack" || (values.category && r.category !== values.category)) continue;
  const req: Req = { method: r.method, path: r.path, headers: r.headers, body: r.body_b64 ? new Uint8Array(Buffer.from(r.body_b64, "base64")) : r.body };
  const v = inspect(h, req);
  if (!v.attack) continue;
  detected++;
  // the parameter target that scored most (matches in verdict order; first wins a tie)
  const score = new Map<string, number>();
  for (const m of v.matches) if (PARAM.test(m.target)) score.set(m.target, (score.get(m.target) ?? 0) + 1);
  const top = [...score].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!top) { skip("not in a parameter"); continue; }
  const t = targetsOf(h, req).targets.find((x) => x.name === top && !/Name|Key/i.test(x.kind));
  // the payload is the parameter's name where a fragment the detectors matched is in the name and not in the value
  const key = top.replace(/^[a-z]+:/, "");
  const frags = v.matches.filter((m) => m.target === top).map((m) => m.fragment.toLowerCase()).filter(Boolean);
  const inName = frags.some((f) => key.toLowerCase().includes(f)) && !frags.some((f) => (t?.value ?? "").toLowerCase().includes(f));
  const value = inName ? key : t?.value ?? "";
  if (value.length === 0) { skip("no value"); continue; }
  if (value.length > maxLen) { skip("longer than --max-len"); continue; }
  const leaf = key.replace(/^.*\./, "");
  const p: Placed = { category: r.category, name: !inName && /^[A-Za-z0-9_-]{1,24}$/.test(leaf) ? leaf : "q", value, inName };
  placed++;
  if (!blocked(canonical(p))) { skip("not detected as one query argument"); continue; }
  canonicalHit++;
  cats.add(r.category);
  n++;
  for (const [k, mname] of MUTATION_NAMES.entries()) {
    if (values.mutation && mname !== values.mutation) continue;
    const mreq = mutate(p, mname, seed + n * 131 + k);
    if (!mreq) continue;
    const row = table.get(mname) ?? new Map<string, [number, number]>();
    const cell = row.get(r.category) ?? [0, 0];
    cell[1]++;
    if (!blocked(mreq)) {
      cell[0]++;
      const ex = lost.get(mname) ?? [];
      ex.push(`${r.id} ${JSON.stringify(mreq).slice(0, 400)}`);
      lost.set(mname, ex);
    }
    row.set(r.category, cell);
    table.set(mname, row);
  }
  if (n % 200 === 0) h.exports.__collect();
}

console.log(`detected ${detected}; placed as one argument ${placed}; detected there ${canonicalHit}; skipped ${[...skipped].map(([k, c]) => `${k} ${c}`).join(", ")}`);
const cols = [...cats].sort();
const w = 11;
console.log(["mutation".padEnd(14), ...cols.map((c) => c.padStart(w)), "all".padStart(w)].join(" "));
for (const mname of MUTATION_NAMES) {
  const row = table.get(mname);
  if (!row) continue;
  let l = 0, a = 0;
  const cells = cols.map((c) => {
    const x = row.get(c);
    if (!x) return "-".padStart(w);
    l += x[0];
    a += x[1];
    return `${x[0]}/${x[1]}`.padStart(w);
  });
  console.log([mname.padEnd(14), ...cells, `${l}/${a}`.padStart(w)].join(" "));
}
const nMiss = Number(values.misses);
if (nMiss > 0) for (const [mname, ex] of lost) console.log(`\n${mname}\n  ${ex.slice(0, nMiss).join("\n  ")}`);
