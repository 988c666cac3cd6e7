// SQL injection crossed three ways, written for this test from SQL's grammar and each database's documented functions,
// not from payload lists: the context the value lands in (a bare number, a number in parentheses, a single- or
// double-quoted string, a string in parentheses, a LIKE pattern, an IN list, an ORDER BY expression, a backticked
// sort column), the technique (boolean inference, an error that prints data, a delay, UNION, a stacked statement) in
// one database's vocabulary (MySQL, PostgreSQL, MSSQL, Oracle, SQLite), and an evasion of the tail (comments,
// vertical tabs, MySQL's 0xA0 or tabs for blanks, random case, numbers in scientific notation, strings as hex or
// CHAR() literals, keywords glued to parentheses). Carried in a query, form, JSON, cookie, the headers a scanner
// tries at its higher levels (X-Forwarded-For, User-Agent, Referer, an application's X- header), and a GraphQL
// argument or variable. And what users send with the same words and symbols, which must pass.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";

const pick = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const letters = (r: R, n: number) => Array.from({ length: n }, () => String.fromCharCode(0x61 + r(26))).join("");
const col = (r: R) => pick(r, ["id", "price", "name", "created_at", "u.email", "qty", "status"]);
const tbl = (r: R) => pick(r, ["users", "accounts", "orders", "admin_users", "members"]);
const secs = (r: R) => 2 + r(9);

export type Dialect = "mysql" | "pg" | "mssql" | "oracle" | "sqlite";
export type Technique = "boolean" | "error" | "time" | "union" | "stacked";
export const TECHNIQUES: Technique[] = ["boolean", "error", "time", "union", "stacked"];

/** How literals are written: the evasion may spell a number in scientific notation and a string as hex or CHAR(). */
interface Lit { n(v: number): string; s(v: string): string }
/** A technique's shape: a condition (`cond`, joined with AND/OR), or a tail that ends the query (`union`, `stack`). */
interface Shape { d: Dialect; j: "cond" | "union" | "stack"; sql: (r: R, l: Lit) => string }
const s = (d: Dialect, j: Shape["j"], sql: Shape["sql"]): Shape => ({ d, j, sql });

export const CROSSED_SHAPES: Record<Technique, Shape[]> = {
  boolean: [
    s("mysql", "cond", (r, l) => { const a = 100 + r(900); return `${l.n(a)}=${l.n(a)}`; }),
    s("mysql", "cond", (r, l) => { const a = 2 + r(90); return `${l.n(a)}>${l.n(a - 1)}`; }),
    s("pg", "cond", (r, l) => { const a = 2 + r(90); return `${l.n(a)} BETWEEN ${l.n(a - 1)} AND ${l.n(a + 1)}`; }),
    s("mysql", "cond", (r, l) => `${col(r)}${pick(r, [">", "<", ">=", "<=", "<>"])}${l.n(r(100))}`),
    s("pg", "cond", (r, l) => `${col(r)} ${pick(r, ["", "NOT "])}BETWEEN ${l.n(r(10))} AND ${l.n(10 + r(100))}`),
    s("mysql", "cond", (r, l) => `ASCII(SUBSTRING(${pick(r, ["database()", "user()", "@@version"])},${l.n(1 + r(9))},1))>${l.n(40 + r(80))}`),
    s("pg", "cond", (r, l) => `ASCII(SUBSTR(current_user,${l.n(1 + r(9))},1))>${l.n(40 + r(80))}`),
    s("mssql", "cond", (r, l) => `UNICODE(SUBSTRING(DB_NAME(),${l.n(1 + r(9))},1))>${l.n(40 + r(80))}`),
    s("oracle", "cond", (r, l) => `ASCII(SUBSTR((SELECT user FROM dual),${l.n(1 + r(9))},1))>${l.n(40 + r(80))}`),
    s("sqlite", "cond", (r, l) => `substr(sqlite_version(),1,1)=${l.s("3")}`),
    s("mysql", "cond", (r, l) => `(SELECT COUNT(*) FROM ${tbl(r)})>${l.n(r(9))}`),
    s("pg", "cond", (r, l) => `EXISTS(SELECT 1 FROM ${tbl(r)} WHERE ${col(r)}=${l.s(letters(r, 5))})`),
    s("mysql", "cond", (r, l) => { const v = letters(r, 1 + r(5)); return `${l.s(v)}=${l.s(v)}`; }),
    s("mssql", "cond", (r, l) => `${col(r)} ${pick(r, ["", "NOT "])}IN (${l.n(r(50))},${l.n(50 + r(50))})`),
  ],
  error: [
    s("mysql", "cond", (r, l) => `EXTRACTVALUE(${l.n(r(9999))},CONCAT(0x7e,(SELECT ${pick(r, ["version()", "user()", "database()"])})))`),
    s("mysql", "cond", (r, l) => `UPDATEXML(${l.n(1)},CONCAT(0x7e,${pick(r, ["user()", "@@version"])}),${l.n(1)})`),
    s("mysql", "cond", () => "EXP(~(SELECT * FROM (SELECT user())x))"),
    s("mysql", "cond", (r) => `(SELECT 1 FROM (SELECT COUNT(*),CONCAT(version(),FLOOR(RAND(0)*2))x FROM ${pick(r, ["information_schema.tables", tbl(r)])} GROUP BY x)y)`),
    s("mysql", "cond", () => "GTID_SUBSET(CONCAT(0x7e,(SELECT user())),1)"),
    s("pg", "cond", (r, l) => `${l.n(1)}=CAST(${pick(r, ["version()", "current_user", "(SELECT current_database())"])} AS ${pick(r, ["int", "numeric"])})`),
    s("pg", "cond", (r, l) => `${l.n(1)}=(SELECT ${pick(r, ["version()", "current_user"])})::int`),
    s("mssql", "cond", (r, l) => `${l.n(1)}=CONVERT(int,${pick(r, ["@@version", "DB_NAME()", "SYSTEM_USER", "(SELECT TOP 1 name FROM sysobjects)"])})`),
    s("oracle", "cond", (r, l) => `${l.n(1)}=CTXSYS.DRITHSX.SN(1,(SELECT ${pick(r, ["user", "banner"])} FROM ${pick(r, ["dual", "v$version"])}))`),
    s("oracle", "cond", (r, l) => `${l.n(1)}=TO_NUMBER((SELECT user FROM dual))`),
    s("sqlite", "cond", (r, l) => `${l.n(1)}=abs(-9223372036854775808)`),
  ],
  time: [
    s("mysql", "cond", (r, l) => `SLEEP(${l.n(secs(r))})`),
    s("mysql", "cond", (r, l) => `(SELECT ${l.n(r(9999))} FROM (SELECT(SLEEP(${l.n(secs(r))})))${letters(r, 4)})`),
    s("mysql", "cond", (r, l) => `BENCHMARK(${l.n(1000000 * secs(r))},MD5(${l.s("x")}))`),
    s("mysql", "cond", (r, l) => `IF(${l.n(1)}=${l.n(1)},SLEEP(${l.n(secs(r))}),0)`),
    s("pg", "cond", (r, l) => { const a = r(9999); return `${l.n(a)}=(SELECT ${l.n(a)} FROM PG_SLEEP(${l.n(secs(r))}))`; }),
    s("pg", "cond", (r, l) => `${l.n(1)}=(CASE WHEN (${l.n(1)}=${l.n(1)}) THEN (SELECT 1 FROM pg_sleep(${l.n(secs(r))})) ELSE 1 END)`),
    s("oracle", "cond", (r, l) => `${l.n(r(9999))}=DBMS_PIPE.RECEIVE_MESSAGE(${l.s(letters(r, 4))},${l.n(secs(r))})`),
    s("sqlite", "cond", (r, l) => `${l.n(1)}=LIKE(${l.s("ABCDEFG")},UPPER(HEX(RANDOMBLOB(${l.n(100000000 * secs(r))}/2))))`),
    s("mssql", "stack", (r) => `WAITFOR DELAY '0:0:${secs(r)}'`),
    s("mssql", "stack", (r, l) => `IF(${l.n(1)}=${l.n(1)}) WAITFOR DELAY '0:0:${secs(r)}'`),
  ],
  union: [
    s("mysql", "union", (r) => `UNION ALL SELECT ${Array.from({ length: 1 + r(6) }, () => "NULL").join(",")}`),
    s("mysql", "union", (r, l) => `UNION SELECT ${l.n(1)},${pick(r, ["@@version", "user()", "database()"])},${l.n(3)}`),
    s("pg", "union", (r) => `UNION SELECT NULL,${pick(r, ["version()", "current_user", "current_database()"])}`),
    s("mssql", "union", (r) => `UNION ALL SELECT NULL,${pick(r, ["@@version", "DB_NAME()", "SYSTEM_USER"])},NULL`),
    s("oracle", "union", (r) => `UNION SELECT NULL,${pick(r, ["banner", "user"])} FROM ${pick(r, ["v$version", "dual"])}`),
    s("sqlite", "union", () => "UNION SELECT name,sql FROM sqlite_master"),
    s("mysql", "union", (r) => `UNION SELECT ${pick(r, ["username,password", "email,pass"])} FROM ${tbl(r)}`),
  ],
  stacked: [
    s("mysql", "stack", (r, l) => `SELECT SLEEP(${l.n(secs(r))})`),
    s("mysql", "stack", (r) => `DROP TABLE ${tbl(r)}`),
    s("mysql", "stack", (r, l) => `INSERT INTO ${tbl(r)}(name,role) VALUES(${l.s(letters(r, 5))},${l.s("admin")})`),
    s("mysql", "stack", (r, l) => `UPDATE ${tbl(r)} SET role=${l.s("admin")} WHERE id=${l.n(1 + r(99))}`),
    s("pg", "stack", (r, l) => `SELECT PG_SLEEP(${l.n(secs(r))})`),
    s("pg", "stack", (r) => `CREATE TABLE ${letters(r, 5)}(t text);COPY ${letters(r, 5)} FROM PROGRAM 'id'`),
    s("mssql", "stack", (r) => `EXEC master..xp_cmdshell 'ping ${letters(r, 6)}.example'`),
    s("mssql", "stack", () => "DECLARE @v varchar(99);SET @v=@@version;SELECT @v"),
    s("oracle", "stack", (r) => `BEGIN DBMS_LOCK.SLEEP(${secs(r)}); END;`),
    s("sqlite", "stack", (r) => `ATTACH DATABASE '/var/www/${letters(r, 5)}.php' AS ${letters(r, 3)}`),
  ],
};

// ---------------------------------------------------------------- contexts

/** How the value closes the application's literal and how its tail ends: `(cut)` a comment, `balance` reopens what it closed. */
interface Context { name: string; quote: string; open(r: R): string; balance(r: R): string }
const CUT = { mysql: ["-- -", "#", "--+", "-- "], other: ["-- -", "--"] };
export const CONTEXTS: Context[] = [
  { name: "numeric", quote: "", open: (r) => pick(r, [`${1 + r(99)}`, `-${1 + r(99)}`]), balance: () => "" },
  { name: "numeric-paren", quote: "", open: (r) => `${1 + r(99)})`, balance: (r) => { const x = r(99); return ` AND (${x}=${x}`; } },
  { name: "single-quoted", quote: "'", open: (r) => `${letters(r, 4)}'`, balance: (r) => { const x = letters(r, 1 + r(3)); return ` AND '${x}'='${x}`; } },
  { name: "double-quoted", quote: "\"", open: (r) => `${letters(r, 4)}"`, balance: (r) => { const x = letters(r, 1 + r(3)); return ` AND "${x}"="${x}`; } },
  { name: "paren-quoted", quote: "'", open: (r) => `${letters(r, 4)}')`, balance: (r) => { const x = letters(r, 1 + r(3)); return ` AND ('${x}'='${x}`; } },
  { name: "like", quote: "'", open: (r) => `${letters(r, 3)}%'`, balance: () => " AND '%'='" },
  { name: "in-list", quote: "", open: (r) => `${1 + r(9)},${10 + r(90)})`, balance: (r) => { const x = r(99); return ` AND (${x}=${x}`; } },
  { name: "order-by", quote: "", open: () => "", balance: () => "" },
  { name: "backtick", quote: "`", open: (r) => `${pick(r, ["id", "price", "name"])}\``, balance: () => "" },
];
export const CONTEXT_NAMES = CONTEXTS.map((c) => c.name);

// ---------------------------------------------------------------- evasions

interface Evasion { name: string; mysql?: boolean; lit?: (d: Dialect) => Lit; apply?: (sql: string, r: R) => string }
const plainLit: Lit = { n: (v) => String(v), s: (v) => `'${v}'` };
const hex = (v: string) => "0x" + Buffer.from(v).toString("hex");
const codes = (v: string) => [...v].map((c) => c.charCodeAt(0));
/** A string as the dialect spells it with character codes. */
function charLit(d: Dialect): Lit {
  const s = (v: string) => d === "mysql" || d === "sqlite" ? `CHAR(${codes(v).join(",")})`
    : d === "mssql" ? codes(v).map((c) => `CHAR(${c})`).join("+") : codes(v).map((c) => `CHR(${c})`).join("||");
  return { n: plainLit.n, s };
}
const blanks = (f: (r: R) => string) => (sql: string, r: R) => sql.replace(/ /g, () => f(r));
const EVASIONS: Evasion[] = [
  { name: "none" },
  { name: "comment-blanks", apply: blanks((r) => pick(r, ["/**/", `/*${letters(r, 1 + r(5))}*/`])) },
  { name: "tab-blanks", apply: blanks(() => "\t") },
  { name: "vt-blanks", mysql: true, apply: blanks(() => "\u000b") },
  { name: "a0-blanks", mysql: true, apply: blanks(() => "\u00a0") },
  { name: "newline-blanks", apply: blanks((r) => pick(r, ["\n", "\r\n"])) },
  { name: "random-case", apply: (sql, r) => sql.replace(/[a-z]/gi, (c) => (r(2) ? c.toUpperCase() : c.toLowerCase())) },
  { name: "scientific", mysql: true, lit: () => ({ n: (v) => `${v}e0`, s: plainLit.s }) },
  { name: "hex-strings", mysql: true, lit: () => ({ n: plainLit.n, s: hex }) },
  { name: "char-strings", lit: charLit },
  // AND(...) OR(...) UNION(SELECT ...): a keyword glued to the parenthesis its operand opens
  { name: "paren-keywords", mysql: true },
];
export const EVASION_NAMES = EVASIONS.map((e) => e.name);

// ---------------------------------------------------------------- carriers

export type Carrier = "query" | "form" | "json" | "cookie" | "x-forwarded-for" | "user-agent" | "referer" | "x-filter" | "graphql-arg" | "graphql-var";
export const CARRIERS: Carrier[] = ["query", "form", "json", "cookie", "x-forwarded-for", "user-agent", "referer", "x-filter", "graphql-arg", "graphql-var"];
const URL_CARRIERS: Carrier[] = ["query", "form", "cookie", "referer"];
/** Percent-encoding as browsers and tools write it; MySQL's 0xA0 blank travels as the single byte %A0. */
const enc = (v: string) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase()).replace(/%C2%A0/g, "%A0");
const WIRES = [enc, (v: string) => enc(v).replace(/%20/g, "+"), (v: string) => enc(v).replace(/%/g, "%25")];
const gqlString = (v: string) => JSON.stringify(v);

function carry(value: string, carrier: Carrier, wire: number, name: string): Req {
  const h: [string, string] = ["host", "api.example"];
  const v = WIRES[wire % WIRES.length](value);
  const json: [string, string] = ["content-type", "application/json"];
  switch (carrier) {
    case "query": return { path: `/v1/products?${name}=${v}&limit=20`, headers: [h] };
    case "form": return { method: "POST", path: "/v1/search", headers: [h, ["content-type", "application/x-www-form-urlencoded"]], body: `${name}=${v}&page=1` };
    case "json": return { method: "POST", path: "/v1/search", headers: [h, json], body: JSON.stringify({ [name]: value, page: 1 }) };
    case "cookie": return { path: "/", headers: [h, ["cookie", `theme=dark; ${name}=${v}`]] };
    case "referer": return { path: "/", headers: [h, ["referer", `https://api.example/v1/products?${name}=${v}`]] };
    case "graphql-arg": return { method: "POST", path: "/graphql", headers: [h, json], body: JSON.stringify({ query: `query { products(${name}: ${gqlString(value)}, first: 10) { id name } }` }) };
    case "graphql-var": return { method: "POST", path: "/graphql", headers: [h, json], body: JSON.stringify({ query: `query P($v: String) { products(${name}: $v) { id } }`, variables: { v: value } }) };
    // a header holds one line: its line breaks arrive as tabs
    default: return { path: "/", headers: [h, [carrier, value.replace(/\r?\n/g, "\t")]] };
  }
}

// ---------------------------------------------------------------- probes

export interface CrossedProbe { family: Technique; k: number; dialect: Dialect; context: string; evasion: string; carrier: Carrier; value: string; req: Req }

/**
 * The value a context, a shape and an evasion make: the evasion applies to the SQL after the boundary, never to the
 * boundary itself or to the comment that cuts the query off (`-- -` split by a line break is no comment).
 */
function compose(r: R, ctx: Context, shape: Shape, ev: Evasion): string {
  const l = ev.lit ? ev.lit(shape.d) : plainLit;
  const sql = shape.sql(r, l);
  const e = (x: string) => (ev.apply ? ev.apply(x, r) : x);
  const paren = ev.name === "paren-keywords";
  const logic = pick(r, ["AND", "OR", ...(shape.d === "mysql" ? ["&&", "||"] : [])]);
  const cut = pick(r, shape.d === "mysql" ? CUT.mysql : CUT.other);
  if (ctx.name === "order-by" || ctx.name === "backtick") {
    // only an expression fits a sort position: a CASE or IF on the condition, or a second sort key; a stacked statement ends it
    const lead = ctx.name === "backtick" ? ctx.open(r) : `${col(r)}${pick(r, ["", " ASC", " DESC"])}`;
    if (shape.j === "cond") {
      const expr = e(pick(r, [`(CASE WHEN ${sql} THEN ${col(r)} ELSE ${col(r)} END)`, ...(shape.d === "mysql" ? [`IF(${sql},${col(r)},${col(r)})`] : []), `(${sql})`]));
      return ctx.name === "backtick" ? `${lead},${expr}${cut}` : r(2) ? expr : `${lead},${expr}`;
    }
    return shape.j === "stack" ? `${lead}${e(`;${sql}`)}${pick(r, ["", ";", cut])}` : `${lead}${e(` LIMIT 1 ${sql}`)}${cut}`;
  }
  if (shape.j === "cond") return ctx.open(r) + e(paren ? ` ${logic}(${sql})` : ` ${logic} ${sql}`) + (r(2) ? cut : e(ctx.balance(r)));
  if (shape.j === "union") return ctx.open(r) + e(` ${paren ? sql.replace(/^UNION (ALL )?SELECT /, "UNION $1(SELECT ") + ")" : sql}`) + cut;
  return ctx.open(r) + e(`;${sql}`) + pick(r, ["", ";", cut]);
}

export function crossedProbe(techniques: Technique[] = TECHNIQUES): fc.Arbitrary<CrossedProbe> {
  return fc.record({
    seed: fc.nat(), t: fc.nat(techniques.length - 1), k: fc.nat(63), x: fc.nat(CONTEXTS.length - 1), e: fc.nat(EVASIONS.length - 1), c: fc.nat(CARRIERS.length - 1),
  }).map(({ seed, t, k: k0, x, e, c }) => {
    const r = rng(seed);
    const family = techniques[t];
    const k = k0 % CROSSED_SHAPES[family].length;
    const shape = CROSSED_SHAPES[family][k];
    const ctx = CONTEXTS[x];
    const carrier = CARRIERS[c];
    let ev = EVASIONS[e];
    // MySQL-only spellings stay with MySQL; a header holds no 0xA0 byte a URL's %A0 would give
    if ((ev.mysql && shape.d !== "mysql") || (ev.name === "a0-blanks" && !URL_CARRIERS.includes(carrier))) ev = EVASIONS[0];
    const value = compose(r, ctx, shape, ev);
    const name = ctx.name === "order-by" || ctx.name === "backtick" ? pick(r, ["sort", "orderBy", "order"]) : pick(r, ["id", "q", "category", "sku", "user"]);
    return { family, k, dialect: shape.d, context: ctx.name, evasion: ev.name, carrier, value, req: carry(value, carrier, URL_CARRIERS.includes(carrier) ? r(3) : 0, name) };
  });
}

// ---------------------------------------------------------------- look-alikes

/** Prose about SQL, as a support thread or a changelog writes it (no statement of its own). */
const PROSE = [
  "use BETWEEN 1 AND 10 for ranges", "sleep 8 hours and drink water", "union members vote on Friday", "drop me a line at 5",
  "select all that apply; we will call you", "waitfor the next release", "insert the tab into slot 2", "price > 100 and in stock",
  "ages 5 and up", "order 2 or 3 boxes", "1 or 2 spoons of sugar", "the char limit is 280", "case study: union pacific",
  "no limit 5 per day applies", "limit 10 per user", "select your country", "1 and only", "between you and me",
  "speed limit 50", "Speed Limit 50", "no limit 5", "10 and age>5", "3 or rating>=4", "2 and price between 10 and 20",
];
/** Sort, filter and paging values as list APIs take them. */
const API = [
  "price desc", "-created_at", "name,-price", "created_at:desc", "score DESC, id ASC", "age>18", "price<=100", "qty>=2",
  "status:active", "created_at>2024-01-01", "rating gte 4", "20", "10,20", "id,name,email", "in_stock eq true", "title asc nulls last",
];
/** Names with apostrophes and quotes, and code pasted into a comment or issue field. */
const NAMES = ["O'Brien", "D'Angelo-Smith", "Mary-Kate O'Neil", "Renée L'Heureux", "\"Buzz\" Aldrin", "The Dude's rug", "Jo's Café & Bar"];
const CODE = [
  "if (a > 1 && b < 2) return;", "for (i = 0; i < n; i++) sum += x[i];", "x = y || 'default'", "const ok = n >= 1 && n <= 10;",
  "where a.b > 2 holds, see section 4", "SELECT statements are logged at debug level", "SQL's LIMIT clause caps the rows",
  "def f(x): return x * 2  # doubles x", "<p>Hello O'Brien</p>", "WHERE clauses go before ORDER BY", "(length(name) > 20)",
  "(count(*)>1)", "(sum(total)>=100)",
];
export type LookalikeKind = "prose" | "api" | "name" | "code";
const LOOKALIKES: Record<LookalikeKind, string[]> = { prose: PROSE, api: API, name: NAMES, code: CODE };
export const LOOKALIKE_VALUES = [...PROSE, ...API, ...NAMES, ...CODE];

/** A look-alike where it is sent: sort and filter values under their parameter names, the rest in any carrier. */
export function crossedLookalike(kinds: LookalikeKind[] = ["prose", "api", "name", "code"]): fc.Arbitrary<{ kind: LookalikeKind; value: string; req: Req }> {
  return fc.record({ seed: fc.nat(), k: fc.nat(kinds.length - 1), i: fc.nat(63), c: fc.nat(CARRIERS.length - 1) }).map(({ seed, k, i, c }) => {
    const r = rng(seed);
    const kind = kinds[k];
    const list = LOOKALIKES[kind];
    const value = list[i % list.length];
    // (code goes in a comment or issue field: a form, JSON or GraphQL value, not a cookie or a header)
    const carrier = kind === "code" ? pick(r, ["form", "json", "graphql-var", "graphql-arg"] as Carrier[]) : CARRIERS[c];
    const name = kind === "api" ? pick(r, ["sort", "filter", "order_by", "limit", "fields"]) : kind === "name" ? pick(r, ["name", "author"]) : pick(r, ["q", "comment", "body", "note"]);
    return { kind, value, req: carry(value, carrier, URL_CARRIERS.includes(carrier) ? r(2) : 0, name) };
  });
}
