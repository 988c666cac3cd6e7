// Command injection (rules 4000-4999): a shell-aware scanner over the value with
// the shell's evasions undone (rce/shell-normalise.ts), Windows batch control flow,
// and constructs that are injections by syntax alone (rce/shell-patterns.ts).
import { Rule, Category, CRITICAL, WARNING } from "../rule";
import { Sink } from "../sink";
import { Target, TargetKind, TargetOrigin } from "../target";
import { indexOfCI, isWordByte, needleCode, needleLength } from "../bytes";
import { PAREN, STAR, QUOTE, BRACE, BRACKET, PIPE, BANG } from "../census";
import { isNormalisable, normaliseShell, shellEvasions } from "./rce/shell-normalise";
import { scanShell, foundRule, foundStart, foundEnd, foundReason, RULE_COMMAND_LIKE_VALUE, RULE_BINARY_PATH } from "./rce/shell-scan";
import { findWindowsFor, findWindowsIf, findWindowsVariable } from "./rce/windows";
import { hasEmptyParens, findShellshock, findForkBomb, findSsi, findPerlInterpolation, findRubySpawn, findShellExpansion, tildeOrHistoryValue, findAlias, findVariableAssembly } from "./rce/shell-patterns";
import { findMailCommand } from "./rce/mail";
import { findVbscriptExec } from "./rce/vbscript";
import { findScriptCode } from "./rce/scripting";
import { isRestrictedUploadName } from "./rce/upload-name";
import { fileExtensions, isUploadName } from "./langs/filenames";
import { WordList } from "../wordlist";
import { shellScanSkips } from "./rce/gate";
import { nextByte } from "./rce/next-byte";
import { userAgentEnd } from "./rce/user-agent";

export const RCE_RULES: Rule[] = [
  new Rule(4100, Category.Rce, CRITICAL, 1, "Unix/Windows command after a shell separator or inside a substitution (; | && || ` $( )"),
  new Rule(4101, Category.Rce, CRITICAL, 1, "Value is a command line: a known command with arguments"),
  new Rule(4102, Category.Rce, CRITICAL, 1, "Command run through a prefix command (time, nohup, strace, sudo, env ...)"),
  new Rule(4103, Category.Rce, CRITICAL, 1, "Absolute path to a system binary (/bin/, /usr/bin/, System32) at a command position"),
  new Rule(4104, Category.Rce, CRITICAL, 1, "Reverse shell device /dev/tcp or /dev/udp"),
  new Rule(4105, Category.Rce, CRITICAL, 1, "Distinctive shell command with arguments after a separator inside text"),
  new Rule(4106, Category.Rce, WARNING, 2, "Known command with arguments after a separator inside text"),
  new Rule(4107, Category.Rce, WARNING, 1, "Value starts like a command line (a common command with arguments)"),
  new Rule(4200, Category.Rce, CRITICAL, 1, "Windows cmd FOR loop (for %x in (...) do ...)"),
  new Rule(4201, Category.Rce, CRITICAL, 1, "Windows cmd IF statement (if exist/defined/errorlevel, == or EQU/NEQ/LSS/GTR)"),
  new Rule(4202, Category.Rce, WARNING, 2, "Windows environment variable used by payloads (%COMSPEC%, %SYSTEMROOT% ...)"),
  new Rule(4300, Category.Rce, CRITICAL, 1, "Bash function definition as in shellshock: () {"),
  new Rule(4301, Category.Rce, CRITICAL, 1, "Fork bomb: a shell function that pipes or backgrounds itself"),
  new Rule(4302, Category.Rce, CRITICAL, 1, "Server-side or edge-side include directive (<!--#exec, <!--#include ..., <esi:include, <esi:vars ...)"),
  new Rule(4303, Category.Rce, CRITICAL, 1, "Perl code interpolation @{[ ... ]}"),
  new Rule(4304, Category.Rce, CRITICAL, 1, "Ruby process spawning (Process.spawn, Kernel.exec, IO.popen)"),
  new Rule(4305, Category.Rce, CRITICAL, 1, "Shell-only expansion syntax ($((...)), $[...], ${x#...}, ${x:-...}, $(...) or <(...) as the value)"),
  new Rule(4306, Category.Rce, CRITICAL, 1, "Value is a shell tilde or history expansion (~+, ~-1, !-1)"),
  new Rule(4307, Category.Rce, WARNING, 2, "Value is a short tilde or history expansion (~0, !!, !1)"),
  new Rule(4308, Category.Rce, CRITICAL, 1, "Shell alias definition"),
  new Rule(4309, Category.Rce, CRITICAL, 1, "Mail protocol command injected after CR/LF (SMTP, IMAP, POP3)"),
  new Rule(4311, Category.Rce, CRITICAL, 1, "Upload of a server configuration file name (wp-config.php, settings.php, .htaccess, web.config ...)"),
  new Rule(4310, Category.Rce, CRITICAL, 1, "Word assembled from three or more shell variables ($a$b$c)"),
  new Rule(4312, Category.Rce, CRITICAL, 1, "ASP/VBScript code running a string (Execute/Eval with On Error Resume Next, Response.Write ...)"),
  new Rule(4314, Category.Rce, CRITICAL, 1, "Upload of a page IIS runs as code (.asp, .aspx, .ashx, .asmx, .asa, .cshtml ..., double extensions)"),
  new Rule(4313, Category.Rce, CRITICAL, 1, "Perl/Python/Ruby/PHP/ASP code: output of a computation or a command at a statement start (print 1337*1337, ;print(13*37);, Response.Write(), eval request()), __import__('os'), os.system('...'), %x(...), qx{...}"),
];

/** Extensions IIS hands to ASP or ASP.NET (.cer and .cdx only by old mappings; .cer is also a certificate, left out). */
const IIS_PAGES = new WordList("asp|aspx|ashx|asmx|asa|asax|ascx|cshtml|vbhtml|cdx");

export function detectRce(s: Sink, t: Target): void {
  if ((t.kind == TargetKind.Filename || (t.kind == TargetKind.Header && (t.key == "x-filename" || t.key == "x-file-name" || t.key == "x_filename"))) && isRestrictedUploadName(t.value)) {
    s.report(4311, t, t.value, 0, t.value.byteLength, "server config upload");
  }
  if (isUploadName(t)) {
    const exts = fileExtensions(t.value);
    for (let k = 0; k < exts.length; k++) {
      if (IIS_PAGES.hasString(exts[k])) {
        s.report(4314, t, t.value, 0, t.value.byteLength, "IIS page upload");
        break;
      }
    }
  }
  const raw = t.htmlDecoded(); // URL-decoded until stable and HTML entities decoded: payloads arrive in both
  const n = raw.byteLength;
  if (n < 2) return;
  // one pass over the bytes decides which syntax checks can match at all
  const seen = bytesSeen(raw);
  const normalised = (seen & SEEN_NORMALISABLE) != 0;
  const v = normalised ? normaliseShell(raw) : raw;
  const evasions = normalised ? shellEvasions : 0;

  // A User-Agent that starts as a product token (`curl/8.5.0`, `Wget/1.21`, `kube-probe/1.29`) names
  // the client, not a command line: health checks and scripts in a mesh send these all day. Only
  // what follows its products and comments is scanned (rce/user-agent.ts).
  let text = v;
  let textEvasions = evasions;
  let scan = true;
  const end = t.kind == TargetKind.Header && t.key == "user-agent" ? userAgentEnd(raw) : -1;
  if (end >= 0) {
    scan = end < n;
    if (scan) {
      text = raw.slice(end);
      textEvasions = 0;
      if ((bytesSeen(text) & SEEN_NORMALISABLE) != 0) {
        text = normaliseShell(text);
        textEvasions = shellEvasions;
      }
    }
  }
  if (scan && !shellScanSkips(raw)) {
    const identity = t.kind == TargetKind.Header && (t.key == "user-agent" || t.key == "referer");
    scanShell(text, t.kind == TargetKind.Header, textEvasions > 0, identity);
    if (foundRule == RULE_COMMAND_LIKE_VALUE && textEvasions > 0) {
      // a command line spelled with shell evasions (c'a't, {l,-lh}s, pa[s]swd) is not an innocent mention
      s.report(4101, t, text, foundStart, foundEnd, "command with evasions");
    } else if (foundRule == RULE_BINARY_PATH && textEvasions == 0 && programAsData(t, text)) {
      // `"command": ["/bin/sh", "-c", "..."]`: a program alone at the head of a JSON list is an argv
      // (exec form, as pod specs and Dockerfiles write it), data for an API that runs programs by design;
      // a program path alone deep in an application directory is telemetry or configuration
    } else if (foundRule != 0) s.report(foundRule, t, text, foundStart, foundEnd, foundReason);
    else if (textEvasions > 0 && isGlobbedSystemPath(text)) s.report(4101, t, text, 0, text.byteLength, "evasive system directory");
    else if (identity && t.key == "referer") scanRefererQuery(s, t, v);
  }

  let at = -1;
  const dev = (seen & SEEN_SLASH) != 0 ? devPath(v) : -1; // one pass for most values, which name no /dev
  if (dev >= 0) {
    at = indexOfCI(v, "/dev/tcp/", dev);
    if (at < 0) at = indexOfCI(v, "/dev/udp/", dev);
    if (at >= 0) s.report(4104, t, v, at, at + 9, "/dev/tcp reverse shell");
  }
  if ((seen & SEEN_PERCENT) != 0) {
    at = findWindowsFor(v);
    if (at >= 0) s.report(4200, t, v, at, at + 60, "batch for loop");
    at = findWindowsVariable(v);
    if (at >= 0) s.report(4202, t, v, at, at + 20, "windows variable");
  }
  at = findWindowsIf(v);
  if (at >= 0) s.report(4201, t, v, at, at + 60, "batch if statement");
  if ((seen & SEEN_PAREN) != 0) {
    if (n >= 24) {
      at = findVbscriptExec(raw);
      if (at >= 0) s.report(4312, t, raw, at, at + 40, "VBScript execution");
    }
    if (hasEmptyParens(raw)) { // both look for `()` only
      at = findShellshock(raw);
      if (at >= 0) s.report(4300, t, raw, at, at + 20, "() { definition");
      at = findForkBomb(raw);
      if (at >= 0) s.report(4301, t, raw, at, at + 30, "fork bomb");
    }
  }
  if ((seen & SEEN_LT) != 0) {
    at = findSsi(raw);
    if (at >= 0) s.report(4302, t, raw, at, at + 40, "SSI directive");
  }
  if ((seen & SEEN_AT) != 0) {
    at = findPerlInterpolation(raw);
    if (at >= 0) s.report(4303, t, raw, at, at + 40, "perl @{[ ]}");
  }
  if ((seen & SEEN_DOT) != 0) {
    at = findRubySpawn(raw);
    if (at >= 0) s.report(4304, t, raw, at, at + 40, "ruby process spawning");
  }
  if ((seen & (SEEN_DOLLAR | SEEN_LT | SEEN_GT)) != 0) {
    at = findShellExpansion(raw);
    if (at >= 0) s.report(4305, t, raw, at, at + 30, "shell expansion syntax");
  }
  const th = tildeOrHistoryValue(raw);
  if (th == 1) s.report(4306, t, raw, 0, n, "tilde/history expansion");
  else if (th == 2) s.report(4307, t, raw, 0, n, "tilde/history expansion");
  at = findAlias(v);
  if (at >= 0) s.report(4308, t, v, at, at + 40, "alias definition");
  if ((seen & SEEN_DOLLAR) != 0) {
    at = findVariableAssembly(raw);
    if (at >= 0) s.report(4310, t, raw, at, at + 40, "command from variables");
  }
  // every form needs one of ( * ` { [ | ! (a call, a product, a command, a literal's delimiter)
  if (n >= 5 && (t.census() & (PAREN | STAR | QUOTE | BRACE | BRACKET | PIPE | BANG)) != 0) {
    at = findScriptCode(raw);
    if (at >= 0) s.report(4313, t, raw, at, at + 40, "script code");
  }
  at = findMailCommand(raw);
  if (at >= 0) s.report(4309, t, raw, at, at + 40, "mail command after CRLF");
}

/** Index of the first `/dev/` (either case), or -1: the `/` found eight bytes at a time, `dev/` compared in one load. */
function devPath(v: ArrayBuffer): i32 {
  const n = v.byteLength;
  const base = changetype<usize>(v);
  for (let i = 0; i + 5 <= n; i++) {
    i = nextByte(v, i, 0x2f, false);
    if (i + 5 > n) break;
    // "dev/" little-endian, its three letters folded (`| 0x20` maps only D/d, E/e, V/v onto them)
    if ((load<u32>(base + <usize>(i + 1)) | 0x00202020) == 0x2f766564) return i;
  }
  return -1;
}

/** A value that is an absolute path whose first segment has `?` (`/[e///]tc` became `/?tc`) and otherwise spells a system directory. */
function isGlobbedSystemPath(v: ArrayBuffer): bool {
  const n = v.byteLength;
  const base = changetype<usize>(v);
  if (n < 3 || load<u8>(base) != 0x2f) return false;
  let e = 1;
  let glob = false;
  while (e < n && load<u8>(base + <usize>e) != 0x2f && e < 6) {
    const c = load<u8>(base + <usize>e);
    if (c == 0x3f) glob = true;
    e++;
  }
  if (!glob || (e < n && load<u8>(base + <usize>e) != 0x2f)) return false;
  // System root directories, space-separated (one needle, stored as bytes: no array of strings)
  return spellsWordOf(base + 1, e - 1, "etc bin sbin usr dev proc var tmp root home boot lib opt sys");
}

/** Whether the `len` bytes at `at`, a `?` standing for any byte, spell one of the space-separated `words`. */
export function spellsWordOf<Needle>(at: usize, len: i32, words: Needle, n: i32 = 0): bool {
  n = needleLength(words, n);
  for (let w = 0; w < n; ) {
    let we = w;
    while (we < n && needleCode(words, we) != 0x20) we++;
    if (we - w == len) {
      let k = 0;
      while (k < len) {
        const c = <u32>load<u8>(at + <usize>k);
        if (c != 0x3f && (c | 0x20) != needleCode(words, w + k)) break;
        k++;
      }
      if (k == len) return true;
    }
    w = we + 1;
  }
  return false;
}

/**
 * The query values of a Referer, each judged as a value of its own: the page that linked here
 * carried them (`https://example.com/?args=env --version`), and they reach logs and analytics.
 */
function scanRefererQuery(s: Sink, t: Target, v: ArrayBuffer): void {
  const n = v.byteLength;
  const base = changetype<usize>(v);
  let q = 0;
  while (q < n && load<u8>(base + <usize>q) != 0x3f) q++;
  let i = q + 1;
  while (i < n) {
    let e = i;
    while (e < n && load<u8>(base + <usize>e) != 0x26 && load<u8>(base + <usize>e) != 0x23) e++;
    let eq = i;
    while (eq < e && load<u8>(base + <usize>eq) != 0x3d) eq++;
    if (eq + 2 < e) {
      const value = v.slice(eq + 1, e);
      if (!shellScanSkips(value)) {
        scanShell(value, false, false);
        if (foundRule != 0 && foundRule != RULE_COMMAND_LIKE_VALUE) {
          s.report(foundRule, t, v, eq + 1 + foundStart, eq + 1 + foundEnd, foundReason);
          return;
        }
      }
    }
    if (e < n && load<u8>(base + <usize>e) == 0x23) return;
    i = e + 1;
  }
}

const SEEN_SLASH: i32 = 1;
const SEEN_PERCENT: i32 = 2;
const SEEN_PAREN: i32 = 4;
const SEEN_LT: i32 = 8;
const SEEN_AT: i32 = 16;
const SEEN_DOT: i32 = 32;
const SEEN_DOLLAR: i32 = 64;
const SEEN_GT: i32 = 128;
const SEEN_NORMALISABLE: i32 = 256; // a byte shell normalisation changes (isNormalisable)

// SEEN_* flags of each byte value.
const SEEN_CLASS = new StaticArray<u16>(256);
function initSeenClass(): void {
  // (unchecked: every index is a byte, below 256; the checked setter costs the module a function)
  unchecked((SEEN_CLASS[0x2f] = <u16>SEEN_SLASH));
  unchecked((SEEN_CLASS[0x25] = <u16>SEEN_PERCENT));
  unchecked((SEEN_CLASS[0x28] = <u16>SEEN_PAREN));
  unchecked((SEEN_CLASS[0x40] = <u16>SEEN_AT));
  unchecked((SEEN_CLASS[0x2e] = <u16>SEEN_DOT));
  for (let c = 0; c < 256; c++) if (isNormalisable(<u32>c)) unchecked((SEEN_CLASS[c] |= <u16>SEEN_NORMALISABLE));
  unchecked((SEEN_CLASS[0x3c] |= <u16>SEEN_LT));
  unchecked((SEEN_CLASS[0x24] |= <u16>SEEN_DOLLAR));
  unchecked((SEEN_CLASS[0x3e] |= <u16>SEEN_GT));
}
initSeenClass();

/** Which trigger bytes occur in `buf` (SEEN_* flags). */
function bytesSeen(buf: ArrayBuffer): i32 {
  const base = changetype<usize>(buf);
  const n = buf.byteLength;
  let seen: i32 = 0;
  for (let i = 0; i < n; i++) seen |= <i32>unchecked(SEEN_CLASS[load<u8>(base + <usize>i)]);
  return seen;
}


/**
 * One absolute path and nothing else, as a JSON list's first element (`json:...command.0`), or in JSON
 * three directories deep (`/opt/java/openjdk/bin/java`: OpenTelemetry's process.executable.path); or any
 * string of an OpenTelemetry export (OTLP/JSON: `resourceSpans.0.resource.attributes.3.value.stringValue`), whose
 * process.command_line and log bodies record what ran (`/usr/bin/dockerd -H fd://`) for a collector that runs nothing.
 */
function programAsData(t: Target, v: ArrayBuffer): bool {
  if (t.origin != TargetOrigin.Json || load<u8>(changetype<usize>(v)) != 0x2f) return false;
  if (t.key.startsWith("resource") && t.key.endsWith("stringValue", String.MAX_LENGTH)) return true;
  if (v.byteLength > 64) return false;
  let slashes = 0;
  for (let i = 0; i < v.byteLength; i++) {
    const c = load<u8>(changetype<usize>(v) + <usize>i);
    if (c == 0x2f) slashes++;
    else if (!(c == 0x2d || c == 0x2e || isWordByte(c))) return false;
  }
  return slashes >= 4 || t.key.endsWith(".0", String.MAX_LENGTH);
}
