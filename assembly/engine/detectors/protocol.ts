// Protocol attacks (rules 1000-1999): request-level checks over the method,
// headers and body framing, and per-target checks for CR/LF injection.
import { Rule, Category, CRITICAL, ERROR, WARNING, NOTICE } from "../rule";
import { Sink } from "../sink";
import { HttpRequest } from "../request";
import { Target, TargetKind } from "../target";
import { Targets, BodyProblem } from "../request/targets";

export const PROTOCOL_RULES: Rule[] = [
  new Rule(1100, Category.Protocol, CRITICAL, 1, "Request body that does not parse as its Content-Type says (JSON, XML, multipart)"),
];

export function detectProtocolTarget(s: Sink, t: Target): void {}

export function detectProtocol(s: Sink, req: HttpRequest, targets: Targets): void {
  if (targets.bodyProblem != BodyProblem.None && req.body !== null) {
    s.reportNamed(1100, "body", req.body!, targets.bodyProblemAt, targets.bodyProblemAt + 40, "malformed body");
  }
}
