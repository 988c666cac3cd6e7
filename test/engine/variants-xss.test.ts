// XSS variants generated from HTML/JS grammar (test/support/variants/xss.ts): tags, event
// handlers, javascript:/data: URLs, breakouts, case, separators and encodings; and markup-like
// prose that carries no script.
import { beforeAll, describe, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { placed } from "../support/variants/positions.js";
import { xssAttack, xssBenign } from "../support/variants/xss.js";
import { assertBlocked, assertPassed } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

describe("xss variants", () => {
  it("blocks every generated XSS vector in a query, form, JSON value, header or cookie", () => {
    assertBlocked(h, placed(xssAttack), 500);
  });
  it("lets markup-like prose through", () => {
    assertPassed(h, placed(xssBenign, ["query", "form", "json", "cookie"]), 300);
  });
});
