import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";
import { sqliScore as score } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const sqliScore = (value: string): number => score(h, value);

describe("sqli keywords", () => {
  // Every word of the keyword lists, with the class its last list gives it (read from the source: a
  // list's groups after a `;` are the next classes of the Kw enum).
  const source = readFileSync(new URL("../../assembly/engine/detectors/sqli/keywords.ts", import.meta.url), "utf8");
  const kwNames = /enum Kw \{([^}]*)\}/.exec(source)![1].replace(/\/\/.*$/gm, "").split(",").map((n) => n.replace(/=.*/, "").trim()).filter(Boolean);
  const classOf = new Map<string, string>();
  for (const m of source.matchAll(/add\(\s*"((?:[^"\\]|\\\n)*)",\s*Kw\.(\w+)\)/g)) {
    m[1].replace(/\\\n/g, "").split(";").forEach((group, k) => {
      for (const w of group.split("|")) classOf.set(w, kwNames[kwNames.indexOf(m[2]) + k]);
    });
  }

  it("reads the lists of keywords.ts", () => {
    expect(classOf.size).toBeGreaterThan(300);
    expect([classOf.get("select"), classOf.get("execute"), classOf.get("analyze"), classOf.get("tablespace"), classOf.get("sleep")])
      .toEqual(["Select", "Exec", "Analyse", "Object", "FuncDanger"]);
  });
  it("finds every keyword in its hash table, in any case, and English function words as plain words", () => {
    for (const [w, kw] of classOf) {
      const expected = kw === "Article" ? "w" : "k";
      expect(h.callString("sqliTokens", w), w).toBe(expected);
      expect(h.callString("sqliTokens", w.toUpperCase()), w).toBe(expected);
    }
  });
  it("gives every keyword the class of its group", () => {
    const classIndex = (w: string): number => h.exports.sqliKeywordClass(h.exports.__newString(w));
    for (const [w, kw] of classOf) expect(kwNames[classIndex(w.toUpperCase())], w).toBe(kw);
    expect(kwNames[classIndex("selects")]).toBe("None");
  });
  it("reads near misses of keywords as plain words", () => {
    for (const w of ["selects", "unio", "fromm", "wheree", "sleepy"]) expect(h.callString("sqliTokens", w), w).toBe("w");
  });
});

describe("sqli tokenizer", () => {
  const cases: [string, string][] = [
    ["1 or 1=1", "nkn=n"],
    ["' OR '1'='1", "snsn"],
    ["admin'--", "ws"],
    ["id=1;--", "w=n;c"],
    ["1 /* x */ union select", "nckk"],
    ["UN/**/ION SEL/**/ECT 1", "kkn"],
    ["/*!50000select*/ 1", "kn"],
    ["sleep(5)", "f(n)"],
    ["x.replace(a)", "w.f(w)"],
    ["@@version, @x", "v,v"],
    ["a && b || c", "w&w&w"],
    ["0x414243 1.5e3 .5", "nnn"],
    ["x'41' N'abc'", "ss"],
    ["`tbl`.col", "w.w"],
    ["a <=> b != c <> d", "w=w=w=w"],
    ["'unterminated", "s"],
    ["a # rest\nb", "wcw"],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${expected}`, () => {
      expect(h.callString("sqliTokens", input)).toBe(expected);
    });
  }
});

describe("sqli detection: attacks score >= 5 at PL1", () => {
  const attacks = [
    "' OR '1'='1",
    // a JSON document compared with a JSON operator stays a probe; a `{{ }}` placeholder (benign below) is no JSON
    "1' and '{\"a\":1}' != '{\"a\":2}'--",
    // a template placeholder compared after an injected AND/OR is still the injected condition
    "1' and '{{x}}'<>'y'--",
    "x\" or \"{{a}}\"!=\"b",
    "x' or '[1,2]' ? '1",
    "' or 1=1--",
    "1 or 1=1",
    "-1 OR 2>1",
    "' or true--",
    "\" or \"\"=\"",
    "') or ('a'='a",
    "admin'--",
    "admin' #",
    "admin'/*",
    "1 union select 1,2,3",
    "1' UNION ALL SELECT NULL,NULL--",
    "UN/**/ION SEL/**/ECT password FROM users",
    "'; drop table users--",
    "1; exec xp_cmdshell 'dir'",
    "1;waitfor delay '0:0:5'--",
    "sleep(5)",
    // a column-function call that is not complete, reads the session, or is closed by SQL structure
    // quotes that close the application's string, or a span that is no prose: the breakout reading stays
    "x 'or sleep(5)='", "foo \"or \"1\"=\"1", "from `information_schema`\n", "x' or 'a'='a", "name='admin' or '1'='1",
    "MAX(", "COUNT(", "user()", "user(", "version()", "user(select 1)", "max(user())", "length(database())", "max(id))", "sum(x)--", "count(*) from users", "min(@@version)",
    "1' and sleep(5)#",
    "1 AND benchmark(5000000,md5(1))",
    "x' AND extractvalue(1,concat(0x7e,version()))--",
    "' order by 3--",
    "1 and (select count(*) from information_schema.tables)>0",
    "' into outfile '/tmp/x'--",
    "if(now()=sysdate(),sleep(12),0)",
    "' and ascii(substring(user(),1,1))>64--",
    "concat(",
    "length&&(",
    "AND 7639=(",
    "|| langCode == '",
    "<=>",
    "IS NULL",
    "in (0,1)",
    "11!=1",
    ") AS t FROM",
    "password::int",
    "OR '{\"a\":\"b\"}' ? 'a'",
    "x'|email--",
    "\\'or'1",
    "/get/OR 1=1",
    "pay=AND 1=(",
    "DROP sampletable;--",
    "FROM `t` LIMIT",
    "' UNION A",
    "select(user(",
    ") like (",
    " HAVING COUNT(CustomerID) > 5",
    "' or abc!",
    "x' or array[id] is not null--",
    "SELECT/*avoid-spaces*/password/**/FROM/**/Members",
    // look-alike quotes folded to ' (charset conversion turns them into a real quote)
    "1\u2019 OR \u20191\u2019=\u20191",
    "\u2018 or 1=1#",
    "admin\u00b4--",
    // word comparisons of literals that hold for every row
    "1 is not 2",
    "'1' not regexp '2'",
    // MySQL `1.e` glued to a name or call
    "1.e(ascii)",
    "1.e.tables",
    // a quoted literal compared with a string the application closes
    "'1001'='10",
    "select 0x616263",
  ];
  for (const a of attacks) {
    it(JSON.stringify(a), () => {
      expect(sqliScore(a)).toBeGreaterThanOrEqual(5);
    });
  }
});

describe("sqli detection: benign look-alikes stay below 5", () => {
  const benign = [
    "O'Brien",
    // a placeholder is filled before the comparison: LogQL's line_format, then a line filter
    "{app=\"api\"} |= \"error\" | line_format \"{{.msg}}\" != \"y\"",
    "{app=\"api\"} | label_format level=\"{{.level | ToUpper}}\" != \"debug\" | line_format \"{{.msg}}\"",
    "sum(count_over_time({app=\"api\"} |= \"error\" | drop __error__ | regexp `(?P<method>\\w+)` [5m]))",
    "Shaquille O'Neal's 3 points",
    "select the best option from the menu",
    "Please drop me a line; select one from the list",
    "1-2 days",
    "john.doe@example.com",
    "wait -- really?",
    "Tom & Jerry || friends",
    "It's 5 o'clock -- time for tea",
    "SELECT * FROM users WHERE id = ?",
    "connection.query('SELECT 1 + 1 AS solution', function (error, results) {",
    "knex.select('title', 'author').from('books')",
    "\"quoted\" and more",
    "rock 'n' roll or jazz",
    "order by price, group by category",
    "he said \"no\" -- then left",
    "C# and F# are languages",
    "50% off -- today only!",
    "11!=11",
    "glob",
    "Like",
    "=",
    "Time (UTC)",
    "left (see the map)",
    "prettier --check \"docs/**/*.md\"",
    "append `'/**'` to the ignore pattern",
    "From Paris where I live",
    "and that's the way it is -- Walter Cronkite",
    "mysql.createConnection({host: 'localhost'})",
    "benchmark",
    "\"Union Pacific\" railroad",
    "Die \"Union von Europa\"",
    "It\u2019s O\u2019Brien\u2019s turn",
    "the \u2018best\u2019 option or the \u2018worst\u2019 one",
    "it is not 2",
    "the result: 1 is not 2 nor 3",
    "'a' is not 'a'",
    "version 1.e.g",
    // complete calls of column functions over names: analytics aggregates, PromQL, OData (langs/column-functions.ts)
    "sum(amount)", "max(a)", "min(price)", "count(up)", "count(*)", "count(distinct user_id)", "avg(order.total) as mean",
    "sum(rate(http_requests_total{job=\"api\"}[5m])) by (code)", "year(CreatedAt) eq 2024", "trim(Name) eq 'milk'", "sum(amount),avg(price)",
    // a first quote that opens a balanced quoted span of prose, markdown code or a filter literal (sqli/quoted-span.ts)
    "Sean O'Brien said: \"version\" (it's $0.00, isn't it?)", "He said \"user\" (meaning the account)", "Use `version()` or `version.count` carefully.",
    "Call `user()` to get the name", "name eq 'and'", "User($select=Name,Email)", "Orders($filter=Total gt 20;$top=5)",
    "sum(version)", "year(Version) eq 1", "sum(version.total) as v", "Version($select=Name)", "$['user'][?(@.age < 'x')]", "contains(Title,'and')", "Name eq 'or' or Name eq 'and'",
  ];
  for (const b of benign) {
    it(JSON.stringify(b), () => {
      expect(sqliScore(b)).toBeLessThan(5);
    });
  }
});

describe("sqli robustness", () => {
  it("never traps on random bytes and ascii", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const out = JSON.parse(h.callString("scanValue", s, 4));
        expect(out.score).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it("handles values longer than one token window", () => {
    const long = "a, ".repeat(400) + "1 union select 1,2";
    expect(sqliScore(long)).toBeGreaterThanOrEqual(5);
    const longBenign = "(".repeat(2000) + "'".repeat(500);
    expect(sqliScore(longBenign)).toBeLessThan(5);
  });
});

describe("sqli prefilter (one plain word, or plain text without SQL words, skips the analysis)", () => {
  const skips = (v: string) => {
    const ex = h.exports;
    const p = ex.__pin(ex.__newString(v));
    try {
      return [ex.sqliSkips(p) !== 0, ex.sqliFindingsForced(p) >>> 0, ex.sqliFindings(p) >>> 0] as const;
    } finally {
      ex.__unpin(p);
    }
  };
  const cases: [string, boolean][] = [
    ["username", true],
    ["12345", true],
    ["session_id_42", true],
    ["select", false],       // a SQL word
    ["xp_cmdshell", false],  // a stored procedure on its own is a finding
    ["msdasql", false],
    ["0x616263", false],     // hex literal
    ["1 or 1=1", false],
    ["a.b", true],           // plain text: no operator symbol, quote or SQL word
    ["John Smith, Jr.", true],
    ["1-2 days", true],
    ["rock union roll", false], // a SQL word that builds a structure (UNION)
    ["rock or roll", true],  // prose whose SQL words build nothing without literals or symbols (sqli/prose.ts)
    ["we set the time by order of the data, in a table", true],
    ["or not", false],       // a SQL word opening the value
    ["rock or 1", false],    // a literal
    ["rock as roll from", false], // AS (an alias before FROM)
    ["4oR2", false],         // a number glued to letters
    ["a=b", false],
    ["/wiki/search", true],  // a plain path: `/` alone only divides
    ["/api/v1/orders/12345", true],
    ["/items/1 union select", false],
    ["/a/*x*/", false],      // a comment needs `*`
    ["2024-01-05T10:00:00Z", true], // a lone `:` is punctuation
    ["https://example.com/a/b", true],
    ["password::int", false], // a cast
    ["a:=1", false],
    ["0bd66d81dc069c6a9ada6d725709ad58", true], // hex and ids: numbers glued to letters that are no SQL word
    ["a68fb952-beb2-4a79-89d1-5fddef763aa6", true],
    ["1union", false],       // a number glued to a SQL word
    ["1and1", false],
    ["0b0101", false],       // binary literal
    ["0X41", false],
  ];
  for (const [v, expected] of cases) {
    it(`${JSON.stringify(v)} skipped: ${expected}`, () => {
      expect(skips(v)[0]).toBe(expected);
    });
  }
  it("values the gate skips give no finding when the analysis is forced", () => {
    const word = fc.stringMatching(/^[A-Za-z0-9_]{0,40}$/);
    const sqlWord = fc.constantFrom("select", "union", "or", "sleep", "information_schema", "xp_cmdshell", "msdasql", "sysdate", "1e5", "0x41", "Schema");
    fc.assert(
      fc.property(fc.oneof(word, sqlWord, fc.string({ maxLength: 12 })), (v) => {
        const [skipped, mask] = skips(v);
        if (skipped) expect(mask).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });
  it("texts the gate skips give no finding when the analysis is forced", () => {
    const piece = fc.oneof(
      fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/),
      fc.stringMatching(/^[0-9]{1,12}$/),
      fc.constantFrom("the", "a", "of", "union", "select", "from", "or", "and", "1e5", "0x41", "e", "tables", "information_schema",
        "true", "null", "like", "xor", "waitfor", "delay", "Jos\u00e9", "4294967296", "2147483648",
        "4a79", "0bd66d81", "5e3", "1union", "4oR2", "0b01", "2and3", "9_x", "1e1union", "7div2", "3is", "1a", "0xff", "8OR"),
      fc.stringMatching(/^[0-9][0-9a-zA-Z_]{0,16}$/),
      fc.constantFrom(" ", "  ", ".", ",", "-", "--", " - ", "\t", ". ", "\u00a0", " \u00a0", "/", "//", " / ", "/-", ":", "::", ":=", "://", ": "), // a no-break space is a blank too
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const v = parts.join("");
        // what the gate skips is what the analysis would add: nothing (checks made before the gate aside)
        const [skipped, forced, gated] = skips(v);
        if (skipped) expect(forced, v).toBe(gated);
      }),
      { numRuns: 3000 },
    );
  });
});

