import { Rule, categoryName } from "./rule";
import { Target } from "./target";
import { findRule } from "./rules";
import { Exclusion } from "./config";
import { packedText, REASON_BITS } from "./packed-text";

// Shared empty lists: a request without exclusions allocates none (nothing pushes to these).
const NO_CATEGORIES: i32[] = [];
/** The matches of a sink until its first (most requests have none). */
const NO_MATCHES: Match[] = [];
export const NO_EXCLUSIONS: Exclusion[] = [];

export class Match {
  constructor(
    public rule: Rule,
    public target: string,
    public fragment: string,
    public reason: string,
  ) {}
}

/**
 * Collects the matches of one request and sums their scores. Applies the
 * paranoia level, the categories switched off and the exclusions that apply to
 * the request (inspect() selects those by host, path and method; the target
 * condition is checked here, per match).
 */
export class Sink {
  /** In report order; a shared empty list until the first match (never push to it: record() replaces it). */
  matches: Match[] = NO_MATCHES;
  score: i32 = 0;
  /** Category indexes switched off (the engine's configuration hands over its own list; never changed here). */
  disabledCategories: i32[] = NO_CATEGORIES;
  /** Exclusions whose request conditions hold for this request (never changed here). */
  exclusions: Exclusion[] = NO_EXCLUSIONS;
  /** The score at which inspection may stop (0: never). */
  stopAt: i32 = 0;
  /**
   * Findings of rules this configuration runs, counted before a repeat or an exclusion (which depend
   * on the request) drops them.
   */
  reports: i32 = 0;
  /** Findings of any rule, counted before the paranoia level or a switched-off category drops them (a result that holds for every configuration). */
  raised: i32 = 0;
  /** The target before the one being inspected, in request order (set by the engine, inspected or not). */
  previous: Target | null = null;
  /**
   * The value whose embedded targets are being inspected (the header, cookie or argument that carried a
   * JSON Web Token): an exclusion naming it covers what was found inside it too.
   */
  carrier: Target | null = null;
  /**
   * Rules an exclusion naming an `xml:` target dropped in this request: an XML document is also read
   * whole as `body` (DOCTYPE, entities), where those findings show again, and are dropped too.
   */
  private excludedInXml: i32[] | null = null;
  constructor(public paranoia: i32 = 1) {}

  /** Whether the verdict is settled: the score reached `stopAt` (a call: its ~40 inlined copies cost 259 bytes; none is in a byte loop). */
  done(): bool {
    return this.stopAt > 0 && this.score >= this.stopAt;
  }

  /** Whether a rule would count at this paranoia level (detectors may skip work otherwise). */
  enabled(ruleId: i32): bool {
    const rule = findRule(ruleId);
    return rule !== null && rule.paranoia <= this.paranoia && !this.disabledCategories.includes(<i32>rule.category);
  }

  /** Records that `ruleId` matched bytes [start, end) of `data` in target `t`. */
  report(ruleId: i32, t: Target, data: ArrayBuffer, start: i32, end: i32, reason: string): void {
    const rule = this.counts(ruleId);
    if (rule !== null) this.record(rule, t.name, data, start, end, reason); // the name is built only now
  }

  /** As report(), for request-level findings that have no Target (e.g. `header:content-length`, `method`). */
  reportNamed(ruleId: i32, targetName: string, data: ArrayBuffer, start: i32, end: i32, reason: string): void {
    const rule = this.counts(ruleId);
    if (rule !== null) this.record(rule, targetName, data, start, end, reason);
  }

  /** reportNamed() of the header `name` (target `header:NAME`), from its value's first byte to `end`. */
  reportHeader(ruleId: i32, name: string, data: ArrayBuffer, end: i32, reason: string): void {
    this.reportNamed(ruleId, "header:" + name, data, 0, end, reason);
  }

  /**
   * report() with its rule id and reason in one number, `ruleId << REASON_BITS | k`, k the index of
   * the reason in the release build's table of texts (packed-text.ts), decoded only when the finding
   * counts: the release build's form of a report whose reason is a literal (scripts/pack-reasons.js;
   * one constant at a call site rather than two).
   */
  reportPacked(ruleReason: i32, t: Target, data: ArrayBuffer, start: i32, end: i32): void {
    const rule = this.counts(ruleReason >> REASON_BITS);
    if (rule !== null) this.record(rule, t.name, data, start, end, packedText(ruleReason & ((1 << REASON_BITS) - 1)));
  }

  /** reportNamed() with its rule id and reason in one number, as reportPacked(). */
  reportNamedPacked(ruleReason: i32, targetName: string, data: ArrayBuffer, start: i32, end: i32): void {
    const rule = this.counts(ruleReason >> REASON_BITS);
    if (rule !== null) this.record(rule, targetName, data, start, end, packedText(ruleReason & ((1 << REASON_BITS) - 1)));
  }

  /** reportHeader() with its rule id and reason in one number, as reportPacked(). */
  reportHeaderPacked(ruleReason: i32, name: string, data: ArrayBuffer, end: i32): void {
    this.reportNamedPacked(ruleReason, "header:" + name, data, 0, end);
  }

  /** The rule of a finding that may score: it runs in this configuration and has not scored yet in this request. */
  private counts(ruleId: i32): Rule | null {
    this.raised++;
    const rule = findRule(ruleId);
    if (rule === null || rule.paranoia > this.paranoia) return null;
    if (this.disabledCategories.includes(<i32>rule.category)) return null;
    this.reports++;
    for (let i = 0; i < this.matches.length; i++) {
      if (this.matches[i].rule.id == ruleId) return null; // a rule scores once per request
    }
    return rule;
  }

  private record(rule: Rule, targetName: string, data: ArrayBuffer, start: i32, end: i32, reason: string): void {
    let xml = this.excludedInXml;
    if (this.isExcluded(rule, targetName)) {
      if (targetName.startsWith("xml:")) {
        if (xml === null) this.excludedInXml = xml = [];
        xml.push(rule.id);
      }
      return;
    }
    if (xml !== null && targetName == "body" && xml.includes(rule.id)) return;
    if (start < 0) start = 0;
    if (end > data.byteLength) end = data.byteLength;
    if (end < start) end = start;
    const fragment = String.UTF8.decodeUnsafe(changetype<usize>(data) + <usize>start, <usize>(min(end, start + 120) - start));
    const m = new Match(rule, targetName, fragment, reason);
    if (this.matches === NO_MATCHES) this.matches = [m]; // (made for one: most requests have one or two)
    else this.matches.push(m);
    this.score += rule.severity;
  }

  private isExcluded(rule: Rule, targetName: string): bool {
    for (let i = 0; i < this.exclusions.length; i++) {
      const e = this.exclusions[i];
      const any = e.ruleIds.length == 0 && e.categories.length == 0;
      if (!any && !e.ruleIds.includes(rule.id) && !e.categories.includes(<i32>rule.category)) continue;
      if (e.target !== null && !targetMatches(e.target!, targetName) && !(this.carrier !== null && targetMatches(e.target!, this.carrier!.name))) continue;
      return true;
    }
    return false;
  }

  categories(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.matches.length; i++) {
      const name = categoryName(this.matches[i].rule.category);
      if (!out.includes(name)) out.push(name);
    }
    return out;
  }
}

/** `args:id` matches exactly; a trailing `*` matches a prefix (`header:x-*`, `json:user.*`). */
export function targetMatches(pattern: string, name: string): bool {
  const n = pattern.length;
  if (n > 0 && pattern.charCodeAt(n - 1) == 0x2a) return name.startsWith(pattern.substring(0, n - 1));
  return pattern == name;
}
