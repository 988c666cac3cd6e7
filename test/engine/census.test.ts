// The census (assembly/engine/census.ts) and the detector gates that read it. A gate may only
// skip a detector that would find nothing: every value must give the same findings with the
// gates held open (every class claimed) as with the census of its bytes and decoded forms.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

// Bit positions of the classes, as census.ts numbers them.
const BIT: Record<string, number> = {
  "<": 0, ">": 1, "'": 2, '"': 2, "`": 2, "(": 3, ")": 3, "{": 4, "}": 4, "[": 5, "]": 5, $: 6, "%": 7, "&": 8,
  "/": 10, ":": 11, ";": 12, "|": 13, "=": 14, "*": 15, ".": 16, "!": 17, "?": 18, "#": 19, "@": 20, _: 21,
  "\r": 22, "\n": 22, "+": 23, "-": 24, ",": 25, "~": 26, "^": 26, "7": 27, "\u00e9": 28, "\u0000": 29, "\t": 29, " ": 30,
};

const census = (v: string) => h.exports.censusOfText(h.exports.__newString(v)) >>> 0;

describe("census", () => {
  for (const [ch, bit] of Object.entries(BIT)) {
    it(`puts ${JSON.stringify(ch)} in class ${bit}`, () => {
      expect(census(ch)).toBe((1 << bit) >>> 0);
    });
  }

  it("counts a backslash as a slash too (a path separator to normalisation)", () => {
    expect(census("\\")).toBe(((1 << 9) | (1 << 10)) >>> 0);
  });

  it("gives letters no class and unions the classes of a value", () => {
    expect(census("Hello")).toBe(0);
    expect(census("a(b).c")).toBe(((1 << 3) | (1 << 16)) >>> 0);
  });
});

// Values that open and close the gates: punctuation every detector keys on, words and shapes of
// attacks and of ordinary text, and the escapes that hide bytes from a census of the raw value.
const pieces = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[a-z0-9 ]{0,6}$/) },
  { weight: 2, arbitrary: fc.constantFrom(..."<>'\"`(){}[]$%&\\/:;|=*.!?#@_+-,~^\r\n\t".split("")) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "../", "..\\", "etc/passwd", "id_rsa", ".env", "0x2e", "%2e%2e%2f", "%252f", "&#x2f;", "&lt;", "\\u002e", "\\x2f",
      "http://", "//127.0.0.1", "file:", "169.254.169.254", "$ne", "[$gt]", "db.users.find(", "this.", "; return true",
      "while(", ")(uid=*", "objectclass=*", "(&(", "<!ENTITY", "<?xml", "xi:include", "{{7*7}}", "${", "<%= ", "#set(",
      "@(", "%08x", "%13lld", "@System", "__proto__", "constructor", ".prototype", "require(", "eval(", "<?php", "$_GET", "php://",
      "String.fromCharCode", "setTimeout(\"", "new Function", "eval", "\\u0028", "%28",
      "allow_url_include=On", "auto_prepend_file = x", "allow\\u005furl_include=1",
      "cookie", ".cookie=", "expires=", "!!python", "oast.fun", "@burpcollaborator", "\u00c0\u00ae", "\uff0e", "%u002e",
    ),
  },
);
const value = fc.array(pieces, { maxLength: 10 }).map((a) => a.join(""));
// Target kinds (engine/target.ts): path, argName, argValue, header, cookie, cookieName, bodyValue, bodyKey, body, filename.
const kinds = fc.constantFrom<[number, string]>(
  [0, "path"], [1, "args:q"], [2, "args:q"], [3, "header:user-agent"], [3, "header:x-data"], [4, "cookie:s"], [5, "cookie:s"],
  [6, "json:a.b"], [7, "json:a"], [8, "body"], [9, "files:f"],
);

// The rules found and where, with the gates as they are or held open. (Fragments may differ: with the
// gates open a detector may read a more decoded form of the same value, `．` as `.`.)
function rules(kind: number, name: string, v: string, raw: string, everyClass: boolean): string[] {
  const out = JSON.parse(h.callString("scanTargetAs", kind, name, v, raw, everyClass ? 1 : 0, 4));
  return out.matches.map((m: { id: number; target: string }) => `${m.id}@${m.target}`).sort();
}

describe("census gates", () => {
  it("skip only detectors that find nothing (same findings with every class claimed)", () => {
    fc.assert(
      fc.property(value, kinds, fc.boolean(), (v, [kind, name], encoded) => {
        const raw = encoded ? encodeURIComponent(v) : v;
        expect(rules(kind, name, v, raw, false)).toEqual(rules(kind, name, v, raw, true));
      }),
      { numRuns: 4000 },
    );
  });

  it("do find through the gates (the property above is not vacuous)", () => {
    for (const [kind, name, v] of [[2, "args:q", ")(uid=*"], [6, "json:a", '{"$ne": 1}'], [2, "args:q", "../../etc/passwd"], [2, "args:u", "http://169.254.169.254/"], [6, "json:a", "{{7*7}}"], [2, "args:q", "x; allow_url_include=1"]] as const) {
      const found = JSON.parse(h.callString("scanTargetAs", kind, name, v, v, 0, 4));
      expect(found.matches.length, v).toBeGreaterThan(0);
    }
  });
});
