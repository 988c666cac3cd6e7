// `meshwaf serve`: a local HTTP/1.1 reverse proxy that runs every request through the filter in the
// Node host, the way an Envoy sidecar would: request body chunks go to the module as they arrive,
// the request reaches the upstream only as far as the filter lets it, a local reply answers the
// client when the filter blocks, and the upstream response runs through the response callbacks.
// One VM (one Emulator) serves every connection, like one Envoy worker.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { requestHeaderMap, type Emulator, type Header, type HttpStream } from "../host/index.js";

export interface ProxyOptions {
  emulator: Emulator;
  /** http://host:port of the upstream service. */
  upstream: URL;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** A request neither answered nor completed after this long gets 504 (Envoy's timeouts). Default 15 s. */
  timeoutMs?: number;
  /** One line per request (method, path, status, µs in the module). */
  onAccess?: (line: AccessRecord) => void;
}

export interface AccessRecord {
  method: string;
  path: string;
  status: number;
  blocked: boolean;
  cpuUs: number;
}

export interface RunningProxy {
  url: string;
  address: AddressInfo;
  /** Stops accepting, ends idle keep-alive connections, waits for open requests, shuts the plugin down. */
  close(): Promise<void>;
}

/** Headers that belong to one connection and are not forwarded (RFC 9110 7.6.1). */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);

function pairs(raw: string[]): Header[] {
  const out: Header[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i].toLowerCase(), raw[i + 1]]);
  return out;
}

function flatten(headers: Header[]): string[] {
  return headers.filter(([k]) => !k.startsWith(":") && !HOP_BY_HOP.has(k)).flat();
}

function expectsBody(headers: http.IncomingHttpHeaders): boolean {
  if (headers["transfer-encoding"] !== undefined) return true;
  const length = Number(headers["content-length"] ?? 0);
  return Number.isFinite(length) && length > 0;
}

export async function startProxy(opts: ProxyOptions): Promise<RunningProxy> {
  const { emulator: em, upstream } = opts;
  if (upstream.protocol !== "http:") throw new Error(`upstream ${upstream.href}: only http:// is supported`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const open = new Set<() => void>();

  const server = http.createServer((req, res) => {
    const method = req.method ?? "GET";
    const path = req.url ?? "/";
    let upstreamReq: http.ClientRequest | undefined;
    let responseStarted = false;
    let finished = false;
    let stream: HttpStream;

    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      open.delete(abort);
      em.finishStream(stream);
      const status = res.headersSent ? res.statusCode : 0;
      opts.onAccess?.({ method, path, status, blocked: stream.localReply !== undefined, cpuUs: Number(stream.cpuNs) / 1000 });
    };
    const abort = () => {
      upstreamReq?.destroy();
      if (!res.headersSent) res.writeHead(503, { "content-type": "text/plain", connection: "close" }).end("meshwaf serve is shutting down\n");
      else res.destroy();
      finish();
    };
    open.add(abort);

    /** The upstream answered (or failed): its response runs through the filter's response side. */
    const fromUpstream = (status: number, headers: Header[], body: http.IncomingMessage | Buffer) => {
      if (finished || responseStarted) return;
      responseStarted = true;
      const noBody = method === "HEAD" || status === 204 || status === 304 || (Buffer.isBuffer(body) ? body.length === 0 : headers.some(([k, v]) => k === "content-length" && v === "0"));
      em.onResponseHeaders(stream, [[":status", String(status)], ...headers.filter(([k]) => !HOP_BY_HOP.has(k))], noBody);
      if (noBody) {
        if (!Buffer.isBuffer(body)) body.resume();
        return;
      }
      if (Buffer.isBuffer(body)) {
        em.onResponseBody(stream, body, true);
        return;
      }
      body.on("data", (chunk: Buffer) => em.onResponseBody(stream, chunk, false));
      body.on("end", () => em.onResponseBody(stream, Buffer.alloc(0), true));
      body.on("error", () => res.destroy());
    };

    const startUpstream = (headers: Header[], endOfStream: boolean) => {
      const authority = headers.find(([k]) => k === ":authority")?.[1] ?? upstream.host;
      upstreamReq = http.request({
        agent,
        host: upstream.hostname,
        port: upstream.port || 80,
        method: headers.find(([k]) => k === ":method")?.[1] ?? method,
        path: headers.find(([k]) => k === ":path")?.[1] ?? path,
        headers: ["host", authority, ...flatten(headers)],
      });
      upstreamReq.on("response", (up) => fromUpstream(up.statusCode ?? 502, pairs(up.rawHeaders), up));
      upstreamReq.on("error", (err) => {
        // Envoy's router answers 503 itself when the upstream cannot be reached.
        if (!finished && !responseStarted) {
          const text = Buffer.from(`upstream connect error or disconnect/reset before headers. reset reason: ${err.message}`);
          fromUpstream(503, [["content-type", "text/plain"], ["content-length", String(text.length)]], text);
        }
      });
      if (endOfStream) upstreamReq.end();
    };

    stream = em.newStream({
      sourceAddress: `${req.socket.remoteAddress}:${req.socket.remotePort}`,
      destinationAddress: `${req.socket.localAddress}:${req.socket.localPort}`,
      protocol: `HTTP/${req.httpVersion}`,
      sinks: {
        upstreamHeaders: startUpstream,
        upstreamData: (chunk, eos) => {
          if (!upstreamReq) return;
          if (chunk.length > 0) upstreamReq.write(chunk);
          if (eos) upstreamReq.end();
        },
        upstreamReset: () => upstreamReq?.destroy(),
        downstreamHeaders: (headers, eos) => {
          if (res.headersSent || res.destroyed) return;
          const status = Number(headers.find(([k]) => k === ":status")?.[1] ?? 502);
          res.writeHead(status, flatten(headers));
          if (eos) res.end();
        },
        downstreamData: (chunk, eos) => {
          if (res.writableEnded || res.destroyed) return;
          if (chunk.length > 0) res.write(chunk);
          if (eos) res.end();
        },
      },
    });

    const timer = setTimeout(() => {
      if (res.headersSent) return;
      upstreamReq?.destroy();
      res.writeHead(504, { "content-type": "text/plain" }).end("request timeout: held by the filter or the upstream\n");
    }, timeoutMs);

    res.on("close", finish);
    req.on("aborted", () => upstreamReq?.destroy());

    const headers = requestHeaderMap({ method, path, headers: pairs(req.rawHeaders) }, 0);
    const hasBody = expectsBody(req.headers);
    em.onRequestHeaders(stream, headers, !hasBody);
    if (!hasBody) {
      req.resume();
      return;
    }
    const declared = req.headers["transfer-encoding"] === undefined ? Number(req.headers["content-length"]) : -1;
    let received = 0;
    let ended = false;
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      ended = received === declared;
      em.onRequestBody(stream, chunk, ended);
    });
    req.on("end", () => {
      if (!ended) em.onRequestBody(stream, Buffer.alloc(0), true);
    });
  });
  server.keepAliveTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 10000, opts.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    address,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Requests still open after a grace period are answered 503 and closed.
      const grace = setTimeout(() => {
        for (const abort of [...open]) abort();
        server.closeAllConnections();
      }, 2000);
      await closed;
      clearTimeout(grace);
      agent.destroy();
      em.shutdown();
    },
  };
}
