// Detector stub: rules 17000-17999, category other.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";

export const OTHER_RULES: Rule[] = [];

export function detectOther(s: Sink, t: Target): void {}
