// Detector stub: rules 8000-8999, category java.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";

export const JAVA_RULES: Rule[] = [];

export function detectJava(s: Sink, t: Target): void {}
