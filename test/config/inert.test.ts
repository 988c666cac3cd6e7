// Configuration that is valid but does nothing: the CLI accepts it and warns (src/config/inert.ts);
// the filter runs it as written, and repeats the warnings that mean it can never block (a threshold
// no request reaches, every category off). Good configurations get no warning from either.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { configSchema, configWarnings, validateConfig } from "../../src/config/schema.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const filterWarnings = (config: object): string[] => {
  const w = h.callString("configWarnings", JSON.stringify(config));
  return w === "" ? [] : w.split("\n");
};
const neverBlocks = (w: string) => w.startsWith("anomalyThreshold:") || w.startsWith("disabledCategories:");

const ALL: string[] = configSchema.definitions.category.enum;
const ALL_BUT_OTHER = ALL.filter((c) => c !== "other"); // leaves rules 17001-17006, critical (5) each: 30

// [configuration, the warnings, exactly]
const inert: [object, string[]][] = [
  // rules 4106 (rce) and 2031 (sqli) run from paranoia level 2, 2032 from 3
  [{ exclusions: [{ ruleIds: [4106] }] }, ["exclusions.0.ruleIds: rule 4106 does not run at paranoiaLevel 1 (it runs from level 2): nothing to switch off until the level is raised"]],
  [
    { paranoiaLevel: 2, exclusions: [{ ruleIds: [2031, 2032], pathPrefix: "/api" }] },
    ["exclusions.0.ruleIds: rule 2032 does not run at paranoiaLevel 2 (it runs from level 3): nothing to switch off until the level is raised"],
  ],
  [
    { disabledCategories: ["xss", "rce"], exclusions: [{ ruleIds: [2001] }, { ruleIds: [3001, 2002, 4100], host: "wiki.svc" }] },
    [
      "exclusions.1.ruleIds: rule 3001 does not run: its category xss is in disabledCategories",
      "exclusions.1.ruleIds: rule 4100 does not run: its category rce is in disabledCategories",
    ],
  ],
  // disabled wins over paranoia: raising the level would not help
  [{ disabledCategories: ["rce"], exclusions: [{ ruleIds: [4106] }] }, ["exclusions.0.ruleIds: rule 4106 does not run: its category rce is in disabledCategories"]],
  [{ disabledCategories: ["xss"], exclusions: [{ categories: ["sqli", "xss"] }] }, ["exclusions.0.categories: xss does not run: it is in disabledCategories"]],
  [{ disabledCategories: ALL }, ["disabledCategories: every category is switched off: no rule runs"]],
  [{ disabledCategories: ALL, anomalyThreshold: 1000 }, ["disabledCategories: every category is switched off: no rule runs"]],
  [
    { disabledCategories: ALL_BUT_OTHER, anomalyThreshold: 31 },
    ["anomalyThreshold: 31 can never be reached: the rules that run at paranoiaLevel 1, outside disabledCategories, score at most 30 together"],
  ],
  // duplicates, and exclusions another one already covers
  [{ exclusions: [{ ruleIds: [2001] }, { ruleIds: [2001] }] }, ["exclusions.1: repeats exclusions.0"]],
  [
    { exclusions: [{ categories: ["sqli"], host: "API.svc", target: "header:X-Data" }, { categories: ["sqli"], host: "api.svc", target: "header:x-data" }] },
    ["exclusions.1: repeats exclusions.0"],
  ],
  [
    { exclusions: [{ categories: ["xss"], target: "multipart:Content-*" }, { categories: ["xss"], target: "multipart:content-type" }] },
    ["exclusions.1: adds nothing: exclusions.0 switches off the same rules wherever this one applies"],
  ],
  [
    { exclusions: [{ ruleIds: [2001, 2002], pathPrefix: "/api/v1" }, { categories: ["xss"] }, { categories: ["sqli"], pathPrefix: "/api" }] },
    ["exclusions.0: adds nothing: exclusions.2 switches off the same rules wherever this one applies"],
  ],
  [
    { exclusions: [{ ruleIds: [3001], method: "M-SEARCH" }, { categories: ["xss"], target: "args:*" }, { ruleIds: [3001, 3002], target: "args:user*" }] },
    ["exclusions.2: adds nothing: exclusions.1 switches off the same rules wherever this one applies"],
  ],
  [
    { exclusions: [{ categories: ["sqli"], target: "args:user" }, { categories: ["sqli"], target: "args:user*" }] },
    ["exclusions.0: adds nothing: exclusions.1 switches off the same rules wherever this one applies"],
  ],
];

// valid, and every part of them does something
const good: object[] = [
  {},
  { mode: "detect", paranoiaLevel: 2, logAllowed: true, exclusions: [{ categories: ["xss"], host: "wiki.svc", pathPrefix: "/edit", target: "json:page.body" }] },
  { paranoiaLevel: 2, exclusions: [{ ruleIds: [4106] }] },
  { paranoiaLevel: 4, exclusions: [{ ruleIds: [2033] }] },
  { disabledCategories: ["xss"], exclusions: [{ ruleIds: [2001, 4100] }, { categories: ["rce"] }] },
  { disabledCategories: ALL_BUT_OTHER, anomalyThreshold: 30 },
  { anomalyThreshold: 100 },
  // the same rules under other conditions, and wider rules under narrower conditions
  { exclusions: [{ ruleIds: [2001], host: "a.svc" }, { ruleIds: [2001], host: "b.svc" }] },
  { exclusions: [{ ruleIds: [2001], pathPrefix: "/api" }, { ruleIds: [2001, 2002], pathPrefix: "/api/v1" }] },
  { exclusions: [{ ruleIds: [2001], method: "GET" }, { ruleIds: [2001], method: "POST" }] },
  { exclusions: [{ categories: ["sqli"], target: "args:user" }, { categories: ["sqli"], target: "args:users" }] },
  { exclusions: [{ categories: ["sqli"], target: "json:a" }, { categories: ["sqli"], target: "args:a" }] },
];

describe("configuration that does nothing", () => {
  for (const [config, warnings] of inert) {
    it(`${JSON.stringify(config).slice(0, 100)}: valid, with ${warnings.length} warning(s)`, () => {
      expect(() => validateConfig(config)).not.toThrow();
      expect(configWarnings(config)).toEqual(warnings);
      expect(h.callString("parseConfig", JSON.stringify(config))).toBe("ok");
      expect(filterWarnings(config)).toEqual(warnings.filter(neverBlocks));
    });
  }

  for (const config of good) {
    it(`${JSON.stringify(config).slice(0, 100)}: no warning`, () => {
      expect(() => validateConfig(config)).not.toThrow();
      expect(configWarnings(config)).toEqual([]);
      expect(filterWarnings(config)).toEqual([]);
    });
  }

  it("agrees with the filter on the highest score any request can reach, at every level", () => {
    const rules: { paranoia: number; category: string; severity: number }[] = JSON.parse(h.callString("rulesJson"));
    let compared = 0;
    for (let paranoiaLevel = 1; paranoiaLevel <= 4; paranoiaLevel++) {
      for (const disabledCategories of [[], ["sqli"], ALL_BUT_OTHER, ALL.filter((c) => !["sqli", "xss", "rce"].includes(c))]) {
        const most = rules.filter((r) => r.paranoia <= paranoiaLevel && !disabledCategories.includes(r.category)).reduce((sum, r) => sum + r.severity, 0);
        if (most >= 1000) continue; // (the schema's highest threshold)
        expect(filterWarnings({ paranoiaLevel, disabledCategories, anomalyThreshold: most })).toEqual([]);
        const config = { paranoiaLevel, disabledCategories, anomalyThreshold: most + 1 };
        const warnings = configWarnings(config);
        expect(warnings).toEqual([expect.stringContaining(`score at most ${most} together`)]);
        expect(filterWarnings(config)).toEqual(warnings);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(8);
  });

  it("warns about no rule of the registry at paranoia level 4", () => {
    const rules: { id: number }[] = JSON.parse(h.callString("rulesJson"));
    expect(configWarnings({ paranoiaLevel: 4, exclusions: [{ ruleIds: rules.map((r) => r.id) }] })).toEqual([]);
  });
});
