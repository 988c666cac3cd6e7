// Detector stub: rules 14000-14999, category xxe.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";

export const XXE_RULES: Rule[] = [];

export function detectXxe(s: Sink, t: Target): void {}
