// Rule metadata: every detection names a rule with a stable id, a category,
// a severity (its anomaly score) and the lowest paranoia level it runs at.
import { staticIndexOf, staticString } from "./static-strings";

export const enum Category {
  Protocol = 0, Sqli, Xss, Rce, Lfi, Rfi, Ssrf, Java, Php, Nodejs, Ssti, Nosql, Ldap, Xxe, Scanner, Session, Other,
  Count,
}

// In Category order (a static table, static-strings.ts).
const CATEGORY_NAMES: usize = memory.data<usize>([
  changetype<usize>("protocol"), changetype<usize>("sqli"), changetype<usize>("xss"), changetype<usize>("rce"),
  changetype<usize>("lfi"), changetype<usize>("rfi"), changetype<usize>("ssrf"), changetype<usize>("java"),
  changetype<usize>("php"), changetype<usize>("nodejs"), changetype<usize>("ssti"), changetype<usize>("nosql"),
  changetype<usize>("ldap"), changetype<usize>("xxe"), changetype<usize>("scanner"), changetype<usize>("session"),
  changetype<usize>("other"),
]);
const CATEGORY_NAMES_COUNT = 17;

export function categoryName(category: Category): string {
  return <u32>category < <u32>CATEGORY_NAMES_COUNT ? staticString(CATEGORY_NAMES, <i32>category) : "";
}

/** Every category name, comma-separated (for messages). */
export function categoryNames(): string {
  let out = "";
  for (let k = 0; k < CATEGORY_NAMES_COUNT; k++) out += (k > 0 ? ", " : "") + staticString(CATEGORY_NAMES, k);
  return out;
}

/** The category with this name, or -1. */
export function parseCategory(name: string): i32 {
  return staticIndexOf(CATEGORY_NAMES, CATEGORY_NAMES_COUNT, name);
}

// Anomaly scores per severity, as CRS assigns them.
export const CRITICAL: i32 = 5;
export const ERROR: i32 = 4;
export const WARNING: i32 = 3;
export const NOTICE: i32 = 2;

// Outside the collected heap: rules live as long as the module, and a collection would otherwise
// visit every one of them each time. (The description is a literal: static data, never collected.)
@unmanaged
export class Rule {
  constructor(
    public id: i32,
    public category: Category,
    public severity: i32,
    public paranoia: i32,
    public description: string,
  ) {}

  /**
   * The rules of a static table of `count` rules, four bytes each (id low and high byte, category,
   * severity << 4 | paranoia), without descriptions: what the release build makes of a literal list
   * of rules (scripts/strip-rule-descriptions.js).
   */
  static table(bytes: usize, count: i32): Rule[] {
    const out = new Array<Rule>(count);
    for (let i = 0; i < count; i++) {
      const b = bytes + (<usize>i << 2);
      const levels = <i32>load<u8>(b, 3);
      unchecked(out[i] = new Rule(<i32>load<u16>(b), <Category>load<u8>(b, 2), levels >> 4, levels & 15, ""));
    }
    return out;
  }

  /**
   * The rules of `count` tables like table()'s, each led by its rule count (u16), at the addresses
   * in the static list `tables`: what the release build makes of the registry's chain of
   * concatenated detector lists (assembly/engine/rules.ts), one array built in one pass.
   */
  static tables(tables: usize, count: i32): Rule[] {
    let total = 0;
    for (let t = 0; t < count; t++) total += <i32>load<u16>(load<usize>(tables + (<usize>t << alignof<usize>())));
    const out = new Array<Rule>(total);
    let k = 0;
    for (let t = 0; t < count; t++) {
      const data = load<usize>(tables + (<usize>t << alignof<usize>()));
      const n = <i32>load<u16>(data);
      for (let i = 0; i < n; i++) {
        const b = data + 2 + (<usize>i << 2);
        const levels = <i32>load<u8>(b, 3);
        unchecked(out[k++] = new Rule(<i32>load<u16>(b), <Category>load<u8>(b, 2), levels >> 4, levels & 15, ""));
      }
    }
    return out;
  }
}
