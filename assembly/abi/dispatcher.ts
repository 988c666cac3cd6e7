// Maps context ids to root and stream objects. Every lookup tolerates unknown ids
// (a callback for a context we never saw, or one already deleted): the host must
// never see a trap, so a missing context means "do nothing, let the request pass".
import { Context, RootContext, StreamContext } from "./context";

export type RootFactory = (id: u32) => RootContext;

let rootFactory: RootFactory = (id: u32): RootContext => new RootContext(id);
// (both of base class Context: one Map class, its code once; each map holds one kind only)
const roots = new Map<u32, Context>();
const streams = new Map<u32, Context>();
// The stream of the last lookup: a request's callbacks (headers, body, log, done, delete) come one
// after another for the same context id, so most lookups need no hashing.
let lastStreamId: u32 = 0;
let lastStream: StreamContext | null = null;

/** Called once by the entry (assembly/index.ts) to plug the filter in. */
export function setRootFactory(factory: RootFactory): void {
  rootFactory = factory;
}

export function createContext(id: u32, rootId: u32): void {
  if (rootId == 0) {
    const root = rootFactory(id);
    roots.set(id, root);
    lastRootId = id;
    lastRoot = root;
    return;
  }
  const root = rootContext(rootId);
  const stream = root !== null ? root.newStream(id) : new StreamContext(id);
  streams.set(id, stream);
  lastStreamId = id;
  lastStream = stream;
}

// The root of the last lookup: a plugin has one, and every stream is created under it.
let lastRootId: u32 = 0;
let lastRoot: RootContext | null = null;

export function rootContext(id: u32): RootContext | null {
  if (id == lastRootId && lastRoot !== null) return lastRoot;
  if (!roots.has(id)) return null;
  const root = changetype<RootContext>(roots.get(id));
  lastRootId = id;
  lastRoot = root;
  return root;
}

export function streamContext(id: u32): StreamContext | null {
  if (id == lastStreamId && lastStream !== null) return lastStream;
  if (!streams.has(id)) return null;
  const stream = changetype<StreamContext>(streams.get(id));
  lastStreamId = id;
  lastStream = stream;
  return stream;
}

/** Forgets a context of either kind, so its objects can be collected. */
export function deleteContext(id: u32): void {
  if (id == lastStreamId) lastStream = null;
  if (id == lastRootId) lastRoot = null;
  if (!streams.delete(id)) roots.delete(id);
}

/** Number of live stream contexts (for tests of memory flatness). */
export function liveStreams(): i32 {
  return streams.size;
}
