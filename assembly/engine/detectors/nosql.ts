// Detector stub: rules 12000-12999, category nosql.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";

export const NOSQL_RULES: Rule[] = [];

export function detectNosql(s: Sink, t: Target): void {}
