// The env.proxy_* host calls of ABI 0.2.1, implemented as Envoy does. Each returns a Status to the
// module; bad pointers return InvalidMemoryAccess; calls other than logging during start-up trap
// (as in Envoy's V8 runtime).
import { PROXY_IMPORTS, Status, type LogLevel } from "./abi.js";
import { decodeHeaderMap } from "./headers.js";
import type { HostState } from "./host-state.js";
import { OutOfBounds } from "./memory.js";

type HostFn = (...args: any[]) => number;

/** proxy_* calls that may run during start-up (the rest trap there). */
const ALLOWED_DURING_START = new Set(["proxy_log"]);

const utf8 = new TextEncoder();

export function proxyImports(host: HostState): Record<string, HostFn> {
  const mem = () => host.memory();
  const str = (ptr: number, len: number) => mem().string(ptr, len);

  const fns: Record<string, HostFn> = {
    proxy_log(level: number, ptr: number, len: number) {
      const message = str(ptr, len);
      host.log(level as LogLevel, message);
      return Status.Ok;
    },
    proxy_get_log_level(out: number) {
      mem().setU32(out, host.logLevel);
      return Status.Ok;
    },
    proxy_get_status(codePtr: number, msgPtr: number, msgSize: number) {
      mem().setU32(codePtr, 0);
      mem().returnBytes(new Uint8Array(0), msgPtr, msgSize);
      return Status.Ok;
    },
    proxy_set_property(pathPtr: number, pathLen: number, valuePtr: number, valueLen: number) {
      host.setProperty(str(pathPtr, pathLen), mem().bytes(valuePtr, valueLen));
      return Status.Ok;
    },
    proxy_get_property(pathPtr: number, pathLen: number, outPtr: number, outSize: number) {
      const value = host.property(str(pathPtr, pathLen));
      if (value === undefined) return Status.NotFound;
      mem().returnBytes(value, outPtr, outSize);
      return Status.Ok;
    },
    proxy_send_local_response(status: number, detailsPtr: number, detailsLen: number, bodyPtr: number, bodyLen: number,
      headersPtr: number, headersLen: number, grpcStatus: number) {
      const stream = host.effectiveStream();
      if (!stream) return Status.BadArgument;
      const headers = decodeHeaderMap(mem().bytes(headersPtr, headersLen));
      if (headers === null) return Status.ParseFailure;
      // Envoy turns spaces in the details into underscores (they end up in access logs as one token).
      const details = str(detailsPtr, detailsLen).replace(/ /g, "_");
      const ok = stream.requestLocalReply({ status, details, body: mem().bytes(bodyPtr, bodyLen), headers, grpcStatus });
      return ok ? Status.Ok : Status.BadArgument;
    },
    proxy_get_shared_data(keyPtr: number, keyLen: number, outPtr: number, outSize: number, casPtr: number) {
      const entry = host.shared.get(str(keyPtr, keyLen));
      if (!entry) return Status.NotFound;
      mem().returnBytes(entry.value, outPtr, outSize);
      mem().setU32(casPtr, entry.cas);
      return Status.Ok;
    },
    proxy_set_shared_data(keyPtr: number, keyLen: number, valuePtr: number, valueLen: number, cas: number) {
      return host.shared.set(str(keyPtr, keyLen), mem().bytes(valuePtr, valueLen), cas >>> 0);
    },
    proxy_register_shared_queue(namePtr: number, nameLen: number, outId: number) {
      mem().setU32(outId, host.shared.registerQueue(host.vmId, str(namePtr, nameLen)));
      return Status.Ok;
    },
    proxy_resolve_shared_queue(vmPtr: number, vmLen: number, namePtr: number, nameLen: number, outId: number) {
      const id = host.shared.resolveQueue(str(vmPtr, vmLen), str(namePtr, nameLen));
      if (id === undefined) return Status.NotFound;
      mem().setU32(outId, id);
      return Status.Ok;
    },
    proxy_enqueue_shared_queue(id: number, valuePtr: number, valueLen: number) {
      return host.shared.enqueue(id, mem().bytes(valuePtr, valueLen));
    },
    proxy_dequeue_shared_queue(id: number, outPtr: number, outSize: number) {
      const { status, value } = host.shared.dequeue(id);
      if (value) mem().returnBytes(value, outPtr, outSize);
      return status;
    },
    proxy_get_header_map_value(type: number, keyPtr: number, keyLen: number, outPtr: number, outSize: number) {
      const map = host.effectiveStream()?.headerMap(type);
      if (!map) return Status.BadArgument;
      const value = map.get(str(keyPtr, keyLen));
      if (value === undefined) return Status.NotFound;
      mem().returnBytes(utf8.encode(value), outPtr, outSize);
      return Status.Ok;
    },
    proxy_add_header_map_value(type: number, keyPtr: number, keyLen: number, valuePtr: number, valueLen: number) {
      const map = host.effectiveStream()?.headerMap(type);
      if (!map) return Status.BadArgument;
      map.add(str(keyPtr, keyLen), str(valuePtr, valueLen));
      return Status.Ok;
    },
    proxy_replace_header_map_value(type: number, keyPtr: number, keyLen: number, valuePtr: number, valueLen: number) {
      const map = host.effectiveStream()?.headerMap(type);
      if (!map) return Status.BadArgument;
      map.replace(str(keyPtr, keyLen), str(valuePtr, valueLen));
      return Status.Ok;
    },
    proxy_remove_header_map_value(type: number, keyPtr: number, keyLen: number) {
      const map = host.effectiveStream()?.headerMap(type);
      if (!map) return Status.BadArgument;
      map.remove(str(keyPtr, keyLen));
      return Status.Ok;
    },
    proxy_get_header_map_pairs(type: number, outPtr: number, outSize: number) {
      const map = host.effectiveStream()?.headerMap(type);
      if (!map) return Status.BadArgument;
      mem().returnBytes(map.encode(), outPtr, outSize);
      return Status.Ok;
    },
    proxy_set_header_map_pairs(type: number, ptr: number, len: number) {
      const map = host.effectiveStream()?.headerMap(type);
      if (!map) return Status.BadArgument;
      const pairs = decodeHeaderMap(mem().bytes(ptr, len));
      if (pairs === null) return Status.ParseFailure;
      map.setAll(pairs);
      return Status.Ok;
    },
    proxy_get_header_map_size(type: number, outSize: number) {
      const map = host.effectiveStream()?.headerMap(type);
      if (!map) return Status.BadArgument;
      mem().setU32(outSize, map.encode().length);
      return Status.Ok;
    },
    proxy_get_buffer_status(type: number, lengthPtr: number, flagsPtr: number) {
      const buffer = bufferOf(host, type);
      if (!buffer) return Status.NotFound;
      mem().setU32(lengthPtr, buffer.get().length);
      mem().setU32(flagsPtr, 0);
      return Status.Ok;
    },
    proxy_get_buffer_bytes(type: number, start: number, length: number, outPtr: number, outSize: number) {
      const buffer = bufferOf(host, type);
      if (!buffer) return Status.NotFound;
      const data = buffer.get();
      start >>>= 0;
      length >>>= 0;
      if (start > data.length) return Status.BadArgument;
      const end = Math.min(data.length, start + length);
      // Like Envoy, nothing is written for an empty range.
      if (end > start) mem().returnBytes(data.subarray(start, end), outPtr, outSize);
      return Status.Ok;
    },
    proxy_set_buffer_bytes(type: number, start: number, length: number, ptr: number, len: number) {
      const buffer = bufferOf(host, type);
      if (!buffer) return Status.NotFound;
      const data = buffer.get();
      const bytes = mem().bytes(ptr, len);
      start >>>= 0;
      length >>>= 0;
      // Envoy: start 0 replaces the first `length` bytes (0 = prepend); start >= size appends.
      if (start === 0) buffer.set(concat(bytes, data.subarray(Math.min(length, data.length))));
      else if (start >= data.length) buffer.set(concat(data, bytes));
      else return Status.BadArgument;
      return Status.Ok;
    },
    proxy_http_call: () => Status.BadArgument, // no upstream clusters in this host
    proxy_grpc_call: () => Status.BadArgument,
    proxy_grpc_stream: () => Status.BadArgument,
    proxy_grpc_send: () => Status.NotFound,
    proxy_grpc_cancel: () => Status.NotFound,
    proxy_grpc_close: () => Status.NotFound,
    proxy_set_tick_period_milliseconds(ms: number) {
      host.setTickPeriod(ms >>> 0);
      return Status.Ok;
    },
    proxy_get_current_time_nanoseconds(out: number) {
      mem().setU64(out, host.realtimeNs());
      return Status.Ok;
    },
    proxy_define_metric(type: number, namePtr: number, nameLen: number, outId: number) {
      const { status, id } = host.metricStore.define(type, str(namePtr, nameLen));
      if (id !== undefined) mem().setU32(outId, id);
      return status;
    },
    proxy_increment_metric(id: number, offset: bigint) {
      return host.metricStore.increment(id >>> 0, BigInt(offset));
    },
    proxy_record_metric(id: number, value: bigint) {
      return host.metricStore.record(id >>> 0, BigInt.asUintN(64, BigInt(value)));
    },
    proxy_get_metric(id: number, out: number) {
      const { status, value } = host.metricStore.get(id >>> 0);
      if (value !== undefined) mem().setU64(out, value);
      return status;
    },
    proxy_set_effective_context(id: number) {
      return host.setEffectiveContext(id >>> 0) ? Status.Ok : Status.BadArgument;
    },
    proxy_done: () => Status.Ok,
    proxy_call_foreign_function: () => Status.NotFound,
    proxy_continue_stream(type: number) {
      const stream = host.effectiveStream();
      if (!stream) return Status.NotFound;
      return stream.continueStream(type) ? Status.Ok : Status.BadArgument;
    },
    proxy_close_stream(type: number) {
      const stream = host.effectiveStream();
      if (!stream) return Status.NotFound;
      return stream.closeStream(type) ? Status.Ok : Status.BadArgument;
    },
  };

  const out: Record<string, HostFn> = {};
  for (const name of PROXY_IMPORTS) {
    const fn = fns[name];
    out[name] = (...args: any[]) => {
      if (host.starting && !ALLOWED_DURING_START.has(name)) {
        throw new WebAssembly.RuntimeError(`${name} is not allowed during start-up (_initialize/_start)`);
      }
      const t0 = process.hrtime.bigint();
      const guest0 = host.guestNsInHost;
      try {
        return fn(...args);
      } catch (err) {
        if (err instanceof OutOfBounds) return Status.InvalidMemoryAccess;
        throw err;
      } finally {
        host.hostNs += process.hrtime.bigint() - t0 - (host.guestNsInHost - guest0);
      }
    };
  }
  return out;
}

function bufferOf(host: HostState, type: number) {
  return host.configBuffer(type) ?? host.effectiveStream()?.buffer(type) ?? null;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
