import { describe, expect, it, beforeAll } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { scan, Kind } from "../support/attack-score.js";
import { inspect } from "../support/engine.js";

// SSRF (rules 7000-7999): metadata, loopback and internal hosts in their many notations.
let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const attacks: [string, string][] = [
  ["scheme-relative metadata URL", "//169.254.169.254/latest/meta-data/"],
  ["scheme-relative loopback with user info", "//attacker.example@127.0.0.1:6379/"],
  ["scheme-relative integer metadata host", "//2852039166/"],
  ["URL host 0 (0.0.0.0)", "http://0:10250/pods"],
  ["ECS task credentials endpoint", "http://169.254.170.2/v2/credentials"],
  ["metadata dotted", "http://169.254.169.254/latest/meta-data/"],
  ["metadata integer", "http://2852039166/"],
  ["metadata hex", "http://0xA9FEA9FE/"],
  ["metadata hex parts", "http://0xA9.0xFE.0xA9.0xFE/"],
  ["metadata octal", "http://0251.0376.0251.0376/"],
  ["metadata short form", "http://169.254.43518/"],
  ["metadata overlong hex", "http://0x41414141A9FEA9FE/"],
  ["metadata IPv6-mapped", "http://[::ffff:a9fe:a9fe]/"],
  ["metadata IPv6-mapped dotted", "http://[0:0:0:0:0:ffff:169.254.169.254]"],
  ["GCP metadata name", "http://metadata.google.internal/computeMetadata/v1/"],
  ["ideographic dots", "http://169\u3002254\u3002169\u3002254/"],
  ["loopback short", "http://127.1/"],
  ["loopback integer", "http://2130706433/admin"],
  ["loopback IPv6", "http://[::1]:8080/"],
  ["unspecified", "http://0.0.0.0:6379/"],
  ["localhost", "http://localhost/admin"],
  ["bare localhost with path", "localhost/"],
  ["docker internal", "host.docker.internal/"],
  ["Kubernetes API server", "https://kubernetes.default.svc.cluster.local/api/v1/secrets"],
  ["cluster DNS in kube-system", "http://kube-dns.kube-system.svc.cluster.local:9153/metrics"],
  ["EC2 instance name", "http://ip-10-0-1-17.ec2.internal/"],
  ["podman host", "http://host.containers.internal:8080/"],
  ["circled letters", "pop3://\u24c1\u24c4\u24b8\u24b6\u24c1\u24bd\u24c4\u24c8\u24c9"],
  ["backslash-escaped host", "http://\\l\\o\\c\\a\\l\\h\\o\\s\\t/"],
  ["gopher scheme", "gopher://example.com:70/_SSRF"],
  ["no slashes", "http:127.0.0.1"],
  ["parser confusion", "http://google.com:80 &@127.88.23.245:22/"],
  // inside a value: a JSON text, a GraphQL query, an argument list in one value
  ["metadata URL in JSON text", '{"callback":"http://169.254.169.254/latest/meta-data/"}'],
  ["metadata URL in a GraphQL argument", '{ fetch(url: "http://metadata.google.internal/computeMetadata/v1/") { body } }'],
  ["integer metadata host after a separator", "1;u=http://2852039166/latest/"],
  ["raw-protocol URL in JSON text", '{"image":"gopher://10.0.0.5:6379/_INFO"}'],
];

const benign: [string, string, Kind?][] = [
  ["scheme-relative CDN URL", "//cdn.example.net/lib.js"],
  ["a fraction", "0/5 stars"],
  ["a comment path", "//TODO fix later"],
  ["public URL", "https://www.example.com/page"],
  ["version", "10.6.0"],
  ["dependency version with path", "0.9.0"],
  ["forwarded-for private address", "10.0.0.1", Kind.Header],
  ["host header localhost", "localhost:8080", Kind.Header],
  ["prose mentioning localhost", "Open http://localhost:3000 in your browser"],
  ["JSON text with a private and a loopback URL", '{"upstream":"http://10.0.3.7:8080/","health":"http://127.0.0.1:15021/healthz/ready"}'],
  ["prose with a link", "See https://docs.example.com/guide#setup and http://192.168.1.10/status for details"],
  ["plain number", "2852039166"],
  ["npm alias", "npm:typescript@3.0.3"],
  ["word metadata", "metadata"],
  // an application's in-mesh names: event sources, callbacks, env values of east-west calls
  ["in-cluster service URL", "https://orders.shop.svc.cluster.local/api/v1/orders"],
  ["CloudEvents source", "//billing.svc.cluster.local/invoices"],
  ["private-TLD service", "http://payments.internal:8080/charge"],
  ["image on an internal registry", "registry.internal:5000/team/api:1.4.2"],
];

describe("ssrf detector", () => {
  for (const [name, input] of attacks) {
    it(`blocks: ${name}`, () => expect(scan(h, input).score).toBeGreaterThanOrEqual(5));
  }
  for (const [name, input, kind] of benign) {
    it(`allows: ${name}`, () => expect(scan(h, input, kind ?? Kind.ArgValue, kind === Kind.Header ? "header:x-forwarded-for" : "args:q").score).toBeLessThan(5));
  }
  it("never traps on random URL-ish bytes", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = "htp:/[]0123456789abcdefx.@%\\?#:;~ \u3002\u2460";
    for (let n = 0; n < 300; n++) {
      let s = rand() < 0.5 ? "http://" : "";
      const len = Math.floor(rand() * 80);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      expect(() => scan(h, s, Kind.ArgValue, "args:q", 4)).not.toThrow();
    }
  });
});

// In headers only hosts no client names in ordinary traffic count; the host-naming headers are left out.
describe("ssrf in headers", () => {
  const withHeader = (name: string, value: string) => inspect(h, { path: "/api/hooks", headers: [["host", "svc.local"], [name, value]] });
  it.each([
    ["x-callback-url", "http://169.254.169.254/latest/meta-data/iam/"],
    ["x-api-endpoint", "http://2852039166/latest/"],
    ["x-fetch", "http://metadata.google.internal/computeMetadata/v1/"],
    ["x-image-source", "gopher://127.0.0.1:6379/_FLUSHALL"],
    ["x-forwarded-host", "169.254.169.254"],
  ])("blocks %s: %s", (name, value) => expect(withHeader(name, value).attack).toBe(true));
  it.each([
    ["x-callback-url", "http://localhost:8080/callback"],
    ["x-upstream", "http://10.1.2.3:9000/status"],
    ["x-forwarded-host", "10.0.0.9"],
    ["forwarded", "for=10.0.0.1;host=127.0.0.1"],
    ["x-envoy-original-path", "http://127.0.0.1/"],
  ])("allows %s: %s", (name, value) => expect(withHeader(name, value).attack).toBe(false));
});

// A host header whose address is written in a notation no client or proxy writes: a host allow or deny list
// misses it, the resolver behind it does not (7102). The canonical loopback names pass: sidecar health checks
// and admin ports are called as localhost, and development proxies forward for localhost:3000.
describe("host headers in an obfuscated notation (7102)", () => {
  const req = (name: string, value: string) =>
    ({ path: "/api/orders", headers: (name === "host" ? [[name, value]] : [["host", "orders.shop.svc.cluster.local"], [name, value]]) as [string, string][] });
  it.each([
    ["host", "0x7f000001"], ["host", "2130706433"], ["host", "127.1"], ["host", "0177.0.0.1:8080"], ["host", "[::ffff:127.0.0.1]"],
    ["x-forwarded-host", "127.1"], ["x-forwarded-host", "shop.example.com, 0x7f.0.0.1"], ["x-host", "2130706433:80"],
    ["x-original-host", "0177.1"], ["x-forwarded-server", "0x7f000001"], ["forwarded", "for=10.0.0.1;host=127.1;proto=https"],
    ["forwarded", 'for="[2001:db8::1]";host="0x7f000001:8080"'], ["host", "0x0a000001"],
  ])("blocks %s: %s", (name, value) => {
    const v = inspect(h, req(name, value));
    expect(v.matches.map((m) => m.id)).toContain(7102);
    expect(v.attack).toBe(true);
  });
  it.each([
    ["host", "localhost:15000"], ["host", "127.0.0.1:8080"], ["host", "[::1]:9901"], ["host", "localhost."], ["host", "10.0.0.7:8080"],
    ["x-forwarded-host", "localhost:3000"], ["x-forwarded-host", "127.0.0.1"], ["x-forwarded-host", "shop.example.com, edge.example.com"],
    ["x-forwarded-server", "web01.example.com"], ["x-original-host", "203.0.113.5:8443"], ["forwarded", "for=127.1;proto=http"],
    ["forwarded", "for=10.0.0.1;by=0x7f000001;host=svc.local"],
  ])("allows %s: %s", (name, value) => expect(inspect(h, req(name, value)).attack).toBe(false));
});

describe("ssrf in the path", () => {
  const b64 = (s: string) => Buffer.from(s).toString("base64url");
  it("blocks a metadata URL sent as base64 in the last path segment (an image proxy's source URL)", () => {
    expect(inspect(h, { path: "/proxy/" + b64("http://169.254.169.254/latest/meta-data/"), headers: [["host", "svc.local"]] }).attack).toBe(true);
  });
  it("allows a public URL sent so, and a plain path naming a host", () => {
    expect(inspect(h, { path: "/proxy/" + b64("https://images.example.com/cat.png"), headers: [["host", "svc.local"]] }).attack).toBe(false);
    expect(inspect(h, { path: "/hosts/localhost/status", headers: [["host", "svc.local"]] }).attack).toBe(false);
  });
  it("blocks a metadata URL after a path segment whose slashes are backslashes (a WHATWG parser reads them as /)", () => {
    for (const p of ["/files/http:\\\\x:y@169.254.169.254/", "/files/http:%5c%5c169.254.169.254/latest", "/proxy/https:\\/169.254.169.254/", "/img/HTTP:/\\metadata.google.internal/"]) {
      expect(inspect(h, { path: p, headers: [["host", "svc.local"]] }).attack, p).toBe(true);
    }
  });
  it("allows backslashes in a path that name no metadata host, or no URL", () => {
    for (const p of ["/files/C:\\\\Users\\\\me\\\\doc.txt", "/files/http:\\\\example.com/x", "/share/%5c%5cserver%5cdocs/a.txt", "/a/b:%5c%5cc"]) {
      expect(inspect(h, { path: p, headers: [["host", "svc.local"]] }).attack, p).toBe(false);
    }
  });
});

