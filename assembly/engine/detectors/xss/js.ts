// Script in a value without any tag: calls of the functions an attacker uses to
// prove or run code (`alert(1)`, `(alert)(1)`, `prompt.call(null,1)`, alert`1`),
// access to the document's secrets through the global objects (`document.cookie`,
// `window["alert"]`, `(document/**/)["cookie"]`), tagged-template calls
// (`[].sort.call\`${alert}\``), JSFuck, JScript.Encode. Identifiers are read as
// JavaScript does: case-sensitive, with blanks and comments allowed around `.`, `(`, `[`.
import { WordList } from "../../wordlist";
import { byteAt, isAlpha, isWordByte, indexOfCI } from "../../bytes";
import { Sink } from "../../sink";
import { skipBlank, skipBlankAndComments } from "./chars";
import { Target, TargetKind } from "../../target";
import { insideCodeSpan } from "../nodejs/doc-context";
import { XSS_JS_SINK, XSS_JS_WEAK_SINK, XSS_DOM_ACCESS, XSS_DOM_WEAK, XSS_DOM_ASSIGN, XSS_TAGGED_TEMPLATE, XSS_JSFUCK, XSS_JSCRIPT_ENCODE } from "./ids";

/** Functions whose call in a value is a script-injection proof or payload. */
const STRONG_SINKS = new WordList("alert|prompt|confirm|eval|execScript|msgbox|MsgBox");
/** Functions that run strings as code or hide payloads: suspicious, not proof alone. */
const WEAK_SINKS = new WordList("setTimeout|setInterval|Function|atob|btoa|fromCharCode|setImmediate");
/** Global objects of a page. */
const GLOBALS = new WordList("document|window|self|top|parent|frames|globalThis|opener|content");
const STRONG_PROPS = new WordList(
"cookie|domain|write|writeln|location|URL|documentURI|referrer|execCommand|eval|alert|prompt|confirm|document|\
opener|execScript|setTimeout|setInterval|Function|atob|localStorage|sessionStorage");
const WEAK_PROPS = new WordList(
"body|head|createElement|querySelector|querySelectorAll|getElementById|getElementsByTagName|forms|images|\
scripts|defaultView|open|name|postMessage|childNodes|appendChild");
const CALL_PROPS = new WordList("call|apply|bind");
/** Properties whose assignment writes markup or text into the page. */
const SINK_PROPS = new WordList("innerHTML|outerHTML|textContent|innerText|srcdoc");

// @ts-ignore: decorator
@inline function isIdentByte(c: u32): bool {
  return isWordByte(c) || c == 0x24;
}


function identEnd(buf: ArrayBuffer, i: i32): i32 {
  const end = min(buf.byteLength, i + 64);
  while (i < end && isIdentByte(byteAt(buf, i))) i++;
  return i;
}

/** After an expression: skips blanks, comments and closing parentheses (`(alert)(1)`). */
function skipToOperator(buf: ArrayBuffer, j: i32): i32 {
  j = skipBlankAndComments(buf, j);
  for (let n = 0; n < 4 && j < buf.byteLength && byteAt(buf, j) == 0x29; n++) j = skipBlankAndComments(buf, j + 1);
  if (byteAt(buf, j) == 0x3f && byteAt(buf, j + 1) == 0x2e) j += 2; // `alert?.(1)`: an optional call
  return j;
}

/**
 * Whether the expression ending before `j` is called: `(...)` (closed), a template
 * literal, or `.call`/`.apply`/`.bind`.
 */
function isCalled(buf: ArrayBuffer, j: i32): bool {
  j = skipToOperator(buf, j);
  if (j >= buf.byteLength) return false;
  const b = byteAt(buf, j);
  if (b == 0x60) return true;
  if (b == 0x28) {
    const end = min(buf.byteLength, j + 256);
    for (let k = j + 1; k < end; k++) if (byteAt(buf, k) == 0x29) return true;
    return false;
  }
  if (b != 0x2e) return false;
  const p = skipBlankAndComments(buf, j + 1);
  return CALL_PROPS.has(buf, p, identEnd(buf, p));
}

/** Whether a `.` (blanks allowed) precedes the identifier at `i`: it is a property, not a global. */
function isAfterDot(buf: ArrayBuffer, i: i32): bool {
  let j = i - 1;
  while (j >= 0 && i - j < 16 && byteAt(buf, j) <= 0x20) j--;
  return j >= 0 && byteAt(buf, j) == 0x2e;
}

/** `(` `` ` `` `.` `[` `=`: what follows a called, accessed or assigned name. */
// @ts-ignore: decorator
@inline function isAfterName(b: u32): bool {
  return b == 0x28 || b == 0x60 || b == 0x2e || b == 0x5b || b == 0x3d;
}

// Bytes after a name that skipToOperator moves past or isAfterName accepts (blanks and controls,
// `/` `)` `?` `(` `` ` `` `.` `[` `=`): any other byte ends the name's checks in scanJs.
const AFTER_NAME_SLOW = initAfterNameSlow();
function initAfterNameSlow(): StaticArray<u8> {
  const t = new StaticArray<u8>(256);
  for (let c = 0; c <= 0x20; c++) unchecked((t[c] = 1));
  const more = "/)?(`.[=";
  for (let k = 0; k < more.length; k++) unchecked((t[more.charCodeAt(k)] = 1));
  return t;
}

export function scanJs(s: Sink, t: Target, buf: ArrayBuffer): void {
  const len = buf.byteLength;
  let i = 0;
  while (i < len) {
    const c = byteAt(buf, i);
    if (!(isAlpha(c) || c == 0x5f || c == 0x24) || (i > 0 && isIdentByte(byteAt(buf, i - 1)))) {
      i++;
      continue;
    }
    // (identEnd, inline: once per word of the value)
    const limit = min(len, i + 64);
    let e = i + 1;
    while (e < limit && isIdentByte(<u32>load<u8>(changetype<usize>(buf) + <usize>e))) e++;
    // Every check below needs a call, a template, a member access or an assignment after the
    // name: words of prose (followed by a blank and a word) are passed over without lookups.
    // The byte after the name (or after one space) says so at once unless skipToOperator or
    // isAfterName would read it: blanks, `/` `)` `?`, `(` `` ` `` `.` `[` `=`.
    if (e + 1 < len) {
      const c1 = <u32>load<u8>(changetype<usize>(buf) + <usize>e);
      // (a name handed on as a value, `apply(alert,` `onerror=alert;`, is read below)
      const p = i > 0 ? byteAt(buf, i - 1) : 0;
      if ((unchecked(AFTER_NAME_SLOW[c1]) == 0 && !((p == 0x28 || p == 0x3d) && (c1 == 0x2c || c1 == 0x3b || c1 == 0x7d))) ||
        (c1 == 0x20 && unchecked(AFTER_NAME_SLOW[load<u8>(changetype<usize>(buf) + <usize>(e + 1))]) == 0)) {
        i = e;
        continue;
      }
    }
    const next = skipToOperator(buf, e);
    if (next >= len || !isAfterName(byteAt(buf, next))) {
      // `[1].find(confirm)` `Reflect.apply(alert,`: a sink handed to a method as its callback runs;
      // `onerror=alert;` `valueOf=alert,`: so does one made a handler or a conversion hook
      const a = e < len ? byteAt(buf, e) : 0;
      if (((a == 0x29 || a == 0x2c) && isCallbackOf(buf, i) || hookAssigned(buf, i, a)) && STRONG_SINKS.has(buf, i, e)) {
        s.report(XSS_JS_SINK, t, buf, max(0, i - 8), min(len, e + 1), "script-proof call");
      }
      i = e;
      continue;
    }
    const afterDot = isAfterDot(buf, i) || insideCodeSpan(buf, i); // "Use `eval()` sparingly": named in prose
    if (!afterDot && STRONG_SINKS.has(buf, i, e)) {
      if (isCalled(buf, e)) s.report(XSS_JS_SINK, t, buf, i, min(len, e + 30), "script-proof call");
    } else if (!afterDot && WEAK_SINKS.has(buf, i, e)) {
      if (isCalled(buf, e)) {
        if (runsString(buf, e) || hasNoArguments(buf, e) || followsNew(buf, i) || followsStringBreakout(buf, i) || isWholeValue(buf, i)) {
          s.report(XSS_JS_SINK, t, buf, i, min(len, e + 30), "code from a string");
        } else {
          s.report(XSS_JS_WEAK_SINK, t, buf, i, min(len, e + 30), "code-running call");
        }
      }
    } else if (GLOBALS.has(buf, i, e)) {
      scanGlobalAccess(s, t, buf, i, e, t.kind == TargetKind.Path);
    } else if (afterDot && SINK_PROPS.has(buf, i, e)) {
      const j = skipBlank(buf, e);
      if (j + 1 < len && byteAt(buf, j) == 0x3d && byteAt(buf, j + 1) != 0x3d) {
        s.report(XSS_DOM_ASSIGN, t, buf, max(0, i - 1), min(len, j + 30), "page write");
      }
    } else if (afterDot && CALL_PROPS.has(buf, i, e)) {
      const j = skipBlankAndComments(buf, e);
      if (j < len && byteAt(buf, j) == 0x60) s.report(XSS_TAGGED_TEMPLATE, t, buf, i, min(len, j + 30), "tagged template call");
    }
    i = e;
  }
}

/** `.find(` right before `i`: the name at `i` is the lone argument of a method call. */
function isCallbackOf(buf: ArrayBuffer, i: i32): bool {
  if (i < 3 || byteAt(buf, i - 1) != 0x28) return false;
  let k = i - 1;
  while (k > 0 && isAlpha(byteAt(buf, k - 1))) k--;
  return k < i - 1 && byteAt(buf, k - 1) == 0x2e;
}

/** Implicit calls: an `on*` handler property or a conversion hook (`valueOf=`, `toString=`). */
const HOOKS = new WordList("valueOf|toString");

/** `name=` glued before `i`, the value ending at `a` (`,` `;` `}` or the end), names an `on*` property or a hook. */
function hookAssigned(buf: ArrayBuffer, i: i32, a: u32): bool {
  if (i < 3 || byteAt(buf, i - 1) != 0x3d || !(a == 0 || a == 0x2c || a == 0x3b || a == 0x7d)) return false;
  let k = i - 1;
  while (k > 0 && i - k < 40 && isIdentByte(byteAt(buf, k - 1))) k--;
  return (i - 1 - k >= 4 && byteAt(buf, k) == 0x6f && byteAt(buf, k + 1) == 0x6e) || HOOKS.has(buf, k, i - 1);
}

/** After the open paren of a call: a string literal argument (`setTimeout("code")`). */
function runsString(buf: ArrayBuffer, e: i32): bool {
  const j = skipToOperator(buf, e);
  if (j >= buf.byteLength || byteAt(buf, j) != 0x28) return false;
  const k = skipBlank(buf, j + 1);
  return k < buf.byteLength && (byteAt(buf, k) == 0x22 || byteAt(buf, k) == 0x27 || byteAt(buf, k) == 0x60);
}

/** `atob()`: a function that needs an argument called without one is a probe, not code. */
function hasNoArguments(buf: ArrayBuffer, e: i32): bool {
  const j = skipToOperator(buf, e);
  if (j >= buf.byteLength || byteAt(buf, j) != 0x28) return false;
  const k = skipBlank(buf, j + 1);
  return k < buf.byteLength && byteAt(buf, k) == 0x29;
}

/** The call is the whole value (`setInterval(code, 1)`): a payload, not a snippet of a larger text. */
function isWholeValue(buf: ArrayBuffer, i: i32): bool {
  for (let j = 0; j < i; j++) if (byteAt(buf, j) > 0x20) return false;
  let e = buf.byteLength;
  while (e > i && (byteAt(buf, e - 1) <= 0x20 || byteAt(buf, e - 1) == 0x3b)) e--;
  if (e <= i || byteAt(buf, e - 1) != 0x29) return false;
  for (let j = i; j < e; j++) if (byteAt(buf, j) == 0x0a || byteAt(buf, j) == 0x7b) return false; // a block: code
  return true;
}

/** `new Function(...)`. */
function followsNew(buf: ArrayBuffer, i: i32): bool {
  let j = i - 1;
  while (j >= 0 && i - j < 8 && byteAt(buf, j) <= 0x20) j--;
  return j >= 2 && byteAt(buf, j) == 0x77 && byteAt(buf, j - 1) == 0x65 && byteAt(buf, j - 2) == 0x6e;
}

/**
 * Near the start of the value, a quote, then only operators, `;` and blanks before `i`:
 * the value closed a JS string to append code (`x";setTimeout(`, `'-alert(1)`).
 */
function followsStringBreakout(buf: ArrayBuffer, i: i32): bool {
  for (let j = i - 1; j >= 0 && i - j < 16; j--) {
    const c = byteAt(buf, j);
    if (c == 0x22 || c == 0x27 || c == 0x60) return j + 1 < i && j < 32;
    // (`"};` `"]);`: the string closed a JSON object or array a script holds)
    if (!(c <= 0x20 || c == 0x3b || c == 0x2b || c == 0x2d || c == 0x2a || c == 0x7c || c == 0x26 || c == 0x2c || c == 0x7d || c == 0x5d || c == 0x29)) return false;
  }
  return false;
}

function scanGlobalAccess(s: Sink, t: Target, buf: ArrayBuffer, start: i32, e: i32, inPath: bool): void {
  const len = buf.byteLength;
  const j = skipToOperator(buf, e);
  if (j >= len) return;
  const b = byteAt(buf, j);
  if (b == 0x5b) {
    // `content[nbformat]`, `parent[]`: a parameter name in bracket notation (PHP, Rails, qs) nests a key;
    // without a call, template or assignment nothing in it runs. So does one in the query of a URL that
    // is a value (`return_to=https://host/nb?content[nbformat]=4`).
    if (t.kind == TargetKind.ArgName ? indexOfCI(buf, "(") >= 0 || indexOfCI(buf, "`") >= 0 || indexOfCI(buf, "=") >= 0 : !queryName(buf, start, j)) {
      s.report(XSS_DOM_ACCESS, t, buf, start, min(len, j + 30), "computed global");
    }
  } else if (b == 0x2e && !inPath) { // paths hold file names such as document.write.html
    const p = skipBlankAndComments(buf, j + 1);
    const pe = identEnd(buf, p);
    if (STRONG_PROPS.has(buf, p, pe)) s.report(XSS_DOM_ACCESS, t, buf, start, min(len, pe + 20), "sensitive page property");
    else if (WEAK_PROPS.has(buf, p, pe)) s.report(XSS_DOM_WEAK, t, buf, start, min(len, pe + 20), "DOM manipulation");
  }
}

/**
 * Whether the name at `start` opens a query parameter (after `?` or `&`) whose brackets at `j` hold keys
 * (letters, digits, `_ - . / +`, or none) and end at `=`, `&`, `#` or the value's end: `?content[a][b]=1`.
 * A quote, paren or operator in them, or a call after them (`?top[alert](1)`), is script.
 */
function queryName(buf: ArrayBuffer, start: i32, j: i32): bool {
  const len = buf.byteLength;
  const before = start > 0 ? byteAt(buf, start - 1) : 0;
  if (before != 0x3f && before != 0x26) return false;
  let open = false;
  for (; j < len; j++) {
    const c = byteAt(buf, j);
    if (c == 0x5b || c == 0x5d) {
      if (open == (c == 0x5b)) return false;
      open = !open;
    } else if (!open) {
      return c == 0x3d || c == 0x26 || c == 0x23;
    } else if (!(isWordByte(c) || c - 0x2b < 5)) return false; // + , - . /
  }
  return !open;
}

/** JSFuck (`(![]+[])[+!+[]]`) and JScript.Encode (`#@~^`): script written to evade filters. */
export function scanObfuscatedScript(s: Sink, t: Target, buf: ArrayBuffer): void {
  const len = buf.byteLength;
  for (let i = 1; i + 1 < len; i++) {
    const c = byteAt(buf, i);
    if (c == 0x5b && byteAt(buf, i + 1) == 0x5d) {
      const prev = byteAt(buf, i - 1);
      // `!![]` and unary `+[]` are JSFuck's primitives, after JSFuck's own symbols, a blank or a quote it breaks out
      // of (`'+[]+'`); a lone `![](` is a markdown image, `s+[]` after a word adds (in a regex, `\s+\[\]`), and
      // `_:+[],` is `_: [],` with `+` for blanks (a form-encoded query inside a value).
      const p2 = i >= 2 ? byteAt(buf, i - 2) : 0;
      const primitive = (prev == 0x2b && (isJsfuckByte(p2) || p2 <= 0x20 || p2 == 0x22 || p2 == 0x27)) || p2 == 0x21;
      if ((prev == 0x21 || prev == 0x2b) && (primitive || jsfuckRun(buf, i) >= 5)) {
        s.report(XSS_JSFUCK, t, buf, max(0, i - 10), min(len, i + 30), "JSFuck-encoded script");
        return;
      }
    } else if (c == 0x40 && byteAt(buf, i - 1) == 0x23 && byteAt(buf, i + 1) == 0x7e && i + 2 < len && byteAt(buf, i + 2) == 0x5e) {
      s.report(XSS_JSCRIPT_ENCODE, t, buf, i - 1, min(len, i + 30), "JScript.Encode marker");
      return;
    }
  }
}

// @ts-ignore: decorator
@inline function isJsfuckByte(c: u32): bool {
  return c == 0x5b || c == 0x5d || c == 0x28 || c == 0x29 || c == 0x21 || c == 0x2b;
}

/** Number of JSFuck symbols in the run of symbols and blanks around `i` (within 64 bytes each side). */
function jsfuckRun(buf: ArrayBuffer, i: i32): i32 {
  let a = i;
  while (a > 0 && i - a < 64 && (isJsfuckByte(byteAt(buf, a - 1)) || byteAt(buf, a - 1) == 0x20)) a--;
  let b = i;
  const len = buf.byteLength;
  while (b < len && b - i < 64 && (isJsfuckByte(byteAt(buf, b)) || byteAt(buf, b) == 0x20)) b++;
  let n = 0;
  for (let k = a; k < b; k++) if (isJsfuckByte(byteAt(buf, k))) n++;
  return n;
}
