// runRequest: one whole request through the filter the way Envoy drives it, for tests and replay.
// The body is cut into chunks (as a downstream connection delivers it); what the filter lets
// through is collected as "forwarded"; when the request reaches the upstream completely, a
// response (default 200, empty) runs through the response callbacks.
import { randomUUID } from "node:crypto";
import type { Emulator, LogEntry } from "./emulator.js";
import { HostError } from "./errors.js";
import type { Header } from "./headers.js";
import type { LocalReply } from "./stream.js";

export interface RequestSpec {
  method?: string;
  /** Request-target exactly as on the request line. Default "/". */
  path?: string;
  /** :authority; default: the Host header, else "localhost". */
  authority?: string;
  scheme?: string;
  /** Ordinary headers in order (any case); a Host header becomes :authority. */
  headers?: readonly Header[];
  body?: Uint8Array | string | null;
  /** Bytes per on_request_body call. Default 64 KiB. */
  chunkSize?: number;
  source?: { address?: string; principal?: string };
  destination?: { address?: string };
  /** What the upstream answers. Default: 200 with an empty body. */
  response?: { status?: number; headers?: readonly Header[]; body?: Uint8Array | string };
  /** Envoy adds x-request-id when missing (generate_request_id); false keeps the request as given. */
  generateRequestId?: boolean;
}

export interface RequestOutcome {
  /** A local reply answered the request (the filter's, or Envoy's own 413/503). */
  blocked: boolean;
  /** Status the client got; undefined when the request never completed (filter held it). */
  status?: number;
  localReply?: LocalReply;
  /** Headers the upstream got (undefined when none went upstream). */
  forwardedHeaders?: Header[];
  /** Body bytes the upstream got. */
  forwardedBody: Buffer;
  /** The upstream got the complete request. */
  forwardedComplete: boolean;
  /** Response headers and body the client got. */
  responseHeaders?: Header[];
  responseBody: Buffer;
  /** Microseconds spent in the module's callbacks on this stream, host calls included. */
  cpuUs: number;
  /** The part of cpuUs spent in the host's own work inside host calls (header serialisation, copies,
   * logging): Envoy does that natively, so `cpuUs - hostUs` is the module's own cost. */
  hostUs: number;
  /** Log lines emitted while the request ran. */
  logs: LogEntry[];
  /**
   * The filter held the request: no reply and the upstream never got all of it (a stop from
   * on_request_headers without proxy_continue_stream, or StopIterationAndBuffer at end of stream).
   * Envoy would wait until a timeout.
   */
  held: boolean;
  /** The VM is failed (this request got 503 unless fail-open). */
  failed: boolean;
}

/** Headers Envoy's connection manager removes before filters see a request. */
const CONNECTION_HEADERS = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "host"]);

/** The request header map as Envoy builds it from an HTTP/1.1 request. */
export function requestHeaderMap(spec: RequestSpec, bodyLength: number): Header[] {
  const given = (spec.headers ?? []).map(([k, v]) => [k.toLowerCase(), v] as Header);
  const host = given.find(([k]) => k === "host")?.[1];
  const out: Header[] = [
    [":authority", spec.authority ?? host ?? "localhost"],
    [":path", spec.path ?? "/"],
    [":method", spec.method ?? "GET"],
    [":scheme", spec.scheme ?? "http"],
  ];
  for (const h of given) if (!CONNECTION_HEADERS.has(h[0])) out.push(h);
  if (bodyLength > 0 && !out.some(([k]) => k === "content-length")) out.push(["content-length", String(bodyLength)]);
  if (!out.some(([k]) => k === "x-forwarded-proto")) out.push(["x-forwarded-proto", spec.scheme ?? "http"]);
  if (spec.generateRequestId !== false && !out.some(([k]) => k === "x-request-id")) out.push(["x-request-id", randomUUID()]);
  return out;
}

function bytes(v: Uint8Array | string | null | undefined): Buffer {
  if (v === null || v === undefined) return Buffer.alloc(0);
  return typeof v === "string" ? Buffer.from(v, "utf8") : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

export function runRequest(em: Emulator, spec: RequestSpec): RequestOutcome {
  if (!em.configured) throw new HostError("the plugin is not configured (proxy_on_configure returned false): Envoy would refuse it");
  const body = bytes(spec.body);
  const chunkSize = Math.max(1, spec.chunkSize ?? 64 * 1024);
  const logStart = em.logs.length;

  let forwardedHeaders: Header[] | undefined;
  const forwarded: Buffer[] = [];
  let forwardedComplete = false;
  let responseHeaders: Header[] | undefined;
  const response: Buffer[] = [];
  const stream = em.newStream({
    sourceAddress: spec.source?.address,
    sourcePrincipal: spec.source?.principal,
    destinationAddress: spec.destination?.address,
    sinks: {
      upstreamHeaders: (h, eos) => {
        forwardedHeaders = h;
        forwardedComplete = eos;
      },
      upstreamData: (c, eos) => {
        forwarded.push(c);
        forwardedComplete = eos;
      },
      upstreamReset: () => void (forwardedComplete = false),
      downstreamHeaders: (h) => void (responseHeaders = h),
      downstreamData: (c) => void response.push(c),
    },
  });

  em.onRequestHeaders(stream, requestHeaderMap(spec, body.length), body.length === 0);
  for (let off = 0; off < body.length && !stream.localReply; off += chunkSize) {
    const end = Math.min(body.length, off + chunkSize);
    em.onRequestBody(stream, body.subarray(off, end), end === body.length);
  }

  if (forwardedComplete && !stream.localReply) {
    const r = spec.response ?? {};
    const rbody = bytes(r.body);
    const rheaders: Header[] = [[":status", String(r.status ?? 200)], ...(r.headers ?? []).map(([k, v]) => [k.toLowerCase(), v] as Header)];
    if (!rheaders.some(([k]) => k === "content-length")) rheaders.push(["content-length", String(rbody.length)]);
    em.onResponseHeaders(stream, rheaders, rbody.length === 0);
    for (let off = 0; off < rbody.length && !stream.localReply; off += chunkSize) {
      const end = Math.min(rbody.length, off + chunkSize);
      em.onResponseBody(stream, rbody.subarray(off, end), end === rbody.length);
    }
  }
  em.finishStream(stream);

  const statusHeader = responseHeaders?.find(([k]) => k === ":status")?.[1];
  return {
    blocked: stream.localReply !== undefined,
    status: statusHeader !== undefined ? Number(statusHeader) : stream.localReply?.status,
    localReply: stream.localReply,
    forwardedHeaders,
    forwardedBody: Buffer.concat(forwarded),
    forwardedComplete,
    responseHeaders,
    responseBody: Buffer.concat(response),
    cpuUs: Number(stream.cpuNs) / 1000,
    hostUs: Number(stream.hostNs) / 1000,
    logs: em.logs.slice(logStart),
    held: stream.localReply === undefined && !forwardedComplete,
    failed: em.failed,
  };
}
