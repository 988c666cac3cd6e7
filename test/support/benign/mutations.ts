// The carriers and encodings real clients use for the same values: a request's values (query, form,
// JSON, multipart fields) are read out as fields and sent again in another carrier (query, form, JSON
// nested or escaped, multipart parts, cookies, custom headers, a gzip body, base64 JSON, a JWT) or
// encoded another way (`+` or `%20`, every byte escaped, raw UTF-8), or with other values beside them
// (text in many scripts, long values, Windows paths, URLs). Used by scripts/probe-benign-mutations.ts
// (corpus and generator requests) and test/engine/benign-mutations.test.ts.
import { gzipSync } from "node:zlib";
import type { Req } from "../engine.js";
import type { R } from "../variants/rng.js";

export type Scalar = string | number | boolean | null;
/** One value and where it sat: `path` is its name split at brackets or JSON nesting. */
export interface Field { path: string[]; value: Scalar; file?: string }
/** A request read out: its method, path without query, the headers that do not describe a body, its fields. */
export interface Source { method: string; path: string; headers: [string, string][]; fields: Field[] }

const BODY_HEADERS = new Set(["content-type", "content-length", "content-encoding", "transfer-encoding"]);

/** Percent-decoding that never throws: invalid escapes stay as they are, bytes read as UTF-8. */
export function pctDecode(s: string, plus: boolean): string {
  const src = Buffer.from(plus ? s.replace(/\+/g, " ") : s, "utf8");
  const out: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const esc = src[i] === 0x25 ? src.subarray(i + 1, i + 3).toString("latin1") : "";
    if (/^[0-9a-fA-F]{2}$/.test(esc)) {
      out.push(parseInt(esc, 16));
      i += 2;
    } else out.push(src[i]);
  }
  return Buffer.from(out).toString("utf8");
}

const bracketPath = (name: string): string[] => {
  const m = /^([^[\]]+)((?:\[[^[\]]*\])+)$/.exec(name);
  return m ? [m[1], ...[...m[2].matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1])] : [name];
};
const pairs = (q: string): Field[] => q.split("&").filter(Boolean).map((kv) => {
  const i = kv.indexOf("=");
  const k = pctDecode(i < 0 ? kv : kv.slice(0, i), true);
  return { path: bracketPath(k), value: i < 0 ? "" : pctDecode(kv.slice(i + 1), true) };
});
function leaves(v: unknown, path: string[], out: Field[]): void {
  if (v !== null && typeof v === "object") {
    for (const [k, x] of Object.entries(v as object)) leaves(x, [...path, k], out);
  } else out.push({ path: path.length ? path : ["value"], value: v as Scalar });
}
function multipartFields(body: string, type: string): Field[] {
  const b = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  if (!b) return [];
  const out: Field[] = [];
  for (const part of body.split(`--${b[1] ?? b[2]}`).slice(1)) {
    const sep = /\r?\n\r?\n/.exec(part);
    if (!sep) continue;
    const head = part.slice(0, sep.index);
    const name = /name="([^"]*)"/i.exec(head);
    if (!name) continue;
    const file = /filename="([^"]*)"/i.exec(head);
    const value = part.slice(sep.index + sep[0].length).replace(/\r?\n$/, "");
    // A binary file travels as base64 when a client moves it out of multipart (JSON APIs, data: URLs).
    const binary = /[\x00-\x08\x0e-\x1f\ufffd]/.test(value);
    out.push({ path: bracketPath(name[1]), value: binary ? Buffer.from(value, "latin1").toString("base64") : value, file: file?.[1] });
  }
  return out;
}

/** Reads a request's values out: query arguments, then the body's (form, JSON, multipart, plain text). */
export function sourceOf(req: Req): Source {
  const [path, query] = (req.path ?? "/").split(/\?(.*)/s);
  const fields = query ? pairs(query) : [];
  const all = req.headers ?? [];
  const type = all.find(([n]) => n.toLowerCase() === "content-type")?.[1] ?? "";
  const body = req.body == null ? "" : typeof req.body === "string" ? req.body : Buffer.from(req.body).toString("utf8");
  if (body) {
    if (/urlencoded/i.test(type)) fields.push(...pairs(body));
    else if (/multipart\/form-data/i.test(type)) fields.push(...multipartFields(body, type));
    else if (/json/i.test(type) || /^\s*[[{]/.test(body)) {
      try { leaves(JSON.parse(body), [], fields); } catch { fields.push({ path: ["text"], value: body }); }
    } else if (/^text\/plain/i.test(type)) fields.push({ path: ["text"], value: body });
  }
  return { method: req.method ?? "GET", path, headers: all.filter(([n]) => !BODY_HEADERS.has(n.toLowerCase())), fields };
}

// ---- encodings -------------------------------------------------------------------------------
const hex2 = (b: number, lower = false) => { const x = b.toString(16).padStart(2, "0"); return lower ? x : x.toUpperCase(); };
const str = (v: Scalar) => (v === null ? "" : String(v));
/** encodeURIComponent (blank as %20). */
const pct20 = (s: string) => encodeURIComponent(s);
/** URLSearchParams / HTML forms: blank as `+`, everything but `*-._` and letters and digits escaped. */
const formEnc = (s: string) => new URLSearchParams({ s }).toString().slice(2);
/** RFC 3986 strict (AWS SigV4, OAuth 1 signing): only unreserved characters stay. */
const strict = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + hex2(c.charCodeAt(0)));
/** Every byte escaped, letters too (some SDKs and proxies), hex case as the client likes. */
const everyByte = (lower: boolean) => (s: string) => [...Buffer.from(s, "utf8")].map((b) => "%" + hex2(b, lower)).join("");
/** Only what the syntax needs escaped (and control bytes, which no request line carries); UTF-8 and punctuation go raw (curl, hand-written clients). */
const minimal = (s: string) => s.replace(/[%&=#+\s"<>\\^`{|}\x00-\x1f\x7f]/g, (c) => encodeURIComponent(c));

const bracketName = (p: string[]) => p[0] + p.slice(1).map((x) => `[${x}]`).join("");
const dottedName = (p: string[]) => p.join(".");
const qs = (fields: Field[], enc: (s: string) => string, name = bracketName) => fields.map((f) => `${enc(name(f.path))}=${enc(str(f.value))}`).join("&");

/** The fields as one JSON document, nested by their paths (digit segments as arrays when they start one). */
export function docOf(fields: Field[]): unknown {
  const root: Record<string, unknown> = {};
  for (const f of fields) {
    let at: any = root;
    f.path.forEach((seg, i) => {
      const last = i === f.path.length - 1;
      const key = Array.isArray(at) ? (/^\d+$/.test(seg) ? Number(seg) : at.length) : seg;
      if (last) at[key] = f.value;
      else {
        if (at[key] === null || typeof at[key] !== "object") at[key] = /^\d+$/.test(f.path[i + 1]) ? [] : {};
        at = at[key];
      }
    });
  }
  return root;
}
const u4 = (c: number, lower: boolean) => "\\u" + (lower ? c.toString(16) : c.toString(16).toUpperCase()).padStart(4, "0");
/** PHP json_encode / Python json.dumps defaults: `/` as `\/` (PHP), every non-ASCII UTF-16 unit as \uXXXX. */
const jsonAscii = (s: string, solidus: boolean, lower: boolean) => s.replace(/[\u0080-\uffff]/g, (c) => u4(c.charCodeAt(0), lower)).replace(/\//g, solidus ? "\\/" : "/");
/** Go encoding/json: `<`, `>`, `&`, U+2028 and U+2029 as \u escapes. */
const jsonGo = (s: string) => s.replace(/[<>&\u2028\u2029]/g, (c) => u4(c.charCodeAt(0), true));

const boundaryOf = (r: R, style: number) => {
  const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const run = (n: number, set = alnum) => Array.from({ length: n }, () => set[r(set.length)]).join("");
  return [`----WebKitFormBoundary${run(16)}`, `------------------------${run(16, "0123456789abcdef")}`, run(32, "0123456789abcdef"), `----=_Part_${r(100)}_${r(1e9)}.${r(1e12)}`, `--${run(30)}`][style % 5];
};
interface Part { name: string; value: string; filename?: string; type?: string; cte?: string }
function multipart(parts: Part[], boundary: string): string {
  return parts.map((p) => `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ""}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ""}${p.cte ? `Content-Transfer-Encoding: ${p.cte}\r\n` : ""}\r\n${p.value}\r\n`).join("") + `--${boundary}--\r\n`;
}

// ---- the request that carries them -------------------------------------------------------------
const bodyMethod = (m: string) => (m === "GET" || m === "HEAD" || m === "DELETE" || m === "OPTIONS" ? "POST" : m);
const get = (s: Source, q: string, extra: [string, string][] = []): Req => ({ method: "GET", path: q ? `${s.path}?${q}` : s.path, headers: [...s.headers, ...extra] });
const post = (s: Source, type: string, body: string | Uint8Array, extra: [string, string][] = []): Req => ({ method: bodyMethod(s.method), path: s.path, headers: [...s.headers, ["content-type", type], ...extra], body });
const json = (s: Source, text: string, type = "application/json") => post(s, type, text);
const pick = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const textFields = (s: Source) => s.fields.filter((f) => typeof f.value === "string");
const b64url = (x: string | Buffer) => Buffer.from(x).toString("base64url");
const withCookie = (s: Source, add: string): Req => {
  const i = s.headers.findIndex(([n]) => n.toLowerCase() === "cookie");
  const headers = s.headers.slice();
  if (i >= 0) headers[i] = [headers[i][0], `${headers[i][1]}; ${add}`];
  else headers.push(["cookie", add]);
  return { method: "GET", path: s.path, headers };
};
/** Header names clients give custom values: `x-` and the field name in lower case, punctuation as `-`. */
const headerName = (p: string[]) => "x-" + p.join("-").toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
const headerValue = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : encodeURIComponent(s));

const SCRIPTS = [
  "Привет, как дела? Заказ № 42 — доставка завтра", "Καλημέρα! Η παραγγελία σας στάλθηκε", "مرحبا، تم شحن طلبك اليوم", "שלום, ההזמנה שלך נשלחה",
  "你好，您的订单已发货（预计明天送达）", "こんにちは、ご注文ありがとうございます。", "안녕하세요, 주문하신 상품이 발송되었습니다", "สวัสดีครับ คำสั่งซื้อของคุณถูกจัดส่งแล้ว",
  "नमस्ते, आपका ऑर्डर भेज दिया गया है", "হ্যালো, আপনার অর্ডার পাঠানো হয়েছে", "வணக்கம், உங்கள் ஆர்டர் அனுப்பப்பட்டது", "გამარჯობა, თქვენი შეკვეთა გაიგზავნა",
  "Բարև, ձեր պատվերն ուղարկված է", "ሰላም፣ ትዕዛዝዎ ተልኳል", "Xin chào, đơn hàng của bạn đã được gửi đi", "Merhaba, siparişiniz kargoya verildi (İstanbul)",
  "Grüße aus Köln – Größe: XL, Preis: 12,50 €", "👍🏽 Thanks! 👨‍👩‍👧 family pack 🎉", "Zürich · São Paulo · Kraków · Ørsted · Þingvellir", "‏مرحبا‎ mixed RTL ‮text‬ marks",
] as const;
const WORDS = ["report", "invoice", "photo", "Q3 summary", "draft", "notes", "backup", "setup"];

export type Mutation = (s: Source, r: R) => Req;
/** Carries a changed set of fields in one of the ordinary carriers, chosen at random. */
const anyCarrier = (fields: Field[], s: Source, r: R): Req => {
  const t = { ...s, fields };
  return [() => get(t, qs(fields, pct20)), () => post(t, "application/x-www-form-urlencoded", qs(fields, formEnc)), () => json(t, JSON.stringify(docOf(fields))), () => MUTATIONS["multipart"](t, r)][r(4)]();
};
const mapText = (s: Source, f: (v: string, k: number) => string): Field[] => s.fields.map((x, k) => (typeof x.value === "string" ? { ...x, value: f(x.value, k) } : x));

/** Each mutation: the same fields, carried or encoded as some client does. */
export const MUTATIONS: Record<string, Mutation> = {
  "query %20": (s) => get(s, qs(s.fields, pct20)),
  "query +": (s) => get(s, qs(s.fields, formEnc)),
  "query RFC 3986 strict": (s) => get(s, qs(s.fields, strict)),
  "query every byte escaped": (s, r) => get(s, qs(s.fields, everyByte(r(2) === 1))),
  "query minimal escaping, raw UTF-8": (s) => get(s, qs(s.fields, minimal)),
  "query dotted names": (s) => get(s, qs(s.fields, formEnc, dottedName)),
  "form +": (s) => post(s, "application/x-www-form-urlencoded", qs(s.fields, formEnc)),
  "form %20": (s) => post(s, "application/x-www-form-urlencoded", qs(s.fields, pct20)),
  "form every byte escaped": (s, r) => post(s, "application/x-www-form-urlencoded", qs(s.fields, everyByte(r(2) === 1))),
  "form charset param": (s, r) => post(s, pick(r, ["application/x-www-form-urlencoded; charset=UTF-8", "application/x-www-form-urlencoded;charset=utf-8", "application/x-www-form-urlencoded; charset=\"UTF-8\""]), qs(s.fields, formEnc)),
  "json": (s) => json(s, JSON.stringify(docOf(s.fields))),
  "json nested": (s, r) => json(s, JSON.stringify(pick(r, [(d: unknown) => ({ data: { type: "items", attributes: d } }), (d: unknown) => ({ params: { input: { payload: d } }, meta: { v: 2 } })])(docOf(s.fields)))),
  "json arrays": (s) => json(s, JSON.stringify([docOf(s.fields.map((f) => ({ ...f, path: [...f.path, "0"] })))])),
  "json PHP (\\/ and \\uXXXX)": (s, r) => json(s, jsonAscii(JSON.stringify(docOf(s.fields)), true, r(2) === 1)),
  "json Python ensure_ascii, pretty": (s) => json(s, jsonAscii(JSON.stringify(docOf(s.fields), null, 2), false, true)),
  "json Go (\\u003c \\u0026)": (s) => json(s, jsonGo(JSON.stringify(docOf(s.fields)))),
  "json Content-Type variants": (s, r) => json(s, JSON.stringify(docOf(s.fields)), pick(r, ["application/json; charset=UTF-8", "application/json;charset=utf-8", "Application/JSON", "application/vnd.api+json", "application/hal+json", "application/problem+json", "application/ld+json", "application/merge-patch+json", "text/json", "application/x-json", "text/plain;charset=UTF-8", "application/json; charset=\"utf-8\""])),
  "multipart": (s, r) => {
    const b = boundaryOf(r, 0);
    return post(s, `multipart/form-data; boundary=${b}`, multipart(s.fields.map((f) => ({ name: bracketName(f.path), value: str(f.value) })), b));
  },
  "multipart with part Content-Type": (s, r) => {
    const b = boundaryOf(r, 1 + r(4));
    const [type, cte] = pick(r, [["text/plain; charset=UTF-8", undefined], ["text/plain; charset=ISO-8859-1", "8bit"], ["application/json", undefined]] as const);
    return post(s, `multipart/form-data; boundary=${b}`, multipart(s.fields.map((f) => ({ name: bracketName(f.path), value: type === "application/json" ? JSON.stringify(str(f.value)) : str(f.value), type, cte })), b));
  },
  "multipart files": (s, r) => {
    const b = boundaryOf(r, r(5));
    return post(s, `multipart/form-data; boundary=${b}`, multipart(s.fields.map((f) => ({ name: bracketName(f.path), value: str(f.value), filename: f.file ?? `${f.path[f.path.length - 1].replace(/[^\w.-]+/g, "_")}.txt`, type: pick(r, ["text/plain", "application/octet-stream", "text/csv"]) })), b));
  },
  "multipart Content-Type variants": (s, r) => {
    const b = boundaryOf(r, 3);
    const type = pick(r, [`multipart/form-data; boundary="${b}"`, `multipart/form-data; charset=utf-8; boundary=${b}`, `multipart/form-data;boundary=${b}`, `Multipart/Form-Data; Boundary="${b}"`]);
    return post(s, type, multipart(s.fields.map((f) => ({ name: bracketName(f.path), value: str(f.value) })), b));
  },
  "cookies": (s) => withCookie(s, s.fields.map((f) => `${bracketName(f.path).replace(/[^A-Za-z0-9_.-]/g, "_")}=${encodeURIComponent(str(f.value))}`).join("; ")),
  "cookie Express j:JSON": (s) => withCookie(s, `prefs=${encodeURIComponent("j:" + JSON.stringify(docOf(s.fields)))}`),
  "custom headers": (s) => ({ method: "GET", path: s.path, headers: [...s.headers, ...s.fields.map((f): [string, string] => [headerName(f.path), headerValue(str(f.value).replace(/[\r\n]+/g, " "))])] }),
  "HTTP/2 pseudo-headers": (s, r) => {
    const auth = s.headers.find(([n]) => n.toLowerCase() === "host")?.[1] ?? "svc.local";
    const rest = s.headers.filter(([n]) => n.toLowerCase() !== "host").map(([n, v]): [string, string] => [n.toLowerCase(), v]);
    const q = qs(s.fields, pct20);
    const viaQuery = r(2) === 1;
    const pseudo: [string, string][] = [[":method", viaQuery ? "GET" : bodyMethod(s.method)], [":scheme", "https"], [":authority", auth], [":path", viaQuery && q ? `${s.path}?${q}` : s.path]];
    return viaQuery ? { method: "GET", path: pseudo[3][1], headers: [...pseudo, ...rest] } : { method: bodyMethod(s.method), path: s.path, headers: [...pseudo, ...rest, ["content-type", "application/json"]], body: JSON.stringify(docOf(s.fields)) };
  },
  "gzip body, Content-Encoding": (s, r) => {
    const form = r(3) === 0;
    const raw = form ? qs(s.fields, formEnc) : JSON.stringify(docOf(s.fields));
    return post(s, form ? "application/x-www-form-urlencoded" : "application/json", new Uint8Array(gzipSync(Buffer.from(raw, "utf8"), { level: 1 + r(9) })), [["content-encoding", pick(r, ["gzip", "deflate", "gzip"])]]);
  },
  "compressed upload (gzip, zip type)": (s, r) => {
    const raw = JSON.stringify(docOf(s.fields));
    return post(s, pick(r, ["application/gzip", "application/x-gzip", "application/zip", "application/octet-stream"]), new Uint8Array(gzipSync(Buffer.from(raw, "utf8"), { level: 1 + r(9) })));
  },
  "base64 JSON parameter": (s, r) => {
    const doc = JSON.stringify(docOf(s.fields));
    const v = r(2) ? Buffer.from(doc, "utf8").toString("base64") : b64url(doc);
    return get(s, `${pick(r, ["state", "cursor", "data", "ctx"])}=${encodeURIComponent(v)}&v=2`);
  },
  "JWT (Bearer, parameter, cookie)": (s, r) => {
    const header = pick(r, [{ alg: "HS256", typ: "JWT" }, { alg: "RS256", typ: "JWT", kid: "k1-2024" }, { alg: "ES256", kid: "f3a9" }]);
    const sig = Buffer.from(Array.from({ length: header.alg === "RS256" ? 256 : 32 }, () => r(256)));
    const token = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify({ ...(docOf(s.fields) as object), iat: 1732000000, exp: 1732003600 }))}.${b64url(sig)}`;
    const where = r(3);
    return where === 0 ? { method: "GET", path: s.path, headers: [...s.headers, ["authorization", `Bearer ${token}`]] } : where === 1 ? get(s, `id_token=${token}&state=af0ifjsldkj`) : withCookie(s, `access_token=${token}`);
  },
  "UTF-8 text in many scripts": (s, r) => anyCarrier(mapText(s, (v) => (r(2) ? `${v} ${pick(r, SCRIPTS)}` : `${pick(r, SCRIPTS)} ${v}`)), s, r),
  "long values": (s, r) => anyCarrier(mapText(s, (v) => { let out = v || pick(r, WORDS); while (out.length < 2000 + r(6000)) out += (r(2) ? " " : "\n") + (v || pick(r, WORDS)); return out; }), s, r),
  "repeated parameters": (s, r) => {
    const style = r(3);
    const fields = s.fields.flatMap((f) => {
      const twice = [f, { ...f, value: typeof f.value === "string" ? `${f.value} ${pick(r, WORDS)}` : f.value }];
      return style === 0 ? twice : style === 1 ? twice.map((x) => ({ ...x, path: [...x.path, ""] })) : [{ ...f, value: `${str(f.value)},${str(twice[1].value)}` }];
    });
    return r(2) ? get(s, qs(fields, formEnc)) : post(s, "application/x-www-form-urlencoded", qs(fields, formEnc));
  },
  "Windows paths in values": (s, r) => {
    const w = () => pick(r, WORDS).replace(/ /g, "_");
    const paths = [`C:\\fakepath\\${w()}.pdf`, `C:\\Users\\${w()}\\Documents\\${w()}.docx`, `\\\\fileserver\\share\\${w()}\\${w()}.xlsx`, `D:\\Projects\\${w()}\\bin\\Release\\app.exe`, `C:\\Program Files (x86)\\${w()}\\config.ini`, `%USERPROFILE%\\Downloads\\${w()}.zip`];
    return anyCarrier([...s.fields, { path: ["attachment"], value: pick(r, paths) }, { path: ["save_to"], value: pick(r, paths) }], s, r);
  },
  "URLs in values": (s, r) => {
    // the public name a client links to (the corpus's test hosts are localhost and *.local)
    const named = s.headers.find(([n]) => n.toLowerCase() === "host")?.[1] ?? "";
    const host = /^(localhost|[\d.:]+|.*\.local)$/.test(named) || !named ? "app.example.com" : named;
    const self = `https://${host}${s.path}${s.fields.length ? "?" + qs(s.fields, formEnc) : ""}`;
    const urls = [self, `https://cdn.example.com/assets/${pick(r, WORDS).replace(/ /g, "-")}.png?v=3`, `https://hooks.example.org/services/T0/B1/${r(1e6)}`, `https://www.google.com/search?q=${formEnc(pick(r, SCRIPTS))}`];
    return anyCarrier([...s.fields, { path: ["return_to"], value: self }, { path: [pick(r, ["callback", "referrer", "link"])], value: pick(r, urls) }], s, r);
  },
};
