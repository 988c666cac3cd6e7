// A real upstream HTTP server on an ephemeral loopback port that records what reaches it.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface Upstream {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** Answers 200 with JSON {"method","url","bytes"} and records every complete request. */
export async function startUpstream(): Promise<Upstream> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const text = JSON.stringify({ method: req.method, url: req.url, bytes: body.length });
      res.writeHead(200, { "content-type": "application/json", "x-upstream": "yes" }).end(text);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

/** One request over a fresh connection; the body may be sent in pieces (to exercise chunking). */
export function request(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer[]; agent?: http.Agent } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? "GET", headers: opts.headers, agent: opts.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on("error", reject);
    });
    req.on("error", reject);
    const body = opts.body;
    if (Array.isArray(body)) {
      // Pieces written one event-loop turn apart arrive as separate chunks.
      let i = 0;
      const next = () => {
        if (i < body.length) {
          req.write(body[i++]);
          setTimeout(next, 5);
        } else req.end();
      };
      next();
    } else req.end(body);
  });
}
