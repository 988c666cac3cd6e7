// Safe wrappers over the host imports: strings and buffers in, status codes and
// managed buffers out. Memory the host allocates for a result (through our malloc) is a managed
// ArrayBuffer already, which the result becomes without a copy; the collector frees it with the rest.
import {
  proxy_log, proxy_get_log_level, proxy_get_property, proxy_get_header_map_pairs, proxy_get_header_map_value,
  proxy_get_buffer_bytes, proxy_get_buffer_status, proxy_send_local_response, proxy_define_metric, proxy_increment_metric,
} from "./imports";
import { WasmResult, BufferType, MapType, MetricType } from "./status";

// Out-parameters of host calls: [data pointer, size]. One slot suffices (single-threaded VM).
const RET_PTR: usize = memory.data(8);
const RET_SIZE: usize = RET_PTR + 4;

// The buffer of the host's last allocation. No collection runs inside a host call (the minimal
// runtime collects only when asked: engine/request/safepoint.ts, gc.ts), and this global keeps it
// alive until the next allocation; one the host never hands back is garbage then.
let lastHostBuffer: ArrayBuffer | null = null;

/** Memory for data the host passes in (the module's malloc): the bytes of a new managed ArrayBuffer. */
export function hostAlloc(size: usize): usize {
  const buf = new ArrayBuffer(<i32>size);
  lastHostBuffer = buf;
  return changetype<usize>(buf);
}

/** The host's result at RET_PTR/RET_SIZE as a managed buffer: the one it filled, when it is all of it. */
function takeResult(): ArrayBuffer {
  const ptr = <usize>load<u32>(RET_PTR);
  const size = <i32>load<u32>(RET_SIZE);
  const last = lastHostBuffer;
  lastHostBuffer = null;
  if (last !== null && ptr == changetype<usize>(last) && size == last.byteLength) return last;
  // another layout (a part of a buffer, a pointer we did not hand out): copied; the collector frees our buffers
  const out = new ArrayBuffer(size);
  if (ptr != 0 && size > 0) memory.copy(changetype<usize>(out), ptr, <usize>size);
  return out;
}

function clearResult(): void {
  store<u32>(RET_PTR, 0);
  store<u32>(RET_SIZE, 0);
}

export function log(level: u32, message: string): void {
  const bytes = String.UTF8.encode(message);
  proxy_log(level, changetype<usize>(bytes), <usize>bytes.byteLength);
}

/** Logs `len` bytes of UTF-8 at `ptr` (a message built in place). */
export function logBytes(level: u32, ptr: usize, len: i32): void {
  proxy_log(level, ptr, <usize>len);
}

/** The host's current log level; messages below it are dropped, so callers can skip building them. */
export function hostLogLevel(): u32 {
  store<u32>(RET_PTR, 0);
  if (proxy_get_log_level(RET_PTR) != WasmResult.Ok) return 0;
  return load<u32>(RET_PTR);
}

/** A property by its path segments joined with NUL (e.g. "source\0address"); null when absent. */
export function getProperty(path: ArrayBuffer): ArrayBuffer | null {
  clearResult();
  const status = proxy_get_property(changetype<usize>(path), <usize>path.byteLength, RET_PTR, RET_SIZE);
  if (status != WasmResult.Ok) return null;
  return takeResult();
}

/** The serialised header map (see header_map.ts), or null when the host has none (gone after Continue). */
export function getHeaderMapPairs(map: MapType): ArrayBuffer | null {
  clearResult();
  if (proxy_get_header_map_pairs(map, RET_PTR, RET_SIZE) != WasmResult.Ok) return null;
  return takeResult();
}

export function getHeaderMapValue(map: MapType, name: string): ArrayBuffer | null {
  const key = String.UTF8.encode(name);
  clearResult();
  if (proxy_get_header_map_value(map, changetype<usize>(key), <usize>key.byteLength, RET_PTR, RET_SIZE) != WasmResult.Ok) return null;
  return takeResult();
}

/** Up to `maxSize` bytes of a buffer from `start`; an empty buffer when the host has none. */
export function getBufferBytes(buffer: BufferType, start: u32, maxSize: u32): ArrayBuffer | null {
  clearResult();
  const status = proxy_get_buffer_bytes(buffer, start, maxSize, RET_PTR, RET_SIZE);
  if (status == WasmResult.NotFound || status == WasmResult.Empty) return new ArrayBuffer(0);
  if (status != WasmResult.Ok) return null;
  return takeResult();
}

/** Length of a buffer, or -1 when the host cannot tell. */
export function getBufferLength(buffer: BufferType): i64 {
  store<u32>(RET_PTR, 0);
  store<u32>(RET_SIZE, 0);
  if (proxy_get_buffer_status(buffer, RET_PTR, RET_SIZE) != WasmResult.Ok) return -1;
  return <i64>load<u32>(RET_PTR);
}

/** Asks the host to answer the request itself; takes effect when the current callback returns. */
export function sendLocalResponse(status: u32, details: string, body: ArrayBuffer, headers: ArrayBuffer): bool {
  const d = String.UTF8.encode(details);
  return proxy_send_local_response(
    status, changetype<usize>(d), <usize>d.byteLength, changetype<usize>(body), <usize>body.byteLength,
    changetype<usize>(headers), <usize>headers.byteLength, -1,
  ) == WasmResult.Ok;
}

/** Defines a metric; returns its id, or 0 when the host refused (incrementing 0 is then a harmless no-op). */
export function defineMetric(type: MetricType, name: string): u32 {
  const bytes = String.UTF8.encode(name);
  store<u32>(RET_PTR, 0);
  if (proxy_define_metric(type, changetype<usize>(bytes), <usize>bytes.byteLength, RET_PTR) != WasmResult.Ok) return 0;
  return load<u32>(RET_PTR);
}

export function incrementMetric(id: u32, delta: i64 = 1): void {
  if (id != 0) proxy_increment_metric(id, delta);
}
