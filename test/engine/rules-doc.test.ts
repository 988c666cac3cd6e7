// The README's rule table is the registry's: regenerate with `tsx scripts/rules-doc.ts`.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BEGIN, END, registryRules, renderRulesTable } from "../../scripts/rules-doc.js";

describe("README rule table", () => {
  it("lists exactly the registered rules", async () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const between = readme.slice(readme.indexOf(BEGIN) + BEGIN.length, readme.indexOf(END)).trim();
    expect(between, "README.md rule table is stale: run npx tsx scripts/rules-doc.ts").toBe(renderRulesTable(await registryRules()));
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
});
