// The Node host of proxy-wasm ABI 0.2.1 (behaves like Envoy). See docs in each module.
export { Emulator, type EmulatorOptions, type LogEntry, type StreamOptions, type Failure } from "./emulator.js";
export { runRequest, requestHeaderMap, type RequestSpec, type RequestOutcome } from "./run-request.js";
export { HttpStream, type LocalReply, type StreamSinks } from "./stream.js";
export { HostError } from "./errors.js";
export { encodeHeaderMap, decodeHeaderMap, HeaderMap, type Header } from "./headers.js";
export { SharedStore } from "./shared-data.js";
export type { Metric, MetricKind } from "./metrics.js";
export { Status, HeadersAction, DataAction, LogLevel, MapType, BufferType, MetricType, type LogLevelName } from "./abi.js";
