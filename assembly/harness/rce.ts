// Harness exports for the command injection detector's prefilter: what the gate says
// about a value, and what the shell scanner finds when forced to run on it anyway.
import { shellScanSkips } from "../engine/detectors/rce/gate";
import { scanShell, foundRule } from "../engine/detectors/rce/shell-scan";
import { hasEmptyParens, findShellshock, findForkBomb } from "../engine/detectors/rce/shell-patterns";

/** Whether the rce prefilter skips the shell scan for `input`. */
export function rceGateSkips(input: string): bool {
  return shellScanSkips(String.UTF8.encode(input));
}

/** The rule the shell scanner reports for `input` when run regardless of the gate (0 when none). */
export function rceShellScanForced(input: string, isHeader: bool): i32 {
  scanShell(String.UTF8.encode(input), isHeader, false);
  return foundRule;
}

/** Whether the `()` prefilter lets findShellshock and findForkBomb run on `input`. */
export function rceEmptyParens(input: string): bool {
  return hasEmptyParens(String.UTF8.encode(input));
}

/** What findShellshock (1) and findForkBomb (2) find in `input` when run regardless of the prefilter. */
export function rceFunctionSyntaxForced(input: string): i32 {
  const buf = String.UTF8.encode(input);
  return (findShellshock(buf) >= 0 ? 1 : 0) | (findForkBomb(buf) >= 0 ? 2 : 0);
}
