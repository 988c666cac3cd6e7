// Development tool (needs local files, not shipped): false positives on real documentation text
// the corpus has not seen. Cuts README/markdown files (node_modules, /usr/lib/node_modules,
// /usr/share/doc), rendered man pages, fortunes (from the apt cache's fortune .debs when present),
// licences, Python docstrings and comments, /etc configuration files, gettext catalogs (.mo: text in
// every script), glibc locale sources, JSON/CSV data files and HTML pages (text and markup lines) into lines, paragraphs, code blocks and short fragments the way the corpus's benign
// templates do, places each in the carriers those templates use (form field, JSON string, multipart
// file, query string term ...) and runs them through the engine (harness build, PL1, threshold 5).
// Prints the blocked rate per source and per carrier and the rules responsible.
//   tsx scripts/probe-docs.ts [--per-source N] [--seed S] [--dump N] [--source S] [--carrier C] [--jsonl FILE] [--sample N]
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { loadHarness } from "../test/support/harness.js";
import { inspect, type Req } from "../test/support/engine.js";

const { values } = parseArgs({
  options: {
    "per-source": { type: "string", default: "1500" },
    seed: { type: "string", default: "1" },
    dump: { type: "string", default: "0" },
    source: { type: "string" },
    carrier: { type: "string" },
    jsonl: { type: "string" },
    sample: { type: "string" }, // writes this many short pieces per source (text, kind, file) as JSON lines to stdout
  },
});

let seed = Number(values.seed) >>> 0 || 1;
const rnd = () => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0), seed / 4294967296);
const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];

function walk(dir: string, keep: (p: string) => boolean, out: string[] = [], depth = 0): string[] {
  if (depth > 12 || !existsSync(dir)) return out;
  let names: string[];
  try { names = readdirSync(dir); } catch { return out; }
  for (const n of names) {
    const p = join(dir, n);
    let st;
    try { st = statSync(p); } catch { continue; }
    if (st.isDirectory()) walk(p, keep, out, depth + 1);
    else if (st.isFile() && st.size < 400_000 && keep(p)) out.push(p);
  }
  return out;
}
const read = (p: string) => (p.endsWith(".gz") ? gunzipSync(readFileSync(p)).toString("utf8") : readFileSync(p, "utf8"));

/** A text cut into pieces: prose lines, paragraphs, fenced code blocks (with and without fences), short fragments. */
interface Piece { text: string; kind: "line" | "para" | "code" | "words" | "doc" }

function markdownPieces(md: string, title: string): Piece[] {
  const out: Piece[] = [];
  const blocks: { text: string; code: boolean }[] = [];
  const fence = /^(```|~~~)/;
  const lines = md.replace(/\r/g, "").split("\n");
  let cur: string[] = [];
  let inCode = false;
  const flush = (code: boolean) => { if (cur.join("").trim()) blocks.push({ text: cur.join("\n").trim(), code }); cur = []; };
  for (const l of lines) {
    if (fence.test(l.trim())) {
      if (inCode) { cur.push(l); flush(true); inCode = false; } else { flush(false); cur.push(l); inCode = true; }
      continue;
    }
    if (!inCode && !l.trim()) { flush(false); continue; }
    cur.push(l);
  }
  flush(inCode);
  for (const b of blocks) {
    if (b.text.length > 3000) continue;
    if (b.code) {
      out.push({ text: b.text, kind: "code" });
      const inner = b.text.split("\n").slice(1, -1).join("\n").trim();
      if (inner) out.push({ text: inner, kind: "code" });
      // The corpus sends code blocks whole, sometimes flattened to one line (fence and language tag kept).
      if (inner) out.push({ text: b.text.replace(/\s*\n\s*/g, " "), kind: rnd() < 0.5 ? "line" : "code" });
    } else {
      out.push({ text: b.text, kind: "para" });
      for (const l of b.text.split("\n")) if (l.trim().length > 8) out.push({ text: l.trim(), kind: "line" });
      const words = b.text.split(/\s+/).filter(Boolean);
      if (words.length > 3) {
        const at = Math.floor(rnd() * words.length);
        out.push({ text: words.slice(at, at + 2 + Math.floor(rnd() * 6)).join(" "), kind: "words" });
      }
    }
  }
  // A README as the packages template sends it: a title and a few consecutive blocks.
  for (let i = 0; i + 1 < blocks.length; i += 4) {
    const n = 1 + Math.floor(rnd() * 4);
    out.push({ text: `# ${title}\n\n${blocks.slice(i, i + n).map((b) => b.text).join("\n\n")}\n`, kind: "doc" });
  }
  return out;
}

/** Man page rendered to plain text (groff), paragraphs unwrapped as the wiki template's text is. */
function manPieces(p: string): Piece[] {
  let txt: string;
  try {
    txt = execFileSync("sh", ["-c", `zcat -f '${p}' | groff -man -Tutf8 -P-c -P-b -P-u 2>/dev/null | col -b`], { encoding: "utf8", timeout: 5000, maxBuffer: 8 << 20 });
  } catch { return []; }
  const paras = txt.split(/\n\s*\n/).map((s) => s.split("\n").map((l) => l.trim()).join(" ").replace(/\s+/g, " ").trim()).filter((s) => s.length > 10 && s.length < 2500);
  const out: Piece[] = [];
  for (const s of paras) {
    out.push({ text: s, kind: "para" });
    const words = s.split(" ");
    const at = Math.floor(rnd() * words.length);
    out.push({ text: words.slice(at, at + 2 + Math.floor(rnd() * 6)).join(" "), kind: "words" });
  }
  for (let i = 0; i + 1 < paras.length; i += 3) out.push({ text: paras.slice(i, i + 1 + Math.floor(rnd() * 3)).join("\n\n"), kind: "doc" });
  return out;
}

function plainPieces(txt: string, sep: RegExp): Piece[] {
  const out: Piece[] = [];
  for (const s of txt.replace(/\r/g, "").split(sep).map((x) => x.trim()).filter((x) => x.length > 8 && x.length < 3000)) {
    out.push({ text: s, kind: "para" });
    for (const l of s.split("\n")) if (l.trim().length > 8) out.push({ text: l.trim(), kind: "line" });
    const words = s.split(/\s+/);
    const at = Math.floor(rnd() * words.length);
    out.push({ text: words.slice(at, at + 2 + Math.floor(rnd() * 6)).join(" "), kind: "words" });
  }
  return out;
}

/** Docstrings and `#` comments of Python modules. */
function pythonPieces(py: string): Piece[] {
  const out: Piece[] = [];
  for (const m of py.matchAll(/(?:"""|\'\'\')([\s\S]{10,2500}?)(?:"""|\'\'\')/g)) out.push(...plainPieces(m[1].replace(/^[ \t]+/gm, ""), /\n\s*\n/));
  for (const m of py.matchAll(/^\s*#+ ?(.{12,})$/gm)) if (!m[1].startsWith("!")) out.push({ text: m[1].trim(), kind: "line" });
  return out;
}

/** Translated messages of a gettext catalog (.mo): text in every script the distribution ships. */
function moPieces(buf: Buffer): Piece[] {
  const le = buf.readUInt32LE(0) === 0x950412de;
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  if (!le && buf.readUInt32BE(0) !== 0x950412de) return [];
  const n = u32(8), tr = u32(16);
  const out: Piece[] = [];
  for (let k = 1; k < n && k < 4000; k++) {
    const len = u32(tr + 8 * k), off = u32(tr + 8 * k + 4);
    for (const t of buf.toString("utf8", off, off + len).split("\0")) {
      const s = t.trim();
      if (s.length > 3 && !/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(s)) out.push({ text: s, kind: s.length > 80 || s.includes("\n") ? "para" : rnd() < 0.5 ? "line" : "words" });
    }
  }
  return out;
}

/** Text runs and single lines of markup of an HTML page (script and style dropped). */
function htmlPieces(html: string): Piece[] {
  const body = html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, "");
  const out: Piece[] = [];
  const text = body.replace(/<[^>]+>/g, " ").replace(/&nbsp;/g, " ").replace(/[ \t]+/g, " ");
  out.push(...plainPieces(text, /\n\s*\n/));
  for (const l of body.split("\n")) if (/<[a-z]/i.test(l) && l.trim().length > 12 && l.length < 1500) out.push({ text: l.trim(), kind: rnd() < 0.5 ? "line" : "code" });
  return out;
}

/** String values of JSON data files, and rows of CSV files. */
function dataPieces(t: string, f: string): Piece[] {
  const out: Piece[] = [];
  if (f.endsWith(".json")) {
    const walkJ = (v: unknown): void => {
      if (typeof v === "string") { if (v.length > 6) out.push({ text: v, kind: v.length > 120 ? "para" : rnd() < 0.5 ? "line" : "words" }); }
      else if (v && typeof v === "object") for (const x of Object.values(v as object)) walkJ(x);
    };
    try { walkJ(JSON.parse(t)); } catch { /* not JSON */ }
  } else for (const l of t.split("\n").slice(0, 400)) if (l.trim().length > 8) out.push({ text: l.trim(), kind: "line" });
  return out;
}

/** Lines and blocks of configuration files (comments included). */
function configPieces(t: string): Piece[] {
  if (/[\x00-\x08\x0e-\x1f]/.test(t.slice(0, 2000))) return [];
  const out: Piece[] = [];
  for (const b of t.replace(/\r/g, "").split(/\n\s*\n/)) {
    if (b.trim().length > 8 && b.length < 3000) out.push({ text: b.trim(), kind: rnd() < 0.5 ? "code" : "doc" });
    for (const l of b.split("\n")) if (l.trim().length > 8) out.push({ text: l.trim(), kind: "line" });
  }
  return out;
}

type Source = { name: string; pieces: () => { piece: Piece; from: string }[] };
const fromFiles = (files: string[], cut: (text: string, file: string) => Piece[]) => () =>
  files.flatMap((f) => { try { return cut(read(f), f).map((piece) => ({ piece, from: f })); } catch { return []; } });
const titleOf = (f: string) => f.replace(/.*node_modules\//, "").replace(/\/[^/]*$/, "").replace(/^.*\//, "") || "doc";
const isMd = (p: string) => /\.(md|markdown)(\.gz)?$/i.test(p) || /\/README(\.gz)?$/i.test(p);

const fortuneDir = "/tmp/benign4-fortunes/usr/share/games/fortunes";
if (!existsSync(fortuneDir)) {
  try {
    for (const d of readdirSync("/var/cache/apt/archives").filter((n) => n.startsWith("fortunes"))) execFileSync("dpkg-deb", ["-x", join("/var/cache/apt/archives", d), "/tmp/benign4-fortunes"]);
  } catch { /* no fortunes on this machine */ }
}
const manFiles = ["man1", "man5", "man8", "man7", "man3"].flatMap((d) => walk(`/usr/share/man/${d}`, (p) => p.endsWith(".gz")));

const SOURCES: Source[] = [
  { name: "npm-readme", pieces: fromFiles([...walk("node_modules", isMd), ...walk("/usr/lib/node_modules", isMd)], (t, f) => markdownPieces(t, titleOf(f))) },
  { name: "node-docs", pieces: fromFiles(walk("/usr/share/doc/nodejs", isMd), (t, f) => markdownPieces(t, titleOf(f))) },
  { name: "doc-md", pieces: fromFiles(walk("/usr/share/doc", (p) => isMd(p) && !p.includes("/nodejs/")), (t, f) => markdownPieces(t, titleOf(f))) },
  { name: "doc-txt", pieces: fromFiles(walk("/usr/share/doc", (p) => /\.(txt|rst)(\.gz)?$|changelog(\.Debian)?\.gz$/.test(p)).filter(() => rnd() < 0.25), (t) => plainPieces(t, /\n\s*\n/)) },
  { name: "man", pieces: fromFiles(manFiles.filter(() => rnd() < 250 / Math.max(1, manFiles.length)), (_t, f) => manPieces(f)) },
  // Fortunes spelled with BEL or backspace overstrike are left out: the corpus's text has no control bytes.
  { name: "fortune", pieces: fromFiles(walk(fortuneDir, (p) => !/\.(dat|u8)$/.test(p)), (t) => plainPieces(t, /\n%\n/).filter((p) => !/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(p.text))) },
  { name: "license", pieces: fromFiles(walk("/usr/share/common-licenses", () => true), (t) => plainPieces(t, /\n\s*\n/)) },
  { name: "python", pieces: fromFiles(walk("/usr/lib/python3", (p) => p.endsWith(".py")).concat(walk("/usr/lib/python3.11", (p) => p.endsWith(".py"))).filter(() => rnd() < 0.1), (t) => pythonPieces(t)) },
  { name: "etc", pieces: fromFiles(walk("/etc", (p) => !/\.(gz|bin|db|so)$/.test(p)), (t) => configPieces(t)) },
  { name: "locale", pieces: () => walk("/usr/share/locale", (p) => p.endsWith(".mo")).filter(() => rnd() < 0.05).flatMap((f) => { try { return moPieces(readFileSync(f)).map((piece) => ({ piece, from: f })); } catch { return []; } }) },
  { name: "i18n", pieces: fromFiles(walk("/usr/share/i18n/locales", () => true).filter(() => rnd() < 0.3), (t) => configPieces(t.replace(/<U([0-9A-F]{4,5})>/g, (_m, h) => String.fromCodePoint(parseInt(h, 16))))) },
  { name: "data", pieces: fromFiles([...walk("node_modules", (p) => /\.(json|csv|tsv)$/.test(p) && !p.endsWith("package.json")), ...walk("/usr/share", (p) => /\.(json|csv|tsv)$/.test(p))].filter(() => rnd() < 0.3), dataPieces) },
  { name: "html", pieces: fromFiles([...walk("node_modules", (p) => p.endsWith(".html")), ...walk("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html/book", (p) => p.endsWith(".html")), ...walk("/usr/share/doc", (p) => p.endsWith(".html"))].filter(() => rnd() < 0.5), (t) => htmlPieces(t)) },
];

// Carriers after the corpus's benign templates (web/*, api/*).
const UA = "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0";
const H = (ct?: string): [string, string][] => [["host", "svc.local"], ["user-agent", UA], ["accept", "*/*"], ["cookie", "session=25494f1ea0b58517e99402ca357e687b; theme=light"], ...(ct ? [["content-type", ct] as [string, string]] : [])];
const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const json = (o: object) => (rnd() < 0.5 ? JSON.stringify(o) : JSON.stringify(o, null, 2));
const short = (s: string) => s.split(/\s+/).slice(0, 6).join(" ");
function multipart(file: string, ctype: string, text: string, extra: string): string {
  const b = rnd() < 0.5 ? `----WebKitFormBoundary${Math.floor(rnd() * 1e12).toString(36)}` : `---------------------------${Math.floor(rnd() * 1e15)}`;
  return `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file}"\r\nContent-Type: ${ctype}\r\n\r\n${text}\r\n--${b}\r\nContent-Disposition: form-data; name="description"\r\n\r\n${extra}\r\n--${b}--\r\n`;
}
type Carrier = { name: string; kinds: Piece["kind"][]; make: (t: string) => Req };
const CARRIERS: Carrier[] = [
  { name: "web/search", kinds: ["words", "line"], make: (t) => ({ method: "GET", path: `${pick(["/search?q=", "/help/search?q=", "/products?search=", "/forum/search?query="])}${encodeURIComponent(t)}&lang=en`, headers: H() }) },
  { name: "web/contact-form", kinds: ["para", "line"], make: (t) => ({ method: "POST", path: "/contact", headers: H("application/x-www-form-urlencoded"), body: form({ name: "Moliere O'Higgins", email: "mo@mail.test", subject: short(t), message: t, csrf_token: "sufxi298ciqQumoBwC3N" }) }) },
  { name: "web/comment-form", kinds: ["line", "para", "code"], make: (t) => ({ method: "POST", path: "/blog/some-post/comments", headers: H("application/x-www-form-urlencoded"), body: form({ author: "Sims Obadiah", comment: t, notify: "on", _token: "kmHAxIttAHhsketrnuqZ" }) }) },
  { name: "web/upload", kinds: ["doc", "code", "para"], make: (t) => { const [f, c] = pick([["NOTES.md", "text/markdown"], ["notes.txt", "text/plain"], ["example.js", "application/javascript"], ["snippet.js", "text/javascript"], ["usage.txt", "text/plain"]]); return { method: "POST", path: "/upload", headers: H(`multipart/form-data; boundary=${"x"}`), body: multipart(f, c, t, short(t)) }; } },
  { name: "api/comments", kinds: ["line", "para", "code"], make: (t) => ({ method: "POST", path: "/api/v1/posts/3675/comments", headers: H("application/json"), body: json(pick([{ body: t, author_id: 16933, reply_to: null }, { message: t, thread_id: "b0567432-2753", attachments: [] }, { comment: { text: t, rating: 5 }, product_id: 3531 }])) }) },
  { name: "api/wiki", kinds: ["doc", "para"], make: (t) => ({ method: "PUT", path: "/api/v1/wiki/pages/some-page", headers: H("application/json"), body: json({ title: "notes", content: t, format: pick(["plain", "markdown"]), tags: ["howto"] }) }) },
  { name: "api/packages", kinds: ["doc"], make: (t) => ({ method: "PUT", path: "/api/v1/packages/pkg/readme", headers: H("application/json"), body: json({ markdown: t, version: "2.18.1" }) }) },
  { name: "api/users", kinds: ["line", "words"], make: (t) => ({ method: "PATCH", path: "/api/v1/users/55384", headers: H("application/json"), body: json({ name: "Calvinism Mollie", email: "c@mail.test", bio: t, website: null, location: "Portland, OR", tags: ["concern"] }) }) },
  { name: "api/orders", kinds: ["words", "line"], make: (t) => ({ method: "POST", path: "/api/v1/orders", headers: H("application/json"), body: json({ items: [{ sku: "ENHA-5075", qty: 3 }], shipping: { name: "Scotch Hogwarts", street: "333 soils Ave.", city: "Lyon", zip: "57557" }, note: t, gift: false, coupon: null }) }) },
  { name: "api/search", kinds: ["words", "line"], make: (t) => ({ method: "GET", path: `/api/v1/search?query=${encodeURIComponent(t)}&limit=25`, headers: H() }) },
];
// The upload body needs its real boundary in the header.
function fixBoundary(r: Req): Req {
  if (typeof r.body !== "string" || !r.body.startsWith("--")) return r;
  const b = r.body.slice(2, r.body.indexOf("\r\n"));
  return { ...r, headers: r.headers!.map(([n, v]) => (n === "content-type" ? [n, `multipart/form-data; boundary=${b}`] : [n, v])) };
}

const h = await loadHarness();
const perSource = Number(values["per-source"]);
const dump = Number(values.dump);
type Tally = { n: number; hit: number };
const bySource = new Map<string, Tally>(), byCarrier = new Map<string, Tally>(), byRule = new Map<string, number>();
const blocked: { source: string; carrier: string; from: string; text: string; matches: string }[] = [];
const bump = (m: Map<string, Tally>, k: string, hit: boolean) => { const t = m.get(k) ?? { n: 0, hit: 0 }; t.n++; if (hit) t.hit++; m.set(k, t); };
let count = 0;
for (const src of SOURCES) {
  if (values.source && src.name !== values.source) continue;
  const all = src.pieces();
  if (!all.length) continue;
  if (values.sample) {
    const short = all.filter((p) => p.piece.text.length <= 240 && p.piece.kind !== "doc");
    for (let k = 0; k < Number(values.sample) && short.length; k++) {
      const p = pick(short);
      console.log(JSON.stringify({ text: p.piece.text, kind: p.piece.kind, source: src.name, from: p.from }));
    }
    continue;
  }
  for (let i = 0; i < perSource; i++) {
    const car = values.carrier ? CARRIERS.find((c) => c.name === values.carrier)! : pick(CARRIERS);
    let p = pick(all);
    for (let k = 0; k < 30 && !car.kinds.includes(p.piece.kind); k++) p = pick(all);
    const req = fixBoundary(car.make(p.piece.text));
    const v = inspect(h, req);
    const hit = v.attack;
    bump(bySource, src.name, hit);
    bump(byCarrier, car.name, hit);
    bump(byCarrier, `${src.name} ${car.name}`, hit);
    if (hit) {
      const ms = v.matches.map((m) => `${m.id}[${m.fragment.slice(0, 50).replace(/\n/g, "\\n")}]`).join(" ");
      for (const m of new Set(v.matches.map((m) => m.id))) byRule.set(String(m), (byRule.get(String(m)) ?? 0) + 1);
      blocked.push({ source: src.name, carrier: car.name, from: p.from, text: p.piece.text, matches: ms });
    }
    if (++count % 2000 === 0) h.exports.__collect();
  }
}
const pct = (t: Tally) => `${t.hit}/${t.n} = ${((100 * t.hit) / Math.max(1, t.n)).toFixed(2)}%`;
console.log("BY SOURCE");
for (const [k, t] of bySource) console.log(`  ${k.padEnd(12)} ${pct(t)}`);
const tot = [...bySource.values()].reduce((a, t) => ({ n: a.n + t.n, hit: a.hit + t.hit }), { n: 0, hit: 0 });
console.log(`  ${"all".padEnd(12)} ${pct(tot)}`);
console.log("BY CARRIER");
for (const [k, t] of [...byCarrier].filter(([k]) => !k.includes(" "))) console.log(`  ${k.padEnd(18)} ${pct(t)}`);
console.log("RULES (requests blocked with the rule among the matches)");
for (const [k, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${k} ${n}`);
if (dump) {
  console.log("BLOCKED");
  for (const b of blocked.slice(0, dump)) console.log(`- ${b.source} ${b.carrier} ${b.from}\n    ${b.text.slice(0, 300).replace(/\n/g, "\\n")}\n    => ${b.matches}`);
}
if (values.jsonl && !values.sample) writeFileSync(values.jsonl, blocked.map((b) => JSON.stringify(b)).join("\n") + "\n");
