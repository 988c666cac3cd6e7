// Properties (proxy_get_property) as Envoy names and serialises them. The path is the bytes the
// module passes: segments separated by NUL ("request\0id"). Serialisation follows Envoy:
// strings as raw bytes, integers as 8-byte little-endian int64, booleans as 1 byte, timestamps as
// int64 nanoseconds since the epoch, string maps in the header-map format.
import { encodeHeaderMap, type Header } from "./headers.js";

const utf8 = new TextEncoder();

/** What a stream knows about its connection and request (the parts a filter can read as properties). */
export interface StreamInfo {
  /** Request headers as received (stays readable even after the filter's header map is gone). */
  requestHeaders: Header[];
  startTimeNs: bigint;
  sourceAddress?: string;
  /** URI SAN of the peer certificate (the SPIFFE id under Istio mTLS). */
  sourcePrincipal?: string;
  destinationAddress?: string;
  protocol: string;
  responseCode?: number;
  responseCodeDetails?: string;
}

export interface PluginInfo {
  pluginName: string;
  rootId: string;
  vmId: string;
  /** Serialised envoy.config.core.v3.Node, when the test gives one (Envoy always has one). */
  node?: Uint8Array;
  /** Extra properties by dotted path, e.g. {"cluster_name": "inbound|8080||"}. */
  extra: Record<string, string | number | boolean | Uint8Array>;
}

function int64(n: number | bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, BigInt(n), true);
  return out;
}

function serialise(v: string | number | boolean | bigint | Uint8Array): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (typeof v === "string") return utf8.encode(v);
  if (typeof v === "boolean") return Uint8Array.of(v ? 1 : 0);
  return int64(v);
}

function header(info: StreamInfo, name: string): string | undefined {
  const values = info.requestHeaders.filter(([k]) => k === name).map(([, v]) => v);
  return values.length ? values.join(",") : undefined;
}

function port(address: string | undefined): number | undefined {
  const m = address?.match(/:(\d+)$/);
  return m ? Number(m[1]) : undefined;
}

function requestProperty(info: StreamInfo, field: string, rest: string[]): string | number | bigint | Uint8Array | undefined {
  const path = header(info, ":path");
  switch (field) {
    case "id": return header(info, "x-request-id");
    case "time": return info.startTimeNs;
    case "method": return header(info, ":method");
    case "path": return path;
    case "url_path": return path?.split("?")[0];
    case "query": return path?.includes("?") ? path.slice(path.indexOf("?") + 1) : "";
    case "host": return header(info, ":authority");
    case "scheme": return header(info, ":scheme");
    case "protocol": return info.protocol;
    case "referer": return header(info, "referer");
    case "useragent": return header(info, "user-agent");
    case "headers":
      if (rest.length > 0) return header(info, rest[0].toLowerCase());
      return encodeHeaderMap(info.requestHeaders);
    default: return undefined;
  }
}

/**
 * The serialised value of a property, or undefined (NotFound). `custom` holds what the module
 * stored with proxy_set_property (Envoy's filter state), looked up by the whole path.
 */
export function readProperty(path: string, stream: StreamInfo | undefined, plugin: PluginInfo, custom: Map<string, Uint8Array>): Uint8Array | undefined {
  const stored = custom.get(path);
  if (stored) return stored;
  const segments = path.split("\0");
  const extra = plugin.extra[segments.join(".")];
  if (extra !== undefined) return serialise(extra);
  const [head, field, ...rest] = segments;
  let value: string | number | bigint | boolean | Uint8Array | undefined;
  switch (head) {
    case "plugin_name": value = plugin.pluginName; break;
    case "plugin_root_id": value = plugin.rootId; break;
    case "plugin_vm_id": value = plugin.vmId; break;
    case "node": value = field === undefined ? plugin.node : undefined; break;
    case "request": value = stream && field !== undefined ? requestProperty(stream, field, rest) : undefined; break;
    case "source":
      if (field === "address") value = stream?.sourceAddress;
      else if (field === "port") value = port(stream?.sourceAddress);
      else if (field === "principal") value = stream?.sourcePrincipal;
      break;
    case "destination":
      if (field === "address") value = stream?.destinationAddress;
      else if (field === "port") value = port(stream?.destinationAddress);
      break;
    case "connection":
      if (field === "uri_san_peer_certificate") value = stream?.sourcePrincipal;
      else if (field === "mtls") value = stream ? stream.sourcePrincipal !== undefined : undefined;
      break;
    case "response":
      if (field === "code") value = stream?.responseCode;
      else if (field === "code_details") value = stream?.responseCodeDetails;
      break;
  }
  return value === undefined ? undefined : serialise(value);
}
