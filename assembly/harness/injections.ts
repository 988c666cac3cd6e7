// Harness exports for the Java, PHP and Node.js detectors: run every detector over
// several targets of one request (one Sink, so scores add up as in `inspect`).
import { Sink } from "../engine/sink";
import { Target, TargetKind } from "../engine/target";
import { categoryName } from "../engine/rule";
import { detectTarget } from "../engine/inspect";
import { unescapeLayers } from "../engine/detectors/langs/unescape";
import { decodeBase64 } from "../engine/detectors/langs/base64";

/**
 * `spec` holds targets separated by "\u0000", each "kind\tname\tvalue" with kind a
 * TargetKind number; base64 values are also inspected decoded, as `inspect` does. Returns JSON {score, matches:[{id,category,target}]}.
 */
export function scanTargets(spec: string, paranoia: i32): string {
  const s = new Sink(paranoia);
  const parts = spec.split("\u0000");
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const a = p.indexOf("\t");
    const b = a < 0 ? -1 : p.indexOf("\t", a + 1);
    if (b < 0) continue;
    const kind = <TargetKind>I32.parseInt(p.substring(0, a));
    const value = String.UTF8.encode(p.substring(b + 1));
    const t = new Target(kind, p.substring(a + 1, b), value, value);
    detectTarget(s, t);
    // As `inspect` does: base64 text is inspected once more, decoded.
    const decoded = t.base64Decoded();
    if (decoded !== null) {
      const d = new Target(kind, t.name, value, decoded!);
      d.fromBase64 = true;
      detectTarget(s, d);
    }
  }
  let out = '{"score":' + s.score.toString() + ',"matches":[';
  for (let i = 0; i < s.matches.length; i++) {
    const m = s.matches[i];
    if (i > 0) out += ",";
    out += '{"id":' + m.rule.id.toString() + ',"category":"' + categoryName(m.rule.category) + '","target":"' + m.target + '"}';
  }
  return out + "]}";
}

/** The layered unescaping the code detectors apply (test access). */
export function unescapeForCode(input: string): string {
  return String.UTF8.decode(unescapeLayers(String.UTF8.encode(input)));
}

/** Base64 decoding of `input` as if `shift` characters preceded it, as Latin-1 (test access). */
export function base64Shifted(input: string, shift: i32): string {
  const bytes = String.UTF8.encode(input);
  const out = decodeBase64(bytes, 0, bytes.byteLength, shift);
  let s = "";
  for (let i = 0; i < out.byteLength; i++) s += String.fromCharCode(load<u8>(changetype<usize>(out) + <usize>i));
  return s;
}
