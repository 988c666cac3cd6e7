// Which request headers are targets. Pseudo-headers are covered by the path and
// the protocol checks; the cookie header is split into cookies. The headers below
// are set by browsers and the mesh itself (fetch metadata, client hints, tracing,
// Envoy's own), carry fixed vocabularies or opaque ids, and in the corpus never
// carry an attack: scanning them costs time and only invites false positives.
// The protocol detector still sees every header.
import { Targets } from "./targets";
import { TargetKind, TargetOrigin } from "../target";
import { Header } from "../request";
import { parseCookies } from "./cookies";

const SKIPPED: string[] = [
  "host", "content-length", "accept-encoding", "cache-control", "pragma", "connection", "keep-alive",
  "upgrade-insecure-requests", "sec-ch-ua", "sec-ch-ua-mobile", "sec-ch-ua-platform",
  "sec-fetch-site", "sec-fetch-mode", "sec-fetch-user", "sec-fetch-dest",
  "traceparent", "tracestate", "x-request-id", "x-b3-traceid", "x-b3-spanid", "x-b3-parentspanid",
  "x-b3-sampled", "x-forwarded-proto", "x-forwarded-client-cert", "x-envoy-attempt-count",
  "x-envoy-peer-metadata", "x-envoy-peer-metadata-id", "x-envoy-expected-rq-timeout-ms",
];

export function isSkippedHeader(name: string): bool {
  if (name.length == 0 || name.charCodeAt(0) == 0x3a) return true;
  for (let i = 0; i < SKIPPED.length; i++) {
    if (unchecked(SKIPPED[i]) == name) return true;
  }
  return false;
}

export function collectHeaders(headers: Header[], out: Targets): void {
  for (let i = 0; i < headers.length; i++) {
    const h = unchecked(headers[i]);
    if (h.name == "cookie") {
      out.origin = TargetOrigin.Cookie;
      parseCookies(h.value, out);
      continue;
    }
    if (isSkippedHeader(h.name)) continue;
    if (h.value.byteLength == 0) continue;
    out.origin = TargetOrigin.Header;
    out.add(TargetKind.Header, "header:" + h.name, h.value, h.value, h.name);
  }
}
