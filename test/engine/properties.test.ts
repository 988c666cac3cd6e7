// Properties of the whole engine: no trap on random bytes in any part of a request
// or any body type, and (through the filter in the host emulator) the same verdict
// whatever the body chunking.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, targetsOf } from "../support/engine.js";
import { Emulator, runRequest } from "../../src/host/index.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const CONTENT_TYPES = [
  "application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b", "text/xml", "text/plain", "application/octet-stream", "multipart/form-data",
];

// Bytes that steer the parsers into their less travelled branches.
const structural = fc.constantFrom(..."{}[]\":,\\u0<>/!?-=&;%+\r\n b".split(""), "--b\r\n", "Content-Disposition: form-data; name=\"", "<![CDATA[", "<!DOCTYPE x [", "\\u00", "%u00", "%2", "&#x",
  "<!ENTITY x '", "Content-Transfer-Encoding: quoted-printable\r\n", "=\r", "..;", "\\07", "=\"\\",
  "<!--", "-->", "]]>", "<?", "?>", ";v=1/");
const noisyText = fc.array(fc.oneof(structural, fc.string({ maxLength: 4 })), { maxLength: 60 }).map((a) => a.join(""));

describe("engine properties", () => {
  it("never traps on random bodies of every content type", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CONTENT_TYPES), fc.oneof(noisyText.map((s) => Buffer.from(s)), fc.uint8Array({ maxLength: 200 })), (ct, body) => {
        const v = inspect(h, { method: "POST", headers: [["host", "h"], ["content-type", ct]], body });
        expect(v.score).toBeGreaterThanOrEqual(0);
        targetsOf(h, { method: "POST", headers: [["host", "h"], ["content-type", ct]], body });
      }),
      { numRuns: 300 },
    );
  });

  it("never traps on random paths, headers and cookies", () => {
    const printable = noisyText.map((s) => s.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c)));
    fc.assert(
      fc.property(printable, noisyText, noisyText, fc.constantFrom("GET", "POST", "X|Y", ""), (path, hv, cookie, method) => {
        const v = inspect(h, { method, path: "/" + path, headers: [["host", hv], ["cookie", cookie], ["x-any", hv], ["range", hv], ["content-type", hv]] });
        expect(v.score).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("verdict through the filter", () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await Emulator.load(readFileSync(new URL("../../build/meshwaf.wasm", import.meta.url)), { config: '{"mode":"block"}' });
  });
  const bodies: [string, string, string][] = [
    ["application/json", '{"user":"alice","note":"hello there","tags":["a","b"]}', "benign"],
    ["application/x-www-form-urlencoded", "var=%0d%0aContent-Length: 0", "attack"],
    ["application/json", '{"a": 1 OR 1=1}', "attack"],
    ["multipart/form-data; boundary=b", '--b\r\nContent-Disposition: form-data; name="fi=le"; filename="t"\r\n\r\nx\r\n--b--\r\n', "attack"],
    ["text/plain", "just some text to post", "benign"],
  ];
  for (const [ct, body, label] of bodies) {
    it(`gives one verdict for a ${label} ${ct} body in any chunking`, () => {
      const verdicts = [1, 3, 7, 64, 4096].map((chunkSize) =>
        runRequest(em, { method: "POST", path: "/submit", authority: "svc.local", headers: [["content-type", ct], ["user-agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"]], body: Buffer.from(body), chunkSize }).blocked);
      expect(new Set(verdicts).size).toBe(1);
      expect(verdicts[0]).toBe(label === "attack");
    });
  }
});
