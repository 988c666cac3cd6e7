import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";

const ARG = 2;
let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

function ssti(input: string): { score: number; ids: number[] } {
  const out = JSON.parse(h.callString("detectOne", "ssti", input, ARG, "args:q", 1));
  return { score: out.score, ids: out.ids.map((m: { id: number }) => m.id) };
}

const attacks: [string, number][] = [
  ["{{7*7}}", 11001],
  ["{{= 7*7 }}", 11001],
  ["{{request|attr('\\x5f\\x5fglobals\\x5f\\x5f')}}", 11002],
  ["{{ ['id']|filter('system') }}", 11002],
  ["{{-_self.env.getFilter('id')-}}", 11002],
  ["${7*7}", 11001],
  ["#{7*7}", 11001],
  ["aaaa\\u0027+#{16*8787}+\\u0027bbb", 11001],
  ["<%= 7*7 %>", 11001],
  ["{{7*'7'}}", 11001],
  ["{{config}}", 11002],
  ["{{ self }}", 11002],
  ["{{''.__class__.__mro__}}", 11002],
  ["{{ request.application.__globals__ }}", 11002],
  ["#{runtime.exec('id')}", 11002],
  ["${T(java.lang.Runtime).getRuntime().exec('id')}", 11002],
  ["*{T(java.lang.System).getenv()}", 11002],
  ["{% if True %}49{% endif %}", 11003],
  ["{%- import os %}", 11003],
  // control flow over literals only is a probe; over data (benign list) it is a stored template
  ["{%if 1 == 1%}x{%endif%}", 11003],
  ["{{#if true}}x{{/if}}", 11003],
  ["{% for x in ().__class__.__base__.__subclasses__() %}", 11003],
  ["${{<%[%'\"}}%\\.", 11001],
  ["<% if True %>49<% endif %>", 11003],
  ["<% system('id') %>", 11003],
  ["<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}", 11004],
  ["#set($x=$class.inspect(\"java.lang.Runtime\"))", 11004],
];

const benign: string[] = [
  "{{ user.first_name|title }}",
  "Your code is {code}, my_self.name too",
  "Hello {{ name }}, welcome",
  "Use {{ user.name }} to print the user's name",
  "${HOME}/bin and ${PATH}",
  "price: {total}",
  "{\"a\": {\"b\": 1}}",
  "discount <5% or >10%",
  "<%= title %>",
  "markdown with `${variable}` in code",
  "5 * 7 = 35",
  "${#COMP_LINE} is the length",
  "{% for item in cart.items %}<li>{{ item.name }}</li>{% endfor %}",
  "{% if user.is_admin and not banned %}<b>{{ user }}</b>{% else %}guest{% endif %}",
  "{{#each orders}}<span>{{total}}</span>{{/each}} {{#if isOpen}}open{{/if}}",
];

describe("ssti detector", () => {
  it.each(attacks)("blocks %j (rule %i)", (input, rule) => {
    const r = ssti(input);
    expect(r.ids).toContain(rule);
    expect(r.score).toBeGreaterThanOrEqual(5);
  });

  it.each(benign)("lets %j through", (input) => {
    expect(ssti(input).score).toBeLessThan(5);
  });

  it("never traps on random input", () => {
    const alphabet = fc.constantFrom(..."{}$#*@<%>=-_7 .()'\"Tconfigself".split(""));
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 400 }).map((a) => a.join("")), (s) => {
      expect(ssti(s).score).toBeGreaterThanOrEqual(0);
    }), { numRuns: 300 });
  });
});
