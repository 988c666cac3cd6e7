// Whole-value prefilters inside detectors (xxe's anchor pass, ...): a gate may only skip values
// the detector finds nothing in. Each value must give the same rules with the gates as they are
// and with every gate held open (Target.gatesOpen; census gates held open in both: census.test.ts
// checks those). Values are built from the markers each gate looks for, cut and mixed with the
// bytes it keys on, so that both outcomes of every gate occur.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const rules = (kind: number, name: string, v: string, open: boolean): string[] =>
  h.callString("rulesWithGates", kind, name, v, open ? 1 : 0).split(" ").filter(Boolean).sort();

const opens = (fn: string, v: string): boolean => {
  const p = h.exports.__pin(h.exports.__newString(v));
  try {
    return h.exports[fn](p) !== 0;
  } finally {
    h.exports.__unpin(p);
  }
};

const kinds = fc.constantFrom<[number, string]>([2, "args:q"], [6, "json:a.b"], [8, "body"], [3, "header:x-data"]);

/**
 * Each value gives the same rules with the gates as they are and with every gate held open; more than
 * 50 of 1500 give a rule `finds` looks for, so the gates are tried on what they guard.
 */
function expectSameWithGatesOpen(values: fc.Arbitrary<string>, finds: (rules: string[]) => boolean): void {
  let found = 0;
  fc.assert(
    fc.property(values, kinds, (v, [kind, name]) => {
      const open = rules(kind, name, v, true);
      if (finds(open)) found++;
      expect(rules(kind, name, v, false)).toEqual(open);
    }),
    { numRuns: 1500 },
  );
  expect(found).toBeGreaterThan(50);
}

/** Values from `markers` (whole, cut short, in other case) and `bytes`, joined. */
function valuesOf(markers: string[], bytes: string) {
  const marker = fc.constantFrom(...markers).chain((m) =>
    fc.oneof(fc.constant(m), fc.constant(m.toUpperCase()), fc.nat(m.length).map((k) => m.slice(0, k)), fc.nat(m.length).map((k) => m.slice(k))));
  const pieces = fc.oneof(
    { weight: 3, arbitrary: marker },
    { weight: 2, arbitrary: fc.constantFrom(...bytes.split("")) },
    { weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9 ]{0,5}$/) },
  );
  return fc.array(pieces, { maxLength: 9 }).map((a) => a.join(""));
}

function sameWithGatesOpen(gate: string, values: fc.Arbitrary<string>) {
  let skipped = 0;
  let opened = 0;
  fc.assert(
    fc.property(values, kinds, (v, [kind, name]) => {
      if (opens(gate, v)) opened++;
      else skipped++;
      expect(rules(kind, name, v, false)).toEqual(rules(kind, name, v, true));
    }),
    { numRuns: 1500 },
  );
  expect(skipped).toBeGreaterThan(100); // both outcomes occur
  expect(opened).toBeGreaterThan(100);
}

describe("xxe gate", () => {
  const table: [string, boolean][] = [
    ["<!DOCTYPE foo SYSTEM \"http://x/y.dtd\">", true],
    ["<!ENTITY % p SYSTEM 'x'>", true],
    ["<xi:include href=\"/etc/passwd\"/>", true],
    ["xsi:schemaLocation  = \"http://evil/x.xsd\"", true],
    ["<?xml version=\"1.0\" encoding=\"UTF-7\"?>", true],
    ["http://www.w3.org/2001/XInclude", true],
    ["Hello! What time is it? See https://example.com/a?b=c", false],
    ["schema location = x", false],
    ["xi include", false],
  ];
  for (const [value, open] of table) {
    it(`${open ? "reads" : "skips"} ${JSON.stringify(value)}`, () => {
      expect(opens("xxeGateOpens", value)).toBe(open);
    });
  }

  it("skips only values the scan finds nothing in", () => {
    sameWithGatesOpen("xxeGateOpens", valuesOf(
      ["<!ENTITY x SYSTEM \"a\">", "<!ENTITY % p \"&a;&a;&a;&a;\">", "<!DOCTYPE d PUBLIC \"x\" \"http://e/x\">", "<!DOCTYPE d SYSTEM \"f\">",
        "<xi:include href=\"x\"/>", "/2001/XInclude", "schemaLocation=\"http://e/x.xsd\"", "noNamespaceSchemaLocation =' //e/x'",
        "<?xml version=\"1.0\" encoding=\"utf-7\"?>"],
      "!:/=?<>\"' \n"));
  });
});

describe("nosql javascript gate", () => {
  const table: [string, boolean][] = [
    ["db.users.find({})", true],
    ["x'; return this.a == 1", true],
    ["while(new Date() - d < 5000)", true],
    ["' || this.password.match(/.*/)//", true],
    ["See the docs (chapter 3). Then; run it", false],
    ["a while ago (really)", false],
  ];
  for (const [value, open] of table) {
    it(`${open ? "reads" : "skips"} ${JSON.stringify(value)}`, () => {
      expect(opens("nosqlJsGateOpens", value)).toBe(open);
    });
  }

  it("skips only values javascript() finds nothing in", () => {
    sameWithGatesOpen("nosqlJsGateOpens", valuesOf(
      ["db.users.find(", "db.x.insert(", "while(", "new Date()", "this.", "this.a == 1", "; return true", "1; return 1", "x'; return this",
        "' || this.", "\" && this.x", "return"],
      ".(;'\"|&= \n"));
  });
});

describe("java serialization openings (census)", () => {
  it("skips only values findSerialized and pickleBase64 find nothing in", () => {
    expectSameWithGatesOpen(valuesOf(
      ["rO0ABXNyABFqYXZh", "KztAAXNy", "Cs7QAAVzcg", "AAEAAAD/////AQAAAAAAAAAMAgAAAA", "/wEyBAABAAAA", "gASVKAAAAAAAAACMCGJ1aWx0aW5zlC4=",
        "aced0005737200", "ACED0005", "xaced0005", "0aced0005", "return", "Content", "Certain"],
      "=+/_-. \""), (found) => found.some((r) => r === "8130" || r === "8133" || r === "17004"));
  });
});

describe("xss breakouts end at the last '='", () => {
  // scanAttributeBreakout and scanAssignmentBreakout stop at the value's last `=` (a name they read
  // must be followed by one); held open, they read to the end.
  it("find the same attribute and assignment breakouts as reading to the end", () => {
    expectSameWithGatesOpen(valuesOf(
      ["\" onclick=", "'/x/onmouseover =", "\"formaction=", "' in a.b=", "\";a.b =", "' + x.y.z=", "onerror=alert(1)", "onion=layered food",
        "\"srcdoc=", "x==y", "a.b=c", "`;d.e="],
      "=\"'`/ ;+."), (found) => found.some((r) => r === "3004" || r === "3022"));
  });
});

describe("java base64 runs read between the census's first and last", () => {
  // The census notes where the first and the last run scanBase64Runs would decode lie; the scan reads
  // only from one to the other. Held open, it reads the whole value.
  const b64 = (s: string) => Buffer.from(s).toString("base64");
  it("find the same encoded gadget names as reading every run", () => {
    const names = ["java.lang.Runtime", "org.apache.commons.collections.functors", "sun.reflect.annotation", "ProcessBuilder", "InvokerTransformer"];
    // encoded names at each of the four alignments (a byte or two in front), whole or cut
    const encoded = names.flatMap((n) => ["", "x", "xy"].map((p) => b64(p + n).replace(/=+$/, "")));
    expectSameWithGatesOpen(valuesOf(
      [...encoded, ...encoded.map((e) => e.slice(3, 40)), "SIMDReplaceId", "CHANGELOG_ARCHIVE", "RRSetCrtcConfig", "openSUSE", "Hello", "World"],
      " ./:=-_+(\n"), (found) => found.includes("8131"));
  });
});

describe("protocol request and status lines need HTTP/", () => {
  // requestLine, embeddedRequest and injectedResponse's status line all read an `HTTP/`: one search
  // skips the three when there is none. Held open, they run on every value with a `/` or `<`.
  it("find the same request and response injections as running every search", () => {
    expectSameWithGatesOpen(valuesOf(
      ["GET /admin HTTP/1.1", "POST / HTTP/1.0", "GPOST /x HTTP/1.1", "HTTP/1.1 200 OK", "HTTP/2 302 Found", "http/1.1", "HTTP/.9",
        "Host: x", "Location: /y", "Content-Length: 0", "<html>", "<meta http-equiv=refresh content=0>", "https://example.com/a"],
      "\r\n /:<>.0123"), (found) => found.some((r) => r === "1060" || r === "1062"));
  });
});
