// The protection in front of one simulated service, as the chosen pattern places
// it: the caller's identity comes from its source address (each simulated
// workload has its own loopback address, standing in for its mTLS certificate
// or pod IP), the generated policies decide whether the call is allowed, and the
// meshwaf module, hosted in Node, inspects what is allowed before the app sees it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Emulator, runRequest } from "../host/index.js";
import type { ServiceName } from "./services.js";
import { readBody } from "./read-body.js";

/** How the simulator tells its clients what happened (sim-only headers, never set by Envoy). */
export const DECISION_HEADER = "x-meshwaf-sim-decision";
export const FILTER_US_HEADER = "x-meshwaf-sim-filter-us";

export type Decision = "pass" | "waf" | "policy";

export interface GateResult {
  allow: boolean;
  /** The policy that decided, for the log and the report. */
  policy: string;
  /** The caller's identity as the policy saw it (principal or pod). */
  identity: string;
}

export interface FrontOptions {
  service: ServiceName;
  appPort: number;
  emulator: Emulator;
  /** Evaluates the generated policies for a call from `sourceAddress`. */
  gate(sourceAddress: string, method: string, path: string): GateResult;
}

export interface Front {
  port: number;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer", "host"]);

function forward(appPort: number, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse, filterUs: number): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  headers["content-length"] = String(body.length);
  const upstream = http.request({ host: "127.0.0.1", port: appPort, method: req.method, path: req.url, headers }, (up) => {
    res.writeHead(up.statusCode ?? 502, { ...up.headers, [DECISION_HEADER]: "pass", [FILTER_US_HEADER]: filterUs.toFixed(1) });
    up.pipe(res);
  });
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502, { [DECISION_HEADER]: "pass" });
    res.end();
  });
  upstream.end(body);
}

export async function startFront(opts: FrontOptions): Promise<Front> {
  const server = http.createServer(async (req, res) => {
    const source = req.socket.remoteAddress ?? "";
    const gate = opts.gate(source, req.method ?? "GET", req.url ?? "/");
    if (!gate.allow) {
      // What Istio's RBAC filter answers for a denied call.
      req.resume();
      res.writeHead(403, { "content-type": "text/plain", [DECISION_HEADER]: "policy" });
      res.end("RBAC: access denied");
      return;
    }
    const body = await readBody(req);
    const headers: [string, string][] = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i].toLowerCase();
      if (!HOP_BY_HOP.has(name)) headers.push([name, req.rawHeaders[i + 1]]);
    }
    const out = runRequest(opts.emulator, {
      method: req.method ?? "GET",
      path: req.url ?? "/",
      authority: opts.service,
      headers,
      body: body.length > 0 ? body : undefined,
      chunkSize: 16 * 1024,
      source: { address: `${source}:${req.socket.remotePort ?? 0}`, principal: gate.identity },
    });
    if (out.blocked && out.localReply) {
      const reply = out.localReply;
      const replyHeaders: Record<string, string> = { [DECISION_HEADER]: "waf", [FILTER_US_HEADER]: out.cpuUs.toFixed(1) };
      for (const [name, value] of reply.headers) if (!name.startsWith(":")) replyHeaders[name] = value;
      res.writeHead(reply.status, replyHeaders);
      res.end(reply.body);
      return;
    }
    forward(opts.appPort, req, body, res, out.cpuUs);
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
