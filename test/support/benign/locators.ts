// Locators in values: file paths (Unix, Windows, relative inside a site), URLs with query
// strings, and the regular expressions config UIs take.
import fc from "fast-check";
import { pick } from "../variants/positions.js";
import { date, host, ident, int, noun } from "./words.js";

const seg = fc.oneof(ident, noun, ident.map((s) => s.replace(/_/g, "-")));
const ext = pick(["png", "jpg", "svg", "pdf", "csv", "json", "md", "txt", "tar.gz", "docx", "yaml", "css", "js"]);
const file = fc.tuple(seg, ext).map(([n, e]) => `${n}.${e}`);
/** Paths of files users and services name. */
export const filePath: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.array(seg, { maxLength: 3 }), file).map(([d, f]) => [...d, f].join("/")),
  fc.tuple(pick(["/home/", "/var/data/", "/srv/app/", "/tmp/uploads/", "/Users/"]), fc.array(seg, { maxLength: 3 }), file).map(([r, d, f]) => r + [...d, f].join("/")),
  fc.tuple(pick(["C:\\Users\\", "D:\\Projects\\", "\\\\fileserver\\share\\", "C:\\Program Files\\"]), fc.array(seg, { maxLength: 3 }), file).map(([r, d, f]) => r + [...d, f].join("\\")),
  fc.tuple(pick(["images", "assets/img", "static/css", "docs", "uploads/2024"]), file).map(([d, f]) => `${d}/${f}`),
  fc.tuple(pick(["./", "~/"]), fc.array(seg, { minLength: 1, maxLength: 2 }), file).map(([r, d, f]) => r + [...d, f].join("/")),
);
const query = fc.array(fc.tuple(ident, fc.oneof(ident, int, date)), { maxLength: 4 }).map((xs) => (xs.length ? "?" + xs.map(([k, v]) => `${k}=${v}`).join("&") : ""));
/** Absolute URLs of public sites and in-mesh services with paths and query strings. */
export const url: fc.Arbitrary<string> = fc.tuple(pick(["https://", "http://"]), host, pick(["", ":8080", ":443"]), fc.array(seg, { maxLength: 4 }), query, pick(["", "", "#section-2", "#top"]))
  .map(([s, h, p, path, q, frag]) => `${s}${h}${p}/${path.join("/")}${q}${frag}`);

const charClass = pick(["[a-z]", "[A-Za-z0-9_-]", "\\d", "\\w", "[^/]", "\\s", "."]);
const quant = pick(["+", "*", "?", "{2,5}", "{3}", ""]);
const atom = fc.oneof(fc.tuple(charClass, quant).map(([c, q]) => c + q), noun, fc.tuple(noun, noun).map(([a, b]) => `(${a}|${b})`), pick(["\\.", "-", "/", "@", "\\/"]));
/** A regular expression as typed into a routing, validation or log-filter setting. */
export const regex: fc.Arbitrary<string> = fc.tuple(pick(["^", ""]), fc.array(atom, { minLength: 1, maxLength: 6 }), pick(["$", ""])).map(([a, xs, z]) => a + xs.join("") + z);
