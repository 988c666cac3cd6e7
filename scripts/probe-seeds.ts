// Development tool: are the variants tests' generators fitted to their seeds? Reads every variants test
// (test/engine/variants*.test.ts) with stand-ins that note each generated family it checks instead of
// asserting (scripts/probe-seeds/), then draws `--mult` times the test's runs from `--seeds` other seeds and
// reports per family: attacks missed (share; those in shapes the test names as left alone, and the others
// grouped by a skeleton of the payload) and look-alikes blocked (grouped the same way). Harness build, PL1,
// threshold 5. A family whose test tolerates misses (a floor) is marked `floor`; one that fails on any, `every`.
//   tsx scripts/probe-seeds.ts [--mult N] [--seeds a,b,c] [--file SUBSTRING] [--show N] [--width W] [--json FILE]
import fc from "fast-check";
import { readdirSync, writeFileSync } from "node:fs";
import { register } from "node:module";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { inspect, type Req } from "../test/support/engine.js";
import { state, type Entry } from "./probe-seeds/registry.js";

const { values } = parseArgs({
  options: {
    mult: { type: "string", default: "10" }, seeds: { type: "string", default: "1,77,4242,9001" }, file: { type: "string" },
    show: { type: "string", default: "4" }, width: { type: "string", default: "220" }, json: { type: "string" },
  },
});
register("./probe-seeds/hooks.mjs", import.meta.url);
const { collected } = await import("./probe-seeds/vitest.js");

const dir = new URL("../test/engine/", import.meta.url);
const files = readdirSync(dir).filter((f) => /^variants.*\.test\.ts$/.test(f) && (!values.file || f.includes(values.file))).sort();
for (const f of files) {
  state.file = f.replace(/\.test\.ts$/, "");
  collected.its.length = 0;
  collected.before.length = 0;
  await import(pathToFileURL(new URL(f, dir).pathname).href);
  for (const fn of collected.before) await fn();
  for (const [title, fn] of collected.its) {
    state.title = title;
    try {
      await fn();
    } catch {
      // a table case that fails, or a check that reads the stand-ins' empty results: not the probe's concern
    }
  }
}

// ---- the payload a draw carries, and its skeleton ----
const decode = (s: string) => {
  for (let k = 0; k < 3; k++) {
    try {
      const d = decodeURIComponent(s.replace(/\+/g, " "));
      if (d === s) break;
      s = d;
    } catch {
      break;
    }
  }
  return s;
};
function payloadOf(v: unknown, req?: Req): string {
  const o = (Array.isArray(v) ? v[0] : v) as Record<string, unknown>;
  if (o && typeof o === "object") {
    if (typeof o.payload === "string") return o.payload;
    if (typeof o.value === "string") return o.value;
  } else if (typeof o === "string") return o;
  const r = req ?? (o?.req as Req | undefined);
  if (!r) return JSON.stringify(v);
  const hs = (r.headers ?? []).filter(([n]) => n !== "host" && n !== "content-type").map(([n, x]) => `${n}: ${x}`).join(" | ");
  return decode(`${r.method ?? "GET"} ${r.path ?? "/"} ${hs} ${typeof r.body === "string" ? r.body : r.body ? "<bytes>" : ""}`);
}
const shapeTag = (v: unknown) => {
  const o = (Array.isArray(v) ? v[0] : v) as Record<string, unknown>;
  const tag = [o?.family, o?.k, o?.kind, o?.dialect, o?.pos ?? (Array.isArray(v) && typeof v[1] === "string" ? v[1] : undefined)].filter((x) => x !== undefined);
  return tag.length ? `${tag.join("/")} ` : "";
};
const WORD = /[A-Za-z_][A-Za-z0-9_]*/g;
/** Words in at least 2% of a family's draws (and 3) are its vocabulary; any other word is a filler `w`. */
function vocabulary(texts: string[]): Set<string> {
  const df = new Map<string, number>();
  for (const t of texts) for (const w of new Set(t.toLowerCase().match(WORD) ?? [])) df.set(w, (df.get(w) ?? 0) + 1);
  return new Set([...df].filter(([, n]) => n >= 3 && n >= 0.02 * texts.length).map(([w]) => w));
}
const skeleton = (t: string, vocab: Set<string>) =>
  t.toLowerCase().replace(WORD, (w) => (vocab.has(w) ? w : "w")).replace(/[0-9]+/g, "0").replace(/\s+/g, " ").replace(/\bw( w\b)+/g, "w").slice(0, 90);

// ---- draw and judge ----
const h = state.harness ?? (await (await import("../test/support/harness.js")).loadHarness());
const seeds = values.seeds!.split(",").map(Number);
const mult = Number(values.mult);
const show = Number(values.show);
const width = Number(values.width);
type Row = { entry: Entry; n: number; failed: number; named: number; groups: Map<string, { n: number; example: string }>; ms: number };
// a test that draws one family per cell (the zones matrix) is one row: its cells' draws together
const families = new Map<string, Entry[]>();
for (const e of state.entries) {
  const key = `${e.file}|${e.title}|${e.attack}`;
  families.set(key, [...(families.get(key) ?? []), e]);
}
const rows: Row[] = [];
const started = Date.now();
for (const entries of families.values()) {
  const t0 = Date.now();
  const draws = entries.flatMap((entry) => {
    const per = Math.ceil((entry.runs * mult) / seeds.length);
    return seeds.flatMap((seed) => fc.sample(entry.arb, { seed, numRuns: per }).map((v) => ({ entry, v })));
  });
  const texts = draws.map(({ v }) => payloadOf(v));
  const vocab = vocabulary(texts);
  const entry = { ...entries[0], runs: entries.reduce((s, e) => s + e.runs, 0) };
  const row: Row = { entry, n: draws.length, failed: 0, named: 0, groups: new Map(), ms: 0 };
  draws.forEach(({ entry: e, v }, i) => {
    const j = e.judge(h, v);
    if (!j.failed) return;
    row.failed++;
    if (e.leftAlone?.(v, j.req)) return void row.named++;
    const text = texts[i].includes("{\"") || !j.req ? texts[i] : payloadOf(v, j.req);
    const key = shapeTag(v) + skeleton(text, vocab);
    const g = row.groups.get(key) ?? { n: 0, example: "" };
    if (!g.n) {
      const verdict = j.req ? inspect(h, j.req) : undefined;
      g.example = `${verdict ? `score ${verdict.score} ${verdict.matches.map((m) => m.id).join(",")} ` : ""}${JSON.stringify(j.req ?? v).slice(0, width)}`;
    }
    g.n++;
    row.groups.set(key, g);
  });
  row.ms = Date.now() - t0;
  rows.push(row);
}

// ---- report ----
const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
let [an, am, bn, bb] = [0, 0, 0, 0];
for (const r of rows) {
  const { entry } = r;
  if (entry.attack) [an, am] = [an + r.n, am + r.failed];
  else [bn, bb] = [bn + r.n, bb + r.failed];
  const what = entry.attack ? "missed" : "blocked";
  const other = r.failed - r.named;
  const flag = other > 0 ? (entry.attack ? "MISS" : "FP  ") : "    ";
  console.log(`${flag} ${entry.file} | ${entry.title.slice(0, 110)} [${entry.strictness}, ${entry.runs} runs]`);
  console.log(`       ${what} ${r.failed}/${r.n} = ${pct(r.failed, r.n)}; named as left alone ${r.named}; other ${other} in ${r.groups.size} shapes (${r.ms} ms)`);
  for (const [key, g] of [...r.groups].sort((a, b) => b[1].n - a[1].n).slice(0, show)) console.log(`         ${String(g.n).padStart(4)}  ${key}\n               ${g.example}`);
}
const unexplained = rows.filter((r) => r.failed > r.named);
console.log(`\nfamilies with misses or blocks outside the named shapes: ${unexplained.length} (${unexplained.filter((r) => r.entry.strictness === "every").length} whose test fails on any)`);
for (const r of unexplained) console.log(`  ${r.entry.strictness.padEnd(5)} ${r.entry.attack ? "missed " : "blocked"} ${String(r.failed - r.named).padStart(4)}/${r.n} in ${r.groups.size} shapes  ${r.entry.file} | ${r.entry.title.slice(0, 90)}`);
console.log(`attacks missed ${am}/${an} = ${pct(am, an)}; look-alikes blocked ${bb}/${bn} = ${pct(bb, bn)}; ${rows.length} families from ${files.length} files, ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (values.json) {
  writeFileSync(values.json, JSON.stringify(rows.map((r) => ({ file: r.entry.file, title: r.entry.title, attack: r.entry.attack, n: r.n, failed: r.failed, named: r.named, shapes: Object.fromEntries([...r.groups].map(([k, g]) => [k, g.n])) })), null, 1));
}
