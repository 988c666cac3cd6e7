// The README's rule table, the rule ids the configuration schema accepts and schema/rules.json
// (each rule's category, severity and paranoia, for the CLI's warnings) are the registry's:
// regenerate them with `tsx scripts/rules-doc.ts`.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BEGIN, END, registryRules, renderRuleIds, renderRulesJson, renderRulesTable, replaceRuleIds } from "../../scripts/rules-doc.js";
import { RULES, rulesPath } from "../../src/config/rules.js";
import { configSchema, configSchemaPath } from "../../src/config/schema.js";
import { filterWasm } from "../support/filter.js";

/** The text of every .ts file under assembly/, concatenated. */
function assemblySources(): string {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith(".ts")) texts.push(readFileSync(path, "utf8"));
    }
  };
  walk(fileURLToPath(new URL("../../assembly", import.meta.url)));
  return texts.join("\n");
}

describe("README rule table", () => {
  it("lists exactly the registered rules", async () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const between = readme.slice(readme.indexOf(BEGIN) + BEGIN.length, readme.indexOf(END)).trim();
    expect(between, "README.md rule table is stale: run npx tsx scripts/rules-doc.ts").toBe(renderRulesTable(await registryRules()));
  });

  it("are the rule ids the configuration schema accepts (exclusions' ruleIds)", async () => {
    const rules = await registryRules();
    const text = readFileSync(configSchemaPath, "utf8");
    expect(text, "schema/config.schema.json rule ids are stale: run npx tsx scripts/rules-doc.ts").toBe(replaceRuleIds(text, renderRuleIds(rules)));
    expect([...configSchema.definitions.ruleId.enum].sort((a: number, b: number) => a - b)).toEqual(rules.map((r) => r.id).sort((a, b) => a - b));
  });

  it("are schema/rules.json's, with their category, severity and paranoia level", async () => {
    const rules = await registryRules();
    expect(readFileSync(rulesPath, "utf8"), "schema/rules.json is stale: run npx tsx scripts/rules-doc.ts").toBe(renderRulesJson(rules));
    expect(RULES.size).toBe(rules.length);
    for (const r of rules) expect(RULES.get(r.id), `rule ${r.id}`).toEqual({ category: r.category, severity: r.severity, paranoia: r.paranoia });
  });

  it("has unique rule ids, each in its category's range", async () => {
    const ranges: Record<string, number> = {
      protocol: 1000, sqli: 2000, xss: 3000, rce: 4000, lfi: 5000, rfi: 6000, ssrf: 7000, java: 8000, php: 9000, nodejs: 10000,
      ssti: 11000, nosql: 12000, ldap: 13000, xxe: 14000, scanner: 15000, session: 16000, other: 17000,
    };
    const rules = await registryRules();
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.id - ranges[r.category], `rule ${r.id}`).toBeGreaterThanOrEqual(0);
      expect(r.id - ranges[r.category], `rule ${r.id}`).toBeLessThan(1000);
    }
  });

  // scripts/strip-rule-descriptions.js blanks them in the release build (size); a text that the
  // code also uses elsewhere (e.g. as a finding's reason) may legitimately stay.
  it("leaves rule descriptions out of the release module", async () => {
    const sources = assemblySources();
    const rules = await registryRules();
    expect(rules.length).toBeGreaterThan(100);
    for (const r of rules) {
      const usedElsewhere = sources.split(JSON.stringify(r.description)).length - 1 > 1;
      if (usedElsewhere || r.description.length < 8) continue;
      expect(filterWasm.includes(Buffer.from(r.description, "utf16le")), `rule ${r.id}: ${r.description}`).toBe(false);
    }
  });
});
