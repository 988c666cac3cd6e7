// The module's exports: the proxy-wasm 0.2.1 callbacks, routed to context objects by
// the dispatcher, plus the allocator the host uses to hand us data. Callbacks this
// filter does not use (network filters, gRPC, HTTP calls, queues) are present as
// no-ops so the host never finds a missing export on a path it may take.
import { createContext, rootContext, streamContext, deleteContext } from "./dispatcher";
import { HeadersAction, BodyAction } from "./status";
import { afterStream, afterRootCallback, afterBodyChunk, noteBody } from "./gc";
import { hostAlloc } from "./hostcalls";

export function proxy_abi_version_0_2_1(): void {}

/** Allocator for data the host passes in (looked up by name: malloc first). */
export function malloc(size: usize): usize {
  return hostAlloc(size);
}

export function proxy_on_memory_allocate(size: usize): usize {
  return hostAlloc(size);
}

export function proxy_on_context_create(contextId: u32, rootContextId: u32): void {
  createContext(contextId, rootContextId);
}

export function proxy_on_vm_start(rootContextId: u32, vmConfigurationSize: u32): u32 {
  const root = rootContext(rootContextId);
  return root === null || root.onVmStart(vmConfigurationSize) ? 1 : 0;
}

export function proxy_on_configure(rootContextId: u32, pluginConfigurationSize: u32): u32 {
  const root = rootContext(rootContextId);
  const ok = root !== null && root.onConfigure(pluginConfigurationSize);
  afterRootCallback();
  return ok ? 1 : 0;
}

export function proxy_on_tick(rootContextId: u32): void {
  const root = rootContext(rootContextId);
  if (root !== null) root.onTick();
}

export function proxy_on_request_headers(contextId: u32, headerCount: u32, endOfStream: u32): u32 {
  const s = streamContext(contextId);
  return s === null ? HeadersAction.Continue : s.onRequestHeaders(headerCount, endOfStream != 0);
}

export function proxy_on_request_body(contextId: u32, bodySize: u32, endOfStream: u32): u32 {
  const s = streamContext(contextId);
  if (s === null) return BodyAction.Continue;
  if (endOfStream != 0) {
    noteBody(bodySize);
    return s.onRequestBody(bodySize, true);
  }
  const action = s.onRequestBody(bodySize, false);
  afterBodyChunk();
  return action;
}

export function proxy_on_request_trailers(contextId: u32, trailerCount: u32): u32 {
  const s = streamContext(contextId);
  return s === null ? HeadersAction.Continue : s.onRequestTrailers(trailerCount);
}

export function proxy_on_request_metadata(contextId: u32, count: u32): u32 {
  return 0;
}

export function proxy_on_response_headers(contextId: u32, headerCount: u32, endOfStream: u32): u32 {
  const s = streamContext(contextId);
  return s === null ? HeadersAction.Continue : s.onResponseHeaders(headerCount, endOfStream != 0);
}

export function proxy_on_response_body(contextId: u32, bodySize: u32, endOfStream: u32): u32 {
  const s = streamContext(contextId);
  return s === null ? BodyAction.Continue : s.onResponseBody(bodySize, endOfStream != 0);
}

export function proxy_on_response_trailers(contextId: u32, trailerCount: u32): u32 {
  const s = streamContext(contextId);
  return s === null ? HeadersAction.Continue : s.onResponseTrailers(trailerCount);
}

export function proxy_on_response_metadata(contextId: u32, count: u32): u32 {
  return 0;
}

export function proxy_on_log(contextId: u32): void {
  const s = streamContext(contextId);
  if (s !== null) s.onLog();
}

/** Called for streams and for the root context (at shutdown and reconfiguration): must not trap for either. */
export function proxy_on_done(contextId: u32): u32 {
  const s = streamContext(contextId);
  if (s !== null) return s.onDone() ? 1 : 0;
  const root = rootContext(contextId);
  if (root !== null) return root.onDone() ? 1 : 0;
  return 1;
}

export function proxy_on_delete(contextId: u32): void {
  const s = streamContext(contextId);
  if (s !== null) s.onDelete();
  else {
    const root = rootContext(contextId);
    if (root !== null) root.onDelete();
  }
  deleteContext(contextId);
  if (s !== null) afterStream();
  else afterRootCallback();
}

// Unused callbacks: network filters, HTTP and gRPC callouts, queues, foreign functions.
export function proxy_on_new_connection(contextId: u32): u32 {
  return 0;
}
export function proxy_on_downstream_data(contextId: u32, dataSize: u32, endOfStream: u32): u32 {
  return 0;
}
export function proxy_on_upstream_data(contextId: u32, dataSize: u32, endOfStream: u32): u32 {
  return 0;
}
export function proxy_on_downstream_connection_close(contextId: u32, peerType: u32): void {}
export function proxy_on_upstream_connection_close(contextId: u32, peerType: u32): void {}
export function proxy_on_http_call_response(contextId: u32, token: u32, headerCount: u32, bodySize: u32, trailerCount: u32): void {}
export function proxy_on_grpc_receive_initial_metadata(contextId: u32, token: u32, headerCount: u32): void {}
export function proxy_on_grpc_receive_trailing_metadata(contextId: u32, token: u32, trailerCount: u32): void {}
export function proxy_on_grpc_receive(contextId: u32, token: u32, responseSize: u32): void {}
export function proxy_on_grpc_close(contextId: u32, token: u32, statusCode: u32): void {}
export function proxy_on_queue_ready(rootContextId: u32, queueId: u32): void {}
export function proxy_on_foreign_function(rootContextId: u32, functionId: u32, dataSize: u32): void {}
