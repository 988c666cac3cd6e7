// Entry of the detection engine: request in, verdict out. Pure, no host calls.
// Initial wiring: only the query string arguments are targets. The engine issue replaces this.
import { HttpRequest } from "./request";
import { EngineConfig } from "./config";
import { Verdict } from "./verdict";
import { Sink } from "./sink";
import { Target, TargetKind } from "./target";
import { detectProtocol } from "./detectors/protocol";
import { detectSqli } from "./detectors/sqli";
import { detectXss } from "./detectors/xss";
import { detectRce } from "./detectors/rce";
import { detectLfi } from "./detectors/lfi";
import { detectRfi } from "./detectors/rfi";
import { detectSsrf } from "./detectors/ssrf";
import { detectJava } from "./detectors/java";
import { detectPhp } from "./detectors/php";
import { detectNodejs } from "./detectors/nodejs";
import { detectSsti } from "./detectors/ssti";
import { detectNosql } from "./detectors/nosql";
import { detectLdap } from "./detectors/ldap";
import { detectXxe } from "./detectors/xxe";
import { detectScanner } from "./detectors/scanner";
import { detectSession } from "./detectors/session";
import { detectOther } from "./detectors/other";

export function detectTarget(s: Sink, t: Target): void {
  detectSqli(s, t);
  detectXss(s, t);
  detectRce(s, t);
  detectLfi(s, t);
  detectRfi(s, t);
  detectSsrf(s, t);
  detectJava(s, t);
  detectPhp(s, t);
  detectNodejs(s, t);
  detectSsti(s, t);
  detectNosql(s, t);
  detectLdap(s, t);
  detectXxe(s, t);
  detectScanner(s, t);
  detectSession(s, t);
  detectOther(s, t);
}

export function inspect(req: HttpRequest, cfg: EngineConfig): Verdict {
  const s = new Sink(cfg.paranoiaLevel);
  detectProtocol(s, req);
  const path = Uint8Array.wrap(req.path);
  const q = path.indexOf(0x3f);
  if (q >= 0) {
    const query = req.path.slice(q + 1);
    const t = new Target(TargetKind.ArgValue, "args", query, query);
    detectTarget(s, t);
  }
  return new Verdict(s.score, s.score >= cfg.anomalyThreshold, s.matches);
}
