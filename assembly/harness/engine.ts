// Harness exports of the engine: run one detector, or the whole engine, from tests.
import { Sink } from "../engine/sink";
import { Target, TargetKind } from "../engine/target";
import { categoryName } from "../engine/rule";
import { RULES } from "../engine/rules";
import { detectTarget, inspect } from "../engine/inspect";
import { HttpRequest, Header } from "../engine/request";
import { EngineConfig } from "../engine/config";

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

/**
 * Runs the whole engine on one request. `headers` holds name and value alternately,
 * each followed by "\n" (names lower-cased by the caller, as Envoy delivers them).
 * Returns the verdict as JSON {score, attack, matches:[{id,category,target,fragment,reason}]}.
 */
export function inspectRequest(method: string, path: string, headers: string, body: ArrayBuffer | null, paranoia: i32, threshold: i32): string {
  const req = new HttpRequest();
  req.method = method;
  req.path = String.UTF8.encode(path);
  const parts = headers.split("\n");
  for (let i = 0; i + 1 < parts.length; i += 2) {
    req.headers.push(new Header(parts[i], String.UTF8.encode(parts[i + 1])));
    if (parts[i] == ":authority" || parts[i] == "host") req.authority = parts[i + 1];
  }
  req.body = body;
  const cfg = new EngineConfig();
  cfg.paranoiaLevel = paranoia;
  cfg.anomalyThreshold = threshold;
  const v = inspect(req, cfg);
  let out = '{"score":' + v.score.toString() + ',"attack":' + (v.attack ? "true" : "false") + ',"matches":[';
  for (let i = 0; i < v.matches.length; i++) {
    const m = v.matches[i];
    if (i > 0) out += ",";
    out += '{"id":' + m.rule.id.toString() + ',"category":"' + categoryName(m.rule.category) +
      '","target":' + jsonString(m.target) + ',"fragment":' + jsonString(m.fragment) + ',"reason":' + jsonString(m.reason) + "}";
  }
  return out + "]}";
}

function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c == 0x22) out += '\\"';
    else if (c == 0x5c) out += "\\\\";
    else if (c < 0x20) out += "\\u00" + (c < 16 ? "0" : "") + c.toString(16);
    else out += String.fromCharCode(c);
  }
  return out + '"';
}
