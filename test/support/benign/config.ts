// What operators type into config UIs that services store and pass on: regular expressions of
// alerting rules, log parsers and JSON validation, LogQL with formatting stages, and templates.
import fc from "fast-check";
import { pick, seq } from "../variants/positions.js";
import { camel, duration, ident, noun, phrase, small } from "./words.js";

const cls = pick(["[a-z]", "[A-Z0-9]", "[^\\s]", "\\w", "\\d", "\\S", "[0-9a-f]", "[^\"]", "."]);
const q = pick(["+", "*", "?", "{1,3}", "{2}", "+?", ""]);
const alt = fc.array(noun, { minLength: 2, maxLength: 4 }).map((xs) => `(${xs.join("|")})`);
const rxAtom = fc.oneof(
  fc.tuple(cls, q).map(([c, x]) => c + x), noun, alt, alt.map((a) => `(?:${a.slice(1)}`), noun.map((n) => `(?P<${n}>\\S+)`),
  fc.tuple(noun, cls).map(([n, c]) => `${n}\\.${c}+`), pick(["\\.", "\\s+", ":", "=", "\\/", "-", "\\[", "\\]", " "]),
);
/** A regular expression of an alerting rule, a log parser or a validation pattern. */
export const configRegex: fc.Arbitrary<string> = fc.tuple(pick(["^", "", "(?i)", "^(?i)"]), fc.array(rxAtom, { minLength: 1, maxLength: 6 }), pick(["$", "", ".*"]))
  .map(([a, xs, z]) => a + xs.join("") + z);
/** Regexes where config documents keep them: alert matchers, parsers and JSON Schema patterns. */
export const regexConfig: fc.Arbitrary<object> = fc.oneof(
  fc.tuple(ident, configRegex, pick(["warning", "critical"])).map(([n, r, sev]) => ({ matchers: [{ name: "alertname", value: r, isRegex: true }, { name: "severity", value: sev, isRegex: false }], createdBy: n, comment: "silence during maintenance" })),
  fc.tuple(ident, configRegex).map(([n, r]) => ({ parser: { type: "regex", name: n, expression: r, timeKey: "time" } })),
  fc.dictionary(camel, configRegex.map((pattern) => ({ type: "string", pattern })), { minKeys: 1, maxKeys: 3 }).map((properties) => ({ type: "object", properties })),
);

const matcher = fc.tuple(ident, pick(["=", "=~", "!="]), fc.oneof(ident, alt.map((a) => a.slice(1, -1)))).map(([l, op, v]) => `${l}${op}"${v}"`);
const logStage = fc.oneof(
  fc.tuple(pick(["|=", "!=", "|~", "!~"]), fc.oneof(phrase, ident, configRegex)).map(([op, s]) => `${op} ${JSON.stringify(s)}`),
  fc.tuple(ident, ident).map(([a, b]) => `| line_format "{{.${a}}} {{.${b}}}"`),
  fc.tuple(ident).map(([a]) => `| label_format ${a}="{{.${a} | ToUpper}}"`),
  fc.tuple(ident, pick(["!=", "=", ">"]), fc.oneof(ident.map((x) => `"${x}"`), small)).map(([l, op, v]) => `| ${l} ${op} ${v}`),
  pick(["| json", "| logfmt", "| drop __error__", "| regexp `(?P<method>\\w+) (?P<path>\\S+)`"]),
);
/** LogQL whose stages format lines and then filter again. */
export const logqlStages: fc.Arbitrary<string> = fc.tuple(fc.array(matcher, { minLength: 1, maxLength: 3 }), fc.array(logStage, { minLength: 1, maxLength: 4 }), fc.boolean(), duration)
  .map(([ms, st, agg, d]) => { const s = `{${ms.join(", ")}} ${st.join(" ")}`; return agg ? `sum(count_over_time(${s} [${d}]))` : s; });

// A bare engine object (`{{request}}`, `{{config}}`) is the SSTI probe itself and stays reported: page data has other names.
const data = camel.filter((c) => !["request", "session", "config", "settings", "self"].includes(c));
/** Jinja, Handlebars and Liquid templates a CMS stores in content fields. */
export const cmsTemplate: fc.Arbitrary<string> = fc.array(fc.oneof(
  fc.tuple(data, data).map(([a, b]) => `<p>Hello {{ ${a}.${b} }},</p>`),
  fc.tuple(data, pick(["upper", "title", "default('n/a')", "truncate(40)", "escape"])).map(([a, f]) => `{{ ${a} | ${f} }}`),
  fc.tuple(data, data).map(([x, xs]) => `{% for ${x} in ${xs} %}<li>{{ ${x}.name }} - {{ ${x}.price }}</li>{% endfor %}`),
  fc.tuple(data).map(([x]) => `{% if ${x} %}<b>{{ ${x} }}</b>{% else %}none{% endif %}`),
  fc.tuple(data, data).map(([x, xs]) => `{{#each ${xs}}}<span>{{${x}}}</span>{{/each}}`),
  fc.tuple(data).map(([x]) => `{{#if ${x}}}{{> header}}{{else}}{{t "welcome"}}{{/if}}`),
  fc.tuple(data, small).map(([x, n]) => `{{ ${x} | date: "%Y-%m-%d" }} ({{ ${x}.size | plus: ${n} }})`),
  phrase.map((p) => `<h2>${p}</h2>`),
), { minLength: 1, maxLength: 5 }).map((xs) => xs.join("\n"));

/** Help text and chat about processes: command words, apostrophes and ordinary punctuation. */
const CMD = ["kill", "sort", "cat", "ls", "top", "ps", "grep", "find", "rm", "echo", "sleep", "tail", "curl", "ping", "wget", "chmod", "who", "id", "su", "nc"];
const cmd = pick(CMD);
export const commandProse: fc.Arbitrary<string> = fc.oneof(
  seq(pick(["don't ", "can't ", "won't ", "let's ", "we'll ", "it's ok to "]), cmd, " the ", fc.oneof(noun, phrase), pick([" process", " job", " list", ""]), pick([", let's ", "; we'll ", " - don't ", ". I'll "]), cmd, " it ", pick(["out", "later", "first", "again"]), pick([".", "!", "", " :)"])),
  seq(pick(["Don't ", "Please don't ", "Let's "]), cmd, " ", phrase, " (it's ", noun, "'s ", pick(["job", "call"]), "), then ", cmd, " ", noun, "."),
  seq(cmd, " ", fc.oneof(noun, phrase), " isn't working, ", pick(["so I'll ", "we'd ", "you'd "]), cmd, " the ", noun, " & ", cmd, " ", noun),
  seq("I'd ", cmd, " ", noun, " | ", cmd, " ", noun, " if it's ", pick(["slow", "stuck", "down"]), "; O'Brien's ", noun, " won't ", cmd),
);
