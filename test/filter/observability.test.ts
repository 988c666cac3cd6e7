// What the filter tells operators: one JSON decision line per request through proxy_log at
// the configured level, and Envoy counters.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { runRequest } from "../../src/host/index.js";
import { decisions, loadFilter, sampleCorpus, SQLI_GET } from "../support/filter.js";

// rule id ranges (docs/ARCHITECTURE.md)
const CATEGORY_OF_THOUSAND = ["", "protocol", "sqli", "xss", "rce", "lfi", "rfi", "ssrf", "java", "php", "nodejs", "ssti", "nosql", "ldap", "xxe", "scanner", "session", "other"];

const source = { address: "10.0.0.7:41234", principal: "spiffe://cluster.local/ns/shop/sa/frontend" };

describe("decision log", () => {
  it("logs a blocked request with who, what and why", async () => {
    const em = await loadFilter("{}");
    const out = runRequest(em, { path: SQLI_GET, authority: "records.svc", headers: [["x-request-id", "log-1"]], source });
    expect(out.logs).toHaveLength(1);
    expect(out.logs[0].level).toBe("info");
    const line = decisions(out.logs)[0];
    expect(line).toMatchObject({
      request_id: "log-1", authority: "records.svc", method: "GET", path: SQLI_GET,
      source_address: "10.0.0.7:41234", source_principal: "spiffe://cluster.local/ns/shop/sa/frontend",
      verdict: "blocked", mode: "block", categories: ["sqli"],
    });
    expect(line.score).toBeGreaterThanOrEqual(5);
    expect(line.rules).toEqual(line.matches.map((m: { rule: number }) => m.rule));
    expect(line.matches[0].target).toMatch(/^args:id/);
    expect(line.matches[0].fragment.length).toBeGreaterThan(0);
  });

  it("gives every match a reason, in every category (the release build drops rule descriptions)", async () => {
    const em = await loadFilter('{"mode":"detect"}');
    const categories = new Set<string>();
    let matches = 0;
    for (const spec of sampleCorpus()) {
      for (const line of decisions(runRequest(em, spec).logs)) {
        for (const m of line.matches as { rule: number; reason: string }[]) {
          expect(m.reason, `rule ${m.rule}`).not.toBe("");
          matches++;
        }
        for (const c of line.categories as string[]) categories.add(c);
      }
    }
    expect(matches).toBeGreaterThan(300);
    expect(categories.size).toBeGreaterThanOrEqual(12);
  });

  it("escapes control characters and truncates long fragments and paths, one line per decision", async () => {
    const em = await loadFilter("{}");
    const payload = "1'\n\t\u0001 OR '1'='1" + " or 1=1".repeat(100);
    const path = "/?id=" + encodeURIComponent(payload) + "&pad=" + "p".repeat(1000);
    const out = runRequest(em, { method: "POST", path, headers: [["content-type", "text/plain"]], body: "x" });
    expect(out.status).toBe(403);
    const raw = out.logs[0].message;
    expect(raw).not.toMatch(/[\u0000-\u001f\u007f]/);
    const line = JSON.parse(raw);
    expect(line.path.length).toBeLessThanOrEqual(256 + 3);
    expect(line.path.endsWith("...")).toBe(true);
    for (const m of line.matches) expect(m.fragment.length).toBeLessThanOrEqual(64 + 3);
  });

  it("writes paths and source identities as JSON text that reads back as sent (quotes, backslashes, UTF-8)", async () => {
    const em = await loadFilter("{}");
    for (const path of ['/a"b\\c/?q=1%27%20OR%20%271%27=%271', "/caf\u00e9/\u{1f600}?id=1%27%20OR%201=1--", "/plain/?id=1%27%20OR%201=1--"]) {
      const principal = `spiffe://cluster.local/ns/"x"/sa/\\${path.length}`;
      const out = runRequest(em, { path, headers: [["x-request-id", "p-1"]], source: { address: "10.1.2.3:5", principal } });
      const line = JSON.parse(out.logs[0].message);
      expect(line.path).toBe(path);
      expect(line.source_address).toBe("10.1.2.3:5");
      expect(line.source_principal).toBe(principal);
    }
  });

  it("writes any request id as valid JSON that reads back as the id (truncated to 128 UTF-16 units)", async () => {
    const em = await loadFilter("{}");
    const id = fc.string({ unit: fc.oneof(fc.constantFrom("\"", "\\", "\u2028", "\u007f", "é", "😀", "\u0001"), fc.constantFrom("a", "Z", "-", "'"), fc.integer({ min: 0x20, max: 0xfffd }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCharCode(c))), maxLength: 200 });
    fc.assert(fc.property(id, (requestId) => {
      const out = runRequest(em, { path: SQLI_GET, headers: [["x-request-id", requestId]] });
      const line = JSON.parse(out.logs[0].message);
      let n = requestId.length;
      let expected = requestId;
      if (n > 128) {
        n = 128;
        if ((requestId.charCodeAt(n - 1) & 0xfc00) === 0xd800) n--;
        expected = requestId.slice(0, n) + "...";
      }
      expect(line.request_id).toBe(expected);
      expect(JSON.parse(new TextDecoder().decode(out.localReply!.body)).request_id).toBe(expected);
    }), { numRuns: 200 });
  });

  it("logs clean requests only with logAllowed", async () => {
    const quiet = await loadFilter("{}");
    expect(runRequest(quiet, { path: "/?q=hello" }).logs).toEqual([]);
    const chatty = await loadFilter({ logAllowed: true });
    const line = decisions(runRequest(chatty, { path: "/?q=hello", headers: [["x-request-id", "ok-1"]] }).logs)[0];
    expect(line).toMatchObject({ request_id: "ok-1", verdict: "allowed", score: 0, rules: [], matches: [] });
  });

  it("logs at the configured level, and nothing when the host's level is above it", async () => {
    const warn = await loadFilter({ logLevel: "warn" });
    expect(runRequest(warn, { path: SQLI_GET }).logs.map((l) => l.level)).toEqual(["warn"]);
    const hidden = await loadFilter({ logLevel: "debug" }, { logLevel: "info" });
    const out = runRequest(hidden, { path: SQLI_GET });
    expect(out.status).toBe(403);
    expect(out.logs).toEqual([]);
  });

  it("names each category once, in the order of its first match, in the log line and the block body", async () => {
    // xss in the first argument, sqli in the second, xss again in the third: not the categories' own order
    const path = "/?a=" + encodeURIComponent("<script>alert(1)</script>") + "&b=" + encodeURIComponent("1' OR '1'='1") +
      "&c=" + encodeURIComponent("<img src=x onerror=alert(2)>");
    const detect = await loadFilter('{"mode":"detect"}');
    const line = decisions(runRequest(detect, { path }).logs)[0];
    const firstSeen: string[] = [];
    for (const m of line.matches as { rule: number }[]) {
      const c = CATEGORY_OF_THOUSAND[Math.floor(m.rule / 1000)];
      if (!firstSeen.includes(c)) firstSeen.push(c);
    }
    expect(line.categories).toEqual(firstSeen);
    expect(line.categories.slice(0, 2)).toEqual(["xss", "sqli"]);
    expect(Number.isInteger(line.score) && line.score >= 10).toBe(true);
    expect(detect.metric("meshwaf_detected_total.category.xss")).toBe(1n);
    expect(detect.metric("meshwaf_detected_total.category.sqli")).toBe(1n);
    expect(detect.metric("meshwaf_detected_total.category.lfi")).toBe(0n);

    const block = await loadFilter("{}");
    const out = runRequest(block, { path, headers: [["x-request-id", "cat-1"]] });
    expect(out.status).toBe(403);
    const logged = decisions(out.logs)[0];
    const body = JSON.parse(out.responseBody.toString("utf8"));
    expect(body).toEqual({ error: "forbidden", request_id: "cat-1", rules: logged.rules, categories: logged.categories });
    expect(logged.categories[0]).toBe("xss");
  });

  it("takes the request id from x-request-id only, not from names of the same length and ends", async () => {
    const em = await loadFilter("{}");
    const alike = [["x-requesd-id", "no-1"], ["x-request-ie", "no-2"], ["x-request-i", "no-3"], ["y-request-id", "no-4"]] as [string, string][];
    const none = decisions(runRequest(em, { path: SQLI_GET, headers: alike }).logs)[0];
    expect(none.request_id).not.toMatch(/^no-/); // the id the host (as Envoy) made up
    const one = decisions(runRequest(em, { path: SQLI_GET, headers: [...alike, ["x-request-id", "yes-1"]] }).logs)[0];
    expect(one.request_id).toBe("yes-1");
  });

  it("names no request id for a request without one, after a request that had one", async () => {
    const em = await loadFilter("{}");
    const first = decisions(runRequest(em, { path: SQLI_GET, headers: [["x-request-id", "had-1"]] }).logs)[0];
    expect(first.request_id).toBe("had-1");
    const out = runRequest(em, { path: SQLI_GET, generateRequestId: false });
    expect(decisions(out.logs)[0].request_id).toBe("");
    expect(JSON.parse(new TextDecoder().decode(out.localReply!.body)).request_id).toBe("");
  });

  it("reports an oversized body as body-too-large", async () => {
    const em = await loadFilter({ bodyLimit: 10 });
    const out = runRequest(em, { method: "POST", path: "/u", headers: [["content-type", "text/plain"], ["x-request-id", "tl"]], body: "z".repeat(11) });
    expect(decisions(out.logs)).toEqual([expect.objectContaining({ request_id: "tl", verdict: "body-too-large" })]);
  });
});

describe("metrics", () => {
  it("counts requests, blocks and detections per category", async () => {
    const em = await loadFilter("{}");
    runRequest(em, { path: "/?q=hello" });
    runRequest(em, { path: SQLI_GET });
    runRequest(em, { method: "POST", path: "/login", headers: [["content-type", "application/json"]], body: `{"user":"admin' --"}` });
    expect(em.metric("meshwaf_requests_total")).toBe(3n);
    expect(em.metric("meshwaf_blocked_total")).toBe(2n);
    expect(em.metric("meshwaf_detected_total.category.sqli")).toBe(2n);
    expect(em.metric("meshwaf_detected_total.category.xss")).toBe(0n);
    expect(em.metric("meshwaf_errors_total")).toBe(0n);
  });
});
