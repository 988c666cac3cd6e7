// The filter's configuration through the host: invalid ones refuse the plugin with an error
// naming the field, valid ones take effect, reconfiguration and root teardown never trap.
import { describe, expect, it } from "vitest";
import { runRequest } from "../../src/host/index.js";
import { loadFilter, SQLI_GET } from "../support/filter.js";

describe("plugin configuration", () => {
  const refused: [string, string][] = [
    ['{"mode":"monitor"}', "mode: must be one of block, detect"],
    ['{"paranoiaLevel":9}', "paranoiaLevel: must be <= 4"],
    ['{"bodyLimit":"1MiB"}', "bodyLimit: must be an integer"],
    ['{"exclusions":[{"ruleIds":[2001],"method":"post"}]}', "exclusions.0.method: "],
    ['{"blocking":true}', 'configuration: unknown field "blocking"'],
    ['{"mode":"block"', "configuration: invalid JSON"],
    ["[1,2]", "configuration: must be an object"],
    // messages the release build stores as UTF-8 (scripts/pack-reasons.js), whole
    ['{"logAllowed":1}', "logAllowed: must be a boolean"],
    ['{"mode" "block"}', "configuration: invalid JSON at byte 8: expected ':'"],
    ['{"mode":"block"', "configuration: invalid JSON at byte 15: expected ',' or '}'"],
    ['{"a":"\\q"}', "configuration: invalid JSON at byte 7: invalid escape"],
    ['{"exclusions":[{"ruleIds":[2001],"pathPrefix":"api"}]}', 'exclusions.0.pathPrefix: must start with "/"'],
    ['{"exclusions":[{"ruleIds":[2001],"target":"query"}]}', "exclusions.0.target: must be path, body or args|json|header|cookie|xml|jwt|files|multipart|grpc:NAME (args:NAME names query and form fields)"],
  ];
  for (const [config, message] of refused) {
    it(`refuses ${config} naming the field`, async () => {
      const em = await loadFilter(config);
      expect(em.configured).toBe(false);
      expect(em.failed).toBe(false);
      const errors = em.logs.filter((l) => l.level === "error").map((l) => l.message);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(`meshwaf: invalid configuration: ${message}`);
      expect(em.metric("meshwaf_errors_total")).toBe(1n);
    });
  }

  for (const config of ["", "{}", " \n", '{"mode":"detect","paranoiaLevel":2,"exclusions":[{"categories":["xss"],"pathPrefix":"/wiki"}]}']) {
    it(`accepts ${JSON.stringify(config)}`, async () => {
      const em = await loadFilter(config);
      expect(em.configured).toBe(true);
      expect(em.logs.filter((l) => l.level === "error")).toEqual([]);
    });
  }

  // What the CLI refuses (test/config/exclusions.test.ts) but a hand-written WasmPlugin may hold: the
  // filter runs the configuration and warns once per problem, naming the exclusion.
  it("warns about an unknown rule id, and keeps the rules the exclusion does not name", async () => {
    const em = await loadFilter({ exclusions: [{ ruleIds: [1052, 94100] }, { ruleIds: [2001], target: "header:x a" }] });
    expect(em.configured).toBe(true);
    expect(em.logs.filter((l) => l.level === "warn").map((l) => l.message)).toEqual([
      "meshwaf: configuration warning: exclusions.0.ruleIds: unknown rule id 1052",
      "meshwaf: configuration warning: exclusions.0.ruleIds: unknown rule id 94100",
      'meshwaf: configuration warning: exclusions.1.target: "header:x a" can never match',
    ]);
    expect(em.logs.filter((l) => l.level === "error")).toEqual([]);
    // (an exclusion of unknown ids only is no exclusion of every rule)
    expect(runRequest(em, { path: SQLI_GET }).status).toBe(403);
  });

  // (the release build stores the literals of its log lines as UTF-8: scripts/pack-reasons.js)
  it("logs what it runs with", async () => {
    const em = await loadFilter({ mode: "detect", paranoiaLevel: 2, anomalyThreshold: 7 });
    expect(em.logs.filter((l) => l.level === "info").map((l) => l.message)).toContain("meshwaf: configured, mode detect, paranoia level 2, anomaly threshold 7");
  });

  it("warns about nothing in a configuration the CLI accepts", async () => {
    const em = await loadFilter({ exclusions: [{ ruleIds: [2001, 17006], host: "api.svc", pathPrefix: "/v1", method: "POST", target: "header:User-Agent" }] });
    expect(em.logs.filter((l) => l.level === "warn")).toEqual([]);
  });

  it("applies a new configuration to later requests", async () => {
    const em = await loadFilter({ mode: "block" });
    expect(runRequest(em, { path: SQLI_GET }).status).toBe(403);
    expect(em.reconfigure({ mode: "detect" })).toBe(true);
    expect(runRequest(em, { path: SQLI_GET }).status).toBe(200);
    expect(em.reconfigure({ mode: "block", blockStatus: 451 })).toBe(true);
    expect(runRequest(em, { path: SQLI_GET }).status).toBe(451);
    expect(em.failed).toBe(false);
  });

  it("keeps the running configuration when a new one is refused", async () => {
    const em = await loadFilter({ mode: "block" });
    expect(em.reconfigure({ mode: "off" })).toBe(false);
    expect(runRequest(em, { path: SQLI_GET }).status).toBe(403);
    expect(em.failed).toBe(false);
  });

  it("survives the root context's on_done and on_delete (shutdown), with and without traffic", async () => {
    for (const traffic of [0, 3]) {
      const em = await loadFilter("{}");
      for (let i = 0; i < traffic; i++) runRequest(em, { path: i % 2 ? SQLI_GET : "/?q=hello" });
      em.shutdown();
      expect(em.failed).toBe(false);
      expect(em.failure).toBeUndefined();
    }
  });

  it("defines its metrics once, at configuration", async () => {
    const em = await loadFilter("{}");
    const names = [...em.metrics.keys()];
    expect(names).toEqual(expect.arrayContaining([
      "meshwaf_requests_total", "meshwaf_blocked_total", "meshwaf_errors_total", "meshwaf_body_over_limit_total",
      "meshwaf_detected_total.category.sqli", "meshwaf_detected_total.category.other",
    ]));
    expect(names.filter((n) => n.startsWith("meshwaf_detected_total."))).toHaveLength(17);
    em.reconfigure({ mode: "detect" });
    expect([...em.metrics.keys()].sort()).toEqual(names.sort());
  });
});
