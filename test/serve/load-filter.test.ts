import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { UserError } from "../../src/cli/errors.js";
import { loadFilter, readConfigFile } from "../../src/serve/load-filter.js";
import { tempDir } from "../support/temp.js";

const dir = tempDir("load");
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("configuration files for serve and replay", () => {
  const errors: [string, string, RegExp][] = [
    ["unknown field", '{"modee":"block"}', /unknown-field\.json is invalid:\n {2}- configuration: unknown field "modee"/],
    ["bad value", '{"paranoiaLevel":9}', /bad-value\.json is invalid:\n {2}- paranoiaLevel: must be <= 4/],
    ["bad nested value", '{"exclusions":[{"ruleIds":[2002],"target":"nowhere"}]}', /exclusions\.0\.target: must match pattern/],
    ["not-JSON", "{mode: block}", /not-JSON\.json is not valid JSON/],
  ];
  for (const [name, text, message] of errors) {
    it(`refuses: ${name}`, () => {
      const path = file(`${name.replace(/ /g, "-")}.json`, text);
      expect(() => readConfigFile(path)).toThrow(UserError);
      expect(() => readConfigFile(path)).toThrow(message);
    });
  }

  it("prints a warning for each part that does nothing, and returns the configuration", () => {
    const path = file("inert.json", '{"disabledCategories":["xss"],"exclusions":[{"categories":["xss"]}]}');
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(readConfigFile(path)).toBe('{"disabledCategories":["xss"],"exclusions":[{"categories":["xss"]}]}');
      expect(write.mock.calls).toEqual([[`meshwaf: warning: ${path}: exclusions.0.categories: xss does not run: it is in disabledCategories\n`]]);
      write.mockClear();
      readConfigFile(file("ok2.json", '{"disabledCategories":["xss"],"exclusions":[{"categories":["sqli"]}]}'));
      expect(write.mock.calls).toEqual([]);
    } finally {
      write.mockRestore();
    }
  });

  it("refuses a missing file", () => {
    expect(() => readConfigFile(join(dir, "nope.json"))).toThrow(/configuration file .*nope\.json not found/);
  });

  it("returns the configuration as compact JSON, and empty without a file", () => {
    expect(readConfigFile(file("ok.json", '{ "mode": "detect" }\n'))).toBe('{"mode":"detect"}');
    expect(readConfigFile(undefined)).toBe("");
  });

  it("names a missing module", async () => {
    await expect(loadFilter({ wasmPath: join(dir, "missing.wasm") })).rejects.toThrow(/missing\.wasm not found \(run `npm run build`\)/);
  });

  it("loads and configures the filter", async () => {
    const em = await loadFilter({ configPath: file("block.json", '{"mode":"block","paranoiaLevel":2}') });
    expect(em.configured).toBe(true);
  });
});
