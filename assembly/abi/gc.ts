// Full collections between callbacks, when a stream has ended: its objects are garbage then,
// and a collection here keeps the incremental collector's threshold low, so requests rarely
// pay for collector steps inside allocations. Safe with any runtime: nothing lives on the
// wasm stack at this point, and every object still in use is reachable from a global (root
// and stream contexts in the dispatcher's maps, configuration, metrics, rule registry).
// This is also what `--runtime minimal` would need (no shadow stack: corpus p50 -39%,
// -76 KB of code), but that runtime never collects inside a request, and one 1 MiB JSON body
// then peaks at ~24 MiB: it waits for a safe point in the engine's batch inspection.

/** Collect after this many finished streams even when memory has not grown. */
const STREAMS_PER_COLLECTION: i32 = 8;

let finishedStreams: i32 = 0;
let pagesAtCollection: i32 = 0;

function collect(): void {
  __collect();
  finishedStreams = 0;
  pagesAtCollection = memory.size();
}

/** At the end of a stream (proxy_on_delete): collect every few streams, or at once when the stream made memory grow. */
export function afterStream(): void {
  finishedStreams++;
  if (finishedStreams >= STREAMS_PER_COLLECTION || memory.size() > pagesAtCollection) collect();
}

/** After (re)configuration and root context deletion: a one-off, so collect now. */
export function afterRootCallback(): void {
  collect();
}
