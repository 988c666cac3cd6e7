// A standalone Envoy bootstrap running meshwaf in front of one upstream:
// listener → http_connection_manager → envoy.filters.http.wasm (V8, local module, the plugin
// configuration) → router → upstream cluster. Admin listens on localhost only (it can change
// Envoy's state); the access log is JSON on stdout.
import { validateConfig } from "../config/schema.js";

export interface EnvoyOptions {
  /** HOST:PORT of the protected application. */
  readonly upstream: string;
  /** @default 10000 */
  readonly listenPort?: number;
  /** Path of the module as Envoy sees it. @default "/etc/meshwaf/meshwaf.wasm" */
  readonly wasmPath?: string;
  /** The filter configuration (validated against the schema). @default { mode: "block" } */
  readonly pluginConfig?: Record<string, unknown>;
  /** @default 9901 */
  readonly adminPort?: number;
}

export const DEFAULT_ENVOY_WASM_PATH = "/etc/meshwaf/meshwaf.wasm";
/** Envoy's default per-connection buffer limit; a larger bodyLimit needs a larger one or Envoy answers 413 first. */
const DEFAULT_BUFFER_LIMIT = 1024 * 1024;
const any = (type: string, body: Record<string, unknown>) => ({ "@type": `type.googleapis.com/${type}`, ...body });

export class EnvoyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvoyConfigError";
  }
}

/** Splits HOST:PORT ([v6]:PORT accepted); throws naming the flag's value. */
export function parseHostPort(value: string): { host: string; port: number } {
  const m = value.match(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/);
  const port = m ? Number(m[2]) : NaN;
  if (!m || port < 1 || port > 65535) throw new EnvoyConfigError(`upstream: "${value}" is not valid; expected HOST:PORT, e.g. app:8080`);
  return { host: m[1].replace(/^\[|\]$/g, ""), port };
}

function port(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new EnvoyConfigError(`${field}: ${value} is not valid; expected an integer 1-65535`);
  return value;
}

export const ACCESS_LOG_FORMAT = {
  start_time: "%START_TIME%",
  method: "%REQ(:METHOD)%",
  path: "%REQ(X-ENVOY-ORIGINAL-PATH?:PATH)%",
  protocol: "%PROTOCOL%",
  status: "%RESPONSE_CODE%",
  details: "%RESPONSE_CODE_DETAILS%",
  flags: "%RESPONSE_FLAGS%",
  bytes_in: "%BYTES_RECEIVED%",
  bytes_out: "%BYTES_SENT%",
  duration_ms: "%DURATION%",
  upstream: "%UPSTREAM_HOST%",
  client: "%DOWNSTREAM_REMOTE_ADDRESS%",
  request_id: "%REQ(X-REQUEST-ID)%",
  authority: "%REQ(:AUTHORITY)%",
  user_agent: "%REQ(USER-AGENT)%",
};

export function generateEnvoyBootstrap(options: EnvoyOptions): Record<string, unknown> {
  const upstream = parseHostPort(options.upstream);
  const listenPort = port("listen", options.listenPort ?? 10000);
  const adminPort = port("admin port", options.adminPort ?? 9901);
  if (adminPort === listenPort) throw new EnvoyConfigError(`listen: ${listenPort} is the admin port; choose another`);
  const pluginConfig = options.pluginConfig ?? { mode: "block" };
  validateConfig(pluginConfig, "plugin configuration");
  const bodyLimit = typeof pluginConfig.bodyLimit === "number" ? pluginConfig.bodyLimit : 0;
  const wasmPath = options.wasmPath ?? DEFAULT_ENVOY_WASM_PATH;

  const wasmFilter = {
    name: "envoy.filters.http.wasm",
    typed_config: any("envoy.extensions.filters.http.wasm.v3.Wasm", {
      config: {
        name: "meshwaf",
        // A broken module must not let traffic through uninspected.
        fail_open: false,
        configuration: any("google.protobuf.StringValue", { value: JSON.stringify(pluginConfig) }),
        vm_config: { vm_id: "meshwaf", runtime: "envoy.wasm.runtime.v8", code: { local: { filename: wasmPath } } },
      },
    }),
  };
  const router = { name: "envoy.filters.http.router", typed_config: any("envoy.extensions.filters.http.router.v3.Router", {}) };
  const hcm = any("envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager", {
    stat_prefix: "meshwaf",
    codec_type: "AUTO",
    // Normalise before filters see the path, as Istio does (merge_slashes off, like Istio's default).
    normalize_path: true,
    access_log: [
      {
        name: "envoy.access_loggers.stdout",
        typed_config: any("envoy.extensions.access_loggers.stream.v3.StdoutAccessLog", { log_format: { json_format: ACCESS_LOG_FORMAT } }),
      },
    ],
    route_config: {
      name: "meshwaf",
      virtual_hosts: [{ name: "upstream", domains: ["*"], routes: [{ match: { prefix: "/" }, route: { cluster: "upstream" } }] }],
    },
    http_filters: [wasmFilter, router],
  });
  const listener: Record<string, unknown> = {
    name: "meshwaf",
    address: { socket_address: { address: "0.0.0.0", port_value: listenPort } },
    filter_chains: [{ filters: [{ name: "envoy.filters.network.http_connection_manager", typed_config: hcm }] }],
  };
  if (bodyLimit > DEFAULT_BUFFER_LIMIT) listener.per_connection_buffer_limit_bytes = bodyLimit + 64 * 1024;
  return {
    admin: { address: { socket_address: { address: "127.0.0.1", port_value: adminPort } } },
    static_resources: {
      listeners: [listener],
      clusters: [
        {
          name: "upstream",
          type: "STRICT_DNS",
          connect_timeout: "5s",
          load_assignment: {
            cluster_name: "upstream",
            endpoints: [{ lb_endpoints: [{ endpoint: { address: { socket_address: { address: upstream.host, port_value: upstream.port } } } }] }],
          },
        },
      ],
    },
  };
}
