// SSRF as scanners send it (test/support/variants/ssrf-confusion.ts): internal addresses in random
// notations (integer, hex and octal parts with zero padding, short forms, IPv4-mapped IPv6) behind the
// URL-parser confusions (`allowed@internal`, `internal#@allowed`, `internal\@allowed`, `%2f@`, `%23@`);
// and public URLs with user info, fragments, ports and addresses in their paths, which pass.
import { placed, URL_NAMES } from "../support/variants/positions.js";
import { ssrfConfused, ssrfConfusedBenign } from "../support/variants/ssrf-confusion.js";
import { ssrfPositions } from "../support/variants/ssrf.js";
import { describeFamily } from "../support/variants/check.js";

describeFamily("confused SSRF URLs", {
  blocks: [
    ["every internal target behind a parser confusion, in a query, form or JSON value", placed(ssrfConfused, ssrfPositions), 500],
  ],
  passes: [
    ["public URLs of the same shapes", placed(ssrfConfusedBenign, ssrfPositions, URL_NAMES), 300],
  ],
});
