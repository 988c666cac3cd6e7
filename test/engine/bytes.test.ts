// The byte classes of assembly/engine/bytes.ts and transform/out.ts that read tables (isWordByte,
// isHexDigit, isSpaceByte, hexValue): every one of the 256 bytes, against what each class is.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

describe("byte classes", () => {
  it("isWordByte: ASCII letters, digits and _; isHexDigit and hexValue: 0-9, a-f, A-F; isSpaceByte: space, tab, LF, VT, FF, CR", () => {
    for (let c = 0; c < 256; c++) {
      const ch = String.fromCharCode(c);
      const word = /^[A-Za-z0-9_]$/.test(ch);
      const hex = /^[0-9a-fA-F]$/.test(ch) ? parseInt(ch, 16) : -1;
      const space = [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d].includes(c);
      const got = (h.exports as any).byteClasses(c) as number;
      expect({ c, word: (got & 1) !== 0, hex: (got & 2) !== 0, space: (got & 4) !== 0, value: (got >> 8) - 1 }).toEqual({ c, word, hex: hex >= 0, space, value: hex });
    }
  });
});
