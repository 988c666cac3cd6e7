// SSRF variants generated from URL grammar (test/support/variants/ssrf.ts): metadata and
// loopback hosts in every notation, scheme-relative URLs, user-info tricks, raw-protocol
// schemes; and ordinary URLs given to webhook and redirect parameters.
import { placed, URL_NAMES } from "../support/variants/positions.js";
import { ssrfAttack, ssrfBenign, ssrfPositions } from "../support/variants/ssrf.js";
import { describeFamily } from "../support/variants/check.js";

describeFamily("ssrf variants", {
  blocks: [
    ["every generated SSRF URL in a query, form or JSON value", placed(ssrfAttack, ssrfPositions), 400],
  ],
  passes: [
    ["ordinary URLs in URL-taking parameters", placed(ssrfBenign, ssrfPositions, URL_NAMES), 300],
  ],
});
