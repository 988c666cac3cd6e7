// Rich text from WYSIWYG editors: paragraphs, emphasis, links, images from a CDN, lists and
// tables, with classes and inline styles editors add. No scripts, no event handlers.
import fc from "fast-check";
import { pick } from "../variants/positions.js";
import { capitalised, host, ident, phrase, sentence, small } from "./words.js";
import { personName } from "./text.js";

const url = fc.tuple(host, fc.array(ident, { minLength: 0, maxLength: 3 }), fc.option(fc.tuple(ident, ident), { nil: undefined })).map(([h, p, q]) => `https://${h}/${p.join("/")}${q ? `?${q[0]}=${q[1]}&amp;utm_source=newsletter` : ""}`);
const inline = fc.oneof(
  phrase, personName,
  fc.tuple(pick(["strong", "em", "b", "i", "u", "s", "code", "mark", "sub", "sup"]), phrase).map(([t, p]) => `<${t}>${p}</${t}>`),
  fc.tuple(url, phrase, pick(["", ' target="_blank" rel="noopener noreferrer"', ' title="Open"'])).map(([u, p, a]) => `<a href="${u}"${a}>${p}</a>`),
  fc.tuple(host, ident, phrase, small).map(([h, f, alt, w]) => `<img src="https://${h}/images/${f}.png" alt="${alt}" width="${w}0">`),
  fc.tuple(pick(["color: #333", "font-weight: bold", "text-align: center", "font-size: 14px"]), phrase).map(([s, p]) => `<span style="${s}">${p}</span>`),
  fc.constant("<br>"), fc.constant("&nbsp;&mdash;&nbsp;"),
);
const inlines = fc.array(inline, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(" "));
const block = fc.oneof(
  inlines.map((s) => `<p>${s}</p>`),
  fc.tuple(pick(["h1", "h2", "h3"]), capitalised).map(([h, c]) => `<${h}>${c}</${h}>`),
  fc.tuple(pick(["ul", "ol"]), fc.array(inlines, { minLength: 1, maxLength: 4 })).map(([l, xs]) => `<${l}>${xs.map((x) => `<li>${x}</li>`).join("")}</${l}>`),
  fc.tuple(fc.array(capitalised, { minLength: 2, maxLength: 3 }), fc.array(phrase, { minLength: 2, maxLength: 3 })).map(([hs, cs]) => `<table class="table"><thead><tr>${hs.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody><tr>${cs.map((c) => `<td>${c}</td>`).join("")}</tr></tbody></table>`),
  sentence.map((s) => `<blockquote>${s}</blockquote>`),
  fc.tuple(ident, inlines).map(([c, s]) => `<div class="${c.replace(/_/g, "-")}">${s}</div>`),
  fc.tuple(host, ident, phrase).map(([h, f, cap]) => `<figure><img src="https://${h}/${f}.jpg" alt="${cap}"><figcaption>${cap}</figcaption></figure>`),
);
/** An HTML fragment from a rich-text editor. */
export const richText: fc.Arbitrary<string> = fc.array(block, { minLength: 1, maxLength: 4 }).map((xs) => xs.join("\n"));
