// The three applications of the reference architecture, as plain HTTP servers on
// 127.0.0.1: `www` (public), `auth` and `db` (internal). They answer JSON of a
// configurable size; protection lives in front of them (front.ts), not here.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Random } from "./random.js";
import { filler, record } from "./content.js";
import { readBody } from "./read-body.js";

export type ServiceName = "www" | "auth" | "db";
export const SERVICES: readonly ServiceName[] = ["www", "auth", "db"];

export interface App {
  name: ServiceName;
  port: number;
  close(): Promise<void>;
}

function handlerFor(name: ServiceName, responseSize: number, r: Random): (req: http.IncomingMessage, body: Buffer) => unknown {
  const pad = () => (responseSize > 0 ? { padding: filler(r, responseSize) } : {});
  switch (name) {
    case "www":
      return (req) => ({ page: req.url, items: [record(r, r.int(1, 1000))], ...pad() });
    case "auth":
      return (req, body) => {
        if (req.url?.startsWith("/login")) return { token: `tok_${r.int(1e6, 9e6)}`, expires_in: 3600, received: body.length, ...pad() };
        return { session: "valid", ...pad() };
      };
    case "db":
      return (req) => {
        const id = Number(new URL(req.url ?? "/", "http://db").searchParams.get("id") ?? r.int(1, 1000));
        return { record: record(r, Number.isFinite(id) ? id : 0), method: req.method, ...pad() };
      };
  }
}

export async function startApp(name: ServiceName, responseSize: number, seed: number): Promise<App> {
  const handle = handlerFor(name, responseSize, new Random(seed));
  const server = http.createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      const json = JSON.stringify(handle(req, body));
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
      res.end(json);
    } catch {
      res.writeHead(500).end();
    }
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    name,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
