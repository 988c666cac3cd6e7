// Path traversal / LFI variants generated from the grammar (test/support/variants/lfi.ts):
// `../` in every encoding servers undo, at a depth that leaves the application's directory,
// towards files worth reading, plus stream wrappers; and ordinary relative paths and prose.
import { placed, URL_NAMES } from "../support/variants/positions.js";
import { lfiAttack, lfiBenign, lfiPositions, lfiBenignPositions } from "../support/variants/lfi.js";
import { describeFamily } from "../support/variants/check.js";

describeFamily("lfi variants", {
  blocks: [
    ["every generated traversal or inclusion in the path, a query, form, JSON value or cookie", placed(lfiAttack, lfiPositions), 500],
  ],
  passes: [
    ["ordinary file paths and prose", placed(lfiBenign, lfiBenignPositions, URL_NAMES), 300],
  ],
});
