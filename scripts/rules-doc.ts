// Writes the rule table of README.md (between `<!-- rules:begin -->` and
// `<!-- rules:end -->`), the rule ids the configuration schema accepts
// (schema/config.schema.json, `definitions.ruleId.enum`: the CLI refuses an exclusion
// naming any other) and each rule's category, severity and paranoia level
// (schema/rules.json: the CLI warns about an exclusion of a rule that does not run)
// from the rule registry of the harness build, so the documented, accepted and
// checked rules are the registered ones.   tsx scripts/rules-doc.ts [--check]
import { existsSync, readFileSync, writeFileSync } from "node:fs";
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

/** The schema's `"enum": [...]` of rule ids, ten a line. */
export function renderRuleIds(rules: RuleInfo[]): string {
  const ids = rules.map((r) => r.id).sort((a, b) => a - b);
  const lines: string[] = [];
  for (let i = 0; i < ids.length; i += 10) lines.push("        " + ids.slice(i, i + 10).join(", "));
  return `"enum": [\n${lines.join(",\n")}\n      ]`;
}

const RULE_IDS = /("ruleId": \{[^}]*?)"enum": \[[^\]]*\]/;

/** `schema` (the text of schema/config.schema.json) with the rule ids replaced by `ids` (renderRuleIds). */
export function replaceRuleIds(schema: string, ids: string): string {
  if (!RULE_IDS.test(schema)) throw new Error('schema/config.schema.json lacks definitions.ruleId with an "enum"');
  return schema.replace(RULE_IDS, (_, head: string) => head + ids);
}

/**
 * schema/rules.json: `{"id": {"category", "severity", "paranoia"}}` in id order, one rule a line.
 * A file of its own, not the schema: JSON Schema has no keyword for data about an enum's values.
 */
export function renderRulesJson(rules: RuleInfo[]): string {
  const lines = [...rules].sort((a, b) => a.id - b.id).map((r) =>
    `  "${r.id}": ${JSON.stringify({ category: r.category, severity: r.severity, paranoia: r.paranoia })}`);
  return `{\n${lines.join(",\n")}\n}\n`;
}

export async function registryRules(): Promise<RuleInfo[]> {
  const h = await loadHarness();
  return JSON.parse(h.exports.__getString(h.exports.rulesJson()));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rules = await registryRules();
  const outputs: [string, (text: string) => string][] = [
    ["README.md", (readme) => replaceBetweenMarkers(readme, renderRulesTable(rules))],
    ["schema/config.schema.json", (schema) => replaceRuleIds(schema, renderRuleIds(rules))],
    ["schema/rules.json", () => renderRulesJson(rules)],
  ];
  for (const [name, update] of outputs) {
    const path = fileURLToPath(new URL("../" + name, import.meta.url));
    const text = existsSync(path) ? readFileSync(path, "utf8") : "";
    const next = update(text);
    if (process.argv.includes("--check")) {
      if (next !== text) {
        console.error(`${name} is out of date: run tsx scripts/rules-doc.ts`);
        process.exitCode = 1;
      }
    } else if (next !== text) {
      writeFileSync(path, next);
      console.log(`${name} updated`);
    }
  }
}
