// Harness exports for the command injection detector's prefilter: what the gate says
// about a value, and what the shell scanner finds when forced to run on it anyway.
import { shellScanSkips } from "../engine/detectors/rce/gate";
import { scanShell, foundRule } from "../engine/detectors/rce/shell-scan";
import { nextByte } from "../engine/detectors/rce/next-byte";
import { mayHaveExecSink, hasExecSink } from "../engine/detectors/rce/vbscript";
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

/** Whether the prefilter of the VBScript sink lets hasExecSink run on `input`. */
export function rceMayHaveExecSink(input: string): bool {
  return mayHaveExecSink(String.UTF8.encode(input));
}

/** What hasExecSink says about `input` when run regardless of its prefilter. */
export function rceExecSinkForced(input: string): bool {
  return hasExecSink(String.UTF8.encode(input));
}

/** nextByte over the UTF-8 bytes of `input`. */
export function rceNextByte(input: string, from: i32, b: u32, fold: bool): i32 {
  return nextByte(String.UTF8.encode(input), from, b, fold);
}
