// SQL grammar generalisations the generated variants (sqli-generated.test.ts) asked for:
// no-break spaces as blanks, route parameters in the path read on their own, PostgreSQL COPY as
// a stacked statement, function results compared by LIKE. Attacks must block at PL1, look-alikes not.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, sqliScore as score } from "../support/engine.js";
import { describeSqliGroups, type SqliGroup } from "../support/sqli-groups.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const sqliScore = (value: string): number => score(h, value);
const query = (encoded: string) => inspect(h, { path: `/items?id=${encoded}&sort=asc`, headers: [["host", "shop.local"]] });
const path = (encoded: string) => inspect(h, { path: `/items/${encoded}/reviews`, headers: [["host", "shop.local"]] });

describe("a no-break space (lone 0xA0 byte, or UTF-8 C2 A0) is a blank between SQL words", () => {
  const attacks = [
    "1%A0union%A0select%A01,2", "x%27%A0or%A01=1--%A0-", "1%A0and%A0sleep(5)", "1%C2%A0union%C2%A0select%C2%A0user(),2",
    "%27%A0OR%A0TRUE;--", "%25%22%A0AnD%A0%40%40version%A0LIkE%A0CHAR(53%2C37)--%20-",
  ];
  for (const a of attacks) it(`attack ${a}`, () => expect(query(a).attack).toBe(true));
  const benign = ["Caf%C3%A9%C2%A0union%C2%A0station", "10%C2%A0km%C2%A0or%C2%A0more", "O%27Brien%A0and%A0sons", "%C3%A0%A0la%A0carte"];
  for (const b of benign) it(`benign ${b}`, () => expect(query(b).attack).toBe(false));
});

describe("a path segment is read as a route parameter on its own", () => {
  const attacks = ["1%3B%09SHUTDOWN", "-1%2F*x*%2F%2F*!AND*%2F%2F*x*%2F3-2%3D1", "1.%09%2F*!and*%2F%093-2%3D1", "1%20or%201%3D1"];
  for (const a of attacks) it(`attack /items/${a}/reviews`, () => expect(path(a).attack).toBe(true));
  const benign = ["2024-05-01", "o%27brien-and-sons", "a%2Bb%3Dc", "12%3B%20see%20notes", "*", "v1.2"];
  for (const b of benign) it(`benign /items/${b}/reviews`, () => expect(path(b).attack).toBe(false));
});

describe("grammar: PostgreSQL COPY and function results compared by LIKE", () => {
  const attacks = [
    "1)); COPY (SELECT 'x') TO PROGRAM 'nslookup x'", "1; copy users to '/tmp/u'", "x'; COPY t FROM PROGRAM 'id'--",
    "1 or char(120) like char(120)#", "1 and ascii(user()) like 114",
  ];
  for (const a of attacks) it(`attack ${JSON.stringify(a)}`, () => expect(sqliScore(a)).toBeGreaterThanOrEqual(5));
  const benign = ["ok; copy users to the list", "copy (select all) to clipboard", "Copy from the book; then copy to your notes", "turn right and left(x) like this"];
  for (const b of benign) it(`benign ${JSON.stringify(b)}`, () => expect(sqliScore(b)).toBeLessThan(5));
});

describe("grammar: GRANT and REVOKE of SQL privileges on SQL objects, stacked or opening the value", () => {
  const attacks = [
    "1;GRANT ALL ON db.* TO evil", "1; REVOKE ALL ON db.* FROM admin", "GRANT ALL PRIVILEGES ON *.* TO 'evil'@'%'",
    "x';GRANT SELECT, INSERT ON app.users TO evil;--", "1;grant all on board to 'bob'", "x'; revoke all on *.* from root#",
  ];
  for (const a of attacks) it(`attack ${JSON.stringify(a)}`, () => expect(sqliScore(a)).toBeGreaterThanOrEqual(5));
  // no SQL privilege, or neither an object written as SQL's nor a quoted account
  const benign = [
    "Grant all on Tuesday to the new hires", "please grant all on the wiki to me; thanks", "we agreed; grant access on Monday to interns",
    "Thanks; revoke all on the old board from Ann", "ok; grant select on board to members",
  ];
  for (const b of benign) it(`benign ${JSON.stringify(b)}`, () => expect(sqliScore(b)).toBeLessThan(5));
});

const groups: SqliGroup[] = [
  {
    name: "breakout, then an adjacent string the application's quote closes (no letters in it)",
    attacks: ["7' ' 2", "x' '5", "id' ' 10"],
    benign: ["it's '9' 1", "the Jones' 'best' cars", "rock 'n' roll", "'twas '90s"],
  },
  {
    name: "breakout, then only symbols and a truncating comment",
    attacks: ["' ? # = #", "x'? # -", "admin' ! --"],
    benign: ["what's up? #tag", "it's ok? #yes", "O'Brien #1 fan club"],
  },
  {
    name: "a row of literals opening with a quoted string and closing on a number",
    attacks: ["'xyz', 0x2b", "'row', (7)", "' ', 12", "'', '', '', 4", "'a', NULL, 3"],
    benign: ["'a', b, c", "'red', 'blue'", "'Hello', world 5", "'5', 'x'", "'quoted' 5"],
  },
  {
    name: "boolean operator, then a quoted literal glued to a name",
    attacks: ["and '7'field_name", "or 'x'col", "&& '1'a"],
    benign: ["and 'rock'n'roll", "and 'hello' world", "or 'maybe' not"],
  },
  {
    name: "alias whose FROM ends the value, after a symbol",
    attacks: ["; As not from", "! As' from", "; as x from", ", as `t` from"],
    benign: ["Wow! As seen from space", "; as seen from the hill", "Known as Bob from accounting", "Wow! As 'sweet"],
  },
  {
    name: "stacked SELECT whose rest the application's query supplies",
    attacks: ["; select", "1; SELECT", "x'; select"],
    benign: ["select", "Step 2: select", "choose; selected", "; selection"],
  },
  {
    name: "arithmetic continuation ending in a dangling boolean operator",
    attacks: ["/3 or ", "/abc_1 AND ", "*2 and ", "%7 or "],
    benign: ["/r/aww and ", "3 or ", "/3 or 4", "cats and ", "/ or ", "a/3 or "],
  },
  {
    name: "comparisons the generator spelled differently: SOUNDS LIKE, NOT(...), literals in parentheses",
    attacks: ["1) OR 1 SOUNDS LIKE 1;--", "-1 OR NOT(1=2);--", "1 AND(1)=(1)-- -", "x or ((2))=((2))", "1 or not (('a')<>('b'))"],
    benign: ["it sounds like 1 to me", "1 and (2) = (2) more", "rock and (roll) = (fun)", "not (1=2) is math", "x or (2) = y"],
  },
  {
    name: "numeric contexts: parentheses or a sign before the clause, LIMIT ... INTO a variable, SQLite heavy calls",
    attacks: ["1)) ORDER BY 3;--", "-1 LIMIT 1 INTO @x#", "2) GROUP BY 1,2-- -", "1 AND RANDOMBLOB(100000000)"],
    benign: ["-5 and so on", "1) order by date please", "limit 1 into the box", "randomblob"],
  },
  {
    // `name LIMIT 1` is SQL's style (a name in small letters, LIMIT in capitals); prose has a limit (`speed limit 50`,
    // `Speed Limit 50`, `SPEED LIMIT 50`), not an order and a limit
    name: "a sort or paging tail after a number or a sort column: ASC/DESC, LIMIT n,n, LIMIT ... OFFSET, ORDER BY name then more",
    attacks: [
      "1 ORDER BY 1 DESC-- -", "1 ORDER BY 1,2,3 DESC", "1 ORDER BY name LIMIT 1", "1 ORDER BY name DESC", "1 LIMIT 1 OFFSET 0", "3 OFFSET 1",
      "name DESC LIMIT 1", "price ASC LIMIT 5", "id LIMIT 1,1", "email LIMIT 0,1", "created_at LIMIT 1 OFFSET 1", "u.name DESC LIMIT 1",
      "updated_at DESC, id ASC LIMIT 10", "x' DESC LIMIT 1-- -", "name LIMIT 1", "price LIMIT 1",
    ],
    benign: [
      "speed limit 50", "credit limit 1,000", "rate limit 100", "age limit 18 and over", "Speed Limit 50", "SPEED LIMIT 50", "name desc", "updated_at DESC, id ASC",
      "score desc, name asc", "1 ORDER BY name", "1 group by region", "no limit 1", "limit 10", "desc limit", "O'Brien desc",
    ],
  },
  {
    name: "a system variable as the whole condition, a signed literal compared",
    attacks: ["1 AND @@innodb_version", "1 OR @@version-- -", "1 OR -1=-1", "1 OR +1=+1", "2) AND -3=-3"],
    benign: ["reply to @@ -1,4 +1,5 @@ and more", "1 and @@ fix", "3 or -2", "1 or - 1", "x = -1 and y = 2"],
  },
];

describe("a quoted route parameter in the path is read as a quote context", () => {
  const attacks = ["admin%27%23", "admin%27--", "admin%27)%20--%20-", "admin%27%2F*", "x%22%20or%201%3D1--"];
  for (const a of attacks) it(`attack /items/${a}/reviews`, () => expect(path(a).attack).toBe(true));
  const benign = ["O%27Brien%27s_law", "it%27s-a-test", "%22quoted%22-title", "rock%20%27n%27%20roll", "files/*"];
  for (const b of benign) it(`benign /items/${b}/reviews`, () => expect(path(b).attack).toBe(false));
});

describeSqliGroups("grammar: SQL fragments at the edges of the value", groups, (v) => sqliScore(v));

describe("an arithmetic continuation with a dangling operator, after a `name=` that arrived encoded in one name", () => {
  const form = (body: string) =>
    inspect(h, { method: "POST", path: "/post", headers: [["host", "h"], ["content-type", "application/x-www-form-urlencoded"]], body });
  it("blocks `q%3D%2F7+and+` (the name `q=/7 and `)", () => expect(form("q%3D%2F7+and+").attack).toBe(true));
  it("lets `q%3Dcats+and+` through (a search cut after `and `)", () => expect(form("q%3Dcats+and+").attack).toBe(false));
});

describe("form-encoded runs of `+` between words are blanks", () => {
  it("blocks `1++OR++1=1` in a percent-encoded query value", () => expect(query("1++OR++1%3D1").attack).toBe(true));
  it("blocks `x%27++OR++%27a%27%3D%27a`", () => expect(query("x%27++OR++%27a%27%3D%27a").attack).toBe(true));
  it("lets `C%2B%2B++or++Java` through (a language search)", () => expect(query("C%2B%2B++or++Java").attack).toBe(false));
});

// A value that opens with AND/OR and an operand counts when a comparison follows; IN, IS and BETWEEN the value
// ends on take a list, a NULL or bounds that the application's closing quote cannot supply (LIKE and `=` take it).
describe("a leading boolean operator before an operator the value ends on", () => {
  it.each(["and results in", "or rebuild is", "and fitness in", "And results in", "or later between"])("lets %j through", (v) => {
    expect(sqliScore(v)).toBeLessThan(5);
  });
  it.each(["and x in (select 1)", "and x is null", "or x like", "or x between 1 and 2", "and x =", "' or x in (1,2)"])("blocks %j", (v) => {
    expect(sqliScore(v)).toBeGreaterThanOrEqual(5);
  });
});
