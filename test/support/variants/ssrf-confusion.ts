// SSRF as scanners send it: an internal target (metadata, loopback, private) written in a random
// notation (dotted, integer, hex, octal, mixed, zero-padded, short forms, IPv6 compressions), hidden
// behind URL-parser confusion (userinfo with `@`, `#@`, `?@`, `\@`, encoded `%2f@` and `%23@`, a
// whitelisted host as a subdomain or a path), with random ports and paths. ssrf.ts has the fixed
// notations; this file randomises the parts and the confusion around them.
import fc from "fast-check";
import { rng, type R } from "./rng.js";


const TARGETS: [number, number, number, number][] = [[169, 254, 169, 254], [127, 0, 0, 1], [127, 0, 0, 53], [127, 1, 2, 3], [0, 0, 0, 0], [100, 100, 100, 200]];

/** One of the spellings a URL parser reads as the address a.b.c.d. */
function spell([a, b, c, d]: number[], r: R): string {
  const v = (((a << 24) >>> 0) + (b << 16) + (c << 8) + d) >>> 0;
  const hex = (x: number) => "0x" + "0".repeat(r(3)) + x.toString(16);
  const oct = (x: number) => "0" + "0".repeat(r(3)) + x.toString(8);
  const part = (x: number) => [String(x), hex(x), oct(x)][r(3)];
  switch (r(9)) {
    case 0: return `${a}.${b}.${c}.${d}`;
    case 1: return String(v);
    case 2: return "0x" + v.toString(16).padStart(8, "0");
    case 3: return "0" + v.toString(8);
    case 4: return `${part(a)}.${part(b)}.${part(c)}.${part(d)}`;
    case 5: return `${part(a)}.${(b << 16) + (c << 8) + d}`;
    case 6: return `[::ffff:${a}.${b}.${c}.${d}]`;
    case 7: return `[::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}]`;
    default: return `[0:0:0:0:0:ffff:${a}.${b}.${c}.${d}]`;
  }
}

const ALLOWED = ["example.com", "trusted.example.org", "cdn.example.net"];
const PATHS = ["/", "/latest/meta-data/", "/latest/meta-data/iam/security-credentials/", "/computeMetadata/v1/", "/admin", "/server-status", "/metrics", "/v2/keys"];

/** The confusions that make a filter see the allowed host and the fetcher the internal one. */
function confuse(host: string, allowed: string, r: R): string {
  switch (r(8)) {
    case 0: return `${allowed}@${host}`;
    case 1: return `${allowed}:${80 + r(9000)}@${host}`;
    case 2: return `${host}#@${allowed}`;
    case 3: return `${host}?@${allowed}`;
    case 4: return `${allowed}%2f@${host}`;
    case 5: return `${host}%23@${allowed}`;
    case 6: return `${host}${host.includes("]:") || /^[^\[]*:/.test(host) ? "" : `:${80 + r(9000)}`}\\@${allowed}`;
    default: return host;
  }
}

export const ssrfConfused: fc.Arbitrary<string> = fc.tuple(fc.nat(), fc.nat(TARGETS.length - 1), fc.constantFrom("http://", "https://", "HTTP://", "//", "http:\\\\", "gopher://")).map(([seed, t, scheme]) => {
  const r = rng(seed);
  const host = spell(TARGETS[t], r) + (r(3) === 0 ? `:${[80, 8080, 6379, 2375, 10250][r(5)]}` : "");
  return scheme + confuse(host, ALLOWED[r(ALLOWED.length)], r) + PATHS[r(PATHS.length)];
});

/** Public URLs with the same shapes: userinfo, fragments, ports, numbers in paths. (An `@` in the first path
 *  segment, medium.com/@jane/post, is read as a host hidden behind an encoded slash: rule 6103, left as it is.) */
export const ssrfConfusedBenign: fc.Arbitrary<string> = fc.tuple(fc.nat(), fc.constantFrom("http://", "https://")).map(([seed, scheme]) => {
  const r = rng(seed);
  const allowed = ALLOWED[r(ALLOWED.length)];
  return scheme + [`user@${allowed}`, `${allowed}#top`, `${allowed}:${80 + r(9000)}`, `${allowed}/169.254.169.254.html`, `${allowed}?next=/127.0.0.1`][r(5)] + PATHS[r(PATHS.length)];
});
