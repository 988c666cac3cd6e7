// The shell scanner: walks a (normalised) value as the shell would split it, finds
// the command positions (value start, after `;` `|` `&&` `||` newline, inside
// backticks and `$(...)`), and judges the word there by its class, its arguments
// and how the value reached that position. Prose with "cat" or "a | b" does not
// put a known command with shell-like arguments at an injection point.
import { byteAt, isWordByte, isSpaceByte, isSpaceByteInline, matchesCI, byteTable, needleString, needleLength } from "../../bytes";
import { findSensitive } from "../lfi/sensitive";
import { WordList } from "../../wordlist";
import { commandFlags, globCommandFlags, isSubcommandOf, CMD_STRONG, CMD_PREFIX, CMD_TOPIC, CMD_SHELL, CMD_CLIENT } from "./commands";

/** Rule ids the scanner reports (registered in rce.ts). */
export const RULE_INJECTED_COMMAND: i32 = 4100;
export const RULE_COMMAND_LINE: i32 = 4101;
export const RULE_PREFIXED_COMMAND: i32 = 4102;
export const RULE_BINARY_PATH: i32 = 4103;
export const RULE_COMMAND_IN_TEXT: i32 = 4105;
export const RULE_WEAK_COMMAND_IN_TEXT: i32 = 4106;
export const RULE_COMMAND_LIKE_VALUE: i32 = 4107;

// How the scan reached a command position.
const CTX_START: i32 = 0; // the value starts with the command
const CTX_INJECT: i32 = 1; // a separator right at the start of the value or after its first token
const CTX_SUBST: i32 = 2; // `$(`, `<(`, `>(`
const CTX_MID: i32 = 3; // a separator inside text (newline, pipe in prose, markdown backticks)
let afterPipe = false;
let afterBacktick = false;
let startEvasive = false;

/** The finding of the last scan: rule id (0 when none) and the span in the scanned buffer. */
export let foundRule: i32 = 0;
export let foundStart: i32 = 0;
export let foundEnd: i32 = 0;
export let foundReason: string = "";
let foundRank: i32 = 0;
let scanningHeader = false;
let scanningIdentity = false;
let chained = false;

function at(buf: ArrayBuffer, i: i32): u32 {
  return i < buf.byteLength && i >= 0 ? <u32>load<u8>(changetype<usize>(buf) + <usize>i) : 0;
}

// Bytes isSeparatorAt can say yes to: ; | & newline ` $
const SEPARATOR_START = byteTable(";|&\n`$");

/** Bytes that end a command word. */
function isWordEnd(c: u32): bool {
  return isSpaceByte(c) || c == 0x3b || c == 0x7c || c == 0x26 || c == 0x60 || c == 0x28 || c == 0x29 || c == 0x3c || c == 0x3e || c == 0;
}

// Command-word bytes for judgeCommand's word loop: 1 ends the word (isWordEnd), 2 may (`$(`, `,/`), 0 never.
const WORD_STOP = initWordStop();
function initWordStop(): StaticArray<u8> {
  const t = new StaticArray<u8>(256);
  for (let c = 0; c < 256; c++) if (isWordEnd(<u32>c)) unchecked((t[c] = 1));
  unchecked((t[0x24] = 2));
  unchecked((t[0x2c] = 2));
  return t;
}

function isSeparatorAt(buf: ArrayBuffer, i: i32): bool {
  const c = at(buf, i);
  if (c == 0x3b || c == 0x7c || c == 0x0a || c == 0x60) return true;
  if (c == 0x26) {
    if (at(buf, i - 1) == 0x3e || at(buf, i - 1) == 0x3c || at(buf, i + 1) == 0x3e) return false; // `>&` / `&>` redirections
    if (at(buf, i + 1) == 0x26) return true;
    // `&name=` continues a query string, it does not start a command
    let k = i + 1;
    while (k < buf.byteLength && k < i + 40 && (isWordByte(at(buf, k)) || at(buf, k) == 0x2d || at(buf, k) == 0x2e)) k++;
    return !(k > i + 1 && at(buf, k) == 0x3d);
  }
  if (c == 0x24 && at(buf, i + 1) == 0x28) return true;
  return false;
}

/** `reason`: a needle (bytes.ts), made a string only when the finding outranks the one kept. */
function record<Needle>(rule: i32, rank: i32, start: i32, end: i32, reason: Needle, n: i32 = 0): void {
  if (rank <= foundRank) return;
  foundRank = rank;
  foundRule = rule;
  foundStart = start;
  foundEnd = end;
  foundReason = needleString(reason, n);
}

function containsCI<Needle>(buf: ArrayBuffer, start: i32, end: i32, needle: Needle, n: i32 = 0): bool {
  n = needleLength(needle, n);
  const last = end - n;
  for (let i = start; i <= last; i++) if (matchesCI(buf, i, needle, n)) return true;
  return false;
}

/** Arguments that point at secrets, devices, downloads, a shell or a Windows binary (one pass over at most 256 bytes). */
function isSensitiveArgs(buf: ArrayBuffer, start: i32, end: i32): bool {
  end = min(end, start + 256);
  if (findSensitive(buf, start, end) >= 0) return true;
  for (let i = start; i < end; i++) {
    const c = at(buf, i) | 0x20;
    if (c == 0x2f) {
      if (matchesCI(buf, i, "/dev/tcp") || matchesCI(buf, i, "/dev/udp") || matchesCI(buf, i, "/bin/sh") || matchesCI(buf, i, "/bin/bash") ||
        matchesCI(buf, i, "/var/log/") || matchesCI(buf, i, "/etc/") || matchesCI(buf, i, "/shadow")) return true;
    } else if (c == 0x70) {
      if (matchesCI(buf, i, "passwd")) return true;
    } else if (c == 0x77) {
      if (matchesCI(buf, i, "whoami")) return true;
    } else if (c == 0x73) {
      if (matchesCI(buf, i, "system32\\")) return true; // a Windows binary run or read by path
    }
  }
  return false;
}

/** Whether the token at [start, end) looks like a command argument rather than a word of prose. */
function isArgToken(buf: ArrayBuffer, start: i32, end: i32): bool {
  const c = at(buf, start);
  // man page synopsis notation: [OPTION]... FILE...
  if (isSynopsisToken(buf, start, end)) return false;
  const d = at(buf, start + 1);
  if (c == 0x2d && (isWordByte(d) || d == 0x2d)) return true; // -x, --long
  if (c == 0x2b && (d | 0x20) - 0x61 < 26) return true; // +x
  if (c == 0x2f || c == 0x7e || c == 0x3c || c == 0x3e || c == 0x5c) return true; // /path ~ < >
  if (c == 0x24 && (isWordByte(d) || d == 0x28 || d == 0x7b)) return true; // $var $(...) ${...}
  if (c == 0x2e && (d == 0x2f || d == 0x2e)) return true;
  if ((c | 0x20) - 0x61 < 26 && d == 0x3a && end - start <= 64) return true; // a drive: `C:`, `c:windows` (the shell reading dropped its `\`)
  for (let i = start; i < end; i++) {
    const b = at(buf, i);
    if (b == 0x2f || b == 0x5c || b == 0x3d) return true; // path, name=value
    // file.ext, host.tld, 10.0.0.1: word bytes on both sides of the dot (not "e.g.")
    if (b == 0x2e && i >= start + 1 && isWordByte(at(buf, i - 1)) && i + 2 < end && isWordByte(at(buf, i + 1)) && isWordByte(at(buf, i + 2))) return true;
  }
  return false;
}

/** Whether the segment before the basename names a binary directory (/bin/, /usr/sbin/, bin/, system32\). */
function isBinaryDir(buf: ArrayBuffer, start: i32, baseStart: i32): bool {
  const first = at(buf, start);
  if (first != 0x2f && first != 0x5c && (first | 0x20) != 0x62 && (first | 0x20) != 0x63) return false; // /..., \..., bin/, c:\
  const e = baseStart - 1; // the slash
  // (`/cgi-bin/` holds a web server's scripts: a path into it is a URL, not a system binary)
  if (e - start >= 3 && matchesCI(buf, e - 3, "bin")) return e - 3 == start || (!isWordByte(at(buf, e - 4)) && at(buf, e - 4) != 0x2d) || at(buf, e - 4) == 0x73;
  if (e - start >= 8 && matchesCI(buf, e - 8, "system32")) return true;
  return false;
}

/** Whether the backtick span opened at `open` is followed by prose (a markdown code span), not by the end of the value or more shell. */
function backtickSpanInProse(buf: ArrayBuffer, open: i32): bool {
  const n = buf.byteLength;
  let k = open + 1;
  while (k < n && at(buf, k) != 0x60) k++;
  if (k >= n) return false;
  k++;
  while (k < n && isSpaceByte(at(buf, k))) k++;
  if (k >= n) return false;
  const c = at(buf, k);
  return !(c == 0x60 || c == 0x3b || c == 0x7c || c == 0x26 || c == 0x29 || c == 0x27 || c == 0x22);
}

/**
 * `127.0.0.1%0Aid`, `report.pdf\r\nsh -i`: one token (ending in a letter, digit or quote, not `Steps:`;
 * or none when start == end), a line break, and one last line. A note or a code snippet in a comment has a sentence or several lines.
 */
function isTokenThenOneLine(buf: ArrayBuffer, start: i32, end: i32): bool {
  const n = buf.byteLength;
  const base = changetype<usize>(buf);
  if (end >= n) return false;
  if (end > start) {
    const last = <u32>load<u8>(base + <usize>(end - 1));
    if (!(isWordByte(last) || last == 0x27 || last == 0x22 || last == 0x3d)) return false; // (`?q=`: a query pair whose value starts on the next line)
  }
  let k = end;
  let breaks = 0;
  let c: u32 = 0;
  while (k < n && ((c = <u32>load<u8>(base + <usize>k)) == 0x0d || c == 0x20 || c == 0x09 || c == 0x0a)) {
    if (c == 0x0a) breaks++;
    k++;
  }
  if (breaks == 0 || k >= n) return false;
  // one last line: no line break before the trailing blanks
  while (k < n && (c = <u32>load<u8>(base + <usize>k)) != 0x0a) k++;
  while (k < n && isSpaceByteInline(<u32>load<u8>(base + <usize>k))) k++;
  return k >= n;
}

/** Index of the first whitespace-separated token start after the value's first token (where "inside the text" begins). */
function secondTokenStart(buf: ArrayBuffer): i32 {
  const n = buf.byteLength;
  let i = 0;
  while (i < n && isSpaceByteInline(at(buf, i))) i++;
  while (i < n && !isSpaceByteInline(at(buf, i))) i++;
  while (i < n && isSpaceByteInline(at(buf, i))) i++;
  return i;
}

/**
 * Scans `buf` for commands at command positions; the result is in found*. `isIdentity` marks a
 * User-Agent or Referer: a product token or a URL, never lower-case words that start with a command.
 */
export function scanShell(buf: ArrayBuffer, isHeader: bool, evasive: bool, isIdentity: bool = false): void {
  scanningHeader = isHeader;
  scanningIdentity = isIdentity;
  startEvasive = evasive;
  afterBacktick = false;
  afterPipe = false;
  foundRule = 0;
  foundRank = 0;
  foundReason = "";
  const n = buf.byteLength;
  const base = changetype<usize>(buf);
  let firstTokenEnd = 0;
  while (firstTokenEnd < n && isSpaceByteInline(at(buf, firstTokenEnd))) firstTokenEnd++;
  const firstByte = firstTokenEnd;
  while (firstTokenEnd < n && !isSpaceByteInline(at(buf, firstTokenEnd))) firstTokenEnd++;
  const lineAfterToken = isTokenThenOneLine(buf, firstByte, firstTokenEnd);
  // `id%0Astr=$(echo X);...`: the line injected after the value is shell throughout
  const injectLimit = lineAfterToken ? n : secondTokenStart(buf);
  let i = 0;
  // `%0Arm -rf /tmp/x`: a line break opening a one-line value ends whatever the application put before it
  let ctx = isTokenThenOneLine(buf, 0, 0) ? CTX_INJECT : CTX_START;
  const table = tableRow(buf);
  let cmdPos = true;
  let chain = false;
  let steps = 0;
  let inSpan = false;
  while (i < n && steps++ < 2 * n + 16) { // every turn advances i; the bound is a safety net
    if (cmdPos) {
      cmdPos = false;
      chained = chain;
      const next = judgeCommand(buf, i, ctx);
      if (foundRank >= 3) return;
      if (foundRank == 2) chain = true; // the value starts like a command line: what follows a separator is a next command
      i = next;
      continue;
    }
    // cheap test before the full one: run over the bytes that cannot start a separator
    while (i < n && unchecked(SEPARATOR_START[load<u8>(base + <usize>i)]) == 0) i++;
    if (i >= n) break;
    if (!isSeparatorAt(buf, i)) {
      i++;
      continue;
    }
    const c = at(buf, i);
    const early = i <= injectLimit || chain;
    if (c == 0x60) {
      if (at(buf, i + 1) == 0x60 && at(buf, i + 2) == 0x60) { // a markdown code fence, not a substitution
        i += 3;
        while (i < n && at(buf, i) == 0x60) i++;
        continue;
      }
      // a backtick opening the value (or glued to its first token) substitutes; later ones are markdown code spans,
      // and the one closing a code span (`` `package.json` (which ...`` ) opens nothing: text follows it
      ctx = (i == firstByte || i < firstTokenEnd || chain) && !inSpan && !backtickSpanInProse(buf, i) ? CTX_INJECT : CTX_MID;
      inSpan = !inSpan && ctx == CTX_MID;
      i++;
      afterBacktick = ctx == CTX_INJECT;
    } else if (c == 0x24) {
      ctx = early ? CTX_SUBST : CTX_MID; // `$(find ...)` inside a longer text is a script, judged by its command
      i += 2;
    } else {
      ctx = early && c != 0x0a && !table ? CTX_INJECT : CTX_MID;
      if (c == 0x0a && (i == 0 || (i < firstTokenEnd + 2 && lineAfterToken))) ctx = CTX_INJECT;
      i++;
      while (i < n && (at(buf, i) == c || (c != 0x0a && at(buf, i) == 0x26))) i++;
    }
    afterPipe = c == 0x7c && at(buf, i - 1) == 0x7c && at(buf, i - 2) != 0x7c;
    if (c != 0x60) afterBacktick = false;
    cmdPos = true;
  }
}

/** Judges the command word at `i` in context `ctx`; returns the index where the scan continues. */
function judgeCommand(buf: ArrayBuffer, i: i32, ctx: i32): i32 {
  const n = buf.byteLength;
  let prefixed = false;
  let varCommand = false;
  const lineStart = i;
  for (let words = 0; words < 5; words++) {
    for (; i < n; i++) { // spaces, cmd's @, ( and { groups
      const c = byteAt(buf, i);
      if (!(isSpaceByte(c) || c == 0x40 || c == 0x28 || c == 0x7b)) break;
    }
    let ws = i;
    // `$(` opens a substitution; `,/` is cmd's comma blank before a switch (`cmd,/c,whoami`)
    while (i < n) {
      const c = <u32>load<u8>(changetype<usize>(buf) + <usize>i);
      const stop = unchecked(WORD_STOP[c]);
      if (stop == 1 || (stop == 2 && ((c == 0x24 && at(buf, i + 1) == 0x28) || (c == 0x2c && at(buf, i + 1) == 0x2f)))) break;
      i++;
    }
    let we = i;
    if (we == ws) {
      if (varCommand && ctx != CTX_MID && ctx != CTX_START) record(RULE_INJECTED_COMMAND, 3, lineStart, i, "variable used as a command");
      return i;
    }
    const c0 = at(buf, ws);
    if (c0 == 0x25 && ctx != CTX_START && ctx != CTX_MID && isWindowsVariable(buf, ws, we)) {
      // `&%COMSPEC% /c dir`, `|%ProgramFiles:~10,1%...`: cmd expands the variable into the command it runs
      record(RULE_INJECTED_COMMAND, 3, ws, we, "variable used as a command");
      return we;
    }
    if (c0 == 0x24 && isWordByte(at(buf, ws + 1))) { // $var as the command: its value is unknown, look past it
      // it runs something the payload chose when the value assigned it (`a=nc;$a ...`) or it names a shell ($0, $SHELL);
      // `;$a $b $c` in notes on algebra runs whatever the server's environment holds: usually nothing
      if (isChosenVariable(buf, ws + 1, we)) varCommand = true;
      continue;
    }
    // name=value: an assignment; the value may itself be the payload (`a=curl`, `code=ansible-console`)
    let eq = ws;
    while (eq < we && (isWordByte(byteAt(buf, eq)) || byteAt(buf, eq) == 0x2d)) eq++;
    if (eq > ws && eq < we && at(buf, eq) == 0x3d && ctx == CTX_START) {
      ws = eq + 1;
      if (ws == we) continue;
    }
    if (at(buf, ws) == 0x2e && (at(buf, ws + 1) | 0x20) - 0x61 < 26 && ctx != CTX_START && ctx != CTX_MID) {
      // sqlite3's dot commands (.shell, .system run a command; .databases, .dump read data) and `. file` sourcing
      let k = we;
      while (k < n && isSpaceByte(at(buf, k))) k++;
      if (k >= n || isSeparatorAt(buf, k)) {
        record(RULE_INJECTED_COMMAND, 3, ws, we, "sqlite dot command");
        return we;
      }
      prefixed = true;
      continue;
    }
    // basename of a path
    let bs = ws;
    for (let k = ws; k < we; k++) {
      const b = byteAt(buf, k);
      if (b == 0x2f || b == 0x5c) bs = k + 1;
    }
    const binDir = bs > ws && isBinaryDir(buf, ws, bs);
    let glob = false;
    for (let k = bs; k < we; k++) {
      const b = byteAt(buf, k);
      if (b == 0x3f || b == 0x2a) glob = true;
    }
    // a globbed command is spelled as a path (`/???/??t`, `/bin/ca?`) at an injection point
    let flags = glob ? (ctx == CTX_MID || (bs == ws && ctx == CTX_START) ? 0 : globCommandFlags(buf, bs, we)) : commandFlags(buf, bs, we);
    if (flags == 0 && bs > ws && at(buf, ws) != 0x2f && bs - ws >= 3 && we - bs <= 2) {
      // `bcdboot/r`: a Windows switch glued to the command name
      const f = commandFlags(buf, ws, bs - 1);
      if ((f & CMD_STRONG) != 0) {
        flags = f;
        we = bs - 1; // the switch becomes the first argument
        bs = ws;
      }
    }
    dottedVersion = false;
    if (flags == 0 && !glob) {
      flags = versionedFlags(buf, bs, we);
      dottedVersion = flags != 0 && hasDottedVersion(buf, bs, we);
    }
    if (bs > ws && !binDir && at(buf, ws) != 0x2f && at(buf, ws + 1) != 0x3a) {
      // a relative path like `./lib/base64` or `docs/cat` names a file, not a system command (`c:\x\cat` is absolute)
      flags = 0;
      glob = false;
    }
    if ((flags & CMD_PREFIX) != 0 && words < 4) {
      // `time who`, `nohup sh -c ...`: judge the next word if it is a command
      let k = we;
      while (k < n && isSpaceByte(at(buf, k))) k++;
      // `;timeout 9 ping ...`: an injected prefix's duration before the command it runs
      if (ctx != CTX_START && ctx != CTX_MID) {
        while (k < n && at(buf, k) - 0x30 < 10) k++;
        while (k < n && isSpaceByte(at(buf, k))) k++;
      }
      let ke = k;
      while (ke < n && unchecked(WORD_STOP[load<u8>(changetype<usize>(buf) + <usize>ke)]) != 1) ke++;
      // (`timeout /T 5`: a Windows switch, not a path to a binary)
      if (ke > k && (commandFlags(buf, k, ke) != 0 || (at(buf, k) == 0x2f && ke - k > 2) || at(buf, k) == 0x24)) {
        prefixed = true;
        i = k;
        continue;
      }
    }
    return judgeWord(buf, lineStart, ws, bs, we, flags, binDir, glob, prefixed, varCommand, ctx);
  }
  return i;
}

/** Whether [start, end) starts with `%NAME%` or `%NAME:~n,m%` (cmd's variable and substring expansion). */
function isWindowsVariable(buf: ArrayBuffer, start: i32, end: i32): bool {
  const base = changetype<usize>(buf);
  let k = start + 1;
  let c: u32 = 0;
  // name bytes, then `:~` digits `,` `-`, up to the closing `%` (end lies inside the buffer: bytes read stay below it)
  while (k < end && (isWordByte(c = <u32>load<u8>(base + <usize>k)) || c == 0x3a || c == 0x7e || c == 0x2c || c == 0x2d)) k++;
  return k < end && k - start >= 3 && c == 0x25 && (<u32>load<u8>(base + <usize>(start + 1)) | 0x20) - 0x61 < 26;
}

/** Whether the variable named by [start, end) (after `$`) was assigned earlier in the value or names a shell ($0, $SHELL, $BASH). */
function isChosenVariable(buf: ArrayBuffer, start: i32, end: i32): bool {
  let e = start;
  while (e < end && isWordByte(at(buf, e))) e++;
  const len = e - start;
  if (len == 1 && at(buf, start) == 0x30) return true;
  if ((len == 5 && matchesCI(buf, start, "shell")) || (len == 4 && matchesCI(buf, start, "bash"))) return true;
  // `name=` before the `$`, at a word start
  for (let k = 0; k + len < start - 1; k++) {
    if (at(buf, k + len) != 0x3d || (k > 0 && isWordByte(at(buf, k - 1)))) continue;
    let same = true;
    for (let j = 0; j < len; j++) if (at(buf, k + j) != at(buf, start + j)) { same = false; break; }
    if (same) return true;
  }
  return false;
}

/** Set by judgeCommand: the command word is a name with a `major.minor` version glued on (`python3.10`). */
let dottedVersion = false;

/** Whether [start, end) ends in digits, a dot and digits (`3.10`). */
function hasDottedVersion(buf: ArrayBuffer, start: i32, end: i32): bool {
  let e = end;
  while (e > start && at(buf, e - 1) - 0x30 < 10) e--;
  if (e == end || at(buf, e - 1) != 0x2e) return false;
  e--;
  const d = e;
  while (e > start && at(buf, e - 1) - 0x30 < 10) e--;
  return e < d;
}

/** `python3.10`, `gcc7.4`, `php8`: an interpreter name with a version glued on. */
export function versionedFlags(buf: ArrayBuffer, start: i32, end: i32): i32 {
  let e = end;
  while (e > start + 1 && (at(buf, e - 1) - 0x30 < 10 || at(buf, e - 1) == 0x2e)) e--;
  if (e == end || e - start < 2) return 0;
  const f = commandFlags(buf, start, e);
  return (f & (CMD_STRONG | CMD_SHELL)) != 0 ? f : 0;
}

function judgeWord(buf: ArrayBuffer, lineStart: i32, ws: i32, bs: i32, we: i32, flags: i32, binDir: bool, glob: bool, prefixed: bool, varCommand: bool, ctx: i32): i32 {
  // an unknown word that is no binary path nor a `$var` command, outside a chain, cannot give a finding
  if (flags == 0 && !binDir && !varCommand && !chained) return we;
  const n = buf.byteLength;
  // a value that is a command line is short and one line; longer text that starts with a command word is prose or docs
  if (ctx == CTX_START && (n > 200 || !isSingleLine(buf))) ctx = CTX_MID;
  // the command's arguments run to the next separator
  let argEnd = we;
  const argLimit = min(n, we + 512); // arguments further away say nothing about this command
  while (argEnd < argLimit && !isSeparatorAt(buf, argEnd) && at(buf, argEnd) != 0x29) argEnd++; // `)` closes a substitution or group
  let hasArg = false;
  let k = we;
  let tokens = 0;
  const maxTokens = ctx == CTX_MID ? 1 : 3;
  while (k < argEnd && tokens < maxTokens) {
    while (k < argEnd && isSpaceByte(at(buf, k))) k++;
    if (k >= argEnd) break;
    let te = k + 1;
    while (te < argEnd && !isSpaceByte(at(buf, te))) te++;
    // `openssl >= 1.1.0`: a comparison (a version requirement), no redirection
    if (te - k == 2 && at(buf, k + 1) == 0x3d) break;
    if (isArgToken(buf, k, te)) {
      hasArg = true;
      break;
    }
    tokens++;
    k = te;
  }
  // `echo TAG$((6+7))`: a substitution glued to an argument is shell syntax (the arguments end at its `$(`)
  if (!hasArg && argEnd > we && at(buf, argEnd) == 0x24 && !isSpaceByte(at(buf, argEnd - 1))) hasArg = true;
  if (!hasArg && (ctx == CTX_INJECT || ctx == CTX_SUBST)) {
    // `;sleep 5`, `|ps aux`, `&net user`: one number, or a subcommand the command takes, then the end of the command
    k = nextToken(buf, we, argEnd);
    const te = tokenEnd;
    if (k < argEnd && (isNumber(buf, k, te) || isSubcommandOf(buf, bs, we, k, te)) && endsCommand(buf, te, argEnd)) hasArg = true;
  }
  // in text only the words right after the command count: a later "/etc/..." belongs to the prose
  const sensitiveEnd = ctx == CTX_MID ? min(argEnd, (hasArg ? k : we) + 40) : argEnd;
  const sensitive = sensitiveEnd > we && isSensitiveArgs(buf, we, sensitiveEnd);
  // `adduser --system take special attention on ...`: an option named in a sentence (three plain words or more after
  // it, one of them a function word) is prose about the option, not a command line
  if (hasArg && at(buf, k) == 0x2d) {
    nextToken(buf, k, argEnd);
    const o = tokenEnd;
    if (lettersOnly(buf, o, argEnd) && plainWords(buf, o, argEnd) >= 3 && hasFunctionWord(buf, o, argEnd)) hasArg = false;
  }
  let flagArg = false;
  if (hasArg) {
    const a = at(buf, k);
    flagArg = a == 0x2d || a == 0x2f || a == 0x2b || containsCI(buf, k, argEnd, "://");
  }
  const strong = (flags & CMD_STRONG) != 0;
  const known = flags != 0;
  let rest = argEnd;
  while (rest < n && isSpaceByte(at(buf, rest))) rest++;
  let tail = we;
  while (tail < n && isSpaceByte(at(buf, tail))) tail++;
  const alone = tail >= n || isSeparatorAt(buf, tail) || at(buf, tail) == 0x29 || at(buf, tail) == 0x23; // nothing but the command until a separator or a comment
  // a lone command word ended by a newline or `;` was typed as a command; a bare word in a form field may be a value
  let last = n;
  while (last > 0 && (at(buf, last - 1) == 0x20 || at(buf, last - 1) == 0x09)) last--;
  const terminated = last > 0 && (at(buf, last - 1) == 0x0a || at(buf, last - 1) == 0x3b);
  const topic = (flags & CMD_TOPIC) != 0 || (flags & CMD_SHELL) != 0;

  // a whole value naming an unknown program of an application directory (`/usr/local/bin/payment` in a pod spec's
  // command list) runs nothing by itself; one right in /bin, /sbin, /usr/bin, /usr/sbin (`/bin/ab`) is a system binary
  // (nor does a whole value naming an unknown file with a letter extension, `/usr/bin/theme.wav`: a program has none)
  if (binDir && bs < we && isWordByte(at(buf, bs)) && ctx != CTX_MID && (known || at(buf, ws) == 0x2f || at(buf, ws) == 0x5c) &&
    (known || glob || ctx != CTX_START || tail < n || (bs - ws <= 10 && !hasLetterExtension(buf, bs, we))) &&
    !(ctx == CTX_START && isAccessRule(buf, tail))) {
    record(RULE_BINARY_PATH, 3, ws, argEnd, "system binary path");
    return we;
  }
  if (glob && known) {
    if (ctx != CTX_MID || hasArg) record(ctx == CTX_MID ? RULE_COMMAND_IN_TEXT : RULE_INJECTED_COMMAND, 3, ws, argEnd, "globbed command");
    return we;
  }
  if (!known) {
    if (varCommand && ctx != CTX_MID && ctx != CTX_START) record(RULE_INJECTED_COMMAND, 3, lineStart, argEnd, "variable used as a command");
    else if (varCommand && ctx == CTX_START && hasArg) record(RULE_INJECTED_COMMAND, 3, lineStart, argEnd, "variable used as a command");
    else if (chained && sensitive) record(RULE_INJECTED_COMMAND, 3, ws, argEnd, "chain on a secret");
    return we;
  }
  if (ctx == CTX_START) {
    // `w(?P<x>\S+)`: a word glued to `(` opens a function definition (`name()`) or is a syntax error; nothing runs.
    // So is a `(` as the first argument (`sqlite3 (3.40.0-1) unstable; urgency=medium`, a Debian changelog's
    // heading; `Perl ([libapt-pkg-perl](...))`): sh reads `(` only where a command starts. A command word spelled with
    // evasions (`\w (?P<x>...)`) was meant to run all the same
    if (at(buf, tail) == 0x28 && at(buf, tail + 1) != 0x29 && (tail == we || !startEvasive)) return we;
    // (`eval requests are queued`, `echo chamber`: a sentence, or a word that is also a noun followed by plain
    // words, names a product or a phrase; an option, number or host after it, or a strong command, is a command line)
    if (scanningIdentity && (flags & CMD_CLIENT) == 0 && at(buf, ws) - 0x61 < 26 &&
      (alone ? (flags & CMD_TOPIC) == 0 : lowerWordsOnly(buf, we, n) && !hasFunctionWord(buf, we, n) && (strong || !lettersOnly(buf, we, n)))) {
      record(RULE_COMMAND_LINE, 3, ws, n, "command as identity");
      return we;
    }
    if (prefixed) record(RULE_PREFIXED_COMMAND, 3, lineStart, argEnd, "prefixed command");
    // `python3.10 cmd`: a binary named with its minor version is how a shell calls it; prose writes "Python 3.10"
    else if (dottedVersion && (flags & CMD_SHELL) != 0 && at(buf, ws) - 0x61 < 26 && !alone && lowerWordsOnly(buf, we, argEnd) && !hasFunctionWord(buf, we, argEnd)) record(RULE_COMMAND_LINE, 3, ws, argEnd, "versioned interpreter");
    // `wget is a download tool`: words after the command that include English function words are a sentence about it
    // (a `;` or line break after a sentence, as in `egrep patterns are ...;`, is punctuation)
    else if (strong && !topic && !alone && (hasArg || scanningHeader || ((terminated || plainWords(buf, we, argEnd) >= 2) && !hasFunctionWord(buf, we, argEnd)) || isServiceName(buf, we, argEnd))) record(RULE_COMMAND_LINE, 3, ws, argEnd, "value is a command line");
    else if (startEvasive) record(RULE_COMMAND_LINE, 3, ws, argEnd, "command with evasions");
    else if (strong && topic && flagArg) record(RULE_COMMAND_LINE, 3, ws, argEnd, "value is a command line");
    // `chef report nodes` + newline: lower-case subcommand words on a line of its own, typed to run
    else if (strong && topic && terminated && !alone && at(buf, ws) - 0x61 < 26 && lowerWordsOnly(buf, we, argEnd) && !hasFunctionWord(buf, we, argEnd)) record(RULE_COMMAND_LINE, 3, ws, argEnd, "tool with subcommands");
    else if (strong && !topic && alone && ((scanningHeader && (flags & CMD_CLIENT) == 0) || terminated || isReconCommand(buf, bs, we))) record(RULE_COMMAND_LINE, 3, ws, argEnd, "value is a command");
    else if (!strong && hasArg && allArgs(buf, we, argEnd) == 1 && argEnd - ws <= 60) record(RULE_COMMAND_LINE, 3, ws, argEnd, "command with options");
    else if (sensitive) record(RULE_COMMAND_LINE, 3, ws, argEnd, "command on a sensitive file");
    // `df = pd.read_csv(path)`: a name assigned in code (Python, R), no command's first argument
    else if (hasArg && !(at(buf, we + 1) == 0x3d && at(buf, we + 2) == 0x20)) record(RULE_COMMAND_LIKE_VALUE, 2, ws, argEnd, "command-like value");
    return we;
  }
  if (ctx == CTX_INJECT || ctx == CTX_SUBST) {
    // after a value that started as a command line, a common command needs more than arguments (npm scripts chain `rm -rf dist && ...`)
    // text between `$(` and `)` is a command by construction: prose has no `$(`
    const weakOk = chained ? sensitive : (hasArg || alone || lineStart <= 1 || afterBacktick || (ctx == CTX_SUBST && at(buf, argEnd) == 0x29));
    // `tshy && bash scripts/build.sh` runs a project script; a shell that runs code is given -c/-i, a device or nothing
    // (`irb<<<code`, `sh < file`: input redirected into the interpreter runs that input)
    const scriptRun = (flags & CMD_SHELL) != 0 && hasArg && !flagArg && !sensitive && !prefixed && at(buf, k) != 0x3c;
    // `cut & paste`, `tips & more`: a word, ` & ` and a filter that ends the value is a phrase (started in the
    // background without a file, the filter reads no input and shows nothing)
    // (a command word spelled with evasions, `;e"c"ho x`, `|echo$IFS$9x`, was meant to run whatever follows it)
    if (!scriptRun && !(!hasArg && tail >= n && isPhrase(buf, ws, we)) && (strong || prefixed || sensitive || weakOk || startEvasive)) {
      record(RULE_INJECTED_COMMAND, 3, ws, argEnd, "injected command");
    }
    return we;
  }
  // inside text
  if (afterPipe && (flags & CMD_SHELL) != 0 && (alone || flagArg)) {
    record(RULE_INJECTED_COMMAND, 3, ws, argEnd, "piped into a shell");
    return we;
  }
  if ((strong && !topic && hasArg) || sensitive) record(RULE_COMMAND_IN_TEXT, 3, ws, argEnd, "command in text");
  else if (hasArg) record(RULE_WEAK_COMMAND_IN_TEXT, 1, ws, argEnd, "command in text");
  return we;
}

/** Whether the name [start, end) ends in a dot, a letter and word bytes (`theme.wav`, `a.mp3`; not `python3.11`, `x.` or `.bashrc`). */
function hasLetterExtension(buf: ArrayBuffer, start: i32, end: i32): bool {
  let k = end;
  while (--k > start && isWordByte(at(buf, k)));
  return k > start && at(buf, k) == 0x2e && (at(buf, k + 1) | 0x20) - 0x61 < 26;
}

// AppArmor's file access modes, one bit per letter (read, write, append, link, lock, mmap, execute and its
// i/u/p/c transitions, in either case)
const ACCESS_MODES: u32 = 1 << 17 | 1 << 22 | 1 | 1 << 11 | 1 << 10 | 1 << 12 | 1 << 23 | 1 << 8 | 1 << 20 | 1 << 15 | 1 << 2;

/**
 * `/usr/bin/grap rm,`, `/usr/bin/pic rmCx -> &groff,`: after a program's path, one token of access modes, maybe a
 * transition to a named profile, and `,` ending the value: an AppArmor profile's rule (a paste of /etc/apparmor.d).
 * The shell would hand the program that odd word as its one argument.
 */
function isAccessRule(buf: ArrayBuffer, k: i32): bool {
  const m = k;
  let c: u32;
  while ((c = (at(buf, k) | 0x20) - 0x61) < 26 && (ACCESS_MODES >> c & 1) != 0) k++;
  if (k == m) return false;
  if (matchesCI(buf, k, " -> ")) for (k += 4; isWordByte(at(buf, k)) || at(buf, k) == 0x26; ) k++;
  if (at(buf, k) != 0x2c) return false;
  do k++; while (isSpaceByte(at(buf, k)));
  return k >= buf.byteLength;
}

function isNumber(buf: ArrayBuffer, start: i32, end: i32): bool {
  if (end - start > 9) return false;
  for (let i = start; i < end; i++) if (at(buf, i) - 0x30 >= 10) return false;
  return true;
}

/** Whether only blanks, one more word, or a comment follow up to `argEnd` (the end of this command). */
function endsCommand(buf: ArrayBuffer, k: i32, argEnd: i32): bool {
  let words = 0;
  for (let t = nextToken(buf, k, argEnd); t < argEnd; t = nextToken(buf, tokenEnd, argEnd)) {
    if (at(buf, t) == 0x23) return true;
    if (++words > 1) return false;
  }
  return true;
}

/** Reconnaissance commands that are an attack even as a lone value. */
function isReconCommand(buf: ArrayBuffer, start: i32, end: i32): bool {
  const len = end - start;
  if (len == 6) return matchesCI(buf, start, "whoami");
  if (len == 8) return matchesCI(buf, start, "ifconfig") || matchesCI(buf, start, "ipconfig");
  if (len == 10) return matchesCI(buf, start, "systeminfo");
  return false;
}

/** Whether [start, end) is one lower-case token of two words joined by `-` (`php-fpm`, `ssh-agent`): a package or service, not prose. */
function isServiceName(buf: ArrayBuffer, start: i32, end: i32): bool {
  const k = nextToken(buf, start, end);
  const e = tokenEnd;
  if (k >= end || nextToken(buf, e, end) < end) return false;
  let dash = -1;
  for (let i = k; i < e; i++) {
    const c = at(buf, i);
    if (c == 0x2d && dash < 0 && i > k && i + 1 < e) dash = i;
    else if (!(c - 0x61 < 26 || c - 0x30 < 10)) return false;
  }
  return dash > 0;
}

// Filters and pagers: alone they read standard input.
const READS_INPUT = new WordList("more|less|paste|cut|sort|head|tail|tee|fold|column|rev|comm|uniq|tr|wc|cat|grep|sed|awk|strings");

/** A word, ` & ` and a filter at [ws, we). */
function isPhrase(buf: ArrayBuffer, ws: i32, we: i32): bool {
  return at(buf, ws - 1) == 0x20 && at(buf, ws - 2) == 0x26 && at(buf, ws - 3) == 0x20 && isWordByte(at(buf, ws - 4)) && READS_INPUT.hasLower(buf, ws, we);
}

// English function words: subcommands and arguments are never these; a sentence always has some.
const FUNCTION_WORDS = new WordList("a|an|the|and|or|but|of|to|in|on|at|by|for|with|into|from|up|is|are|was|be|it|its|my|your|our|this|that|i|you|we|he|she|they");

/** Whether a token of [start, end) is an English function word (`curl up with a book`). */
function hasFunctionWord(buf: ArrayBuffer, start: i32, end: i32): bool {
  for (let k = nextToken(buf, start, end); k < end; k = nextToken(buf, tokenEnd, end)) {
    if (FUNCTION_WORDS.hasLower(buf, k, tokenEnd)) return true;
  }
  return false;
}

/** Whether [start, end) holds one to six tokens, each an option (`-o`) or lower-case letters, digits, `.` `_` `-`. */
function lowerWordsOnly(buf: ArrayBuffer, start: i32, end: i32): bool {
  let count = 0;
  for (let k = nextToken(buf, start, end); k < end; k = nextToken(buf, tokenEnd, end)) {
    if (++count > 6) return false;
    for (let i = k; i < tokenEnd; i++) {
      const c = at(buf, i);
      if (!(c - 0x61 < 26 || c - 0x30 < 10 || c == 0x2e || c == 0x5f || c == 0x2d)) return false;
    }
  }
  return count > 0;
}

/** Whether [start, end) is lower-case letters and spaces only: words, no option, number or name with a dot. */
function lettersOnly(buf: ArrayBuffer, start: i32, end: i32): bool {
  for (let i = start; i < end; i++) {
    const c = at(buf, i);
    if (c - 0x61 >= 26 && c != 0x20) return false;
  }
  return true;
}

/**
 * `| users | /docs |`: one line opening and closing with `|`, two cells or more, no other separator (`||` `;`
 * `&` a backtick `$` a line break). A Markdown table row: its pipes are text, a command in a cell is judged as one in text.
 */
function tableRow(buf: ArrayBuffer): bool {
  let end = buf.byteLength;
  while (end > 0 && isSpaceByte(at(buf, end - 1))) end--;
  let i = 0;
  while (i < end && isSpaceByte(at(buf, i))) i++;
  if (at(buf, i) != 0x7c || at(buf, end - 1) != 0x7c) return false;
  let pipes = 0;
  for (; i < end; i++) {
    const c = at(buf, i);
    if (c == 0x7c) {
      if (at(buf, i + 1) == 0x7c) return false;
      pipes++;
    } else if (c == 0x3b || c == 0x26 || c == 0x60 || c == 0x24 || c == 0x0a || c == 0x0d) return false;
  }
  return pipes >= 3;
}

/** Whether the value has no line break before its last non-space byte. */
function isSingleLine(buf: ArrayBuffer): bool {
  let end = buf.byteLength;
  while (end > 0 && isSpaceByte(at(buf, end - 1))) end--;
  let i = 0;
  while (i < end && isSpaceByte(at(buf, i))) i++;
  for (; i < end; i++) if (at(buf, i) == 0x0a) return false;
  return true;
}

let tokenEnd: i32 = 0;

/** Start of the next whitespace-separated token in [k, end) (its end goes to tokenEnd), or `end` when none is left. */
function nextToken(buf: ArrayBuffer, k: i32, end: i32): i32 {
  while (k < end && isSpaceByte(at(buf, k))) k++;
  let e = k;
  while (e < end && !isSpaceByte(at(buf, e))) e++;
  tokenEnd = e;
  return k;
}

/** Whether [start, end) holds byte `c`. */
function hasByte(buf: ArrayBuffer, start: i32, end: i32, c: u32): bool {
  for (let i = start; i < end; i++) if (at(buf, i) == c) return true;
  return false;
}

/** Man page synopsis notation: `[OPTION]`, `FILE...`. */
function isSynopsisToken(buf: ArrayBuffer, start: i32, end: i32): bool {
  if (at(buf, start) == 0x5b) return true;
  for (let i = start; i + 2 < end; i++) if (at(buf, i) == 0x2e && at(buf, i + 1) == 0x2e && at(buf, i + 2) == 0x2e) return true;
  return false;
}

/** Words in [start, end) that are not synopsis notation (`[OPTION]...`, `FILE...`). */
function plainWords(buf: ArrayBuffer, start: i32, end: i32): i32 {
  let count = 0;
  for (let k = nextToken(buf, start, end); k < end; k = nextToken(buf, tokenEnd, end)) {
    if (!isSynopsisToken(buf, k, tokenEnd)) count++;
  }
  return count;
}

/** How many tokens [start, end) has when every one is an option, a path or a file name (`--version`, `/var/www/`), else 0. */
function allArgs(buf: ArrayBuffer, start: i32, end: i32): i32 {
  let count = 0;
  for (let k = nextToken(buf, start, end); k < end; k = nextToken(buf, tokenEnd, end)) {
    const e = tokenEnd;
    const c = at(buf, k);
    // options and absolute paths only: `cd ./benchmarks` or `bash build.sh` in a package script is not this shape
    if (!(c == 0x2d || c == 0x2f || c == 0x7e) || !isArgToken(buf, k, e) || hasByte(buf, k, e, 0x3d)) return 0;
    count++;
  }
  return count;
}
