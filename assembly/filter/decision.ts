// What the filter says about a request: the decision log line and the reply bodies.
// Pure functions of the request, verdict and configuration.
import { HttpRequest } from "../engine/request";
import { Verdict } from "../engine/verdict";
import { categoryName } from "../engine/rule";
import { PluginConfig } from "../config/plugin";
import { jsonString, jsonIntArray, jsonStringArray, bytesText } from "./json_text";

const MAX_PATH = 256;
const MAX_FIELD = 128;
const MAX_FRAGMENT = 64;
const MAX_MATCHES_LOGGED = 8;

export const enum Outcome {
  Allowed = 0, Detected, Blocked, TooLarge,
}

const OUTCOME_NAMES: string[] = ["allowed", "detected", "blocked", "body-too-large"];

/** Who sent the request, as the host's properties say (empty when unknown). */
export class Source {
  address: string = "";
  principal: string = "";
}

export function ruleIds(v: Verdict): i32[] {
  const out: i32[] = [];
  for (let i = 0; i < v.matches.length; i++) out.push(v.matches[i].rule.id);
  return out;
}

/** Distinct category indexes of the matches, in match order. */
export function categoryIndexes(v: Verdict): i32[] {
  const out: i32[] = [];
  for (let i = 0; i < v.matches.length; i++) {
    const c = <i32>v.matches[i].rule.category;
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

function categoryNames(v: Verdict): string[] {
  const idx = categoryIndexes(v);
  const out = new Array<string>(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = categoryName(idx[i]);
  return out;
}

/** One JSON line per decision (no raw control characters, fragments truncated). */
export function decisionLine(
  outcome: Outcome, req: HttpRequest, requestId: string, source: Source, v: Verdict | null, cfg: PluginConfig,
): string {
  const parts: string[] = [
    '{"meshwaf":"decision","request_id":', jsonString(requestId, MAX_FIELD),
    ',"authority":', jsonString(req.authority, MAX_FIELD),
    ',"method":', jsonString(req.method, MAX_FIELD),
    ',"path":', jsonString(bytesText(req.path), MAX_PATH),
    ',"source_address":', jsonString(source.address, MAX_FIELD),
    ',"source_principal":', jsonString(source.principal, MAX_FIELD),
    ',"verdict":"', OUTCOME_NAMES[<i32>outcome],
    '","mode":"', cfg.block ? "block" : "detect", '"',
  ];
  if (v !== null) {
    parts.push(',"score":' + v.score.toString());
    parts.push(',"rules":' + jsonIntArray(ruleIds(v)));
    parts.push(',"categories":' + jsonStringArray(categoryNames(v)));
    parts.push(',"matches":[');
    const n = min(v.matches.length, MAX_MATCHES_LOGGED);
    for (let i = 0; i < n; i++) {
      const m = v.matches[i];
      if (i > 0) parts.push(",");
      parts.push('{"rule":' + m.rule.id.toString() + ',"target":' + jsonString(m.target, MAX_FIELD) +
        ',"fragment":' + jsonString(m.fragment, MAX_FRAGMENT) + ',"reason":' + jsonString(m.reason, MAX_FIELD) + "}");
    }
    parts.push("]");
  }
  if (req.bodyTruncated) parts.push(',"body_truncated":true');
  parts.push("}");
  return parts.join("");
}

/** Body of the reply to a blocked request: the configured one ({request_id} substituted) or JSON. */
export function blockBody(requestId: string, v: Verdict, cfg: PluginConfig): string {
  const custom = cfg.blockBody;
  if (custom !== null) {
    // Escaped as JSON string content, so a client-chosen id cannot break a JSON template.
    const id = jsonString(requestId, MAX_FIELD);
    return custom.replaceAll("{request_id}", id.substring(1, id.length - 1));
  }
  return '{"error":"forbidden","request_id":' + jsonString(requestId, MAX_FIELD) +
    ',"rules":' + jsonIntArray(ruleIds(v)) + ',"categories":' + jsonStringArray(categoryNames(v)) + "}";
}

export function tooLargeBody(requestId: string): string {
  return '{"error":"payload too large","request_id":' + jsonString(requestId, MAX_FIELD) + "}";
}

/** Content type of a reply body: JSON when it looks like JSON. */
export function replyContentType(body: string): string {
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c == 0x20 || c == 0x0a || c == 0x0d || c == 0x09) continue;
    return c == 0x7b || c == 0x5b ? "application/json" : "text/plain; charset=utf-8";
  }
  return "text/plain; charset=utf-8";
}
