// The command injection detector's shortcuts for long text values: the `()` prefilter in front of
// the shellshock and fork bomb finders may only skip values they find nothing in, and the
// VBScript sink window (rce/vbscript.ts) still sees `Execute(` / `Eval(` / `ExecuteGlobal(` when
// payloads split them with joins and blanks.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

function call(name: string, v: string): number {
  const p = h.exports.__pin(h.exports.__newString(v));
  try {
    return h.exports[name](p) as number;
  } finally {
    h.exports.__unpin(p);
  }
}

function rceRules(input: string): number[] {
  const out = JSON.parse(h.callString("scanTarget", 2, "args:q", input, 4));
  return out.matches.filter((m: { category: string }) => m.category === "rce").map((m: { id: number }) => m.id);
}

describe("() prefilter of the shellshock and fork bomb finders", () => {
  const table: [string, boolean, number][] = [
    ["() { :; }; echo x", true, 1],
    [":(){ :|:& };:", true, 2],
    ["( ) { :; }", false, 0],
    ["see function(a) { return a }", false, 0],
    ["f() { f | f & }", true, 2],
  ];
  for (const [value, gate, found] of table) {
    it(`${JSON.stringify(value)}: gate ${gate}, finders ${found}`, () => {
      expect(call("rceEmptyParens", value) !== 0).toBe(gate);
      expect(call("rceFunctionSyntaxForced", value)).toBe(found);
    });
  }

  const pieces = fc.oneof(
    fc.constantFrom("(", ")", "()", "( )", "(){", "() {", "( ){", "{", "}", ":", ":;", ";", "|", "&", " ", ":|:", "f", "f|f&", "bomb", "\n", "@"),
    fc.stringMatching(/^[a-z :;|&(){}]{0,6}$/),
  );
  const values = fc.array(pieces, { maxLength: 10 }).map((a) => a.join(""));

  it("skips only values neither finder matches", () => {
    let skipped = 0;
    let found = 0;
    fc.assert(
      fc.property(values, (v) => {
        const hit = call("rceFunctionSyntaxForced", v);
        if (hit !== 0) found++;
        if (call("rceEmptyParens", v) !== 0) return;
        skipped++;
        expect(hit).toBe(0);
      }),
      { numRuns: 2000 },
    );
    expect(skipped).toBeGreaterThan(50); // the property was exercised
    expect(found).toBeGreaterThan(5); // and the finders do match generated values
  });
});

describe("VBScript execution sink", () => {
  const table: [string, boolean][] = [
    ['On Error Resume Next: Execute("x = 1")', true],
    ['On Error Resume Next\nEx"&"e"&"cute("x")', true],
    ['Response.Write Eval ("1+1") & "done"', true],
    ['Set o = CreateObject("x"): ExecuteGlobal(s)', true],
    ['Server.ScriptTimeout = 9: e " & " val(s)', true],
    ["On Error Resume Next: execute the plan (today)", false],
    ["Response.Write the value; we evaluate (x) later", false],
  ];
  for (const [value, hit] of table) {
    it(`${hit ? "finds" : "ignores"} ${JSON.stringify(value)}`, () => {
      expect(rceRules(value).includes(4312)).toBe(hit);
    });
  }
});

describe("prefilter of the VBScript sink", () => {
  const table: [string, boolean, boolean][] = [
    ['Execute("x")', true, true],
    ['Ex"&"e"&"cute("x")', true, true],
    ['e " & " val (s)', true, true],
    ["execute the plan (today)", false, false],
    ['ev"a"l(x)', true, false], // a lone quote inside the word is no join: the prefilter lets it through, the sink says no
  ];
  for (const [value, gate, sink] of table) {
    it(`${JSON.stringify(value)}: prefilter ${gate}, sink ${sink}`, () => {
      expect(call("rceMayHaveExecSink", value) !== 0).toBe(gate);
      expect(call("rceExecSinkForced", value) !== 0).toBe(sink);
    });
  }

  const pieces = fc.oneof(
    fc.constantFrom("eval", "ev", "al", "exe", "cute", "execute", "global", "(", '"&"', '" & "', '"', "&", " ", "\t", "\n", "E", "L"),
    fc.stringMatching(/^[a-z "&(]{0,5}$/),
  );
  const values = fc.array(pieces, { maxLength: 10 }).map((a) => a.join(""));

  it("skips only values the sink finds nothing in", () => {
    let skipped = 0;
    let found = 0;
    fc.assert(
      fc.property(values, (v) => {
        const hit = call("rceExecSinkForced", v) !== 0;
        if (hit) found++;
        if (call("rceMayHaveExecSink", v) !== 0) return;
        skipped++;
        expect(hit).toBe(false);
      }),
      { numRuns: 2000 },
    );
    expect(skipped).toBeGreaterThan(50);
    expect(found).toBeGreaterThan(20);
  });
});

describe("nextByte (eight bytes at a time)", () => {
  function reference(v: string, from: number, b: number, fold: boolean): number {
    const bytes = Buffer.from(v, "utf8");
    for (let i = Math.max(from, 0); i < bytes.length; i++) if ((bytes[i] | (fold ? 0x20 : 0)) === b) return i;
    return Math.max(from, bytes.length); // (from itself when it lies past the end)
  }
  function nextByte(v: string, from: number, b: number, fold: boolean): number {
    const p = h.exports.__pin(h.exports.__newString(v));
    try {
      return h.exports.rceNextByte(p, from, b, fold ? 1 : 0) as number;
    } finally {
      h.exports.__unpin(p);
    }
  }
  it("finds the first matching byte as a byte-by-byte scan does", () => {
    const text = fc.stringMatching(/^[a-zA-Z()(.I é]{0,40}$/);
    fc.assert(
      fc.property(text, fc.nat(45), fc.constantFrom([0x28, false], [0x2e, false], [0x69, true], [0xa9, false]), (v, from, [b, fold]) => {
        expect(nextByte(v, from, b as number, fold as boolean)).toBe(reference(v, from, b as number, fold as boolean));
      }),
      { numRuns: 3000 },
    );
  });
});
