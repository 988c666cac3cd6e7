// Places a payload where a client would send it: a query argument, a form field, a JSON
// string value, a header or a cookie. The payload is the text the application sees after
// its own decoding (one URL decoding for query/form/cookie, JSON unescaping); the wire
// form escapes only what the position's syntax needs, as an attack tool would.
import fc from "fast-check";
import type { Req } from "../engine.js";

export type Position = "query" | "form" | "json" | "header" | "cookie" | "path";

/** Percent-encodes what a query or form value cannot hold raw (and, at random, more). */
function urlEscape(s: string, all: boolean): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const must = c <= 0x20 || c >= 0x7f || ch === "%" || ch === "&" || ch === "#" || ch === "+" || ch === "=";
    if (must || (all && !/[A-Za-z0-9._~-]/.test(ch))) out += encodeURIComponent(ch).replace(/[!'()*]/g, (x) => "%" + x.charCodeAt(0).toString(16).toUpperCase());
    else out += ch;
  }
  return out;
}

/** Parameter names; those of include paths (file, page, path, template) make a URL value suspect by themselves. */
export const NAMES = ["q", "id", "file", "url", "page", "name", "search", "data", "cmd", "template", "user", "path", "redirect", "comment"];

export function place(payload: string, pos: Position, nameIndex = 0, escapeAll = false): Req {
  const name = NAMES[nameIndex % NAMES.length];
  switch (pos) {
    case "query":
      return { method: "GET", path: `/app/view?${name}=${urlEscape(payload, escapeAll)}&lang=en`, headers: [["host", "svc.local"]] };
    case "path":
      return { method: "GET", path: `/files/${urlEscape(payload, escapeAll).replace(/\?/g, "%3F")}`, headers: [["host", "svc.local"]] };
    case "form":
      return {
        method: "POST", path: "/app/submit",
        headers: [["host", "svc.local"], ["content-type", "application/x-www-form-urlencoded"]],
        body: `lang=en&${name}=${urlEscape(payload, escapeAll)}`,
      };
    case "json":
      return {
        method: "POST", path: "/api/v1/items",
        headers: [["host", "svc.local"], ["content-type", "application/json"]],
        body: JSON.stringify({ lang: "en", item: { [name]: payload, count: 2 } }),
      };
    case "header":
      // (a header holds no line break: a tool sends a tab, which HTML and URL parsers skip where they skip a line feed)
      return { method: "GET", path: "/app/home", headers: [["host", "svc.local"], ["user-agent", payload.replace(/\r\n|[\r\n]/g, "\t")], ["accept", "*/*"]] };
    case "cookie":
      return { method: "GET", path: "/app/home", headers: [["host", "svc.local"], ["cookie", `sid=abc123; ${name}=${urlEscape(payload, escapeAll).replace(/;/g, "%3B")}`]] };
  }
}

/** Indexes of NAMES that an application gives a URL it fetches or redirects to, not a file it includes. */
export const URL_NAMES = [0, 1, 3, 5, 8, 10, 12, 13];

export const positions = (...ps: Position[]) => fc.constantFrom(...ps);

/** A request carrying the payload: a position, a parameter name, and how much the client escapes. */
export function placed(payload: fc.Arbitrary<string>, ps: Position[] = ["query", "form", "json", "header", "cookie"], names: number[] = NAMES.map((_, k) => k)): fc.Arbitrary<{ payload: string; pos: Position; req: Req }> {
  return fc.tuple(payload, fc.constantFrom(...ps), fc.constantFrom(...names), fc.boolean()).map(([p, pos, n, all]) => ({ payload: p, pos, req: place(p, pos, n, all) }));
}

/** Random upper/lower case per letter (for case-insensitive grammars). */
export function mixCase(s: string, seed: number): string {
  let out = "";
  let x = seed | 1;
  for (const ch of s) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += (x >> 16) & 1 ? ch.toUpperCase() : ch.toLowerCase();
  }
  return out;
}

export function pick<T>(xs: readonly T[]): fc.Arbitrary<T> {
  return fc.constantFrom(...xs);
}

/** Joins parts drawn from arbitraries: `seq(a, "x", b)`. */
export function seq(...parts: (string | fc.Arbitrary<string>)[]): fc.Arbitrary<string> {
  return fc.tuple(...parts.map((p) => (typeof p === "string" ? fc.constant(p) : p))).map((xs) => xs.join(""));
}
