// Requests through the filter in the host: block and detect modes, bodies in chunks,
// bodies over the limit, the reply, and what reaches the upstream.
import { describe, expect, it } from "vitest";
import { runRequest, type RequestSpec } from "../../src/host/index.js";
import { loadFilter, SQLI_GET } from "../support/filter.js";

const JSON_CT: [string, string][] = [["content-type", "application/json"]];

describe("block mode", () => {
  it("answers a SQL injection in the query with 403 and a JSON body naming the request id", async () => {
    const em = await loadFilter("{}");
    const out = runRequest(em, { path: SQLI_GET, headers: [["x-request-id", "req-42"]] });
    expect(out.blocked).toBe(true);
    expect(out.status).toBe(403);
    expect(out.forwardedHeaders).toBeUndefined();
    const reply = out.localReply!;
    expect(reply.headers).toContainEqual(["content-type", "application/json"]);
    const body = JSON.parse(reply.body.toString());
    expect(body).toMatchObject({ error: "forbidden", request_id: "req-42", categories: ["sqli"] });
    expect(body.rules.length).toBeGreaterThan(0);
    expect(body.rules.every((id: number) => id >= 2000 && id < 3000)).toBe(true);
  });

  it("passes ordinary requests byte-exact", async () => {
    const em = await loadFilter("{}");
    const body = '{"user":"alice","password":"correct horse battery staple"}';
    const specs: RequestSpec[] = [
      { path: "/?q=hello" },
      { method: "POST", path: "/login", headers: JSON_CT, body, chunkSize: 10 },
      { method: "PUT", path: "/records/7", headers: [["content-type", "application/octet-stream"]], body: Buffer.from([0, 255, 1, 254, 10, 13]) },
    ];
    for (const spec of specs) {
      const out = runRequest(em, spec);
      expect(out.blocked).toBe(false);
      expect(out.status).toBe(200);
      expect(out.forwardedComplete).toBe(true);
      expect(out.forwardedBody).toEqual(Buffer.from(spec.body ?? ""));
      expect(out.forwardedHeaders).toContainEqual([":path", spec.path]);
    }
  });

  it("blocks a JSON login body without any body byte reaching the upstream", async () => {
    const em = await loadFilter("{}");
    const out = runRequest(em, {
      method: "POST", path: "/login", headers: [...JSON_CT, ["x-request-id", "login-1"]], body: `{"user":"admin' --"}`, chunkSize: 4,
    });
    expect(out.status).toBe(403);
    expect(out.forwardedBody.length).toBe(0);
    expect(out.forwardedComplete).toBe(false);
    expect(JSON.parse(out.localReply!.body.toString()).request_id).toBe("login-1");
  });

  it("sees a payload split across two body chunks", async () => {
    const em = await loadFilter("{}");
    const body = `{"note":"${"a".repeat(40)}","user":"x' OR '1'='1"}`;
    const cut = body.indexOf("OR") + 1; // the boundary falls inside the injection
    const out = runRequest(em, { method: "POST", path: "/notes", headers: JSON_CT, body, chunkSize: cut });
    expect(out.status).toBe(403);
    expect(out.forwardedBody.length).toBe(0);
  });

  it("uses the configured status and body, with the request id substituted and escaped", async () => {
    const em = await loadFilter({ blockStatus: 418, blockBody: '{"denied":"{request_id}"}' });
    const out = runRequest(em, { path: SQLI_GET, headers: [["x-request-id", 'id"1']] });
    expect(out.status).toBe(418);
    expect(JSON.parse(out.localReply!.body.toString())).toEqual({ denied: 'id"1' });
    const text = await loadFilter({ blockBody: "no ({request_id})" });
    const out2 = runRequest(text, { path: SQLI_GET, headers: [["x-request-id", "r7"]] });
    expect(out2.localReply!.body.toString()).toBe("no (r7)");
    expect(out2.localReply!.headers).toContainEqual(["content-type", "text/plain; charset=utf-8"]);
  });

  it("substitutes every {request_id} of the configured body, and none when it has none", async () => {
    for (const [blockBody, expected] of [
      ["{request_id}:{request_id} {request_id", "r7:r7 {request_id"],
      ["{request_id}{request_id}", "r7r7"],
      ["denied", "denied"],
      ["{request_ID} {request_id}}", "{request_ID} r7}"],
    ]) {
      const em = await loadFilter({ blockBody });
      const out = runRequest(em, { path: SQLI_GET, headers: [["x-request-id", "r7"]] });
      expect(out.localReply!.body.toString()).toBe(expected);
    }
  });
});

describe("detect mode", () => {
  it("lets attacks through, counts and logs them", async () => {
    const em = await loadFilter({ mode: "detect" });
    const out = runRequest(em, { method: "POST", path: "/login", headers: JSON_CT, body: `{"user":"admin' --"}` });
    expect(out.blocked).toBe(false);
    expect(out.status).toBe(200);
    expect(out.forwardedBody.toString()).toBe(`{"user":"admin' --"}`);
    expect(em.metric("meshwaf_detected_total.category.sqli")).toBe(1n);
    expect(em.metric("meshwaf_blocked_total")).toBe(0n);
    expect(out.logs.map((l) => JSON.parse(l.message).verdict)).toEqual(["detected"]);
    expect(out.logs.map((l) => JSON.parse(l.message).mode)).toEqual(["detect"]);
  });
});

describe("body limit", () => {
  const big = `{"pad":"${"x".repeat(5000)}","user":"admin' --"}`; // the attack lies past the limit

  it("rejects a body over the limit with 413 (reject)", async () => {
    const em = await loadFilter({ bodyLimit: 1000 });
    const out = runRequest(em, { method: "POST", path: "/upload", headers: [...JSON_CT, ["x-request-id", "big-1"]], body: big, chunkSize: 512 });
    expect(out.status).toBe(413);
    expect(JSON.parse(out.localReply!.body.toString())).toEqual({ error: "payload too large", request_id: "big-1" });
    expect(out.forwardedBody.length).toBe(0);
    expect(em.metric("meshwaf_body_over_limit_total")).toBe(1n);
  });

  it("accepts a body of exactly the limit", async () => {
    const em = await loadFilter({ bodyLimit: 1000 });
    const out = runRequest(em, { method: "POST", path: "/upload", headers: [["content-type", "text/plain"]], body: "y".repeat(1000), chunkSize: 300 });
    expect(out.status).toBe(200);
    expect(out.forwardedBody.length).toBe(1000);
  });

  it("inspects the prefix and passes the rest (inspect-partial)", async () => {
    const em = await loadFilter({ bodyLimit: 1000, bodyLimitAction: "inspect-partial", logAllowed: true });
    const out = runRequest(em, { method: "POST", path: "/upload", headers: JSON_CT, body: big, chunkSize: 512 });
    expect(out.status).toBe(200);
    expect(out.forwardedBody.toString()).toBe(big);
    expect(JSON.parse(out.logs[0].message)).toMatchObject({ verdict: "allowed", body_truncated: true });

    const early = `{"user":"admin' --","pad":"${"x".repeat(5000)}"}`; // the attack lies inside the prefix
    const blocked = runRequest(em, { method: "POST", path: "/upload", headers: JSON_CT, body: early, chunkSize: 512 });
    expect(blocked.status).toBe(403);
  });
});

describe("streams at once", () => {
  it("keeps each stream's request apart when their callbacks interleave", async () => {
    const em = await loadFilter("{}");
    const post = (path: string) => [[":method", "POST"], [":path", path], [":authority", "svc"], ["content-type", "application/json"]] as [string, string][];
    const attack = em.newStream();
    const benign = em.newStream();
    const late = em.newStream();
    // headers of all three, then the bodies in another order, then one stream ends before the others' bodies
    em.onRequestHeaders(attack, post("/a"), false);
    em.onRequestHeaders(benign, post("/b"), false);
    em.onRequestHeaders(late, post("/c"), false);
    em.onRequestBody(benign, Buffer.from('{"note":"hello'), false);
    em.onRequestBody(attack, Buffer.from(`{"id":"1' OR '1'='1`), false);
    em.onRequestBody(benign, Buffer.from(' there"}'), true);
    em.finishStream(benign);
    em.onRequestBody(late, Buffer.from('{"q":"<script>alert(1)</script>"}'), true);
    em.onRequestBody(attack, Buffer.from('"}'), true);
    em.finishStream(late);
    em.finishStream(attack);
    expect(benign.localReply).toBeUndefined();
    expect(attack.localReply?.status).toBe(403);
    expect(JSON.parse(attack.localReply!.body.toString()).categories).toEqual(["sqli"]);
    expect(late.localReply?.status).toBe(403);
    expect(JSON.parse(late.localReply!.body.toString()).categories).toEqual(["xss"]);
    expect(em.activeStreams).toBe(0);
    expect(em.failed).toBe(false);
  });
});
