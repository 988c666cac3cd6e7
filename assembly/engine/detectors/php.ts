// Detector stub: rules 9000-9999, category php.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";

export const PHP_RULES: Rule[] = [];

export function detectPhp(s: Sink, t: Target): void {}
