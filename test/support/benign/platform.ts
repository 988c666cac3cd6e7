// Platform payloads services post to each other: Kubernetes objects, CloudEvents, OTLP spans,
// feature flags and JSON Schema documents.
import fc from "fast-check";
import { pick } from "../variants/positions.js";
import { camel, decimal, duration, hex, host, ident, int, noun, phrase, small, timestamp, uuid } from "./words.js";

export const labelKey: fc.Arbitrary<string> = fc.oneof(ident, fc.tuple(pick(["app.kubernetes.io", "example.com", "topology.kubernetes.io"]), ident).map(([p, k]) => `${p}/${k}`));
const labels = fc.dictionary(labelKey, ident, { minKeys: 1, maxKeys: 4 });
/** A label selector: `app=web,tier!=cache,env in (prod,staging),!canary`. */
export const labelSelector: fc.Arbitrary<string> = fc.array(fc.oneof(
  fc.tuple(labelKey, pick(["=", "==", "!="]), ident).map(([k, op, v]) => `${k}${op}${v}`),
  fc.tuple(labelKey, pick([" in ", " notin "]), fc.array(ident, { minLength: 1, maxLength: 3 })).map(([k, op, vs]) => `${k}${op}(${vs.join(",")})`),
  labelKey, labelKey.map((k) => `!${k}`),
), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(","));
/** A container image reference. */
export const imageRef: fc.Arbitrary<string> = fc.tuple(pick(["", "ghcr.io/", "registry.internal:5000/", "docker.io/library/", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/"]), ident, fc.oneof(
  fc.tuple(fc.nat(9), fc.nat(20), fc.nat(9)).map(([a, b, c]) => `:${a}.${b}.${c}`), pick([":latest", ":stable-alpine", ""]), hex.map((h) => `@sha256:${h.padEnd(64, "0")}`),
)).map(([r, n, t]) => `${r}${n.replace(/_/g, "-")}${t}`);
/** Container arguments: flags with values. */
export const containerArg: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(ident, fc.oneof(int, ident, duration, host)).map(([k, v]) => `--${k.replace(/_/g, "-")}=${v}`),
  fc.tuple(pick(["-v", "--verbose", "--log-level=info", "-c", "--config"])).map(([f]) => f),
  noun.map((f) => `--config=/etc/${f}/config.yaml`), // (a random name may spell a system directory: /etc/ssh/)
);
const container = fc.record({
  name: ident.map((s) => s.replace(/_/g, "-")), image: imageRef, args: fc.array(containerArg, { maxLength: 4 }),
  ports: fc.array(fc.record({ containerPort: fc.integer({ min: 80, max: 9999 }), protocol: pick(["TCP", "UDP"]) }), { maxLength: 2 }),
  env: fc.array(fc.record({ name: ident.map((s) => s.toUpperCase()), value: fc.oneof(ident, int, host.map((h) => `http://${h}:8080`)) }), { maxLength: 3 }),
  resources: fc.record({ limits: fc.record({ cpu: pick(["500m", "1", "250m"]), memory: pick(["128Mi", "1Gi", "512Mi"]) }) }),
});
/** A Deployment, Service or ConfigMap as the API server or an operator exchanges it. */
export const k8sObject: fc.Arbitrary<object> = fc.oneof(
  fc.tuple(ident, labels, fc.array(container, { minLength: 1, maxLength: 2 }), small).map(([name, l, cs, n]) => ({
    apiVersion: "apps/v1", kind: "Deployment", metadata: { name: name.replace(/_/g, "-"), namespace: "default", labels: l, annotations: { "deployment.kubernetes.io/revision": n } },
    spec: { replicas: Number(n) % 5, selector: { matchLabels: l }, template: { metadata: { labels: l }, spec: { containers: cs } } },
  })),
  fc.tuple(ident, labels, fc.integer({ min: 80, max: 9999 })).map(([name, l, port]) => ({ apiVersion: "v1", kind: "Service", metadata: { name, labels: l }, spec: { selector: l, ports: [{ port, targetPort: port }] } })),
  fc.tuple(ident, fc.dictionary(ident, fc.oneof(ident, int, phrase, host), { maxKeys: 5 })).map(([name, data]) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data })),
);

/** A CloudEvents 1.0 structured event. */
export const cloudEvent: fc.Arbitrary<object> = fc.tuple(uuid, host, noun, pick(["created", "updated", "deleted", "shipped"]), timestamp, fc.dictionary(camel, fc.oneof(ident, int, phrase, fc.boolean()), { maxKeys: 5 }))
  .map(([id, src, n, what, time, data]) => ({ specversion: "1.0", id, source: `//${src}/${n}s`, type: `com.example.${n}.${what}`, time, datacontenttype: "application/json", subject: `${n}s/${id.slice(0, 8)}`, data }));

const attr = fc.tuple(pick(["http.request.method", "http.route", "http.response.status_code", "url.path", "db.system", "db.statement", "server.address", "rpc.method", "service.name", "k8s.pod.name"]), fc.oneof(ident, int, pick(["GET", "POST", "/api/v1/orders/{id}", "postgresql", "redis"]))).map(([k, v]) => ({ key: k, value: /^\d+$/.test(v) ? { intValue: v } : { stringValue: v } }));
/** An OTLP/JSON trace export. */
export const otlpTrace: fc.Arbitrary<object> = fc.tuple(ident, fc.array(fc.tuple(hex, hex, camel, fc.array(attr, { maxLength: 4 }), int), { minLength: 1, maxLength: 3 }))
  .map(([svc, spans]) => ({ resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: svc } }] }, scopeSpans: [{ scope: { name: "io.opentelemetry.http" }, spans: spans.map(([t, s, name, attributes, d]) => ({ traceId: t.padEnd(32, "0"), spanId: s, name, kind: 2, startTimeUnixNano: "1700000000000000000", endTimeUnixNano: `17000000${d.padStart(5, "0")}00000000`, attributes, status: {} })) }] }] }));

/** A feature-flag definition with targeting rules. */
export const featureFlag: fc.Arbitrary<object> = fc.tuple(ident, fc.boolean(), fc.array(fc.tuple(pick(["country", "plan", "email", "version", "userId"]), pick(["in", "notIn", "startsWith", "endsWith", "semVerGreaterThan", "contains"]), fc.array(fc.oneof(ident, pick(["@example.com", "2.1.0", "DE", "pro"])), { minLength: 1, maxLength: 3 })), { maxLength: 3 }), fc.integer({ min: 0, max: 100 }))
  .map(([key, on, rules, pct]) => ({ key: key.replace(/_/g, "-"), on, variations: [true, false], rules: rules.map(([attribute, op, values]) => ({ clauses: [{ attribute, op, values }], variation: 0 })), rollout: { percentage: pct }, fallthrough: { variation: 1 } }));

const schemaProp = fc.oneof(
  fc.record({ type: pick(["string", "integer", "number", "boolean"]), description: phrase }),
  fc.record({ type: fc.constant("string"), pattern: pick(["^[a-z0-9_-]{3,16}$", "^\\d{5}(-\\d{4})?$", "^[A-Z]{2}$", "^\\+?[0-9 ()-]{7,20}$"]) }),
  fc.record({ type: fc.constant("string"), format: pick(["email", "uri", "date-time", "uuid"]) }),
  fc.record({ type: fc.constant("number"), minimum: fc.nat(10), maximum: fc.integer({ min: 11, max: 1000 }) }),
  fc.record({ enum: fc.array(ident, { minLength: 1, maxLength: 4 }) }),
  fc.record({ $ref: ident.map((d) => `#/$defs/${d}`) }),
);
/** A JSON Schema document. */
export const jsonSchema: fc.Arbitrary<object> = fc.tuple(fc.dictionary(camel, schemaProp, { minKeys: 1, maxKeys: 5 }), phrase, decimal).map(([props, title]) => ({
  $schema: "https://json-schema.org/draft/2020-12/schema", $id: `https://schemas.example.com/${Object.keys(props)[0]}.json`, title, type: "object",
  properties: props, required: Object.keys(props).slice(0, 1), additionalProperties: false,
}));
