// Development tool: runs a corpus (../shared/corpus/dev.jsonl format) through the engine's
// harness build (no host), prints detection and false-positive rates per category, and
// optionally lists misses and false positives to tune against.
//   tsx scripts/eval-engine.ts CORPUS.jsonl [--paranoia N] [--threshold N] [--category C]
//        [--misses] [--fps] [--limit N] [--source S] [--markdown] [--breakdown] [--review FILE]
// --markdown prints the per-category table in the form README.md's detection section uses.
// --breakdown prints attacks detected by source and CRS paranoia level, and benign requests
// blocked by source (README's "Debatable labels" uses it).
// --review docs/crs-negative-review.json: the benign requests blocked, by review class (a CRS
// negative test carrying a real attack, a protocol violation, a false positive), and the
// false-positive rate with each reading; blocked benign requests missing from the file are listed.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadHarness } from "../test/support/harness.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    paranoia: { type: "string", default: "1" },
    threshold: { type: "string", default: "5" },
    category: { type: "string" },
    source: { type: "string" },
    misses: { type: "boolean", default: false },
    fps: { type: "boolean", default: false },
    limit: { type: "string", default: "40" },
    markdown: { type: "boolean", default: false },
    breakdown: { type: "boolean", default: false },
    review: { type: "string" },
  },
});
const corpusPath = positionals[0] ?? "../shared/corpus/dev.jsonl";
const rows = readFileSync(corpusPath, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const h = await loadHarness();
const ex = h.exports;

interface Row { id: string; label: string; category: string; source: string; method: string; path: string; headers: [string, string][]; body: string | null; body_b64?: string; crs_no_ids?: number[]; crs_pl?: number }
const stats = new Map<string, { n: number; hit: number }>();
const misses: string[] = [];
const fps: string[] = [];
const limit = Number(values.limit);
/** Attacks by source (CRS by paranoia level), benign by source: n and blocked. */
const groups = new Map<string, { n: number; hit: number }>();
const benignBlocked: string[] = [];
let totalNs = 0n;
for (const r of rows as Row[]) {
  if (values.category && r.category !== values.category && !(values.category === "benign" && r.label === "benign")) continue;
  if (values.source && r.source !== values.source) continue;
  const headers = r.headers.map(([n, v]) => `${n.toLowerCase()}\n${v}\n`).join("");
  const bodyBytes = r.body_b64 ? Buffer.from(r.body_b64, "base64") : r.body !== null ? Buffer.from(r.body, "utf8") : null;
  const pins: number[] = [];
  const pin = (p: number) => (pins.push(ex.__pin(p)), p);
  const mPtr = pin(ex.__newString(r.method));
  const pPtr = pin(ex.__newString(r.path));
  const hPtr = pin(ex.__newString(headers));
  let bPtr = 0;
  if (bodyBytes) {
    bPtr = pin(ex.__newArrayBuffer(bodyBytes.buffer.slice(bodyBytes.byteOffset, bodyBytes.byteOffset + bodyBytes.byteLength)));
  }
  const t0 = process.hrtime.bigint();
  const out = ex.__getString(ex.inspectRequest(mPtr, pPtr, hPtr, bPtr, Number(values.paranoia), Number(values.threshold)));
  totalNs += process.hrtime.bigint() - t0;
  for (const p of pins) ex.__unpin(p);
  const v = JSON.parse(out);
  const key = r.label === "attack" ? r.category : "benign";
  const s = stats.get(key) ?? { n: 0, hit: 0 };
  s.n++;
  if (v.attack) s.hit++;
  stats.set(key, s);
  const group = r.label === "attack" ? `attack ${r.source === "crs" ? `crs pl${r.crs_pl ?? "?"}` : r.source}` : `benign ${r.source}`;
  const g = groups.get(group) ?? { n: 0, hit: 0 };
  g.n++;
  if (v.attack) g.hit++;
  groups.set(group, g);
  const line = `${r.id} ${r.method} ${r.path.slice(0, 200)} ${(r.body ?? "").slice(0, 200).replace(/\n/g, "\\n")} => ${v.score} ${v.matches.map((m: any) => `${m.id}@${m.target}[${m.fragment.slice(0, 40)}]`).join(" ")}`;
  if (r.label === "attack" && !v.attack) misses.push(line);
  if (r.label === "benign" && v.attack) {
    fps.push(line);
    benignBlocked.push(r.id);
  }
  if (rows.length > 0 && stats.size && (misses.length + fps.length) % 1000 === 0) ex.__collect();
}
let atk = 0, atkHit = 0;
console.log("category        n    hit   rate");
for (const [k, s] of [...stats].sort()) {
  console.log(`${k.padEnd(12)} ${String(s.n).padStart(5)} ${String(s.hit).padStart(5)} ${(100 * s.hit / s.n).toFixed(1).padStart(6)}%`);
  if (k !== "benign") { atk += s.n; atkHit += s.hit; }
}
const b = stats.get("benign") ?? { n: 0, hit: 0 };
console.log(`attacks detected ${atkHit}/${atk} = ${(100 * atkHit / Math.max(1, atk)).toFixed(2)}%   benign blocked ${b.hit}/${b.n} = ${(100 * b.hit / Math.max(1, b.n)).toFixed(2)}%   mean ${(Number(totalNs) / 1000 / Math.max(1, rows.length)).toFixed(1)} us/request`);
if (values.markdown) {
  console.log("\n| category | requests | detected | rate |\n| --- | ---: | ---: | ---: |");
  for (const [k, s] of [...stats].sort()) {
    if (k === "benign") continue;
    console.log(`| ${k} | ${s.n} | ${s.hit} | ${(100 * s.hit / s.n).toFixed(1)}% |`);
  }
  console.log(`| **all attacks** | ${atk} | ${atkHit} | ${(100 * atkHit / Math.max(1, atk)).toFixed(1)}% |`);
  console.log(`| benign blocked (false positives) | ${b.n} | ${b.hit} | ${(100 * b.hit / Math.max(1, b.n)).toFixed(2)}% |`);
}
if (values.breakdown) {
  console.log("\n| requests | count | blocked | rate |\n| --- | ---: | ---: | ---: |");
  for (const [k, g] of [...groups].sort()) console.log(`| ${k} | ${g.n} | ${g.hit} | ${(100 * g.hit / g.n).toFixed(1)}% |`);
}
if (values.review) {
  const reviewed: Record<string, string> = JSON.parse(readFileSync(values.review, "utf8")).reviewed;
  const byClass = new Map<string, number>();
  const unreviewed: string[] = [];
  for (const id of benignBlocked) {
    const cls = reviewed[id] ?? (id.startsWith("crs-") ? "unreviewed" : "false-positive");
    byClass.set(cls, (byClass.get(cls) ?? 0) + 1);
    if (cls === "unreviewed") unreviewed.push(id);
  }
  const count = (cls: string) => byClass.get(cls) ?? 0;
  const rate = (blocked: number, total: number) => `${blocked}/${total} = ${(100 * blocked / Math.max(1, total)).toFixed(2)}%`;
  const payload = count("payload");
  const protocol = count("protocol");
  console.log(`\nbenign blocked by review class: ${[...byClass].map(([k, n]) => `${k} ${n}`).join(", ")}`);
  console.log(`false positives, every benign label as given:            ${rate(b.hit, b.n)}`);
  console.log(`... negative tests carrying an attack counted as attacks: ${rate(b.hit - payload, b.n - payload)}`);
  console.log(`... and protocol violations not counted as benign:        ${rate(b.hit - payload - protocol, b.n - payload - protocol)}`);
  if (unreviewed.length > 0) console.log(`not in ${values.review}: ${unreviewed.join(" ")}`);
}
if (values.misses) console.log("\nMISSES\n" + misses.slice(0, limit).join("\n"));
if (values.fps) console.log("\nFALSE POSITIVES\n" + fps.slice(0, limit).join("\n"));
