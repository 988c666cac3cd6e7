// Harness exports for the command injection, LFI, RFI and SSRF detectors:
// scan one target of a chosen kind, or a whole request's targets with one sink.
import { Sink } from "../engine/sink";
import { Target, TargetKind } from "../engine/target";
import { categoryName } from "../engine/rule";
import { censusOf } from "../engine/census";
import { detectTarget } from "../engine/inspect";
import { detectRce } from "../engine/detectors/rce";
import { detectLfi } from "../engine/detectors/lfi";
import { detectRfi } from "../engine/detectors/rfi";
import { detectSsrf } from "../engine/detectors/ssrf";
import { jsonString } from "./json";

let requestSink: Sink = new Sink(1);

function sinkJson(s: Sink): string {
  let out = '{"score":' + s.score.toString() + ',"matches":[';
  for (let i = 0; i < s.matches.length; i++) {
    const m = s.matches[i];
    if (i > 0) out += ",";
    out += '{"id":' + m.rule.id.toString() + ',"category":"' + categoryName(m.rule.category) + '","target":' + jsonString(m.target) + ',"fragment":' + jsonString(m.fragment) + '}';
  }
  return out + "]}";
}

/** Runs every detector on `input` as a target of `kind` (TargetKind) named `name`; returns JSON {score, matches}. */
export function scanTarget(kind: i32, name: string, input: string, paranoia: i32): string {
  return scanTargetAs(kind, name, input, input, false, paranoia);
}

/**
 * scanTarget with `raw`, the value as sent (percent-encoded where `input` is decoded), and `everyClass`:
 * the census gates held open (Target.claimEveryClass), to check that they only skip what finds nothing.
 */
export function scanTargetAs(kind: i32, name: string, input: string, raw: string, everyClass: bool, paranoia: i32): string {
  const bytes = String.UTF8.encode(input);
  const s = new Sink(paranoia);
  const colon = name.indexOf(":");
  const t = new Target(<TargetKind>kind, name, raw == input ? bytes : String.UTF8.encode(raw), bytes, colon >= 0 ? name.substring(colon + 1) : "");
  if (everyClass) t.claimEveryClass();
  detectTarget(s, t);
  return sinkJson(s);
}

/**
 * scanTarget with a decoded form a copy of the value when it decodes nothing (Target.copyUndecodedHtml when the
 * value holds a `&`, Target.copyUndecodedUrl when it holds a `%`): JSON {score, matches} as scanTarget, to compare
 * with the form shared.
 */
function scanTargetCopied(kind: i32, name: string, input: string, paranoia: i32, url: bool): string {
  const bytes = String.UTF8.encode(input);
  const s = new Sink(paranoia);
  const colon = name.indexOf(":");
  const t = new Target(<TargetKind>kind, name, bytes, bytes, colon >= 0 ? name.substring(colon + 1) : "");
  if (url) t.copyUndecodedUrl(false);
  else t.copyUndecodedHtml();
  detectTarget(s, t);
  return sinkJson(s);
}

/** scanTargetCopied with the HTML form copied. */
export function scanTargetHtmlCopied(kind: i32, name: string, input: string, paranoia: i32): string {
  return scanTargetCopied(kind, name, input, paranoia, false);
}

/** scanTargetCopied with urlDecoded() copied. */
export function scanTargetUrlCopied(kind: i32, name: string, input: string, paranoia: i32): string {
  return scanTargetCopied(kind, name, input, paranoia, true);
}

/** The census classes (engine/census.ts) of `input`'s bytes. */
export function censusOfText(input: string): u32 {
  return censusOf(String.UTF8.encode(input));
}

/** Starts collecting the targets of one request (for corpus tuning before the engine builds targets itself). */
export function beginTargets(paranoia: i32): void {
  requestSink = new Sink(paranoia);
}

/** Adds one decoded target of the current request. */
export function addTarget(kind: i32, name: string, bytes: ArrayBuffer): void {
  detectTarget(requestSink, new Target(<TargetKind>kind, name, bytes, bytes));
}

/** The current request's score and matches as JSON. */
export function endTargets(): string {
  return sinkJson(requestSink);
}

/** Runs only the rce, lfi, rfi and ssrf detectors `reps` times on `bytes` as a body value (for speed measurements); returns the last score. */
export function runAttackDetectors(bytes: ArrayBuffer, reps: i32, mask: i32 = 15): i32 {
  let score = 0;
  for (let r = 0; r < reps; r++) {
    const s = new Sink(4);
    const t = new Target(TargetKind.BodyValue, "json:x", bytes, bytes, "x");
    if (mask & 1) detectRce(s, t);
    if (mask & 2) detectLfi(s, t);
    if (mask & 4) detectRfi(s, t);
    if (mask & 8) detectSsrf(s, t);
    score = s.score;
  }
  return score;
}
