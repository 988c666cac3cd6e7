// Node.js object-graph abuse: prototype pollution (`__proto__`, `constructor.prototype`),
// reaching `Function` through `constructor.constructor`, and the process / module
// objects that lead to child_process (`process.mainModule`, `require('child_process')`).
import { byteAt, isAlpha, isSpaceByte, isWordByte, matchesCI, needleString } from "../../bytes";
import { wordEnd, wordIs } from "../langs/syntax";
import { WordList } from "../../wordlist";
import { isImportBinding } from "./doc-context";

/** Separators of a property path: `a.b`, `a[b]`, `a["b"]`, `"$1:a:b"` (React flight), `/a/b` (JSON Pointer), blanks. */
// @ts-ignore: decorator
@inline function isPathSeparator(c: u32): bool {
  return c == 0x2e || c == 0x5b || c == 0x5d || c == 0x22 || c == 0x27 || c == 0x60 || c == 0x3a || c == 0x2f || isSpaceByte(c);
}

/** The next path word after `i` (skipping separators, at most 6 of them), as [start, end), start = -1 when none. */
function nextPathWord(data: ArrayBuffer, i: i32, out: StaticArray<i32>): void {
  const n = data.byteLength;
  let j = i;
  let seps = 0;
  while (j < n && isPathSeparator(byteAt(data, j)) && seps < 6) { j++; seps++; }
  out[0] = -1;
  if (j == i || j >= n || !isWordByte(byteAt(data, j))) return;
  out[0] = j;
  out[1] = wordEnd(data, j);
}

// Scratch for nextPathWord (allocated once).
const NEXT_WORD = new StaticArray<i32>(2);

export class AccessHit {
  rule: i32 = 0; // 0 none, 1 pollution, 2 constructor chain, 3 process/module access
  start: i32 = 0;
  reason: string = "";
}

/** `reason`: a needle (bytes.ts), made a string only when the hit replaces the one kept. */
function hit<Needle>(h: AccessHit, rule: i32, start: i32, reason: Needle, n: i32 = 0): AccessHit {
  if (h.rule == 0 || rule < h.rule) {
    h.rule = rule;
    h.start = start;
    h.reason = needleString(reason, n);
  }
  return h;
}

// Modules that run commands, touch files or evaluate code.
const SENSITIVE_MODULES = new WordList("child_process|fs|fs/promises|vm|net|dgram|cluster|worker_threads|module|process|v8|inspector|repl|os");
// process members that load native code, spawn, kill or reach the module system.
const PROCESS_MEMBERS = new WordList(
"mainmodule|binding|_linkedbinding|dlopen|kill|exit|reallyexit|setuid|setgid|chdir|openstdin|abort|\
_getactivehandles|constructor|require|execve");

const ACCESS_HIT = new AccessHit();
// Lengths of the words scanNodeAccess compares: global 6, process/require 7, __proto__/prototype 9,
// globalthis 10, constructor 11, child_process 13.
const ACCESS_WORD_LENGTHS: u32 = (1 << 6) | (1 << 7) | (1 << 9) | (1 << 10) | (1 << 11) | (1 << 13);


// @ts-ignore: decorator
@inline function isQuoteByte(c: u32): bool {
  return c == 0x22 || c == 0x27 || c == 0x60;
}

/** Scans `data` (a key when `isKey`) from `from` for pollution, constructor chains and process access. */
export function scanNodeAccess(data: ArrayBuffer, isKey: bool, from: i32): AccessHit {
  // One result object, reused: the caller reads it before the next scan (no allocation per target).
  const h = ACCESS_HIT;
  h.rule = 0;
  h.start = 0;
  h.reason = "";
  const n = data.byteLength;
  const w = NEXT_WORD;
  for (let i = from; i < n; i++) {
    const c = byteAt(data, i) | 0x20; // `_` | 0x20 is 0x7f
    if (c != 0x7f && c != 0x63 && c != 0x70 && c != 0x72 && c != 0x74 && c != 0x67) continue;
    if (i > 0 && isWordByte(byteAt(data, i - 1))) continue;
    const e = wordEnd(data, i);
    if (e == i) continue;
    // only words of the lengths below are compared (most words of a text are not)
    if (e - i > 13 || ((ACCESS_WORD_LENGTHS >> <u32>(e - i)) & 1) == 0) { i = e - 1; continue; }
    if (wordIs(data, i, e, "__proto__")) {
      if (isKey) return hit(h, 1, i, "__proto__ in a key");
      // A property access on it, or a key being assigned: `__proto__.x`, `__proto__[`, `"__proto__":`, `__proto__=`,
      // or a JSON Pointer step (`/__proto__/isAdmin`, as JSON Patch and set-by-path APIs take it)
      let j = e;
      while (j < n && (byteAt(data, j) == 0x22 || byteAt(data, j) == 0x27 || byteAt(data, j) == 0x5d || isSpaceByte(byteAt(data, j)))) j++;
      if (j < n) {
        const d = byteAt(data, j);
        if (d == 0x2e || d == 0x5b || d == 0x3a || d == 0x3d || d == 0x2f) return hit(h, 1, i, "__proto__ access");
      }
    } else if (wordIs(data, i, e, "prototype")) {
      // Reference paths of serialized React flight data: "$7:Module:prototype:_compile"
      if (i >= 2 && byteAt(data, i - 1) == 0x3a && isWordByte(byteAt(data, i - 2))) return hit(h, 1, i, "prototype path");
    } else if (wordIs(data, i, e, "constructor")) {
      nextPathWord(data, e, w);
      if (w[0] >= 0) {
        if (wordIs(data, w[0], w[1], "prototype")) return hit(h, 1, i, "constructor.prototype");
        if (wordIs(data, w[0], w[1], "constructor")) hit(h, 2, i, "constructor.constructor");
        if (wordIs(data, w[0], w[1], "_load")) hit(h, 2, i, "constructor _load");
      }
      // `this.constructor`, `require.main.constructor`
      if (i >= 5 && byteAt(data, i - 1) == 0x2e && (matchesCI(data, i - 5, "this.") || matchesCI(data, i - 5, "main."))) hit(h, 2, i, "this.constructor");
    } else if (wordIs(data, i, e, "process") || wordIs(data, i, e, "require") || wordIs(data, i, e, "global") || wordIs(data, i, e, "globalthis")) {
      const isProcess = wordIs(data, i, e, "process");
      const isRequire = wordIs(data, i, e, "require");
      if (e < n && byteAt(data, e) == 0x5b) { hit(h, 3, i, "computed global member"); continue; }
      if (e + 1 < n && byteAt(data, e) == 0x2e) {
        const me = wordEnd(data, e + 1);
        if (isProcess && PROCESS_MEMBERS.hasLower(data, e + 1, me)) hit(h, 3, i, "process member");
        else if (isRequire && (wordIs(data, e + 1, me, "main") || wordIs(data, e + 1, me, "cache") || wordIs(data, e + 1, me, "resolve"))) {
          if (!wordIs(data, e + 1, me, "resolve")) hit(h, 3, i, "require.main / require.cache");
        } else if (!isProcess && !isRequire && (wordIs(data, e + 1, me, "process") || wordIs(data, e + 1, me, "require"))) hit(h, 3, i, "global.process");
        continue;
      }
      if (isRequire) {
        let j = e;
        while (j < n && isSpaceByte(byteAt(data, j))) j++;
        if (j < n && byteAt(data, j) == 0x28) {
          j++;
          while (j < n && (isSpaceByte(byteAt(data, j)) || byteAt(data, j) == 0x22 || byteAt(data, j) == 0x27 || byteAt(data, j) == 0x60)) j++;
          if (matchesCI(data, j, "node:")) j += 5;
          let me = j;
          while (me < n && (isWordByte(byteAt(data, me)) || byteAt(data, me) == 0x2f)) me++;
          if (SENSITIVE_MODULES.hasLower(data, j, me)) {
            // `const fs = require('node:fs');` heads a program; child_process stays suspect even there
            const binding = me < n && isQuoteByte(byteAt(data, me)) && !wordIs(data, j, me, "child_process") && isImportBinding(data, i, me);
            if (!binding) hit(h, 3, i, "sensitive module");
          }
          // `require('child'+'_process')`: a module name glued from string literals hides which module it is
          else if (me > j && isQuoteByte(byteAt(data, me)) && byteAt(data, me + 1) == 0x2b && isQuoteByte(byteAt(data, me + 2))) hit(h, 3, i, "sensitive module");
        }
      }
    } else if (wordIs(data, i, e, "child_process")) {
      // Quoted or parenthesised module name: `"child_process"`, `(child_process)`; not a file named after it
      // (`href="child_process.html"`, the Node.js docs' page)
      const before = i > 0 ? byteAt(data, i - 1) : 0;
      if ((before == 0x22 || before == 0x27 || before == 0x60 || before == 0x28) && !(e + 1 < n && byteAt(data, e) == 0x2e && isAlpha(byteAt(data, e + 1)))) hit(h, 3, i, "child_process");
    }
    i = e - 1;
  }
  return h;
}

