// The plain-words gate (assembly/engine/plain-words.ts): the engine skips the punctuation-driven
// detectors (xss, lfi, rfi, ssrf, ssti, nosql, ldap, xxe, scanner) for argument, cookie and body
// values made only of letters, digits, '_', '-' and spaces (names: no spaces), and also the Node.js
// and lookup-operator detectors when no "__" occurs. That is only safe while those detectors, forced
// to run, report nothing for such targets, at every paranoia level and whatever the name.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

function plain(v: string, kind: number): number {
  const p = h.exports.__pin(h.exports.__newString(v));
  try {
    return h.exports.plainWords(p, kind);
  } finally {
    h.exports.__unpin(p);
  }
}
const NOT_PLAIN = 0, WITH_DOUBLE_UNDERSCORE = 1, PLAIN = 2;
const PUNCTUATED = 1, DOUBLE_UNDERSCORED = 2;
const findings = (group: number, v: string, kind: number, key: string, paranoia: number) => h.callString("skippableFindings", group, v, kind, key, paranoia);

// TargetKind: ArgName 1, ArgValue 2, Cookie 4, CookieName 5, BodyValue 6, BodyKey 7.
const VALUE_KINDS = [1, 2, 4, 5, 6, 7];
const KEYS = ["q", "url", "uri", "file", "path", "include", "page", "template", "callback", "redirect", "host", "filter", "xml", "user-agent", "search"];
// Words the skipped detectors look for once punctuation joins them.
const WORDS = [
  "script", "alert", "onerror", "onload", "javascript", "vbscript", "data", "svg", "iframe", "img", "src", "etc", "passwd", "shadow",
  "boot", "ini", "win", "system32", "proc", "self", "environ", "localhost", "metadata", "169", "254", "127", "0", "1", "2130706433",
  "0x7f000001", "0177", "gopher", "dict", "file", "http", "https", "ftp", "jndi", "ldap", "rmi", "objectClass", "cn", "uid",
  "ENTITY", "DOCTYPE", "SYSTEM", "xml", "ne", "gt", "where", "regex", "db", "find", "sqlmap", "nikto", "nessus", "acunetix",
  "nmap", "burp", "config", "request", "self", "class", "mro", "subclasses", "7", "49", "if", "for", "each", "include",
  "proto", "constructor", "prototype", "process", "mainModule", "require", "child_process", "js_function", "eval", "Function",
  "gt", "lte", "startswith", "isnull", "regex", "in", "has_key", "contains", "defineGetter", "lookupSetter",
];
const plainValues = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_ -]{1,60}$/),
  fc.tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }), fc.constantFrom(" ", "_", "-", "", "  ", "__")).map(([w, sep]) => w.join(sep)),
);

describe("plain-words gate", () => {
  // [value, kind, class]: ArgValue 2, ArgName 1, Header 3, Path 0
  it.each([
    ["en", 2, PLAIN], ["john smith", 2, PLAIN], ["abc_DEF-12 9", 6, PLAIN], ["1111111111", 4, PLAIN], ["user_id", 1, PLAIN],
    ["__proto__", 7, WITH_DOUBLE_UNDERSCORE], ["price__gt", 1, WITH_DOUBLE_UNDERSCORE], ["a___b c", 2, WITH_DOUBLE_UNDERSCORE],
    ["x onload", 1, NOT_PLAIN], ["en", 3, NOT_PLAIN], ["api", 0, NOT_PLAIN],
    ["", 2, NOT_PLAIN], ["a.b", 2, NOT_PLAIN], ["a%20b", 2, NOT_PLAIN], ["O'Brien", 2, NOT_PLAIN], ["a\tb", 2, NOT_PLAIN],
    ["café", 2, NOT_PLAIN], ["a+b", 2, NOT_PLAIN], ["x=1", 2, NOT_PLAIN],
  ])("%j as kind %i is of class %i", (v, kind, expected) => {
    expect(plain(v, kind)).toBe(expected);
  });

  it("skipped detectors report nothing for plain values, whatever the kind, name and paranoia level", () => {
    fc.assert(
      fc.property(plainValues, fc.constantFrom(...VALUE_KINDS), fc.constantFrom(...KEYS), fc.integer({ min: 1, max: 4 }), (v, kind, key, paranoia) => {
        const c = plain(v, kind);
        fc.pre(c !== NOT_PLAIN);
        expect(findings(PUNCTUATED, v, kind, key, paranoia)).toBe("");
        if (c === PLAIN) expect(findings(DOUBLE_UNDERSCORED, v, kind, key, paranoia)).toBe("");
      }),
      { numRuns: 2000, seed: 20261128 },
    );
  });

  it("the same detectors do report once punctuation joins the words (the property above can fail)", () => {
    expect(findings(PUNCTUATED, "<script>alert(1)</script>", 2, "q", 1)).not.toBe("");
    expect(findings(PUNCTUATED, "../../etc/passwd", 2, "file", 1)).not.toBe("");
    expect(findings(PUNCTUATED, "http://169.254.169.254/latest/meta-data/", 2, "url", 1)).not.toBe("");
    expect(findings(PUNCTUATED, "x onload", 1, "q", 1)).not.toBe(""); // why names keep no spaces
    expect(findings(DOUBLE_UNDERSCORED, "__proto__", 7, "q", 1)).not.toBe("");
    expect(findings(DOUBLE_UNDERSCORED, "password__isnull", 1, "q", 1)).not.toBe("");
  });
});
