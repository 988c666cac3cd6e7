// Detector stub: rules 15000-15999, category scanner.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";

export const SCANNER_RULES: Rule[] = [];

export function detectScanner(s: Sink, t: Target): void {}
