// Tables of SQL injection shapes: per group, values the sqli detector alone must score at or above
// the blocking threshold (5) and look-alikes it must keep below.
import { describe, expect, it } from "vitest";

export interface SqliGroup {
  name: string;
  attacks: string[];
  benign: string[];
}

/** One describe per group, one test per value; `score` is the sqli detector's score of a value. */
export function describeSqliGroups(title: string, groups: SqliGroup[], score: (value: string) => number): void {
  describe(title, () => {
    for (const g of groups) {
      describe(g.name, () => {
        for (const a of g.attacks) it(`attack ${JSON.stringify(a)}`, () => expect(score(a)).toBeGreaterThanOrEqual(5));
        for (const b of g.benign) it(`benign ${JSON.stringify(b)}`, () => expect(score(b)).toBeLessThan(5));
      });
    }
  });
}
