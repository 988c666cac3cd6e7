// The shell scanner's whole-value prefilter. Most targets are short plain text
// (`en-US`, `gzip, deflate`, `42`, `john smith`): without a separator,
// substitution, quote, escape, redirection or assignment byte, the shell scanner
// can only judge the first word, so a value whose first word is no command name
// cannot give a finding and the scan is skipped. One pass over the bytes.
import { commandFlags } from "./commands";
import { versionedFlags } from "./shell-scan";

// Bytes that leave the scan's outcome to the first word alone: letters, digits, space,
// `.` `-` `_` `,` `:` `/` (a `/` in the first word is checked apart) and UTF-8 text.
const PLAIN = new StaticArray<u8>(256);
function initPlain(): void {
  for (let c = 0x30; c <= 0x39; c++) PLAIN[c] = 1;
  for (let c = 0x41; c <= 0x5a; c++) PLAIN[c] = 1;
  for (let c = 0x61; c <= 0x7a; c++) PLAIN[c] = 1;
  for (let c = 0x80; c <= 0xff; c++) PLAIN[c] = 1;
  PLAIN[0x20] = 1;
  PLAIN[0x2e] = 1;
  PLAIN[0x2d] = 1;
  PLAIN[0x5f] = 1;
  PLAIN[0x2c] = 1;
  PLAIN[0x3a] = 1;
  PLAIN[0x2f] = 1;
}
initPlain();

/** Whether scanShell cannot find anything in `buf`: only plain bytes and a first word that is no command (nor a path). */
export function shellScanSkips(buf: ArrayBuffer): bool {
  const base = changetype<usize>(buf);
  const n = buf.byteLength;
  for (let i = 0; i < n; i++) {
    if (unchecked(PLAIN[load<u8>(base + <usize>i)]) == 0) return false;
  }
  let ws = 0;
  while (ws < n && load<u8>(base + <usize>ws) == 0x20) ws++;
  let we = ws;
  while (we < n && load<u8>(base + <usize>we) != 0x20) {
    if (load<u8>(base + <usize>we) == 0x2f) return false; // a path at the command position (/bin/id, bin/sh)
    we++;
  }
  if (we == ws) return true;
  return commandFlags(buf, ws, we) == 0 && versionedFlags(buf, ws, we) == 0;
}
