// Detector stub: rules 16000-16999, category session.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";

export const SESSION_RULES: Rule[] = [];

export function detectSession(s: Sink, t: Target): void {}
