// The reason of a match names what the detector saw. The detectors that keep a finding before
// reporting it (xss tags, shell commands, Node.js access, OGNL expressions, PHP calls) hold their
// reason as packed bytes until then (scripts/pack-needles.js, bytes.ts needleString): the text
// reported must be the literal's, for each of them.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const reasons = (q: string) =>
  Object.fromEntries(inspect(h, { method: "GET", path: "/?q=" + encodeURIComponent(q) }, 4).matches.map((m) => [m.id, m.reason]));

describe("reasons kept before a report", () => {
  it.each([
    ["<script>alert(1)</script>", 3001, "active content tag"],
    ["<script>alert(1)</script>", 3006, "raw-text context closed"],
    ["<img src=x onerror=alert(1)>", 3002, "event handler in a tag"],
    ["<img src=x onerror=alert(1)>", 3009, "element with attributes"],
    ["--><b>", 3017, "HTML tag"],
    ["a; cat /etc/passwd", 4100, "injected command"],
    ["ls -la", 4101, "command with options"],
    ['{"__proto__":{"a":1}}', 10110, "__proto__ access"],
    ["this.constructor.constructor('return process')()", 10120, "constructor.constructor"],
    ["require('child_process').exec('id')", 10130, "sensitive module"],
    ["%{(#_memberAccess['allowStaticMethodAccess']=true)}", 8110, "OGNL context access"],
    ["system('id');", 9120, "dangerous PHP call"],
  ])("%j: rule %i says %j", (q, id, reason) => {
    expect(reasons(q)[id]).toBe(reason);
  });
});
