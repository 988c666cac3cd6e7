// Harness exports for the plain-words gate (engine/plain-words.ts): what the gate decides, and
// what the detectors it skips would report if they ran anyway.
import { Sink } from "../engine/sink";
import { Target, TargetKind } from "../engine/target";
import { detectPunctuated, detectDoubleUnderscored, plainTarget } from "../engine/inspect";

/** The gate's class of `input` as a target of `kind`: 0 not plain, 1 plain words with "__", 2 plain words. */
export function plainWords(input: string, kind: i32): i32 {
  const bytes = String.UTF8.encode(input);
  return <i32>plainTarget(new Target(<TargetKind>kind, "t", bytes, bytes));
}

/**
 * Rule ids (comma-separated) that the detectors the gate may skip report for `input` as a target of
 * `kind` keyed `key`: group 1 the punctuation-driven ones, group 2 those needing a double underscore.
 */
export function skippableFindings(group: i32, input: string, kind: i32, key: string, paranoia: i32): string {
  const bytes = String.UTF8.encode(input);
  const s = new Sink(paranoia);
  const t = new Target(<TargetKind>kind, "args:" + key, bytes, bytes, key);
  if (group == 1) detectPunctuated(s, t);
  else detectDoubleUnderscored(s, t);
  let out = "";
  for (let i = 0; i < s.matches.length; i++) out += (i > 0 ? "," : "") + s.matches[i].rule.id.toString();
  return out;
}
