// Full collections between callbacks, when a stream has ended: its objects are garbage then.
// The release build runs AssemblyScript's minimal runtime (no shadow stack: corpus p50 about
// -35%, -76 KB of code), which collects only when asked: here, where nothing lives on the wasm
// stack and every object still in use is reachable from a global (root and stream contexts in
// the dispatcher's maps, configuration, metrics, rule registry), and at the safe points the
// body parsers offer inside long bodies (engine/request/safepoint.ts).

/**
 * Collect after this many finished streams even when memory has not grown. A collection costs a
 * fixed part, marking the live objects (~2 us since the rule and word-list tables and the static
 * string lists left the marked set: collecting after every stream instead costs +2.2 us per corpus
 * request), plus the sweep of the garbage, which grows with the streams' size (~0.5 us for a small
 * GET's): the total hardly depends on this number, but how many requests pay for a collection does.
 * 32 streams instead of 16 took the dev corpus's p50 ~3% lower (paired runs and bench: fewer requests
 * carry a collection, each a longer one), its mean and the bench's p99 unchanged; 64 as much at the p50,
 * but the bench's p99 ~7% higher (a ~55 us collection on 1.7% of requests). Memory after the dev corpus
 * stays at 2 MiB; header bytes bound it otherwise (below).
 */
const STREAMS_PER_COLLECTION: i32 = 32;

/**
 * Collect as soon as the streams finished since the last collection brought this many bytes of
 * request headers: 512 GETs of 8 KB of cookies took linear memory to 8 MiB at 64 streams without this
 * (2 MiB with it, as at 16). A dev-corpus request's headers are ~470 bytes: 32 of them stay well below.
 */
const HEADER_BYTES_PER_COLLECTION: i64 = 64 * 1024;

/**
 * Collect as soon as the streams finished since the last collection brought this many request
 * body bytes: inspecting a body leaves garbage tens of times its size (targets, decoded forms),
 * and the allocator doubles linear memory whenever it runs out, so the garbage of bodies must not
 * pile up for STREAMS_PER_COLLECTION streams (64 streams of an 8 KB form took 16 MiB, now 1 MiB;
 * 100,000 corpus requests 4 MiB, now 2 MiB). Bodies are rare, so this adds few collections.
 */
const BODY_BYTES_PER_COLLECTION: i64 = 16 * 1024;

let finishedStreams: i32 = 0;
let pagesAtCollection: i32 = 0;
let bodyBytes: i64 = 0;
let headerBytes: i64 = 0;

function collect(): void {
  __collect();
  finishedStreams = 0;
  bodyBytes = 0;
  headerBytes = 0;
  pagesAtCollection = memory.size();
}

/** A stream's request header map has `size` bytes (serialised, as read from the host). */
export function noteHeaders(size: i32): void {
  headerBytes += <i64>size;
}

/** The whole request body of a stream has `size` bytes (proxy_on_request_body at its end). */
export function noteBody(size: u32): void {
  bodyBytes += <i64>size;
}

/**
 * After a request body callback that did not end its stream: a gRPC request stream inspects its
 * messages batch by batch (filter/stream.ts) and may stay open for hours while no other stream
 * ends, so its garbage is collected by the same byte and growth limits as that of whole bodies.
 */
export function afterBodyChunk(): void {
  if (bodyBytes >= BODY_BYTES_PER_COLLECTION || memory.size() > pagesAtCollection) collect();
}

/** At the end of a stream (proxy_on_delete): collect every few streams, or at once when the stream made memory grow. */
export function afterStream(): void {
  finishedStreams++;
  if (finishedStreams >= STREAMS_PER_COLLECTION || bodyBytes >= BODY_BYTES_PER_COLLECTION || headerBytes >= HEADER_BYTES_PER_COLLECTION ||
      memory.size() > pagesAtCollection) collect();
}

/** After (re)configuration and root context deletion: a one-off, so collect now. */
export function afterRootCallback(): void {
  collect();
}
