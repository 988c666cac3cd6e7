// Headers and tokens of the mesh itself: W3C trace context and baggage, B3, Envoy/Istio headers,
// client certificates, JWTs, base64 blobs, client user agents and OpenTelemetry attributes.
import fc from "fast-check";
import { pick } from "../variants/positions.js";
import { camel, hex, host, ident, int, small, uuid } from "./words.js";

const ns = ident.map((s) => s.replace(/_/g, "-"));
const spiffe = fc.tuple(ns, ns).map(([n, sa]) => `spiffe://cluster.local/ns/${n}/sa/${sa}`);
const b64url = (s: string) => Buffer.from(s).toString("base64url");
/** A JWT with an ordinary header and claims (signature random). */
export const jwt: fc.Arbitrary<string> = fc.tuple(pick(["RS256", "ES256", "HS256"]), ident, host, fc.array(ident, { maxLength: 3 }), fc.uint8Array({ minLength: 32, maxLength: 64 }))
  .map(([alg, sub, iss, scopes, sig]) => `${b64url(JSON.stringify({ alg, typ: "JWT", kid: sub.slice(0, 4) }))}.${b64url(JSON.stringify({ sub, iss: `https://${iss}/`, aud: "api", scope: scopes.join(" "), exp: 1900000000 }))}.${Buffer.from(sig).toString("base64url")}`);
/** A base64 blob (standard alphabet with padding) of random bytes. */
export const base64Blob: fc.Arbitrary<string> = fc.uint8Array({ minLength: 8, maxLength: 300 }).map((b) => Buffer.from(b).toString("base64"));
const ver = fc.tuple(fc.nat(3), fc.nat(30), fc.nat(9)).map(([a, b, c]) => `${a}.${b}.${c}`);
/** User agents of service clients. */
export const clientAgent: fc.Arbitrary<string> = fc.oneof(
  ver.map((v) => `Go-http-client/1.1`.replace("1.1", v.startsWith("0") ? "1.1" : "2.0")),
  ver.map((v) => `curl/${v}`), ver.map((v) => `python-requests/${v}`), ver.map((v) => `Java/17.${v}`), ver.map((v) => `Apache-HttpClient/4.5.${v.split(".")[2]} (Java/17.0.2)`),
  ver.map((v) => `okhttp/${v}`), ver.map((v) => `grpc-java-netty/1.${v}`), ver.map((v) => `aiohttp/${v} Python/3.11`), ver.map((v) => `kube-probe/1.${v.split(".")[1]}`),
  fc.tuple(ns, ver).map(([n, v]) => `${n}/v${v} (linux/amd64) kubernetes/${v.replace(/\./g, "")}`), ver.map((v) => `Prometheus/${v}`), ver.map((v) => `Wget/1.${v}`),
  ver.map((v) => `axios/${v}`), ver.map((v) => `node-fetch/1.0 (+https://github.com/bitinn/node-fetch)`.replace("1.0", v)),
);
/** [name, value] pairs Envoy, Istio and tracing libraries add. */
export const proxyHeader: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.tuple(hex, hex).map(([t, s]): [string, string] => ["traceparent", `00-${t.padEnd(32, "a")}-${s.padEnd(16, "b")}-0${s.length % 2}`]),
  fc.array(fc.tuple(camel, fc.oneof(ident, int, host)), { minLength: 1, maxLength: 4 }).map((xs): [string, string] => ["baggage", xs.map(([k, v], i) => `${k}=${encodeURIComponent(v)}${i ? ";property=1" : ""}`).join(",")]),
  hex.map((t): [string, string] => ["x-b3-traceid", t.padEnd(32, "0")]), hex.map((s): [string, string] => ["x-b3-spanid", s.padEnd(16, "0")]),
  hex.map((s): [string, string] => ["x-b3-parentspanid", s.padEnd(16, "0")]), pick(["0", "1"]).map((v): [string, string] => ["x-b3-sampled", v]),
  fc.tuple(hex, hex).map(([t, s]): [string, string] => ["b3", `${t.padEnd(32, "0")}-${s.padEnd(16, "0")}-1`]),
  fc.tuple(hex, spiffe, spiffe).map(([h, by, uri]): [string, string] => ["x-forwarded-client-cert", `By=${by};Hash=${h.padEnd(64, "0")};Subject="";URI=${uri}`]),
  fc.tuple(hex, spiffe, ns).map(([h, uri, cn]): [string, string] => ["x-forwarded-client-cert", `Hash=${h.padEnd(64, "0")};Subject="CN=${cn},OU=mesh,O=Acme\\, Inc.";URI=${uri};DNS=${cn}.svc`]),
  small.map((n): [string, string] => ["x-envoy-expected-rq-timeout-ms", `${n}000`]), small.map((n): [string, string] => ["x-envoy-upstream-service-time", n]),
  small.map((n): [string, string] => ["x-envoy-attempt-count", n]), host.map((h): [string, string] => ["x-envoy-original-path", `/api/v1/${h.split(".")[0]}?page=2`]),
  pick(["5xx,gateway-error,reset", "retriable-4xx", "connect-failure,refused-stream"]).map((v): [string, string] => ["x-envoy-retry-on", v]),
  host.map((h): [string, string] => ["x-envoy-decorator-operation", `${h}:8080/*`]), host.map((h): [string, string] => [":authority", `${h}:8080`]),
  fc.tuple(ns, ns).map(([a, b]): [string, string] => ["x-envoy-peer-metadata-id", `sidecar~10.1.2.3~${a}-7d9f8-abcde.${b}~${b}.svc.cluster.local`]),
  base64Blob.map((b): [string, string] => ["x-envoy-peer-metadata", b]), uuid.map((u): [string, string] => ["x-request-id", u]),
  jwt.map((t): [string, string] => ["authorization", `Bearer ${t}`]), jwt.map((t): [string, string] => ["x-jwt-assertion", t]),
  base64Blob.map((b): [string, string] => ["grpc-trace-bin", b]), clientAgent.map((a): [string, string] => ["user-agent", a]),
  fc.tuple(ns, small).map(([n, v]): [string, string] => ["x-istio-attributes", Buffer.from(`source.uid kubernetes://${n}-${v}.default`).toString("base64")]),
);

const otelValue = fc.oneof(
  pick(["SELECT * FROM orders WHERE id = ?", "UPDATE users SET last_login = $1 WHERE id = $2", "SELECT id, name FROM users WHERE email = ? LIMIT 1", "INSERT INTO events (id, type) VALUES (?, ?)"]),
  pick(["HGETALL session:*", "GET /api/v1/orders/{id}", "com.example.OrderService/Place", "java.lang.NullPointerException"]),
  fc.tuple(ident, ident).map(([a, b]) => `${a}.${b}(${a}.java:42)\n\tat ${b}.run(Thread.java:833)`),
  ident, int, host,
);
/** OpenTelemetry attributes as key/value pairs in a JSON log record or span event. */
export const otelAttrs: fc.Arbitrary<object> = fc.array(fc.tuple(pick(["db.statement", "db.query.text", "db.operation", "exception.stacktrace", "exception.type", "process.command_line", "code.function", "messaging.destination.name", "http.route", "net.peer.name"]), otelValue), { minLength: 1, maxLength: 5 })
  .map((xs) => ({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ severityText: "ERROR", body: { stringValue: "request failed" }, attributes: xs.map(([key, v]) => ({ key, value: { stringValue: v } })) }] }] }] }));
