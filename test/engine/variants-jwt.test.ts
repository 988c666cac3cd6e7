// Attacks carried in JSON Web Tokens (test/support/variants/jwt.ts): a token of the right shape whose
// JOSE header (kid as a path, an SQL key or a shell word; jku/x5u fetched; an embedded jwk's kid) or
// claims hold the payload, in every carrier a token travels in. The engine reads a value of the token's
// shape as its header and claims (assembly/engine/jwt.ts): each key and string is a target of its own,
// `jwt:header.kid`, `jwt:payload.sub`. Ordinary tokens (names with apostrophes, issuer URLs, scopes,
// roles, JWKS URLs on public hosts, DPoP proofs with a jwk) pass, and a broken token never traps.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, inspectWith, type Req } from "../support/engine.js";
import { jwtAttack, jwtBenign, FAMILIES, CARRIERS, carry, token } from "../support/variants/jwt.js";
import { assertFloor, assertPassed, assertEveryShape } from "../support/variants/check.js";
import { rng } from "../support/variants/rng.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const SEED = 20261128;
const seg = (s: string) => Buffer.from(s).toString("base64url");
const bearer = (jwt: string): Req => ({ path: "/api/orders", headers: [["host", "api.svc.local"], ["authorization", `Bearer ${jwt}`]] });
const ids = (req: Req) => inspect(h, req).matches.map((m) => `${m.id}@${m.target}`);

describe("attacks in JSON Web Tokens", () => {
  it("blocks at least 99% in every carrier, and misses nothing", () => {
    // 64.75% at the branch point (of the same 2000: kid, jku and x5u shapes 0-3 86-113 of ~240 each, the Bearer carrier 120
    // of 357; 601 of the 1500 ordinary tokens below were blocked there, in-cluster and development issuers read as SSRF), 100% after
    assertFloor(h, jwtAttack, 2000, SEED, 0.99, () => false);
  });

  it("draws every shape", () => assertEveryShape(jwtAttack, FAMILIES, 1000, SEED));

  it("lets ordinary tokens through in every carrier", () => assertPassed(h, jwtBenign, 1500));

  const header = (h: object) => `${seg(JSON.stringify(h))}.${seg('{"sub":"248289761001","name":"Seán O\'Brien","iss":"https://accounts.google.com"}')}.${"Qk9va0x5".repeat(5)}`;
  it.each([
    ["kid as a path", header({ alg: "HS256", kid: "../../../dev/null" }), "jwt:header.kid"],
    ["kid in a key query", header({ alg: "HS256", kid: "x' UNION SELECT 'key'--" }), "jwt:header.kid"],
    ["jku at the metadata service", header({ alg: "RS256", jku: "http://169.254.169.254/latest/meta-data/" }), "jwt:header.jku"],
    ["x5u on loopback", header({ alg: "RS256", x5u: "http://127.0.0.1:2379/v2/keys" }), "jwt:header.x5u"],
    ["a script in a claim", `${seg('{"alg":"RS256"}')}.${seg('{"name":"<img src=x onerror=alert(1)>"}')}.${"c2lnbmF0dXJl".repeat(4)}`, "jwt:payload.name"],
    ["a claim at the metadata service (a picture fetched server-side)", `${seg('{"alg":"RS256"}')}.${seg('{"picture":"http://169.254.169.254/latest/meta-data/"}')}.${"c2lnbmF0dXJl".repeat(4)}`, "jwt:payload.picture"],
    ["SQL in a nested claim", `${seg('{"alg":"RS256"}')}.${seg('{"profile":{"org":"1\' OR \'1\'=\'1"}}')}.${"c2lnbmF0dXJl".repeat(4)}`, "jwt:payload.profile.org"],
  ])("blocks %s and names the member", (_, jwt, target) => {
    const v = inspect(h, bearer(jwt));
    expect(v.score).toBeGreaterThanOrEqual(5);
    expect(v.matches.map((m) => m.target)).toContain(target);
  });

  it.each(["none", "None", "NONE", "nOnE"])("scores alg %j with an empty signature (16004)", (alg) => {
    const jwt = `${seg(JSON.stringify({ alg, typ: "JWT" }))}.${seg('{"sub":"admin","role":"admin"}')}.`;
    expect(ids(bearer(jwt))).toContain("16004@header:authorization");
    expect(ids({ path: `/cb?id_token=${jwt}` })).toContain("16004@args:id_token");
  });

  it.each([
    ["a real algorithm", { alg: "RS256", typ: "JWT" }],
    ["kid none", { alg: "RS256", kid: "none" }],
    ["typ none", { alg: "ES256", typ: "none" }],
  ])("does not score %s as unsigned", (_, hd) => {
    const jwt = `${seg(JSON.stringify(hd))}.${seg('{"sub":"42"}')}.${"c2lnbmF0dXJl".repeat(4)}`;
    expect(ids(bearer(jwt)).filter((x) => x.startsWith("16004"))).toEqual([]);
    expect(ids({ path: "/x", headers: [["host", "a"], ["cookie", `jwt=${jwt}`]] }).filter((x) => x.startsWith("16004"))).toEqual([]);
  });

  // Claims are the issuer's word, read as a header's URLs are: only the metadata service, an obfuscated host or a
  // raw-protocol scheme count; the JOSE header's jku and x5u are URLs the server fetches and count as any value's.
  it.each([
    ["a Kubernetes service-account token", { iss: "https://kubernetes.default.svc.cluster.local", sub: "system:serviceaccount:orders:orders-api" }],
    ["a Keycloak development token", { iss: "http://localhost:8080/realms/master", "allowed-origins": ["http://localhost:3000"] }],
    ["a Dex token on loopback", { iss: "http://127.0.0.1:5556/dex", aud: "example-app" }],
  ])("lets %s through", (_, claims) => {
    const jwt = `${seg('{"alg":"RS256","kid":"4f1c"}')}.${seg(JSON.stringify(claims))}.${"c2lnbmF0dXJl".repeat(4)}`;
    expect(ids(bearer(jwt))).toEqual([]);
    expect(ids(bearer(`${seg('{"alg":"RS256","jku":"http://localhost:8080/keys"}')}.${seg(JSON.stringify(claims))}.${"c2lnbmF0dXJl".repeat(4)}`))).toContain("7101@jwt:header.jku");
  });

  it("does not take an OpenID sid claim for a session id planted by another site", () => {
    const r = rng(3);
    const jwt = token(r, { alg: "RS256", kid: "k1" }, { sub: "42", sid: "08a5019c-17e1-4977-8f42-65a12843ea02", session_state: "abc" });
    const req = carry(r, jwt, "query");
    req.headers = [["host", "api.svc.local"], ["referer", "https://login.example.org/"]];
    expect(inspect(h, req).score).toBeLessThan(5);
  });

  it("takes exclusions by the token's target names, or by the carrier's, which covers what the token holds", () => {
    const jwt = header({ alg: "HS256", kid: "../../../../etc/passwd" });
    expect(inspectWith(h, bearer(jwt), "", "|lfi||||jwt:header.*").score).toBe(0);
    expect(inspectWith(h, bearer(jwt), "", "|lfi||||jwt:payload.*").score).toBeGreaterThanOrEqual(5);
    expect(inspectWith(h, bearer(jwt), "", "|lfi||||header:authorization").score).toBe(0);
    expect(inspectWith(h, bearer(jwt), "", "|lfi||||header:cookie").score).toBeGreaterThanOrEqual(5);
    // the carrier's exclusion holds only while its own token is read: an attack in a later value still counts
    const later = bearer(jwt);
    later.path = "/?file=" + encodeURIComponent("../../../../etc/shadow");
    expect(inspectWith(h, later, "", "|lfi||||header:authorization").score).toBeGreaterThanOrEqual(5);
  });

  it("reads a token in each carrier", () => {
    const r = rng(9);
    const jwt = token(r, { alg: "HS256", kid: "../../../../etc/passwd" }, { sub: "1" });
    for (const c of CARRIERS) expect(inspect(h, carry(r, jwt, c)).matches.map((m) => m.target), c).toContain("jwt:header.kid");
  });
});

describe("broken tokens", () => {
  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const junk = fc.array(fc.constantFrom(...B64, ".", "=", "+", "/", "%", " "), { maxLength: 300 }).map((a) => a.join(""));
  const broken = fc.oneof(
    junk.map((s) => `eyJ${s}`),
    fc.tuple(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), junk).map(([a, b, s]) => `${seg("{" + a)}.${seg("{\"" + b)}.${s}`),
    fc.tuple(fc.json(), fc.nat(40)).map(([j, cut]) => `${seg('{"alg":"HS256"}')}.${seg(`{"a":${j}`.slice(0, Math.max(2, j.length + 5 - cut)))}.sig`),
    fc.tuple(fc.nat(20000), fc.constantFrom("{\"a\":\"", "{", "{\"x\":[")).map(([n, open]) => `${seg(open + "A".repeat(n))}.${seg(open + "[".repeat(n % 5000))}.`),
    fc.uint8Array({ maxLength: 400 }).map((b) => `ey${Buffer.from(b).toString("base64url")}.ey${Buffer.from(b.reverse()).toString("base64url")}.`),
  );
  it("never traps, in a header, a cookie or an argument", () => {
    fc.assert(
      fc.property(broken, (jwt) => {
        for (const req of [bearer(jwt), { path: "/", headers: [["host", "a"], ["cookie", `t=${jwt.replace(/;/g, "")}`]] } as Req, { path: `/?t=${encodeURIComponent(jwt)}` }]) {
          expect(Number.isFinite(inspect(h, req).score)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reads a segment that is no JSON as decoded text", () => {
    const jwt = `${seg('{"alg":"HS256"}')}.${seg("{'sub': '1' UNION SELECT password FROM users--'")}.sig`;
    expect(inspect(h, bearer(jwt)).score).toBeGreaterThanOrEqual(5);
  });
});
