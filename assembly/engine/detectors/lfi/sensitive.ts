// Files an attacker reads through traversal or inclusion: OS account and secret
// files, process and kernel views, credentials and keys, server and application
// configuration, repository metadata. Matched as path components (after `/`, `\`,
// `=`, `~`, a space or at the start), so prose that says "the .env file" does not match.
import { isWordByte } from "../../bytes";
import { WordList } from "../../wordlist";

// Paths, given without their leading separator, lower case. A trailing `/` means "this directory and what is in it".
const SENSITIVE = new WordList(
"etc/passwd|etc/shadow|etc/group|etc/hosts|etc/issue|etc/motd|etc/sudoers|etc/crontab|etc/fstab|\
etc/master.passwd|etc/pwd.db|etc/security/|etc/ssh/|etc/mysql/|etc/httpd/|etc/apache2/|etc/nginx/|\
etc/environment|etc/profile|etc/hostname|etc/resolv.conf|etc/os-release|etc/lsb-release|etc/redhat-release|\
proc/self|proc/version|proc/cpuinfo|proc/meminfo|proc/mounts|proc/net|proc/sys|proc/interrupts|proc/cmdline|\
proc/1/|sys/class|sys/kernel|sys/devices|root/|var/run/secrets/|var/lib/mysql/|boot.ini|win.ini|system.ini|\
windows/system32/drivers/|windows/system32/config/|windows/system32/inetsrv/|winnt/|windows/repair/|inetpub/|web.config|web.xml|.htaccess|.htpasswd|.ssh/|id_rsa|id_dsa|id_ecdsa|\
id_ed25519|authorized_keys|known_hosts|.aws/|.docker/|.kube/|.git/|.svn/|.hg/|.env|.bash_history|.zsh_history|\
.history|.mysql_history|.npmrc|.netrc|.pgpass|.git-credentials|.boto|wp-config.php|httpd.conf|php.ini|my.cnf|\
shadow.bak|web-inf/|meta-inf/");

// The entries bucketed by first byte (a-z, then '.'), so a candidate position compares only a few:
// bucket b is BUCKETED[BUCKET_AT[b] .. BUCKET_AT[b + 1]), entries in list order (two objects, not
// a list per bucket for every collection to visit).
const BUCKET_AT = new StaticArray<i32>(29);
const BUCKETED = new StaticArray<i32>(SENSITIVE.count);
for (let k = 0; k < SENSITIVE.count; k++) BUCKET_AT[bucketOf(SENSITIVE.code(k, 0)) + 1]++;
for (let b = 0; b < 28; b++) BUCKET_AT[b + 1] += BUCKET_AT[b];
{
  const fill = new StaticArray<i32>(28);
  for (let k = 0; k < SENSITIVE.count; k++) {
    const b = bucketOf(SENSITIVE.code(k, 0));
    BUCKETED[BUCKET_AT[b] + fill[b]] = k;
    fill[b]++;
  }
}

function bucketOf(c: u32): i32 {
  const l = c | 0x20;
  if (l - 0x61 < 26) return <i32>(l - 0x61);
  return c == 0x2e ? 26 : 27;
}

/** Whether `c` separates path components (`/`, or `\\` in Windows paths). */
// @ts-ignore: decorator
@inline function isSep(c: u32): bool {
  return c == 0x2f || c == 0x5c;
}

/**
 * Where entry p ends when it is at `i` of `buf` (-1: it is not), ASCII case-insensitively. A `/` of
 * the entry reads a run of separators and `.` segments (`etc//passwd`, `proc/./self`, `\`): the
 * operating system resolves them to the same file.
 */
function entryEnd(p: i32, buf: ArrayBuffer, i: i32): i32 {
  const len = SENSITIVE.length(p);
  const n = buf.byteLength;
  const base = changetype<usize>(buf);
  let k = i;
  for (let j = 0; j < len; j++) {
    if (k >= n) return -1;
    let c = <u32>load<u8>(base + <usize>k);
    const e = SENSITIVE.code(p, j);
    if (e == 0x2f) {
      if (!isSep(c)) return -1;
      k++;
      // more separators, and `./` segments between them
      while (k < n) {
        c = <u32>load<u8>(base + <usize>k);
        if (isSep(c)) k++;
        else if (c == 0x2e && k + 1 < n && isSep(<u32>load<u8>(base + <usize>(k + 1)))) k += 2;
        else break;
      }
      continue;
    }
    if (c - 0x41 < 26) c |= 0x20;
    if (c != e) return -1;
    k++;
  }
  return k;
}

/** Whether a sensitive path component starts at `i` of `buf`. Returns the length it spans in `buf`, or 0. */
export function sensitiveAt(buf: ArrayBuffer, i: i32): i32 {
  const n = buf.byteLength;
  const b = bucketOf(<u32>load<u8>(changetype<usize>(buf) + <usize>i));
  for (let k = unchecked(BUCKET_AT[b]), end = unchecked(BUCKET_AT[b + 1]); k < end; k++) {
    const p = unchecked(BUCKETED[k]);
    const e = entryEnd(p, buf, i);
    if (e < 0) continue;
    if (SENSITIVE.code(p, SENSITIVE.length(p) - 1) == 0x2f) return e - i;
    // the name must end there (etc/passwd, not etc/passwdfoo; .env, not .environment)
    if (e >= n || !isWordByte(<u32>load<u8>(changetype<usize>(buf) + <usize>e)) && load<u8>(changetype<usize>(buf) + <usize>e) != 0x2d) return e - i;
  }
  return 0;
}

// Per byte: START when (byte | 0x20) is one an entry starts with (e p s r v b w i . a k h m), AFTER when
// a component may follow it (/ \ = ~ space : ?; also `.` before anything but a second `.`, tested apart).
const START: u32 = 1;
const AFTER: u32 = 2;
const PERIOD: u32 = 4; // `.`
const EDGE: usize = memory.data(256);
for (let b: u32 = 0; b < 256; b++) {
  const c = b | 0x20;
  let f: u32 = 0;
  if (c == 0x65 || c == 0x70 || c == 0x73 || c == 0x72 || c == 0x76 || c == 0x62 || c == 0x77 || c == 0x69 || c == 0x2e || c == 0x61 || c == 0x6b || c == 0x68 || c == 0x6d) f |= START;
  if (b == 0x2f || b == 0x5c || b == 0x3d || b == 0x7e || b == 0x20 || b == 0x3a || b == 0x3f) f |= AFTER;
  if (b == 0x2e) f |= PERIOD;
  store<u8>(EDGE + <usize>b, <u8>f);
}

// The entries' first two bytes, hashed into a 1024-bit set: a word of prose after a space
// ("the", "should") rarely starts like an entry, so most candidates end at one bit test.
const PAIRS = new StaticArray<u32>(32);
for (let k = 0; k < SENSITIVE.count; k++) {
  const h = pairHash(SENSITIVE.code(k, 0), SENSITIVE.code(k, 1));
  PAIRS[h >> 5] |= 1 << (h & 31);
}

// @ts-ignore: decorator
@inline function pairHash(a: u32, b: u32): u32 {
  return (a * 31 + b) & 1023;
}

/** Start of the first sensitive path component in `buf` before `to` (-1: its end), or -1. */
export function findSensitive(buf: ArrayBuffer, from: i32, to: i32): i32 {
  const n = to < 0 ? buf.byteLength : min(to, buf.byteLength);
  const last = buf.byteLength - 1; // an entry has two bytes or more: its second byte lies before this
  const base = changetype<usize>(buf);
  for (let i = max(from, 0); i < n; i++) {
    // cheap filter (one table load): a component starts at the value's start, after an AFTER byte, or after a `.`
    // when it is no second dot; then every entry starts with one of the START bytes (words of prose stop at the first test)
    const f = i > 0 ? <u32>load<u8>(EDGE + <usize>load<u8>(base + <usize>(i - 1))) : AFTER;
    if ((f & (AFTER | PERIOD)) == 0) continue;
    const r = <u32>load<u8>(base + <usize>i);
    if ((<u32>load<u8>(EDGE + <usize>r) & START) == 0) continue;
    const c = r | 0x20;
    if ((f & AFTER) == 0 && c == 0x2e) continue;
    if (i >= last) break;
    let d = <u32>load<u8>(base + <usize>(i + 1)); // read as matchesEntry reads it
    if (d == 0x5c) d = 0x2f;
    else if (d - 0x41 < 26) d |= 0x20;
    const h = pairHash(c, d);
    if ((unchecked(PAIRS[h >> 5]) & (1 << (h & 31))) == 0) continue;
    if (sensitiveAt(buf, i) > 0) return i;
  }
  return -1;
}
