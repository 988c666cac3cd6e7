// The census gates of the SQL injection detector (assembly/engine/detectors/sqli.ts): look-alike quotes
// are folded only when the value has high bytes, stray `%` removed only when it has a `%`, and quote
// contexts read only when it has a quote. Each value must give the same rules with the census of its
// bytes as with every class claimed (the gates held open), also when it arrives percent-encoded.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

function rules(kind: number, name: string, v: string, raw: string, everyClass: boolean): string[] {
  const out = JSON.parse(h.callString("scanTargetAs", kind, name, v, raw, everyClass ? 1 : 0, 4));
  return out.matches.map((m: { id: number; target: string }) => `${m.id}@${m.target}`).sort();
}

// SQL words and shapes, the quotes, look-alike quotes and stray percents the gates key on, and plain text.
const pieces = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[a-z0-9 ]{0,6}$/) },
  { weight: 3, arbitrary: fc.constantFrom("'", '"', "`", "\u2019", "\u2018", "\u00b4", "\u02bc", "\u2032", "%", "%S", "%E%L", " ", "-", "=", "(", ")", ";", "#", "--", "/*", "*/", "\u00a0") },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "or", "OR 1=1", "and", " union select ", "select", " from ", "users", "1", "0x61646d696e", "sleep(5)", "waitfor delay",
      "order by 3", "admin", "information_schema", "xp_cmdshell", "like", "is null", "--", "#", "1'", "' or '1'='1", "%S%E%L%E%C%T",
      "%U%N%I%O%N", "O\u2019Brien", "it\u2019s", "don't", "I'm", "'em", "2147483648",
    ),
  },
);
const value = fc.array(pieces, { maxLength: 10 }).map((a) => a.join(""));
// Target kinds (engine/target.ts): path, argName, argValue, header, cookie, bodyValue, bodyKey.
const kinds = fc.constantFrom<[number, string]>(
  [0, "path"], [1, "args:q"], [2, "args:q"], [3, "header:x-data"], [3, "header:referer"], [4, "cookie:s"], [6, "json:a.b"], [7, "json:a"],
);

describe("sqli census gates", () => {
  it("skip only passes that find nothing (same rules with every class claimed)", () => {
    let found = 0;
    fc.assert(
      fc.property(value, kinds, fc.boolean(), (v, [kind, name], encoded) => {
        const raw = encoded ? encodeURIComponent(v) : v;
        const open = rules(kind, name, v, raw, true);
        if (open.some((r) => r.startsWith("20"))) found++;
        expect(rules(kind, name, v, raw, false)).toEqual(open);
      }),
      { numRuns: 2500 },
    );
    expect(found).toBeGreaterThan(200); // the property is not vacuous: sqli rules fire through the gates
  });

  const table: [string, string][] = [
    ["O\u2019 OR 1=1--", "look-alike quote folded"],
    ["%S%E%L%E%C%T * %F%R%O%M users", "stray percents removed"],
    ["admin' --", "quote context read"],
  ];
  for (const [v, why] of table) {
    it(`finds sqli in ${JSON.stringify(v)} (${why})`, () => {
      expect(rules(2, "args:q", v, v, false).some((r) => r.startsWith("20"))).toBe(true);
    });
  }
});
