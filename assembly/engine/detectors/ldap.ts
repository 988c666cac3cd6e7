// Detector stub: rules 13000-13999, category ldap.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";

export const LDAP_RULES: Rule[] = [];

export function detectLdap(s: Sink, t: Target): void {}
