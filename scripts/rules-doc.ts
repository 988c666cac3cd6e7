// Writes the rule table of README.md (between `<!-- rules:begin -->` and
// `<!-- rules:end -->`) from the rule registry of the harness build, so the
// documented rules are the registered ones.   tsx scripts/rules-doc.ts [--check]
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadHarness } from "../test/support/harness.js";

export interface RuleInfo { id: number; category: string; severity: number; paranoia: number; description: string }

const SEVERITY: Record<number, string> = { 5: "critical", 4: "error", 3: "warning", 2: "notice" };
export const BEGIN = "<!-- rules:begin -->";
export const END = "<!-- rules:end -->";

/** The Markdown table, one row per rule, in id order. */
export function renderRulesTable(rules: RuleInfo[]): string {
  const rows = [...rules].sort((a, b) => a.id - b.id).map((r) =>
    `| ${r.id} | ${r.category} | ${SEVERITY[r.severity] ?? r.severity} (${r.severity}) | ${r.paranoia} | ${r.description.replace(/\|/g, "\\|")} |`);
  return ["| id | category | severity (score) | paranoia | what it catches |", "| ---: | --- | --- | ---: | --- |", ...rows].join("\n");
}

/** `readme` with the text between the markers replaced by `table`. */
export function replaceBetweenMarkers(readme: string, table: string): string {
  const b = readme.indexOf(BEGIN);
  const e = readme.indexOf(END);
  if (b < 0 || e < b) throw new Error(`README.md lacks ${BEGIN} ... ${END}`);
  return readme.slice(0, b + BEGIN.length) + "\n" + table + "\n" + readme.slice(e);
}

export async function registryRules(): Promise<RuleInfo[]> {
  const h = await loadHarness();
  return JSON.parse(h.exports.__getString(h.exports.rulesJson()));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = fileURLToPath(new URL("../README.md", import.meta.url));
  const readme = readFileSync(path, "utf8");
  const next = replaceBetweenMarkers(readme, renderRulesTable(await registryRules()));
  if (process.argv.includes("--check")) {
    if (next !== readme) {
      console.error("README.md rule table is out of date: run tsx scripts/rules-doc.ts");
      process.exit(1);
    }
  } else {
    writeFileSync(path, next);
    console.log("README.md rule table updated");
  }
}
