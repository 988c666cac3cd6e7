// The Java detector's census (assembly/engine/detectors/java.ts) decides which checks run. It may
// only leave out a check that finds nothing: a value without the path flag holds no dotted name, one
// without the path and quote flags no class-loader path, one without the serialization flag no
// stream header. The census reads runs of the base64 alphabet; the values below keep each word a
// run of its own (words glued by `/`, `+` or letters are runs the census judges whole:
// `ForClosure/x` is not flagged; serialization openings are checked in place: `xaced0005` and a short
// `/wEy` run are flagged too, see detector-gates.test.ts).
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const PATH = 8;
const SERIAL = 32;
const QUOTE = 128;
const call = (name: string, v: string) => h.exports[name](h.exports.__newString(v));
const flags = (v: string) => call("javaCensus", v) as number;

describe("java census", () => {
  const table: [string, number, boolean][] = [
    ["New Year's Eve is the time of year. Act on it.", PATH, false],
    ["see java.lang.Runtime", PATH, true],
    ["class.'classLoader'", PATH, true],
    ["class['module']", PATH, true],
    ["Custom reminds Copyright Kingdom", SERIAL, false],
    ["rO0ABXNyABdqYXZh", SERIAL, true],
    ["x KztAAAABXNy", SERIAL, true],
    ["aced00057372", SERIAL, true],
    // `aced0005` counts at the start of a run or after a byte that is no hex digit, in either case
    ["xaced0005", SERIAL, true],
    ["zzACED0005", SERIAL, true],
    ["x 0aced0005", SERIAL, false],
    ["x faced0005", SERIAL, false],
    ["x 9Aced0005", SERIAL, false],
    ["x aced0004", SERIAL, false],
  ];
  for (const [value, flag, set] of table) {
    it(`${set ? "flags" : "does not flag"} ${JSON.stringify(value)} (${flag})`, () => {
      expect((flags(value) & flag) !== 0).toBe(set);
    });
  }

  const words = [
    "the", "reminds", "Custom", "Copyright", "Kingdom", "again", "gAll", "AAnd", "rO0ABXNy", "KztAAAAB", "Cs7QAAAA",
    "AAEAAAD/////AQAAAA", "/wEyDAABAAAA", "gASVKAAAAAAAAACMCGJ1aWx0aW5z", "aced0005", "java", "lang", "Runtime", "class",
    "module", "classLoader", "getClass", "InvokerTransformer", "ForClosure", "org", "apache", "commons", "sun", "io",
  ];
  const seps = [" ", ".", ". ", ".'", "['", "']", "'.", ".\n", ":", "(", ")", "\"", "$", ","];
  const value = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { maxLength: 8 })
    .map((a) => a.map(([w, s]) => w + s).join(""));

  it("leaves out only checks that find nothing", () => {
    let pathSkipped = 0;
    let serialSkipped = 0;
    fc.assert(
      fc.property(value, (v) => {
        const f = flags(v);
        if ((f & PATH) === 0) {
          pathSkipped++;
          expect(call("javaNamesFind", v), v).toBeFalsy();
          if ((f & QUOTE) === 0) expect(call("javaClassLoaderFind", v), v).toBeFalsy();
        }
        if ((f & SERIAL) === 0) {
          serialSkipped++;
          expect(call("javaSerialChecksFind", v), v).toBeFalsy();
        }
      }),
      { numRuns: 3000 },
    );
    expect(pathSkipped).toBeGreaterThan(100);
    expect(serialSkipped).toBeGreaterThan(100);
  });
});
