// Detector prefilters (whole-value gates), for the tests that check they skip only values the
// detector finds nothing in (test/engine/detector-gates.test.ts).
import { Sink } from "../engine/sink";
import { Target, TargetKind } from "../engine/target";
import { detectTarget } from "../engine/inspect";
import { mayHoldXxe } from "../engine/detectors/xxe";
import { mayHoldJavascript } from "../engine/detectors/nosql";

/** Rules (`id@target` space-separated) of `input` at PL4 with every census class claimed, the detectors' own gates as they are or held open. */
export function rulesWithGates(kind: i32, name: string, input: string, gatesOpen: bool): string {
  const bytes = String.UTF8.encode(input);
  const s = new Sink(4);
  const colon = name.indexOf(":");
  const t = new Target(<TargetKind>kind, name, bytes, bytes, colon >= 0 ? name.substring(colon + 1) : "");
  t.claimEveryClass();
  t.gatesOpen = gatesOpen;
  detectTarget(s, t);
  let out = "";
  for (let i = 0; i < s.matches.length; i++) out += s.matches[i].rule.id.toString() + " ";
  return out;
}

/** Whether the xxe gate lets scan() read `input`. */
export function xxeGateOpens(input: string): bool {
  return mayHoldXxe(String.UTF8.encode(input));
}

/** Whether nosql's gate lets javascript() read `input`. */
export function nosqlJsGateOpens(input: string): bool {
  return mayHoldJavascript(String.UTF8.encode(input));
}
