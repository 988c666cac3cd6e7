// The filter hands a request the previous request's buffer for a common header whose value has the
// same bytes (filter/collect.ts), instead of a copy. A request must still be judged on its own bytes:
// a value that differs in one byte, in length, or only under another name is its own.
import { beforeAll, describe, expect, it } from "vitest";
import { runRequest, type RequestSpec } from "../../src/host/index.js";
import { filterRules, harnessRules, loadFilter } from "../support/filter.js";
import { loadHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const get = (headers: [string, string][]): RequestSpec => ({ method: "GET", path: "/", authority: "svc.local", headers });

// Same length, different bytes in the middle (the comparison must read them all).
const CLEAN = "Mozilla/5.0 (X11; Linux x86_64) Firefox/126.0 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
const XSS = "Mozilla/5.0 (X11; Linux x86_64) <script>alert(document.domain)</script>".padEnd(CLEAN.length, "x");
const CRLF = "Mozilla/5.0 (X11; Linux x86_64) Firefox/126.0 xxxxxxxxxxxxxxx\r\nSet-Cookie: a=b";

describe("header values shared from request to request", () => {
  it("are judged on their own bytes: one byte, one length or one name apart", async () => {
    expect(XSS.length).toBe(CLEAN.length);
    const em = await loadFilter({ mode: "detect" });
    // each request's headers, and whether anything is found in them
    const sequence: [[string, string][], boolean][] = [
      [[["user-agent", CLEAN], ["accept", "text/html"]], false],
      [[["user-agent", CLEAN], ["accept", "text/html"]], false],
      [[["user-agent", XSS], ["accept", "text/html"]], true],
      [[["user-agent", CLEAN], ["accept", "text/html<svg onload=alert(1)>"]], true],
      [[["user-agent", CLEAN.slice(0, -1)], ["accept", "text/html"]], false],
      [[["user-agent", CLEAN + "x"], ["accept", "text/html"]], false],
      [[["user-agent", CRLF], ["accept", "text/html"]], true],
      [[["user-agent", CLEAN], ["referer", XSS]], true],
      [[["user-agent", XSS], ["referer", CLEAN]], true],
      [[["user-agent", CLEAN], ["referer", CLEAN]], false],
      [[["user-agent", XSS], ["accept", "text/html"]], true],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [headers, found] of sequence) {
        const rules = filterRules(em, get(headers));
        expect(rules, JSON.stringify(headers)).toEqual(harnessRules(h, get(headers)));
        expect(rules.length > 0, JSON.stringify(headers)).toBe(found);
      }
    }
  });

  it("block an attack in a value right after the same header carried a clean one", async () => {
    const em = await loadFilter({ mode: "block" });
    for (let i = 0; i < 3; i++) {
      expect(runRequest(em, get([["user-agent", CLEAN]])).blocked).toBe(false);
      expect(runRequest(em, get([["user-agent", XSS]])).blocked).toBe(true);
    }
  });
});
