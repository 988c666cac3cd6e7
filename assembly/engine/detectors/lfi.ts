// Detector stub: rules 5000-5999, category lfi.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";

export const LFI_RULES: Rule[] = [];

export function detectLfi(s: Sink, t: Target): void {}
