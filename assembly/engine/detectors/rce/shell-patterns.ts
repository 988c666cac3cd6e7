// Shell constructs that are injections by their syntax alone, whatever command
// they run: shellshock function definitions, fork bombs, SSI exec directives,
// Perl `@{[...]}` interpolation, Ruby process spawning, shell-only expansions,
// tilde/history expansion values, alias definitions.
import { isWordByte, isSpaceByte, matchesCI } from "../../bytes";
import { nextByte } from "./next-byte";
import { skipSpaces } from "../langs/syntax";
import { commandFlags } from "./commands";

function at(buf: ArrayBuffer, i: i32): u32 {
  return i < buf.byteLength && i >= 0 ? <u32>load<u8>(changetype<usize>(buf) + <usize>i) : 0;
}


/** Whether `buf` holds `()`: findShellshock and findForkBomb find nothing without it (their prefilter). */
export function hasEmptyParens(buf: ArrayBuffer): bool {
  const base = changetype<usize>(buf);
  const n = buf.byteLength;
  for (let i = 0; i + 1 < n; i++) {
    i = nextByte(buf, i, 0x28, false);
    if (i + 1 < n && load<u8>(base + <usize>(i + 1)) == 0x29) return true;
  }
  return false;
}

/** `() {` at the start of the value, or `() { :;` anywhere: a bash function definition as in shellshock. Returns start or -1. */
export function findShellshock(buf: ArrayBuffer): i32 {
  const n = buf.byteLength;
  for (let i = 0; i + 3 < n; i++) {
    i = nextByte(buf, i, 0x28, false); // anchor on the `(`
    if (i + 3 >= n) break;
    if (at(buf, i + 1) != 0x29) continue;
    const k = skipSpaces(buf, i + 2);
    if (at(buf, k) != 0x7b) continue;
    if (skipSpaces(buf, 0) == i) return i;
    const b = skipSpaces(buf, k + 1);
    if (at(buf, b) == 0x3a && at(buf, skipSpaces(buf, b + 1)) == 0x3b) return i;
  }
  return -1;
}

/** `name(){ name|name& }`: a function that pipes or backgrounds itself (fork bomb). Returns start or -1. */
export function findForkBomb(buf: ArrayBuffer): i32 {
  const n = buf.byteLength;
  for (let i = 1; i + 3 < n; i++) {
    i = nextByte(buf, i, 0x28, false); // anchor on the `(`
    if (i + 3 >= n) break;
    if (at(buf, i + 1) != 0x29) continue;
    const k = skipSpaces(buf, i + 2);
    if (at(buf, k) != 0x7b) continue;
    // the function name: word bytes or one punctuation byte (`:`, `.`) before `()`
    let s = i - 1;
    while (s > 0 && isWordByte(at(buf, s - 1))) s--;
    if (!isWordByte(at(buf, s)) && s != i - 1) continue;
    const nameLen = i - s;
    if (nameLen < 1 || nameLen > 32) continue;
    const limit = min(n, k + 80);
    for (let j = k + 1; j + nameLen <= limit; j++) {
      if (!bytesEqual(buf, j, s, nameLen)) continue;
      let e = j + nameLen;
      if (at(buf, e) == 0x28 && at(buf, e + 1) == 0x29) e += 2;
      e = skipSpaces(buf, e);
      const c = at(buf, e);
      if (c == 0x7c || (c == 0x26 && at(buf, e + 1) != 0x26)) return s;
    }
  }
  return -1;
}

function bytesEqual(buf: ArrayBuffer, a: i32, b: i32, len: i32): bool {
  for (let k = 0; k < len; k++) if (at(buf, a + k) != at(buf, b + k)) return false;
  return true;
}

/** `<!--#exec`, `<!--#include` ...: a server-side include directive, or an edge-side one (`<esi:...`). Returns start or -1. */
export function findSsi(buf: ArrayBuffer): i32 {
  const n = buf.byteLength;
  for (let i = 0; i + 6 < n; i++) {
    if (at(buf, i) != 0x3c) continue;
    // an ESI tag (`<esi:include src=`, `<esi:vars>`, `<esi:debug/>`): the cache in front assembles the page from it
    if ((load<u32>(changetype<usize>(buf) + <usize>(i + 1)) | 0x00202020) == 0x3a697365 && isWordByte(at(buf, i + 5))) return i;
    if (at(buf, i + 1) != 0x21 || at(buf, i + 2) != 0x2d || at(buf, i + 3) != 0x2d) continue;
    const k = skipSpaces(buf, i + 4);
    if (at(buf, k) != 0x23) continue;
    const d = k + 1;
    if (matchesCI(buf, d, "exec") || matchesCI(buf, d, "include") || matchesCI(buf, d, "echo") || matchesCI(buf, d, "config") ||
      matchesCI(buf, d, "printenv") || matchesCI(buf, d, "fsize") || matchesCI(buf, d, "flastmod") || matchesCI(buf, d, "set ")) return i;
  }
  return -1;
}

/** Perl `@{[ ... ]}` interpolation that runs code inside a string. Returns start or -1. */
export function findPerlInterpolation(buf: ArrayBuffer): i32 {
  const n = buf.byteLength;
  for (let i = 0; i + 2 < n; i++) {
    i = nextByte(buf, i, 0x40, false); // anchor on the `@`
    if (i + 2 >= n) break;
    if (at(buf, i + 1) != 0x7b) continue;
    const k = skipSpaces(buf, i + 2);
    if (at(buf, k) == 0x5b) return i;
  }
  return -1;
}

/** Ruby process spawning: Process.spawn, Kernel.exec/system/spawn, IO.popen, Open3. Returns start or -1. */
export function findRubySpawn(buf: ArrayBuffer): i32 {
  const n = buf.byteLength;
  for (let i = 2; i + 4 < n; i++) {
    i = nextByte(buf, i, 0x2e, false); // anchor on the dot: Process.spawn, Kernel.exec, IO.popen, Open3.popen3
    if (i + 4 >= n) break;
    let s = i;
    while (s > 0 && i - s < 8 && isWordByte(at(buf, s - 1))) s--;
    const len = i - s;
    if (len == 7 && matchesCI(buf, s, "process.spawn")) return s;
    if (len == 6 && (matchesCI(buf, s, "kernel.exec") || matchesCI(buf, s, "kernel.system") || matchesCI(buf, s, "kernel.spawn"))) return s;
    if (len == 2 && matchesCI(buf, s, "io.popen")) return s;
    if (len == 5 && matchesCI(buf, s, "open3.")) return s;
  }
  return -1;
}

/** Shell-only expansion syntax: `$((`, `$[`, `${name#`, `${name:-`, `${:`, and `$(`/`${`/`<(`/`>(` opening the value. Returns start or -1. */
/**
 * `$[?(@.price < 10)]`, `$['name']`, `$[0].title`, `$[*]`, `$[-1:]`: a JSONPath root and its first step
 * (a filter, a quoted name, `*`, or indexes and slices) with no substitution anywhere in the value;
 * shell arithmetic `$[1+2]`, `$[]`, `$[$(id)]` is none of those.
 */
function jsonPathRoot(buf: ArrayBuffer, open: i32): bool {
  const n = buf.byteLength;
  for (let k = open; k < n; k++) {
    const c = at(buf, k);
    if (c == 0x60 || (c == 0x24 && (at(buf, k + 1) == 0x28 || at(buf, k + 1) == 0x7b))) return false; // ` $( ${
  }
  const c = at(buf, open + 1);
  if ((c == 0x3f && at(buf, open + 2) == 0x28) || c == 0x27 || c == 0x22 || c == 0x2a) return true;
  let k = open + 1;
  while (k < n && (at(buf, k) - 0x30 < 10 || at(buf, k) == 0x3a || at(buf, k) == 0x2d || at(buf, k) == 0x2c)) k++;
  return k > open + 1 && at(buf, k) == 0x5d;
}

/** `3000`, `localhost`, `db.internal`, `1.2`: a default up to `}` that is a literal token and no command name. */
function plainDefault(buf: ArrayBuffer, s: i32): bool {
  let k = s;
  while (k < buf.byteLength && (isWordByte(at(buf, k)) || at(buf, k) == 0x2e || at(buf, k) == 0x2d)) k++;
  return k > s && at(buf, k) == 0x7d && commandFlags(buf, s, k) == 0;
}

export function findShellExpansion(buf: ArrayBuffer): i32 {
  const n = buf.byteLength;
  const first = skipSpaces(buf, 0);
  if (n - first > 100) return -1; // a value that opens with an expansion and is short; longer text is shell documentation
  for (let i = first; i + 2 < n; i++) {
    const c = at(buf, i);
    const d = at(buf, i + 1);
    if ((c == 0x3c || c == 0x3e) && d == 0x28 && i == first) return i; // <(cmd) >(cmd)
    if (c != 0x24) continue;
    if (i != first) break; // expansions open the value; inside text they are documentation
    if (d == 0x28 && at(buf, i + 2) == 0x28) return i; // $((
    if (d == 0x5b && !jsonPathRoot(buf, i + 1)) return i; // $[
    if (d == 0x28 && i == first) return i;
    if (d != 0x7b) continue;
    let k = i + 2;
    if (at(buf, k) == 0x3a) return i; // ${:
    if (at(buf, k) == 0x60 || at(buf, k) == 0x23) return i; // ${`id`}, ${#x}
    while (k < n && isWordByte(at(buf, k))) k++;
    if (k == i + 2) continue;
    const e = at(buf, k);
    const f = at(buf, k + 1);
    if (e == 0x3a && (f == 0x2d || f == 0x3d) && plainDefault(buf, k + 2)) continue; // ${PORT:-3000}: a config default
    if (e == 0x23 || e == 0x25 || (e == 0x3a && (f == 0x2d || f == 0x3d || f == 0x3f || f == 0x2b)) || (e == 0x2f && f == 0x2f)) return i;
    if (i == first && e == 0x7d && k + 1 == n) return i; // the whole value is ${name}
  }
  return -1;
}

/** The whole value is a tilde or history expansion: `~+`, `~-1`, `~0`, `!!`, `!-1!-2`. Returns 1 (strong), 2 (weak) or 0. */
export function tildeOrHistoryValue(buf: ArrayBuffer): i32 {
  const n = buf.byteLength;
  if (n < 2 || n > 16) return 0;
  const c = at(buf, 0);
  if (c == 0x7e) {
    let k = 1;
    const sign = at(buf, 1) == 0x2b || at(buf, 1) == 0x2d;
    if (sign) k++;
    while (k < n && at(buf, k) - 0x30 < 10) k++;
    if (k != n) return 0;
    return sign ? 1 : 2;
  }
  if (c == 0x21) {
    if (n == 2 && at(buf, 1) == 0x21) return 2;
    let k = 0;
    let minus = false;
    while (k < n) {
      if (at(buf, k) != 0x21) return 0;
      k++;
      if (at(buf, k) == 0x2d) { minus = true; k++; }
      const d0 = k;
      while (k < n && at(buf, k) - 0x30 < 10) k++;
      if (k == d0) return 0;
    }
    return minus ? 1 : 2;
  }
  return 0;
}

/** `alias name=...` at the start of the value. Returns start or -1. */
export function findAlias(buf: ArrayBuffer): i32 {
  const i = skipSpaces(buf, 0);
  if (!matchesCI(buf, i, "alias") || !isSpaceByte(at(buf, i + 5))) return -1;
  const n = buf.byteLength;
  for (let k = i + 6; k < n && k < i + 60; k++) {
    const c = at(buf, k);
    if (c == 0x3d) return i;
    if (c == 0x0a) break;
  }
  return -1;
}

/** `$c1$c2$c3...`: a word assembled from three or more variables (each holding a letter of a command). Returns start or -1. */
export function findVariableAssembly(buf: ArrayBuffer): i32 {
  const n = buf.byteLength;
  // the letters were assigned first (`c1=c;c2=a;...`); without assignments `$o1$g1` is some cookie format
  let assigns = false;
  for (let k = 1; k < n; k++) if (at(buf, k) == 0x3d && isWordByte(at(buf, k - 1))) { assigns = true; break; }
  if (!assigns) return -1;
  let run = 0;
  let start = -1;
  let i = 0;
  while (i < n) {
    const d = nextByte(buf, i, 0x24, false); // anchor on the `$`: the bytes before it break a run
    if (d > i) {
      run = 0;
      i = d;
      if (i >= n) break;
    }
    if (isWordByte(at(buf, i + 1))) {
      if (run == 0) start = i;
      i++;
      while (i < n && isWordByte(at(buf, i))) i++;
      run++;
      if (run >= 3) return start;
      continue;
    }
    run = 0;
    i++;
  }
  return -1;
}
