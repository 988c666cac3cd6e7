// SQL injection as automated scanners send it: a payload built the way sqlmap-like tools
// build theirs (a boundary that closes the application's literal, a technique with random
// numbers and tags, a tail), then passed through a random chain of tamper transforms (the
// rewrites scanners apply to slip past filters: blanks, comments inside and around keywords,
// operator rewrites, function rewrites, character encodings) and placed where the tool puts
// it (query, form, cookie, JSON, X-Forwarded-For, User-Agent, Referer).
// test/engine/sqli-generated.test.ts has the hand-written SQL grammar; this file covers the
// transforms applied on top of a payload, which that grammar does not spell.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";


const tag = (r: R) => "0x7" + (1 + r(6)) + [0, 0, 0, 0].map(() => (0x61 + r(26)).toString(16)).join("") + "71";
const word = (r: R, n = 4) => Array.from({ length: n }, () => String.fromCharCode(0x61 + r(26))).join("");
const num = (r: R) => 1000 + r(9000);

/** Techniques, each a function of the random source: the SQL after the boundary's opening. */
const TECHNIQUES: ((r: R) => string)[] = [
  (r) => { const n = num(r); return `AND ${n}=${n}`; },
  (r) => { const n = num(r); return `OR ${n}=${n}`; },
  (r) => { const n = num(r); return `AND ${n}>${n - 1 - r(50)}`; },
  (r) => `AND SLEEP(${1 + r(9)})`,
  (r) => `AND (SELECT ${num(r)} FROM (SELECT(SLEEP(${1 + r(9)})))${word(r)})`,
  (r) => `OR (SELECT ${num(r)} FROM (SELECT(SLEEP(${1 + r(9)})))${word(r)})`,
  (r) => { const n = num(r); return `AND ${n}=BENCHMARK(${1 + r(9)}000000,MD5(0x${word(r, 4).split("").map((c) => c.charCodeAt(0).toString(16)).join("")}))`; },
  (r) => `AND GET_LOCK('${word(r)}',${1 + r(9)})`,
  (r) => `;SELECT PG_SLEEP(${1 + r(9)})--`,
  (r) => `;WAITFOR DELAY '0:0:${1 + r(9)}'--`,
  (r) => { const n = num(r); return `AND ${n}=(SELECT ${n} FROM PG_SLEEP(${1 + r(9)}))`; },
  (r) => { const n = num(r); return `AND ${n}=DBMS_PIPE.RECEIVE_MESSAGE(CHR(${65 + r(26)})||CHR(${65 + r(26)}),${1 + r(9)})`; },
  (r) => { const n = num(r); return `AND ${n}=LIKE(CHAR(65,66,67),UPPER(HEX(RANDOMBLOB(${1 + r(9)}00000000/2))))`; },
  (r) => `UNION ALL SELECT ${Array.from({ length: 1 + r(6) }, () => "NULL").join(",")},CONCAT(${tag(r)},0x${word(r, 6).split("").map((c) => c.charCodeAt(0).toString(16)).join("")},${tag(r)})-- -`,
  (r) => `UNION SELECT ${Array.from({ length: 2 + r(5) }, (_, k) => k + 1).join(",")}-- -`,
  (r) => { const n = num(r); return `AND EXTRACTVALUE(${n},CONCAT(0x5c,${tag(r)},(SELECT (ELT(${n}=${n},1))),${tag(r)}))`; },
  (r) => { const n = num(r); return `AND UPDATEXML(${n},CONCAT(0x2e,${tag(r)},(SELECT (ELT(${n}=${n},1))),${tag(r)}),${n})`; },
  (r) => { const n = num(r); return `AND ${n}=CONVERT(INT,(SELECT CHAR(113)+CHAR(${100 + r(20)})+(SELECT (CASE WHEN (${n}=${n}) THEN CHAR(49) ELSE CHAR(48) END))))`; },
  (r) => { const n = num(r); return `AND ${n}=CAST((CHR(113)||CHR(${100 + r(20)}))||(SELECT (CASE WHEN (${n}=${n}) THEN 1 ELSE 0 END))::text AS NUMERIC)`; },
  (r) => `OR 1 GROUP BY CONCAT(${tag(r)},(SELECT (CASE WHEN (${num(r)}=${num(r)}) THEN 1 ELSE 0 END)),FLOOR(RAND(0)*2)) HAVING MIN(0)#`,
  (r) => `AND ORD(MID((SELECT IFNULL(CAST(COUNT(DISTINCT(schema_name)) AS NCHAR),0x20) FROM INFORMATION_SCHEMA.SCHEMATA),${1 + r(5)},1))>${32 + r(90)}`,
  (r) => `AND SUBSTRING(VERSION(),1,1)=${5 + r(4)}`,
  (r) => `AND ASCII(SUBSTRING((SELECT password FROM users LIMIT 0,1),${1 + r(20)},1))>${32 + r(90)}`,
  (r) => `AND IFNULL(ASCII(SUBSTRING((SELECT CURRENT_USER()),${1 + r(9)},1)),0)>${32 + r(90)}`,
  (r) => `ORDER BY ${1 + r(20)}-- -`,
  (r) => { const n = num(r); return `RLIKE (SELECT (CASE WHEN (${n}=${n}) THEN 1 ELSE 0x28 END))`; },
  (r) => { const n = num(r); return `AND MAKE_SET(${n}=${n},${num(r)})`; },
  (r) => { const n = num(r); return `AND (SELECT (CASE WHEN (${n}=${n}) THEN NULL ELSE CAST('${word(r)}' AS NUMERIC) END)) IS NULL`; },
];

/** Boundaries: how the payload leaves the application's literal, and how it ends. */
const BOUNDARIES: [string, string][] = [
  ["", ""], ["", "-- -"], ["", "#"], ["'", "-- -"], ["'", "#"], ["'", " AND 'Q'='Q"], ["')", " AND ('Q'='Q"], [")", " AND (1=1"],
  ["\"", "-- -"], ["'))", "-- -"], ["%'", " AND '%'='"], ["'", "--+"], ["", ";--"],
];

/** Tamper transforms; `wire` ones spell bytes a URL decoder (or IIS) undoes, so only URL-decoded places carry them. */
interface Tamper { name: string; wire?: boolean; keep?: string; lines?: boolean; apply(s: string, r: R): string }
const KEYWORD = /\b(UNION|SELECT|AND|OR|FROM|WHERE|SLEEP|CONCAT|CASE|WHEN|THEN|ELSE|END|ORDER|BY|GROUP|HAVING|CAST|CONVERT|AS|INT|NULL|IFNULL|MID|SUBSTRING|ASCII|ORD|ALL|LIMIT)\b/g;
/** Replaces the blanks of the SQL; the one inside a closing `-- -` stays (it ends the comment, it separates nothing). */
const blanks = (s: string, f: (r: R) => string, r: R) => {
  const tail = s.endsWith("-- -") ? "-- -" : "";
  return s.slice(0, s.length - tail.length).replace(/ /g, () => f(r)) + tail;
};
const TAMPERS: Tamper[] = [
  { name: "space2comment", apply: (s, r) => blanks(s, () => "/**/", r) },
  { name: "space2randomblank", lines: true, apply: (s, r) => blanks(s, (q) => ["\t", "\n", "\f", "\r"][q(4)], r) },
  { name: "space2hash", lines: true, apply: (s, r) => blanks(s, (q) => `#${word(q, 1 + q(8))}\n`, r) },
  { name: "space2dash", lines: true, apply: (s, r) => blanks(s, (q) => `--${word(q, 1 + q(8))}\n`, r) },
  { name: "space2mysqldash", lines: true, apply: (s, r) => blanks(s, () => "--\n", r) },
  { name: "space2morecomment", apply: (s, r) => blanks(s, () => "/**_**/", r) },
  { name: "space2mssqlblank", lines: true, apply: (s, r) => blanks(s, (q) => String.fromCharCode([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 10][q(16)]), r) },
  { name: "multiplespaces", apply: (s, r) => blanks(s, (q) => " ".repeat(1 + q(4)), r) },
  { name: "randomcomments", apply: (s, r) => s.replace(KEYWORD, (k) => k.split("").map((c, i) => (i > 0 && r(3) === 0 ? "/**/" : "") + c).join("")) },
  { name: "versionedkeywords", apply: (s) => s.replace(/\b(UNION|SELECT|AND|OR|FROM|CONCAT|SLEEP|WHERE|ORDER|BY|CAST|CHAR|NULL)\b/g, "/*!$1*/") },
  { name: "versionedmorekeywords", apply: (s) => s.replace(KEYWORD, "/*!$1*/") },
  { name: "halfversionedmorekeywords", apply: (s) => s.replace(KEYWORD, "/*!0$1") },
  { name: "modsecurityversioned", apply: (s, r) => s.replace(/^(.*?)(-- -|#|--\+|;--)?$/s, (_, body: string, tail?: string) => `/*!${30000 + r(9999)}${body}*/${tail ?? ""}`) },
  { name: "modsecurityzeroversioned", apply: (s) => s.replace(/^(.*?)(-- -|#|--\+|;--)?$/s, (_, body: string, tail?: string) => `/*!00000${body}*/${tail ?? ""}`) },
  { name: "between", apply: (s) => s.replace(/(\w+|\))\s*>\s*(\d+)/g, "$1 NOT BETWEEN 0 AND $2").replace(/(\d+)=(\d+)/g, "$1 BETWEEN $2 AND $2") },
  { name: "greatest", apply: (s) => s.replace(/(\w+|\))>(\d+)/g, (_, a, b) => `GREATEST(${a},${Number(b) + 1})=${a}`) },
  { name: "least", apply: (s) => s.replace(/(\w+|\))>(\d+)/g, (_, a, b) => `LEAST(${a},${Number(b) + 1})=${Number(b) + 1}`) },
  { name: "equaltolike", apply: (s) => s.replace(/(\d+)=(\d+)/g, "$1 LIKE $2") },
  { name: "symboliclogical", apply: (s) => s.replace(/\bAND\b/g, "&&").replace(/\bOR\b/g, "||") },
  { name: "randomcase", apply: (s, r) => s.replace(/[A-Za-z]+/g, (w) => w.split("").map((c) => (r(2) ? c.toLowerCase() : c.toUpperCase())).join("")) },
  { name: "lowercase", apply: (s) => s.toLowerCase() },
  { name: "commalessmid", apply: (s) => s.replace(/MID\(\((.+?)\),(\d+),1\)/g, "MID(($1) FROM $2 FOR 1)").replace(/SUBSTRING\((.+?),(\d+),1\)/g, "SUBSTRING($1 FROM $2 FOR 1)") },
  { name: "commalesslimit", apply: (s) => s.replace(/LIMIT (\d+),(\d+)/g, "LIMIT $2 OFFSET $1") },
  { name: "concat2concatws", apply: (s) => s.replace(/CONCAT\(/g, "CONCAT_WS(MID(CHAR(0),0,0),") },
  { name: "ifnull2ifisnull", apply: (s) => s.replace(/IFNULL\(([^,()]+(?:\([^()]*\))?),([^()]+?)\)/g, "IF(ISNULL($1),$2,$1)") },
  { name: "ord2ascii", apply: (s) => s.replace(/ORD\(/g, "ASCII(") },
  { name: "substring2leftright", apply: (s) => s.replace(/SUBSTRING\(([^,]+),1,1\)/g, "LEFT($1,1)") },
  { name: "sleep2getlock", apply: (s) => s.replace(/SLEEP\((\d+)\)/g, "GET_LOCK('$1',$1)") },
  { name: "unionalltounion", apply: (s) => s.replace(/UNION ALL SELECT/g, "UNION SELECT") },
  { name: "0eunion", apply: (s) => s.replace(/(\d+) UNION/g, "$1e0UNION") },
  { name: "misunion", apply: (s) => s.replace(/-?\d* UNION/g, "-.1UNION") },
  { name: "informationschemacomment", apply: (s) => s.replace(/INFORMATION_SCHEMA\./g, "INFORMATION_SCHEMA/**/.") },
  { name: "escapequotes", apply: (s) => s.replace(/'/g, "\\'").replace(/"/g, "\\\"") },
  // (not after an ORDER BY probe: a column count probe is read by its short truncating tail)
  { name: "sp_password", apply: (s) => (/(-- -|#|--\+)$/.test(s) && !/ORDER\W[\s\S]{0,12}BY/i.test(s) ? s + "sp_password" : s) },
  { name: "plus2concat", apply: (s) => s.replace(/CHAR\((\d+)\)\+CHAR\((\d+)\)/g, "CONCAT(CHAR($1),CHAR($2))") },
  // encodings a URL decoder (or IIS) undoes: what the application reads is the SQL above
  { name: "charencode", wire: true, apply: (s) => Buffer.from(s, "latin1").toString("hex").replace(/../g, (h) => "%" + h.toUpperCase()) },
  { name: "chardoubleencode", wire: true, apply: (s) => Buffer.from(s, "latin1").toString("hex").replace(/../g, (h) => "%25" + h.toUpperCase()) },
  { name: "charunicodeencode", wire: true, apply: (s) => s.split("").map((c) => "%u00" + c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()).join("") },
  { name: "overlongutf8", wire: true, apply: (s) => s.replace(/[^A-Za-z0-9]/g, (c) => `%C0%${(c.charCodeAt(0) + 0x80).toString(16).toUpperCase()}`) },
  { name: "apostrophemask", wire: true, apply: (s) => s.replace(/'/g, "%EF%BC%87") },
  { name: "apostrophenullencode", wire: true, apply: (s) => s.replace(/'/g, "%00%27") },
  { name: "unmagicquotes", wire: true, apply: (s) => s.replace(/'/, "%BF%27").replace(/(-- -|#|--\+)?$/, "-- -") },
  { name: "appendnullbyte", wire: true, apply: (s) => s + "%00" },
  { name: "percentage", wire: true, keep: "%", apply: (s) => s.replace(/[A-Za-z]/g, "%$&") },
  { name: "space2plus", wire: true, keep: "+", apply: (s) => s.replace(/ /g, "+") },
];

/** Escapes for the wire what a query or form value cannot hold raw; `%XX` escapes a tamper wrote stay as they are. */
function wire(s: string, keep: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = ch.charCodeAt(0);
    if (keep.includes(ch)) out += ch;
    else if (c <= 0x20 || c >= 0x7f || "%&#+;=\"'<>\\`{}|^".includes(ch)) out += "%" + Buffer.from(ch, "latin1").toString("hex").toUpperCase().padStart(2, "0");
    else out += ch;
  }
  return out;
}

export type TamperPlace = "query" | "form" | "cookie" | "json" | "xff" | "user-agent" | "referer";
const URL_PLACES: TamperPlace[] = ["query", "form", "cookie"];
const ALL_PLACES: TamperPlace[] = [...URL_PLACES, "json", "xff", "user-agent", "referer"];

function request(place: TamperPlace, value: string, keep: string): Req {
  const host: [string, string] = ["host", "shop.local"];
  const w = wire(value, keep);
  switch (place) {
    case "query": return { path: `/product.php?id=${w}&cat=2`, headers: [host] };
    case "form": return { method: "POST", path: "/login.php", headers: [host, ["content-type", "application/x-www-form-urlencoded"]], body: `user=${w}&pass=x` };
    case "cookie": return { path: "/", headers: [host, ["cookie", `PHPSESSID=abc123; id=${w}`]] };
    case "json": return { method: "POST", path: "/api/items", headers: [host, ["content-type", "application/json"]], body: JSON.stringify({ id: value }) };
    case "xff": return { path: "/", headers: [host, ["x-forwarded-for", value.replace(/[\r\n]/g, " ")]] };
    case "user-agent": return { path: "/", headers: [host, ["user-agent", value.replace(/[\r\n]/g, " ")]] };
    case "referer": return { path: "/", headers: [host, ["referer", `https://shop.local/product.php?id=${w}`]] };
  }
}

export interface TamperedSqli { value: string; tampers: string[]; place: TamperPlace; req: Req }

/** A scanner payload with one to three tampers, in a place that carries what the tampers wrote. */
export function tamperedSqli(places: TamperPlace[] = ALL_PLACES): fc.Arbitrary<TamperedSqli> {
  return fc.record({ seed: fc.nat(), t: fc.nat(TECHNIQUES.length - 1), b: fc.nat(BOUNDARIES.length - 1), open: fc.constantFrom("1", "-1", "", "x", "42"), tampers: fc.array(fc.nat(TAMPERS.length - 1), { minLength: 1, maxLength: 3 }), place: fc.constantFrom(...places) }).map(({ seed, t, b, open, tampers, place }) => {
    const r = rng(seed);
    const [pre, post] = BOUNDARIES[b];
    const body = TECHNIQUES[t](r);
    // a technique with its own ending (`-- -`, `;...--`) keeps it; a numeric boundary needs no blank before `;`
    const tail = /(-- -|#|--)$/.test(body) ? "" : post;
    let value = `${open}${pre}${body.startsWith(";") ? "" : " "}${body}${tail}`;
    // one wire-level tamper at most, applied last (as the others edit SQL, not escapes), and only where URL decoding happens
    const chosen = tampers.map((k) => TAMPERS[k]);
    // a header holds no line break: tampers that end comments with one cannot be sent there
    const textual = chosen.filter((x) => !x.wire && !(x.lines && !URL_PLACES.includes(place) && place !== "json"));
    const wired = URL_PLACES.includes(place) ? chosen.filter((x) => x.wire).slice(0, 1) : [];
    for (const x of textual) value = x.apply(value, r);
    const clear = value;
    for (const x of wired) value = x.apply(value, r);
    return { value: wired.length ? value : clear, tampers: [...textual, ...wired].map((x) => x.name), place, req: request(place, value, wired.length ? "%" + (wired[0].keep ?? "") : "") };
  });
}

export const TAMPER_NAMES = TAMPERS.map((t) => t.name);

/** Text with SQL words that clients send encoded the same ways: form-encoded cookies (`+` for blanks), odd percent signs, case. */
const BENIGN_TEXT = [
  "Please select the items from the list", "order by date or by price", "union station at 5", "1 and 2 are both fine", "select all that apply",
  "100% cotton, 50% off", "Tom & Jerry", "drop-off between 5 and 6", "where is my order #1234?", "Update: sleep 8 hours", "or else, 10% more",
  "rock-n-roll 1950-1970", "D'Angelo ordered 3 items", "the best of 2 or 3", "between 1 and 1000 units", "like it or not",
];
const BENIGN_FORMS: [(s: string) => string, string][] = [
  [(s) => s.replace(/ /g, "+"), "+"], // form-encoded, as a cookie written by a server-side form helper
  [(s) => encodeURIComponent(s), "%"],
  [(s) => s.replace(/%/g, "%25").replace(/ /g, "+"), "%+"],
  [(s) => s.toUpperCase().replace(/ /g, "+"), "+"],
  [(s) => s, ""],
];
export const tamperBenign: fc.Arbitrary<{ value: string; place: TamperPlace; req: Req }> = fc
  .record({ text: fc.constantFrom(...BENIGN_TEXT), form: fc.nat(BENIGN_FORMS.length - 1), place: fc.constantFrom<TamperPlace>("query", "form", "cookie", "user-agent") })
  .map(({ text, form, place }) => {
    const [encode, keep] = BENIGN_FORMS[form];
    const value = encode(text);
    return { value, place, req: request(place, value, keep) };
  });
