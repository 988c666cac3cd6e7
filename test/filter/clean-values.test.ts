// The filter remembers header and cookie values it found clean (engine/clean-values.ts) and skips
// them on later requests. Remembering must never change a verdict: each request gets exactly the
// findings a fresh engine (the harness build, which starts empty on every call) gives it, whatever
// came before, and a value whose finding was hidden (by an exclusion or by a rule that had already
// matched in the request) is not remembered as clean.
import { beforeAll, describe, expect, it } from "vitest";
import { runRequest, type RequestSpec } from "../../src/host/index.js";
import { filterRules, harnessRules, loadFilter, sampleCorpus } from "../support/filter.js";
import { loadHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
const XSS_UA = "Mozilla/5.0 <script>alert(document.domain)</script>";

describe("clean header and cookie values remembered across requests", () => {
  it("leave every verdict of the corpus sample as a fresh engine gives it, in two orders", async () => {
    const em = await loadFilter({ mode: "detect" });
    const sample = sampleCorpus();
    const orders = [sample, [...sample].reverse()];
    let compared = 0;
    for (const order of orders) {
      for (const spec of order) {
        expect(filterRules(em, spec), `${spec.method} ${spec.path}`).toEqual(harnessRules(h, spec));
        compared++;
      }
    }
    expect(compared).toBe(2 * sample.length);
  });

  it("still find an attack in a header value after requests that carried it cleanly elsewhere", async () => {
    const em = await loadFilter({ mode: "block" });
    const clean = { method: "GET", path: "/", authority: "svc.local", headers: [["user-agent", UA], ["cookie", "theme=dark"]] as [string, string][] };
    expect(runRequest(em, clean).blocked).toBe(false);
    expect(runRequest(em, clean).blocked).toBe(false);
    const attack = { ...clean, headers: [["user-agent", XSS_UA], ["cookie", "theme=<script>alert(1)</script>"]] as [string, string][] };
    expect(runRequest(em, attack).blocked).toBe(true);
    expect(runRequest(em, attack).blocked).toBe(true);
  });

  it("give every header value a fresh engine's verdict at and past the longest length remembered (256 bytes)", async () => {
    const em = await loadFilter({ mode: "detect" });
    for (const length of [255, 256, 257, 400, 600]) {
      const padded = (tail: string) => UA + " " + "x".repeat(length - UA.length - 1 - tail.length) + tail;
      const clean = { method: "GET", path: "/", authority: "svc.local", headers: [["user-agent", padded("")], ["x-note", padded("")]] as [string, string][] };
      expect(clean.headers[0][1].length).toBe(length);
      for (let i = 0; i < 3; i++) expect(filterRules(em, clean), `clean ${length}`).toEqual([]);
      const attack = { ...clean, headers: [["user-agent", padded(XSS_UA)], ["x-note", padded("")]] as [string, string][] };
      expect(attack.headers[0][1].length).toBe(length);
      const rules = filterRules(em, attack);
      expect(rules, `attack ${length}`).toEqual(harnessRules(h, attack));
      expect(rules.length, `attack ${length}`).toBeGreaterThan(0);
      for (let i = 0; i < 2; i++) expect(filterRules(em, clean), `clean again ${length}`).toEqual([]);
    }
  });

  it("do not remember a value whose finding an exclusion dropped", async () => {
    const em = await loadFilter({ mode: "block", exclusions: [{ categories: ["xss"], pathPrefix: "/internal" }] });
    const at = (path: string) => ({ method: "GET", path, authority: "svc.local", headers: [["user-agent", XSS_UA]] as [string, string][] });
    expect(runRequest(em, at("/internal/a")).blocked).toBe(false);
    expect(runRequest(em, at("/internal/a")).blocked).toBe(false);
    expect(runRequest(em, at("/public")).blocked).toBe(true);
  });

  it("do not remember a value whose finding repeated one already made in the request", async () => {
    const em = await loadFilter({ mode: "detect" });
    const payload = "<script>alert(document.domain)</script>";
    const both = { method: "GET", path: "/?q=" + encodeURIComponent(payload), authority: "svc.local", headers: [["user-agent", payload]] as [string, string][] };
    const first = filterRules(em, both);
    expect(first.length).toBeGreaterThan(0);
    const onlyHeader = { method: "GET", path: "/", authority: "svc.local", headers: [["user-agent", payload]] as [string, string][] };
    expect(filterRules(em, onlyHeader)).toEqual(harnessRules(h, onlyHeader));
    expect(filterRules(em, onlyHeader).length).toBeGreaterThan(0);
  });

  it("judge a session id parameter by each request's Referer, however often its name came before", async () => {
    const em = await loadFilter({ mode: "detect" });
    const sameSite = { method: "GET", path: "/app?PHPSESSID=abc123", authority: "svc.local", headers: [["referer", "https://svc.local/home"]] as [string, string][] };
    expect(filterRules(em, sameSite)).toEqual([]);
    expect(filterRules(em, sameSite)).toEqual([]);
    const noReferer = { method: "GET", path: "/app?PHPSESSID=abc123", authority: "svc.local", headers: [] as [string, string][] };
    expect(filterRules(em, noReferer)).toEqual(harnessRules(h, noReferer));
    expect(filterRules(em, noReferer)).toContain(16003);
  });

  it("remember an argument value per argument name and origin", async () => {
    const em = await loadFilter({ mode: "detect" });
    const url = "http://203.0.113.9/shell.txt";
    const asQuery = { method: "GET", path: "/?q=" + encodeURIComponent(url), authority: "svc.local", headers: [] as [string, string][] };
    const asInclude = { method: "GET", path: "/?include=" + encodeURIComponent(url), authority: "svc.local", headers: [] as [string, string][] };
    const first = filterRules(em, asQuery);
    expect(first).toEqual(harnessRules(h, asQuery));
    filterRules(em, asQuery);
    expect(filterRules(em, asInclude)).toEqual(harnessRules(h, asInclude));
    expect(harnessRules(h, asInclude)).not.toEqual(first);
  });

  it("read a form value with its name again when the same value arrives under a name that breaks out", async () => {
    const em = await loadFilter({ mode: "detect" });
    const form = (body: string) => ({ method: "POST", path: "/login", authority: "svc.local", headers: [["content-type", "application/x-www-form-urlencoded"]] as [string, string][], body: Buffer.from(body) });
    const plain = form("user=1");
    expect(filterRules(em, plain)).toEqual([]);
    filterRules(em, plain);
    const pair = form("'admin' or '1'='1");
    expect(filterRules(em, pair)).toEqual(harnessRules(h, pair));
    expect(filterRules(em, pair).length).toBeGreaterThan(0);
  });

  it("leave out argument pairs found clean and still read each other value as a fresh engine does", async () => {
    const em = await loadFilter({ mode: "detect" });
    const get = (query: string) => ({ method: "GET", path: "/search?" + query, authority: "svc.local", headers: [] as [string, string][] });
    const clean = get("a=1&lang=en&page=2");
    for (let i = 0; i < 3; i++) expect(filterRules(em, clean)).toEqual([]);
    // the same names with attacks, and the clean values under names of their own
    for (const query of ["a=1&lang=en&page=2%20union%20select%20password%20from%20users", "a=1&lang=%3Cscript%3Ealert(1)%3C/script%3E&page=2", "a=1&q=en&lang=1%20or%201%3D1"]) {
      expect(filterRules(em, get(query)), query).toEqual(harnessRules(h, get(query)));
      expect(filterRules(em, get(query)).length, query).toBeGreaterThan(0);
    }
    // A value is read with its name, the target just before it. `'admin', '1'` and `'1'` are clean alone and a
    // tautology as one pair; here the second `'admin', '1'` is a repeat (not added again), so its value
    // follows the clean pair a=1, not the first `'admin', '1'`, which a left-out pair must not change.
    const fillers = Array.from({ length: 16 }, (_, i) => `f${i}=${i}`).join("&");
    const name = encodeURIComponent("'admin', '1'");
    const split = get(`${fillers}&${name}&a=1&${name}=%271%27`);
    expect(harnessRules(h, get(`${name}=%271%27`))).toContain(2025);
    for (let i = 0; i < 3; i++) expect(filterRules(em, split)).toEqual(harnessRules(h, split));
    expect(harnessRules(h, split)).not.toContain(2025);
  });

  it("remember percent-encoded query and form values by their raw bytes and still find attacks under the same names", async () => {
    // (the block-mode filter stops inspecting at the threshold: its findings are compared in detect mode)
    const blocking = await loadFilter({ mode: "block" });
    const em = await loadFilter({ mode: "detect" });
    const get = (query: string) => ({ method: "GET", path: "/api/items?" + query, authority: "svc.local", headers: [] as [string, string][] });
    const form = (body: string) => ({ method: "POST", path: "/api/items", authority: "svc.local", headers: [["content-type", "application/x-www-form-urlencoded"]] as [string, string][], body: Buffer.from(body) });
    for (const make of [get, form]) {
      const clean = make("fields=id%2Cname&since=2024-01-01T10%3A00&q=red+shoes");
      for (let i = 0; i < 3; i++) {
        expect(filterRules(em, clean), clean.path).toEqual([]);
        expect(runRequest(blocking, clean).blocked, clean.path).toBe(false);
      }
      for (const attack of [
        // the same names with attacks
        "fields=id%2Cname%20union%20select%20password%20from%20users&since=2024-01-01T10%3A00&q=red+shoes",
        "fields=id%2Cname&since=2024-01-01T10%3A00%27%20or%20%271%27%3D%271&q=red+shoes",
        "fields=id%2Cname&since=2024-01-01T10%3A00&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        // raw bytes that differ from the clean ones only in how they are encoded: a double encoding
        // decodes to the clean value's raw bytes, a `+` or `%2B` to a space or a plus
        "fields=id%252Cname%2527%2520or%25201%253D1--&since=2024-01-01T10%3A00&q=red+shoes",
        "fields=id%2Cname&since=2024-01-01T10%3A00&q=red%2Bshoes%27+or+%271%27%3D%271",
        "fields=id%2Cname&since=2024-01-01T10%3A00&q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E",
      ]) {
        const req = make(attack);
        expect(filterRules(em, req), attack).toEqual(harnessRules(h, req));
        expect(runRequest(blocking, req).blocked, attack).toBe(true);
      }
      expect(runRequest(blocking, clean).blocked).toBe(false);
      expect(filterRules(em, clean)).toEqual([]);
    }
  });

  it("leave out a path found clean and still find an attack in a path one byte or one escape apart", async () => {
    const em = await loadFilter({ mode: "detect" });
    const blocking = await loadFilter({ mode: "block" });
    const get = (path: string) => ({ method: "GET", path, authority: "svc.local", headers: [["accept", "application/json"]] as [string, string][] });
    const clean = get("/api/v1/orders/4821/items/summary.json?page=2");
    const attacks = [
      "/api/v1/orders/4821/items/../../../etc/shadow?page=2",
      "/api/v1/orders/4821/items/summary.json%00.php?page=2",
      "/api/v1/orders/4821'%20OR%20'1'='1/items?page=2",
      "/api/v1/orders/4821/items/%2e%2e/%2e%2e/%2e%2e/etc/shadow?page=2",
    ];
    for (let i = 0; i < 40; i++) {
      expect(filterRules(em, clean)).toEqual(harnessRules(h, clean));
      expect(runRequest(blocking, clean).blocked).toBe(false);
    }
    for (const path of attacks) {
      for (let i = 0; i < 2; i++) {
        expect(filterRules(em, get(path)), path).toEqual(harnessRules(h, get(path)));
        expect(runRequest(blocking, get(path)).blocked, path).toBe(true);
        expect(runRequest(blocking, clean).blocked).toBe(false);
      }
    }
  });

  it("leave out JSON members found clean and still find an attack in any member", async () => {
    const em = await loadFilter({ mode: "detect" });
    const post = (body: object) => ({ method: "POST", path: "/api/notes", authority: "svc.local", headers: [["content-type", "application/json"]] as [string, string][], body: Buffer.from(JSON.stringify(body)) });
    const clean = post({ user: "bob", tags: ["a", "b"], note: { title: "hello", lang: "en" } });
    for (let i = 0; i < 3; i++) expect(filterRules(em, clean)).toEqual([]);
    for (const body of [
      { user: "bob", tags: ["a", "b"], note: { title: "<script>alert(1)</script>", lang: "en" } },
      { user: "bob' or '1'='1", tags: ["a", "b"], note: { title: "hello", lang: "en" } },
      { user: "bob", tags: ["a", "../../../../etc/passwd"], note: { title: "hello", lang: "en" } },
      { user: "bob", tags: ["a", "b"], note: { title: "hello", lang: "en", "$where": "sleep(1000)" } },
    ]) {
      expect(filterRules(em, post(body)), JSON.stringify(body)).toEqual(harnessRules(h, post(body)));
      expect(filterRules(em, post(body)).length, JSON.stringify(body)).toBeGreaterThan(0);
    }
    expect(filterRules(em, clean)).toEqual([]);
  });

  it("pass a token found clean again, and read one that differs in a byte or arrives in another header", async () => {
    const em = await loadFilter({ mode: "detect" });
    const blocking = await loadFilter({ mode: "block" });
    const seg = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const sig = "c2lnbmF0dXJl".repeat(4);
    const header = seg({ alg: "RS256", typ: "JWT" });
    const req = (name: string, jwt: string) => ({ method: "GET", path: "/api/orders", authority: "svc.local", headers: [[name, `Bearer ${jwt}`]] as [string, string][] });
    const clean = `${header}.${seg({ sub: "u1", role: "reader" })}.${sig}`;
    const attack = `${header}.${seg({ sub: "u1", role: "'or 1=1--" })}.${sig}`;
    const unsigned = `${seg({ alg: "none", typ: "JWT" })}.${seg({ sub: "u1", role: "reader" })}.`;
    for (let i = 0; i < 20; i++) {
      expect(filterRules(em, req("authorization", clean))).toEqual([]);
      expect(runRequest(blocking, req("authorization", clean)).blocked).toBe(false);
    }
    for (const [name, jwt] of [["authorization", attack], ["authorization", unsigned], ["x-forwarded-authorization", attack], ["authorization", clean.slice(0, -1)]]) {
      for (let i = 0; i < 2; i++) {
        expect(filterRules(em, req(name, jwt)), `${name} ${jwt}`).toEqual(harnessRules(h, req(name, jwt)));
        expect(runRequest(blocking, req("authorization", clean)).blocked).toBe(false);
      }
    }
    expect(runRequest(blocking, req("authorization", attack)).blocked).toBe(true);
  });

  it("remember credentials by their raw bytes and still read any that differ in the scheme, a byte or the header", async () => {
    const em = await loadFilter({ mode: "detect" });
    const blocking = await loadFilter({ mode: "block" });
    const req = (name: string, value: string) => ({ method: "GET", path: "/api/orders", authority: "svc.local", headers: [[name, value]] as [string, string][] });
    const b64 = (s: string) => Buffer.from(s).toString("base64");
    const clean = [["authorization", `Basic ${b64("svc-reader:s3cret-pass")}`], ["authorization", "Bearer sk_live_4f9a8b7c6d5e"], ["proxy-authorization", `Basic ${b64("proxy:pw")}`]];
    const attacks = [
      ["authorization", `Basic ${b64("admin' or '1'='1:x")}`],
      ["authorization", `Basic ${b64("svc-reader:<script>alert(1)</script>")}`],
      ["authorization", "Bearer sk_live_4f9a' OR 1=1--"],
      ["authorization", `Bearer ${b64("<script>alert(document.domain)</script>")}`],
      ["proxy-authorization", `Basic ${b64("proxy:pw;cat /etc/passwd")}`],
      ["authorization", `basic ${b64("admin' or '1'='1:x")}`],
    ];
    for (let i = 0; i < 20; i++) for (const [name, value] of clean) {
      expect(filterRules(em, req(name, value))).toEqual([]);
      expect(runRequest(blocking, req(name, value)).blocked).toBe(false);
    }
    for (const [name, value] of attacks) {
      for (let i = 0; i < 2; i++) {
        const rules = filterRules(em, req(name, value));
        expect(rules, `${name}: ${value}`).toEqual(harnessRules(h, req(name, value)));
        expect(rules.length, `${name}: ${value}`).toBeGreaterThan(0);
        for (const [n, v] of clean) expect(runRequest(blocking, req(n, v)).blocked).toBe(false);
      }
    }
  });

  it("read each token's claims and header again where they differ from tokens found clean", async () => {
    const em = await loadFilter({ mode: "detect" });
    const seg = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const sig = "c2lnbmF0dXJl".repeat(4);
    const req = (jwt: string) => ({ method: "GET", path: "/api/orders", authority: "svc.local", headers: [["authorization", `Bearer ${jwt}`]] as [string, string][] });
    const header = seg({ alg: "RS256", typ: "JWT", kid: "k1" });
    // ordinary tokens of one issuer: the same header, the same scope, a new subject each
    for (let i = 0; i < 40; i++) expect(filterRules(em, req(`${header}.${seg({ iss: "https://id.svc.local", sub: `u${i}`, scope: "read write" })}.${sig}`))).toEqual([]);
    const attacks = [
      `${header}.${seg({ iss: "https://id.svc.local", sub: "1' OR '1'='1", scope: "read write" })}.${sig}`, // a claim of its own
      `${header}.${seg({ iss: "https://id.svc.local", sub: "u1", scope: "read write", picture: "http://169.254.169.254/latest/meta-data/" })}.${sig}`,
      `${header}.${seg({ iss: "https://id.svc.local", sub: "u1", scope: "read\u0027 OR \u00271\u0027=\u00271" })}.${sig}`,
      `${seg({ alg: "none", typ: "JWT", kid: "k1" })}.${seg({ iss: "https://id.svc.local", sub: "u2", scope: "read write" })}.`, // unsigned
      `${seg({ alg: "RS256", typ: "JWT", kid: "../../../dev/null" })}.${seg({ iss: "https://id.svc.local", sub: "u3", scope: "read write" })}.${sig}`,
    ];
    for (const jwt of attacks) {
      expect(filterRules(em, req(jwt))).toEqual(harnessRules(h, req(jwt)));
      expect(filterRules(em, req(jwt)).length).toBeGreaterThan(0);
    }
    // and the unsigned one again after its header was seen (it is never remembered)
    expect(filterRules(em, req(attacks[3]))).toContain(16004);
  });
});
