// What the proxy_* host calls need from the emulator (kept as an interface so imports.ts does not
// depend on the Emulator class, and tests can read the contract in one place).
import type { LogLevel } from "./abi.js";
import type { HeaderMap } from "./headers.js";
import type { ModuleMemory } from "./memory.js";
import type { MetricStore } from "./metrics.js";
import type { SharedStore } from "./shared-data.js";

/** A buffer the module can read and rewrite (request/response body, configurations). */
export interface BufferAccess {
  get(): Uint8Array;
  set(bytes: Uint8Array): void;
}

export interface LocalReplyRequest {
  status: number;
  details: string;
  body: Uint8Array;
  headers: [string, string][];
  grpcStatus: number;
}

/** The stream side of host calls: header maps and buffers that exist now, local replies, resumption. */
export interface StreamAccess {
  readonly id: number;
  /** The header map of that type if it exists now; null once it is gone (BadArgument). */
  headerMap(type: number): HeaderMap | null;
  buffer(type: number): BufferAccess | null;
  /** Returns false when a local reply was already requested. */
  requestLocalReply(reply: LocalReplyRequest): boolean;
  continueStream(type: number): boolean;
  closeStream(type: number): boolean;
}

export interface HostState {
  memory(): ModuleMemory;
  /** Time spent in host calls (the host's own work, which Envoy does natively), and, inside them,
   * time spent back in the module's allocator (module work, not host work). */
  hostNs: bigint;
  guestNsInHost: bigint;
  /** True while _initialize/_start runs: only logging, clocks, randomness and fd_write are allowed. */
  readonly starting: boolean;
  readonly logLevel: LogLevel;
  readonly vmId: string;
  readonly metricStore: MetricStore;
  readonly shared: SharedStore;
  log(level: LogLevel, message: string): void;
  /** The stream the module acts on now (undefined for the root context). */
  effectiveStream(): StreamAccess | undefined;
  setEffectiveContext(id: number): boolean;
  /** VM / plugin configuration buffers of the effective root context. */
  configBuffer(type: number): BufferAccess | null;
  property(path: string): Uint8Array | undefined;
  setProperty(path: string, value: Uint8Array): void;
  setTickPeriod(ms: number): void;
  realtimeNs(): bigint;
  monotonicNs(): bigint;
}
