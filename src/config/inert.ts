// Configuration that is valid but does nothing, reported as warnings (printed, not fatal): the
// configuration runs, but the user meant something by it. Called on a configuration the schema
// accepted (src/config/schema.ts validateConfig). The filter runs them as written; of these it repeats,
// in the same words, only the two that mean it never blocks (assembly/config/parse.ts reachable): the
// module stays the smaller for it. (Its other warnings are for conditions no request can meet: matchable.ts.)
import { RULES } from "./rules.js";

interface Exclusion {
  ruleIds?: number[];
  categories?: string[];
  host?: string;
  pathPrefix?: string;
  method?: string;
  target?: string;
}

interface Config {
  paranoiaLevel?: number;
  anomalyThreshold?: number;
  disabledCategories?: string[];
  exclusions?: Exclusion[];
}

/** "<field>: <what does nothing and why>" for each valid but inert setting, in field order. */
export function configWarnings(value: unknown): string[] {
  const config = value as Config;
  const paranoia = config.paranoiaLevel ?? 1;
  const disabled = new Set(config.disabledCategories ?? []);
  const out: string[] = [];
  const running = [...RULES.values()].filter((r) => r.paranoia <= paranoia && !disabled.has(r.category));
  const categories = new Set([...RULES.values()].map((r) => r.category));
  if ([...categories].every((c) => disabled.has(c))) out.push("disabledCategories: every category is switched off: no rule runs");
  else {
    // (a rule scores once per request: the sum of every running rule's score bounds a request's)
    const most = running.reduce((sum, r) => sum + r.severity, 0);
    const threshold = config.anomalyThreshold ?? 5;
    const which = `at paranoiaLevel ${paranoia}${disabled.size > 0 ? ", outside disabledCategories," : ""}`;
    if (threshold > most) out.push(`anomalyThreshold: ${threshold} can never be reached: the rules that run ${which} score at most ${most} together`);
  }
  const exclusions = config.exclusions ?? [];
  exclusions.forEach((e, i) => {
    const field = `exclusions.${i}`;
    for (const id of e.ruleIds ?? []) {
      const rule = RULES.get(id);
      if (rule === undefined) continue; // refused by the schema
      if (disabled.has(rule.category)) out.push(`${field}.ruleIds: rule ${id} does not run: its category ${rule.category} is in disabledCategories`);
      else if (rule.paranoia > paranoia) out.push(`${field}.ruleIds: rule ${id} does not run at paranoiaLevel ${paranoia} (it runs from level ${rule.paranoia}): nothing to switch off until the level is raised`);
    }
    for (const c of e.categories ?? []) if (disabled.has(c)) out.push(`${field}.categories: ${c} does not run: it is in disabledCategories`);
    const wider = exclusions.findIndex((o, j) => j !== i && covers(o, e) && (j < i || !covers(e, o)));
    if (wider >= 0) {
      out.push(covers(e, exclusions[wider])
        ? `${field}: repeats exclusions.${wider}`
        : `${field}: adds nothing: exclusions.${wider} switches off the same rules wherever this one applies`);
    }
  });
  return out;
}

/** Whether exclusion `a` switches off every finding `b` does: the same rules or more, under the same conditions or fewer. */
function covers(a: Exclusion, b: Exclusion): boolean {
  const rules = (b.ruleIds ?? []).every((id) => a.ruleIds?.includes(id) || a.categories?.includes(RULES.get(id)?.category ?? ""));
  const categories = (b.categories ?? []).every((c) => a.categories?.includes(c));
  return rules && categories &&
    (a.host === undefined || (b.host !== undefined && lowerAscii(a.host) === lowerAscii(b.host))) &&
    (a.pathPrefix === undefined || (b.pathPrefix?.startsWith(a.pathPrefix) ?? false)) &&
    (a.method === undefined || a.method === b.method) &&
    (a.target === undefined || (b.target !== undefined && targetCovers(a.target, b.target)));
}

/** Whether every target name `b` matches, `a` matches (a trailing `*` matches a prefix; header and part header names in any case). */
function targetCovers(a: string, b: string): boolean {
  const fold = (t: string) => (t.startsWith("header:") || t.startsWith("multipart:") ? lowerAscii(t) : t);
  [a, b] = [fold(a), fold(b)];
  if (!a.endsWith("*")) return a === b;
  return (b.endsWith("*") ? b.slice(0, -1) : b).startsWith(a.slice(0, -1));
}

/** As the filter folds host and header names: ASCII letters only. */
function lowerAscii(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
