// Numeric values of proxy-wasm ABI 0.2.1 as Envoy uses them (see shared/reference/envoy-host.md).

/** Status codes returned to the module by host calls. */
export const enum Status {
  Ok = 0,
  NotFound = 1,
  BadArgument = 2,
  SerializationFailure = 3,
  ParseFailure = 4,
  InvalidMemoryAccess = 6,
  Empty = 7,
  CasMismatch = 8,
  InternalFailure = 10,
  Unimplemented = 12,
}

/** What on_request_headers / on_response_headers return. */
export const enum HeadersAction {
  Continue = 0,
  StopIteration = 1,
  ContinueAndEndStream = 2,
  StopAllIterationAndBuffer = 3,
  StopAllIterationAndWatermark = 4,
}

/** What on_request_body / on_response_body return. */
export const enum DataAction {
  Continue = 0,
  StopIterationAndBuffer = 1,
  StopIterationAndWatermark = 2,
  StopIterationNoBuffer = 3,
}

export const enum LogLevel {
  Trace = 0,
  Debug = 1,
  Info = 2,
  Warn = 3,
  Error = 4,
  Critical = 5,
}

export const LOG_LEVEL_NAMES = ["trace", "debug", "info", "warn", "error", "critical"] as const;
export type LogLevelName = (typeof LOG_LEVEL_NAMES)[number];

export function logLevelFromName(name: LogLevelName | number): LogLevel {
  if (typeof name === "number") return name as LogLevel;
  const i = LOG_LEVEL_NAMES.indexOf(name);
  if (i < 0) throw new Error(`unknown log level ${name}`);
  return i as LogLevel;
}

export const enum MapType {
  RequestHeaders = 0,
  RequestTrailers = 1,
  ResponseHeaders = 2,
  ResponseTrailers = 3,
  GrpcInitialMetadata = 4,
  GrpcTrailingMetadata = 5,
  HttpCallResponseHeaders = 6,
  HttpCallResponseTrailers = 7,
}

export const enum BufferType {
  RequestBody = 0,
  ResponseBody = 1,
  DownstreamData = 2,
  UpstreamData = 3,
  HttpCallResponseBody = 4,
  GrpcReceiveBuffer = 5,
  VmConfiguration = 6,
  PluginConfiguration = 7,
  CallData = 8,
}

export const enum MetricType {
  Counter = 0,
  Gauge = 1,
  Histogram = 2,
}

export const enum StreamType {
  Request = 0,
  Response = 1,
  Downstream = 2,
  Upstream = 3,
}

/** The env.proxy_* functions Envoy provides for ABI 0.2.1 (proxy_clear_route_cache is NOT among them). */
export const PROXY_IMPORTS = [
  "proxy_log", "proxy_get_log_level", "proxy_get_status", "proxy_set_property", "proxy_get_property",
  "proxy_send_local_response", "proxy_get_shared_data", "proxy_set_shared_data",
  "proxy_register_shared_queue", "proxy_resolve_shared_queue", "proxy_enqueue_shared_queue", "proxy_dequeue_shared_queue",
  "proxy_get_header_map_value", "proxy_add_header_map_value", "proxy_replace_header_map_value",
  "proxy_remove_header_map_value", "proxy_get_header_map_pairs", "proxy_set_header_map_pairs",
  "proxy_get_header_map_size", "proxy_get_buffer_status", "proxy_get_buffer_bytes", "proxy_set_buffer_bytes",
  "proxy_http_call", "proxy_grpc_call", "proxy_grpc_stream", "proxy_grpc_send", "proxy_grpc_cancel", "proxy_grpc_close",
  "proxy_set_tick_period_milliseconds", "proxy_get_current_time_nanoseconds",
  "proxy_define_metric", "proxy_increment_metric", "proxy_record_metric", "proxy_get_metric",
  "proxy_set_effective_context", "proxy_done", "proxy_call_foreign_function",
  "proxy_continue_stream", "proxy_close_stream",
] as const;

/** The conservative WASI subset every Envoy build provides (wasi_snapshot_preview1 and wasi_unstable). */
export const WASI_IMPORTS = [
  "fd_write", "fd_read", "fd_seek", "fd_close", "fd_fdstat_get", "fd_fdstat_set_flags",
  "environ_get", "environ_sizes_get", "args_get", "args_sizes_get", "clock_time_get", "random_get",
  "sched_yield", "poll_oneoff", "proc_exit", "path_open", "fd_prestat_get", "fd_prestat_dir_name",
] as const;

export const WASI_MODULES = ["wasi_snapshot_preview1", "wasi_unstable"] as const;
