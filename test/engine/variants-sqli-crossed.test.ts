// SQL injection crossed three ways (test/support/variants/sqli-crossed.ts): the context the value lands in (number, number
// in parentheses, single- or double-quoted string, quoted string in parentheses, LIKE pattern, IN list, ORDER BY expression,
// backticked sort column) x the technique in one database's vocabulary (boolean, error, time, UNION, stacked) x an evasion
// (comment, tab, vertical-tab, 0xA0 or line-break blanks, random case, scientific notation, hex and CHAR() strings, keywords
// glued to parentheses), carried in a query, form, JSON, cookie, X-Forwarded-For, User-Agent, Referer, an X- header, a
// GraphQL argument or variable. And prose about SQL, API sort/filter/limit values, names with apostrophes and code, which pass.
import { expect, it } from "vitest";
import fc from "fast-check";
import { inspect } from "../support/engine.js";
import {
  crossedProbe, crossedLookalike, CROSSED_SHAPES, CONTEXT_NAMES, EVASION_NAMES, CARRIERS, LOOKALIKE_VALUES, type CrossedProbe,
} from "../support/variants/sqli-crossed.js";
import { describeFamily, assertFloor, assertEveryShape } from "../support/variants/check.js";

const SEED = 20261129;

/**
 * Left alone: a column's order, range or list test (boolean shapes 3, 4 and 13: `qty>77`, `name NOT BETWEEN 1 AND 75`,
 * `id IN (1,2)`) where nothing
 * but the column and the literal says SQL, as users write filters and code:
 * - in parentheses as the whole sort expression or a sort list item (`(qty>77)`, ``id`,(name BETWEEN 1 AND 9)-- -``)
 *   where no parameter name says the value is a sort key (a header, a GraphQL argument or variable, a Referer's query): a
 *   filter expression has the same shape (`filter=(age>18)`);
 * - after `&&` or `||` (`-17 && name>=99`): code writes `1 && x > 2`;
 * - with the words and the column in random case (`18 oR iD Not BETwEEN 5 ANd 89`): the style rule wants SQL's capitals
 *   beside a name in small letters, and prose gets upper-cased.
 * Each is detected when a comment cuts the query off, and in the other contexts and spellings.
 */
const leftAlone = (a: CrossedProbe) => a.family === "boolean" && (a.k === 3 || a.k === 4 || a.k === 13) &&
  (((a.context === "order-by" || a.context === "backtick") && !NAMED.includes(a.carrier)) || /&&|\|\|/.test(a.value) || a.evasion === "random-case");
/** The carriers whose parameter name the engine reads with the value (sort, orderBy, order). */
const NAMED = ["query", "form", "json", "cookie"];

describeFamily("SQL injection crossed: context x technique x evasion", {
  passes: [["prose about SQL, API sort and filter values, names with apostrophes and code", crossedLookalike(), 1500]],
}, (h) => {
  // 99.8% at SEED over 3000 draws (7 misses, all left alone; 84 = 2.8% at the branch point), measured 2026-11-29
  it("blocks at least 99% and misses nothing outside the shapes left alone", () => assertFloor(h(), crossedProbe(), 3000, SEED, 0.99, leftAlone));

  it("draws every shape, context, evasion and carrier", () => {
    assertEveryShape(crossedProbe(), CROSSED_SHAPES, 3000, SEED);
    const xs = fc.sample(crossedProbe(), { seed: SEED, numRuns: 1500 });
    expect(CONTEXT_NAMES.filter((c) => !xs.some((a) => a.context === c))).toEqual([]);
    expect(EVASION_NAMES.filter((e) => !xs.some((a) => a.evasion === e))).toEqual([]);
    expect(CARRIERS.filter((c) => !xs.some((a) => a.carrier === c))).toEqual([]);
  });

  it("lets every look-alike through as a query value and a header", () => {
    for (const v of LOOKALIKE_VALUES) {
      expect(inspect(h(), { path: `/search?q=${encodeURIComponent(v)}` }).score, v).toBeLessThan(5);
      expect(inspect(h(), { path: "/", headers: [["host", "a"], ["x-note", v]] }).score, v).toBeLessThan(5);
    }
  });

  // the shapes this generator found missed, each written once as a tool sends it
  const q = (v: string) => ({ path: `/item?id=${encodeURIComponent(v)}` });
  const header = (name: string, v: string) => ({ path: "/", headers: [["host", "a"], [name, v]] as [string, string][] });
  const cookie = (v: string) => ({ path: "/", headers: [["host", "a"], ["cookie", `id=${v}`]] as [string, string][] });
  it.each([
    // a column's order or range test after the value's number, SQL's capitals beside a name in small letters, no comment
    "1 AND col>1", "1 AND price<5", "1 OR qty>=2", "1 AND col<>1", "1 AND col BETWEEN 1 AND 2", "1 AND id NOT BETWEEN 4 AND 58",
    "1 OR col IN (1,2)", "7) AND status NOT IN (0,1)-- -",
    // ... after an IN list it closes, cut off or balanced by a tautology in the application's `(`
    "1,35) AND id NOT BETWEEN 4 AND 58-- -", "5,35) AND created_at<=77 AND (2=2", "11) AND name NOT BETWEEN 7 AND 67--",
    // BETWEEN's two bounds are one comparison (CASE WHEN ... THEN)
    "name`,(CASE WHEN 34 BETWEEN 33 AND 35 THEN price ELSE id END)--", "1 AND 5 BETWEEN 1 AND 9",
    // a condition in parentheses opening the value or a sort list item
    "(1=CONVERT(int,@@version))", "status DESC,(1=CAST(version() AS numeric))", "created_at,(ASCII(SUBSTRING(database(),1,1))>63)",
    "(89 BETWEEN 88 AND 90)", "price`,(1=CTXSYS.DRITHSX.SN(1,(SELECT user FROM dual)))-- -",
    // a qualified routine's call is one operand (CASE WHEN 1=pkg.fn(...) THEN)
    "id`,(CASE WHEN 1=CTXSYS.DRITHSX.SN(1,(SELECT user FROM dual)) THEN name ELSE price END)--",
    // a lone column, then LIMIT in capitals
    "price LIMIT 1", "email LIMIT 1",
  ])("blocks %j as a query value, an X-Forwarded-For and a User-Agent", (v) => {
    expect(inspect(h(), q(v)).score).toBeGreaterThanOrEqual(5);
    expect(inspect(h(), header("x-forwarded-for", v)).score).toBeGreaterThanOrEqual(5);
    expect(inspect(h(), header("user-agent", v)).score).toBeGreaterThanOrEqual(5);
  });

  // sqli/tokenizer.ts: a `+` right after the quote a breakout closes is a blank too (the byte before the scan's start)
  it.each([
    ["`'+OR+` in a cookie", cookie("nlwh%27+OR+price+BETWEEN+4+AND+88--+-")],
    ["`'+OR+` in a Referer's query", header("referer", "https://a.example/p?id=x%27+OR+price>4--+-")],
  ])("blocks %s", (_, req) => {
    expect(inspect(h(), req).score).toBeGreaterThanOrEqual(5);
  });

  it.each([
    // the same shapes as people write them: small letters, capitals throughout, code's `&&`, a function of prose, a title
    "10 and age>5", "10 AND AGE>5", "-200 aNd SCaLe > 2", "1 && x > 2", "1 and total(price)>0", "2 and price between 10 and 20",
    "speed limit 50", "Speed Limit 50", "SPEED LIMIT 50", "no limit 5", "(2*3=6)", "x, (a > b)", "O'Brien and sons",
    // a filter or a formula in parentheses: a function of a name compared, no call inside it
    "(length(name) > 20)", "(count(*)>1)", "(upper(x)='A')", "a, (max(x)=1)", "(sum(a)=10)", "(len(s)>3)",
  ])("passes %j as a query value and a header", (v) => {
    expect(inspect(h(), q(v)).score).toBeLessThan(5);
    expect(inspect(h(), header("x-note", v)).score).toBeLessThan(5);
  });
  // in a header, whatever its name, a plain word then LIMIT n counts only as SQL writes it (X-Sort: speed limit 50 is prose)
  it.each([["x-sort", "price LIMIT 1"], ["x-order-by", "name LIMIT 10"], ["x-sort", "created_at limit 1"]])("blocks %s: %j", (name, v) => {
    expect(inspect(h(), header(name, v)).score).toBeGreaterThanOrEqual(5);
  });
  it.each([["x-sort", "name desc"], ["x-sort", "-created_at"], ["x-sort", "speed limit 50"], ["ratelimit", "limit=100, remaining=50, reset=5"],
    ["x-ratelimit-limit", "100"], ["x-note", "price limit 1"], ["referer", "https://a.example/help?q=speed+limit+50"]])("passes %s: %j", (name, v) => {
    expect(inspect(h(), header(name, v)).score).toBeLessThan(5);
  });
  // a column's test in parentheses as a sort expression: a clause in a parameter named for a sort key, a filter elsewhere
  const param = (name: string, v: string) => ({ path: `/items?${name}=${encodeURIComponent(v)}` });
  it.each([["sort", "(qty>77)"], ["orderBy", "created_at,(price<=3)"], ["order", "id,(name IN (1,2))"], ["sort", "(u.email NOT BETWEEN 2 AND 29)"]])(
    "blocks %s=%j", (name, v) => {
      expect(inspect(h(), param(name, v)).score).toBeGreaterThanOrEqual(5);
    });
  it.each([["filter", "(age>18)"], ["q", "(qty>77)"], ["sort", "name desc"], ["sort", "(name)"], ["fields", "(a, b)"]])("passes %s=%j", (name, v) => {
    expect(inspect(h(), param(name, v)).score).toBeLessThan(5);
  });

  // the carriers a scanner tries at its higher levels, and GraphQL, each once with the shapes above
  const gql = (body: unknown) => ({ method: "POST", path: "/graphql", headers: [["host", "a"], ["content-type", "application/json"]] as [string, string][], body: JSON.stringify(body) });
  it.each([
    ["a GraphQL string argument", gql({ query: `{ user(id: "1' OR '1'='1") { name } }` })],
    ["a GraphQL variable", gql({ query: "query U($id: ID!) { user(id: $id) { name } }", variables: { id: "1 AND col>1" } })],
    ["a GraphQL sort argument", gql({ query: `{ products(sort: "price LIMIT 1") { id } }` })],
    ["X-Forwarded-For", header("x-forwarded-for", "10.0.0.1' AND (SELECT 1 FROM (SELECT SLEEP(5))a)-- -")],
    ["a User-Agent", header("user-agent", "Mozilla/5.0 (X11; Linux x86_64)' AND 1=CONVERT(int,@@version)-- -")],
    ["a Referer's query", header("referer", "https://a.example/list?sort=name%60,(1=CAST(version()+AS+int))--+-")],
    ["an X- header", header("x-customer-id", "7) AND qty BETWEEN 1 AND 9")],
    ["a cookie", cookie("5,9)+AND+created_at<=7--+-")],
  ])("blocks SQL in %s", (_, req) => {
    expect(inspect(h(), req).score).toBeGreaterThanOrEqual(5);
  });
  it.each([
    ["a GraphQL query with arguments and a filter", gql({ query: `{ users(filter: {age_gt: 18}, orderBy: "price DESC", first: 10) { id name } }` })],
    ["a GraphQL variable holding a name", gql({ query: "query U($n: String) { user(name: $n) { id } }", variables: { n: "O'Brien" } })],
    ["a browser's User-Agent", header("user-agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36")],
    ["a proxy chain", header("x-forwarded-for", "203.0.113.7, 10.0.0.1")],
  ])("passes %s", (_, req) => {
    expect(inspect(h(), req).score).toBeLessThan(5);
  });

  it("passes `O'Brien+and+sons` in a cookie", () => {
    expect(inspect(h(), cookie("O%27Brien+and+sons")).score).toBeLessThan(5);
  });
});
