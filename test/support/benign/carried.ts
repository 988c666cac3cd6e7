// Benign field sets for test/engine/benign-mutations.test.ts: the values that turned out to block once a
// client carried them differently (mutations.ts): multi-line text (CRLF or LF line ends, log lines that
// start with a timestamp, terminal colours), nested field names in bracket notation whose first word is
// also a browser global (`content[body]`, `parent[]`, `self[id]`) or whose keys are media types
// (`data[image/svg+xml]`), the same names in the query of a URL that is a value, and the ordinary values
// beside them (names with apostrophes, text in other scripts, URLs, Windows paths), each an arbitrary
// Source to hand to a mutation.
import fc from "fast-check";
import { pick } from "../variants/positions.js";
import type { Field, Source } from "./mutations.js";
import { capitalised, hex, ident, noun, small, word } from "./words.js";

const phrase = fc.array(word, { minLength: 2, maxLength: 7 }).map((ws) => ws.join(" "));
const stamp = fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([d, h, m]) => `2024-05-${String(d).padStart(2, "0")}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:01.1234567Z`);
/** Terminal colours as CI runners, test reporters and notebook tracebacks write them (SGR, `ESC[...m`). */
const colour = pick(["", "\u001b[32m", "\u001b[0;31m", "\u001b[36;1m", "\u001b[1m\u001b[33m", "\u001b[38;5;124m"]);
/** One line of a CI or service log: a timestamp, a level (coloured now and then), a message. */
const logLine = fc.tuple(stamp, colour, pick(["INFO", "WARN", "ERROR", "##[group]Run", "##[endgroup]"]), noun, phrase)
  .map(([t, c, l, n, p]) => `${t} ${c}${l}${c ? "\u001b[0m" : ""} ${n}: ${p}`);
/** A multi-line note: prose lines, a bulleted list, or a log excerpt, lines joined by LF or CRLF. */
const multiLine = fc.tuple(fc.oneof(
  fc.array(fc.tuple(capitalised, phrase).map(([c, p]) => `${c} ${p}.`), { minLength: 2, maxLength: 4 }),
  fc.array(phrase.map((p) => `- ${p}`), { minLength: 2, maxLength: 4 }),
  fc.array(logLine, { minLength: 2, maxLength: 4 }),
), pick(["\n", "\r\n"])).map(([lines, eol]) => lines.join(eol));
const GLOBALS = ["content", "parent", "self", "top", "window", "frames", "document", "opener"];
const MEDIA = ["text/plain", "image/png", "image/svg+xml", "application/vnd.api+json", "text/html"];
/** A nested name as qs, PHP and Rails spell it, led by a word that is also a browser global now and then. */
const bracketName = fc.tuple(fc.oneof(pick(GLOBALS), ident), fc.array(fc.oneof(ident, small, pick(MEDIA)), { minLength: 1, maxLength: 4 }))
  .map(([head, keys]) => [head, ...keys]);
/** A link back into an app whose own query nests names in brackets (`?content[nbformat]=4&parent[]=3`), raw or escaped. */
const nestedQueryUrl = fc.tuple(ident, fc.array(fc.tuple(bracketName, fc.oneof(ident, small)), { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([h, ps, esc]) => `https://${h}.example.com/nb?${ps.map(([[n, ...ks], v]) => `${n}${ks.map((k) => (esc ? `%5B${encodeURIComponent(k)}%5D` : `[${k}]`)).join("")}=${v}`).join("&")}`);
const plainValue = fc.oneof(
  phrase, pick(["O'Reilly", "Zoë d'Artagnan", "Łódź, ul. Piotrkowska 12/3", "東京都渋谷区 1-2-3", "Ünïcödé “quotes” – dash", "C:\\Users\\anna\\Documents\\Q3 report.xlsx"]),
  fc.tuple(ident, ident).map(([h, p]) => `https://${h}.example.com/${p}?ref=mail&utm_source=newsletter`), nestedQueryUrl, hex, small,
);

/** A field set as a client gathers it: a title, a multi-line note, nested fields, an ordinary value. */
export const carriedFields: fc.Arbitrary<Source> = fc.tuple(phrase, fc.array(fc.tuple(fc.oneof(pick(["note", "message", "log", "comment"]), ident), multiLine), { minLength: 1, maxLength: 2 }),
  fc.array(fc.tuple(bracketName, plainValue), { minLength: 1, maxLength: 3 }), fc.tuple(ident, plainValue), pick(["/api/v1/notes", "/account/settings", "/hooks/ci"]))
  .map(([title, notes, nested, [k, v], path]) => {
    const fields: Field[] = [{ path: ["title"], value: title }, ...notes.map(([n, t]): Field => ({ path: [n], value: t })), ...nested.map(([p, x]): Field => ({ path: p, value: x })), { path: [k], value: v }];
    return { method: "POST", path, headers: [["host", "app.example.com"], ["user-agent", "okhttp/4.12.0"], ["accept", "application/json"]], fields };
  });
