// htmlDecode returns its input itself when no entity decodes (`a && b`, `?x=1&y=2`, `Tom & Jerry`), as
// every decoded form of a Target does when its decoding changes nothing: detectors that read a form only
// when it differs from the one they read before (xss, xxe, ssti, ldap) then read such a value once. The
// findings must be those of the old behaviour, where the HTML form was a copy of the same bytes.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";
import { transform, transformUnchanged } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const bytes = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const text = (b: Uint8Array | null) => (b === null ? null : Buffer.from(b).toString("utf8"));

describe("htmlDecode", () => {
  it("returns its input itself when no '&' opens an entity that decodes", () => {
    for (const v of ["a && b || c", "Tom & Jerry", "see /p?x=1&y=2&z=3", "&", "x&", "&bogus;", "&#;", "&#x;", "AT&T"]) {
      expect(transformUnchanged(h, "htmlDecode", bytes(v))).toBe(true);
      expect(text(transform(h, "htmlDecode", bytes(v)))).toBe(v);
    }
  });

  it("decodes entities after '&' that open none", () => {
    for (const [v, want] of [["a && &lt;b&gt;", "a && <b>"], ["x=1&y=2&#60;", "x=1&y=2<"], ["& &amp &#x41", "& & A"]]) {
      expect(transformUnchanged(h, "htmlDecode", bytes(v))).toBe(false);
      expect(text(transform(h, "htmlDecode", bytes(v)))).toBe(want);
    }
  });
});

// Values heavy in '&' that decodes nothing, with entities, markup, quotes and the shapes detectors key on.
const pieces = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[a-zA-Z0-9 ]{0,6}$/) },
  { weight: 3, arbitrary: fc.constantFrom("&", "&&", " & ", "&x=1", "&y", "&#", "&;", "&Z") },
  { weight: 2, arbitrary: fc.constantFrom(..."<>'\"`(){}[]$%\\/:;|=*.!?#@_+-,\r\n\t".split("")) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "&lt;", "&#x3c;", "&#60", "&gt;", "&quot;", "&apos;", "&amp;", "<script>", "onerror=", "javascript:", "alert(1)",
      "' or 1=1--", "{{7*7}}", "<!ENTITY", "<?xml", ")(uid=*", "(|(", "${jndi:", "; id", "| cat /etc/passwd", "../",
      "http://127.0.0.1/", "\\u0027", "%26", "%3c", "document.cookie", "expires=",
    ),
  },
);
const value = fc.array(pieces, { maxLength: 12 }).map((a) => a.join(""));
// Target kinds (engine/target.ts): argValue, header, cookie, bodyValue, body.
const kinds = fc.constantFrom<[number, string]>([2, "args:q"], [3, "header:x-data"], [4, "cookie:s"], [6, "json:a.b"], [8, "body"]);

function findings(fn: string, kind: number, name: string, v: string): unknown {
  return JSON.parse(h.callString(fn, kind, name, v, 4));
}

describe("an HTML form that decodes nothing is the decoded form itself", () => {
  it("gives the findings of a copy of the same bytes (score, rules, targets, fragments)", () => {
    fc.assert(
      fc.property(value, kinds, (v, [kind, name]) => {
        expect(findings("scanTarget", kind, name, v)).toEqual(findings("scanTargetHtmlCopied", kind, name, v));
      }),
      { numRuns: 3000 },
    );
  });

  it("covers values the change reads once, with and without findings (the property above is not vacuous)", () => {
    const read = (v: string) => (findings("scanTarget", 2, "args:q", v) as { score: number }).score;
    expect(transformUnchanged(h, "htmlDecode", bytes("<img src=x onerror=alert(1)> && x"))).toBe(true);
    expect(read("<img src=x onerror=alert(1)> && x")).toBeGreaterThanOrEqual(5);
    expect(read("q=1&lang=en&page=2")).toBe(0);
  });
});
