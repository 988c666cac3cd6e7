// XSS in carriers the other XSS families do not fill (test/support/variants/xss-carriers.ts):
// multipart file names and fields, XML text and CDATA, JSON with \u-escaped markup, JSON inside a
// JSON string, GraphQL variables and URL-encoded JSON in a form field.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import type { Req } from "../support/engine.js";
import { xssCarried } from "../support/variants/xss-carriers.js";
import { hitRate } from "../support/variants/rate.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const SEED = 20261128;
/**
 * JSON inside a JSON string is decoded once: a vector that itself needs a JSON escape (`\"`, `\n`
 * between a handler and its `=`) stays escaped, and the engine does not parse the inner document.
 */
const innerEscapes = (r: Req) => r.path === "/api/events" && typeof r.body === "string" && r.body.includes("\\\\\\") /* a backslash escaped twice */;

describe("XSS in multipart, XML, escaped and nested JSON, GraphQL", () => {
  it("blocks every vector in every carrier, except escaped vectors in JSON inside JSON", () => {
    const { hits, total, misses } = hitRate(h, xssCarried, 800, SEED);
    expect(misses.filter((r) => !innerEscapes(r)), "unexplained misses").toEqual([]);
    expect(hits / total).toBeGreaterThanOrEqual(0.995);
  });
});
