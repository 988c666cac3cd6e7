// PHP stream wrappers and object injection (test/support/variants/php-wrappers.ts): php://filter
// chains of random convert.* filters in either order, php://input, data:// with code, phar:// and
// zip:// archive members, compress.*, expect:// and glob://; serialised objects with the parser's
// slack (`O:+8:`, `C:` objects, arrays of objects, a leading `b:0;`), raw, URL-encoded or base64.
// And the same words in prose and file names, which pass.
import { expect, it } from "vitest";
import fc from "fast-check";
import { placed } from "../support/variants/positions.js";
import { phpWrapperAttack, phpWrapperBenign } from "../support/variants/php-wrappers.js";
import { describeFamily } from "../support/variants/check.js";

const SEED = 20261128;

describeFamily("PHP stream wrappers and object injection", {
  blocks: [
    ["every wrapper and serialised object wherever the kit puts it", phpWrapperAttack, 800],
  ],
  passes: [
    ["the same words in prose and file names", placed(phpWrapperBenign, ["query", "form", "json", "cookie"], [0, 1, 5, 13]), 200], // (a URL to a .php in an include name is RFI)
  ],
}, () => {
  it("draws both families in every position", () => {
    const seen = new Set(fc.sample(phpWrapperAttack, { seed: SEED, numRuns: 200 }).map((a) => a.where));
    expect(seen.size).toBe(8);
  });
});
