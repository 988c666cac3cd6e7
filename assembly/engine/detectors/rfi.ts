// Detector stub: rules 6000-6999, category rfi.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";

export const RFI_RULES: Rule[] = [];

export function detectRfi(s: Sink, t: Target): void {}
