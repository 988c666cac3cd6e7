// SQL injection tails other tools send after the application's number, and which no keyword list names:
// a statement stacked to list the schema or pick the database (`1;SHOW TABLES`, `1;DESC users`, `1;USE mysql`),
// a user variable assigned as the whole value (`@x:=1`, `@a:=(SELECT ...)`), one condition on a column or a call
// tested with IS [NOT] NULL, MySQL's `<=>` or an order comparison (`1 AND col IS NULL`, `col<=>1`,
// `1 OR foo(2)>1`, `1 AND len(x)>0--`), and a sort or paging clause (`created_at LIMIT 1`, `ORDER BY 1 LIMIT 1
// OFFSET 1`). Identifiers, numbers, spacing, case, comments and the carrier's encoding are drawn at random.
// Written for this test from the grammar of those statements, not from payload lists.
// And what users write with the same words and symbols (prose, sort parameters, maths, code, SQL-like
// English), which must pass.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";
import { carry, type Carrier } from "./sqli-tools.js";

const pick = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const letters = (r: R, n: number) => Array.from({ length: n }, () => String.fromCharCode(0x61 + r(26))).join("");
/**
 * A name a schema holds: a word, maybe with a `_` part or a digit (`abcd`, `user_id`, `tbl2`); four letters at least, so
 * that no draw spells a SQL or English function word (`as`, `or`, `the`), which no schema names a column.
 */
const name = (r: R) => {
  const w = letters(r, 4 + r(5));
  return pick(r, [w, `${w}_${letters(r, 2 + r(4))}`, `${w}${r(10)}`]);
};
/** A table alias as queries write them (not `a`, `i`: English words). */
const alias = (r: R) => pick(r, ["t", "u", "p", "c", "t1", "x", "o2", "usr"]);
/** A column no prose writes: with a `_`, qualified, or backticked. */
const sqlName = (r: R) => pick(r, [`${letters(r, 2 + r(6))}_${letters(r, 2 + r(5))}`, `${alias(r)}.${name(r)}`, `\`${name(r)}\``]);
const num = (r: R) => String(r(3) ? r(10) : r(10000));
const str = (r: R) => `'${letters(r, 1 + r(6))}'`;
const literal = (r: R) => (r(3) ? num(r) : str(r));
/** The application's number the value closes: `5`, `-5`, `5)`, `5))`. */
const lead = (r: R) => pick(r, [num(r), `-${1 + r(99)}`, `${num(r)})`, `${num(r)}))`]);
/** A comment cutting the application's query off (MySQL's `#` and `-- -`, any database's `--`). */
const cut = (r: R) => pick(r, ["--", "-- -", "--+", "#", "-- x"]);
const maybeCut = (r: R) => (r(2) ? cut(r) : "");
const and = (r: R) => pick(r, ["AND", "OR"]);

/** One tail: `sql` with `~` where a blank goes (spaced by the evasion) and the comment, if any, ending it. */
interface Shape { family: Family; sql: (r: R) => string }
export type Family = "stacked" | "assign" | "condition" | "clause";
const s = (family: Family, sql: (r: R) => string): Shape => ({ family, sql });

export const TAIL_SHAPES: Record<Family, Shape[]> = {
  stacked: [
    s("stacked", (r) => `${lead(r)};SHOW~${pick(r, ["", "FULL~"])}${pick(r, ["TABLES", "DATABASES", "SCHEMAS", "GRANTS", "PROCESSLIST", "VARIABLES"])}${maybeCut(r)}`),
    s("stacked", (r) => `${lead(r)};~SHOW~${pick(r, ["COLUMNS", "TABLES"])}~${pick(r, ["FROM", "IN"])}~${name(r)}${maybeCut(r)}`),
    s("stacked", (r) => `${lead(r)};SHOW~${pick(r, ["TABLES", "VARIABLES", "DATABASES"])}~LIKE~'%${letters(r, 1 + r(5))}%'${maybeCut(r)}`),
    s("stacked", (r) => `${lead(r)};${pick(r, ["DESC", "DESCRIBE"])}~${pick(r, [name(r), sqlName(r), `${name(r)}.${name(r)}`])}${maybeCut(r)}`),
    s("stacked", (r) => `${lead(r)};${pick(r, ["", "~"])}USE~${pick(r, [name(r), "mysql", "information_schema", "master"])}${pick(r, ["", ";", ";--", cut(r)])}`),
  ],
  assign: [
    s("assign", (r) => `@${name(r)}${pick(r, [":=", "~:=~"])}${literal(r)}${maybeCut(r)}`),
    s("assign", (r) => `@${name(r)}:=(SELECT~${name(r)}~FROM~${name(r)}~LIMIT~1)`),
    s("assign", (r) => `@${name(r)}:=@${name(r)}${maybeCut(r)}`),
  ],
  condition: [
    s("condition", (r) => `${lead(r)}~${and(r)}~${name(r)}~IS~${pick(r, ["", "NOT~"])}NULL${maybeCut(r)}`),
    s("condition", (r) => `${lead(r)}~${pick(r, ["AND", "OR", "&&", "||"])}~${sqlName(r)}~IS~${pick(r, ["", "NOT~"])}NULL${maybeCut(r)}`),
    s("condition", (r) => `${lead(r)}~${and(r)}~${name(r)}${pick(r, ["<=>", "~<=>~"])}${literal(r)}${maybeCut(r)}`),
    s("condition", (r) => `${name(r)}${pick(r, ["<=>", "~<=>~"])}${literal(r)}${maybeCut(r)}`),
    s("condition", (r) => `${lead(r)}~${and(r)}~${name(r)}(${literal(r)}${pick(r, ["", `,${literal(r)}`])})${pick(r, [">", "<", ">=", "<="])}${num(r)}${maybeCut(r)}`),
    s("condition", (r) => `${lead(r)}~${pick(r, ["AND", "OR", "&&", "||"])}~${name(r)}(${name(r)})${pick(r, [">", "<", ">=", "<="])}${num(r)}${cut(r)}`),
    s("condition", (r) => `${lead(r)}~${pick(r, ["AND", "OR", "&&", "||"])}~${name(r)}${pick(r, [">", "<", ">=", "<=", "~>~"])}${num(r)}${cut(r)}`),
  ],
  clause: [
    s("clause", (r) => `${sqlName(r)}~LIMIT~${num(r)}${maybeCut(r)}`),
    s("clause", (r) => `${name(r)}~LIMIT~${num(r)}${cut(r)}`),
    s("clause", (r) => `${pick(r, ["ORDER", "GROUP"])}~BY~${1 + r(20)}~LIMIT~${num(r)}${pick(r, ["", `~OFFSET~${num(r)}`, `,${num(r)}`])}${maybeCut(r)}`),
    s("clause", (r) => `ORDER~BY~${name(r)}~${pick(r, ["ASC", "DESC"])}~LIMIT~${num(r)}${maybeCut(r)}`),
    s("clause", (r) => `ORDER~BY~${1 + r(9)},${1 + r(9)}~LIMIT~${num(r)}~OFFSET~${num(r)}${maybeCut(r)}`),
  ],
};
export const FAMILIES = Object.keys(TAIL_SHAPES) as Family[];

/** How the blanks are written: spaces, tabs, line breaks, runs of them, or SQL comments. */
const BLANKS: [string, (r: R) => string][] = [
  ["space", () => " "],
  ["spaces", (r) => " ".repeat(1 + r(3))],
  ["tab", () => "\t"],
  ["newline", (r) => pick(r, ["\n", "\r\n"])],
  ["comment", (r) => pick(r, ["/**/", `/*${letters(r, 1 + r(5))}*/`])],
];
export const BLANK_NAMES = BLANKS.map(([n]) => n);
/** The letters' case: as written, lower, upper, or mixed at random (names too: SQL's words and names ignore case). */
const CASES: ((v: string, r: R) => string)[] = [
  (v) => v,
  (v) => v.toLowerCase(),
  (v) => v.toUpperCase(),
  (v, r) => v.replace(/[a-z]/gi, (c) => (r(2) ? c.toUpperCase() : c.toLowerCase())),
];

/** Where the value goes: a query or form parameter, a JSON string, a cookie, an application header or the User-Agent. */
export const TAIL_CARRIERS: Carrier[] = ["query", "form", "json", "cookie", "x-customer-id", "user-agent", "referer"];
const URL_CARRIERS: Carrier[] = ["query", "form", "cookie", "referer"];

export interface TailProbe { family: Family; k: number; blank: string; carrier: Carrier; value: string; req: Req }

export function tailProbe(families: Family[] = FAMILIES): fc.Arbitrary<TailProbe> {
  return fc.record({ seed: fc.nat(), f: fc.nat(families.length - 1), k: fc.nat(63), b: fc.nat(BLANKS.length - 1), c: fc.nat(TAIL_CARRIERS.length - 1) })
    .map(({ seed, f, k: k0, b, c }) => {
      const r = rng(seed);
      const family = families[f];
      const k = k0 % TAIL_SHAPES[family].length;
      const [blank, gap] = BLANKS[b];
      const carrier = TAIL_CARRIERS[c];
      // (a header holds one line: its line breaks arrive as tabs, as carry() writes them)
      const value = pick(r, CASES)(TAIL_SHAPES[family][k].sql(r), r).replace(/~/g, () => gap(r));
      const param = pick(r, ["id", "item", "page", "cat", "uid", "pid"]);
      return { family, k, blank, carrier, value, req: carry(value, carrier, URL_CARRIERS.includes(carrier) ? r(3) : 0, param) };
    });
}

// ---------------------------------------------------------------- look-alikes

/** Sentences with the tails' words: SHOW, DESC, USE after a `;`, IS NULL, LIMIT, ORDER BY, comparisons after a number. */
const PROSE = [
  "show tables in the UI; show more", "Step 1; show tables to the guests", "1; use the back door", "page 2; show more results",
  "3; describe your issue in a few words", "use mysql for this project", "desc: blue cotton shirt", "show databases and tables in the sidebar",
  "speed limit 50", "limit 1 per customer", "credit limit 1,000", "rate limit 10 per minute", "order by 1 pm for next-day delivery",
  "1 or more > 2 items", "version 1 and x>2", "10 and age>5", "2 and time is 5", "1 and total(price)>0", "-200 and scale > 2",
  "is null the same as empty?", "1 or nothing is better", "7; show me the way", "1;John;Smith;London", "2;use;case", "order by name",
  "group by age and city", "1 and more to come -- really", "speed limit 50 -- strictly enforced", "call me @ 5 or later",
];
/** Sort and paging parameters as applications take them. */
const SORTS = ["created_at desc", "name asc", "-updated_at", "price,desc", "created_at:desc", "u.name asc", "score DESC, id ASC", "sort_order", "10", "rank"];
/** Maths, comparisons and code users paste: spaceships, Pascal and Go assignments, chained comparisons. */
const CODE = [
  "a <=> b", "$a <=> $b", "x := 1", "count := count + 1", "1 < x and x > 5", "0 <= n", "2 && n <= 4", "1 && x != 1",
  "x >= 1 or y is null", "f(2)>1 holds for f = x^2", "@Override", "@media (max-width: 600px)", "@user: =)", "user@example.com",
];

export type LookalikeKind = "prose" | "sort" | "code";
const LOOKALIKES: Record<LookalikeKind, string[]> = { prose: PROSE, sort: SORTS, code: CODE };

/** A look-alike in a carrier where it is sent (sort keys under a sort parameter name); case drawn at random, as users type. */
export function tailLookalike(kinds: LookalikeKind[] = ["prose", "sort", "code"]): fc.Arbitrary<{ kind: LookalikeKind; value: string; req: Req }> {
  return fc.record({ seed: fc.nat(), k: fc.nat(kinds.length - 1), i: fc.nat(63), c: fc.nat(TAIL_CARRIERS.length - 1) }).map(({ seed, k, i, c }) => {
    const r = rng(seed);
    const kind = kinds[k];
    const list = LOOKALIKES[kind];
    const written = list[i % list.length];
    const value = r(4) ? written : pick(r, CASES)(written, r);
    const carrier = TAIL_CARRIERS[c];
    const param = kind === "sort" ? pick(r, ["sort", "orderBy", "order", "sort_by"]) : pick(r, ["q", "note", "comment", "title"]);
    return { kind, value, req: carry(value, carrier, URL_CARRIERS.includes(carrier) ? r(2) : 0, param) };
  });
}

export const LOOKALIKE_VALUES = [...PROSE, ...SORTS, ...CODE];
