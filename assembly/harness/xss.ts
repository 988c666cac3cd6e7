// Harness exports for the XSS, SSTI, XXE and "other" detectors: run one detector on a value.
import { Sink } from "../engine/sink";
import { Target, TargetKind } from "../engine/target";
import { detectXss } from "../engine/detectors/xss";
import { detectSsti } from "../engine/detectors/ssti";
import { detectXxe } from "../engine/detectors/xxe";
import { detectOther } from "../engine/detectors/other";

function sinkJson(s: Sink): string {
  let out = '{"score":' + s.score.toString() + ',"ids":[';
  for (let i = 0; i < s.matches.length; i++) {
    if (i > 0) out += ",";
    out += '{"id":' + s.matches[i].rule.id.toString() + ',"severity":' + s.matches[i].rule.severity.toString() + "}";
  }
  return out + "]}";
}

/**
 * Runs one detector ("xss", "ssti", "xxe", "other") on `input` as a target of kind `kind`
 * (TargetKind: 2 = query argument value, 3 = header, 8 = whole body) named `name`.
 * Returns JSON {score, ids:[{id, severity}]}.
 */
export function detectOne(detector: string, input: string, kind: i32, name: string, paranoia: i32): string {
  const bytes = String.UTF8.encode(input);
  const s = new Sink(paranoia);
  const t = new Target(<TargetKind>kind, name, bytes, bytes);
  if (detector == "xss") detectXss(s, t);
  else if (detector == "ssti") detectSsti(s, t);
  else if (detector == "xxe") detectXxe(s, t);
  else if (detector == "other") detectOther(s, t);
  return sinkJson(s);
}
