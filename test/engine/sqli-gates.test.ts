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

// The prose prefilter (assembly/engine/detectors/sqli/prose.ts): values of words, blanks and `, . - :` whose
// SQL words build nothing. Every value it skips must give no finding when the analysis is forced.
describe("sqli prose prefilter", () => {
  const flags = (v: string) => {
    const ex = h.exports;
    const p = ex.__pin(ex.__newString(v));
    try {
      return [ex.sqliSkips(p) !== 0, ex.sqliFindingsForced(p) >>> 0] as const;
    } finally {
      ex.__unpin(p);
    }
  };
  // every keyword class (sqli/keywords.ts), English words, structures the grammar reads without literals or
  // symbols, and the symbols the gate allows or stops at; a plain word first half the time (the gate's opening)
  const keyword = fc.constantFrom(
    "select", "insert", "update", "delete", "drop", "create", "alter", "truncate", "exec", "declare", "shutdown", "waitfor", "grant", "set",
    "union", "all", "distinct", "and", "or", "xor", "not", "like", "rlike", "is", "in", "between", "exists", "escape", "collate",
    "true", "false", "null", "from", "where", "having", "group", "order", "by", "limit", "offset", "into", "outfile", "values", "as",
    "table", "database", "case", "when", "then", "else", "end", "delay", "time", "procedure", "top", "join", "on", "asc", "desc",
    "load", "data", "infile", "dual", "analyse", "view", "count", "if", "user", "replace", "left", "concat", "char", "sleep", "benchmark",
    "information_schema", "mysql", "sys", "tables", "db", "xp_cmdshell", "msdasql", "openrowset",
  );
  const plain = fc.constantFrom("the", "a", "to", "of", "cats", "dogs", "users", "Name", "x", "e", "b", "n", "_x", "caf\u00e9", "\u00e0");
  const phrase = fc.constantFrom(
    "select a from b", "union select", "union all select", "or true is true", "and null is null", "or false", "as x from", "x as y from",
    "waitfor delay", "waitfor time", "case when a like b then", "case when a in b then c", "into outfile", "load data infile",
    "procedure analyse", "xor", "mysql.user", "sys.objects", "select sleep", "order by", "is null", "from t limit", "from t group by",
    "having", "and not", "or a.b", "and x -", "select count", "replace into t select", "drop table t", "1", "0x41",
  );
  const stopper = fc.constantFrom("'", "(", ")", "=", ";", "@", "#", "*", "/", "$", "--", "::", ":=");
  const piece = fc.oneof({ weight: 4, arbitrary: keyword }, { weight: 3, arbitrary: plain }, { weight: 3, arbitrary: phrase }, { weight: 1, arbitrary: stopper });
  const sep = fc.oneof({ weight: 6, arbitrary: fc.constant(" ") }, { weight: 1, arbitrary: fc.constantFrom(", ", ". ", ".", "-", " - ", ": ", ":", "\n", "\t", "\u00a0", "") });
  const prose = fc.tuple(fc.boolean(), plain, fc.array(fc.tuple(piece, sep), { minLength: 1, maxLength: 6 }))
    .map(([lead, w, a]) => (lead ? w + " " : "") + a.map(([x, s]) => x + s).join(""));

  it("skips only values the analysis finds nothing in", () => {
    let skipped = 0;
    let found = 0;
    fc.assert(
      fc.property(prose, (v) => {
        const [skips, mask] = flags(v);
        if (skips) {
          skipped++;
          expect(mask).toBe(0);
        } else if (mask !== 0) found++;
      }),
      { numRuns: 4000 },
    );
    expect(skipped).toBeGreaterThan(100); // both outcomes occur
    expect(found).toBeGreaterThan(100);
  });
});

