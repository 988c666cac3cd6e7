// Runs corpus requests through the filter in-process, as Envoy would deliver them (bodies in
// chunks), and reads what the filter decided from its reply and its decision log line.
import { runRequest, type Emulator, type RequestOutcome } from "../host/index.js";
import type { CorpusRequest } from "./corpus.js";

export interface ReplayResult {
  id: string;
  label: string;
  category: string;
  /** Answered with a local reply, or (detect mode) logged as detected. */
  blocked: boolean;
  score: number;
  rules: number[];
  /** Microseconds inside the module for this request. */
  us: number;
  /** The filter neither answered nor let the whole request through (Envoy would time out). */
  held: boolean;
}

interface Decision {
  verdict?: string;
  score?: number;
  rules?: number[];
}

/** The filter's decision for one request: its JSON log line, else the JSON body of its reply. */
export function readDecision(out: RequestOutcome): Decision {
  for (const entry of out.logs) {
    if (!entry.message.startsWith('{"meshwaf":"decision"')) continue;
    try {
      return JSON.parse(entry.message) as Decision;
    } catch {
      // a line the filter truncated badly: fall through to the reply body
    }
  }
  if (out.localReply) {
    try {
      const body = JSON.parse(out.localReply.body.toString("utf8"));
      if (body && typeof body === "object") return { rules: Array.isArray(body.rules) ? body.rules : undefined };
    } catch {
      // a configured non-JSON block body
    }
  }
  return {};
}

export function replayOne(em: Emulator, req: CorpusRequest, chunkSize: number): ReplayResult {
  const hasId = req.headers.some(([k]) => k.toLowerCase() === "x-request-id");
  const out = runRequest(em, {
    method: req.method,
    path: req.path,
    headers: hasId ? req.headers : [...req.headers, ["x-request-id", req.id]],
    body: req.body,
    chunkSize,
    source: { address: "127.0.0.1:40000" },
  });
  const d = readDecision(out);
  return {
    id: req.id,
    label: req.label,
    category: req.category,
    blocked: out.blocked || d.verdict === "detected",
    score: typeof d.score === "number" ? d.score : 0,
    rules: Array.isArray(d.rules) ? d.rules : [],
    us: Math.round(out.cpuUs * 10) / 10,
    held: out.held,
  };
}
