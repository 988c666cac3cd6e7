// Detector stub: rules 10000-10999, category nodejs.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";

export const NODEJS_RULES: Rule[] = [];

export function detectNodejs(s: Sink, t: Target): void {}
