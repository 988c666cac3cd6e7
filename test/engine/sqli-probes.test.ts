// SQL injection probes that open or nest the injection in ways the base grammar missed:
// a value that opens with the breakout quote and goes on to a boolean operator, a subquery
// nested in parentheses as a call argument, a value that closes a JSON string and adds structure. Each table has attacks (score >= 5 at PL1) and
// the benign look-alikes that must stay below; the regression fixtures are dev-corpus misses.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, sqliScore as score } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const sqliScore = (value: string, paranoia = 1): number => score(h, value, paranoia);

const groups: { name: string; attacks: string[]; benign: string[] }[] = [
  {
    name: "value opening with the breakout quote, then a boolean operator and an operand",
    attacks: ["' or homer 9", "' or abc", "') or name", "  ' and x", "\" or id", "' || x"],
    benign: [
      "\"And kids... learn something",
      "'and x",
      "it is your parents' and yours",
      "the students' or teachers' books",
      "' and then",
      "'Tis or not",
      "O'Brien or O'Neil",
    ],
  },
  {
    name: "subquery nested in parentheses as an argument or operand",
    attacks: ["9999 or length((select username", "1 and ascii((select 1", "id = ((select 1 from dual))", "1 or ((select 1"],
    benign: ["(length (select one))", "see ((select the best)) here", "((select)) your plan", "f((selected))"],
  },
  {
    name: "value closing a JSON string and adding structure",
    attacks: ['":60', '":["00', '":"65', '" : true', '":-1', '":{"$ne":1}', '", "role": "admin', '","isAdmin":true'],
    benign: [
      '"hello": world',
      '"a": 1',
      '":x',
      '"Chromium";v="122"',
      '"quoted" and more',
      '{"a": 1}',
      '", she said: "no"',
      '"W/\"etag\""',
      '": see below',
    ],
  },
];

describe("sqli probes: attacks score >= 5, look-alikes stay below", () => {
  for (const g of groups) {
    describe(g.name, () => {
      for (const a of g.attacks) it(`attack ${JSON.stringify(a)}`, () => expect(sqliScore(a)).toBeGreaterThanOrEqual(5));
      for (const b of g.benign) it(`benign ${JSON.stringify(b)}`, () => expect(sqliScore(b)).toBeLessThan(5));
    });
  }
});

describe("sqli probe regressions from the dev corpus", () => {
  it.each([
    ["/get?test=9999+or+{if+length((/*!5000select+username/*!comment*/"], // crs-942500-5
    ["/get?var=%27+or+homer+9"], // crs-942370-6 (sent as a form body there)
    ["/get?pay=%22%3A%5B%2200"], // crs-942490-7
    ["/get?%22%3A60"], // crs-942490-16: the bare name of a form body
  ])("blocks %s", (path) => {
    expect(inspect(h, { path }).attack).toBe(true);
  });
});
