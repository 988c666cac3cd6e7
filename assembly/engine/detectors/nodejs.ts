// Node.js injection (rules 10000-10999): serialized functions, prototype
// pollution, Function through constructor chains, process/module access,
// eval-like calls, input that is a JS statement, and constant loops (DoS).
// Payloads are also read after JS unescaping and, when a whole value is base64,
// after decoding it (cookies carry serialized objects that way).
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target, TargetKind } from "../target";
import { PAREN, DOT, BRACKET, UNDERSCORE, DOLLAR, BACKSLASH, PERCENT, COLON } from "../census";
import { byteAt, indexOfCI } from "../bytes";
import { unescapeLayers } from "./langs/unescape";
import { decodeWholeBase64, mostlyPrintable } from "./langs/base64";
import { scanNodeAccess, AccessHit } from "./nodejs/access";
import { insideCodeSpan } from "./nodejs/doc-context";
import { quotedCodeFence, firstUnquoted } from "./langs/fences";
import { WordList } from "../wordlist";
import { findSerializedFunction, findEvalCall, startsWithJsStatement, findConstantLoop } from "./nodejs/code";

export const NODEJS_RULES: Rule[] = [
  new Rule(10100, Category.Nodejs, CRITICAL, 1, "Serialized JavaScript function (node-serialize _$$ND_FUNC$$_, funcster __js_function)"),
  new Rule(10110, Category.Nodejs, CRITICAL, 1, "Prototype pollution (__proto__ access, constructor.prototype) in a key or value"),
  new Rule(10120, Category.Nodejs, CRITICAL, 1, "Function constructor reached through constructor.constructor / this.constructor"),
  new Rule(10130, Category.Nodejs, CRITICAL, 1, "Access to process or module internals (process.mainModule, require('child_process'), process[...])"),
  new Rule(10140, Category.Nodejs, CRITICAL, 1, "Eval-like call (eval(, new Function(, setTimeout(\"...\"), String.fromCharCode)"),
  new Rule(10141, Category.Nodejs, CRITICAL, 1, "Input that is a JavaScript statement (console.x(...), function(){, module.exports=, process.env)"),
  new Rule(10150, Category.Nodejs, CRITICAL, 1, "Loop on a constant condition (while(true), for(;;)): event-loop denial of service"),
];

export function detectNodejs(s: Sink, t: Target): void {
  if (constructorPrototypeKey(t)) s.report(10110, t, t.value, 0, 9, "JSON key constructor.prototype");
  if (t.value.byteLength < 4) return;
  if ((t.census() & JS_BYTES) == 0 && !loneBase64(t.value)) return;
  // URL and JS escapes decoded (shared with the other detectors through the target).
  const data = t.jsDecoded();
  const isKey = t.kind == TargetKind.ArgName || t.kind == TargetKind.BodyKey || t.kind == TargetKind.CookieName;
  // (the census covers jsDecoded(): without a parenthesis in it, no call is there)
  scanJs(s, t, data, isKey, (t.census() & PAREN) != 0);
  // The engine inspects base64 values decoded; escapes hiding base64 are this detector's to undo.
  if (data !== t.value && !t.fromBase64) {
    const decoded = decodeWholeBase64(data);
    if (decoded !== null && mostlyPrintable(decoded!)) scanJs(s, t, unescapeLayers(decoded!, false), false, true);
  }
}

/**
 * A JSON key `prototype` right under a key `constructor` (`{"user":{"constructor":{"prototype":{...}}}}`):
 * what a deep merge turns into prototype pollution without any `__proto__`. The key's path is `t.key`.
 */
export function constructorPrototypeKey(t: Target): bool {
  if (t.kind != TargetKind.BodyKey || t.value.byteLength != 9) return false;
  const path = t.key;
  const n = path.length;
  return path.endsWith("constructor.prototype", String.MAX_LENGTH) && (n == 21 || path.charCodeAt(n - 22) == 0x2e);
}

// `(` `.` `[` `_` `$` `\` `%` `:`: property access, calls, escapes; some byte every rule reads.
const JS_BYTES = PAREN | DOT | BRACKET | UNDERSCORE | DOLLAR | BACKSLASH | PERCENT | COLON;

/** A lone base64 token (letters, digits, `+` `/` `=`, 8 bytes or more): serialized code may hide in it. */
function loneBase64(data: ArrayBuffer): bool {
  const n = data.byteLength;
  if (n < 8) return false;
  for (let i = 0; i < n; i++) {
    const c = byteAt(data, i);
    if (!((c | 0x20) - 0x61 < 26 || c - 0x30 < 10 || c == 0x2b || c == 0x2f || c == 0x3d)) return false;
  }
  return true;
}

// fence tags of JS code: a block a bot or playground would run in Node is no quotation (langs/fences.ts)
const JS_TAGS = new WordList("js|javascript|node|jsx|ts|typescript|tsx");

/** `parens`: whether `data` may hold a parenthesis (false: it holds none). */
function scanJs(s: Sink, t: Target, data: ArrayBuffer, isKey: bool, parens: bool): void {
  const ser = findSerializedFunction(data);
  if (ser >= 0) s.report(10100, t, data, ser, ser + 20, "serialized function");
  // process/module internals named in a markdown code span of prose are documentation: look further
  let access: AccessHit;
  let from = 0;
  let k = 0;
  do {
    access = scanNodeAccess(data, isKey, from);
    from = access.start + 1;
  } while (access.rule == 3 && (insideCodeSpan(data, access.start) || quotedCodeFence(data, access.start, JS_TAGS)) && ++k < 8);
  if (access.rule == 1) s.report(10110, t, data, access.start, access.start + 30, access.reason);
  else if (access.rule == 2) s.report(10120, t, data, access.start, access.start + 30, access.reason);
  else if (access.rule == 3) s.report(10130, t, data, access.start, access.start + 30, access.reason);
  // every eval-like call but `String.fromCharCode` (read without one) needs a `(`
  const ev = parens || indexOfCI(data, "fromcharcode") >= 0 ? firstUnquoted(data, findEvalCall, JS_TAGS) : -1;
  if (ev >= 0) s.report(10140, t, data, ev, ev + 30, "eval-like call");
  if (startsWithJsStatement(data)) s.report(10141, t, data, 0, data.byteLength, "JS statement value");
  const loop = firstUnquoted(data, findConstantLoop, JS_TAGS);
  if (loop >= 0) s.report(10150, t, data, loop, loop + 20, "constant loop");
}
