// Each registered rule's category, severity and paranoia level (schema/rules.json, written with the
// schema's rule ids by scripts/rules-doc.ts from the registry: the same one source of truth).
import { readFileSync } from "node:fs";

export interface RuleData {
  readonly category: string;
  readonly severity: number;
  readonly paranoia: number;
}

export const rulesPath = new URL("../../schema/rules.json", import.meta.url);

/** By rule id. */
export const RULES: ReadonlyMap<number, RuleData> = new Map(
  Object.entries(JSON.parse(readFileSync(rulesPath, "utf8")) as Record<string, RuleData>).map(([id, r]) => [Number(id), r]),
);
