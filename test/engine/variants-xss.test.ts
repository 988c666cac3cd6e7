// XSS variants generated from HTML/JS grammar (test/support/variants/xss.ts): tags, event
// handlers, javascript:/data: URLs, breakouts, case, separators and encodings; and markup-like
// prose that carries no script.
import { placed } from "../support/variants/positions.js";
import { xssAttack, xssBenign } from "../support/variants/xss.js";
import { describeFamily } from "../support/variants/check.js";

describeFamily("xss variants", {
  blocks: [
    ["every generated XSS vector in a query, form, JSON value, header or cookie", placed(xssAttack), 500],
  ],
  passes: [
    ["markup-like prose", placed(xssBenign, ["query", "form", "json", "cookie"]), 300],
  ],
});
