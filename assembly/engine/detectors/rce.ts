// Detector stub: rules 4000-4999, category rce.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";

export const RCE_RULES: Rule[] = [];

export function detectRce(s: Sink, t: Target): void {}
