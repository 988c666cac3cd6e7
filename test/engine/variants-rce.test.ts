// Command injection variants generated from shell grammar (test/support/variants/rce.ts):
// separators and substitutions after an innocent value, Unix and Windows commands with
// arguments, and the evasions the shell undoes; and prose with command words and separators.
import { placed, URL_NAMES } from "../support/variants/positions.js";
import { rceAttack, rceBenign, rcePositions } from "../support/variants/rce.js";
import { describeFamily } from "../support/variants/check.js";

describeFamily("rce variants", {
  blocks: [
    ["every generated injection in a query, form, JSON value or cookie", placed(rceAttack, rcePositions), 500],
  ],
  passes: [
    ["prose with command words and separators", placed(rceBenign, rcePositions, URL_NAMES), 300],
  ],
});
