// Metamorphic robustness (test/support/variants/mutations.ts): an attack we block stays blocked when
// one mutation rewrites it in a way its target still accepts (a URL encoding, a carrier, a spelling of
// its own language), and when a spelling and a carrier are combined; honest look-alikes stay unblocked
// under the carriers and the spellings people's own text takes.
//
// Left alone (named, and measured by scripts/probe-mutations.ts over the corpus):
// - a JSON document inside a query argument whose SQL blanks are `\f` escapes (`{"q":"1\funion\fall..."}`):
//   the value is not parsed as JSON, and the JS/CSS escape decoder reads `\fa...` as a CSS hex escape
//   (U+00FA), not a form feed; telling the two apart needs the value's context (sql-ff+json-in-query).
// - bare fragments as a path segment (`XOR`, `window.location`, `nvarchar`, `for %a in (set) do x`): the
//   path is held to a stricter test than arguments; whole attacks as a segment are blocked (none of ours
//   is lost), CRS's one-word probes are not (path-segment, 446 of 3,369 corpus attacks, all CRS).
// - `CREATE USER ... IDENTIFIED BY` (not in ATTACK_VALUES): no rule reads it as a statement in any spelling,
//   a payload gap rather than a mutation's.
// - `${IFS}` for every blank of a shell function or shellshock prefix (`()${IFS}{${IFS}:;}`): bash needs a
//   literal blank after `{`, so the rewrite no longer runs (the corpus probe's 11 shell-ifs losses).
// - an XML element's text loses its leading and trailing blanks and line breaks (pretty-printed documents
//   indent every value), so CRS's mail-protocol probes (`\r\nQUIT`) and lone command words ended by a line
//   break (`visudo\n`) read as plain words there (most of the probe's 72 xml-body losses).
// - what means something only where it was sent: `_method=DELETE`, `%`-escapes left in a value (CRS 920xxx
//   protocol probes), session ids planted through a parameter (a cookie is where they belong), Django
//   lookups in a cookie's name; these are the json-*, multipart, cookie, param-name and php-array losses.
// - a multipart part with a file name: its content is a file, inspected only when it is XML or SVG (README).
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect } from "../support/engine.js";
import { assertEveryShape, assertFloor, assertPassed } from "../support/variants/check.js";
import { ATTACK_FAMILIES, ATTACKS, canonical, composedAttack, mutatedAttack, mutatedLookalike, MUTATION_NAMES, type Placed } from "../support/variants/mutations.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const SEED = 20261129;
const blocked = (p: Placed) => inspect(h, canonical(p)).score >= 5;

describe("attacks rewritten by one mutation", () => {
  it("draws every mutation with every category it rewrites", () => {
    assertEveryShape(mutatedAttack, ATTACK_FAMILIES, 6000, SEED);
  });

  it("rewrites every attack in some way, and each category by the spellings of its language", () => {
    expect(Object.keys(ATTACK_FAMILIES).sort()).toEqual([...MUTATION_NAMES].sort());
    for (const [m, cats] of Object.entries(ATTACK_FAMILIES)) expect(cats.length, m).toBeGreaterThan(0);
    expect(ATTACK_FAMILIES["keyword-case"].sort()).toEqual(["php", "sqli", "xss"]);
    expect(ATTACK_FAMILIES["cookie"]).toHaveLength(new Set(ATTACKS.map((p) => p.category)).size);
  });

  it("blocks every attack as one query argument (the form each mutation starts from)", () => {
    expect(ATTACKS.filter((p) => !blocked(p)).map((p) => p.value)).toEqual([]);
  });

  it("blocks every attack under every single mutation", () => {
    // at the branch point: 75 of 3,000 lost (path-dots 20, sql-hash-lf 16, sql-lf 14, sql-dash-lf 14, sql-cr-lf 11)
    assertFloor(h, mutatedAttack, 3000, SEED, 1, () => false);
  });

  it("blocks a spelling and a carrier combined, but the shape named above", () => {
    // at the branch point: 10 of 3,000 lost (line-break SQL and dotted paths in carriers); none now, but the shape
    // left alone may be drawn by another seed
    assertFloor(h, composedAttack, 3000, SEED, 0.998, (a) => a.family === "sql-ff+json-in-query");
  });

  it("lets the look-alikes through under every honest carrier and spelling", () => {
    assertPassed(h, mutatedLookalike, 3000, SEED);
  });
});

const q = (v: string) => ({ method: "GET", path: `/app/view?q=${encodeURIComponent(v)}`, headers: [["host", "svc.local"]] as [string, string][] });

describe("what the mutations found", () => {
  // a sensitive file's name read through the separators and `.` segments the OS resolves
  it.each([
    "//etc//shadow", "/./etc/./passwd", "/proc//self/./environ", "//static//img/../..//etc//passwd",
    "..\\..\\\\windows\\\\win.ini", "/var/run//secrets/./kubernetes.io/serviceaccount/token",
  ])("blocks the file path %s", (v) => {
    expect(inspect(h, q(v)).matches.some((m) => m.id === 5101 || m.id === 5102)).toBe(true);
  });

  it.each(["/usr/share//doc/./bash/README", "/srv/www//etc-archive/./index.html", "/home/anna//projects/./etc/notes.txt", "etc/.passwd-policy"])(
    "lets the path %s through",
    (v) => {
      expect(inspect(h, q(v)).score).toBeLessThan(5);
    },
  );

  // a long statement with a line break (or a comment and a line break) for every blank is one statement
  it.each(["\n", "\r\n", "#\n", "--\n", "\t"])("blocks a long statement whose every blank is %j", (blank) => {
    const v = "alter table customer_accounts add column backdoor_flag int default 1 after customer_email_address_verified;".replace(/ /g, blank);
    expect(inspect(h, q(v)).score).toBeGreaterThanOrEqual(5);
  });

  // a code sample keeps its human layout: several words on a line, a note below
  it.each([
    "ALTER TABLE orders ADD COLUMN note text;\nThen run the migration again and check the orders page for the new note column please.",
    "CREATE TABLE t (\n  id int,\n  name text\n);\n-- a sample for the docs about tables and columns and more text",
    "Delete\nfrom\nmy\nlist\nplease\nthe\nfollowing\nitems\nmilk\neggs\nbread\nbutter\ncheese\napples\nbananas\noranges\npears\ngrapes",
  ])("lets the text %j through", (v) => {
    expect(inspect(h, q(v)).score).toBeLessThan(5);
  });

  it("is deterministic: the same seed draws the same requests", () => {
    const a = fc.sample(mutatedAttack, { seed: SEED, numRuns: 50 });
    const b = fc.sample(mutatedAttack, { seed: SEED, numRuns: 50 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
