// One HTTP stream through the filter, with Envoy's flow rules:
// - headers: Continue sends them upstream and the module's request header map is gone; any stop
//   (under ABI 0.2.x StopIteration means StopAllIterationAndWatermark) holds headers AND body
//   until proxy_continue_stream: later body chunks are queued, not delivered.
// - body: StopIterationAndBuffer/Watermark accumulate, the next on_request_body sees the whole
//   buffer; Continue sends the buffer upstream (it cannot be recalled); NoBuffer drops the chunk.
//   Buffering past the buffer limit makes Envoy answer 413 itself.
// - send_local_response: the reply is sent after the current callback returns; the callback's
//   result is forced to a stop; later request chunks are not delivered; the reply passes through
//   the filter's on_response_headers/on_response_body.
// - a trap fails the VM: this stream gets 503 (wasm_fail_stream), later streams too (fail closed).
import { BufferType, DataAction, HeadersAction, MapType, StreamType } from "./abi.js";
import { HeaderMap, type Header } from "./headers.js";
import type { BufferAccess, LocalReplyRequest, StreamAccess } from "./host-state.js";
import type { StreamInfo } from "./properties.js";

export interface LocalReply {
  status: number;
  body: Buffer;
  headers: Header[];
  details: string;
  grpcStatus: number;
  /** "filter" when the module sent it, "host" when Envoy did (413, wasm_fail_stream). */
  by: "filter" | "host";
}

/** Where a stream's output goes: upstream (request side) and downstream (response side). */
export interface StreamSinks {
  upstreamHeaders?(headers: Header[], endOfStream: boolean): void;
  upstreamData?(chunk: Buffer, endOfStream: boolean): void;
  /** The request that went upstream is abandoned (a local reply came after headers were sent). */
  upstreamReset?(): void;
  downstreamHeaders?(headers: Header[], endOfStream: boolean): void;
  downstreamData?(chunk: Buffer, endOfStream: boolean): void;
}

/** What the stream needs from its emulator. */
export interface StreamRuntime {
  readonly failed: boolean;
  readonly failOpen: boolean;
  readonly bufferLimit: number;
  /** Calls an export with the stream's context id first; returns its result (or `fallback` when not exported). */
  callStream(stream: HttpStream, name: string, fallback: number, ...args: number[]): number;
  release(stream: HttpStream): void;
}

const EMPTY = Buffer.alloc(0);

class Side {
  map: HeaderMap | null = null;
  headersSent = false;
  /** Headers (and body) held by a stop from the headers callback. */
  paused = false;
  queued: Buffer[] = [];
  queuedEos = false;
  buffered: Buffer = EMPTY;
  /** The body buffer is visible to the module only inside its body callback. */
  bodyVisible = false;
  ended = false;
}

export class HttpStream implements StreamAccess {
  readonly request = new Side();
  readonly response = new Side();
  localReply?: LocalReply;
  private pendingReply?: LocalReplyRequest;
  private inLocalReply = false;
  private resumeRequested = new Set<number>();
  /** Nanoseconds spent inside the module on this stream's callbacks. */
  cpuNs = 0n;
  /** The part of cpuNs spent in host calls (see HostState.hostNs). */
  hostNs = 0n;
  finished = false;

  constructor(
    readonly id: number,
    readonly info: StreamInfo,
    private readonly runtime: StreamRuntime,
    private readonly sinks: StreamSinks = {},
  ) {}

  // ---- StreamAccess (host calls) ----

  headerMap(type: number): HeaderMap | null {
    if (type === MapType.RequestHeaders) return this.request.map;
    if (type === MapType.ResponseHeaders) return this.response.map;
    return null;
  }

  buffer(type: number): BufferAccess | null {
    const side = type === BufferType.RequestBody ? this.request : type === BufferType.ResponseBody ? this.response : null;
    if (!side || !side.bodyVisible) return null;
    return { get: () => side.buffered, set: (bytes) => void (side.buffered = Buffer.from(bytes)) };
  }

  requestLocalReply(reply: LocalReplyRequest): boolean {
    if (this.pendingReply || this.localReply) return false;
    this.pendingReply = reply;
    return true;
  }

  continueStream(type: number): boolean {
    if (type !== StreamType.Request && type !== StreamType.Response) return false;
    this.resumeRequested.add(type);
    return true;
  }

  closeStream(_type: number): boolean {
    this.resetAll();
    return true;
  }

  // ---- drivers ----

  /** Request headers from downstream. Returns the module's action (forced to a stop by a local reply). */
  requestHeaders(headers: readonly Header[], endOfStream: boolean): number {
    const side = this.request;
    if (this.finished || this.localReply || side.headersSent) return HeadersAction.StopAllIterationAndWatermark;
    side.map = new HeaderMap(headers);
    this.info.requestHeaders = side.map.entries();
    if (endOfStream) side.ended = true;
    if (this.runtime.failed) return this.failedVm(() => this.sendRequestHeaders(endOfStream));
    const result = this.runtime.callStream(this, "proxy_on_request_headers", HeadersAction.Continue, side.map.count, endOfStream ? 1 : 0);
    if (this.afterCallback()) return HeadersAction.StopAllIterationAndWatermark;
    if (result === HeadersAction.Continue) this.sendRequestHeaders(endOfStream);
    else side.paused = true;
    this.resumeIfAsked();
    return result;
  }

  /** One request body chunk from downstream. Returns the module's action, or undefined if not delivered. */
  requestBody(chunk: Uint8Array, endOfStream: boolean): number | undefined {
    const side = this.request;
    if (this.finished || this.localReply || side.ended) return undefined;
    if (endOfStream) side.ended = true;
    if (side.paused) {
      side.queued.push(Buffer.from(chunk));
      side.queuedEos ||= endOfStream;
      return undefined;
    }
    return this.deliverRequestBody(Buffer.from(chunk), endOfStream);
  }

  /** Response headers from upstream. */
  responseHeaders(headers: readonly Header[], endOfStream: boolean): number {
    const side = this.response;
    if (this.finished || side.headersSent || (this.localReply && !this.inLocalReply)) return HeadersAction.StopAllIterationAndWatermark;
    side.map = new HeaderMap(headers);
    this.info.responseCode = Number(side.map.get(":status") ?? 0);
    if (endOfStream) side.ended = true;
    if (this.runtime.failed) {
      if (this.inLocalReply || this.runtime.failOpen) this.sendResponseHeaders(endOfStream);
      else this.failStream();
      return HeadersAction.Continue;
    }
    const result = this.runtime.callStream(this, "proxy_on_response_headers", HeadersAction.Continue, side.map.count, endOfStream ? 1 : 0);
    if (this.runtime.failed) {
      this.failStream();
      return HeadersAction.StopAllIterationAndWatermark;
    }
    if (this.pendingReply && !this.inLocalReply) {
      this.sendLocalReply(this.takePendingReply());
      return HeadersAction.StopAllIterationAndWatermark;
    }
    this.pendingReply = undefined; // a second reply while one is being sent is ignored
    if (result === HeadersAction.Continue) this.sendResponseHeaders(endOfStream);
    else side.paused = true;
    this.resumeIfAsked();
    return result;
  }

  responseBody(chunk: Uint8Array, endOfStream: boolean): number | undefined {
    const side = this.response;
    if (this.finished || side.ended || (this.localReply && !this.inLocalReply)) return undefined;
    if (endOfStream) side.ended = true;
    if (side.paused) {
      side.queued.push(Buffer.from(chunk));
      side.queuedEos ||= endOfStream;
      return undefined;
    }
    return this.deliverResponseBody(Buffer.from(chunk), endOfStream);
  }

  /** End of the stream: on_log, on_done, on_delete (skipped on a failed VM). */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (!this.runtime.failed) this.runtime.callStream(this, "proxy_on_log", 0);
    if (!this.runtime.failed) this.runtime.callStream(this, "proxy_on_done", 1);
    if (!this.runtime.failed) this.runtime.callStream(this, "proxy_on_delete", 0);
    this.runtime.release(this);
  }

  // ---- internals ----

  private deliverRequestBody(chunk: Buffer, endOfStream: boolean): number | undefined {
    const side = this.request;
    if (this.runtime.failed) {
      this.failedVm(() => this.sendUpstreamData(chunk, endOfStream));
      return undefined;
    }
    side.buffered = side.buffered.length ? Buffer.concat([side.buffered, chunk]) : chunk;
    side.bodyVisible = true;
    const result = this.runtime.callStream(this, "proxy_on_request_body", DataAction.Continue, side.buffered.length, endOfStream ? 1 : 0);
    side.bodyVisible = false;
    if (this.afterCallback()) return DataAction.StopIterationNoBuffer;
    if (result === DataAction.Continue) {
      const data = side.buffered;
      side.buffered = EMPTY;
      this.sendUpstreamData(data, endOfStream);
    } else if (result === DataAction.StopIterationNoBuffer) {
      side.buffered = EMPTY;
    } else if (side.buffered.length > this.runtime.bufferLimit) {
      // Envoy's buffer limit (per connection, default 1 MiB): it answers 413 itself.
      this.sendLocalReply({ status: 413, details: "request_payload_too_large", body: Buffer.from("Payload Too Large"), headers: [], grpcStatus: -1 }, "host");
      return result;
    }
    this.resumeIfAsked();
    return result;
  }

  private deliverResponseBody(chunk: Buffer, endOfStream: boolean): number | undefined {
    const side = this.response;
    if (this.runtime.failed) {
      if (this.inLocalReply || this.runtime.failOpen) this.sendDownstreamData(chunk, endOfStream);
      return undefined;
    }
    side.buffered = side.buffered.length ? Buffer.concat([side.buffered, chunk]) : chunk;
    side.bodyVisible = true;
    const result = this.runtime.callStream(this, "proxy_on_response_body", DataAction.Continue, side.buffered.length, endOfStream ? 1 : 0);
    side.bodyVisible = false;
    if (this.runtime.failed) {
      this.failStream();
      return DataAction.StopIterationNoBuffer;
    }
    this.pendingReply = undefined; // too late for a local reply once the response body flows
    if (result === DataAction.Continue) {
      const data = side.buffered;
      side.buffered = EMPTY;
      this.sendDownstreamData(data, endOfStream);
    } else if (result === DataAction.StopIterationNoBuffer) {
      side.buffered = EMPTY;
    }
    this.resumeIfAsked();
    return result;
  }

  /** After a request callback: handles a trap or a local reply. True when the request is over. */
  private afterCallback(): boolean {
    if (this.runtime.failed) {
      this.failStream();
      return true;
    }
    if (this.pendingReply) {
      this.sendLocalReply(this.takePendingReply());
      return true;
    }
    return false;
  }

  private takePendingReply(): LocalReplyRequest {
    const r = this.pendingReply!;
    this.pendingReply = undefined;
    return r;
  }

  private failedVm(passThrough: () => void): number {
    if (this.runtime.failOpen) passThrough();
    else this.failStream();
    return HeadersAction.StopAllIterationAndWatermark;
  }

  /** wasm_fail_stream: 503 without the module (or a reset when the response already started). */
  private failStream(): void {
    if (this.localReply && !this.inLocalReply) return;
    if (this.response.headersSent) {
      this.resetAll();
      return;
    }
    this.inLocalReply = false;
    this.localReply = undefined;
    this.sendLocalReply({ status: 503, details: "wasm_fail_stream", body: EMPTY, headers: [], grpcStatus: -1 }, "host");
  }

  private resetAll(): void {
    if (this.request.headersSent) this.sinks.upstreamReset?.();
    this.request.ended = this.response.ended = true;
  }

  /** Sends a local reply through the response side of the filter (Envoy's sendLocalReply). */
  private sendLocalReply(r: LocalReplyRequest, by: "filter" | "host" = "filter"): void {
    const body = Buffer.from(r.body);
    const headers: Header[] = [[":status", String(r.status)], ...r.headers.map(([k, v]) => [k.toLowerCase(), v] as Header)];
    if (body.length > 0) {
      headers.push(["content-length", String(body.length)]);
      if (!headers.some(([k]) => k === "content-type")) headers.push(["content-type", "text/plain"]);
    }
    this.localReply = { status: r.status, body, headers, details: r.details, grpcStatus: r.grpcStatus, by };
    this.info.responseCodeDetails = r.details;
    if (this.request.headersSent && !this.request.ended) this.sinks.upstreamReset?.();
    this.request.ended = true;
    this.request.queued = [];
    this.request.paused = false;
    this.inLocalReply = true;
    Object.assign(this.response, new Side());
    this.responseHeaders(headers, body.length === 0);
    if (body.length > 0) this.responseBody(body, true);
    this.inLocalReply = false;
  }

  private sendRequestHeaders(endOfStream: boolean): void {
    const side = this.request;
    if (side.headersSent) return;
    side.headersSent = true;
    const headers = side.map ? side.map.entries() : this.info.requestHeaders;
    side.map = null; // gone for the module: later reads return BadArgument
    this.sinks.upstreamHeaders?.(headers, endOfStream);
  }

  private sendUpstreamData(data: Buffer, endOfStream: boolean): void {
    this.sendRequestHeaders(false);
    this.sinks.upstreamData?.(data, endOfStream);
  }

  private sendResponseHeaders(endOfStream: boolean): void {
    const side = this.response;
    if (side.headersSent) return;
    side.headersSent = true;
    const headers = side.map ? side.map.entries() : [];
    side.map = null;
    this.sinks.downstreamHeaders?.(headers, endOfStream);
  }

  private sendDownstreamData(data: Buffer, endOfStream: boolean): void {
    this.sendResponseHeaders(false);
    this.sinks.downstreamData?.(data, endOfStream);
  }

  /** Applies proxy_continue_stream calls made during the last callback. */
  private resumeIfAsked(): void {
    if (this.resumeRequested.has(StreamType.Request)) {
      this.resumeRequested.delete(StreamType.Request);
      this.resume(this.request, (eos) => this.sendRequestHeaders(eos), (c, eos) => this.deliverRequestBody(c, eos), (c, eos) => this.sendUpstreamData(c, eos));
    }
    if (this.resumeRequested.has(StreamType.Response)) {
      this.resumeRequested.delete(StreamType.Response);
      this.resume(this.response, (eos) => this.sendResponseHeaders(eos), (c, eos) => this.deliverResponseBody(c, eos), (c, eos) => this.sendDownstreamData(c, eos));
    }
  }

  private resume(side: Side, sendHeaders: (eos: boolean) => void, deliver: (c: Buffer, eos: boolean) => void, sendData: (c: Buffer, eos: boolean) => void): void {
    if (side.paused) {
      side.paused = false;
      const queued = side.queued;
      side.queued = [];
      const noBody = queued.length === 0 && side.ended;
      sendHeaders(noBody);
      if (queued.length > 0) deliver(Buffer.concat(queued), side.queuedEos);
    } else if (side.buffered.length > 0) {
      const data = side.buffered;
      side.buffered = EMPTY;
      sendData(data, side.ended);
    }
  }

  /** Drives the stream from outside a callback (e.g. after on_tick called proxy_continue_stream). */
  resumeNow(): void {
    this.resumeIfAsked();
  }
}
