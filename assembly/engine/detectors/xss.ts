// Detector stub: rules 3000-3999, category xss.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";

export const XSS_RULES: Rule[] = [];

export function detectXss(s: Sink, t: Target): void {}
