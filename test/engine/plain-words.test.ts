// The plain-words gate (assembly/engine/plain-words.ts): the engine skips the punctuation-driven
// detectors (xss, lfi, rfi, ssrf, ssti, nosql, ldap, xxe, scanner) for argument, cookie and body
// values made only of letters, digits, '_', '-' and spaces (names: no spaces). That is only safe while
// those detectors, forced to run, report nothing for such targets, at every paranoia level and name.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

function plain(v: string, kind: number): boolean {
  const p = h.exports.__pin(h.exports.__newString(v));
  try {
    return h.exports.plainWords(p, kind) !== 0;
  } finally {
    h.exports.__unpin(p);
  }
}
const findings = (v: string, kind: number, key: string, paranoia: number) => h.callString("punctuatedFindings", v, kind, key, paranoia);

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
];
const plainValues = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_ -]{1,60}$/),
  fc.tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }), fc.constantFrom(" ", "_", "-", "", "  ")).map(([w, sep]) => w.join(sep)),
);

describe("plain-words gate", () => {
  // [value, kind, plain]: ArgValue 2, ArgName 1, Header 3, Path 0
  it.each([
    ["en", 2, true], ["john smith", 2, true], ["abc_DEF-12 9", 6, true], ["1111111111", 4, true], ["user_id", 1, true],
    ["x onload", 1, false], ["en", 3, false], ["api", 0, false],
    ["", 2, false], ["a.b", 2, false], ["a%20b", 2, false], ["O'Brien", 2, false], ["a\tb", 2, false], ["café", 2, false], ["a+b", 2, false], ["x=1", 2, false],
  ])("%j as kind %i is plain: %s", (v, kind, expected) => {
    expect(plain(v, kind)).toBe(expected);
  });

  it("skipped detectors report nothing for plain values, whatever the kind, name and paranoia level", () => {
    fc.assert(
      fc.property(plainValues, fc.constantFrom(...VALUE_KINDS), fc.constantFrom(...KEYS), fc.integer({ min: 1, max: 4 }), (v, kind, key, paranoia) => {
        fc.pre(plain(v, kind));
        expect(findings(v, kind, key, paranoia)).toBe("");
      }),
      { numRuns: 1500, seed: 20261128 },
    );
  });

  it("the same detectors do report once punctuation joins the words (the property above can fail)", () => {
    expect(findings("<script>alert(1)</script>", 2, "q", 1)).not.toBe("");
    expect(findings("../../etc/passwd", 2, "file", 1)).not.toBe("");
    expect(findings("http://169.254.169.254/latest/meta-data/", 2, "url", 1)).not.toBe("");
    expect(findings("x onload", 1, "q", 1)).not.toBe(""); // why names keep no spaces
  });
});
