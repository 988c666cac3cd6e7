// Harness exports of the engine: run one detector, or the whole engine, from tests.
import { Sink } from "../engine/sink";
import { Target, TargetKind } from "../engine/target";
import { categoryName } from "../engine/rule";
import { RULES } from "../engine/rules";
import { detectTarget } from "../engine/inspect";

function matchesJson(s: Sink): string {
  let out = '{"score":' + s.score.toString() + ',"matches":[';
  for (let i = 0; i < s.matches.length; i++) {
    const m = s.matches[i];
    if (i > 0) out += ",";
    out += '{"id":' + m.rule.id.toString() + ',"category":"' + categoryName(m.rule.category) + '"}';
  }
  return out + "]}";
}

/** Runs every detector on `input` as the value of query argument `q`; returns JSON {score, matches:[{id,category}]}. */
export function scanValue(input: string, paranoia: i32): string {
  const bytes = String.UTF8.encode(input);
  const s = new Sink(paranoia);
  detectTarget(s, new Target(TargetKind.ArgValue, "args:q", bytes, bytes));
  return matchesJson(s);
}

/** Number of registered rules (a smoke test of the registry). */
export function ruleCount(): i32 {
  return RULES.length;
}
