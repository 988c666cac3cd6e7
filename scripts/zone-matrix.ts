// Prints the category x zone x encoding hit-rate matrix (test/support/variants/zones.ts) over the
// harness build: one table per encoding, a row per category, a column per zone; cells that are no
// attack on a backend (zones.ts inScope) in brackets. test/engine/variants-zones.test.ts states the
// thresholds; this is the view to find weak cells.
//   npx tsx scripts/zone-matrix.ts [--runs N] [--encoding E,...] [--category C,...]
import { loadHarness } from "../test/support/harness.js";
import { hitRate } from "../test/support/variants/rate.js";
import { CATEGORIES, ENCODINGS, ZONES, applies, cell, inScope } from "../test/support/variants/zones.js";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(arg("--runs") ?? 20);
const encodings = arg("--encoding")?.split(",") ?? [...ENCODINGS];
const categories = arg("--category")?.split(",") ?? Object.keys(CATEGORIES);
const h = await loadHarness();

for (const e of ENCODINGS.filter((x) => encodings.includes(x))) {
  console.log(`\n== ${e}`);
  console.log("".padEnd(7) + ZONES.map((z) => z.slice(0, 7).padStart(8)).join(""));
  for (const c of categories) {
    let line = c.padEnd(7);
    ZONES.forEach((z, i) => {
      if (!applies(e, z)) return void (line += "-".padStart(8));
      const r = hitRate(h, cell(c, z, e), runs, 20261128 + i);
      const pct = String(Math.round((100 * r.hits) / r.total));
      line += (inScope(c, z, e) ? pct : `(${pct})`).padStart(8);
    });
    console.log(line);
  }
}
