// The command vocabulary of the shell scanner: Unix and Windows command names by
// class, bucketed by first letter so a lookup compares only a handful of words.

import { WordList } from "../../wordlist";
import { equalBytes } from "../../bytes";
import { wordIs as equalsCI } from "../langs/syntax";

/** A command that prose and documentation use as an ordinary word (cat, time, find, echo ...). */
export const CMD_WEAK: i32 = 1;
/** A command name that hardly occurs outside a shell (whoami, wget, ifconfig, certutil ...). */
export const CMD_STRONG: i32 = 2;
/** Runs the next word as a command (time, nohup, sudo, env, xargs ...). */
export const CMD_PREFIX: i32 = 4;
/** A shell or interpreter; `-c`/`-e` make it run code. */
export const CMD_SHELL: i32 = 8;
/** Named like a language or tool people discuss (python, perl, php): needs arguments at value start. */
export const CMD_TOPIC: i32 = 16;
/** An HTTP client whose name is also its User-Agent product token (wget, curl): alone in a header it names the client. */
export const CMD_CLIENT: i32 = 32;

// Distinctive names: recon, download, network, shells, persistence, config management.
const STRONG_WORDS = new WordList(
"whoami|ifconfig|ipconfig|netstat|nslookup|getent|uname|passwd|chpasswd|useradd|adduser|usermod|userdel|visudo|\
crontab|wget|curl|ncat|netcat|socat|telnet|nmap|tcpdump|busybox|powershell|pwsh|cmd.exe|certutil|bitsadmin|\
mshta|rundll32|regsvr32|wmic|netsh|schtasks|tasklist|taskkill|systeminfo|cscript|wscript|msiexec|bcdboot|\
bcdedit|vssadmin|wevtutil|icacls|cacls|takeown|findstr|forfiles|regedit|reg.exe|iex|iwr|irm|iwmi|gcc|c89|c99|\
gdb|strace|ltrace|nohup|chmod|chown|chgrp|mkfifo|mknod|base64|base32|xxd|hexdump|lastlog|lastlogin|ansible|\
ansible-config|ansible-galaxy|ansible-console|ansible-doc|ansible-inventory|ansible-pull|ansible-vault|\
ansible-playbook|chef|chef-vault|chef-shell|chef-run|chef-client|chef-solo|knife|cscli|iptables|systemctl|\
openssl|ssh-keygen|ssh-copy-id|rsync|tftp|lwp-download|lwp-request|lwp-mirror|aria2c|traceroute|gawk|egrep|\
fgrep|uconv|zstdcat|zcat|bzcat|xzcat|gunzip|unxz|bunzip2|rmt|rmt-tar|rmt-dump|cpulimit|lsof|pstree|htop|\
chroot|sysctl|dmesg|printenv|sudoedit|pkexec|doas|jrunscript|jjs|tclsh|setsid|nsenter|pip3|pipx|killall|pkill|\
aptitude|apt-get|irb|nc|sh|zsh|ksh|csh|tcsh|dash|bash|perl|python2|python3|ruby|php|lua|shutdown|poweroff|\
reboot|bsdtar|aa-disable|aa-exec|ssh|scp|sftp|ftp|smbclient|mysqldump|psql|sqlite3|mount|umount|losetup|\
modprobe|insmod|tac|pwd|whois|dig");
// Ordinary words or commands that documentation talks about: need structure around them.
const WEAK_WORDS = new WordList(
"cat|ls|ll|ip|dir|cd|cp|mv|rm|touch|mkdir|rmdir|ln|find|locate|which|whereis|file|stat|wc|sort|uniq|cut|tr|\
date|time|who|w|finger|last|users|groups|hostname|id|echo|printf|env|set|export|alias|eval|exec|source|sleep|\
usleep|timeout|watch|at|batch|screen|tmux|expect|script|stty|wish|bc|kill|ps|top|vi|vim|ex|nano|emacs|less|more|head|\
tail|grep|sed|awk|xargs|tee|dd|od|strings|nl|paste|column|comm|fold|tar|zip|unzip|gzip|bzip2|xz|7z|pip|gem|\
npm|apt|yum|dnf|rpm|dpkg|make|java|perf|rev|diff|patch|ping|route|arp|su|sudo|nice|renice|ionice|taskset|\
stdbuf|unshare|trap|type|copy|del|erase|ren|md|rd|attrib|start|call|net|net1|sc|where|tasklist.exe|reg|\
wget.exe|python|lynx|links|mail|sendmail|flock|df|du|free|uptime|history|jobs|fg|bg|disown");
// Commands that run the word after them as a command.
const PREFIX_WORDS = new WordList(
"time|nohup|strace|ltrace|sudo|doas|env|exec|nice|ionice|xargs|timeout|watch|command|builtin|cpulimit|flock|\
stdbuf|setsid|busybox|unbuffer|chroot|nsenter");
// Shells and interpreters.
const SHELL_WORDS = new WordList(
"sh|bash|zsh|ksh|csh|tcsh|dash|busybox|perl|python|python2|python3|ruby|php|lua|powershell|pwsh|cmd|cmd.exe|\
irb|tclsh");
// Names people discuss as topics: alone at value start they are a search term, not a command.
const TOPIC_WORDS = new WordList(
"python|python2|python3|perl|ruby|php|lua|bash|zsh|gcc|curl|ssh|chef|ansible|telnet|ftp|mount|dig|shutdown|openssl|\
reboot");
// HTTP clients that send their own name as User-Agent.
const CLIENT_WORDS = new WordList("wget|curl|aria2c|lwp-download|lwp-request|lwp-mirror|lynx|links");

// The words of every list, bucketed by first letter: an entry is the address and length of a
// word in its list's packed bytes (no string per word). Laid out flat, bucket after bucket: bucket b is
// entries [BUCKET_AT[b], BUCKET_AT[b + 1]) of WORDS, FLAGS and CHARS (three objects for the collector
// to visit, not three lists per bucket).
const BUCKET_AT = new StaticArray<i32>(28);
let WORDS = new StaticArray<u64>(0);
let FLAGS = new StaticArray<i32>(0);
/** Per word, the characters it holds (charBit): a glob matches only words holding all its literal characters. */
let CHARS = new StaticArray<u64>(0);
/** Per bucket, bit n set when some word has n characters (n < 32): most words of a value are no command. */
const BUCKET_LENGTHS = new StaticArray<u32>(27);

/** A bit per character a command word can hold (letters case-folded, digits, `.`, `-`, `_`; one bit for the rest). */
function charBit(c: u32): u64 {
  const l = c | 0x20;
  if (l - 0x61 < 26) return <u64>1 << <u64>(l - 0x61);
  if (c - 0x30 < 10) return <u64>1 << <u64>(c - 0x30 + 26);
  if (c == 0x2e) return <u64>1 << 36;
  if (c == 0x2d) return <u64>1 << 37;
  if (c == 0x5f) return <u64>1 << 38;
  return <u64>1 << 39;
}

function bucketOf(c: u32): i32 {
  const l = c | 0x20;
  return l - 0x61 < 26 ? <i32>(l - 0x61) : 26;
}

// @ts-ignore: decorator
@inline function entryOf(p: usize, len: i32): u64 {
  return (<u64>p << 8) | <u64>len;
}
// @ts-ignore: decorator
@inline function entryStart(e: u64): usize {
  return <usize>(e >> 8);
}
// @ts-ignore: decorator
@inline function entryLength(e: u64): i32 {
  return <i32>(e & 0xff);
}

function sameEntry(a: u64, b: u64): bool {
  const n = entryLength(a);
  return n == entryLength(b) && equalBytes(entryStart(a), entryStart(b), n);
}

/**
 * Adds the words of `list` in bucket `b` from entry `at` on (a word already in the bucket, from an
 * earlier list, gains `flag`); returns the next free entry.
 */
function addWords(list: WordList, flag: i32, b: i32, at: i32): i32 {
  for (let i = 0; i < list.count; i++) {
    const len = list.length(i);
    if (len == 0 || bucketOf(list.code(i, 0)) != b) continue;
    const e = entryOf(list.wordStart(i), len);
    // (unchecked: `at` stays below the room initTable made for every word, `b` below 27)
    let k = unchecked(BUCKET_AT[b]);
    while (k < at && !sameEntry(unchecked(WORDS[k]), e)) k++;
    if (k < at) unchecked((FLAGS[k] = FLAGS[k] | flag));
    else {
      unchecked((WORDS[at] = e));
      unchecked((FLAGS[at] = flag));
      let chars: u64 = 0;
      for (let j = 0; j < len; j++) chars |= charBit(list.code(i, j));
      unchecked((CHARS[at] = chars));
      if (len < 32) unchecked((BUCKET_LENGTHS[b] |= <u32>1 << <u32>len));
      at++;
    }
  }
  return at;
}

function initTable(): void {
  // room for every word of every list (a word in two lists takes one entry: the rest stays unused)
  const room = WEAK_WORDS.count + STRONG_WORDS.count + PREFIX_WORDS.count + SHELL_WORDS.count + TOPIC_WORDS.count + CLIENT_WORDS.count;
  WORDS = new StaticArray<u64>(room);
  FLAGS = new StaticArray<i32>(room);
  CHARS = new StaticArray<u64>(room);
  let at = 0;
  for (let b = 0; b < 27; b++) {
    unchecked((BUCKET_AT[b] = at));
    at = addWords(WEAK_WORDS, CMD_WEAK, b, at);
    at = addWords(STRONG_WORDS, CMD_STRONG, b, at);
    at = addWords(PREFIX_WORDS, CMD_PREFIX, b, at);
    at = addWords(SHELL_WORDS, CMD_SHELL, b, at);
    at = addWords(TOPIC_WORDS, CMD_TOPIC, b, at);
    at = addWords(CLIENT_WORDS, CMD_CLIENT, b, at);
  }
  unchecked((BUCKET_AT[27] = at));
}
initTable();

/** As equalsCI (langs/syntax wordIs), against a table entry. */
function equalsEntryCI(buf: ArrayBuffer, start: i32, end: i32, e: u64): bool {
  const n = entryLength(e);
  if (n != end - start) return false;
  const base = changetype<usize>(buf) + <usize>start;
  const w = entryStart(e);
  for (let j = 0; j < n; j++) {
    let c = <u32>load<u8>(base + <usize>j);
    if (c - 0x41 < 26) c |= 0x20;
    if (c != <u32>load<u8>(w + <usize>j)) return false;
  }
  return true;
}

/** Classes (CMD_* flags) of the command named by bytes [start, end), or 0. A `.exe` suffix is ignored. */
export function commandFlags(buf: ArrayBuffer, start: i32, end: i32): i32 {
  if (end - start < 1 || end - start > 20) return 0;
  const b = bucketOf(<u32>load<u8>(changetype<usize>(buf) + <usize>start));
  if ((unchecked(BUCKET_LENGTHS[b]) & (<u32>1 << <u32>(end - start))) != 0) {
    for (let i = unchecked(BUCKET_AT[b]), last = unchecked(BUCKET_AT[b + 1]); i < last; i++) {
      if (equalsEntryCI(buf, start, end, unchecked(WORDS[i]))) return unchecked(FLAGS[i]);
    }
  }
  if (end - start > 4 && equalsCI(buf, end - 4, end, ".exe")) return commandFlags(buf, start, end - 4);
  // PowerShell cmdlets are Verb-Noun; the verbs that run or fetch things are enough.
  if (end - start > 8 && (equalsCI(buf, start, start + 7, "invoke-") || equalsCI(buf, start, start + 6, "start-") && equalsCI(buf, start + 6, end, "process"))) return CMD_STRONG;
  return 0;
}

/**
 * Whether glob `pattern` (bytes [start, end), with `?` and `*`) matches the `n` characters at `word`
 * (bytes when `wide` is false, UTF-16 units when true). Bounded: no backtracking over more than one `*`.
 */
function globMatches(buf: ArrayBuffer, start: i32, end: i32, word: usize, n: i32, wide: bool): bool {
  const base = changetype<usize>(buf);
  let p = start;
  let w = 0;
  let starP = -1;
  let starW = 0;
  let steps = 0;
  while (w < n && steps++ < 400) {
    const c = p < end ? lowerOf(<u32>load<u8>(base + <usize>p)) : 0;
    const wc = wide ? <u32>load<u16>(word + (<usize>w << 1)) : <u32>load<u8>(word + <usize>w);
    if (p < end && (c == 0x3f || c == wc)) {
      p++;
      w++;
    } else if (p < end && c == 0x2a) {
      starP = p++;
      starW = w;
    } else if (starP >= 0) {
      p = starP + 1;
      w = ++starW;
    } else return false;
  }
  while (p < end && load<u8>(base + <usize>p) == 0x2a) p++;
  return p == end && w == n;
}

// @ts-ignore: decorator
@inline function lowerOf(c: u32): u32 {
  return c - 0x41 < 26 ? c | 0x20 : c;
}

/** Flags of the first STRONG or SHELL command that glob [start, end) (containing `?`/`*`) matches, or 0. */
export function globCommandFlags(buf: ArrayBuffer, start: i32, end: i32): i32 {
  if (end - start > 20 || end - start < 2) return 0;
  // a glob with no literal letter (`*`, `??`) matches anything: no evidence of a command
  let letters = 0;
  let stars = 0;
  for (let k = start; k < end; k++) {
    const c = <u32>load<u8>(changetype<usize>(buf) + <usize>k);
    if ((c | 0x20) - 0x61 < 26) letters++;
    else if (c == 0x2a) stars++;
  }
  if (letters == 0 || (stars > 0 && letters < 2)) return 0;
  // What a matching word must have: every literal character of the glob, and its length (one
  // character per `?` or literal; at least that many when there is a `*`).
  let needs: u64 = 0;
  for (let k = start; k < end; k++) {
    const c = <u32>load<u8>(changetype<usize>(buf) + <usize>k);
    if (c != 0x2a && c != 0x3f) needs |= charBit(c);
  }
  const fixed = end - start - stars;
  // every bucket in turn: all the words, in bucket order
  for (let i = 0, total = unchecked(BUCKET_AT[27]); i < total; i++) {
    if ((unchecked(CHARS[i]) & needs) != needs) continue;
    const e = unchecked(WORDS[i]);
    const n = entryLength(e);
    if (stars == 0 ? n != fixed : n < fixed) continue;
    const f = unchecked(FLAGS[i]);
    if ((f & (CMD_STRONG | CMD_SHELL)) == 0 && !isCatOrLs(e)) continue;
    if (globMatches(buf, start, end, entryStart(e), n, false)) return f;
  }
  return 0;
}

/** Whether glob [start, end) matches literal `word` (exported for sensitive-path checks). */
export function globMatchesWord(buf: ArrayBuffer, start: i32, end: i32, word: string): bool {
  return globMatches(buf, start, end, changetype<usize>(word), word.length, true);
}

/** `cat` and `ls`: weak words, but a glob spelling them (`/bin/c?t`, `l*`) is an evasion. */
function isCatOrLs(e: u64): bool {
  const p = entryStart(e);
  const n = entryLength(e);
  if (n == 3) return load<u8>(p) == 0x63 && load<u8>(p + 1) == 0x61 && load<u8>(p + 2) == 0x74;
  return n == 2 && load<u8>(p) == 0x6c && load<u8>(p + 1) == 0x73;
}

// Subcommands of weak command words whose first argument is a verb, not a path or an option:
// `net user`, `sc query`, `reg save` (one list for the three: no verb of one is prose for another).
// With one of these the word is used as the command, not as prose ("net profit").
const VERBS = new WordList("user|users|localgroup|group|view|share|use|accounts|session|start|stop|config|query|queryex|qc|create|delete|add|save|export|import");

/** Whether [as, ae) is a subcommand of the weak command at [cs, ce): net/net1, sc, reg and a verb; ps and BSD option letters (`aux`). */
export function isSubcommandOf(buf: ArrayBuffer, cs: i32, ce: i32, as: i32, ae: i32): bool {
  const n = ce - cs;
  const c = <u32>load<u8>(changetype<usize>(buf) + <usize>cs) | 0x20;
  if (n == 2 && c == 0x70 && equalsCI(buf, cs, ce, "ps")) {
    for (let k = as; k < ae; k++) {
      const b = <u32>load<u8>(changetype<usize>(buf) + <usize>k);
      if (b != 0x61 && b != 0x75 && b != 0x78 && b != 0x77 && b != 0x65 && b != 0x66) return false;
    }
    return ae - as >= 2 && ae - as <= 5;
  }
  return (equalsCI(buf, cs, ce, "net") || equalsCI(buf, cs, ce, "net1") || equalsCI(buf, cs, ce, "sc") || equalsCI(buf, cs, ce, "reg")) && VERBS.hasLower(buf, as, ae);
}
