// CRLF injection and response splitting (test/support/variants/crlf.ts): a line break, raw,
// percent-encoded once or twice, as %u000a, or as a UTF-8 character whose code point ends in 0A/0D
// (U+560A, folded to LF by servers that keep a UTF-16 unit's low byte), optionally followed by one
// blank, then a header or a second response; in queries, redirect parameters, forms, the path,
// cookies and JSON. And multi-line text that names headers in prose, which passes.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, type Req } from "../support/engine.js";
import { placed } from "../support/variants/positions.js";
import { crlfAttack, crlfBenign } from "../support/variants/crlf.js";
import { assertPassed } from "../support/variants/check.js";
import { hitRate } from "../support/variants/rate.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const SEED = 20261128;
/**
 * A made-up hyphenated name (`Injected-Header`) in a form field or a JSON string: text fields need a listed
 * name or `X-` (a line `Follow-up: call Bob` is prose). JSON writes the break as `\r` or `\n`.
 */
const textFieldCustomName = (r: Req) =>
  typeof r.body === "string" &&
  ((r.body.startsWith("theme=") && /(%0a|%0d|%u000a|%u000d|%8a|%8d)(%20|%09)?(?!x-)[a-z]+-[a-z]+:/i.test(r.body)) ||
    (r.body.startsWith("{") && /(\\r|\\n)(\\t| )?(?!x-)[a-z]+-[a-z]+:/i.test(r.body)));

describe("CRLF injection and response splitting", () => {
  it("blocks every injected header or response, except a made-up header name in a text field", () => {
    const { hits, total, misses } = hitRate(h, crlfAttack, 1000, SEED);
    expect(misses.filter((r) => !textFieldCustomName(r)), "unexplained misses").toEqual([]);
    expect(hits / total).toBeGreaterThanOrEqual(0.99); // was 0.66 before %u, U+xx0A, folding and X- names
  });

  it.each([
    ["%u-encoded CR/LF", "/r?next=%u000d%u000aSet-Cookie:%20a=b"],
    ["%u-encoded LF in a form-like query", "/r?q=x%u000aLocation:%20//evil.example"],
    ["UTF-8 look-alikes of CR/LF", "/r?next=%E5%98%8D%E5%98%8ASet-Cookie:%20a=b"],
    ["UTF-8 look-alikes of CR/LF in the path", "/a%E5%98%8D%E5%98%8ASet-Cookie:%20a=b"],
    ["a folded header (one blank after the break)", "/r?next=%0d%0a%20Set-Cookie:%20a=b"],
    ["an X- header", "/r?next=%0d%0aX-XSS-Protection:%200"],
    ["a made-up hyphenated header in a query", "/r?next=%0aInjected-Header:%20x"],
    ["Link", "/r?next=%0d%0aLink:%20%3Chttp://evil.example/a.css%3E;rel=stylesheet"],
  ])("blocks %s", (_, path) => {
    expect(inspect(h, { path }).score).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ["CJK text escaped by escape()", "/s?q=%u4e2d%u6587"],
    ["CJK text with U+560A", "/s?q=%E5%98%8A%E5%A5%BD%20ok"],
    ["an indented YAML line in a form", null],
  ])("passes %s", (_, path) => {
    const req: Req = path ? { path } : { method: "POST", path: "/f", headers: [["host", "a"], ["content-type", "application/x-www-form-urlencoded"]], body: "yaml=a%3A%0D%0A%20%20host%3A%20x" };
    expect(inspect(h, req).score).toBeLessThan(5);
  });

  it.each(["notes\nX-ray: clear", "Steps:\r\nFollow-up: call Bob", "Hello\u560a\u560dworld: fine"])("passes %j in JSON", (text) => {
    expect(inspect(h, { method: "POST", path: "/api", headers: [["host", "a"], ["content-type", "application/json"]], body: JSON.stringify({ note: text }) }).score).toBeLessThan(5);
  });

  it("lets multi-line text that names headers through", () => {
    assertPassed(h, placed(crlfBenign, ["form", "json", "header"]), 200);
  });
});
