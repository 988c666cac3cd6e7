// Injection classes the corpus barely holds, sent the way other tools phrase them
// (test/support/variants/script-probes.ts): XPath axis steps, unions after a closed predicate, and
// values that are location paths to node tests. Benign look-alikes pass.
import fc from "fast-check";
import { expect, it } from "vitest";
import { placed } from "../support/variants/positions.js";
import { describeFamily } from "../support/variants/check.js";
import { inspect } from "../support/engine.js";
import { xpathAxis, xpathUnion, xpathPath, xpathBenign } from "../support/variants/script-probes.js";

const host: [string, string] = ["host", "svc.local"];
const ids = (h: Parameters<typeof inspect>[0], v: string) => inspect(h, { path: `/f?q=${encodeURIComponent(v)}`, headers: [host] }).matches.map((m) => m.id);

describeFamily("XPath injection", {
  blocks: [
    ["an axis step in a call, a comparison or alone", placed(xpathAxis, ["query", "form", "json", "cookie", "header"]), 300],
    ["a union after a closed literal and predicate", placed(xpathUnion, ["query", "form", "json", "cookie", "header"]), 300],
    ["a value that is a path to text() or node()", placed(xpathPath, ["query", "form", "json", "cookie"]), 300],
  ],
  passes: [["code with `::`, IPv6, tables and prose about XPath", placed(xpathBenign, ["query", "form", "json", "cookie"]), 300]],
}, (h) => {
  it("reports XPath (17005) for every generated shape", () => {
    for (const gen of [xpathAxis, xpathUnion, xpathPath]) {
      for (const v of fc.sample(gen, { seed: 11, numRuns: 40 })) expect(ids(h(), v), v).toContain(17005);
    }
  });
  it("leaves what only looks like XPath to other rules or none", () => {
    for (const v of ["use super::*;", "http://[::1]:8080/", "'x' | //comment", "a'] | b", "see child::para", "The path /a/b/text() is shown"]) {
      expect(ids(h(), v), v).not.toContain(17005);
    }
  });
});
