// urlDecode returns its input itself when nothing decodes (`50% off`, `100%`, `%zz`), as every decoded form of
// a Target does when its decoding changes nothing: the request parsers then give such a value as its raw bytes,
// urlDecoded() and decoded() are the value, and detectors that read a form only when it differs from the one
// they read before (xss, xxe, ssti, php, nodejs) read it once. sqli's `+`-as-space test asked whether
// urlDecoded() differed from the value, which held exactly when the value held a `%`: it now asks that. The
// findings must be those of the old behaviour, where every such form was a copy of the same bytes.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";
import { KIND, inspectUrlCopied, transform, transformUnchanged, type Req } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const bytes = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const text = (b: Uint8Array | null) => (b === null ? null : Buffer.from(b).toString("latin1"));

// One pass as urlDecode has always made it (`%XX`, `%uXXXX` as UTF-8, `+` as a space for forms; anything else kept).
function reference(input: Uint8Array, plus: boolean): string {
  const hex = (c: number) => (c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1);
  const out: number[] = [];
  const n = input.length;
  for (let i = 0; i < n; ) {
    const c = input[i];
    if (c === 0x2b && plus) {
      out.push(0x20);
      i++;
    } else if (c === 0x25 && i + 2 < n && hex(input[i + 1]) >= 0 && hex(input[i + 2]) >= 0) {
      out.push((hex(input[i + 1]) << 4) | hex(input[i + 2]));
      i += 3;
    } else if (c === 0x25 && i + 5 < n && (input[i + 1] | 0x20) === 0x75 && [2, 3, 4, 5].every((k) => hex(input[i + k]) >= 0)) {
      const cp = (hex(input[i + 2]) << 12) | (hex(input[i + 3]) << 8) | (hex(input[i + 4]) << 4) | hex(input[i + 5]);
      if (cp < 0x80) out.push(cp);
      else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
      else out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
      i += 6;
    } else {
      out.push(c);
      i++;
    }
  }
  return Buffer.from(out).toString("latin1");
}

describe("urlDecode", () => {
  it("returns its input itself when no '%' opens an escape (and, for forms, no '+')", () => {
    for (const v of ["50% off", "100%", "%", "%%", "a%2", "%zz", "%u12", "%u12G4", "10%-20%", "%%%41".slice(0, 3)]) {
      expect(transformUnchanged(h, "urlDecode", bytes(v))).toBe(true);
      expect(transformUnchanged(h, "urlDecodeForm", bytes(v))).toBe(true);
      expect(transformUnchanged(h, "urlDecodeFull", bytes(v))).toBe(true);
      expect(text(transform(h, "urlDecode", bytes(v)))).toBe(v);
    }
    expect(transformUnchanged(h, "urlDecode", bytes("1+1"))).toBe(true);
    expect(transformUnchanged(h, "urlDecodeForm", bytes("1+1"))).toBe(false);
  });

  it("decodes escapes after '%' that open none", () => {
    for (const [v, want] of [["50% %41", "50% A"], ["100%%41%", "100%A%"], ["%zz%u0041", "%zzA"], ["%2%2541", "%2%41"]]) {
      expect(transformUnchanged(h, "urlDecode", bytes(v))).toBe(false);
      expect(text(transform(h, "urlDecode", bytes(v)))).toBe(want);
    }
    expect(text(transform(h, "urlDecodeFull", bytes("100%%2541")))).toBe("100%A");
    expect(text(transform(h, "urlDecodeFull", bytes("%2%2541")))).toBe("*");
  });

  it("writes what one pass has always written, byte for byte", () => {
    const input = fc.array(
      fc.oneof(
        fc.constantFrom("%", "+", "%2", "%41", "%4g", "%u", "%u004", "%u0041", "%U20AC", "%uD83D", "%25", "%2B", "%0a", "%e9", "%C3%A9"),
        fc.stringMatching(/^[a-zA-Z0-9 %+]{0,4}$/),
      ),
      { maxLength: 16 },
    ).map((a) => a.join(""));
    fc.assert(
      fc.property(input, (v) => {
        const b = bytes(v);
        expect(text(transform(h, "urlDecode", b))).toBe(reference(b, false));
        expect(text(transform(h, "urlDecodeForm", b))).toBe(reference(b, true));
      }),
      { numRuns: 3000 },
    );
  });
});

// Values heavy in '%' and '+' that decode nothing or little, with the shapes detectors key on.
const pieces = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[a-zA-Z0-9 ]{0,6}$/) },
  { weight: 4, arbitrary: fc.constantFrom("%", "%%", "50% ", "100%", " % ", "%2", "%zz", "%u12", "+", "++", " + ", "+1", "1+", "%+") },
  { weight: 2, arbitrary: fc.constantFrom(..."<>'\"`(){}[]$&\\/:;|=*.!?#@_-,\t".split("")) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "%41", "%27", "%2B", "%25", "%u0027", "%0a", "%3c", "' or 1=1--", "'+or+1=1--", "x'+union+select+1,2--", "1+AND+1=1",
      "1+||+2=2", "waitfor+delay+'0:0:5'", "<script>", "onerror=", "javascript:", "alert(1)", "{{7*7}}", "[%", "{%", "<%",
      "<!ENTITY", "<?xml", ")(uid=*", "${jndi:", "; id", "| cat /etc/passwd", "../", "http://127.0.0.1/", "\\u0027",
      "O:8:\"stdClass\":0:{}", "php://filter", "__proto__", "eval(", "cm91dCBpZA==", "&lt;", "&#x3c;",
    ),
  },
);
const value = fc.array(pieces, { maxLength: 12 }).map((a) => a.join(""));

function findings(fn: string, kind: number, name: string, v: string, paranoia: number): unknown {
  return JSON.parse(h.callString(fn, kind, name, v, paranoia));
}

const NAMES: Record<number, string> = {
  [KIND.Path]: "path", [KIND.ArgName]: "args:q", [KIND.ArgValue]: "args:q", [KIND.Header]: "header:x-data", [KIND.Cookie]: "cookie:s",
  [KIND.CookieName]: "cookie:s", [KIND.BodyValue]: "json:a.b", [KIND.BodyKey]: "json:a.b", [KIND.Body]: "body", [KIND.Filename]: "files:f",
  [KIND.PartHeader]: "multipart:content-type",
};

describe("a URL form that decodes nothing is the value itself", () => {
  it("gives, in every target kind, the findings of a copy of the same bytes (score, rules, targets, fragments)", () => {
    const kinds = fc.constantFrom(...Object.values(KIND));
    fc.assert(
      fc.property(value, kinds, fc.constantFrom(1, 2), (v, kind, paranoia) => {
        expect(findings("scanTarget", kind, NAMES[kind], v, paranoia)).toEqual(findings("scanTargetUrlCopied", kind, NAMES[kind], v, paranoia));
      }),
      { numRuns: 4000 },
    );
  });

  it("gives the verdict of the forms copied, wherever the request carries the value", () => {
    // (header lines cannot hold a line break; the query, path and cookie carry what their separators leave)
    const placed = (v: string, where: number): Req => {
      const line = v.replace(/[\r\n]/g, " ");
      switch (where) {
        case 0: return { path: `/search?q=${v}&page=2` };
        case 1: return { path: `/search?${v}=1` };
        case 2: return { path: `/files/${v.replace(/[?#]/g, "")}/x` };
        case 3: return { path: `/a;p=${v.replace(/[?#/;]/g, "")}/b` };
        case 4: return { headers: [["host", "svc.local"], ["cookie", `s=${line}; t=1`]] };
        case 5: return { headers: [["host", "svc.local"], ["cookie", `${line.replace(/[=;]/g, "")}=1`]] };
        case 6: return { method: "POST", headers: [["host", "svc.local"], ["content-type", "application/x-www-form-urlencoded"]], body: `a=${v}&b=2` };
        case 7: return { method: "POST", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: JSON.stringify({ a: { b: v }, [v]: 1 }) };
        case 8: return { headers: [["host", "svc.local"], ["x-data", line], ["referer", `https://svc.local/p?q=${line}`]] };
        default: return {
          method: "POST",
          headers: [["host", "svc.local"], ["content-type", "multipart/form-data; boundary=B"]],
          body: `--B\r\nContent-Disposition: form-data; name="f"; filename="${line.replace(/"/g, "")}"\r\n\r\n${v}\r\n--B--\r\n`,
        };
      }
    };
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 9 }), fc.constantFrom(1, 2), (v, where, paranoia) => {
        const r = placed(v, where);
        expect(inspectUrlCopied(h, r, false, paranoia)).toEqual(inspectUrlCopied(h, r, true, paranoia));
      }),
      { numRuns: 4000 },
    );
  });

  it("covers values the change reads once, with and without findings (the properties above are not vacuous)", () => {
    const score = (v: string, kind: number = KIND.BodyValue) => (findings("scanTarget", kind, NAMES[kind], v, 1) as { score: number }).score;
    // a `%` that opens no escape: the value is its own URL form, and `+` is still a space for sqli (a JSON value that holds %)
    expect(transformUnchanged(h, "urlDecodeFull", bytes("50% x'+union+select+1,2--"))).toBe(true);
    expect(score("50% x'+union+select+1,2--")).toBeGreaterThanOrEqual(5);
    expect(score("x'+union+select+1,2--")).toBe(0);
    expect(score("1% waitfor+delay+'0:0:5'", KIND.Header)).toBeGreaterThanOrEqual(5);
    expect(score("50% off all orders + free shipping")).toBe(0);
    expect(inspectUrlCopied(h, { path: "/search?q=100%25%20cotton" }, false).score).toBe(0);
    expect(inspectUrlCopied(h, { path: "/p?q=50%<script>alert(1)</script>" }, false).score).toBeGreaterThanOrEqual(5);
  });
});
