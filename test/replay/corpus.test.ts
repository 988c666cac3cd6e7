import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/cli/errors.js";
import { parseCorpusLine, readCorpus } from "../../src/replay/corpus.js";
import { tempDir } from "../support/temp.js";

const dir = tempDir("corpus");

describe("corpus lines", () => {
  it("reads body, body_b64 and null bodies", () => {
    const base = { id: "a", label: "attack", category: "sqli", method: "POST", path: "/", headers: [["Host", "x"]] };
    expect(parseCorpusLine(JSON.stringify({ ...base, body: "é" }), "c", 1).body).toEqual(Buffer.from("é"));
    expect(parseCorpusLine(JSON.stringify({ ...base, body: null, body_b64: "AP8=" }), "c", 1).body).toEqual(Buffer.from([0, 255]));
    expect(parseCorpusLine(JSON.stringify({ ...base, body: null }), "c", 1)).toMatchObject({ body: null, headers: [["Host", "x"]], category: "sqli" });
  });

  const bad: [string, string, RegExp][] = [
    ["not JSON", "{oops", /^c\.jsonl:3: not valid JSON/],
    ["an array", "[1]", /^c\.jsonl:3: expected a JSON object/],
    ["no method", '{"id":"a","label":"benign","path":"/"}', /^c\.jsonl:3: "method" must be a non-empty string/],
    ["bad headers", '{"id":"a","label":"benign","method":"GET","path":"/","headers":[["a"]]}', /^c\.jsonl:3: "headers" must be a list of \[name, value\] string pairs/],
    ["a numeric body", '{"id":"a","label":"benign","method":"GET","path":"/","body":5}', /^c\.jsonl:3: "body" must be a string or null/],
  ];
  for (const [name, line, message] of bad) {
    it(`names the line of ${name}`, () => {
      expect(() => parseCorpusLine(line, "c.jsonl", 3)).toThrow(UserError);
      expect(() => parseCorpusLine(line, "c.jsonl", 3)).toThrow(message);
    });
  }

  it("counts lines from 1, skipping blank ones", () => {
    const file = join(dir, "bad.jsonl");
    writeFileSync(file, '{"id":"a","label":"benign","method":"GET","path":"/"}\n\n{broken\n');
    expect(() => readCorpus(file)).toThrow(`${file}:3: not valid JSON`);
  });

  it("refuses a missing file", () => {
    expect(() => readCorpus(join(dir, "none.jsonl"))).toThrow(/corpus .*none\.jsonl not found/);
  });
});
