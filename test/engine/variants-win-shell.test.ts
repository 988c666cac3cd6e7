// Windows command injection (test/support/variants/win-shell.ts): cmd.exe by name, by
// %COMSPEC% (also through substrings) or by a drive-letter path (`&C:\Windows\System32\cmd.exe /c`),
// PowerShell with -c scripts, -enc of UTF-16LE base64 and IEX cradles, and LOLBins (certutil,
// bitsadmin, mshta, rundll32, regsvr32, wmic), after cmd's separators, with carets, doubled quotes,
// case and comma blanks. And Windows words in prose and paths as values, which pass.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect } from "../support/engine.js";
import { placed } from "../support/variants/positions.js";
import { winAttack, winBenign } from "../support/variants/win-shell.js";
import { assertBlocked, assertPassed } from "../support/variants/check.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const SEED = 20261128;
const q = (v: string) => inspect(h, { path: `/a?q=${encodeURIComponent(v)}` }).score;

describe("Windows command injection", () => {
  it("blocks every cmd, PowerShell and LOLBin line wherever the tool puts it", () => {
    assertBlocked(h, winAttack, 800, SEED); // 92% before drive-letter paths kept their backslashes
  });

  it.each([
    "1&&C:\\Windows\\System32\\cmd.exe /q /c tasklist", "x|c:\\windows\\system32\\cmd.exe /k hostname", "1\nC:\\Windows\\System32\\c^m^d.exe /c whoami",
    "&C:\\Windows\\System32\\cmd.exe,/c,nslookup a.oast.example", "&cmd,/c,whoami", "1 & C:\\Windows\\cmd.exe /c whoami",
  ])("blocks %j", (v) => {
    expect(q(v)).toBeGreaterThanOrEqual(5);
  });

  it.each(["C:\\Windows\\System32\\ls", "C:\\Users\\jane\\cat.txt", "see C:\\tools\\readme.txt and D:\\data", "a,/b,c", "-c:\\x"])("passes %j", (v) => {
    expect(q(v)).toBeLessThan(5);
  });

  it("lets Windows words in prose and paths through", () => {
    assertPassed(h, placed(winBenign, ["query", "form", "json", "header", "cookie"]), 200);
  });
});
