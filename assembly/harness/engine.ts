// Harness exports of the engine: run one detector, the whole engine, a parser or
// a transformation from tests.
import { Sink } from "../engine/sink";
import { Target, TargetKind } from "../engine/target";
import { categoryName, parseCategory } from "../engine/rule";
import { RULES } from "../engine/rules";
import { detectTarget, inspect, collectTargets, inspectTargets } from "../engine/inspect";
import { Verdict } from "../engine/verdict";
import { prepareSession } from "../engine/detectors/session";
import { prepareProtocol, detectProtocolRequest } from "../engine/detectors/protocol";
import { HttpRequest } from "../engine/request";
import { EngineConfig, Exclusion } from "../engine/config";
import { urlDecode, urlDecodeFull } from "../engine/transform/urldecode";
import { htmlDecode } from "../engine/transform/html";
import { jsDecode } from "../engine/transform/jsescape";
import { foldUnicode } from "../engine/transform/unicode";
import { foldCase } from "../engine/transform/fold";
import { normalisePath } from "../engine/transform/path";
import { qpDecode } from "../engine/transform/qp";
import { fromUtf16 } from "../engine/transform/utf16";
import { base64DecodePrintable } from "../engine/transform/base64";
import { hexValue } from "../engine/transform/out";
import { isHexDigit, isSpaceByte, isSpaceByteInline, isWordByte } from "../engine/bytes";
import { jsonString } from "./json";

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
  detectTarget(s, new Target(TargetKind.ArgValue, "args:q", bytes, bytes, "q"));
  return matchesJson(s);
}

/** Number of registered rules (a smoke test of the registry). */
export function ruleCount(): i32 {
  return RULES.length;
}

/** Every rule as JSON [{id, category, severity, paranoia, description}], in registry order. */
export function rulesJson(): string {
  let out = "[";
  for (let i = 0; i < RULES.length; i++) {
    const r = RULES[i];
    if (i > 0) out += ",";
    out += '{"id":' + r.id.toString() + ',"category":"' + categoryName(r.category) + '","severity":' + r.severity.toString() +
      ',"paranoia":' + r.paranoia.toString() + ',"description":' + jsonString(r.description) + "}";
  }
  return out + "]";
}

function buildRequest(method: string, path: string, headers: string, body: ArrayBuffer | null): HttpRequest {
  const parts = headers.split("\n");
  const req = new HttpRequest(parts.length >> 1);
  req.method = method;
  req.path = String.UTF8.encode(path);
  for (let i = 0; i + 1 < parts.length; i += 2) {
    req.addHeader(parts[i], String.UTF8.encode(parts[i + 1]));
    if (parts[i] == ":authority" || parts[i] == "host") req.authority = parts[i + 1];
  }
  req.body = body;
  return req;
}

/**
 * Runs the whole engine on one request. `headers` holds name and value alternately,
 * each followed by "\n" (names lower-cased by the caller, as Envoy delivers them).
 * Returns the verdict as JSON {score, attack, matches:[{id,category,target,fragment,reason}]}.
 */
export function inspectRequest(method: string, path: string, headers: string, body: ArrayBuffer | null, paranoia: i32, threshold: i32): string {
  const cfg = new EngineConfig();
  cfg.paranoiaLevel = paranoia;
  cfg.anomalyThreshold = threshold;
  return verdictJson(buildRequest(method, path, headers, body), cfg);
}

/**
 * As inspectRequest, with categories switched off (`disabled`: names separated by ',')
 * and exclusions: one per line, fields separated by '|':
 * `ruleIds(,)|categories(,)|host|pathPrefix|method|target` (empty field: no condition).
 */
export function inspectRequestWith(method: string, path: string, headers: string, body: ArrayBuffer | null, paranoia: i32, threshold: i32, disabled: string, exclusions: string): string {
  const cfg = new EngineConfig();
  cfg.paranoiaLevel = paranoia;
  cfg.anomalyThreshold = threshold;
  cfg.disabledCategories = categoriesOf(disabled);
  const lines = exclusions.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length == 0) continue;
    const f = lines[i].split("|");
    while (f.length < 6) f.push("");
    const e = new Exclusion();
    const ids = f[0].split(",");
    for (let k = 0; k < ids.length; k++) if (ids[k].length > 0) e.ruleIds.push(I32.parseInt(ids[k]));
    e.categories = categoriesOf(f[1]);
    if (f[2].length > 0) e.host = f[2];
    if (f[3].length > 0) e.pathPrefix = f[3];
    if (f[4].length > 0) e.method = f[4];
    if (f[5].length > 0) e.target = f[5];
    cfg.exclusions.push(e);
  }
  return verdictJson(buildRequest(method, path, headers, body), cfg);
}

function categoriesOf(list: string): i32[] {
  const out: i32[] = [];
  const names = list.split(",");
  for (let i = 0; i < names.length; i++) {
    const c = parseCategory(names[i]);
    if (c >= 0) out.push(c);
  }
  return out;
}

/**
 * As inspectRequest (every target inspected, no seen set), with `copied` the targets' forms as urlDecode
 * made them before it returned its input when nothing decodes (Target.copyUndecodedUrl): tests compare both.
 */
export function inspectRequestUrlCopied(method: string, path: string, headers: string, body: ArrayBuffer | null, paranoia: i32, threshold: i32, copied: bool): string {
  const cfg = new EngineConfig();
  cfg.paranoiaLevel = paranoia;
  cfg.anomalyThreshold = threshold;
  const req = buildRequest(method, path, headers, body);
  const s = new Sink(paranoia);
  prepareSession(req);
  prepareProtocol(req);
  const targets = collectTargets(req);
  if (copied) for (let i = 0; i < targets.list.length; i++) targets.list[i].copyUndecodedUrl(true);
  detectProtocolRequest(s, req, targets);
  inspectTargets(s, targets.list, cfg);
  return verdictOfJson(new Verdict(s.score, s.score >= threshold, s.matches));
}

function verdictJson(req: HttpRequest, cfg: EngineConfig): string {
  return verdictOfJson(inspect(req, cfg));
}

function verdictOfJson(v: Verdict): string {
  let out = '{"score":' + v.score.toString() + ',"attack":' + (v.attack ? "true" : "false") + ',"matches":[';
  for (let i = 0; i < v.matches.length; i++) {
    const m = v.matches[i];
    if (i > 0) out += ",";
    out += '{"id":' + m.rule.id.toString() + ',"category":"' + categoryName(m.rule.category) +
      '","target":' + jsonString(m.target) + ',"fragment":' + jsonString(m.fragment) + ',"reason":' + jsonString(m.reason) + "}";
  }
  return out + "]}";
}

const KIND_NAMES: string[] = ["path", "argName", "argValue", "header", "cookie", "cookieName", "bodyValue", "bodyKey", "body", "filename", "partHeader"];

/** The targets the engine builds for a request: JSON [{kind, name, value}] (value as UTF-8 text) plus the parse facts. */
export function targetsOf(method: string, path: string, headers: string, body: ArrayBuffer | null): string {
  const targets = collectTargets(buildRequest(method, path, headers, body));
  let out = '{"bodyProblem":' + (<i32>targets.bodyProblem).toString() + ',"argCount":' + targets.argCount.toString() + ',"targets":[';
  for (let i = 0; i < targets.list.length; i++) {
    const t = targets.list[i];
    if (i > 0) out += ",";
    out += '{"kind":"' + KIND_NAMES[<i32>t.kind] + '","name":' + jsonString(t.name) + ',"value":' + jsonString(String.UTF8.decode(t.value)) + "}";
  }
  return out + "]}";
}

/** Applies transformation `name` to `input`; returns the output bytes, or null for base64 when not decodable. */
export function transform(name: string, input: ArrayBuffer): ArrayBuffer | null {
  if (name == "urlDecode") return urlDecode(input, false);
  if (name == "urlDecodeForm") return urlDecode(input, true);
  if (name == "urlDecodeFull") return urlDecodeFull(input, false);
  if (name == "htmlDecode") return htmlDecode(input);
  if (name == "jsDecode") return jsDecode(input);
  if (name == "foldUnicode") return foldUnicode(input);
  if (name == "foldCase") return foldCase(input);
  if (name == "normalisePath") return normalisePath(input);
  if (name == "base64") return base64DecodePrintable(input);
  if (name == "quotedPrintable") return qpDecode(input);
  if (name == "fromUtf16") return fromUtf16(input);
  return null;
}

/** Whether `transform(name, input)` returned `input` itself (the fast path). */
export function transformUnchanged(name: string, input: ArrayBuffer): bool {
  return transform(name, input) == input;
}

/** The decoded forms of a value as a Target of `kind` (index in KIND_NAMES): JSON {decoded, html, js, path, folded, base64, unescaped}. */
export function targetForms(kind: i32, value: ArrayBuffer, censusFirst: bool = false): string {
  const t = new Target(<TargetKind>kind, "t", value, value, "");
  // (the engine takes the census first: then forms skip the decodings whose bytes it shows absent)
  if (censusFirst) t.census();
  const b = t.base64Decoded();
  const u = t.unescaped();
  return '{"decoded":' + jsonString(String.UTF8.decode(t.decoded())) + ',"html":' + jsonString(String.UTF8.decode(t.htmlDecoded())) +
    ',"js":' + jsonString(String.UTF8.decode(t.jsDecoded())) + ',"path":' + jsonString(String.UTF8.decode(t.pathNormalised())) +
    ',"folded":' + jsonString(String.UTF8.decode(t.folded())) + ',"base64":' + (b === null ? "null" : jsonString(String.UTF8.decode(b!))) +
    ',"unescaped":' + (u === null ? "null" : jsonString(String.UTF8.decode(u!))) + "}";
}

/** The classes bytes.ts gives byte `c` (read from tables): bit 0 isWordByte, bit 1 isHexDigit, bit 2 isSpaceByte, bit 3 isSpaceByteInline, bits 8 and up hexValue + 1. */
export function byteClasses(c: u32): i32 {
  return (isWordByte(c) ? 1 : 0) | (isHexDigit(c) ? 2 : 0) | (isSpaceByte(c) ? 4 : 0) | (isSpaceByteInline(c) ? 8 : 0) | ((hexValue(c) + 1) << 8);
}
