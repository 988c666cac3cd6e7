// Protocol-attack probes as they reach the filter after Envoy parsed the request
// (test/support/variants/protocol-probes.ts): framing headers, h2c upgrade settings, method overrides
// in headers and `_method`-style parameters, rewrite headers naming another path, forwarded hosts and
// prefixes that are no host or path, encoded line breaks in header values, argument floods. Next to
// them the forms that tunnel PUT/PATCH/DELETE with a CSRF token, keep-alive, WebSocket, ingress headers.
import fc from "fast-check";
import { expect, it } from "vitest";
import { describeFamily } from "../support/variants/check.js";
import { inspect } from "../support/engine.js";
import { protocolProbe, protocolBenign, PROBES, type ProbeKind } from "../support/variants/protocol-probes.js";

describeFamily("protocol-attack probes after Envoy's parsing", {
  blocks: [["every probe kind", protocolProbe(), 600]],
  passes: [["verb-tunnelling forms, upgrades and forwarding headers", protocolBenign, 600]],
}, (h) => {
  it("blocks each kind on its own", () => {
    for (const kind of Object.keys(PROBES) as ProbeKind[]) {
      const sample = fc.sample(protocolProbe([kind]), { seed: 11, numRuns: 80 });
      const blocked = sample.filter(({ req }) => inspect(h(), req).score >= 5).length;
      expect(blocked, kind).toBe(sample.length);
    }
  });
});
