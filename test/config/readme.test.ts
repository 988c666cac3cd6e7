// The README's configuration table must follow the schema (the one source of truth):
// one row per field, with the schema's default.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const section = readme.slice(readme.indexOf("<!-- section:config -->"), readme.indexOf("<!-- /section:config -->"));
const rows = new Map(
  [...section.matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)].map((m) => [m[1], m[2].trim()] as const),
);

describe("README configuration table", () => {
  it("has one row per schema field and nothing else", () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(configSchema.properties).sort());
  });

  for (const [name, prop] of Object.entries(configSchema.properties as Record<string, { default?: unknown }>)) {
    it(`states the default of ${name}`, () => {
      if (prop.default === undefined) expect(rows.get(name)).toBe("JSON body");
      else expect(rows.get(name)).toBe("`" + JSON.stringify(prop.default) + "`");
    });
  }
});
