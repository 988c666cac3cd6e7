// XSS variants generated from HTML/JS grammar (test/support/variants/xss.ts): tags, event
// handlers, javascript:/data: URLs, breakouts, case, separators and encodings; and markup-like
// prose that carries no script.
import { expect, it } from "vitest";
import { inspect } from "../support/engine.js";
import { place, placed } from "../support/variants/positions.js";
import { xssAttack, xssBenign } from "../support/variants/xss.js";
import { describeFamily } from "../support/variants/check.js";

describeFamily("xss variants", {
  blocks: [
    ["every generated XSS vector in a query, form, JSON value, header or cookie", placed(xssAttack), 500],
  ],
  passes: [
    ["markup-like prose", placed(xssBenign, ["query", "form", "json", "cookie"]), 300],
  ],
}, (h) => {
  // A header holds no line break: placed there, `java\nscript:` goes as `java\tscript:` (which a URL
  // parser strips as it strips the line feed), not as `java script:`, which no browser runs.
  it("places a line break in a header as a tab, and that vector is blocked", () => {
    const req = place("<a HREF=java\nscript:print()>click</a>", "header");
    expect(req.headers?.find(([n]) => n === "user-agent")?.[1]).toBe("<a HREF=java\tscript:print()>click</a>");
    expect(inspect(h(), req).score).toBeGreaterThanOrEqual(5);
  });
  it("lets a scheme broken by a space through in a header", () => {
    expect(inspect(h(), { path: "/", headers: [["host", "svc.local"], ["user-agent", "<a HREF=java script:print()>click</a>"]] }).score).toBeLessThan(5);
  });
});
