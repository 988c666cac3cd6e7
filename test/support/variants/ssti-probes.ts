// Template injection as scanners send it (tplmap/SSTImap-style): a rendering probe with random
// numbers in each engine's delimiters (Jinja2/Twig/Nunjucks `{{ }}`, FreeMarker/Velocity/Thymeleaf/EL
// `${ }` `#{ }` `*{ }` `[[...]]`, ERB/EJS/JSP `<%= %>`, Smarty `{ }`, Razor `@( )`, Mako `${ }`, Go `{{ }}`,
// Handlebars helpers), string-operator probes (`{{'a'~'b'}}`, `{{'7'*7}}`), object chains that reach the
// runtime with random subclass indexes and attribute spellings, FreeMarker's square-bracket syntax,
// and the error-provoking polyglot. ssti.ts has fixed examples; this file draws the parts.
import fc from "fast-check";
import { rng, type R } from "./rng.js";

const n = (r: R) => String(2 + r(99998));
const op = (r: R) => ["*", "+", "-", "*", "*"][r(5)];
const sp = (r: R) => (r(2) ? " " : "");

const PROBES: ((r: R) => string)[] = [
  (r) => `{{${sp(r)}${n(r)}${op(r)}${n(r)}${sp(r)}}}`,
  (r) => `\${${n(r)}${op(r)}${n(r)}}`,
  (r) => `#{${n(r)}${op(r)}${n(r)}}`,
  (r) => `*{${n(r)}${op(r)}${n(r)}}`,
  (r) => `[[\${${n(r)}*${n(r)}}]]`,
  (r) => `<%=${sp(r)}${n(r)}${op(r)}${n(r)}${sp(r)}%>`,
  (r) => `{${n(r)}*${n(r)}}`, // Smarty
  (r) => `@(${n(r)}*${n(r)})`, // Razor
  (r) => `{{=${n(r)}*${n(r)}}}`, // doT
  (r) => `\${{${n(r)}*${n(r)}}}`,
  (r) => `{{'${n(r)}'*${1 + r(9)}}}`,
  (r) => `{{'${"abc".slice(r(2))}'~'${n(r)}'}}`, // Twig concatenation
  (r) => `{%${sp(r)}print ${n(r)}*${n(r)}${sp(r)}%}`,
  (r) => `#set($x=${n(r)}*${n(r)})\${x}`, // Velocity
  (r) => `<#assign x=${n(r)}*${n(r)}>\${x}`, // FreeMarker
  (r) => `[#assign x=${n(r)}*${n(r)}][=x]`, // FreeMarker square-bracket syntax
];
const CHAINS: ((r: R) => string)[] = [
  (r) => `{{''.__class__.__mro__[${1 + r(2)}].__subclasses__()[${r(500)}]}}`,
  (r) => `{{().__class__.__bases__[0].__subclasses__()[${r(500)}].__init__.__globals__['sys'].modules['os'].popen('id').read()}}`,
  (r) => `{{request['application']['\\x5f\\x5fglobals\\x5f\\x5f']['\\x5f\\x5fbuiltins\\x5f\\x5f']['\\x5f\\x5fimport\\x5f\\x5f']('os')['popen']('id')['read']()}}`,
  (r) => `{{${["config", "self", "request", "lipsum", "cycler", "joiner", "namespace"][r(7)]}.__init__.__globals__}}`,
  (r) => `{{${["config", "request"][r(2)]}|attr('__class__')}}`,
  () => `{{dump(app)}}`,
  () => `{{app.request.server.all|join(',')}}`,
  () => `{{_self.env.registerUndefinedFilterCallback("exec")}}{{_self.env.getFilter("id")}}`,
  (r) => `\${T(java.lang.${["Runtime", "System", "ProcessBuilder"][r(3)]}).${["getRuntime()", "getenv()", "class"][r(3)]}}`,
  () => `\${"freemarker.template.utility.Execute"?new()("id")}`,
  () => `[#assign ex="freemarker.template.utility.Execute"?new()]\${ex("id")}`,
  () => `<#assign ex="freemarker.template.utility.ObjectConstructor"?new()>\${ex("java.lang.ProcessBuilder","id").start()}`,
  () => `#set($rt=$x.class.forName('java.lang.Runtime'))$rt.getRuntime().exec('id')`,
  () => `$class.inspect("java.lang.Runtime").type.getRuntime().exec("id")`,
  (r) => `<%= ${["system('id')", "`id`", "IO.popen('id').read", "File.read('/etc/passwd')", "Dir.entries('/')"][r(5)]} %>`,
  () => `{{this.constructor.constructor('return process')().mainModule.require('child_process').execSync('id')}}`,
  () => `{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{/with}}{{/with}}{{/with}}`,
  () => `{$smarty.version}`,
  () => `{php}echo \`id\`;{/php}`,
  () => `{system('id')}`,
  () => `\${{<%[%'"}}%\\.`,
];

export const sstiProbe: fc.Arbitrary<string> = fc.tuple(fc.nat(), fc.boolean(), fc.nat(99), fc.constantFrom("", "", "x", "John ", "1")).map(([seed, probe, k, pre]) => {
  const r = rng(seed);
  const list = probe ? PROBES : CHAINS;
  return pre + list[k % list.length](r);
});

/** Placeholders, prices, braces and at-signs in ordinary values. */
export const sstiProbeBenign: fc.Arbitrary<string> = fc.constantFrom(
  "Hello {{ name }}", "Total {total} items", "{1-3} business days", "Email me @(home)", "Pick {a, b}", "Price: ${price}", "set {x} to 5",
  "Order #{123}", "{{ user.email }}", "Use @media (max-width: 600px)", "See @(section 2)", "{2023} annual report", "[x] done, [ ] todo",
  "a*b = c (algebra)", "Rated 4*5 stars", "{$var} in PHP strings", "<b>bold</b>", "${HOME}/.config",
);
