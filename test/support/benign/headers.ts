// Request headers services set on east-west calls, with generated values.
import fc from "fast-check";
import { pick } from "../variants/positions.js";
import { camel, hex, host, ident, int, small, timestamp, uuid } from "./words.js";
import { url } from "./locators.js";

/** [name, value] pairs of headers meshes and clients commonly send. */
export const meshHeader: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.tuple(hex, hex).map(([t, s]): [string, string] => ["traceparent", `00-${t.padEnd(32, "0")}-${s.padEnd(16, "0")}-01`]),
  fc.array(fc.tuple(camel, fc.oneof(ident, int)), { minLength: 1, maxLength: 3 }).map((xs): [string, string] => ["baggage", xs.map(([k, v]) => `${k}=${v}`).join(",")]),
  fc.tuple(ident, hex).map(([v, x]): [string, string] => ["tracestate", `${v}=${x},congo=t61rcWkgMzE`]),
  fc.tuple(url, small).map(([u, n]): [string, string] => ["link", `<${u}>; rel="next", <${u.replace(/\?.*$/, "")}?page=${n}>; rel="last"`]),
  pick(["return=representation", "respond-async, wait=10", "return=minimal"]).map((v): [string, string] => ["prefer", v]),
  fc.tuple(hex).map(([e]): [string, string] => ["if-none-match", `W/"${e}"`]),
  timestamp.map((t): [string, string] => ["if-modified-since", new Date(t).toUTCString()]),
  fc.tuple(ident, pick(["pdf", "csv", "png"])).map(([f, e]): [string, string] => ["content-disposition", `attachment; filename="${f}.${e}"`]),
  uuid.map((u): [string, string] => ["x-request-id", u]),
  fc.tuple(int, int).map(([a, b]): [string, string] => ["x-forwarded-for", `10.${Number(a) % 256}.${Number(b) % 256}.7, 192.168.1.${Number(a) % 250}`]),
  host.map((h): [string, string] => ["x-forwarded-host", h]),
  pick(["no-cache", "max-age=0, must-revalidate", "no-cache, no-store, must-revalidate", "max-stale=30"]).map((v): [string, string] => ["cache-control", v]),
  pick(["en-US,en;q=0.9,de;q=0.8", "fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5"]).map((v): [string, string] => ["accept-language", v]),
  fc.tuple(ident, fc.nat(9), fc.nat(30)).map(([n, a, b]): [string, string] => ["user-agent", `${n}/${a}.${b} (linux; amd64) grpc-go/1.${b}.0`]),
  small.map((n): [string, string] => ["grpc-timeout", `${n}S`]),
  fc.tuple(int, int).map(([a, b]): [string, string] => ["range", `bytes=${a}-${Number(a) + Number(b)}`]),
);
