// A target identical to one already inspected in the request is skipped (JSON arrays repeat
// their keys and values); that must never change what the engine finds.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, inspectWith, type Req } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const json = (body: unknown): Req => ({ method: "POST", headers: [["host", "h"], ["content-type", "application/json"]], body: JSON.stringify(body) });
const rules = (r: Req) => inspect(h, r).matches.map((m) => m.id).sort((a, b) => a - b);

describe("targets already inspected", () => {
  it("finds the same rules whether a value appears once or in every item of an array", () => {
    for (const value of ["1' OR '1'='1", "<script>alert(1)</script>", "; cat /etc/passwd", "http://169.254.169.254/latest/meta-data/"]) {
      const once = rules(json({ items: [{ q: value }] }));
      const many = rules(json({ items: Array.from({ length: 50 }, () => ({ q: value })) }));
      expect(once.length, value).toBeGreaterThan(0);
      expect(many, value).toEqual(once);
    }
  });

  it("reads each document's records afresh: a body whose records repeat the previous body's is read whole (one parser is kept)", () => {
    const value = "<script>alert(1)</script>";
    const body = json({ items: [{ q: value }, { q: value }] });
    const first = rules(body);
    expect(first.length).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) expect(rules(body), `body ${i + 2}`).toEqual(first);
    // and the parts of one multipart body, each a document of its own
    const part = (name: string) => `--b\r\nContent-Disposition: form-data; name="${name}"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify([{ q: "ok" }, { q: "ok" }])}\r\n`;
    const multipart: Req = { method: "POST", headers: [["host", "h"], ["content-type", "multipart/form-data; boundary=b"]], body: part("a") + part("b").replace(/"ok"\}\]/, `${JSON.stringify(value)}}]`) + "--b--\r\n" };
    expect(rules(multipart)).toEqual(first);
  });

  it("tells keys apart by their letters, not their array indexes", () => {
    // The include-parameter rule reads the key: `file` makes the same URL an inclusion, `note` does not.
    const url = "http://evil.example/shell.txt?";
    const withFile = rules(json({ items: [{ note: url }, { file: url }] }));
    const noteOnly = rules(json({ items: [{ note: url }, { note: url }] }));
    expect(withFile).toEqual(rules(json({ items: [{ file: url }] })));
    expect(withFile.length).toBeGreaterThan(noteOnly.length);
  });

  it("inspects every copy when an exclusion names a target (names then matter)", () => {
    const req = json({ items: [{ q: "1' OR '1'='1" }, { q: "1' OR '1'='1" }] });
    // Excluding SQL injection in the first item's field leaves the second one to find.
    const verdict = inspectWith(h, req, "", "|||||json:items.0.q");
    expect(verdict.matches.some((m) => m.target === "json:items.1.q" && m.category === "sqli")).toBe(true);
  });
});

describe("skipping repeats never changes the rules found", () => {
  // An exclusion that names a target switches the table off: the same request, every target inspected.
  const everyTarget = (r: Req) => inspectWith(h, r, "", "|||||json:no.such.target").matches.map((m) => m.id).sort((a, b) => a - b);
  const pool = ["1' OR '1'='1", "<img src=x onerror=alert(1)>", "; cat /etc/passwd", "../../etc/shadow", "plain", "O'Brien", "caf\u00e9",
    "a\"b\\c", "\u0000x", "{{7*7}}", "", "http://169.254.169.254/"];
  const keys = ["q", "file", "name", "k\u00e9y", "a.b", "0", "select"];

  it("reads a record's member again when its key or value differs from the previous record's at that position", () => {
    const attack = "1' OR '1'='1";
    // Same key, other value; same value, other key; the previous record's member at another position.
    for (const items of [[{ q: "x" }, { q: attack }], [{ a: attack }, { q: attack }], [{ z: "1", q: "x" }, { q: attack, z: "1" }], [{ q: attack }, 5, { q: attack }]]) {
      const req = json({ items: [...Array.from({ length: 40 }, (_, i) => ({ pad: String(i) })), ...items] });
      expect(rules(req), JSON.stringify(items)).toEqual(everyTarget(req));
      expect(rules(req).length, JSON.stringify(items)).toBeGreaterThan(0);
    }
  });

  it("finds with the table what it finds without it (random arrays of repeated keys and values)", () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let round = 0; round < 40; round++) {
      const items = Array.from({ length: 40 + rnd(40) }, () => {
        const o: Record<string, unknown> = {};
        // Records repeat their keys and often their values (skipped in place, json-records.ts); some nest.
        for (let k = 0; k < 1 + rnd(3); k++) {
          const v = pool[rnd(pool.length)];
          o[keys[rnd(keys.length)]] = [() => v, () => [v], () => ({ [keys[rnd(keys.length)]]: v }), () => rnd(9)][rnd(4)]();
        }
        return o;
      });
      const req = json({ items, [keys[rnd(keys.length)]]: pool[rnd(pool.length)] });
      expect(rules(req), JSON.stringify(items).slice(0, 200)).toEqual(everyTarget(req));
    }
  });
});
