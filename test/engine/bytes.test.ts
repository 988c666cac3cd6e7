// The byte helpers (assembly/engine/bytes.ts and transform/out.ts). The byte classes that read
// tables (isWordByte, isHexDigit, isSpaceByte, hexValue) are checked on every one of the 256 bytes.
// indexOfCI scans eight bytes a step for the needle's first byte in either case: it must find
// exactly what a byte-by-byte search finds, at every offset and at the ends of the buffer.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

function indexOfCI(hay: string, needle: string, from: number): number {
  const p = h.exports.__pin(h.exports.__newString(hay));
  const q = h.exports.__pin(h.exports.__newString(needle));
  try {
    return h.exports.indexOfCIIn(p, q, from);
  } finally {
    h.exports.__unpin(p);
    h.exports.__unpin(q);
  }
}

/** The byte-by-byte reference: ASCII letters compare without case, other bytes exactly. */
function reference(hay: string, needle: string, from: number): number {
  const b = Buffer.from(hay, "utf8");
  const n = Buffer.from(needle, "latin1");
  const lower = (c: number) => (c >= 0x41 && c <= 0x5a ? c | 0x20 : c);
  if (n.length === 0) return from <= b.length ? from : -1;
  for (let i = Math.max(from, 0); i + n.length <= b.length; i++) {
    let j = 0;
    while (j < n.length && lower(b[i + j]) === n[j]) j++;
    if (j === n.length) return i;
  }
  return -1;
}

describe("indexOfCI", () => {
  it("finds a needle at every offset of buffers up to 40 bytes, in any case, and at the very end", () => {
    for (let len = 0; len <= 40; len++) {
      for (let at = 0; at + 3 <= len; at++) {
        const hay = "x".repeat(at) + "AbC" + "y".repeat(len - at - 3);
        expect(indexOfCI(hay, "abc", 0), `${len} ${at}`).toBe(at);
        expect(indexOfCI(hay, "abc", at + 1), `${len} ${at} after`).toBe(-1);
        expect(indexOfCI(hay, "abcy", 0), `${len} ${at} longer`).toBe(at + 3 < len ? at : -1);
      }
      expect(indexOfCI("a".repeat(len), "ab", 0)).toBe(-1);
    }
  });

  it("tells a letter's other case from the byte 0x20 away that is no letter ('[' is not '{', '@' is not '`')", () => {
    expect(indexOfCI("xxxxxxxx[yyyy{", "{", 0)).toBe(13);
    expect(indexOfCI("@@@@@@@@@@`", "`", 0)).toBe(10);
    expect(indexOfCI("zzzzzzzzzzzzzzzZ", "z", 3)).toBe(3);
    expect(indexOfCI("zzzzzzzzzzzzzzzZ", "z", 15)).toBe(15);
    expect(indexOfCI("zzzzzzzzzzzzzzzZ", "z", 16)).toBe(-1);
  });

  it("agrees with a byte-by-byte search on random text, needles and starting points", () => {
    const text = fc.stringMatching(/^[aAbB{\[`@ .\u00e9\u00c9]{0,70}$/);
    const needle = fc.stringMatching(/^[ab{\[`@ .]{1,4}$/);
    fc.assert(fc.property(text, needle, fc.integer({ min: -2, max: 75 }), (hay, n, from) => {
      expect(indexOfCI(hay, n, from)).toBe(reference(hay, n, from));
    }), { numRuns: 3000 });
  });
});

describe("byte classes", () => {
  it("isWordByte: ASCII letters, digits and _; isHexDigit and hexValue: 0-9, a-f, A-F; isSpaceByte and its inlined copy: space, tab, LF, VT, FF, CR", () => {
    for (let c = 0; c < 256; c++) {
      const ch = String.fromCharCode(c);
      const word = /^[A-Za-z0-9_]$/.test(ch);
      const hex = /^[0-9a-fA-F]$/.test(ch) ? parseInt(ch, 16) : -1;
      const space = [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d].includes(c);
      const got = (h.exports as any).byteClasses(c) as number;
      expect({ c, word: (got & 1) !== 0, hex: (got & 2) !== 0, space: (got & 4) !== 0, spaceInline: (got & 8) !== 0, value: (got >> 8) - 1 }).toEqual({ c, word, hex: hex >= 0, space, spaceInline: space, value: hex });
    }
  });
});
