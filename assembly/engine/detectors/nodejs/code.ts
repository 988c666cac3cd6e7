// JavaScript handed to eval-like sinks: serialized functions (node-serialize,
// funcster), Function/eval with strings, input that *is* a JS statement, and
// loops on a constant condition (event-loop denial of service).
import { byteAt, isSpaceByte, isWordByte, matchesCI, needleCode, needleLength } from "../../bytes";
import { skipBlank, wordEnd, wordIs } from "../langs/syntax";
import { WordList } from "../../wordlist";
import { insideCodeSpan, opensProse } from "./doc-context";

/** Index of a serialized-function marker (`_$$ND_FUNC$$_`, `__js_function`), or -1. */
export function findSerializedFunction(data: ArrayBuffer): i32 {
  const n = data.byteLength;
  for (let i = 0; i + 12 <= n; i++) {
    if (byteAt(data, i) != 0x5f) continue;
    if (matchesCI(data, i, "_$$nd_func$$_")) return i;
    if (matchesCI(data, i, "__js_function")) return i;
  }
  return -1;
}

const EVAL_WORD_LENGTHS: u32 = (1 << 3) | (1 << 4) | (1 << 6) | (1 << 8) | (1 << 10) | (1 << 11);

/** Index of an eval-like call: `eval(`, `new Function(`, `Function("`, `setTimeout("`, `String.fromCharCode(`, or -1. */
export function findEvalCall(data: ArrayBuffer, from: i32): i32 {
  const n = data.byteLength;
  for (let i = from; i < n; i++) {
    const c = byteAt(data, i) | 0x20;
    if (c != 0x65 && c != 0x66 && c != 0x6e && c != 0x73) continue; // e f n s
    if (i > 0 && (isWordByte(byteAt(data, i - 1)) || byteAt(data, i - 1) == 0x2e && !matchesCI(data, i, "fromcharcode"))) continue;
    const e = wordEnd(data, i);
    if (e == i) continue;
    // only words of the lengths below are compared: new 3, eval 4, string 6, function 8, settimeout 10, setinterval 11
    if (e - i > 11 || ((EVAL_WORD_LENGTHS >> <u32>(e - i)) & 1) == 0) { i = e - 1; continue; }
    if (!wordIs(data, i, e, "eval") && !wordIs(data, i, e, "new") && !wordIs(data, i, e, "function") &&
      !wordIs(data, i, e, "settimeout") && !wordIs(data, i, e, "setinterval") && !wordIs(data, i, e, "string")) {
      i = e - 1;
      continue;
    }
    const p = skipBlank(data, e, false);
    const paren = p < n && byteAt(data, p) == 0x28;
    if (wordIs(data, i, e, "eval") && paren && e == p && !insideCodeSpan(data, i) && !opensProse(data, p)) return i; // not "Use `eval()` sparingly", "eval( on input"
    if (wordIs(data, i, e, "new")) {
      const f = skipBlank(data, e, false);
      const fe = wordEnd(data, f);
      if (fe > f && wordIs(data, f, fe, "function") && byteAt(data, f) == 0x46) {
        const q = skipBlank(data, fe, false);
        if (q < n && byteAt(data, q) == 0x28) return i;
      }
    }
    if ((wordIs(data, i, e, "function") && byteAt(data, i) == 0x46) || wordIs(data, i, e, "settimeout") || wordIs(data, i, e, "setinterval")) {
      if (paren) {
        const a = skipBlank(data, p + 1, false);
        if (a < n && (byteAt(data, a) == 0x22 || byteAt(data, a) == 0x27 || byteAt(data, a) == 0x60)) return i;
      }
    }
    if (wordIs(data, i, e, "string") && e < n && byteAt(data, e) == 0x2e && matchesCI(data, e + 1, "fromcharcode")) return i;
    i = max(e, p) - 1; // what skipBlank passed over is blanks and comments, not code (and rescanning it is quadratic)
  }
  return -1;
}

/**
 * Whether the value (after blanks and an interpolation opener `#{`, `${`, `{{`) starts
 * with a JS statement a template or eval would run: `console.x(`, `function() {`,
 * `module.exports =`, `process.env`, `this.constructor`.
 */
export function startsWithJsStatement(data: ArrayBuffer): bool {
  const n = data.byteLength;
  let i = skipBlank(data, 0, false);
  if (i + 1 < n && (byteAt(data, i) == 0x23 || byteAt(data, i) == 0x24 || byteAt(data, i) == 0x7b) && byteAt(data, i + 1) == 0x7b) i = skipBlank(data, i + 2, false);
  const e = wordEnd(data, i);
  if (e == i) return false;
  if (wordIs(data, i, e, "console")) {
    // console.log(1), console["log"](1), console.info.call(this, 1)
    let j = e;
    for (let steps = 0; steps < 4 && j < n; steps++) {
      const c = byteAt(data, j);
      if (c == 0x2e) j = wordEnd(data, j + 1);
      else if (c == 0x5b) { while (j < n && byteAt(data, j) != 0x5d) j++; j++; }
      else break;
    }
    j = skipBlank(data, j, false);
    return j > e && j < n && byteAt(data, j) == 0x28;
  }
  if (wordIs(data, i, e, "function")) {
    // function () {  or  function name(a) {
    let j = skipBlank(data, e, false);
    j = skipBlank(data, wordEnd(data, j), false);
    if (j >= n || byteAt(data, j) != 0x28) return false;
    while (j < n && byteAt(data, j) != 0x29) j++;
    j = skipBlank(data, j + 1, false);
    return j < n && byteAt(data, j) == 0x7b;
  }
  if (wordIs(data, i, e, "module") && matchesCI(data, e, ".exports")) {
    const j = skipBlank(data, e + 8, false);
    return j < n && byteAt(data, j) == 0x3d;
  }
  if (wordIs(data, i, e, "process")) {
    if (e + 1 < n && byteAt(data, e) == 0x5b) return true;
    if (e + 1 >= n || byteAt(data, e) != 0x2e || !isWordByte(byteAt(data, e + 1))) return false;
    // `process.command_line`, `process.runtime_name`: snake_case names an OpenTelemetry attribute; Node's
    // members are camelCase or private (`process.env`, `process.mainModule`, `process._linkedBinding`)
    const me = wordEnd(data, e + 1);
    for (let k = e + 2; k < me; k++) if (byteAt(data, k) == 0x5f) return false;
    // `process.runtime.version`, `process.pid`, `process.owner`: a whole value of lower-case dotted names is an
    // OpenTelemetry resource attribute key (every SDK exports them); only `process.env` there reads secrets
    if (wordIs(data, e + 1, me, "env")) return true;
    for (let k = e; k < n; k++) { const c = byteAt(data, k); if (c != 0x2e && c - 0x61 >= 26) return true; }
    return false;
  }
  if (wordIs(data, i, e, "this")) return matchesCI(data, e, ".constructor");
  return false;
}

// Operands a constant loop condition is made of.
const CONSTANTS = new WordList(
"true|false|null|undefined|nan|infinity|this|string|number|object|array|boolean|date|symbol|new|function|math|\
json|void|typeof");

/** Index of `while(<constant>)` or `for(;;)`, or -1: loops no input value can end. */
export function findConstantLoop(data: ArrayBuffer, from: i32): i32 {
  const n = data.byteLength;
  for (let i = from; i + 7 <= n; i++) {
    const c = byteAt(data, i) | 0x20;
    if (c != 0x77 && c != 0x66) continue;
    if (i > 0 && isWordByte(byteAt(data, i - 1))) continue;
    const e = wordEnd(data, i);
    const p = skipBlank(data, e, false);
    if (p >= n || byteAt(data, p) != 0x28) { i = max(i, e - 1); continue; }
    if (wordIs(data, i, e, "for")) {
      const a = skipBlank(data, p + 1, false);
      if (a < n && byteAt(data, a) == 0x3b) {
        const b = skipBlank(data, a + 1, false);
        if (b < n && byteAt(data, b) == 0x3b) return i;
      }
    } else if (wordIs(data, i, e, "while") && isConstantCondition(data, p) && !isFalseLiteralCondition(data, p)) return i;
  }
  return -1;
}

/**
 * Whether the condition at `open` is one boolean or number literal under unary operators that
 * evaluates to false (`!true`, `false`, `0`, `!1`): the loop never runs. Strings and objects are
 * left to the constant check (a probe such as `while(!!"")` tests the same filter).
 */
function isFalseLiteralCondition(data: ArrayBuffer, open: i32): bool {
  const n = data.byteLength;
  let j = skipBlank(data, open + 1, false);
  let nots = 0;
  let opens = 0;
  while (j < n && j < open + 40) {
    const c = byteAt(data, j);
    if (c == 0x21) nots++;
    else if (c == 0x28) opens++;
    else if (!(c == 0x2b || c == 0x2d || c == 0x20)) break;
    j++;
  }
  const s = j;
  let truthy = false;
  if (matchesWord(data, s, "true")) { truthy = true; j = s + 4; }
  else if (matchesWord(data, s, "false")) j = s + 5;
  else if (byteAt(data, s) - 0x30 < 10) {
    while (j < n && (byteAt(data, j) - 0x30 < 10 || byteAt(data, j) == 0x2e)) {
      if (byteAt(data, j) - 0x31 < 9) truthy = true;
      j++;
    }
  } else return false;
  j = skipBlank(data, j, false);
  while (j < n && byteAt(data, j) == 0x29) { j++; opens--; }
  j = skipBlank(data, j, false);
  // more condition (`while ((0) in x)`), unless the loop's own `)` closed it: then what follows is a body that never
  // runs, or prose (`do { ... } while (0) in macros`)
  if (opens >= 0 && j < n && byteAt(data, j) != 0x3b && byteAt(data, j) != 0x7b) return false;
  return (nots % 2 == 1) == truthy;
}

/** Whether `w` (a needle: bytes.ts) is at `i`, case-sensitively, and no word byte follows. */
function matchesWord<Needle>(data: ArrayBuffer, i: i32, w: Needle, n: i32 = 0): bool {
  n = needleLength(w, n);
  const len = data.byteLength;
  if (i + n > len) return false;
  for (let k = 0; k < n; k++) if (byteAt(data, i + k) != needleCode(w, k)) return false;
  return i + n >= len || !isWordByte(byteAt(data, i + n));
}

/** Whether the parenthesised condition at `open` holds only literals, operators and constant globals. */
function isConstantCondition(data: ArrayBuffer, open: i32): bool {
  const n = data.byteLength;
  let depth = 0;
  let operands = 0;
  let j = open;
  while (j < n && j < open + 200) {
    const c = byteAt(data, j);
    if (c == 0x28 || c == 0x5b || c == 0x7b) { depth++; j++; continue; }
    if (c == 0x29 || c == 0x5d || c == 0x7d) {
      depth--;
      j++;
      if (depth == 0) return operands > 0 || byteAt(data, j - 2) != 0x28;
      if (c != 0x29) operands++; // [] {}
      continue;
    }
    if (isSpaceByte(c) || c == 0x21 || c == 0x2b || c == 0x2d || c == 0x7e) { j++; continue; }
    if (c == 0x22 || c == 0x27 || c == 0x60) { // a string literal
      let k = j + 1;
      while (k < n && byteAt(data, k) != c) k++;
      j = k + 1;
      operands++;
      continue;
    }
    if (c - 0x30 < 10) { while (j < n && (byteAt(data, j) - 0x30 < 10 || byteAt(data, j) == 0x2e)) j++; operands++; continue; }
    const e = wordEnd(data, j);
    if (e == j) return false;
    let known = false;
    if (CONSTANTS.hasLower(data, j, e)) known = true;
    if (!known) return false;
    operands++;
    j = e;
  }
  return false;
}
