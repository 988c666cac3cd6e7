// Every category in every zone and encoding, as WAF bypass suites measure a WAF
// (test/support/variants/zones.ts): the payload generators of each category, through an encoder
// (plain, URL, double URL, base64, JS \u escapes, character references, mixed case, full-width,
// overlong UTF-8), in a query argument, the path, a form, JSON, a multipart field or file name, XML,
// SOAP, Cookie, Referer, User-Agent, a custom X- header or Authorization. Each row states the hit
// rate its in-scope cells reach together and the floor no cell may fall under; inScope() says which
// cells are attacks on a backend at all, and why the others are not.
import { expect, it } from "vitest";
import { describeFamily } from "../support/variants/check.js";
import { hitRate } from "../support/variants/rate.js";
import { inspect } from "../support/engine.js";
import { CATEGORIES, ENCODINGS, ZONES, cell, inScope } from "../support/variants/zones.js";

/** Requests per cell (each cell draws its own payloads: its own seed). */
const RUNS = 8;
const SEED = 20261128;

/** Per category: the hit rate over its in-scope cells together, and the lowest any one cell may have. */
const ROWS: Record<string, { atLeast: number; cellFloor: number }> = {
  sqli: { atLeast: 1, cellFloor: 1 },
  xss: { atLeast: 0.99, cellFloor: 0.85 },
  rce: { atLeast: 0.98, cellFloor: 0.6 }, // Basic credentials: `user:password` appended to a command line
  lfi: { atLeast: 0.99, cellFloor: 0.75 }, // an overlong `%` before a double-encoded slash (`%C0%A5252f`): three layers
  // an include URL counts only in a parameter named for a file (the zones use q, id, data, search, value);
  // a UNC path after a path segment (`/files/\\host\share`) is not read as one
  rfi: { atLeast: 0.9, cellFloor: 0.6 },
  // scheme-relative and scheme-less URLs after a path segment (`/files///169.254.169.254/`) read as a path
  ssrf: { atLeast: 0.9, cellFloor: 0.25 },
  ssti: { atLeast: 1, cellFloor: 1 },
  java: { atLeast: 0.98, cellFloor: 0.85 },
  php: { atLeast: 0.98, cellFloor: 0.75 },
  nodejs: { atLeast: 1, cellFloor: 1 },
  ldap: { atLeast: 0.98, cellFloor: 0.85 }, // full-width `%00` folds to the three letters, not to a NUL
  nosql: { atLeast: 1, cellFloor: 1 },
  xxe: { atLeast: 1, cellFloor: 1 },
};

describeFamily("category x zone x encoding matrix", {}, (h) => {
  it.each(Object.keys(CATEGORIES))("%s: every in-scope cell", (category) => {
    const { atLeast, cellFloor } = ROWS[category];
    let hits = 0;
    let total = 0;
    const weak: string[] = [];
    ZONES.forEach((z, i) =>
      ENCODINGS.forEach((e, j) => {
        if (!inScope(category, z, e)) return;
        const r = hitRate(h(), cell(category, z, e), RUNS, SEED + i * 16 + j);
        hits += r.hits;
        total += r.total;
        if (r.hits < cellFloor * r.total) weak.push(`${z}/${e} ${r.hits}/${r.total}: ${JSON.stringify(r.misses[0])}`);
      }),
    );
    expect(weak, "cells under the floor").toEqual([]);
    expect(hits / total).toBeGreaterThanOrEqual(atLeast);
  });

  it("covers every zone and encoding with in-scope cells", () => {
    const cats = Object.keys(CATEGORIES);
    expect(ZONES.filter((z) => !ENCODINGS.some((e) => cats.some((c) => inScope(c, z, e))))).toEqual([]);
    expect(ENCODINGS.filter((e) => !ZONES.some((z) => cats.some((c) => inScope(c, z, e))))).toEqual([]);
  });

  // The credentials of Authorization are read without their scheme: ordinary ones still pass.
  it.each([
    "Bearer ya29.a0AfH6SMBx-k3Fq_9ZtLw",
    "Basic dXNlcjpwQHNzdzByZCE=", // user:p@ssw0rd!
    "Basic am9obi5kb2VAZXhhbXBsZS5jb206Q29ycmVjdCBIb3JzZSBCYXR0ZXJ5IFN0YXBsZQ==", // an e-mail and a pass phrase
    "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\"",
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
    "token ghp_16C7e42F292c6912E7710c838347Ae178B4a",
    "SharedKey myaccount:ctzMq410TV3wS7upTBcunJTDLEJwMAZuFPfr0mrrA08=",
  ])("passes Authorization: %s", (v) => {
    expect(inspect(h(), { path: "/api/me", headers: [["host", "svc.local"], ["authorization", v]] }).score).toBeLessThan(5);
  });
});
