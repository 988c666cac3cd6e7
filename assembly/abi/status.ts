// Numbers of proxy-wasm ABI 0.2.1.

/** Status codes the host returns from every call. */
export const enum WasmResult {
  Ok = 0, NotFound = 1, BadArgument = 2, SerializationFailure = 3, ParseFailure = 4,
  InvalidMemoryAccess = 6, Empty = 7, CasMismatch = 8, InternalFailure = 10, Unimplemented = 12,
}

/** What on_request_headers / on_response_headers return. Under 0.2.x the host treats
 *  StopIteration as StopAllIterationAndWatermark: headers are held and later body
 *  chunks still reach this filter. */
export const enum HeadersAction {
  Continue = 0, StopIteration = 1,
}

/** What the body callbacks return. StopIterationAndBuffer makes Envoy accumulate the
 *  body: the next call sees all bytes so far. */
export const enum BodyAction {
  Continue = 0, StopIterationAndBuffer = 1, StopIterationAndWatermark = 2, StopIterationNoBuffer = 3,
}

export const enum MapType {
  RequestHeaders = 0, RequestTrailers = 1, ResponseHeaders = 2, ResponseTrailers = 3,
}

export const enum BufferType {
  RequestBody = 0, ResponseBody = 1, DownstreamData = 2, UpstreamData = 3,
  HttpCallResponseBody = 4, GrpcReceiveBuffer = 5, VmConfiguration = 6, PluginConfiguration = 7,
}

export const enum MetricType {
  Counter = 0, Gauge = 1, Histogram = 2,
}

export const enum LogLevel {
  Trace = 0, Debug = 1, Info = 2, Warn = 3, Error = 4, Critical = 5,
}
