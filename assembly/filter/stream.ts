// One WafStream per request: collects the request (headers at once, the body by
// letting Envoy buffer it), asks the engine, and acts on the verdict. `interrupt`
// is the only place that answers a request locally.
import { StreamContext } from "../abi/context";
import { HeadersAction, BodyAction, MapType, BufferType } from "../abi/status";
import { getHeaderMapPairs, getBufferBytes, getBufferLength, getProperty, sendLocalResponse, hostLogLevel, logBytes } from "../abi/hostcalls";
import { serializeHeaders } from "../abi/header_map";
import { HttpRequest } from "../engine/request";
import { Verdict } from "../engine/verdict";
import { inspect, inspectBody, contentTypeOf } from "../engine/inspect";
import { bodyTypeOf, BodyType } from "../engine/request/body";
import { indexOfCI } from "../engine/bytes";
import { PluginConfig } from "../config/plugin";
import { collectRequest, collectedRequestId } from "./collect";
import { Outcome, Source, decisionLine, blockBody, tooLargeBody, replyContentType, categorySet } from "./decision";
import { JSON_OUT } from "./json_writer";
import { WafRoot } from "./root";
import { noteBody, noteHeaders } from "../abi/gc";

const NUL = String.fromCharCode(0, -1);
const SOURCE_ADDRESS = String.UTF8.encode("source" + NUL + "address");
const SOURCE_PRINCIPAL = String.UTF8.encode("source" + NUL + "principal");
// Stock Envoy names the mTLS peer identity this way; source.principal is an alias some hosts add.
const PEER_URI_SAN = String.UTF8.encode("connection" + NUL + "uri_san_peer_certificate");

export class WafStream extends StreamContext {
  private config: PluginConfig | null = null;
  private request: HttpRequest | null = null;
  private requestId: ArrayBuffer | null = null;
  /** Set once the request has been decided (passed or answered): later callbacks do nothing. */
  private decided: bool = false;
  private blocked: bool = false;
  /**
   * A gRPC request stream: its messages are inspected as they arrive, each batch of whole
   * messages let through once clean, instead of buffering to the end of a stream that a
   * client-streaming or bidirectional call keeps open.
   */
  private messages: bool = false;
  /** Batches of messages inspected so far (the first is inspected with the path and headers). */
  private batches: i32 = 0;
  /** In the buffered bytes, where the next gRPC frame starts (every frame before it is whole). */
  private frameEnd: u32 = 0;

  constructor(id: u32, private root: WafRoot) {
    super(id);
  }

  onRequestHeaders(headerCount: u32, endOfStream: bool): HeadersAction {
    const config = this.root.config;
    if (config === null || this.decided) return HeadersAction.Continue;
    this.config = config;
    const metrics = this.root.metrics;
    metrics.count(metrics.requests);
    const pairs = getHeaderMapPairs(MapType.RequestHeaders);
    if (pairs === null) {
      metrics.count(metrics.errors);
      this.decided = true;
      return HeadersAction.Continue;
    }
    noteHeaders(pairs.byteLength); // their garbage counts towards a collection (abi/gc.ts)
    const request = collectRequest(pairs);
    this.request = request;
    this.requestId = collectedRequestId;
    if (!endOfStream) {
      this.messages = isGrpcStream(request);
      // A body follows. The headers must Continue: under 0.2.x StopIteration means
      // StopAllIterationAndWatermark, and Envoy then delivers no body to this filter until
      // the stream is resumed. The upstream gets the headers now, but no body byte before
      // the body callbacks (which buffer) have decided; a block resets the upstream request.
      return HeadersAction.Continue;
    }
    this.decide();
    return this.blocked ? HeadersAction.StopIteration : HeadersAction.Continue;
  }

  onRequestBody(bodySize: u32, endOfStream: bool): BodyAction {
    const req = this.request;
    const config = this.config;
    if (this.decided || req === null || config === null) return BodyAction.Continue;
    if (this.messages && <i64>bodySize <= <i64>config.bodyLimit) return this.onMessages(req, bodySize, endOfStream);
    if (<i64>bodySize > <i64>config.bodyLimit) {
      const metrics = this.root.metrics;
      metrics.count(metrics.bodyOverLimit);
      if (config.bodyLimitReject) {
        this.decided = true;
        this.logDecision(Outcome.TooLarge, null);
        this.interrupt(413, tooLargeBody(JSON_OUT, this.requestId), "meshwaf_body_too_large");
        return BodyAction.StopIterationNoBuffer;
      }
      req.body = this.readBody(<u32>config.bodyLimit);
      req.bodyTruncated = true;
    } else if (!endOfStream) {
      // Envoy accumulates the chunks; the next call sees the whole body so far.
      return BodyAction.StopIterationAndBuffer;
    } else {
      req.body = this.readBody(bodySize);
    }
    this.decide();
    return this.blocked ? BodyAction.StopIterationNoBuffer : BodyAction.Continue;
  }

  /**
   * A gRPC request stream's bytes since the last batch let through: buffered until they end on a
   * frame boundary (a message is inspected whole), then inspected and let through, or answered.
   */
  private onMessages(req: HttpRequest, bodySize: u32, endOfStream: bool): BodyAction {
    while (this.frameEnd + 5 <= bodySize) {
      const header = getBufferBytes(BufferType.RequestBody, this.frameEnd, 5);
      if (header === null) break;
      const p = changetype<usize>(header);
      const length = (<u32>load<u8>(p + 1) << 24) | (<u32>load<u8>(p + 2) << 16) | (<u32>load<u8>(p + 3) << 8) | <u32>load<u8>(p + 4);
      if (<u64>length > <u64>(bodySize - this.frameEnd - 5)) break;
      this.frameEnd += 5 + length;
    }
    if (this.frameEnd < bodySize && !endOfStream) return BodyAction.StopIterationAndBuffer;
    this.frameEnd = 0;
    if (bodySize > 0) {
      req.body = this.readBody(bodySize);
      this.decideBatch(endOfStream);
      if (!endOfStream) noteBody(bodySize); // its garbage counts towards a collection (abi/gc.ts)
    } else if (endOfStream && this.batches == 0) {
      this.decide();
    }
    if (endOfStream || this.blocked) this.decided = true;
    return this.blocked ? BodyAction.StopIterationNoBuffer : BodyAction.Continue;
  }

  onRequestTrailers(trailerCount: u32): HeadersAction {
    // Trailers end a body that never had end_of_stream: inspect what was buffered.
    const req = this.request;
    if (this.decided || req === null || this.config === null) return HeadersAction.Continue;
    const length = getBufferLength(BufferType.RequestBody);
    if (this.messages && <i64>length <= <i64>this.config!.bodyLimit) {
      if (length > 0) {
        req.body = this.readBody(<u32>length);
        this.decideBatch(true);
      } else if (this.batches == 0) {
        this.decide();
      }
      this.decided = true;
      return this.blocked ? HeadersAction.StopIteration : HeadersAction.Continue;
    }
    if (length > 0) {
      const limit = <i64>this.config!.bodyLimit;
      req.body = this.readBody(<u32>min(length, limit));
      req.bodyTruncated = length > limit;
    }
    this.decide();
    return this.blocked ? HeadersAction.StopIteration : HeadersAction.Continue;
  }

  onDelete(): void {
    this.request = null;
  }

  private readBody(size: u32): ArrayBuffer | null {
    const body = getBufferBytes(BufferType.RequestBody, 0, size);
    if (body === null) this.root.metrics.count(this.root.metrics.errors);
    return body;
  }

  /** Inspects the collected request and acts: count, log, and in block mode answer. */
  private decide(): void {
    this.decided = true;
    this.decideBatch(true);
  }

  /** One batch of a request stream's messages: the first with the path and headers, later ones alone. */
  private decideBatch(last: bool): void {
    const req = this.request!;
    const engine = this.config!.engine;
    const verdict = this.batches == 0 ? inspect(req, engine) : inspectBody(req, engine);
    this.batches++;
    this.act(verdict);
    if (this.request !== null) this.request!.body = null; // the body can be large: let it go now
    if (last) this.request = null;
  }

  /** Counts, logs and, in block mode, answers `verdict`. */
  private act(verdict: Verdict): void {
    const config = this.config!;
    const metrics = this.root.metrics;
    let outcome = Outcome.Allowed;
    if (verdict.attack) {
      outcome = config.block ? Outcome.Blocked : Outcome.Detected;
      for (let set = categorySet(verdict); set != 0; set &= set - 1) metrics.countDetected(<i32>ctz(set));
    }
    const logs = verdict.matches.length > 0 || config.logAllowed;
    // (the request id is written as its bytes: JsonWriter.utf8)
    if (logs) this.logDecision(outcome, verdict);
    if (outcome == Outcome.Blocked) {
      metrics.count(metrics.blocked);
      this.interrupt(<u32>config.blockStatus, blockBody(JSON_OUT, this.requestId, verdict, config), "meshwaf_blocked");
    }
  }

  private logDecision(outcome: Outcome, verdict: Verdict | null): void {
    const config = this.config!;
    if (<u32>config.logLevel < hostLogLevel()) return; // the host would drop it: skip building it
    const source = new Source();
    source.address = getProperty(SOURCE_ADDRESS);
    let principal = getProperty(SOURCE_PRINCIPAL);
    if (principal === null) principal = getProperty(PEER_URI_SAN);
    source.principal = principal;
    const w = JSON_OUT.reset();
    decisionLine(w, outcome, this.request!, this.requestId, source, verdict, config);
    logBytes(<u32>config.logLevel, w.dataStart, w.len);
  }

  /** The one exit that answers the request locally (Envoy sends it after this callback returns). */
  private interrupt(status: u32, body: ArrayBuffer, details: string): void {
    this.blocked = true;
    if (!sendLocalResponse(status, details, body, replyHeaders(body))) {
      this.root.metrics.count(this.root.metrics.errors);
    }
    this.request = null;
  }
}

// The two header maps a local reply can carry, serialised once.
let jsonReplyHeaders: ArrayBuffer | null = null;
let textReplyHeaders: ArrayBuffer | null = null;

function replyHeaders(body: ArrayBuffer): ArrayBuffer {
  const type = replyContentType(body);
  if (type == "application/json") {
    if (jsonReplyHeaders === null) jsonReplyHeaders = serializeHeaders(["content-type"], [type]);
    return jsonReplyHeaders!;
  }
  if (textReplyHeaders === null) textReplyHeaders = serializeHeaders(["content-type"], [type]);
  return textReplyHeaders!;
}

/** gRPC over HTTP/2 (`application/grpc`, `+proto`...): gRPC-Web calls are unary or server-streaming. */
function isGrpcStream(req: HttpRequest): bool {
  const type = contentTypeOf(req);
  return type !== null && bodyTypeOf(type) == BodyType.Grpc && indexOfCI(type!, "grpc-web") < 0;
}
