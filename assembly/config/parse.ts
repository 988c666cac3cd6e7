// Strict parser of the plugin configuration: every rule of schema/config.schema.json,
// the first violation reported as "<field>: <what is wrong>" (field paths as the CLI
// prints them: `exclusions.0.method`). The tests hold it to agree with ajv on the schema.
// What the CLI refuses but a configuration written by hand may still hold, an exclusion
// that can never apply (a rule id the registry lacks, a target the engine never names:
// matchable.ts), is a warning: the rest of the configuration runs.
import { JsonKind, JsonParser, JsonValue } from "./json";
import { PluginConfig } from "./plugin";
import { Exclusion } from "../engine/config";
import { parseCategory, categoryNames } from "../engine/rule";
import { findRule, RULES } from "../engine/rules";
import { lowerAscii } from "../engine/bytes";
import { matchableTarget, matchableHost, matchablePathPrefix } from "./matchable";
import { isTokenByte } from "../engine/detectors/protocol/headernames";

export class ConfigResult {
  constructor(
    public config: PluginConfig | null,
    /** Empty when config is set. */
    public error: string,
  ) {}
  /** "<field>: <what>" for each exclusion condition that can never hold, and a threshold no request can reach. */
  warnings: string[] = [];
}

const MAX_BLOCK_BODY = 65536;
const MAX_BODY_LIMIT = 67108864;

/** Parses configuration bytes; empty (or whitespace only) means the defaults. */
export function parsePluginConfig(data: Uint8Array): ConfigResult {
  let blank = true;
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (c != 0x20 && c != 0x09 && c != 0x0a && c != 0x0d) {
      blank = false;
      break;
    }
  }
  if (blank) return new ConfigResult(new PluginConfig(), "");
  const parser = new JsonParser(data);
  const root = parser.parse();
  if (root === null) return new ConfigResult(null, "configuration: " + parser.error);
  const reader = new ConfigReader();
  const config = reader.read(root);
  if (reader.error.length > 0) return new ConfigResult(null, reader.error);
  const result = new ConfigResult(config, "");
  result.warnings = reader.warnings;
  return result;
}

class ConfigReader {
  error: string = "";
  warnings: string[] = [];

  private fail(field: string, what: string): void {
    if (this.error.length == 0) this.error = field + ": " + what;
  }

  private warn(field: string, what: string): void {
    this.warnings.push(field + ": " + what);
  }

  /** Warns, with the CLI's wording up to its hint, that `value` of `field` can never match. */
  private never(field: string, value: string): void {
    this.warn(field, '"' + value + '" can never match');
  }

  read(root: JsonValue): PluginConfig {
    const c = new PluginConfig();
    if (root.kind != JsonKind.Object) {
      this.fail("configuration", "must be an object");
      return c;
    }
    const names = root.uniqueKeys();
    // Local lists (the configuration is parsed once): a module-level list would be marked by every collection.
    const fields = [
      "mode", "paranoiaLevel", "anomalyThreshold", "bodyLimit", "bodyLimitAction", "blockStatus",
      "blockBody", "logLevel", "logAllowed", "disabledCategories", "exclusions",
    ];
    for (let i = 0; i < names.length; i++) {
      if (!fields.includes(names[i])) this.fail("configuration", 'unknown field "' + names[i] + '"');
    }
    let v = root.get("mode");
    if (v !== null) c.block = this.oneOf(v, "mode", ["block", "detect"]) != 1;
    v = root.get("paranoiaLevel");
    if (v !== null) c.engine.paranoiaLevel = this.integer(v, "paranoiaLevel", 1, 4);
    v = root.get("anomalyThreshold");
    if (v !== null) c.engine.anomalyThreshold = this.integer(v, "anomalyThreshold", 1, 1000);
    v = root.get("bodyLimit");
    if (v !== null) c.bodyLimit = this.integer(v, "bodyLimit", 0, MAX_BODY_LIMIT);
    v = root.get("bodyLimitAction");
    if (v !== null) c.bodyLimitReject = this.oneOf(v, "bodyLimitAction", ["reject", "inspect-partial"]) != 1;
    v = root.get("blockStatus");
    if (v !== null) c.blockStatus = this.integer(v, "blockStatus", 400, 599);
    v = root.get("blockBody");
    if (v !== null && this.isString(v, "blockBody")) {
      if (codePoints(v.str) > MAX_BLOCK_BODY) this.fail("blockBody", "must be at most " + MAX_BLOCK_BODY.toString() + " characters");
      c.blockBody = v.str;
    }
    v = root.get("logLevel");
    if (v !== null) c.logLevel = max(0, this.oneOf(v, "logLevel", ["trace", "debug", "info", "warn", "error", "critical"]));
    v = root.get("logAllowed");
    if (v !== null) {
      if (v.kind != JsonKind.Bool) this.fail("logAllowed", "must be a boolean");
      c.logAllowed = v.bool;
    }
    v = root.get("disabledCategories");
    if (v !== null) c.engine.disabledCategories = this.categories(v, "disabledCategories", 0, true);
    this.reachable(c.engine.paranoiaLevel, c.engine.anomalyThreshold, c.engine.disabledCategories);
    v = root.get("exclusions");
    if (v !== null && this.isArray(v, "exclusions")) {
      for (let i = 0; i < v.items.length; i++) {
        c.engine.exclusions.push(this.exclusion(v.items[i], "exclusions." + i.toString()));
      }
    }
    c.engine.stopAtThreshold = c.block;
    return c;
  }

  /**
   * Warns, in the CLI's words (src/config/inert.ts), when no request can reach the threshold: a rule
   * scores once per request, so the rules that run bound a request's score, and such a WAF never blocks.
   */
  private reachable(paranoia: i32, threshold: i32, disabled: i32[]): void {
    let most = 0;
    for (let i = 0; i < RULES.length; i++) {
      const r = RULES[i];
      if (r.paranoia <= paranoia && !disabled.includes(<i32>r.category)) most += r.severity;
    }
    if (most == 0) this.warn("disabledCategories", "every category is switched off: no rule runs");
    else if (threshold > most) {
      this.warn("anomalyThreshold", threshold.toString() + " can never be reached: the rules that run at paranoiaLevel " + paranoia.toString() +
        (disabled.length > 0 ? ", outside disabledCategories," : "") + " score at most " + most.toString() + " together");
    }
  }

  private exclusion(v: JsonValue, field: string): Exclusion {
    const e = new Exclusion();
    if (v.kind != JsonKind.Object) {
      this.fail(field, "must be an object");
      return e;
    }
    const names = v.uniqueKeys();
    const fields = ["ruleIds", "categories", "host", "pathPrefix", "method", "target"];
    for (let i = 0; i < names.length; i++) {
      if (!fields.includes(names[i])) this.fail(field, 'unknown field "' + names[i] + '"');
    }
    if (names.length == 0) this.fail(field, "must have at least 1 field");
    let f = v.get("ruleIds");
    if (f !== null && this.isArray(f, field + ".ruleIds")) {
      if (f.items.length == 0) this.fail(field + ".ruleIds", "must have at least 1 item");
      for (let i = 0; i < f.items.length; i++) {
        const id = this.integer(f.items[i], field + ".ruleIds." + i.toString(), 1, f64(i32.MAX_VALUE));
        // kept: dropped, an exclusion of unknown ids only would switch off every rule
        if (findRule(id) === null) this.warn(field + ".ruleIds", "unknown rule id " + id.toString());
        e.ruleIds.push(id);
      }
    }
    const hasRules = f !== null;
    f = v.get("categories");
    if (f !== null) e.categories = this.categories(f, field + ".categories", 1, false);
    if (!hasRules && f === null) this.fail(field, "needs ruleIds or categories");
    f = v.get("host");
    if (f !== null && this.isString(f, field + ".host")) {
      if (f.str.length == 0) this.fail(field + ".host", "must not be empty");
      else if (!matchableHost(f.str)) this.never(field + ".host", f.str);
      e.host = f.str;
    }
    f = v.get("pathPrefix");
    if (f !== null && this.isString(f, field + ".pathPrefix")) {
      if (!f.str.startsWith("/")) this.fail(field + ".pathPrefix", 'must start with "/"');
      else if (!matchablePathPrefix(f.str)) this.never(field + ".pathPrefix", f.str);
      e.pathPrefix = f.str;
    }
    f = v.get("method");
    if (f !== null && this.isString(f, field + ".method")) {
      if (!isMethod(f.str)) this.fail(field + ".method", "must be an HTTP method in upper case (methods are case-sensitive)");
      e.method = f.str;
    }
    f = v.get("target");
    if (f !== null && this.isString(f, field + ".target")) {
      const t = f.str;
      if (!isTargetName(t)) this.fail(field + ".target", "must be path, body or args|json|header|cookie|xml|jwt|files|multipart|grpc:NAME (args:NAME names query and form fields)");
      else if (!matchableTarget(t)) this.never(field + ".target", t);
      // Envoy gives header names in lower case, and the multipart parser lowers a part's; an exclusion
      // may spell them as HTTP allows, in any case
      e.target = t.startsWith("header:") || t.startsWith("multipart:") ? lowerAscii(String.UTF8.encode(t), 0, String.UTF8.byteLength(t)) : t;
    }
    return e;
  }

  private categories(v: JsonValue, field: string, minItems: i32, unique: bool): i32[] {
    const out: i32[] = [];
    if (!this.isArray(v, field)) return out;
    if (v.items.length < minItems) this.fail(field, "must have at least " + minItems.toString() + " item");
    for (let i = 0; i < v.items.length; i++) {
      const item = v.items[i];
      const where = field + "." + i.toString();
      const index = item.kind == JsonKind.String ? parseCategory(item.str) : -1;
      if (index < 0) {
        this.fail(where, "must be a category (" + categoryNames() + ")");
        continue;
      }
      if (unique && out.includes(index)) this.fail(field, 'must not repeat "' + item.str + '"');
      out.push(index);
    }
    return out;
  }

  /** Index of the value among `allowed`, or -1 after recording the error. */
  private oneOf(v: JsonValue, field: string, allowed: string[]): i32 {
    const index = v.kind == JsonKind.String ? allowed.indexOf(v.str) : -1;
    if (index < 0) this.fail(field, "must be one of " + allowed.join(", "));
    return index;
  }

  private integer(v: JsonValue, field: string, lo: f64, hi: f64): i32 {
    if (v.kind != JsonKind.Number || !isInteger(v.num)) {
      this.fail(field, "must be an integer");
      return i32(lo);
    }
    if (v.num < lo) this.fail(field, "must be >= " + i32(lo).toString());
    if (hi < f64(i32.MAX_VALUE) && v.num > hi) this.fail(field, "must be <= " + i32(hi).toString());
    return i32(min(max(v.num, lo), hi));
  }

  private isString(v: JsonValue, field: string): bool {
    if (v.kind == JsonKind.String) return true;
    this.fail(field, "must be a string");
    return false;
  }

  private isArray(v: JsonValue, field: string): bool {
    if (v.kind == JsonKind.Array) return true;
    this.fail(field, "must be an array");
    return false;
  }
}

function isInteger(x: f64): bool {
  return isFinite(x) && Math.floor(x) == x;
}

/** Length in Unicode code points, as JSON Schema counts maxLength. */
function codePoints(s: string): i32 {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) i++;
    }
    n++;
  }
  return n;
}

/** The schema's `^[-!#$%&'*+.^_`|~0-9A-Z]+$`: an HTTP token (RFC 9110) without lower-case letters. */
function isMethod(s: string): bool {
  if (s.length == 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = <u32>s.charCodeAt(i);
    if (!isTokenByte(c) || c - 0x61 < 26) return false;
  }
  return true;
}

/** The schema's `^(path|body|(args|json|header|cookie|xml|jwt|files|multipart|grpc):.+)$`: `.` excludes line terminators. */
function isTargetName(s: string): bool {
  if (s == "path" || s == "body") return true;
  const prefixes = ["args:", "json:", "header:", "cookie:", "xml:", "jwt:", "files:", "multipart:", "grpc:"];
  for (let p = 0; p < prefixes.length; p++) {
    const prefix = prefixes[p];
    if (!s.startsWith(prefix) || s.length == prefix.length) continue;
    for (let i = prefix.length; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c == 0x0a || c == 0x0d || c == 0x2028 || c == 0x2029) return false;
    }
    return true;
  }
  return false;
}
