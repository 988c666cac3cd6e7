// Script code that a server's interpreter would run, as probes and shells phrase it in Perl, Python,
// Ruby, PHP and classic ASP, whatever the command (rule 4313):
// - an output statement at a statement start whose argument computes (`print 1337*1337`,
//   `;print(13*37);`, `'+response.write(9*9)+'`) or runs a command (print `id`): a statement start
//   is the value's start or `;` `{` `(` `+` `&` `%` `>` `=` and blanks, so prose that says "print 2*3 pages"
//   or a tutorial that quotes it is none; a command is a backtick or Perl's `qx(...)` (`print qx(id)`);
// - `Response.Write(`, `Response.Redirect(`, `Server.CreateObject(`, `CreateObject(` with a string at a
//   statement start, `eval request(`, `execute request(` (ASP);
// - `__import__('...')`, `os.system('...')`, `subprocess.run(['...'])` at a statement start (Python): a
//   module's call with a string or list argument, not the name alone as prose has it;
// - `%x(...)`, `qx{...}`: Ruby's and Perl's command literals; `'id'.execute()`: Groovy's, a string run as a process;
// - a Python dunder read off an empty literal or by a quoted key off a call (`().__class__.__bases__`,
//   `''.__class__.__mro__`, `{}.__class__`, `globals()['__builtins__']`), an escape's next step read off a dunder
//   (`x.__class__.__base__`, `__mro__[1].__subclasses__`), or the globals read on to a module (`lipsum.__globals__.os`):
//   prose and everyday code name `obj.__class__` and `type(x).__mro__`.
import { byteAt, isAlpha, isDigit, isWordByte, matchesCI } from "../../bytes";
import { WordList } from "../../wordlist";
import { at, skipSpaces } from "../langs/syntax";

// [0, 7): their argument computes or runs a command; [7, 21): calls with a string argument (ASP's
// objects, Python's modules) or that compute; 21, 22: ASP's `eval request(`; 23, 24: Perl's `qx` and
// Ruby's `%x` (after a `%`)
const STATEMENTS = new WordList(
"print|echo|die|warn|puts|say|printf|\
response.write|response.redirect|server.createobject|wscript.createobject|createobject|server.execute|\
__import__|os.system|os.popen|subprocess.run|subprocess.popen|subprocess.call|subprocess.check_output|subprocess.getoutput|\
eval|execute|qx|x");
const CALLS = 7;
const ASP_EVAL = 21;
const QX = 23;

// bytes below 0x40 as bit masks: `;` `(` `+` `&` `%` `>` `=` start a statement (and `{`; `=` as a query
// parameter's value in a Referer or a cookie is one); it ends at the
// end, `;` `)` `#` a quote `+` `.` `,` (and `}`)
const STARTS: u64 = 0x6800096000000000;
const ENDS: u64 = 0x8005a8c00000001;

// @ts-ignore: decorator
@inline function inSet(set: u64, c: u32): bool {
  return c < 64 && ((set >> <u64>c) & 1) != 0;
}

function digitsEnd(buf: ArrayBuffer, i: i32): i32 {
  while (isDigit(at(buf, i))) i++;
  return i;
}

/** A Python dunder (`__class__`, at most 24 bytes) read off an empty literal (`().__class__`, `''.__mro__`) or
 * a call's result by a quoted key (`globals()['__builtins__']`): the first step of a sandbox escape. */
function pythonInternals(buf: ArrayBuffer, i: i32): bool {
  if (at(buf, i + 1) != 0x5f || !isAlpha(at(buf, i + 2))) return false;
  let w = i + 2;
  while (w < i + 24 && isWordByte(at(buf, w))) w++;
  if (at(buf, w - 1) != 0x5f || at(buf, w - 2) != 0x5f || isWordByte(at(buf, w))) return false;
  const p = at(buf, i - 1);
  const a = at(buf, i - 3);
  const b = at(buf, i - 2);
  if (p == 0x2e) {
    // (an empty literal, not a call's `()` or an index's `[]`: `foo().__init__` is everyday code)
    if (!isWordByte(at(buf, i - 4)) && ((b == 0x29 && a == 0x28) || (b == 0x5d && a == 0x5b) || (b == 0x7d && a == 0x7b) || ((b == 0x27 || b == 0x22) && a == b))) return true;
    const e = ESCAPES.indexLower(buf, i + 2, w - 2);
    // an escape's next step read off a dunder (`x.__class__.__base__`, `__mro__[1].__subclasses__`), or the
    // globals or builtins read on (`lipsum.__globals__.os`, `__globals__['os']`)
    let k = i - 2;
    while (at(buf, k) == 0x5d || at(buf, k) == 0x5b || isDigit(at(buf, k))) k--;
    return e >= 0 && (at(buf, k) == 0x5f || e < 2 && (at(buf, w) == 0x2e || at(buf, w) == 0x5b));
  }
  return (p == 0x27 || p == 0x22) && b == 0x5b && a == 0x29 && at(buf, w) == p;
}

/** The dunders a sandbox escape reads on from an object's class (`__globals__`, `__builtins__` first). */
const ESCAPES = new WordList("globals|builtins|subclasses|mro|bases|base");

/** Index of the `[` that opens the list closed at `close` (at most 256 bytes back), or -1. */
function listOpen(buf: ArrayBuffer, close: i32): i32 {
  let k = close - 1;
  while (k >= 0 && k > close - 256 && at(buf, k) != 0x5b) k--;
  return k;
}

/**
 * Whether a quote ends what comes before the `.` at `i`: PHP's concatenation, `'.print(1337*1337).'`
 * (a sentence's `.` is no start), or a list of strings, Groovy's `["sh","-c","id"].execute()` (not an
 * index, `handlers['save'].`).
 */
function quoteBefore(buf: ArrayBuffer, i: i32): bool {
  const p = at(buf, i - 1) == 0x5d ? (isWordByte(at(buf, listOpen(buf, i - 1) - 1)) ? 0 : at(buf, i - 2)) : at(buf, i - 1);
  return p == 0x27 || p == 0x22;
}

/** Start of script code (see above), or -1. */
export function findScriptCode(buf: ArrayBuffer): i32 {
  const n = buf.byteLength;
  for (let i = 0; i < n; i++) {
    const c = byteAt(buf, i);
    if (c == 0x5f && pythonInternals(buf, i)) return i;
    let k = i;
    if (c == 0x7b || inSet(STARTS, c) || (c == 0x2e && quoteBefore(buf, i))) k = skipSpaces(buf, i + 1);
    else if (i > 0) continue;
    let e = k;
    while (isWordByte(at(buf, e)) || at(buf, e) == 0x2e) e++;
    const w = STATEMENTS.indexLower(buf, k, e);
    if (w < 0) continue;
    let j = skipSpaces(buf, e);
    if (w >= QX) {
      // the literal's delimiter, then a command word
      const d = at(buf, e);
      if ((w == QX || at(buf, k - 1) == 0x25) && (d == 0x28 || d == 0x7b || d == 0x5b || d == 0x7c || d == 0x21) && isAlpha(at(buf, e + 1))) return k;
      continue;
    }
    if (w >= ASP_EVAL) {
      const r = at(buf, j + 7); // Request("x"), Request.Form("x"), Request["x"]
      if (j > e && matchesCI(buf, j, "request") && (r == 0x28 || r == 0x2e || r == 0x5b)) return k;
      // Groovy's `'id'.execute()`: a string literal (or a list of them) run as a process (here `.` follows a quote)
      if (w > ASP_EVAL && c == 0x2e && at(buf, j) == 0x28) return k;
      continue;
    }
    if (at(buf, j) == 0x28) {
      j = skipSpaces(buf, j + 1);
      const q = at(buf, j);
      if (w >= CALLS && (q == 0x27 || q == 0x22 || q == 0x5b)) return k;
    }
    if (at(buf, j) == 0x60) return k;
    // Perl's other spelling of the backtick: `print qx(id)`, `print qx{id}`
    const x = at(buf, j + 2);
    if (w < CALLS && (at(buf, j) | 0x20) == 0x71 && (at(buf, j + 1) | 0x20) == 0x78 && (x == 0x28 || x == 0x7b || x == 0x5b || x == 0x7c || x == 0x21) && isAlpha(at(buf, j + 3))) return k;
    let m = digitsEnd(buf, j);
    if (m > j) {
      m = skipSpaces(buf, m);
      const d = skipSpaces(buf, m + 1);
      const t = at(buf, skipSpaces(buf, digitsEnd(buf, d))); // the statement ends there: `1337*1337 copies` is prose
      if (at(buf, m) == 0x2a && isDigit(at(buf, d)) && (t == 0x7d || inSet(ENDS, t))) return k;
    }
  }
  return -1;
}
