// Payloads of platform tooling: Kubernetes and Helm objects with probes, commands, env and
// volume mounts; CI/CD webhooks; search and document-store queries; saved SQL of BI tools.
import fc from "fast-check";
import { pick } from "../variants/positions.js";
import { camel, capitalised, date, decimal, duration, hex, host, ident, int, noun, phrase, small, timestamp } from "./words.js";
import { imageRef } from "./platform.js";
import { codeSnippet, commitMessage, diff } from "./code.js";

const name = ident.map((s) => s.replace(/_/g, "-"));
const mountPath = fc.oneof(pick(["/etc/config", "/etc/nginx/conf.d", "/var/run/secrets/tokens", "/etc/ssl/certs", "/usr/share/nginx/html", "/var/lib/data", "/tmp", "/etc/app"]), name.map((n) => `/etc/${n}`));
// Commands a pod spec runs: the program and its arguments as separate strings (no shell).
const execCommand = fc.oneof(
  fc.tuple(mountPath).map(([p]) => ["cat", `${p}/ready`]),
  fc.tuple(small).map(([n]) => ["/bin/grpc_health_probe", `-addr=:${n}000`]),
  fc.tuple(name, mountPath).map(([n, p]) => [`/usr/local/bin/${n}`, "--config", `${p}/${n}.yaml`, "--v=2"]),
  fc.tuple(name).map(([n]) => ["pg_isready", "-U", n, "-h", "localhost"]),
  fc.constant(["redis-cli", "ping"]),
  fc.tuple(name).map(([n]) => ["/bin/sh", "-c", `until nslookup ${n}; do sleep 2; done`]),
);
const probe = fc.oneof(
  fc.tuple(pick(["/healthz", "/readyz", "/livez", "/actuator/health"]), fc.integer({ min: 80, max: 9999 })).map(([path, port]) => ({ httpGet: { path, port, scheme: "HTTP" }, periodSeconds: 10 })),
  execCommand.map((command) => ({ exec: { command }, initialDelaySeconds: 5 })),
  fc.integer({ min: 80, max: 9999 }).map((port) => ({ tcpSocket: { port }, failureThreshold: 3 })),
);
const envVar = fc.tuple(ident.map((s) => s.toUpperCase()), fc.oneof(ident, int, duration, host.map((h) => `postgres://${h}:5432/app?sslmode=require`), mountPath, pick(["-Xmx512m -XX:+UseG1GC", "info,hyper=warn", "/etc/config/app.yaml", "true", "*"])))
  .map(([n, value]) => ({ name: n, value }));
const container = fc.tuple(name, imageRef, fc.array(envVar, { maxLength: 4 }), fc.array(mountPath, { maxLength: 3 }), probe, probe, fc.option(execCommand, { nil: undefined }))
  .map(([n, image, env, mounts, live, ready, command]) => ({
    name: n, image, ...(command ? { command } : {}), env, livenessProbe: live, readinessProbe: ready,
    volumeMounts: mounts.map((mountPath, i) => ({ name: `vol-${i}`, mountPath, readOnly: true })),
    securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
  }));
/** A pod template as an operator or GitOps controller posts it. */
export const podSpec: fc.Arbitrary<object> = fc.tuple(name, fc.array(container, { minLength: 1, maxLength: 2 }), fc.array(name, { maxLength: 2 }))
  .map(([n, containers, cms]) => ({
    apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: n, namespace: "prod" },
    spec: { template: { spec: { containers, volumes: cms.map((c, i) => ({ name: `vol-${i}`, configMap: { name: c } })) } } },
  }));
/** Helm values as a release API receives them. */
export const helmValues: fc.Arbitrary<object> = fc.tuple(name, imageRef, small, fc.dictionary(ident, fc.oneof(ident, int, host, mountPath), { maxKeys: 4 }), host)
  .map(([chart, image, n, extra, h]) => ({
    chart: `oci://registry.internal/charts/${chart}`, version: `1.${n}.0`,
    values: { image: { repository: image.split(":")[0], tag: `v1.${n}.0`, pullPolicy: "IfNotPresent" }, replicaCount: Number(n) % 4 + 1,
      ingress: { enabled: true, hosts: [{ host: h, paths: [{ path: "/", pathType: "Prefix" }] }], annotations: { "nginx.ingress.kubernetes.io/rewrite-target": "/$2" } },
      extraEnv: extra, config: { logLevel: "info", timeout: "30s" } },
  }));

/** A GitLab merge-request or GitHub pull-request webhook with a description, commits and a diff. */
export const ciWebhook: fc.Arbitrary<object> = fc.tuple(ident, capitalised, fc.array(fc.tuple(hex, commitMessage, timestamp), { minLength: 1, maxLength: 3 }), diff, codeSnippet, small)
  .map(([repo, title, commits, patch, code, n]) => ({
    object_kind: "merge_request", project: { path_with_namespace: `platform/${repo}` },
    object_attributes: { iid: Number(n), title, description: `${title}\n\n\`\`\`\n${code}\n\`\`\`\n\nRun \`make test\` before merging.`, source_branch: `feature/${repo}`, target_branch: "main", state: "opened" },
    commits: commits.map(([id, message, ts]) => ({ id: id.padEnd(40, "0"), message, timestamp: ts })),
    changes: { diff: patch },
  }));

const field = fc.oneof(ident, fc.tuple(ident, ident).map(([a, b]) => `${a}.${b}`));
const leafQuery = fc.oneof(
  fc.tuple(field, phrase).map(([f, v]) => ({ match: { [f]: v } })),
  fc.tuple(field, fc.array(ident, { minLength: 1, maxLength: 3 })).map(([f, v]) => ({ terms: { [f]: v } })),
  fc.tuple(field, date).map(([f, d]) => ({ range: { [f]: { gte: d, lt: "now/d" } } })),
  fc.tuple(phrase, fc.array(field, { minLength: 1, maxLength: 2 })).map(([q, fields]) => ({ multi_match: { query: q, fields, type: "best_fields" } })),
  fc.tuple(field, ident).map(([f, w]) => ({ wildcard: { [f]: `${w}*` } })),
  fc.tuple(ident, ident).map(([a, b]) => ({ query_string: { query: `(${a} OR ${b}) AND NOT status:deleted`, default_field: "title" } })),
  fc.tuple(ident, small).map(([f, n]) => ({ script: { script: { source: `doc['${f}'].value > params.min`, params: { min: Number(n) } } } })),
);
/** An Elasticsearch/OpenSearch search body with bool clauses, aggregations and a script score. */
export const searchDsl: fc.Arbitrary<object> = fc.tuple(fc.array(leafQuery, { minLength: 1, maxLength: 3 }), fc.array(leafQuery, { maxLength: 2 }), ident, ident, small)
  .map(([must, not, agg, f, n]) => ({
    size: Number(n), query: { bool: { must, must_not: not, filter: [{ term: { status: "active" } }] } },
    aggs: { [agg]: { terms: { field: `${f}.keyword`, size: 10, order: { _count: "desc" } } } },
    sort: [{ [f]: { order: "asc" } }, "_score"], _source: { includes: [f, "title"] },
  }));

const mongoCond = fc.oneof(
  fc.array(ident, { minLength: 1, maxLength: 3 }).map((v) => ({ $in: v })),
  fc.array(ident, { minLength: 1, maxLength: 3 }).map((v) => ({ $nin: v })),
  fc.tuple(int, int).map(([a, b]) => ({ $gte: Number(a), $lt: Number(a) + Number(b) })),
  fc.boolean().map((b) => ({ $exists: b })),
  ident.map((p) => ({ $regex: `^${p}`, $options: "i" })),
  ident.map((v) => ({ $ne: v })),
  fc.tuple(ident).map(([v]) => ({ $elemMatch: { status: v, qty: { $gt: 0 } } })),
);
/** A MongoDB-style filter document in the body of a data API (operators are keys of a JSON object). */
export const docFilter: fc.Arbitrary<object> = fc.tuple(fc.dictionary(field, mongoCond, { minKeys: 1, maxKeys: 3 }), fc.array(fc.dictionary(field, fc.oneof(mongoCond, ident), { minKeys: 1, maxKeys: 2 }), { maxLength: 2 }), ident, small)
  .map(([f, ors, s, n]) => ({ collection: "orders", filter: ors.length ? { ...f, $or: ors } : f, sort: { [s]: -1 }, limit: Number(n), projection: { _id: 0, [s]: 1 } }));

const col = fc.oneof(ident, fc.tuple(pick(["sum", "avg", "count", "max", "min"]), ident).map(([f, c]) => `${f}(${c}) AS ${f}_${c}`));
const cond = fc.oneof(
  fc.tuple(ident, int).map(([c, n]) => `${c} > ${n}`),
  fc.tuple(ident, ident).map(([c, v]) => `${c} = '${v}'`),
  fc.tuple(ident, small).map(([c, n]) => `${c} >= now() - interval '${n} days'`),
  fc.tuple(ident, ident).map(([c, v]) => `${c} IN ('${v}', 'pending')`),
  pick(["$__timeFilter(created_at)", "tenant_id = :tenant", "region = {{region}}"]),
);
/** A saved query of a BI or observability tool: a whole SELECT statement owned by the user. */
export const savedSql: fc.Arbitrary<string> = fc.tuple(fc.array(col, { minLength: 1, maxLength: 3 }), ident, fc.array(cond, { minLength: 1, maxLength: 3 }), ident, small)
  .map(([cols, t, cs, g, n]) => `SELECT ${cols.join(", ")}\nFROM ${t}\nWHERE ${cs.join("\n  AND ")}\nGROUP BY 1\nORDER BY 2 DESC\nLIMIT ${n}`);
/** The analytics API body around it. */
export const savedQuery: fc.Arbitrary<object> = fc.tuple(capitalised, savedSql, ident, duration)
  .map(([title, sql, ds, refresh]) => ({ title, datasource: { type: "postgres", uid: ds }, targets: [{ refId: "A", rawSql: sql, format: "table" }], refresh }));

const jmesAtom = fc.oneof(
  fc.tuple(ident, ident, small).map(([a, b, n]) => `${a}[?${b} > \`${n}\`].name`),
  fc.tuple(ident, ident).map(([a, b]) => `${a}[*].{id: id, ${b}: ${b}}`),
  fc.tuple(ident, ident).map(([a, b]) => `sort_by(${a}, &${b})[-1]`),
  fc.tuple(ident, ident).map(([a, b]) => `length(${a}[?contains(tags, '${b}')])`),
  fc.tuple(ident, ident).map(([a, b]) => `$.${a}[?(@.${b} == 'x' || @.price < 10)].id`),
  fc.tuple(ident, ident).map(([a, b]) => `$..${a}[?(@.${b} =~ /^${b}.*/i)]`),
  fc.tuple(ident).map(([a]) => `${a} | [0] | keys(@)`),
);
/** JMESPath and JSONPath expressions with filters, projections and functions. */
export const jmespath: fc.Arbitrary<string> = jmesAtom;

/** Markdown with shell and SQL code fences, as in READMEs and runbooks. */
export const runbook: fc.Arbitrary<string> = fc.array(fc.oneof(
  capitalised.map((c) => `## ${c}`),
  fc.tuple(name, mountPath).map(([n, p]) => "```bash\nkubectl -n prod get pods -l app=" + n + "\nkubectl exec -it deploy/" + n + " -- cat " + p + "/app.yaml\n```"),
  fc.tuple(name).map(([n]) => "```sh\nhelm upgrade --install " + n + " ./chart -f values.yaml --wait\n```"),
  savedSql.map((s) => "```sql\n" + s + "\n```"),
  fc.tuple(phrase, decimal).map(([p, x]) => `> **Note:** ${p} (p99 ${x} ms).`),
), { minLength: 1, maxLength: 4 }).map((xs) => xs.join("\n\n"));
