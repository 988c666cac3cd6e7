// Detector stub: rules 1000-1999, protocol attacks over the whole request.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { HttpRequest } from "../request";

export const PROTOCOL_RULES: Rule[] = [];

export function detectProtocol(s: Sink, req: HttpRequest): void {}
