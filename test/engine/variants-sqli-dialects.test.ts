// SQL injection in each database's own probe vocabulary (test/support/variants/sqli-dialects.ts):
// MSSQL WAITFOR/CONVERT errors, Oracle DBMS_PIPE/UTL_INADDR/CTXSYS/ORDSYS and 1DUNION, PostgreSQL
// pg_sleep and casts, SQLite RANDOMBLOB, MySQL EXTRACTVALUE/UPDATEXML/ELT/EXP, stacked queries; in
// queries, forms, JSON strings and numbers, cookies (`+` blanks, `||` encoded), headers and Referers.
// And prose with the same words (sleep, wait for delay, convert, cast, 1 || 2), which passes.
import { expect, it } from "vitest";
import fc from "fast-check";
import { inspect } from "../support/engine.js";
import { placed } from "../support/variants/positions.js";
import { dialectSqli, dialectBenign, DIALECT_NAMES } from "../support/variants/sqli-dialects.js";
import { describeFamily } from "../support/variants/check.js";

const SEED = 20261128;

describeFamily("SQL injection in each dialect's vocabulary", {
  blocks: [
    ["every dialect probe wherever the scanner puts it", dialectSqli, 800],
  ],
  passes: [
    ["prose with the dialects' words", placed(dialectBenign, ["query", "form", "json", "header", "cookie"]), 300],
  ],
}, (h) => {
  it("draws every dialect", () => {
    const seen = new Set(fc.sample(dialectSqli, { seed: SEED, numRuns: 200 }).map((a) => a.dialect));
    expect(DIALECT_NAMES.filter((d) => !seen.has(d))).toEqual([]);
  });

  it.each([
    ["`+` blanks around an encoded `||` in a cookie", { headers: [["host", "a"], ["cookie", "id=-1+%7C%7C+8185=8185"]] }],
    ["`+` blanks around a raw `||` in a cookie", { headers: [["host", "a"], ["cookie", "id=-1+||+8185=8185"]] }],
    ["`+` blanks in a Referer's query", { headers: [["host", "a"], ["referer", "https://a/p?id=1+%7C%7C+42=42"]] }],
    ["an Oracle double literal glued to UNION", { path: "/items?id=1DUNION%20SELECT%20NULL%20FROM%20DUAL--" }],
    ["a stacked SELECT of a dollar-quoted string joined to a function", { path: "/items?id=1;SELECT%20$$ab$$||CURRENT_USER--" }],
    ["a stacked SELECT of a string joined to a function", { path: "/items?id=1;SELECT%20'ab'||CURRENT_USER--" }],
    ["a routine fed a subquery, compared with a literal", { path: "/items?id=1%20AND%207=pkg_x.fn_y((SELECT%20user%20FROM%20dual),1)" }],
  ] as [string, { path?: string; headers?: [string, string][] }][])("blocks %s", (_, req) => {
    expect(inspect(h(), req).score).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ["a sum with `+` and a pipe in a cookie", { headers: [["host", "a"], ["cookie", "f=1+2|3"]] }],
    ["base64 with `+` in a cookie", { headers: [["host", "a"], ["cookie", "t=ab+cd||ef=="]] }],
    ["dollar signs around a price", { path: "/s?q=save%20$$%2010%20$$%20today;%20select%20'gold'%20or%20silver" }],
    ["3D in a product name", { path: "/s?q=3D%20union%20jack%20print" }],
    ["a formula on a bracketed term", { path: "/s?q=x%20and%201=f((a%2Bb),2)" }],
  ] as [string, { path?: string; headers?: [string, string][] }][])("passes %s", (_, req) => {
    expect(inspect(h(), req).score).toBeLessThan(5);
  });
});
