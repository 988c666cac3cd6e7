// XXE as scanners send it (test/support/variants/xxe-dtd.ts): external and parameter entities with
// random names, whitespace and quoting, out-of-band exfiltration through a nested declaration, a local
// system DTD repurposed, entity expansion bombs, XInclude, external DOCTYPEs; in XML, SOAP and text
// bodies, uploaded SVG/XML files, a form field, a JSON string and a query; and documents with
// DOCTYPEs and small internal entities, posted or uploaded, which pass.
import { beforeAll, describe, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { xxeDocRequest, xxeDocBenign } from "../support/variants/xxe-dtd.js";
import { assertBlocked, assertPassed, asPlaced } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

describe("scanner XXE documents", () => {
  it("blocks every generated document wherever it is sent", () => {
    assertBlocked(h, asPlaced(xxeDocRequest), 400);
  });
  it("lets documents with harmless DOCTYPEs and entities through", () => {
    assertPassed(h, asPlaced(xxeDocBenign), 100);
  });
});
