// Detector stub: rules 7000-7999, category ssrf.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";

export const SSRF_RULES: Rule[] = [];

export function detectSsrf(s: Sink, t: Target): void {}
