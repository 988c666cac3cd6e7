// What the filter says about a request: the decision log line and the reply bodies.
// Pure functions of the request, verdict and configuration.
import { HttpRequest } from "../engine/request";
import { Verdict } from "../engine/verdict";
import { categoryName } from "../engine/rule";
import { PluginConfig } from "../config/plugin";
import { JsonWriter } from "./json_writer";

const MAX_PATH = 256;
const MAX_FIELD = 128;
const MAX_FRAGMENT = 64;
const MAX_MATCHES_LOGGED = 8;

export const enum Outcome {
  Allowed = 0, Detected, Blocked, TooLarge,
}

/**
 * The outcome's name. (Each a literal needle of JsonWriter.raw, stored as bytes: with every needle of raw a
 * literal, no string instance of it is built, scripts/pack-needles.js.)
 */
function writeOutcome(w: JsonWriter, outcome: Outcome): void {
  if (outcome == Outcome.Allowed) w.raw("allowed");
  else if (outcome == Outcome.Detected) w.raw("detected");
  else if (outcome == Outcome.Blocked) w.raw("blocked");
  else w.raw("body-too-large");
}

/** Who sent the request, as the host's properties say (UTF-8; null when unknown). */
export class Source {
  address: ArrayBuffer | null = null;
  principal: ArrayBuffer | null = null;
}

/** The categories of the matches as a bit set (bit c: category index c; there are fewer than 32). */
export function categorySet(v: Verdict): u32 {
  let set: u32 = 0;
  for (let i = 0; i < v.matches.length; i++) set |= <u32>1 << <u32>unchecked(v.matches[i]).rule.category;
  return set;
}

/** Writes one JSON line per decision into `w` (no raw control characters, fragments truncated). */
export function decisionLine(
  w: JsonWriter, outcome: Outcome, req: HttpRequest, requestId: ArrayBuffer | null, source: Source, v: Verdict | null, cfg: PluginConfig,
): void {
  w.raw('{"meshwaf":"decision","request_id":').utf8(requestId, MAX_FIELD)
    .raw(',"authority":').string(req.authority, MAX_FIELD)
    .raw(',"method":').string(req.method, MAX_FIELD)
    .raw(',"path":').utf8(req.path, MAX_PATH)
    .raw(',"source_address":').utf8(source.address, MAX_FIELD)
    .raw(',"source_principal":').utf8(source.principal, MAX_FIELD)
    .raw(',"verdict":"');
  writeOutcome(w, outcome);
  w.raw('","mode":"');
  if (cfg.block) w.raw("block");
  else w.raw("detect");
  w.raw('"');
  if (v !== null) {
    w.raw(',"score":').int(v.score);
    w.raw(',"rules":');
    ruleIdList(w, v);
    w.raw(',"categories":');
    categoryList(w, v);
    w.raw(',"matches":[');
    const n = min(v.matches.length, MAX_MATCHES_LOGGED);
    for (let i = 0; i < n; i++) {
      const m = v.matches[i];
      if (i > 0) w.raw(",");
      w.raw('{"rule":').int(m.rule.id).raw(',"target":').string(m.target, MAX_FIELD)
        .raw(',"fragment":').string(m.fragment, MAX_FRAGMENT).raw(',"reason":').string(m.reason, MAX_FIELD).raw("}");
    }
    w.raw("]");
  }
  if (req.bodyTruncated) w.raw(',"body_truncated":true');
  w.raw("}");
}

function ruleIdList(w: JsonWriter, v: Verdict): void {
  w.raw("[");
  for (let i = 0; i < v.matches.length; i++) {
    if (i > 0) w.raw(",");
    w.int(v.matches[i].rule.id);
  }
  w.raw("]");
}

function categoryList(w: JsonWriter, v: Verdict): void {
  // distinct categories, in match order
  let written: u32 = 0;
  w.raw("[");
  for (let i = 0; i < v.matches.length; i++) {
    const c = <u32>unchecked(v.matches[i]).rule.category;
    if (written & (<u32>1 << c)) continue;
    if (written != 0) w.raw(",");
    written |= <u32>1 << c;
    w.string(categoryName(<i32>c));
  }
  w.raw("]");
}

/**
 * `template` with every `{request_id}` replaced by `id`: String#replaceAll would add some 500 bytes of
 * module for this one use.
 */
function withRequestId(template: string, id: string): string {
  const key = "{request_id}";
  let out = "";
  let from = 0;
  for (let k = template.indexOf(key); k >= 0; k = template.indexOf(key, from)) {
    out += template.substring(from, k) + id;
    from = k + key.length;
  }
  return out + template.substring(from, i32.MAX_VALUE);
}

/** Body of the reply to a blocked request: the configured one ({request_id} substituted) or JSON. */
export function blockBody(w: JsonWriter, requestId: ArrayBuffer | null, v: Verdict, cfg: PluginConfig): ArrayBuffer {
  const custom = cfg.blockBody;
  if (custom !== null) {
    // Escaped as JSON string content, so a client-chosen id cannot break a JSON template.
    const id = String.UTF8.decode(w.reset().utf8(requestId, MAX_FIELD).bytes());
    return String.UTF8.encode(withRequestId(custom, id.substring(1, id.length - 1)));
  }
  w.reset().raw('{"error":"forbidden","request_id":').utf8(requestId, MAX_FIELD).raw(',"rules":');
  ruleIdList(w, v);
  w.raw(',"categories":');
  categoryList(w, v);
  w.raw("}");
  return w.bytes();
}

export function tooLargeBody(w: JsonWriter, requestId: ArrayBuffer | null): ArrayBuffer {
  return w.reset().raw('{"error":"payload too large","request_id":').utf8(requestId, MAX_FIELD).raw("}").bytes();
}

/** Content type of a reply body: JSON when it looks like JSON. */
export function replyContentType(body: ArrayBuffer): string {
  for (let i = 0; i < body.byteLength; i++) {
    const c = load<u8>(changetype<usize>(body) + <usize>i);
    if (c == 0x20 || c == 0x0a || c == 0x0d || c == 0x09) continue;
    return c == 0x7b || c == 0x5b ? "application/json" : "text/plain; charset=utf-8";
  }
  return "text/plain; charset=utf-8";
}
