// Harness exports for the plain-words gate (engine/plain-words.ts): what the gate decides, and
// what the detectors it skips would report if they ran anyway.
import { Sink } from "../engine/sink";
import { Target, TargetKind } from "../engine/target";
import { detectPunctuated, isPlainTarget } from "../engine/inspect";

/** Whether the engine skips the punctuation-driven detectors for `input` as a target of `kind`. */
export function plainWords(input: string, kind: i32): bool {
  const bytes = String.UTF8.encode(input);
  return isPlainTarget(new Target(<TargetKind>kind, "t", bytes, bytes));
}

/** Rule ids (comma-separated) the punctuation-driven detectors report for `input` as a target of `kind` keyed `key`. */
export function punctuatedFindings(input: string, kind: i32, key: string, paranoia: i32): string {
  const bytes = String.UTF8.encode(input);
  const s = new Sink(paranoia);
  detectPunctuated(s, new Target(<TargetKind>kind, "args:" + key, bytes, bytes, key));
  let out = "";
  for (let i = 0; i < s.matches.length; i++) out += (i > 0 ? "," : "") + s.matches[i].rule.id.toString();
  return out;
}
