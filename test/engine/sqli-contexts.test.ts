// SQL injection in the contexts the grammar learnt to read: statements after stray symbols,
// row inserts under any verb, escaped-quote breakouts, stray comment ends, form-encoded `+`,
// calls slipped behind symbols, quoted routine names, and form bodies split at a raw `=`.
// Each table has attacks (score >= 5 at PL1) and the benign look-alikes that must stay below.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, sqliScore as score } from "../support/engine.js";
import { describeSqliGroups, type SqliGroup } from "../support/sqli-groups.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const sqliScore = (value: string): number => score(h, value);

const groups: SqliGroup[] = [
  {
    // a word after SELECT's danger-function name makes the name a column with an alias
    name: "SELECT of a danger function, or of a column so named",
    attacks: ["select sleep", "select sleep(5)", "select sleep 5"],
    benign: ["select sleep the order Sean O'Brien", "select benchmark results for the team"],
  },
  {
    // UPDATE needs SET: a line comment that ends the statement before it leaves a syntax error
    name: "stacked UPDATE cut by a comment before its SET",
    attacks: [";update users", "x; update users set role='admin'--", "1; UPDATE t SET a=1 #", "1; update/**/users/**/set a=1--"],
    benign: ["the; update blue -- the", "the; update meeting order -- the", "order; update tomorrow -- order"],
  },
  {
    // SQL glues no `:` to a keyword (a bind variable stands apart, `::` casts, `:=` assigns)
    name: "a keyword given a value with `:` is a name (GraphQL arguments, YAML keys)",
    attacks: ["1 union select :a, 2--", "1 union select 1::text--", "' union select @a:=1--"],
    benign: ["{ count(select: $o) { order } concat(order: $order) { x } }", "count(select: $orderOrder) { order }", "select: true\norder: desc"],
  },
  {
    name: "statement after a stray symbol",
    attacks: ["/CREATE TABLE Persons", ">SET @OLD_SQL_NOTES", "/drop table users", ";set @x", ";SET @ = 1"],
    // SET needs a variable: a lone `@` names none (crs-942210-26)
    benign: ["/create a table for the guests", ">set the table", "/ drop me a line", "-- set your alarm", ";set @"],
  },
  {
    name: "row insert under any verb (INSERT, REPLACE)",
    attacks: [
      ";REPLACE/*test*/test/*test*/(id, name) VALUES (1, 'test');",
      "1; replace into users (id, role) values (1, 'admin')",
      "x; INSERT INTO t SELECT * FROM secrets",
      "VALUES ('192.168.0.1', 'test')",
    ],
    benign: [
      "replace the filter; replace it (values may vary)",
      "values (see below) and more",
      "Our values (honesty, courage) matter",
      "s.replace(/a/g, 'b'); values(x)",
    ],
  },
  {
    name: "escaped quote opening the value",
    attacks: ["\\'and", "\\`or`1", "\\\"1 or 1-", "\\' or 1=1--"],
    benign: ["He said \\\"or else\\\"", "don\\'t or won\\'t", "\\'quoted\\' and more", "it\\'s and that\\'s"],
  },
  {
    name: "stray comment end standing in for a space",
    attacks: ["SeLect*/ 1,2,3,user(", "select*/1,2"],
    benign: ["select*/ from the menu", "/* note */ select one", "Select */ the best"],
  },
  {
    name: "breakout, then a terminated comparison or a literal list",
    attacks: ["'glob 1;", "' like 2--", "', 2, 1", "x', 'a', 3--"],
    benign: ["'Like' button", "the Jones', 2 cars", "it's like 5 o'clock", "'a', b, c", "rock 'n' roll, 2 tickets"],
  },
  {
    name: "function name, symbols, then its call",
    attacks: ["day&'(", "in '$(", "length&&!!!$(", "left')?$(", ", FIND_IN_SET('22', Category )", "count]+(\"x"],
    // a `[` after the name opens a regex class or an index
    benign: ["day & night (2)", "in the end (really)", "left / right (x)", ", count me in (maybe)", "length: 5 (cm)", "count[^\"]+(?:status|email)score", "count\\.[^\"]+(?:a|b)"],
  },
  {
    name: "quoted routine names, schema enumeration, quote probes",
    // (after a number too, with dots and commas: a scanner's heuristic check appends such a run to the value)
    attacks: ["'msdasql'", "\"xp_cmdshell\"", "schema_name", "\"'", "'\")", "`\"", "1).\"'.,)(", "9999..,'\"(().", "3,.))\"'(,("],
    benign: ["'hello'", "\"quoted\"", "schema", "''", "\"\"", "()", "5' 11\"", "6'2\", 180 lbs", "1.5\" x 2'", "said \"yes.\"'", "12.5, 3.0"],
  },
  {
    name: "boolean operator glued to a parenthesis",
    attacks: ["/3 and(", "1) or(", "&&(a=\"", "||(x"],
    benign: ["rock and(roll)", "A and (B)", "3 and (maybe) 4", "x.or(y)", "&& (see notes)"],
  },
  {
    name: "a whole short query with a condition on literals",
    attacks: [
      "SELECT * FROM `movies` GROUP BY `category_id`,`year_released` HAVING `category_id` = 8;",
      "select * from user where password_last_changed not between '2021-04-11' and '2021-04-11'",
      "select name from users where id = 1",
    ],
    benign: [
      "SELECT * FROM users WHERE id = ?",
      "select the best option from the menu where it = 5",
      "select * from t where a = b",
      "var sql = \"SELECT * FROM users WHERE name = '\" + userName + \"'\";",
    ],
  },
  {
    name: "breakout carrying on a select list (' * from)",
    attacks: ["' * from = 1 or '9", "x' * from users--"],
    benign: ["it's * from the list", "5 * from 3", "'quoted' * from"],
  },
  {
    name: "one long DDL statement on one line (not documentation)",
    attacks: [
      "ALTER TABLE `mass_mails` CHANGE `receivers` `receivers` ENUM('FACILITIES','APPLICATION_2015','APPLICATION_2016') CHARACTER SET utf8\n",
    ],
    benign: [
      "ALTER TABLE users ADD COLUMN age int; this is how you add a column to the table and you can run it from the console",
      "CREATE TABLE persons (id int, name varchar(255))\nThen insert rows with INSERT INTO persons VALUES (1, 'x') and query them",
    ],
  },
  {
    name: "numeric order comparisons: a tautology inside an expression, arithmetic on its own",
    attacks: ["1 or 2>1", "2>1--", "x=1 and 3>=2", "11!=1"],
    benign: ["123<456", "3 > 2", "5>=5", "10<20 items"],
  },
  {
    name: "literal compared with a SQL function's result after AND/OR",
    attacks: ["1 AND 1=CONVERT(int,@@version)", "x or 2>length(database())"],
    benign: ["1 and 2 = three", "tea and 5 = five", "convert the units and 5 = five"],
  },
  {
    name: "an operator between two single quotes",
    attacks: ["'-'", "'*'", "'&'", "'^'", "'||'"],
    benign: ["-", "\"-\"", "'a'", "' '", "'ok'", "a-b"],
  },
  {
    name: "REPLACE/INSERT row statement opening the value",
    attacks: ["REPLACE INTO users (id, role) VALUES (1, 'admin')", "replace users values (1, 'x')"],
    benign: ["replace the text (values below)", "Replace into the box values (see docs)"],
  },
  {
    name: "statements and calls that continue as prose",
    attacks: ["DROP TABLE IF EXISTS users", "delete from users where id=1", "delete from users", "sleep (5)", "rand ()", "'alter a", "' or a=a--", "user()", "char(65)"],
    benign: [
      "He said 'drop it' and left",
      "sleep (8 hours) is important",
      "Delete from my account please",
      "drop table tennis is fun",
      "VALUES (1, 2) are placeholders",
      "it's a = b",
      "I'm a=b and you",
      "user(s)",
      "cast(s)",
      "max 20 char(s)",
      "char(s) left",
      "match(es) found",
    ],
  },
  {
    name: "blind conditions: function results and arithmetic compared with literals, subqueries as list items",
    attacks: ["1 AND ORD(MID(VERSION(),1,1))>51", "-1 OR 3*2=6", "1 and 2-1=1--", "1,(select 1 from dual)", "name ASC,(SELECT 1)"],
    benign: ["Is it 5 or 3*2=7?", "5 and 3*2 is six", "He picked (select one) of them", "apples, (select any)", "you can see (select all) here"],
  },
  {
    name: "code in comment fields: statements with placeholders, sleep() as a program statement",
    attacks: ["1 or sleep(5)", "'+sleep(5)+'", "1 and(sleep(5))", "UPDATE users SET role = 'admin' WHERE id = 1", "INSERT INTO t (a) VALUES ('x')"],
    benign: [
      "if (x || y) { sleep(100); }",
      "await sleep(500)",
      "Thread.sleep(1000);",
      "UPDATE users SET name = ? WHERE id = ?",
      "INSERT INTO t (a) VALUES (?)",
      "DELETE FROM sessions WHERE id = $1",
    ],
  },
  {
    name: "MySQL ODBC escape {identifier expr} is read as its expression",
    attacks: ["9999 or {if length((/* x */user where id=1))>0}", "1 and {x ord(mid(user(),1,1))}>64"],
    benign: ["Hello {name}, see {if x} or {else}", "{if $count > 0}yes{/if}", "{\"a\": 1} or {\"b\": 2}"],
  },
  {
    name: "numbers just past an integer or double range",
    attacks: ["4294967296", "2147483648", "-2147483649", "9223372036854775808", "18446744073709551616", "2.2250738585072011e-308", "1e309", "-1e309", "1e1000", "9e9999", "1.7976931348623157e309"],
    // hex ids (short commit hashes, uuid prefixes) with one `e` and digits around it
    benign: ["2147483647", "4294967295", "4294967297", "1e10", "2.5e-3", "18446744073709551615", "12345678901234567890123", "9805183e-7786", "11e11389", "1234e567", "827e8906"],
  },
  {
    // the value's number, then AND/OR and one operand compared with itself as the whole condition
    name: "an operand compared with itself after the value's number",
    attacks: ["1 AND NOW()=NOW()", "1 OR user()=user()", "1 and version()=version()--", "1 AND NOW()=NOW() AND 2",
      // (closed by a `)` or two, a SQL-only name for the operand)
      "1) AND NOW()=NOW()", "1)) and now()=now()-- -", "1 AND sysdate=sysdate", "-1 OR SYSDATE=SYSDATE"],
    benign: ["f(x)=f(x) holds", "1 and f(x)=f(x) holds", "we know a=a in a sentence", "LGTM: 1 and foo()=foo() in review", "1 and foo()=bar()", "1 AND NOW()=NOW",
      "step 1) and f(x)=f(x) holds"],
  },
  {
    // the value's number, then AND/OR and one condition ending the value: a column, variable or call tested for equality
    // with a literal (`=` `:=` `<>` `!=` `<=>` LIKE; after `&&` `||` only `=` `:=` LIKE, as code writes `==` `!=` there)
    name: "a column, variable or call tested for equality with a literal after the value's number",
    attacks: ["1 AND col=1", "1 OR is_admin=1--", "1) AND username='admin'", "-1 OR id=1", "1 AND foo(1)=1", "1 AND 1=foo(1)",
      "1 AND @x:=1", "1 && role='admin'", "1 AND name LIKE 'a%'", "1 AND (status<>0)", "7 or users.id=1;"],
    benign: ["1 and total(price)>0", "2 && n <= 4", "0 || start < 0", "-200 and scale > 2", "1 && x != 1", "1 and x == 2",
      "3 and user=admin", "5 and price=10 dollars", "1 or x=2 and more", "page 1 and x=1", "10 and age>5", "2 and time is 5"],
  },
  {
    // WAITFOR DELAY|TIME, then the time (a string, a variable, an escaped quote) or nothing; a word there makes it a search
    name: "WAITFOR DELAY with its time, not a word",
    attacks: ["1;WAITFOR DELAY '0:0:5'--", "waitfor delay", "';waitfor delay @d--", "1;WAITFOR/**/DELAY/**/\\'0:0:6\\'--", "waitfor time '23:59'"],
    benign: ["waitfor delay syntax", "waitfor time zones explained", "how to waitfor delay in t-sql"],
  },
  {
    // SQLite's PRAGMA and MSSQL's DBCC stacked after the application's value, like any statement word
    name: "PRAGMA and DBCC stacked after the value",
    attacks: ["1;PRAGMA foreign_keys=OFF--", "1; PRAGMA database_list", "');PRAGMA writable_schema=1--", "1;DBCC SHOWCONTIG--",
      "1);DBCC CHECKIDENT('users',RESEED,0)--"],
    benign: ["pragma once", "#pragma once", "how to use pragma once in c++", "DBCC CHECKDB output explained", "use #pragma once; it is simpler",
      "the 'pragma' keyword"],
  },
  {
    // PostgreSQL's DO block (its code a dollar-quoted string) and SQLite's ATTACH DATABASE of a new file, stacked
    name: "stacked DO $$...$$ and ATTACH DATABASE '...'",
    attacks: ["1;DO $$BEGIN PERFORM pg_sleep(5);END$$--", "1;DO/**/$tag$BEGIN NULL;END$tag$--", "-96;ATTACH DATABASE '/var/www/x.php' AS x--",
      "');attach database 'x.db' as y;--"],
    benign: ["ok; do $5 bills count", "fine; do 'this' now", "ok; attach database dumps to the ticket", "ok; attach files"],
  },
  {
    // the value's number, `;`, then a statement that lists the schema or picks the database, ending the value (prose puts a
    // word before its `;`, and SHOW lists only schema objects: tables, columns, databases, schemas, grants, processlist, variables)
    name: "SHOW, DESC(RIBE) and USE stacked on the value's number",
    attacks: ["1;SHOW TABLES", "1); show full tables--", "-5;SHOW COLUMNS FROM users", "1;SHOW VARIABLES LIKE 'version%'", "1;DESC users",
      "1;DESCRIBE app.users-- -", "1;USE mysql", "2));use information_schema;--"],
    benign: ["show tables in the UI; show more", "1; show me the way", "1; use the back door", "3; describe your issue", "2;use;case",
      "1;John Smith", "step 1; show tables to guests", "1; show tables in the hall", "1; desc: blue shirt"],
  },
  {
    // the whole value one SQL-only operation: a user variable assigned with `:=`, a column tested with `<=>` against a literal
    name: "a bare `@v:=` assignment or `col<=>literal` test",
    attacks: ["@x:=1", "@a := (select 1)", "@v:=@w--", "col<=>1", "t.c <=> 'x'", "1 AND col<=>1"],
    benign: ["a <=> b", "$a <=> $b", "x := 1", "@user: =)", "@media (max-width: 600px)", "@x:=", "count <=> total", "@x := y z"],
  },
  {
    // the value's number, AND/OR, then a column tested with IS [NOT] NULL, or an order or range comparison cut off by a
    // comment, on a call fed a literal, written as SQL is (AND in capitals, the column in small letters) or on a column no
    // prose names (`10 and age>5`, `10 AND AGE>5` and `1 and total(price)>0` are sentences)
    name: "IS [NOT] NULL and order comparisons after the value's number",
    attacks: ["1 AND col IS NULL", "1) or col is not null--", "1 OR foo(2)>1", "1 AND len('a')>0", "1 AND col>1--", "1 and col<=5#",
      "1 && col>=2-- -", "1 AND col>1", "1 OR price<=5", "1 and user_id>5", "1 and u.id>5", "1 AND col BETWEEN 1 AND 2",
      "1 and col not between 1 and 9-- -", "1,2) AND col>1", "1,2) and col>1-- -"],
    benign: ["1 and total(price)>0", "10 and age>5", "1 or more > 2 items", "2 and time is 5", "1 or nothing is better", "1 && x > 2",
      "1 and x is null or empty", "1 and f(x)>0", "1 || foo(2)>1", "10 AND AGE>5", "10 And Age>5", "2 and price between 10 and 20",
      "1, 2 and x>5"],
  },
  {
    // a column, then LIMIT n alone: a clause when the column is one no prose writes (`_`, dotted, backticked) or the value cuts
    // it off with a short comment; a clause tail opening the value with two parts only SQL writes (ORDER BY 1 LIMIT 1)
    name: "LIMIT after a SQL-like column, and a clause tail opening the value",
    attacks: ["created_at LIMIT 1", "u.id LIMIT 1", "`name` LIMIT 1", "price LIMIT 1-- -", "price limit 1#", "ORDER BY 1 LIMIT 1 OFFSET 1",
      "group by 2 desc limit 1", "ORDER BY name DESC LIMIT 5"],
    benign: ["speed limit 50", "limit 1 per customer", "speed limit 50 -- strictly enforced", "created_at desc", "u.name asc", "order by name",
      "order by 1 pm", "credit limit 1,000", "order by date desc", "group by age"],
  },
  {
    // the whole value one SQL operator word (CRS 942120's shape); SIMILAR and SOUNDS are operators only before TO and LIKE
    name: "a bare operator word, not an English one",
    attacks: ["regexp", "RLIKE", "XOR", "ilike", "<=>", "IS NULL", "in (0,1)"],
    benign: ["similar", "Similar", "sounds", "SOUNDS", "like it", "glob", "similar items", "sounds good"],
  },
  {
    // DROP or TRUNCATE and one name is a statement only ended by `;` or a comment (TABLE, stacked, or a comment inside count anyway)
    name: "DROP or TRUNCATE and one name, ended",
    attacks: ["drop users;--", "TRUNCATE users;", "drop sampletable;--", "truncate/**/users", "drop table users", "1;truncate users"],
    benign: ["drop off", "Drop Off", "truncate text", "drop shipping", "truncate names", "drop zone"],
  },
  {
    // SHUTDOWN stacked, or ended by `;`, a comment or a line break; the word alone is a state or an action of an API
    name: "SHUTDOWN as a statement, not as a status",
    attacks: ["1;shutdown", "shutdown;", "SHUTDOWN--", "shutdown\n", "x';shutdown--"],
    benign: ["shutdown", "SHUTDOWN", "Shutdown", "shutdown requested", "graceful shutdown", "shutdown at 18:00"],
  },
  {
    // GROUP BY ... WITH ROLLUP after the value's number or breakout: MySQL's words, a clause only SQL writes
    name: "GROUP BY items WITH ROLLUP closing a number or breakout",
    attacks: ["1 GROUP BY 1 WITH ROLLUP", "1 group by 1 with rollup--", "' GROUP BY 1 WITH ROLLUP--", "1) group by id with rollup#"],
    benign: ["sales group by region with rollup", "report: group by 1 with rollup in excel", "5 group by region with friends", "3 group by 2 with rollup and more text"],
  },
];

describeSqliGroups("sqli contexts: attacks score >= 5, look-alikes stay below", groups, (v) => sqliScore(v));

/** The sqli rules a request matched (ids 2001-2999). */
function sqliRules(r: Parameters<typeof inspect>[1]): number[] {
  return inspect(h, r).matches.filter((m) => m.id >= 2001 && m.id <= 2999).map((m) => m.id);
}

const form = (body: string) => ({
  method: "POST",
  path: "/post",
  headers: [["host", "svc.local"], ["content-type", "application/x-www-form-urlencoded"]] as [string, string][],
  body,
});

describe("sqli in form bodies split at a raw '='", () => {
  const attacks = ["%27admin%27%2C+%271%27=%271%27", "x%27+or+%271%27=%271", "1+or+1=1"];
  for (const body of attacks) {
    it(`attack body ${JSON.stringify(body)}`, () => expect(inspect(h, form(body)).attack).toBe(true));
  }
  const benign = ["name=O%27Brien&note=drop+me+a+line", "a%5Bb%5D=1&c=2", "q=select+one+from+the+list", "filter%5Bprice%5D%3E=10"];
  for (const body of benign) {
    it(`benign body ${JSON.stringify(body)}`, () => expect(sqliRules(form(body))).toEqual([]));
  }
});

describe("a bare operator in a parameter named for an operator is a query builder's choice", () => {
  const json = (body: unknown) => ({
    method: "POST", path: "/api/search", headers: [["host", "svc.local"], ["content-type", "application/json"]] as [string, string][],
    body: JSON.stringify(body),
  });
  it.each([
    [{ filters: [{ field: "age", op: ">=", value: 18 }, { field: "email", op: "is null" }] }],
    [{ where: { price: { operator: "<>" } } }],
    [{ rule: { comparator: "<=" } }],
    [{ cmp: "in (0,1)" }],
  ])("passes %j", (body) => expect(sqliRules(json(body))).toEqual([]));
  it.each(["/api/search?op=%3E%3D&v=18", "/api/search?where%5Bop%5D=%3C%3E", "/api/search?price_op=%3E%3D", "/api/search?f.operator=%3C%3E"])("passes %s", (path) => expect(sqliRules({ path })).toEqual([]));
  it("still flags the bare operator under any other name, and an injection under an operator's name", () => {
    expect(sqliRules(json({ value: ">=" }))).toContain(2024);
    expect(sqliRules(json({ opt: "<>" }))).toContain(2024);
    expect(sqliRules({ path: "/api/search?pay=%3C%3D" })).toContain(2024);
    expect(inspect(h, json({ op: "' or 1=1--" })).attack).toBe(true);
    expect(inspect(h, json({ operator: "1 or 1=1" })).attack).toBe(true);
  });
});

describe("a column type in a parameter named for a type is a schema's declaration", () => {
  const json = (body: unknown) => ({
    method: "POST", path: "/api/tables", headers: [["host", "svc.local"], ["content-type", "application/json"]] as [string, string][],
    body: JSON.stringify(body),
  });
  it.each([
    [{ name: "email", type: "varchar" }],
    [{ columns: [{ name: "email", dataType: "VARCHAR(255)" }, { name: "bio", dataType: "nvarchar(max)" }] }],
    [{ sqlType: "decimal(10, 2)", column_type: "varbinary" }],
  ])("passes %j", (body) => expect(sqliRules(json(body))).toEqual([]));
  it("passes a type as a query argument", () => expect(sqliRules({ path: "/api/tables?col.type=nvarchar%28255%29" })).toEqual([]));
  it("still flags the type name alone under any other name, and a type name that opens more", () => {
    expect(sqliRules(json({ pay: "varchar" }))).toContain(2022);
    expect(sqliRules({ path: "/post?pay=nvarchar" })).toContain(2022);
    expect(inspect(h, json({ type: "varchar(1) union select password from users" })).attack).toBe(true);
    expect(sqliRules(json({ type: "varchar(maxx)" }))).toContain(2022);
  });
});

describe("sqli in query strings split at a raw '='", () => {
  it("a breakout whose comparison holds the '=' is read as one value", () => {
    expect(inspect(h, { path: "/get?1+or+2=2" }).attack).toBe(true); // name "1 or 2", value "2": neither alone
  });
  it("a name with brackets and a plain value stays clean", () => {
    expect(sqliRules({ path: "/get?filter%5Bprice%5D=10&sort=-date" })).toEqual([]);
  });
});

describe("form-encoded '+' reads as a space only in encoded values outside the path", () => {
  it("an encoded XML value with WAITFOR+DELAY is a blind probe", () => {
    expect(sqliScore("%22+WAITFOR+DELAY+%27")).toBeGreaterThanOrEqual(5);
  });
  it("a plain value keeps '+' as an operator", () => {
    expect(sqliScore("c+union+select")).toBeLessThan(5);
  });
  it("the path keeps '+' literal (a CRS negative test)", () => {
    expect(sqliRules({ path: "/post/foo/24+union+all+select+1,2,3+from+aa/bar" })).toEqual([]);
  });
});

describe("'+' in the query of a URL value reads as a space: the server the URL leads to decodes it as a form", () => {
  const arg = (name: string, value: string) => ({ path: `/login?${name}=${encodeURIComponent(value)}` });
  const attacks: [string, string][] = [
    ["next", "https://x.example/?q=1+union+select+1,2"],
    ["redirect", "/p?id=1+and+1=1"],
    ["return_to", "https://shop.example/item?id=1+union+all+select+user,password+from+users--"],
    ["url", "//cdn.example/a.js?v=1+or+sleep(5)"],
  ];
  for (const [name, value] of attacks) {
    it(`flags ${name}=${value}`, () => expect(sqliRules(arg(name, value)).length).toBeGreaterThan(0));
  }
  const benign: [string, string][] = [
    ["next", "https://www.google.com/search?q=c+++tutorial"],
    ["u", "https://news.example/a?utm_source=news+letter&utm_campaign=black+friday+or+cyber+monday"],
    ["next", "/search?q=1+1=2&page=2"],
    ["back", "/wiki?title=C++&lang=en"],
    ["redirect", "https://x.example/?q=a+or+b"],
  ];
  for (const [name, value] of benign) {
    it(`leaves ${name}=${value} alone`, () => expect(sqliRules(arg(name, value))).toEqual([]));
  }
  // no URL, or a blank before the `?`: the application gets the `+` itself
  for (const value of ["1+union+select+1,2", "C++ and 1+1=2, a+b", "is it x/y? 1+union+select+1,2"]) {
    it(`keeps '+' in ${JSON.stringify(value)}`, () => expect(sqliRules(arg("q", value))).toEqual([]));
  }
});

describe("sqli in path segments", () => {
  // Each segment is read as a route parameter, up to the end of the path; a run of plain segments
  // (letters, digits, `_ - .`) at the end is route words, not SQL: `/tags/or/1` is a page.
  const attacks = ["/get/1%20or%201=1", "/users/admin'--/profile", "/items/1;shutdown/reviews", "/item/1%20union%20select%20password%20from%20users/x"];
  for (const path of attacks) {
    it(`flags ${path}`, () => expect(inspect(h, { path }).attack).toBe(true));
  }
  const benign = ["/api/v1/users/98926/orders", "/tags/or/1", "/search/and/2/", "/docs/select/from/table-of-contents", "/union/select/password/from/users"];
  for (const path of benign) {
    it(`leaves ${path} alone`, () => expect(sqliRules({ path })).toEqual([]));
  }
});
