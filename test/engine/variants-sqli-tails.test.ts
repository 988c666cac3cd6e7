// SQL injection tails after the application's number that no keyword list names (test/support/variants/sqli-tails.ts):
// statements stacked to list the schema or pick the database (;SHOW TABLES, ;DESC t, ;USE db), a user variable assigned
// as the whole value (@x:=1), one condition on a column or call with IS [NOT] NULL, `<=>` or an order comparison cut off by
// a comment (1 AND col IS NULL, col<=>1, 1 OR foo(2)>1, 1 AND col>1--), and sort or paging clauses (created_at LIMIT 1,
// ORDER BY 1 LIMIT 1 OFFSET 1); random names, numbers, blanks, case, comments and encodings, in queries, forms, JSON,
// cookies, headers and Referers. And the same words and symbols as users write them (prose, sort parameters, maths,
// code), which pass.
import { expect, it } from "vitest";
import fc from "fast-check";
import { inspect } from "../support/engine.js";
import { tailProbe, tailLookalike, TAIL_SHAPES, BLANK_NAMES, TAIL_CARRIERS, LOOKALIKE_VALUES, type TailProbe } from "../support/variants/sqli-tails.js";
import { describeFamily, assertFloor, assertEveryShape } from "../support/variants/check.js";

const SEED = 20261129;

/**
 * Left alone: `&&` in a Referer's query. The engine reads a Referer's query as the page's parameters after decoding it,
 * so an encoded `&&` (%26%26) splits the value there (`id=1 ` and `& col>1--`); `AND` and `||` in the same place are read.
 */
const leftAlone = (a: TailProbe) => a.carrier === "referer" && a.value.includes("&&");

describeFamily("SQL injection tails after the application's value", {
  passes: [["their words and symbols in prose, sort parameters, maths and code", tailLookalike(), 1500]],
}, (h) => {
  // 99.6% at SEED over 3000 draws (the 13 misses all `&&` in a Referer), measured 2026-11-29
  it("blocks at least 99% and misses nothing outside the shapes left alone", () => assertFloor(h(), tailProbe(), 3000, SEED, 0.99, leftAlone));

  it("draws every shape, blank and carrier", () => {
    assertEveryShape(tailProbe(), TAIL_SHAPES, 2000, SEED);
    const xs = fc.sample(tailProbe(), { seed: SEED, numRuns: 600 });
    expect(BLANK_NAMES.filter((b) => !xs.some((a) => a.blank === b))).toEqual([]);
    expect(TAIL_CARRIERS.filter((c) => !xs.some((a) => a.carrier === c))).toEqual([]);
  });

  it("lets every look-alike through as a query value and a header", () => {
    for (const v of LOOKALIKE_VALUES) {
      expect(inspect(h(), { path: `/search?q=${encodeURIComponent(v)}` }).score, v).toBeLessThan(5);
      expect(inspect(h(), { path: "/", headers: [["host", "a"], ["x-note", v]] }).score, v).toBeLessThan(5);
    }
  });

  // the shapes the brief of this generator named, each written once as a tool sends it
  const q = (v: string) => ({ path: `/item?id=${encodeURIComponent(v)}` });
  const header = (v: string) => ({ path: "/", headers: [["host", "a"], ["x-customer-id", v]] as [string, string][] });
  it.each([
    "1;SHOW TABLES", "1;SHOW DATABASES", "1);show full tables--", "1;SHOW COLUMNS FROM users-- -", "-1;DESCRIBE users", "1;DESC users--",
    "1;USE mysql", "1));use appdb;--", "@x:=1", "@a:=(select password from users limit 1)", "1 AND col IS NULL", "1 AND col IS NOT NULL--",
    "col<=>1", "1 AND col<=>1", "1 OR foo(2)>1", "1 AND len(x)>0--", "1 AND col>1--", "created_at LIMIT 1", "price LIMIT 1-- -",
    "`name` LIMIT 1", "u.id LIMIT 1", "ORDER BY 1 LIMIT 1 OFFSET 1", "GROUP BY 2 DESC LIMIT 1",
  ])("blocks %j as a query value and a header", (v) => {
    expect(inspect(h(), q(v)).score).toBeGreaterThanOrEqual(5);
    expect(inspect(h(), header(v)).score).toBeGreaterThanOrEqual(5);
  });

  // sqli/tokenizer.ts: in a form-encoded value `+` is a blank next to `: ; < = >` and before `||` after a run of `+`, too
  const cookie = (v: string) => ({ headers: [["host", "a"], ["cookie", `id=${v}`]] as [string, string][] });
  it.each([
    ["`;+USE` stacked in a cookie", cookie("1%3B+USE+mysql")],
    ["`+:=+` assigning in a cookie", cookie("%40x+%3A%3D+1")],
    ["`+>+` comparing in a cookie", cookie("6+OR+pr_id+%3E+2%23")],
    ["a run of `+` before `||` in a cookie", cookie("3%29+++%7C%7C+++a_b+IS+NULL%23")],
    ["`+` after a backticked name in a cookie", cookie("%60name%60+LIMIT+1")],
  ])("blocks %s", (_, req) => {
    expect(inspect(h(), req).score).toBeGreaterThanOrEqual(5);
  });
  it.each([
    ["a compound assignment in a cookie", cookie("x+=1")],
    ["base64 with `+=` padding in a cookie", cookie("YWJj+=")],
    ["a sum in a cookie", cookie("1+2%3D3")],
  ])("passes %s", (_, req) => {
    expect(inspect(h(), req).score).toBeLessThan(5);
  });
});
