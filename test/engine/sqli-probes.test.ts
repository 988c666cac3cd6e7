// SQL injection probes that open or nest the injection in ways the base grammar missed:
// a value that opens with the breakout quote and goes on to a boolean operator, a subquery
// nested in parentheses as a call argument, a value that closes a JSON string and adds structure. Each table has attacks (score >= 5 at PL1) and
// the benign look-alikes that must stay below; the regression fixtures are dev-corpus misses.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, sqliScore as score } from "../support/engine.js";
import { describeSqliGroups, type SqliGroup } from "../support/sqli-groups.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const sqliScore = (value: string, paranoia = 1): number => score(h, value, paranoia);

const groups: SqliGroup[] = [
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
  {
    name: "number closing a numeric literal, then a clause",
    attacks: ["1 ORDER BY 3", "1 ORDER BY 1-- -", "1 GROUP BY 1,2,3--", "1 LIMIT 1,1", "2 group by 4;", "1;--", "1;#", "1 XOR 1", "'a' xor 'b'"],
    benign: ["1 order by date", "3 limit 5 per day", "Chapter 1 order by 2", "2 limit 1,2,3", "10 ordered by 3", "1; -- Larry Wall in a long note", "a xor b", "1 xor 1 gives 0 here"],
  },
  {
    name: "whole value a parenthesised subquery",
    attacks: ["(select 1)", "(SELECT @@version)", "(select 1,2)", "(select * from users)"],
    benign: ["(select one)", "(select 2 or more)", "(select 1 option)", "(select null)"],
  },
  {
    name: "routine of an attack-staple package called by its qualified name",
    attacks: ["1 AND 1=DBMS_PIPE.RECEIVE_MESSAGE(CHR(65),5)", "1 AND 1=DBMS_LOCK.SLEEP(5)", "1 AND UTL_HTTP.REQUEST('http://x')=1"],
    benign: ["benchmark.run()", "sleep.call(x)", "sysdate.getTime()", "see dbms_pipe docs"],
  },
  {
    name: "boolean operator then a test of system variables, lists or SQL function results",
    attacks: ["1 AND @@version LIKE '5%'", "1 and 1 in (1)", "1 AND char(49)=char(49)", "x' OR 'a' IN ('a')"],
    benign: ["1 and 1 in the list", "me and @@handle = fun", "tea and char(3)", "a or b in (c)"],
  },
  {
    name: "number, a condition on literals, then a numeric clause closing the value",
    attacks: ["1 OR 1 LIMIT 1", "-1 || 1 LIMIT 1,1", "1) or true limit 1#", "1 and 2=2 order by 3-- "],
    benign: ["1 or 2 limit reached", "1 or 2 items, limit 3 per order", "1 and 2 LIMIT 1 per customer", "1 or 2 limit"],
  },
  {
    name: "account statements stacked or opening the value (SET PASSWORD, CREATE/ALTER USER ... IDENTIFIED)",
    attacks: [
      "1; SET PASSWORD FOR root = PASSWORD('x')",
      "1; set password for 'root'@'localhost' = 'pw'-- ",
      "x;SET PASSWORD = 'abc'",
      "1; SET PASSWORD FOR root@localhost = PASSWORD('x')",
      "1'; CREATE USER evil IDENTIFIED BY 'pw';--",
      "1);create user `a`@`%` identified with mysql_native_password by 'x'",
      "1; ALTER USER root IDENTIFIED BY 'x'--",
      "CREATE USER bob IDENTIFIED BY 'secret';",
    ],
    benign: [
      "done; set password for your account",
      "Then; set password = your birthday",
      "create user identified by email",
      "How do I CREATE USER ... IDENTIFIED BY in MySQL?",
      "To reset; set password in the console",
      "We create user accounts identified by their e-mail",
    ],
  },
];

describeSqliGroups("sqli probes: attacks score >= 5, look-alikes stay below", groups, (v) => sqliScore(v));

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

// Probe shapes without SQL structure of their own count only from the paranoia level CRS gives them:
// at paranoia 1 a keyboard-row password, a markdown rule or a search cut after "and " must pass.
describe("sqli probe shapes of the higher paranoia levels", () => {
  const table: { value: string; from: number }[] = [
    { value: "!@#$%^&*()-=", from: 2 },
    { value: "(((((())))))", from: 2 },
    { value: "-------------------", from: 2 },
    { value: "!@#$%^", from: 3 },
    { value: "!@", from: 4 },
    { value: "' -", from: 4 },
    { value: "/Cm7 OR ", from: 1 }, // an arithmetic continuation leaving the condition open (rule 2036)
    { value: "/3 or ", from: 1 },
    { value: "x && ", from: 2 },
    { value: "cats or ", from: 2 }, // a search cut after "or ": only the paranoia 2 dangling-operator rule
    { value: "'16/17", from: 3 },
    { value: "\"` * 123", from: 3 },
    { value: "'\\2nq5", from: 3 },
  ];
  for (const { value, from } of table) {
    it(`${JSON.stringify(value)} counts from paranoia ${from}`, () => {
      if (from > 1) expect(sqliScore(value, from - 1)).toBeLessThan(5);
      expect(sqliScore(value, from)).toBeGreaterThanOrEqual(5);
    });
  }
  const benign: { value: string; upTo: number }[] = [
    { value: "!@#$%^&*()-", upTo: 2 }, // 11 symbols: CRS's own negative test for the 12-symbol rule
    { value: "---", upTo: 2 },
    { value: "P@ssw0rd!#", upTo: 4 }, // letters and digits: not a symbol-only value
    { value: "certain and", upTo: 4 }, // a search cut after "and", no blank awaiting more
    { value: "cats and dogs", upTo: 4 },
    { value: "/Business and", upTo: 4 },
    { value: "'1' not regexp '1'", upTo: 1 },
    { value: "`~1.2.3-beta.2` :=", upTo: 4 }, // a quoted literal, not a breakout
    { value: "'90s music", upTo: 2 },
    { value: "O'Brien 42", upTo: 4 },
  ];
  for (const { value, upTo } of benign) {
    it(`${JSON.stringify(value)} stays below 5 up to paranoia ${upTo}`, () => expect(sqliScore(value, upTo)).toBeLessThan(5));
  }
});
