// The shell scanner's whole-value prefilter. Most targets are short plain text
// (`en-US`, `gzip, deflate`, `42`, `john smith`): without a separator,
// substitution, quote, escape, redirection or assignment byte, the shell scanner
// can only judge the first word, so a value whose first word is no command name
// cannot give a finding and the scan is skipped. One pass over the bytes.
import { commandFlags } from "./commands";
import { versionedFlags } from "./shell-scan";
import { byteTable, TABLE_LETTERS, TABLE_DIGITS, TABLE_HIGH } from "../../bytes";

// Bytes that leave the scan's outcome to the first word alone: letters, digits, space,
// `.` `-` `_` `,` `:` `/` (a `/` in the first word is checked apart) and UTF-8 text.
const PLAIN = byteTable(" .-_,:/", TABLE_LETTERS | TABLE_DIGITS | TABLE_HIGH);

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
