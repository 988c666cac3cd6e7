// Gaps that traffic from other tools showed (test/support/variants/othertools.ts): XInclude with a
// namespace written without a scheme; remote includes cut by a trailer in a parameter of any name, and
// scripts on IP, ftp:, smb: and UNC addresses; scheme-relative internal URLs after a path segment or a
// separator; and arguments the request model must split out: a form posted without a Content-Type,
// `;` between query arguments, matrix parameters in path segments. Benign look-alikes pass.
import fc from "fast-check";
import { expect, it } from "vitest";
import { placed, NAMES, URL_NAMES } from "../support/variants/positions.js";
import { describeFamily, asPlaced } from "../support/variants/check.js";
import { inspect, targetsOf } from "../support/engine.js";
import {
  jsBreakoutCall, jsBreakoutBenign, sstiOtherEngines, sstiOtherBenign, xsltRead, textLookup, lookupBenign, xincludeDoc, xincludeBenign, rfiTrailer, rfiScriptAddress, rfiBenign, ssrfSchemeRelative, ssrfSchemeRelativeBenign, inPath,
} from "../support/variants/othertools.js";

const xmlBody = (doc: string) => ({ method: "POST", path: "/import", headers: [["host", "svc.local"], ["content-type", "application/xml"]] as [string, string][], body: doc });
const allNames = NAMES.map((_, k) => k);

describeFamily("XInclude whatever the namespace spelling", {
  blocks: [
    ["XInclude in a query, form or JSON value", placed(xincludeDoc, ["query", "form", "json"], allNames), 200],
    ["XInclude posted as XML", asPlaced(xincludeDoc.map(xmlBody)), 100],
  ],
  passes: [["other namespaces and dated paths", placed(xincludeBenign, ["query", "form", "json"], URL_NAMES), 150]],
}, (h) => {
  // other detectors may block the href or the markup: the XInclude rule itself must fire
  it("reports XInclude (14003) for every spelling of the namespace", () => {
    const docs = fc.sample(xincludeDoc, { seed: 7, numRuns: 60 });
    for (const doc of docs) {
      for (const req of [xmlBody(doc), { path: "/x", headers: [["host", "svc.local"], ["content-type", "application/json"]] as [string, string][], method: "POST", body: JSON.stringify({ doc }) }]) {
        expect(inspect(h(), req).matches.map((m) => m.id), doc).toContain(14003);
      }
    }
  });
});

describeFamily("remote includes in any parameter", {
  blocks: [
    ["a script URL cut by `?`, `#` or `?&`", placed(rfiTrailer, ["query", "form", "json", "cookie"], allNames), 300],
    ["a script on an IP, ftp:, smb: or UNC address", placed(rfiScriptAddress, ["query", "form", "json", "cookie"], allNames), 200],
  ],
  passes: [["redirects, links and file shares", placed(rfiBenign, ["query", "form", "json", "cookie"], URL_NAMES), 300]],
});

describeFamily("JS-string breakouts that call a sink optionally or as a callback", {
  blocks: [["every breakout in a query, form, JSON or cookie value", placed(jsBreakoutCall, ["query", "form", "json", "cookie"]), 300]],
  passes: [["prose and code that name the sinks", placed(jsBreakoutBenign, ["query", "form", "json", "cookie"]), 200]],
});

describeFamily("template probes for Template Toolkit, Django filters, Ruby interpolation and literal methods", {
  blocks: [["every probe wherever it is placed", placed(sstiOtherEngines, ["query", "form", "json", "cookie", "header", "path"]), 400]],
  passes: [["brackets, percentages and placeholders", placed(sstiOtherBenign, ["query", "form", "json", "cookie"]), 200]],
});

describeFamily("XSLT injection and Commons Text network lookups", {
  blocks: [
    ["a stylesheet instruction that reads", placed(xsltRead, ["query", "form", "json", "cookie"]), 200],
    ["a dns: or url: lookup", placed(textLookup, ["query", "form", "json", "cookie", "header"]), 200],
  ],
  passes: [["shell defaults and prose", placed(lookupBenign, ["query", "form", "json", "cookie", "header"]), 200]],
});

describeFamily("scheme-relative internal URLs inside values and paths", {
  blocks: [
    ["`//internal/` after a segment or separator", placed(ssrfSchemeRelative, ["query", "form", "json", "cookie"]), 300],
    ["`//internal/` in the request path", asPlaced(ssrfSchemeRelative.filter((p) => p.startsWith("/")).map(inPath)), 100],
  ],
  passes: [
    ["double slashes, public scheme-relative URLs and prose", placed(ssrfSchemeRelativeBenign, ["query", "form", "json", "cookie"], URL_NAMES), 300],
    ["double slashes in the request path", asPlaced(ssrfSchemeRelativeBenign.filter((p) => p.startsWith("/")).map(inPath)), 100],
  ],
}, (h) => {
  // Arguments the request model splits out: each payload must be inspected as a value of its own.
  const PAYLOADS = ["' or 1=1-- -", "<svg/onload=alert(1)>", "1;sleep 5"];
  const host: [string, string] = ["host", "svc.local"];
  const SHAPES: [string, (p: string) => { method?: string; path: string; headers: [string, string][]; body?: string }][] = [
    ["a form posted without a Content-Type", (p) => ({ method: "POST", path: "/submit", headers: [host], body: `lang=en&p=${encodeURIComponent(p)}` })],
    ["`;` between query arguments", (p) => ({ path: `/search?a=1;p=${encodeURIComponent(p)}`, headers: [host] })],
    ["matrix parameters in a path segment", (p) => ({ path: `/shop;jsessionid=A1B2;p=${encodeURIComponent(p)}/items`, headers: [host] })],
  ];
  for (const [what, shape] of SHAPES) {
    it(`inspects the value in ${what}`, () => {
      for (const p of PAYLOADS) {
        const req = shape(p);
        expect(targetsOf(h(), req).targets, `${what}: ${p}`).toContainEqual({ kind: "argValue", name: "args:p", value: p });
        expect(inspect(h(), req).score, `${what}: ${p}`).toBeGreaterThanOrEqual(5);
      }
    });
  }
  it("leaves benign matrix and `;` values alone", () => {
    for (const req of [{ path: "/shop;jsessionid=A1B2C3/items;color=red/list", headers: [host] }, { path: "/q?style=a;b=2;c=x%20y", headers: [host] }, { method: "POST", path: "/f", headers: [host], body: "name=Jane+Doe&comment=Hello%2C+world" }]) {
      expect(inspect(h(), req).score).toBeLessThan(5);
    }
  });
  it("reads dotted quads with parts past 255 as parsers that keep their low byte do", () => {
    // 425 = 256 + 169, 510 = 256 + 254: 169.254.169.254
    for (const url of ["http://425.510.425.510/latest/meta-data/", "http://383.256.256.257/"]) {
      expect(inspect(h(), { path: `/f?u=${encodeURIComponent(url)}`, headers: [host] }).score, url).toBeGreaterThanOrEqual(5);
    }
  });
  it("reads a command substitution inside a parameter expansion (`${x:-`id`}`, `${print(`id`)}`)", () => {
    for (const v of ["${x:-`id`}", "${print(`whoami`)}", "${a:-$(uname -a)}", "x${print(`id`)}"]) {
      expect(inspect(h(), { path: `/f?q=${encodeURIComponent(v)}`, headers: [host] }).score, v).toBeGreaterThanOrEqual(5);
    }
    expect(inspect(h(), { path: `/f?q=${encodeURIComponent("Hello ${name}, welcome")}`, headers: [host] }).score).toBeLessThan(5);
  });
  it("generated samples are not empty", () => {
    expect(fc.sample(ssrfSchemeRelative.filter((p) => p.startsWith("/")), 5).length).toBe(5);
  });
});
