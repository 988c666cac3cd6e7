// Protocol-attack probes as they reach the filter after Envoy has parsed the request (header
// names lower-cased, values without raw CR/LF): framing headers (obfuscated or listed codings,
// duplicate or malformed lengths), h2c upgrade attempts,
// method overrides in headers and parameters that reach a verb the route forbids, access-control
// bypass headers naming an admin path, unkeyed cache-poisoning headers carrying markup or a foreign
// host, encoded CR/LF or NUL in header values, and oversized header or argument floods. Next to
// them the benign shapes: HTML forms that tunnel PUT/PATCH/DELETE through `_method` (Rails, Laravel),
// keep-alive and WebSocket upgrades, ordinary forwarding headers (an ingress that strips a path prefix
// names the original path in X-Original-URI / X-Forwarded-Uri).
// Left out: `Connection` naming end-to-end headers (Envoy drops Connection from every request that is
// no upgrade) and header floods (Envoy answers over 100 headers itself).
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";

const pick = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const word = (r: R, n = 5) => Array.from({ length: n }, () => String.fromCharCode(0x61 + r(26))).join("");
const mix = (r: R, s: string) => [...s].map((c) => (r(3) === 0 ? c.toUpperCase() : c)).join("");
const host: [string, string] = ["host", "svc.local"];
const ua: [string, string] = ["user-agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"];
const foreign = (r: R) => `${pick(r, ["evil", "attacker", "oast", "cache" + r(99), "x" + r(999)])}.${pick(r, ["example", "example.net", "test", "invalid"])}`;
const ADMIN = ["/admin", "/admin/users", "/actuator/env", "/manager/html", "/console", "/internal/config", "/.env", "/admin/delete?user=" + "carlos", "/server-status", "/_admin"];

const get = (path: string, headers: [string, string][]): Req => ({ method: "GET", path, headers: [host, ua, ...headers] });
const post = (path: string, headers: [string, string][], body: string): Req => ({ method: "POST", path, headers: [host, ua, ["content-type", "application/x-www-form-urlencoded"], ...headers], body });

/**
 * Framing headers of a body request: listed or obfuscated codings, repeated or malformed lengths. Envoy
 * itself answers most of these (it frames by chunked alone and drops Transfer-Encoding before the
 * filters); they stay here so a host that passes them still meets the framing rule.
 */
const framing = (r: R): Req => {
  const te = pick(r, [
    `${mix(r, "chunked")}, ${pick(r, ["identity", "gzip", "cow", "x"])}`, `${pick(r, ["gzip", "deflate", "identity"])}, chunked`, "chunked;q=1", "chunked, chunked", "xchunked",
    "chunk", "chunked\t", " chunked", "\"chunked\"", "chunkedx", "identity", "compress", "chunkd",
  ]);
  switch (r(3)) {
    case 0: return post("/api/" + word(r), [["transfer-encoding", te]], `a=${r(99)}`);
    case 1: return post("/" + word(r), [["content-length", String(r(50) + 1)], ["content-length", String(r(50) + 60)]], "a=1");
    default: return post("/" + word(r), [["content-length", pick(r, ["+5", "5 ", "0x5", "5, 5", "-1", "5a", "05 6"])]], "a=1");
  }
};

/** h2c upgrade requests (a proxy that forwards them hands the stream to the back end unfiltered). */
const h2c = (r: R): Req => get(pick(r, ["/", "/admin", "/" + word(r)]), [
  ["upgrade", pick(r, ["h2c", "H2C", "h2c, websocket"])],
  ["http2-settings", pick(r, ["AAMAAABkAARAAAAAAAIAAAAA", "AAMAAABkAAQCAAAAAAIAAAAA", ""])],
  ...(r(2) ? [["connection", pick(r, ["Upgrade, HTTP2-Settings", "upgrade"])] as [string, string]] : []),
]);

const VERBS = ["DELETE", "PUT", "PATCH", "TRACE", "CONNECT", "PROPFIND", "MOVE", "delete", "put"];

/** Method overrides in headers or parameters. */
const override = (r: R): Req => {
  const verb = pick(r, VERBS);
  switch (r(3)) {
    case 0: return get(`/api/${word(r)}/${r(999)}`, [[pick(r, ["x-http-method-override", "x-method-override", "x-http-method"]), verb]]);
    case 1: return get(`/api/${word(r)}/${r(999)}?${pick(r, ["_method", "__method", "_METHOD", "_Method"])}=${verb}`, []);
    default: return post(`/api/${word(r)}`, [[pick(r, ["x-http-method-override", "x-method-override"]), verb]], `id=${r(99)}`);
  }
};

/** Front-end path rewriting headers naming admin paths (IIS/Symfony/nginx rewrites). */
const rewrite = (r: R): Req => get(pick(r, ["/", "/" + word(r), "/public/index"]), [[pick(r, ["x-original-url", "x-rewrite-url", "x-forwarded-uri", "x-original-uri"]), pick(r, ADMIN)]]);

/** Unkeyed headers a cache does not key on, carrying markup or a foreign host. */
const poison = (r: R): Req => {
  const name = pick(r, ["x-forwarded-host", "x-host", "x-forwarded-prefix", "x-forwarded-scheme"]);
  const markup = [`"><script>alert(${r(99)})</script>`, `${foreign(r)}"><img src=x onerror=alert(1)>`, `/${word(r)}"><svg onload=alert(1)>`];
  const v = pick(r, name === "x-forwarded-scheme" ? markup : [...markup, `//${foreign(r)}/`, `http://${foreign(r)}/`, `${foreign(r)}/${word(r)}`]);
  return get(pick(r, ["/", "/static/app.js", "/" + word(r)]), [[name, v]]);
};

/** Encoded CR/LF or NUL in a header value (decoded by the applications that log or reflect it). */
const headerCtl = (r: R): Req => get("/" + word(r), [[pick(r, ["x-forwarded-for", "referer", "x-" + word(r, 4), "x-request-id", "accept-language"]),
  `${pick(r, ["en", "1.2.3.4", "abc"])}${pick(r, ["%0d%0a", "%0a", "%00", "%0D%0A", "%E5%98%8A"])}${pick(r, ["Set-Cookie: a=b", "X-Injected: 1", "Location: //" + foreign(r)])}`]]);

/** Argument floods (Envoy itself answers more than 100 headers or 60 KiB of them with 431). */
const flood = (r: R): Req => get("/?" + Array.from({ length: 260 + r(200) }, (_, i) => `a${i}=${r(9)}`).join("&"), []);

export const PROBES = { framing, h2c, override, rewrite, poison, headerCtl, flood } as const;
export type ProbeKind = keyof typeof PROBES;

export const protocolProbe = (kinds: readonly ProbeKind[] = Object.keys(PROBES) as ProbeKind[]): fc.Arbitrary<{ kind: ProbeKind; req: Req }> =>
  fc.nat().map((seed) => {
    const r = rng(seed);
    const kind = pick(r, kinds);
    return { kind, req: PROBES[kind](r) };
  });

/** Benign look-alikes: forms that tunnel verbs through `_method`, keep-alive, WebSocket, plain forwarding headers. */
export const protocolBenign: fc.Arbitrary<{ req: Req }> = fc.nat().map((seed) => {
  const r = rng(seed);
  const tok = "csrf" + word(r, 10);
  let req: Req;
  switch (r(9)) {
    case 0: req = post(`/${pick(r, ["posts", "users", "articles"])}/${r(999)}`, [], `_method=${pick(r, ["PUT", "PATCH", "DELETE", "put", "patch", "delete"])}&_token=${tok}&title=${word(r)}`); break;
    case 1: req = post(`/${pick(r, ["posts", "users"])}/${r(999)}`, [], `utf8=%E2%9C%93&_method=${pick(r, ["patch", "delete"])}&authenticity_token=${tok}`); break;
    case 2: req = get("/" + word(r), [["connection", pick(r, ["keep-alive", "close", "Keep-Alive", "Upgrade"])]]); break;
    case 3: req = get("/ws", [["connection", "Upgrade"], ["upgrade", "websocket"], ["sec-websocket-version", "13"], ["sec-websocket-key", "dGhlIHNhbXBsZSBub25jZQ=="]]); break;
    case 4: req = get("/" + word(r), [["x-forwarded-proto", "https"], ["x-forwarded-host", pick(r, ["svc.local", "shop.example.com, svc.local:8443", "[2001:db8::1]:443"])], ["x-forwarded-prefix", pick(r, ["/api", "/v1/app", ""])], ["x-forwarded-for", `203.0.113.${r(255)}, 10.0.0.${r(255)}`]]); break;
    case 8: {
      const p = `/${word(r)}/${r(99)}${r(2) ? "?page=" + r(9) : ""}`;
      req = get(p, [[pick(r, ["x-original-uri", "x-forwarded-uri", "x-original-url"]), pick(r, ["", "/api", "/v1/" + word(r, 3)]) + p]]);
      break;
    }
    case 5: req = post("/upload", [["transfer-encoding", pick(r, ["chunked", "Chunked"])]], "a=1"); break;
    case 6: req = get(`/api/items?method=${pick(r, ["card", "paypal", "bank"])}&sort=${pick(r, ["asc", "desc"])}`, []); break;
    default: req = get(`/docs/${pick(r, ["x-http-method-override", "method-override", "h2c"])}`, [["referer", "https://svc.local/admin"]]); break;
  }
  return { req };
});
