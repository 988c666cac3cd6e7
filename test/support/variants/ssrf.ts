// SSRF variants: URLs to cloud metadata and loopback addresses in the notations URL parsers
// accept (dotted decimal, one integer, hex, octal, short forms, IPv6 and IPv4-mapped IPv6,
// userinfo tricks), with dangerous schemes (gopher, dict, file).
import fc from "fast-check";
import { pick } from "./positions.js";

function notations(a: number, b: number, c: number, d: number): string[] {
  const n = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
  const h = (x: number) => "0x" + x.toString(16);
  const o = (x: number) => "0" + x.toString(8);
  return [
    `${a}.${b}.${c}.${d}`, String(n), "0x" + n.toString(16), "0" + n.toString(8), `${h(a)}.${h(b)}.${h(c)}.${h(d)}`, `${o(a)}.${o(b)}.${o(c)}.${o(d)}`,
    `${a}.${b}.${(c << 8) + d}`, `[::ffff:${a}.${b}.${c}.${d}]`, `[::ffff:${((a << 8) + b).toString(16)}:${((c << 8) + d).toString(16)}]`, `[0:0:0:0:0:ffff:${a}.${b}.${c}.${d}]`,
    `${a}.${b}.${c}.${d}.nip.io`.replace(/.*/, `${a}.${b}.${c}.${d}`), `${h(a)}.${b}.${o(c)}.${d}`,
  ];
}
const METADATA = notations(169, 254, 169, 254);
const LOOPBACK = [...notations(127, 0, 0, 1), "127.1", "127.0.1", "0", "0.0.0.0", "[::1]", "[::]", "localhost", "[0:0:0:0:0:0:0:1]", "127.127.127.127", "0x7f.1"];
const OTHER = ["metadata.google.internal", "100.100.100.200", "[fd00:ec2::254]", "169.254.170.2", "192.168.0.1", "10.0.0.1"];

const metaPaths = pick(["/latest/meta-data/", "/latest/meta-data/iam/security-credentials/", "/computeMetadata/v1/instance/service-accounts/default/token", "/metadata/instance?api-version=2021-02-01", "/latest/user-data", "/v1/credentials", "/"]);
const loopPaths = pick(["/", "/admin", ":8080/actuator/env", ":6379/", ":2375/containers/json", ":10250/pods", ":9200/_cat/indices", "/server-status", ":22/"]);

const http = fc.oneof(
  fc.tuple(pick(["http://", "https://", "HTTP://", "http:\\\\", "//"]), pick(["", "", "user@", "attacker.example@", "x:y@"]), pick([...METADATA, ...OTHER.slice(0, 4)]), metaPaths).map((xs) => xs.join("")),
  fc.tuple(pick(["http://", "https://", "//"]), pick(["", "", "attacker.example@"]), pick(LOOPBACK), loopPaths).map((xs) => xs.join("")),
);
const schemes = fc.tuple(pick(["gopher://", "dict://", "ldap://", "tftp://", "sftp://", "jar:http://", "netdoc:///"]), pick([...LOOPBACK.slice(0, 6), ...METADATA.slice(0, 3), "attacker.example"]), pick([":6379/_INFO", ":11211/stats", ":25/_HELO", "/_GET%20/", ":1389/o=x", "/x"])).map((xs) => xs.join(""));
const files = pick(["file:///etc/passwd", "file://localhost/etc/passwd", "file:///proc/self/environ", "file:///c:/windows/win.ini", "FILE:///etc/shadow"]);

export const ssrfAttack: fc.Arbitrary<string> = fc.oneof({ weight: 5, arbitrary: http }, { weight: 2, arbitrary: schemes }, { weight: 1, arbitrary: files });

export const ssrfBenign: fc.Arbitrary<string> = fc.oneof(
  pick([
    "https://example.com/webhooks/order", "http://cdn.example.net/img/1.png", "https://api.partner.example/v2/callback?id=17", "192.0.2.14", "version 1.2.3.4",
    "https://10k-runners.example.org/", "Call us at 169 254 1692", "https://example.com/latest/news", "mailto:jane@example.org", "ftp.example.com",
    "https://docs.example.com/metadata/guide", "http://www.example.com:8080/", "the localhost of your dev machine", "https://github.com/org/repo",
  ]),
  fc.tuple(pick(["https://", "http://"]), pick(["example.com", "shop.example.org", "img.example.net", "api.example.io"]), pick(["/", "/a/b", "/search?q=cats", "/x.png", ":443/path"])).map((xs) => xs.join("")),
);
export const ssrfPositions = ["query", "form", "json"] as ("query" | "form" | "json")[];
import { URL_NAMES } from "./positions.js";
export const ssrfBenignNames = URL_NAMES;
