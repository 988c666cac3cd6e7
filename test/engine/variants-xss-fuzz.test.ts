// XSS as fuzzers mutate it (test/support/variants/xss-fuzz.ts): mixed-case tags and handlers on
// many elements, `/` tab newline form-feed separators, quote-less and backtick values, entity-encoded
// javascript: URLs, srcdoc, svg animate/set, data: URIs; in queries, forms, JSON, headers, cookies
// and custom headers. And markup a rich-text field carries without script, which passes.
import { beforeAll, describe, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { placed } from "../support/variants/positions.js";
import { fuzzedXss, fuzzedXssBenign } from "../support/variants/xss-fuzz.js";
import { assertBlocked, assertPassed } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

describe("fuzzer-mutated XSS", () => {
  it("blocks every mutated vector wherever the fuzzer puts it", () => {
    assertBlocked(h, fuzzedXss, 600);
  });
  it("lets links, media, inline styles and handler names in prose through", () => {
    assertPassed(h, placed(fuzzedXssBenign, ["query", "form", "json", "header", "cookie"]), 300);
  });
});
