// Exclusions never silently match nothing: the CLI (src/config/schema.ts validateConfig) refuses a
// rule id the registry lacks and a condition no request can meet, naming the exclusion and giving
// a hint; the filter runs such a configuration but warns, in the same words up to the hint. Good
// exclusions pass both, and (test/filter/config.test.ts) take effect at runtime.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";
import { cliConfigError as cliError } from "../support/config.js";
import { targetHint } from "../../src/config/exclusions.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});


const filterWarnings = (config: unknown): string[] => {
  const json = JSON.stringify(config);
  expect(h.callString("parseConfig", json), "the filter runs it").toBe("ok");
  const w = h.callString("configWarnings", json);
  return w === "" ? [] : w.split("\n");
};

describe("exclusion rule ids", () => {
  const cases: [number[], number[]][] = [
    [[1052], [1052]], // removed in session 18
    [[94100], [94100]], // a typo of 4100
    [[2001, 1052, 3001, 99999], [1052, 99999]],
  ];
  for (const [ids, unknown] of cases) {
    it(`${JSON.stringify(ids)}: the CLI refuses and the filter warns about ${unknown.join(", ")}`, () => {
      const config = { exclusions: [{ categories: ["xss"] }, { ruleIds: ids, pathPrefix: "/api" }] };
      const error = cliError(config);
      for (const id of unknown) expect(error).toContain(`exclusions.1.ruleIds: unknown rule id ${id} (README's rule table lists the rules)`);
      expect(error!.split("\n")).toHaveLength(1 + unknown.length);
      expect(filterWarnings(config)).toEqual(unknown.map((id) => `exclusions.1.ruleIds: unknown rule id ${id}`));
    });
  }

  it("names a wrong type or range once, not also as an unknown id", () => {
    expect(cliError({ exclusions: [{ ruleIds: [1.5] }] })).toBe("configuration is invalid:\n  - exclusions.0.ruleIds.0: must be integer");
    expect(cliError({ exclusions: [{ ruleIds: [0] }] })).toBe("configuration is invalid:\n  - exclusions.0.ruleIds.0: must be >= 1");
  });

  it("accepts every rule of the registry", async () => {
    const rules: { id: number }[] = JSON.parse(h.callString("rulesJson"));
    expect(cliError({ exclusions: [{ ruleIds: rules.map((r) => r.id) }] })).toBeNull();
    expect(filterWarnings({ exclusions: [{ ruleIds: rules.map((r) => r.id) }] })).toEqual([]);
  });
});

describe("exclusion methods", () => {
  // methods are case-sensitive (RFC 9110), and the filter compares them so (test/filter/exclusions.test.ts)
  for (const method of ["post", "Get", "M SEARCH", "GET/1"]) {
    it(`${JSON.stringify(method)}: refused by both, in the same words`, () => {
      const config = { exclusions: [{ ruleIds: [2001], method }] };
      const error = "exclusions.0.method: must be an HTTP method in upper case (methods are case-sensitive)";
      expect(cliError(config)).toBe(`configuration is invalid:\n  - ${error}`);
      expect(h.callString("parseConfig", JSON.stringify(config))).toBe(error);
    });
  }
  for (const method of ["GET", "M-SEARCH", "VERSION-CONTROL", "BASELINE-CONTROL", "MKCALENDAR"]) {
    it(`${method}: accepted by both`, () => {
      const config = { exclusions: [{ ruleIds: [2001], method }] };
      expect(cliError(config)).toBeNull();
      expect(filterWarnings(config)).toEqual([]);
    });
  }
});

describe("exclusion conditions that can never match", () => {
  // [field, value, the hint's words]
  const bad: [string, string, string][] = [
    ["target", "header:User Agent", "header names are tokens"],
    ["target", "header:x-api-key:", "header names are tokens"],
    ["target", "header:Host", "Envoy hands the Host header over as :authority (header::authority)"],
    ["target", "header:x-*-id", "a * matches a prefix, only as the last character"],
    ["target", "cookie:session=abc", "a cookie by its name alone"],
    ["target", "cookie: session", "a cookie by its name alone"],
    ["target", "args:user%5Bid%5D", "argument names are matched percent-decoded (args:user[id]"],
    ["target", "json:items[0].name", "array elements are named by their index (json:items.0.id"],
    ["target", "json:items[].name", "array elements are named by their index"],
    ["target", "json:items.*.name", "a * matches a prefix, only as the last character"],
    ["target", "xml:order/item", "an element by its own name, not its path"],
    ["target", "xml:item @id", "an element by its own name"],
    ["target", "jwt:kid", "jwt:header.NAME and jwt:payload.PATH"],
    ["target", "jwt:payload", "jwt:header.NAME and jwt:payload.PATH"],
    ["target", "jwt:claims.*", "jwt:header.NAME and jwt:payload.PATH"],
    ["target", "multipart:content type", "a part header by its name, a token"],
    ["target", "multipart::path", "a part header by its name, a token"],
    ["target", "grpc:4[1]", "a field by its field numbers"],
    ["target", "grpc:order.id", "a field by its field numbers"],
    ["target", "grpc:4.01", "a field by its field numbers"],
    ["target", "grpc:4.", "a field by its field numbers"],
    ["target", "grpc:.4*", "a field by its field numbers"],
    ["host", "api.svc:8080", "without scheme, port or path"],
    ["host", "https://api.svc", "without scheme, port or path"],
    ["host", "::1", "without scheme, port or path"],
    ["host", "api.svc/v1", "without scheme, port or path"],
    ["pathPrefix", "/search?q=", "without query or fragment"],
    ["pathPrefix", "/docs#intro", "without query or fragment"],
    ["pathPrefix", "/wiki/Main page", "a path as sent, percent-encoded"],
  ];
  for (const [field, value, hint] of bad) {
    it(`${field} ${JSON.stringify(value)}: the CLI refuses with a hint, the filter warns`, () => {
      const config = { exclusions: [{ ruleIds: [2001] }, { ruleIds: [2002], [field]: value }] };
      const warning = `exclusions.1.${field}: "${value}" can never match`;
      const error = cliError(config);
      expect(error).toMatch(new RegExp(`^configuration is invalid:\\n  - ${escape(warning)}: .*${escape(hint)}`));
      expect(error!.split("\n")).toHaveLength(2);
      expect(filterWarnings(config)).toEqual([warning]);
    });
  }

  // names the engine gives (test/filter/config.test.ts checks that each silences its finding)
  const good: [string, string][] = [
    ["target", "path"], ["target", "body"],
    ["target", "header:user-agent"], ["target", "header:User-Agent"], ["target", "header:x-*"], ["target", "header::authority"], ["target", "header:host*"], ["target", "header:x-host"],
    ["target", "cookie:session"], ["target", "cookie:*"], ["target", "cookie:a b"],
    ["target", "args:user[name]"], ["target", "args:tags[]"], ["target", "args:a%zz"], ["target", "args:100%"],
    ["target", "json:items.0.name"], ["target", "json:items.*"], ["target", "json:$where"], ["target", "json:a[b]"],
    ["target", "xml:ns:item"], ["target", "xml:item@id"], ["target", "xml:!doctype"], ["target", "xml:?pi"],
    ["target", "jwt:header.kid"], ["target", "jwt:payload.user.bio"], ["target", "jwt:*"], ["target", "jwt:pay*"], ["target", "jwt:payload.*"],
    ["target", "files:avatar"], ["target", "files:user[photo] 2"], ["target", "files:*"],
    ["target", "multipart:content-type"], ["target", "multipart:Content-Disposition"], ["target", "multipart:content-*"], ["target", "multipart:*"],
    ["target", "grpc:4"], ["target", "grpc:4.1"], ["target", "grpc:10.2.300"], ["target", "grpc:4.*"], ["target", "grpc:4*"], ["target", "grpc:*"],
    ["host", "api.svc"], ["host", "API.Svc"], ["host", "[::1]"], ["host", "10.0.0.7"],
    ["pathPrefix", "/"], ["pathPrefix", "/wiki/Main%20page"], ["pathPrefix", "/a;v=1"],
  ];
  for (const [field, value] of good) {
    it(`${field} ${JSON.stringify(value)}: accepted by both`, () => {
      const config = { exclusions: [{ ruleIds: [2001], [field]: value }] };
      expect(cliError(config)).toBeNull();
      expect(filterWarnings(config)).toEqual([]);
    });
  }

  it("agrees with the filter on any target the schema's pattern accepts", () => {
    const piece = fc.constantFrom("a", "Z", "host", "Host", "0", "1", "42", "*", ".", "[", "]", "[0]", "[]", "%", "%5B", "%zz", "/", " ", "\t", ";", "=", ":", "@", "!", "header.", "payload.", "é");
    const target = fc.tuple(fc.constantFrom("args:", "json:", "header:", "cookie:", "xml:", "jwt:", "files:", "multipart:", "grpc:"), fc.array(piece, { minLength: 1, maxLength: 6 }))
      .map(([kind, parts]) => kind + parts.join(""));
    fc.assert(
      fc.property(target, (t) => {
        const config = { exclusions: [{ ruleIds: [2001], target: t }] };
        const warnings = filterWarnings(config);
        return targetHint(t) === null ? warnings.length === 0 : warnings.length === 1 && cliError(config)!.includes(warnings[0] + ": ");
      }),
      { numRuns: 500 },
    );
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
