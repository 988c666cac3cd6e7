// Detector stub: rules 2000-2999, category sqli.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";

export const SQLI_RULES: Rule[] = [];

export function detectSqli(s: Sink, t: Target): void {}
