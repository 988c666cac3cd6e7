// Expression-language and deserialisation injection (test/support/variants/expr-deser.ts): SpEL,
// OGNL (context maps, static calls), MVEL and EL implicit objects, Razor .NET calls and Go template
// actions; Java streams in base64 and hex, PHP objects (raw and base64), .NET `$type` gadgets,
// BinaryFormatter blobs and ViewStates, YAML type tags (python, ruby, SnakeYAML) and Python pickles;
// in queries, forms, JSON, cookies, headers and raw bodies.
// And the same markers used honestly (placeholders, e-mail addresses, a MAC'd ViewState), which pass.
import { expect, it } from "vitest";
import fc from "fast-check";
import { inspect } from "../support/engine.js";
import { placed } from "../support/variants/positions.js";
import { exprAttack, exprBenign, FAMILIES } from "../support/variants/expr-deser.js";
import { describeFamily } from "../support/variants/check.js";

const SEED = 20261128;
const b64 = (s: string) => Buffer.from(s).toString("base64");

describeFamily("expression and deserialisation injection", {
  blocks: [
    ["every expression and serialised object wherever the tool puts it", exprAttack, 700],
  ],
  passes: [
    ["placeholders, addresses, type names in prose and a MAC'd ViewState", placed(exprBenign, ["query", "form", "json", "header", "cookie"]), 300],
  ],
}, (h) => {
  it("draws every family", () => {
    const seen = new Set(fc.sample(exprAttack, { seed: SEED, numRuns: 200 }).map((a) => a.family));
    expect(Object.keys(FAMILIES).filter((f) => !seen.has(f))).toEqual([]);
  });

  it.each([
    "@System.Diagnostics.Process.Start(\"cmd.exe\",\"/c whoami\")", "@{System.Diagnostics.Process.Start(\"calc\");}", "@(System.Environment.MachineName)",
    "{{printf \"%s\" \"abc\"}}", "{{- len $x }}", "{{define \"a\"}}x{{end}}", "%{#session['user']}", "${applicationScope['k']}",
    "AAEAAAD/////AQAAAAAAAAAMAgAAAA==", "/wEyxBEAAQAAAP////8BAAAAAAAAAAwCAAAA",
    "!!python/object/apply:os.system [\"id\"]", "--- !ruby/object:Gem::Installer\ni: x", "cos\nsystem\n(S'id'\ntR.", "gASVHgAAAAAAAACMAm9zlIwGc3lzdGVtlJOUjAJpZJSFlFKULg",
    // base64 of PHP objects whose properties are all protected or private (NULs around their names), once missed
    b64('O:8:"Qajrulqp":3:{s:8:"\0*\0gdwpr";i:255;s:8:"\0*\0fclci";b:1;s:9:"\0*\0ioeghn";b:1;}'),
    b64('O:7:"Eyorcll":2:{s:13:"\0Eyorcll\0prph";b:0;s:10:"\0*\0xakfuz";i:5318;}'),
  ])("blocks %s in a query", (v) => {
    expect(inspect(h(), { path: `/app/view?q=${encodeURIComponent(v)}` }).score).toBeGreaterThanOrEqual(5);
  });

  it.each([
    "support@System.example.com", "Follow @Microsoft.Teams.Dev", "@System.IO.File is a class", "{{ .Title }}", "{{ printf }} in the docs", "{{ len }}",
    "#session[2] notes", "key: !!str 123", "Value: !Ref MyBucket", "Wow!!this/that", "gAAAAABhZ2VudF9pZA", "cats\ndogs\nbirds.", "${sessionScope} is documented", "/wEPDwUKMTIzNDU2Nzg5MA9kFgICAw9kFgICAQ8PFgIeBFRleHQFBUhlbGxvZGRk", "AAEAAAB0ZXN0",
    b64('a:2:{s:8:"\0*\0theme";s:4:"dark";s:4:"lang";s:2:"en";}'), b64('{"name":"Ann","note":"\0\0 O:8 is a size"}'),
  ])("passes %s in a query", (v) => {
    expect(inspect(h(), { path: `/app/view?q=${encodeURIComponent(v)}` }).score).toBeLessThan(5);
  });
});
