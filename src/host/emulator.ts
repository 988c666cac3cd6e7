// A Node host of proxy-wasm ABI 0.2.1 that behaves like Envoy: one WebAssembly instance per
// emulator (like one Envoy worker's VM), a root context configured at load, stream contexts driven
// by the methods below, and inspectors for what Envoy would show (local replies, logs, metrics,
// time spent in the module, a failed VM).
import v8 from "node:v8";
import { BufferType, LOG_LEVEL_NAMES, logLevelFromName, PROXY_IMPORTS, WASI_IMPORTS, WASI_MODULES, type LogLevel, type LogLevelName } from "./abi.js";
import { HostError } from "./errors.js";
import type { Header } from "./headers.js";
import type { BufferAccess, HostState } from "./host-state.js";
import { proxyImports } from "./imports.js";
import { ModuleMemory } from "./memory.js";
import { MetricStore, type Metric } from "./metrics.js";
import { readProperty, type PluginInfo, type StreamInfo } from "./properties.js";
import { SharedStore } from "./shared-data.js";
import { HttpStream, type StreamSinks } from "./stream.js";
import { wasiImports } from "./wasi.js";

export interface EmulatorOptions {
  /** Plugin configuration (Istio pluginConfig): a JSON string, an object (serialised), or bytes. Default "". */
  config?: string | object | Uint8Array;
  /** VM configuration (vm_config.configuration). Default "". */
  vmConfig?: string | Uint8Array;
  /** The plugin's root_id (Istio pluginName). Default "". */
  rootId?: string;
  /** Plugin name (the `plugin_name` property). Default: rootId. */
  pluginName?: string;
  vmId?: string;
  /** Envoy's log level for the wasm logger: lower messages are dropped. Default "info". */
  logLevel?: LogLevelName | LogLevel;
  /** Extra properties by dotted path, e.g. {"cluster_name": "x"}; node: serialised Node message. */
  properties?: Record<string, string | number | boolean | Uint8Array>;
  node?: Uint8Array;
  /** Share data/queues with other emulators (same vm_id in one Envoy); default: a store of its own. */
  shared?: SharedStore;
  /** Most request body bytes Envoy buffers before answering 413 itself. Default 1 MiB. */
  bufferLimit?: number;
  /** Istio failStrategy FAIL_OPEN: a failed VM passes requests uninspected. Default false (FAIL_CLOSE). */
  failOpen?: boolean;
  /** Called for each log line that passes the level (e.g. to print it). */
  onLog?: (entry: LogEntry) => void;
  /** Clock for proxy_get_current_time_nanoseconds and WASI realtime (tests pin it). */
  nowNs?: () => bigint;
}

export interface LogEntry {
  level: LogLevelName;
  message: string;
  /** The context the module acted on when it logged (0 during start-up). */
  contextId: number;
}

export interface StreamOptions {
  /** Downstream peer "ip:port" (source.address). */
  sourceAddress?: string;
  /** Peer certificate URI SAN (source.principal, connection.uri_san_peer_certificate). */
  sourcePrincipal?: string;
  destinationAddress?: string;
  protocol?: string;
  sinks?: StreamSinks;
}

export interface Failure {
  callback: string;
  message: string;
}

const utf8 = new TextEncoder();

function toBytes(v: string | object | Uint8Array | undefined): Uint8Array {
  if (v === undefined) return new Uint8Array(0);
  if (v instanceof Uint8Array) return v;
  return utf8.encode(typeof v === "string" ? v : JSON.stringify(v));
}

type Exports = Record<string, unknown> & { memory: WebAssembly.Memory };

export class Emulator implements HostState {
  /** Result of proxy_on_configure for the active root context (Envoy refuses the plugin when false). */
  configured = false;
  failed = false;
  failure?: Failure;
  readonly logs: LogEntry[] = [];
  readonly metricStore = new MetricStore();
  readonly shared: SharedStore;
  readonly logLevel: LogLevel;
  readonly vmId: string;
  readonly failOpen: boolean;
  readonly bufferLimit: number;
  tickPeriodMs = 0;
  /** Nanoseconds spent inside the module, all callbacks together. */
  cpuNs = 0n;
  hostNs = 0n;
  guestNsInHost = 0n;
  starting = false;

  private exports!: Exports;
  private mem!: ModuleMemory;
  private rootContextId = 0;
  private nextContextId = 1;
  private effective = 0;
  private readonly streams = new Map<number, HttpStream>();
  private readonly rootConfigs = new Map<number, Uint8Array>();
  private readonly customProperties = new Map<string, Uint8Array>();
  private readonly plugin: PluginInfo;
  private readonly vmConfig: Uint8Array;
  private readonly onLog?: (entry: LogEntry) => void;
  private readonly clock: () => bigint;

  private constructor(opts: EmulatorOptions) {
    this.logLevel = logLevelFromName(opts.logLevel ?? "info");
    this.vmId = opts.vmId ?? "";
    this.shared = opts.shared ?? new SharedStore();
    this.failOpen = opts.failOpen ?? false;
    this.bufferLimit = opts.bufferLimit ?? 1024 * 1024;
    this.onLog = opts.onLog;
    this.clock = opts.nowNs ?? (() => BigInt(Date.now()) * 1_000_000n);
    this.vmConfig = toBytes(opts.vmConfig);
    const rootId = opts.rootId ?? "";
    this.plugin = { pluginName: opts.pluginName ?? rootId, rootId, vmId: this.vmId, node: opts.node, extra: opts.properties ?? {} };
  }

  /** Loads, starts and configures a module as Envoy does; throws HostError where Envoy would refuse it. */
  static async load(bytes: Uint8Array, opts: EmulatorOptions = {}): Promise<Emulator> {
    const em = new Emulator(opts);
    compileAsEnvoy();
    let module: WebAssembly.Module;
    try {
      module = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
    } catch (err) {
      throw new HostError(`invalid Wasm module: ${(err as Error).message}`);
    }
    checkImports(module);
    checkExports(module);
    const wasi = wasiImports({ memory: () => em.mem, log: (l, m) => em.log(l, m), realtimeNs: () => em.realtimeNs(), monotonicNs: () => em.monotonicNs() });
    const instance = await WebAssembly.instantiate(module, {
      env: proxyImports(em),
      wasi_snapshot_preview1: wasi,
      wasi_unstable: wasi,
    });
    em.exports = instance.exports as Exports;
    const malloc = (em.exports.malloc ?? em.exports.proxy_on_memory_allocate) as (n: number) => number;
    em.mem = new ModuleMemory(em.exports.memory, (size) => {
      const t0 = process.hrtime.bigint();
      try {
        return malloc(size);
      } finally {
        em.guestNsInHost += process.hrtime.bigint() - t0;
      }
    });
    em.startUp();
    em.rootContextId = em.createRoot(toBytes(opts.config));
    em.configured = em.configureRoot(em.rootContextId);
    if (em.failed) throw new HostError(`proxy_on_configure failed: ${em.failure!.message}`);
    return em;
  }

  // ---- lifecycle ----

  private startUp(): void {
    this.starting = true;
    try {
      const ex = this.exports as Record<string, any>;
      if (typeof ex._initialize === "function") {
        ex._initialize();
        if (typeof ex.main === "function") ex.main(0, 0);
        else if (typeof ex.__main_void === "function") ex.__main_void();
      } else if (typeof ex._start === "function") {
        ex._start();
      }
    } catch (err) {
      throw new HostError(`start-up failed: ${(err as Error).message}`);
    } finally {
      this.starting = false;
    }
  }

  private createRoot(config: Uint8Array): number {
    const id = this.nextContextId++;
    this.rootConfigs.set(id, config);
    this.call(id, "proxy_on_context_create", 0, id, 0);
    if (this.failed) throw new HostError(`proxy_on_context_create failed: ${this.failure!.message}`);
    if (id === 1) {
      const ok = this.call(id, "proxy_on_vm_start", 1, id, this.vmConfig.length);
      if (this.failed) throw new HostError(`proxy_on_vm_start failed: ${this.failure!.message}`);
      if (!ok) throw new HostError("proxy_on_vm_start returned false: Envoy refuses the VM");
    }
    return id;
  }

  private configureRoot(id: number): boolean {
    return this.call(id, "proxy_on_configure", 1, id, this.rootConfigs.get(id)!.length) !== 0 && !this.failed;
  }

  private teardownRoot(id: number): void {
    if (!this.failed) this.call(id, "proxy_on_done", 1, id);
    if (!this.failed) this.call(id, "proxy_on_delete", 0, id);
    this.rootConfigs.delete(id);
  }

  /**
   * A configuration change, as Envoy applies it on the same VM: a new root context is created and
   * configured; when it accepts, the old root context gets on_done/on_delete. When it refuses, the
   * new one is torn down and the old configuration stays active. Returns the new on_configure result.
   */
  reconfigure(config: string | object | Uint8Array): boolean {
    if (this.failed) return false;
    const id = this.createRoot(toBytes(config));
    const ok = this.configureRoot(id);
    if (this.failed) return false;
    const old = ok ? this.rootContextId : id;
    if (ok) {
      this.rootContextId = id;
      this.configured = true;
    }
    this.teardownRoot(old);
    return ok && !this.failed;
  }

  /** Plugin shutdown: on_done and on_delete of the root context. */
  shutdown(): void {
    if (this.rootConfigs.has(this.rootContextId)) this.teardownRoot(this.rootContextId);
  }

  /** Fires proxy_on_tick on the root context (what Envoy does every tick period). */
  tick(): void {
    if (this.failed) return;
    this.call(this.rootContextId, "proxy_on_tick", 0, this.rootContextId);
    for (const s of this.streams.values()) s.resumeNow();
  }

  // ---- drivers ----

  /** Creates a stream context (proxy_on_context_create with the root as parent). */
  newStream(opts: StreamOptions = {}): HttpStream {
    const id = this.nextContextId++;
    const info: StreamInfo = {
      requestHeaders: [],
      startTimeNs: this.realtimeNs(),
      sourceAddress: opts.sourceAddress,
      sourcePrincipal: opts.sourcePrincipal,
      destinationAddress: opts.destinationAddress,
      protocol: opts.protocol ?? "HTTP/1.1",
    };
    const stream = new HttpStream(id, info, this, opts.sinks);
    this.streams.set(id, stream);
    if (!this.failed) this.callStream(stream, "proxy_on_context_create", 0, this.rootContextId);
    return stream;
  }

  onRequestHeaders(stream: HttpStream, headers: readonly Header[], endOfStream: boolean): number {
    return stream.requestHeaders(headers, endOfStream);
  }
  onRequestBody(stream: HttpStream, chunk: Uint8Array, endOfStream: boolean): number | undefined {
    return stream.requestBody(chunk, endOfStream);
  }
  onResponseHeaders(stream: HttpStream, headers: readonly Header[], endOfStream: boolean): number {
    return stream.responseHeaders(headers, endOfStream);
  }
  onResponseBody(stream: HttpStream, chunk: Uint8Array, endOfStream: boolean): number | undefined {
    return stream.responseBody(chunk, endOfStream);
  }
  /** on_log, on_done, on_delete. */
  finishStream(stream: HttpStream): void {
    stream.finish();
  }

  // ---- inspectors ----

  /** Every metric the module defined, by name. */
  get metrics(): Map<string, Metric> {
    return this.metricStore.all();
  }
  metric(name: string): bigint | undefined {
    return this.metricStore.all().get(name)?.value;
  }
  get cpuUs(): number {
    return Number(this.cpuNs) / 1000;
  }
  get activeStreams(): number {
    return this.streams.size;
  }

  // ---- calls into the module ----

  /** Calls an export with `contextId` as the effective context; a throw fails the VM. */
  private call(contextId: number, name: string, fallback: number, ...args: number[]): number {
    const fn = this.exports[name] as ((...a: number[]) => number | undefined) | undefined;
    if (typeof fn !== "function") return fallback;
    const saved = this.effective;
    this.effective = contextId;
    const t0 = process.hrtime.bigint();
    const host0 = this.hostNs;
    try {
      const r = fn(...args);
      return typeof r === "number" ? r : fallback;
    } catch (err) {
      this.failed = true;
      this.failure = { callback: name, message: (err as Error)?.message ?? String(err) };
      return fallback;
    } finally {
      const dt = process.hrtime.bigint() - t0;
      this.cpuNs += dt;
      this.lastCallNs = dt;
      this.lastCallHostNs = this.hostNs - host0;
      this.effective = saved;
    }
  }
  private lastCallNs = 0n;
  private lastCallHostNs = 0n;

  /** Calls a stream callback: the context id comes first, then `args`. */
  callStream(stream: HttpStream, name: string, fallback: number, ...args: number[]): number {
    const r = this.call(stream.id, name, fallback, stream.id, ...args);
    stream.cpuNs += this.lastCallNs;
    stream.hostNs += this.lastCallHostNs;
    return r;
  }

  release(stream: HttpStream): void {
    this.streams.delete(stream.id);
  }

  // ---- HostState (used by host calls) ----

  memory(): ModuleMemory {
    return this.mem;
  }

  log(level: LogLevel, message: string): void {
    if (level < this.logLevel) return;
    const entry: LogEntry = { level: LOG_LEVEL_NAMES[Math.min(level, 5)] ?? "critical", message, contextId: this.effective };
    this.logs.push(entry);
    this.onLog?.(entry);
  }

  effectiveStream(): HttpStream | undefined {
    return this.streams.get(this.effective);
  }

  setEffectiveContext(id: number): boolean {
    if (!this.streams.has(id) && !this.rootConfigs.has(id)) return false;
    this.effective = id;
    return true;
  }

  configBuffer(type: number): BufferAccess | null {
    if (type === BufferType.VmConfiguration) return { get: () => this.vmConfig, set: () => {} };
    if (type !== BufferType.PluginConfiguration) return null;
    const config = this.rootConfigs.get(this.effective) ?? this.rootConfigs.get(this.rootContextId);
    return config ? { get: () => config, set: () => {} } : null;
  }

  property(path: string): Uint8Array | undefined {
    return readProperty(path, this.effectiveStream()?.info, this.plugin, this.customProperties);
  }

  setProperty(path: string, value: Uint8Array): void {
    this.customProperties.set(path, value);
  }

  setTickPeriod(ms: number): void {
    this.tickPeriodMs = ms;
  }

  realtimeNs(): bigint {
    return this.clock();
  }

  monotonicNs(): bigint {
    return process.hrtime.bigint();
  }
}

/** Envoy refuses a module with an import it does not provide, naming the first one. */
let envoyFlags = false;

/**
 * Compiles modules as Envoy does: proxy-wasm-cpp-host starts V8 without its Liftoff tier "to force
 * optimized JIT up-front", so every function runs TurboFan code. Node's defaults (Liftoff first,
 * each function compiled on its first call) would make the first requests of a demo or replay pay
 * the compiles (a p99 in milliseconds) and time baseline code. The whole module compiles once per
 * process (~130 ms for meshwaf's); V8 reuses it for the same bytes. The flags are V8's, so they
 * hold for every module this process compiles after the first load.
 */
function compileAsEnvoy(): void {
  if (envoyFlags) return;
  envoyFlags = true;
  v8.setFlagsFromString("--no-liftoff");
  v8.setFlagsFromString("--no-wasm-lazy-compilation");
}

function checkImports(module: WebAssembly.Module): void {
  const proxy = new Set<string>(PROXY_IMPORTS);
  const wasi = new Set<string>(WASI_IMPORTS);
  for (const imp of WebAssembly.Module.imports(module)) {
    const known = imp.kind === "function" && ((imp.module === "env" && proxy.has(imp.name)) || ((WASI_MODULES as readonly string[]).includes(imp.module) && wasi.has(imp.name)));
    if (!known) throw new HostError(`Failed to load Wasm module due to a missing import: ${imp.module}.${imp.name}`);
  }
}

function checkExports(module: WebAssembly.Module): void {
  const names = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  if (!names.has("proxy_abi_version_0_2_1")) throw new HostError("unsupported ABI: the module does not export proxy_abi_version_0_2_1");
  if (!names.has("memory")) throw new HostError("the module does not export its memory");
  if (!names.has("malloc") && !names.has("proxy_on_memory_allocate")) throw new HostError("missing malloc: export malloc or proxy_on_memory_allocate");
}
