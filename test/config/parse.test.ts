// The filter's configuration parser (assembly/config/) against the schema: every case states
// whether the configuration is valid and which field the error names, and ajv's validateConfig
// (src/config/schema.ts) must agree on every case — the schema is the one source of truth. What the
// CLI alone refuses (an exclusion that can never apply) the filter runs with a warning in the same
// words (test/config/exclusions.test.ts).
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";
import { cliConfigError as ajvError } from "../support/config.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});


// [configuration, field the error names (null: valid)]
const cases: [unknown, string | null][] = [
  [{}, null],
  [{ mode: "block" }, null],
  [{ mode: "detect" }, null],
  [{ mode: "monitor" }, "mode"],
  [{ mode: 1 }, "mode"],
  [{ paranoiaLevel: 1 }, null],
  [{ paranoiaLevel: 4 }, null],
  [{ paranoiaLevel: 0 }, "paranoiaLevel"],
  [{ paranoiaLevel: 5 }, "paranoiaLevel"],
  [{ paranoiaLevel: 2.5 }, "paranoiaLevel"],
  [{ paranoiaLevel: 5e-324 }, "paranoiaLevel"],
  [{ paranoiaLevel: 1e-7 }, "paranoiaLevel"],
  [{ bodyLimit: 1e21 }, "bodyLimit"],
  [{ bodyLimit: 1.7976931348623157e308 }, "bodyLimit"],
  [{ paranoiaLevel: "2" }, "paranoiaLevel"],
  [{ anomalyThreshold: 1 }, null],
  [{ anomalyThreshold: 1000 }, null],
  [{ anomalyThreshold: 1001 }, "anomalyThreshold"],
  [{ anomalyThreshold: null }, "anomalyThreshold"],
  [{ bodyLimit: 0 }, null],
  [{ bodyLimit: 67108864 }, null],
  [{ bodyLimit: 67108865 }, "bodyLimit"],
  [{ bodyLimit: -1 }, "bodyLimit"],
  [{ bodyLimitAction: "reject" }, null],
  [{ bodyLimitAction: "inspect-partial" }, null],
  [{ bodyLimitAction: "truncate" }, "bodyLimitAction"],
  [{ blockStatus: 400 }, null],
  [{ blockStatus: 599 }, null],
  [{ blockStatus: 399 }, "blockStatus"],
  [{ blockStatus: 600 }, "blockStatus"],
  [{ blockBody: "" }, null],
  [{ blockBody: "denied {request_id}" }, null],
  [{ blockBody: "x".repeat(65536) }, null],
  [{ blockBody: "x".repeat(65537) }, "blockBody"],
  [{ blockBody: "\u{1F600}".repeat(65536) }, null], // maxLength counts code points, not UTF-16 units
  [{ blockBody: 403 }, "blockBody"],
  [{ logLevel: "trace" }, null],
  [{ logLevel: "critical" }, null],
  [{ logLevel: "warning" }, "logLevel"],
  [{ logAllowed: true }, null],
  [{ logAllowed: "true" }, "logAllowed"],
  [{ disabledCategories: [] }, null],
  [{ disabledCategories: ["sqli", "xss", "other"] }, null],
  [{ disabledCategories: ["sqli", "sqli"] }, "disabledCategories"],
  [{ disabledCategories: ["sql"] }, "disabledCategories.0"],
  [{ disabledCategories: "sqli" }, "disabledCategories"],
  [{ exclusions: [] }, null],
  [{ exclusions: [{ ruleIds: [2001] }] }, null],
  [{ exclusions: [{ categories: ["xss"], host: "wiki.svc", pathPrefix: "/edit", method: "POST", target: "json:page.body" }] }, null],
  [{ exclusions: [{ ruleIds: [1001], target: "path" }, { ruleIds: [2001], target: "body" }] }, null],
  [{ exclusions: [{ ruleIds: [2001], target: "header:user-agent" }] }, null],
  [{ exclusions: [{ ruleIds: [2001], target: "jwt:payload.sub" }] }, null],
  [{ exclusions: [{}] }, "exclusions.0"],
  [{ exclusions: [{ host: "a" }] }, "exclusions.0"],
  [{ exclusions: [{ ruleIds: [] }] }, "exclusions.0.ruleIds"],
  [{ exclusions: [{ ruleIds: [0] }] }, "exclusions.0.ruleIds.0"],
  [{ exclusions: [{ ruleIds: [1.5] }] }, "exclusions.0.ruleIds.0"],
  [{ exclusions: [{ ruleIds: [1], categories: [] }] }, "exclusions.0.categories"],
  [{ exclusions: [{ categories: ["sqli", "sqli"] }] }, null], // only disabledCategories is uniqueItems
  [{ exclusions: [{ ruleIds: [1], host: "" }] }, "exclusions.0.host"],
  [{ exclusions: [{ ruleIds: [1], pathPrefix: "api" }] }, "exclusions.0.pathPrefix"],
  // an HTTP method token (RFC 9110), in upper case: methods are case-sensitive
  [{ exclusions: [{ ruleIds: [2001], method: "M-SEARCH" }] }, null],
  [{ exclusions: [{ ruleIds: [2001], method: "VERSION-CONTROL" }] }, null],
  [{ exclusions: [{ ruleIds: [2001], method: "BASELINE-CONTROL" }] }, null],
  [{ exclusions: [{ ruleIds: [2001], method: "MKCALENDAR" }] }, null],
  [{ exclusions: [{ ruleIds: [2001], method: "X_CUSTOM.1~!#$%&'*+^`|" }] }, null],
  [{ exclusions: [{ ruleIds: [1], method: "post" }] }, "exclusions.0.method"],
  [{ exclusions: [{ ruleIds: [1], method: "Get" }] }, "exclusions.0.method"],
  [{ exclusions: [{ ruleIds: [1], method: "M SEARCH" }] }, "exclusions.0.method"],
  [{ exclusions: [{ ruleIds: [1], method: "GET/1" }] }, "exclusions.0.method"],
  [{ exclusions: [{ ruleIds: [1], method: "GET:" }] }, "exclusions.0.method"],
  [{ exclusions: [{ ruleIds: [1], method: "PÜT" }] }, "exclusions.0.method"],
  [{ exclusions: [{ ruleIds: [1], method: "" }] }, "exclusions.0.method"],
  [{ exclusions: [{ ruleIds: [1], method: "GET\n" }] }, "exclusions.0.method"],
  [{ exclusions: [{ ruleIds: [1], target: "args:" }] }, "exclusions.0.target"],
  [{ exclusions: [{ ruleIds: [1], target: "query:id" }] }, "exclusions.0.target"],
  [{ exclusions: [{ ruleIds: [1], target: "args:a\nb" }] }, "exclusions.0.target"],
  // form fields are args:NAME targets: a form: exclusion would match nothing
  [{ exclusions: [{ ruleIds: [1], target: "form:q" }] }, "exclusions.0.target"],
  [{ exclusions: [{ ruleIds: [1], why: "x" }] }, "exclusions.0"],
  [{ exclusions: [{ ruleIds: [1] }, "x"] }, "exclusions.1"],
  [{ exclusions: {} }, "exclusions"],
  [{ paranoia: 2 }, "configuration"],
  [[], "configuration"],
  ["block", "configuration"],
  [null, "configuration"],
  [42, "configuration"],
];

describe("plugin configuration parser", () => {
  for (const [config, field] of cases) {
    const json = JSON.stringify(config);
    it(`${json.slice(0, 90)} -> ${field ?? "ok"}`, () => {
      const got = h.callString("parseConfig", json);
      const ajv = ajvError(config);
      if (field === null) {
        expect(got).toBe("ok");
        expect(ajv).toBeNull();
      } else {
        expect(got.startsWith(`${field}: `)).toBe(true);
        expect(ajv).not.toBeNull();
        expect(ajv).toContain(`${field}: `);
      }
    });
  }

  it("treats an empty or blank configuration as the defaults", () => {
    const defaults = h.callString("parsedConfigSummary", "{}");
    expect(JSON.parse(defaults)).toEqual({
      block: true, paranoiaLevel: 1, anomalyThreshold: 5, bodyLimit: 1048576, bodyLimitReject: true,
      blockStatus: 403, hasBlockBody: false, logLevel: 2, logAllowed: false, disabledCategories: 0, exclusions: 0,
    });
    expect(h.callString("parsedConfigSummary", "")).toBe(defaults);
    expect(h.callString("parsedConfigSummary", " \n\t")).toBe(defaults);
  });

  it("reads the values it accepts", () => {
    const json = JSON.stringify({
      mode: "detect", paranoiaLevel: 3, anomalyThreshold: 10, bodyLimit: 4096, bodyLimitAction: "inspect-partial",
      blockStatus: 429, blockBody: "no", logLevel: "warn", logAllowed: true, disabledCategories: ["xss", "rce"],
      exclusions: [{ ruleIds: [1] }],
    });
    expect(JSON.parse(h.callString("parsedConfigSummary", json))).toEqual({
      block: false, paranoiaLevel: 3, anomalyThreshold: 10, bodyLimit: 4096, bodyLimitReject: false,
      blockStatus: 429, hasBlockBody: true, logLevel: 3, logAllowed: true, disabledCategories: 2, exclusions: 1,
    });
  });

  it("reads every JSON spelling of a number by its value, as JSON.parse does", () => {
    for (const ok of ['{"paranoiaLevel":2.0}', '{"anomalyThreshold":1e1}', '{"anomalyThreshold":5E+0}', '{"anomalyThreshold":500e-2}', '{"bodyLimit":-0}']) {
      expect(h.callString("parseConfig", ok), ok).toBe("ok");
    }
    for (const bad of ['{"paranoiaLevel":2.000001}', '{"anomalyThreshold":1e-400}', '{"anomalyThreshold":1e400}', '{"paranoiaLevel":25e-1}']) {
      expect(h.callString("parseConfig", bad), bad).toMatch(/^(paranoiaLevel|anomalyThreshold): /);
    }
  });

  it("lets the last of duplicate members win, as JSON.parse does", () => {
    expect(h.callString("parseConfig", '{"mode":"x","mode":"detect"}')).toBe("ok");
    expect(h.callString("parseConfig", '{"mode":"detect","mode":"x"}')).toMatch(/^mode: /);
  });

  const malformed = [
    "{", "}", '{"mode":}', '{"mode":"block",}', "{'mode':'block'}", '{"mode":"block"} x', '{"a\u0001":1}',
    '{"mode":"\\x"}', '{"bodyLimit":01}', '{"bodyLimit":1.}', '{"bodyLimit":-}', "[".repeat(100000), "nul", "\u00ff",
  ];
  for (const text of malformed) {
    it(`rejects malformed JSON ${JSON.stringify(text.slice(0, 30))}`, () => {
      expect(h.callString("parseConfig", text)).toMatch(/^configuration: invalid JSON at byte \d+/);
    });
  }

  it("decodes string escapes like JSON.parse", () => {
    expect(h.callString("parseConfig", '{"mode":"\\u0062lock"}')).toBe("ok");
    expect(h.callString("parseConfig", '{"exclusions":[{"ruleIds":[1],"target":"args:\\u2028"}]}')).toMatch(/^exclusions\.0\.target: /);
  });

  it("agrees with ajv on random configurations", () => {
    const category = fc.constantFrom("sqli", "xss", "rce", "other", "SQLI", "nope");
    const anyValue = fc.oneof(fc.integer({ min: -5, max: 70000000 }), fc.double({ noNaN: true }), fc.string(), fc.boolean(), fc.constant(null));
    const exclusion = fc.record(
      {
        ruleIds: fc.oneof(fc.array(fc.oneof(fc.constantFrom(1001, 2001, 17006, 1052, 94100), fc.integer({ min: -2, max: 99999 })), { maxLength: 3 }), anyValue),
        categories: fc.oneof(fc.array(category, { maxLength: 3 }), anyValue),
        host: fc.oneof(fc.string({ maxLength: 4 }), anyValue),
        pathPrefix: fc.oneof(fc.constantFrom("/", "/api", "api"), anyValue),
        method: fc.oneof(fc.constantFrom("GET", "get", "POST1", ""), anyValue),
        target: fc.oneof(
          fc.constantFrom("path", "body", "args:id", "json:", "cookie:s", "x:y", "header:User-Agent", "header:a b", "json:a[0].b",
            "jwt:payload.sub", "jwt:sub", "xml:a/b", "args:a%5Bb%5D", "cookie:a=b", "args:a*b", "args:a*"),
          anyValue,
        ),
        extra: anyValue,
      },
      { requiredKeys: [] },
    );
    const config = fc.record(
      {
        mode: fc.oneof(fc.constantFrom("block", "detect", "x"), anyValue),
        paranoiaLevel: fc.oneof(fc.integer({ min: 0, max: 5 }), anyValue),
        anomalyThreshold: fc.oneof(fc.integer({ min: 0, max: 1001 }), anyValue),
        bodyLimit: anyValue,
        bodyLimitAction: fc.oneof(fc.constantFrom("reject", "inspect-partial"), anyValue),
        blockStatus: fc.oneof(fc.integer({ min: 390, max: 610 }), anyValue),
        blockBody: anyValue,
        logLevel: fc.oneof(fc.constantFrom("trace", "debug", "info", "warn", "error", "critical", "fatal"), anyValue),
        logAllowed: anyValue,
        disabledCategories: fc.oneof(fc.array(category, { maxLength: 3 }), anyValue),
        exclusions: fc.oneof(fc.array(exclusion, { maxLength: 2 }), anyValue),
        unknown: anyValue,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(config, (c) => {
        const got = h.callString("parseConfig", JSON.stringify(c));
        const ajv = ajvError(c);
        if (ajv === null) return got === "ok" && h.callString("configWarnings", JSON.stringify(c)) === "";
        if (got !== "ok") return ajv.includes(`${got.slice(0, got.indexOf(": "))}: `);
        // what the filter runs and the CLI refuses: an exclusion that can never apply, one warning for each message
        const warnings = h.callString("configWarnings", JSON.stringify(c)).split("\n");
        const messages = ajv.split("\n  - ").slice(1);
        return messages.every((m) => warnings.some((w) => m.startsWith(w))) && warnings.every((w) => messages.some((m) => m.startsWith(w)));
      }),
      { numRuns: 400 },
    );
  });
});
