import { Rule, categoryName } from "./rule";
import { Target } from "./target";
import { findRule } from "./rules";

export class Match {
  constructor(
    public rule: Rule,
    public target: string,
    public fragment: string,
    public reason: string,
  ) {}
}

/** Collects the matches of one request and sums their scores. */
export class Sink {
  matches: Match[] = [];
  score: i32 = 0;
  constructor(public paranoia: i32 = 1) {}

  /** Whether a rule would count at this paranoia level (detectors may skip work otherwise). */
  enabled(ruleId: i32): bool {
    const rule = findRule(ruleId);
    return rule !== null && rule.paranoia <= this.paranoia;
  }

  /** Records that `ruleId` matched bytes [start, end) of `data` in target `t`. */
  report(ruleId: i32, t: Target, data: ArrayBuffer, start: i32, end: i32, reason: string): void {
    const rule = findRule(ruleId);
    if (rule === null || rule.paranoia > this.paranoia) return;
    for (let i = 0; i < this.matches.length; i++) {
      if (this.matches[i].rule.id == ruleId) return; // a rule scores once per request
    }
    if (start < 0) start = 0;
    if (end > data.byteLength) end = data.byteLength;
    if (end < start) end = start;
    const fragment = String.UTF8.decode(data.slice(start, min(end, start + 120)));
    this.matches.push(new Match(rule, t.name, fragment, reason));
    this.score += rule.severity;
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
