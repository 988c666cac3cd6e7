// Detector stub: rules 11000-11999, category ssti.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";

export const SSTI_RULES: Rule[] = [];

export function detectSsti(s: Sink, t: Target): void {}
