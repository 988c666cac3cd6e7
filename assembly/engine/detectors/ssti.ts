// Server-side template injection (rules 11000-11999). Finds template delimiters
// (`{{ }}`, `${ }`, `#{ }`, `*{ }`, `@{ }`, `<% %>`, `{% %}`) and reads what is
// between them: an arithmetic probe (`{{7*7}}`, `#{16*8787}`), a reach into the
// template engine's objects (`{{config}}`, `''.__class__.__mro__`, `T(java.lang.Runtime)`),
// or a statement (`{% if %}`, `<% system('id') %>`). Plain placeholders such as
// `{{ user.name }}` or `${HOME}` are not reported.
import { WordList } from "../wordlist";
import { Rule, Category, CRITICAL, WARNING } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";
import { BRACE, PERCENT, AMP, HASH, AT } from "../census";
import { byteAt, byteTable, isAlpha, isDigit, isSpaceByte, isWordByte, matchesCI, needleLength } from "../bytes";
import { at, wordEnd } from "./langs/syntax";

const SSTI_PROBE: i32 = 11001;
const SSTI_OBJECT: i32 = 11002;
const SSTI_STATEMENT: i32 = 11003;
const SSTI_FREEMARKER: i32 = 11004;
/** What follows a FreeMarker directive's name: a blank, or the tag's end (`<#attempt>`). */
// @ts-ignore: decorator
@inline function directiveEnd(c: u32): bool {
  return isSpaceByte(c) || c == 0x3e || c == 0x5d;
}

/** FreeMarker directives that define, walk or include data (`<#assign`, `<#list`, `[#include`). */
const FM_DIRECTIVES = new WordList("assign|global|local|list|items|include|import|attempt|visit|recurse|setting|macro|function");

export const SSTI_RULES: Rule[] = [
  new Rule(SSTI_PROBE, Category.Ssti, CRITICAL, 1, "arithmetic in template delimiters: {{7*7}}, ${7*7}, #{7*7}, <%= 7*7 %>"),
  new Rule(SSTI_OBJECT, Category.Ssti, CRITICAL, 1, "template expression reaching engine internals: {{config}}, __class__.__mro__, T(java.lang.Runtime), getClass()"),
  new Rule(SSTI_STATEMENT, Category.Ssti, CRITICAL, 1, "template statement or code block: {% if %}, {% import %}, <% code %>"),
  new Rule(SSTI_FREEMARKER, Category.Ssti, CRITICAL, 1, "FreeMarker/Velocity directive that instantiates classes or defines, walks or includes (?new(), #set, $class, <#assign, <#list, <#include ...)"),
];

/** Names that only a template engine's own objects or a runtime escape use. */
const INTERNALS = new WordList(
"config|self|request|settings|lipsum|cycler|joiner|namespace|url_for|get_flashed_messages|getRuntime|Runtime|\
getClass|forName|ProcessBuilder|exec|system|popen|subprocess|os|eval|constructor|getClassLoader|application|\
freemarker|java|javax|mro|subclasses|globals|builtins|import|invoke|attr|dump|smarty|pageContext|facesContext|\
applicationScope|sessionScope|requestScope|initParam|servletContext");
/** The object names worth a probe on their own: `{{config}}`, `{{self}}`. */
const PROBED_OBJECTS = new WordList("config|self|request|settings|app|session|env");
const STATEMENTS = new WordList(
"if|for|set|import|include|extends|macro|block|print|with|from|endif|endfor|call|filter|do|while|unless|\
each|end|load|debug");
/** Names that are literals, not data: a condition made only of these is a probe. */
const LITERALS = new WordList("true|false|none|null|nil|not|and|or|is|in");
/** Go text/template actions and built-in functions that take an argument: `{{printf "%s" .}}`, `{{ len . }}`. */
const GO_ACTIONS = new WordList("printf|print|println|html|js|urlquery|len|index|slice|call|define|template|block|range");

export function detectSsti(s: Sink, t: Target): void {
  let buf = t.value;
  const c = t.census();
  if ((c & (BRACE | PERCENT | AMP | HASH)) == 0 && ((c & AT) == 0 || !hasRazorOpener(buf))) return;
  if (t.decoded() != buf) {
    // `[%421*3%]`, `{%debug%}`: a further percent-decoding eats the delimiter (`%42` is `B`)
    if (opensPercent(buf)) scan(s, t, buf);
    buf = t.decoded();
  }
  scan(s, t, buf);
  const html = t.htmlDecoded();
  if (html != buf) scan(s, t, html);
  // `|attr('\x5f\x5fglobals\x5f\x5f')`: names spelled with JS/Python escapes inside the expression
  const js = t.jsDecoded();
  if (js != buf) scan(s, t, js);
}

/** A `%` right after `{`, `[` or `<`: a delimiter a percent-decoding would take for an escape. */
function opensPercent(buf: ArrayBuffer): bool {
  for (let i = 1; i < buf.byteLength; i++) {
    if (byteAt(buf, i) != 0x25) continue;
    const c = byteAt(buf, i - 1);
    if (c == 0x7b || c == 0x5b || c == 0x3c) return true;
  }
  return false;
}

/** `@(`, `@System`, `@Microsoft`: Razor. (The other openers are census classes: `{`, `%` (`<%`, `{%`, encoded braces), `&` (`&#x7B;`), `#` (`#set(`, `<#assign`).) */
function hasRazorOpener(buf: ArrayBuffer): bool {
  const base = changetype<usize>(buf);
  const len = buf.byteLength;
  for (let i = 0; i + 1 < len; i++) {
    if (load<u8>(base + <usize>i) != 0x40) continue;
    const d = load<u8>(base + <usize>(i + 1));
    if (d == 0x28 || d == 0x53 || d == 0x4d) return true;
  }
  return false;
}

// The first bytes of every delimiter pair the loop below reads: a byte outside them starts nothing.
const OPENERS = byteTable("@{}$#*~<[%");

function scan(s: Sink, t: Target, buf: ArrayBuffer): void {
  const len = buf.byteLength;
  let kinds = 0; // the delimiters seen: a short value (64 bytes) of four kinds is the scanners' polyglot `${{<%[%'"}}%\.`
  for (let i = 0; i + 1 < len; i++) {
    const c = byteAt(buf, i);
    if (unchecked(OPENERS[c]) == 0) continue;
    const d = byteAt(buf, i + 1);
    if (len <= 64) {
      const pair = (c << 8) | d;
      kinds |= pair == 0x7b7b ? 1 : pair == 0x7d7d ? 2 : pair == 0x247b ? 4 : pair == 0x3c25 ? 8 : pair == 0x257d || pair == 0x253e ? 16 : pair == 0x7b25 ? 32 : 0;
    }
    if (c == 0x40 && (i == 0 || !isWordByte(byteAt(buf, i - 1)))) {
      const e = razorDotNet(buf, i + 1);
      if (e > 0) s.report(SSTI_OBJECT, t, buf, i, e, "template internals");
    }
    if (c == 0x7b && d == 0x7b) {
      const e = closer(buf, i + 2, 0x7d, 0x7d);
      if (e >= 0) expression(s, t, buf, i, i + 2, e, true);
    } else if (d == 0x7b && (c == 0x24 || c == 0x23 || c == 0x2a || c == 0x40 || c == 0x7e)) {
      const e = braceCloser(buf, i + 2);
      if (e >= 0) expression(s, t, buf, i, i + 2, e, false);
    } else if ((c == 0x7b || c == 0x5b) && d == 0x25) {
      // `{% %}` (Jinja, Twig, Liquid), `[% %]` (Template Toolkit): a statement, or arithmetic
      const e = closer(buf, i + 2, 0x25, c + 2);
      if (e >= 0 && isArithmetic(buf, i + 2, e)) s.report(SSTI_PROBE, t, buf, i, e + 2, "template arithmetic");
      else if (e >= 0) statement(s, t, buf, i, i + 2, e);
    } else if (c == 0x3c && d == 0x25) {
      const e = closer(buf, i + 2, 0x25, 0x3e);
      if (e >= 0) codeBlock(s, t, buf, i, i + 2, e);
    } else if ((c == 0x3c || c == 0x5b) && d == 0x23 && FM_DIRECTIVES.hasLower(buf, i + 2, wordEnd(buf, i + 2)) && directiveEnd(at(buf, wordEnd(buf, i + 2)))) {
      // <#assign x=...> [#list .data_model?keys as k]: a FreeMarker directive (either tag syntax) that
      // defines, walks or includes
      s.report(SSTI_FREEMARKER, t, buf, i, min(len, i + 60), "FreeMarker directive");
    } else if ((c == 0x7b || (c == 0x40 && d == 0x28)) && (i == 0 || byteAt(buf, i - 1) != 0x7b) && (isDigit(c == 0x40 ? byteAt(buf, i + 2) : d) || d == 0x24)) {
      // Smarty {7*7}, Razor @(7*7): multiplied numbers in one brace or parenthesis; Smarty's own object {$smarty.x}
      const e = braceCloser(buf, i + 1);
      let r = c == 0x40 ? i + 2 : e;
      if (c == 0x40) while (r < len && r < i + 64 && byteAt(buf, r) != 0x29) r++;
      if (r > 0 && r < len && isArithmetic(buf, c == 0x40 ? i + 2 : i + 1, r) && indexIn(buf, i, r, "*") >= 0) s.report(SSTI_PROBE, t, buf, i, r + 1, "template arithmetic");
      if (c == 0x7b && d == 0x24 && e > 0 && reachesInternals(buf, i + 2, e, true)) s.report(SSTI_OBJECT, t, buf, i, e + 1, "template internals");
    } else if (c == 0x23 && matchesCI(buf, i + 1, "set") && i + 4 < len && byteAt(buf, i + 4) == 0x28 && indexIn(buf, i, min(len, i + 128), "$") >= 0) {
      s.report(SSTI_FREEMARKER, t, buf, i, min(len, i + 60), "Velocity #set directive");
    }
  }
  // four kinds mixing engines: `{{ }}` with `${` or `<%`; Jinja or Liquid alone (`{{ }}` `{% %}`) is one engine's template
  if (popcnt<i32>(kinds) >= 4 && (kinds & 12) != 0) s.report(SSTI_PROBE, t, buf, 0, min(len, 32), "template polyglot");
}

/** Index of the two-byte closer `a b` after `from` (within 256 bytes), or -1. */
function closer(buf: ArrayBuffer, from: i32, a: u32, b: u32): i32 {
  const end = min(buf.byteLength - 1, from + 256);
  for (let j = from; j < end; j++) {
    if (byteAt(buf, j) == a && byteAt(buf, j + 1) == b) return j;
  }
  return -1;
}

/** Index of the `}` that closes a `{` opened before `from` (nesting counted, within 256 bytes), or -1. */
function braceCloser(buf: ArrayBuffer, from: i32): i32 {
  const end = min(buf.byteLength, from + 256);
  let depth = 0;
  for (let j = from; j < end; j++) {
    const c = byteAt(buf, j);
    if (c == 0x7b) depth++;
    else if (c == 0x7d) {
      if (depth == 0) return j;
      depth--;
    }
  }
  return -1;
}

function expression(s: Sink, t: Target, buf: ArrayBuffer, at: i32, start: i32, end: i32, mustache: bool): void {
  if (mustache && byteAt(buf, start) == 0x23) statement(s, t, buf, at, start + 1, end); // Handlebars {{#with ...}}
  else if (byteAt(buf, at) == 0x23 && byteAt(buf, start) == 0x60) s.report(SSTI_STATEMENT, t, buf, at, min(buf.byteLength, end + 1), "template statement"); // Ruby #{`cmd`}
  else if (isArithmetic(buf, byteAt(buf, start) == 0x3d ? start + 1 : start, end)) { // `{{= 7*7 }}`
    s.report(SSTI_PROBE, t, buf, at, min(buf.byteLength, end + 2), "template arithmetic");
  } else if (reachesInternals(buf, start, end, mustache)) {
    s.report(SSTI_OBJECT, t, buf, at, min(buf.byteLength, end + 2), "template internals");
  } else if (mustache && literalMethodCall(buf, start, end)) {
    s.report(SSTI_PROBE, t, buf, at, min(buf.byteLength, end + 2), "template arithmetic");
  } else if (mustache && goAction(buf, start, end)) {
    s.report(SSTI_STATEMENT, t, buf, at, min(buf.byteLength, end + 2), "template statement");
  }
}

/** `{{"ab".upper()}}`, `{{ 'x'.concat('y') }}`: a method called on a string literal renders a probe's answer. */
function literalMethodCall(buf: ArrayBuffer, start: i32, end: i32): bool {
  let j = start;
  while (j < end && byteAt(buf, j) <= 0x20) j++;
  const q = byteAt(buf, j);
  if (q != 0x22 && q != 0x27) return false;
  j++;
  while (j < end && byteAt(buf, j) != q) j++;
  if (byteAt(buf, j + 1) != 0x2e) return false;
  j += 2;
  const w = j;
  while (j < end && isAlpha(byteAt(buf, j))) j++;
  return j > w && byteAt(buf, j) == 0x28;
}

/** `{{printf "%s" .}}` `{{- len $x }}`: a Go action or built-in, a blank, then an argument (literal, `.`, `$var`, number). */
function goAction(buf: ArrayBuffer, start: i32, end: i32): bool {
  let j = start;
  if (j < end && byteAt(buf, j) == 0x2d) j++;
  while (j < end && byteAt(buf, j) <= 0x20) j++;
  const w = j;
  while (j < end && isAlpha(byteAt(buf, j))) j++;
  if (j == w || j >= end || byteAt(buf, j) > 0x20 || !GO_ACTIONS.has(buf, w, j)) return false;
  while (j < end && byteAt(buf, j) <= 0x20) j++;
  const a = j < end ? byteAt(buf, j) : 0;
  return a == 0x22 || a == 0x60 || a == 0x2e || a == 0x24 || isDigit(a);
}

/**
 * Razor `@System.Diagnostics.Process.Start(`, `@(System.Environment.UserName)`, `@{ System.IO.File... }`: a
 * .NET framework name of three or more parts after `@`, called or in an explicit expression or code block
 * (an e-mail address has a word before its `@`). Returns the end of the name, or 0.
 */
function razorDotNet(buf: ArrayBuffer, i: i32): i32 {
  const len = buf.byteLength;
  let j = i;
  const explicit = j < len && (byteAt(buf, j) == 0x28 || byteAt(buf, j) == 0x7b);
  if (explicit) { j++; while (j < len && byteAt(buf, j) <= 0x20) j++; }
  if (!matchesCI(buf, j, "system.") && !matchesCI(buf, j, "microsoft.")) return 0;
  let dots = 0;
  while (j < len && (isWordByte(byteAt(buf, j)) || byteAt(buf, j) == 0x2e)) { if (byteAt(buf, j) == 0x2e) dots++; j++; }
  return dots >= 2 && (explicit || (j < len && byteAt(buf, j) == 0x28)) ? j : 0;
}

function statement(s: Sink, t: Target, buf: ArrayBuffer, at: i32, start: i32, end: i32): void {
  let j = start;
  if (j < end && (byteAt(buf, j) == 0x2d || byteAt(buf, j) == 0x2b)) j++; // `{%-`
  while (j < end && byteAt(buf, j) <= 0x20) j++;
  const w = j;
  while (j < end && isAlpha(byteAt(buf, j))) j++;
  if (j > w && (j == end || !isWordByte(byteAt(buf, j))) && STATEMENTS.has(buf, w, j)) {
    // control flow over the page's data is an ordinary stored template; over literals only (`{% if True %}`) a probe
    if (isControl(buf, w, j) && !reachesInternals(buf, j, end, false) && ((byteAt(buf, w) == 0x65 && byteAt(buf, w + 1) == 0x6e) || namesData(buf, j, end))) return;
    s.report(SSTI_STATEMENT, t, buf, at, min(buf.byteLength, end + 2), "template statement");
  } else if (reachesInternals(buf, start, end, true)) {
    s.report(SSTI_OBJECT, t, buf, at, min(buf.byteLength, end + 2), "template internals");
  }
}

/** `if`, `for`, `each`, `unless`, `while` or a closer `end...`, given that w..j is one of STATEMENTS. */
function isControl(buf: ArrayBuffer, w: i32, j: i32): bool {
  const c = byteAt(buf, w);
  const d = byteAt(buf, w + 1);
  const n = j - w;
  return (c == 0x69 && n == 2) || (c == 0x66 && d == 0x6f) || (c == 0x65 && (d == 0x6e || d == 0x61)) || c == 0x75 || (c == 0x77 && n == 5);
}

/** A name in the statement's operands that is not a literal: `{% if user.admin %}`, `{{#each items}}`. */
function namesData(buf: ArrayBuffer, start: i32, end: i32): bool {
  for (let k = start; k < end; k++) {
    const c = byteAt(buf, k);
    if (c == 0x27 || c == 0x22) { // skip a quoted literal
      k++;
      while (k < end && byteAt(buf, k) != c) k++;
      continue;
    }
    if (!isAlpha(c) || isWordByte(byteAt(buf, k - 1))) continue;
    let w = k;
    while (w < end && isWordByte(byteAt(buf, w))) w++;
    if (!LITERALS.hasLower(buf, k, w)) return true;
    k = w;
  }
  return false;
}

/** `<% ... %>` (ERB, JSP, ASP, EJS): a statement or code with a call is a code block; `<%= title %>` only prints. */
function codeBlock(s: Sink, t: Target, buf: ArrayBuffer, at: i32, start: i32, end: i32): void {
  let j = start;
  if (j < end && (byteAt(buf, j) == 0x3d || byteAt(buf, j) == 0x2d)) j++;
  while (j < end && byteAt(buf, j) <= 0x20) j++;
  if (j >= end) return;
  if (isArithmetic(buf, j, end)) {
    s.report(SSTI_PROBE, t, buf, at, min(buf.byteLength, end + 2), "code block arithmetic");
    return;
  }
  const w = j;
  while (j < end && isAlpha(byteAt(buf, j))) j++;
  const keyword = j > w && STATEMENTS.has(buf, w, j);
  let call = false;
  for (let k = w; k < end; k++) if (byteAt(buf, k) == 0x28 || byteAt(buf, k) == 0x60) call = true;
  if (keyword || call) s.report(SSTI_STATEMENT, t, buf, at, min(buf.byteLength, end + 2), "server-side code block");
}

/** Numbers (or quoted literals) joined by at least one arithmetic operator: `7*7`, `16*8787`, `7*'7'`, `'a'~'b'`. */
function isArithmetic(buf: ArrayBuffer, start: i32, end: i32): bool {
  let numbers = 0;
  let ops = 0;
  let inNumber = false;
  for (let j = start; j < end; j++) {
    const c = byteAt(buf, j);
    if (isDigit(c)) {
      if (!inNumber) numbers++;
      inNumber = true;
      continue;
    }
    inNumber = false;
    if (c == 0x27 || c == 0x22) { // a quoted literal is an operand: {{'a'~'b'}}
      let q = j + 1;
      while (q < end && byteAt(buf, q) != c) q++;
      if (q < end && q - j > 1) { numbers++; j = q; continue; }
    }
    if (c == 0x2a || c == 0x2b || c == 0x2d || c == 0x2f || c == 0x25 || c == 0x7e) ops++;
    else if (c == 0x7c) { // a filter that computes (`7|add:7`): `|`, a name, `:`
      while (j + 1 < end && isAlpha(byteAt(buf, j + 1))) j++;
      if (byteAt(buf, j + 1) != 0x3a) return false;
      j++;
      ops++;
    }
    else if (!(c <= 0x20 || c == 0x27 || c == 0x22 || c == 0x28 || c == 0x29 || c == 0x2e)) return false;
  }
  return numbers >= 2 && ops >= 1;
}

/** A dunder (`__class__`), an internal name followed by `.`, `(`, `[` or `}`, or a lone probed object. */
function reachesInternals(buf: ArrayBuffer, start: i32, end: i32, mustache: bool): bool {
  let j = start;
  while (j < end && byteAt(buf, j) <= 0x20) j++;
  let e = end;
  while (e > j && byteAt(buf, e - 1) <= 0x20) e--;
  if (mustache && PROBED_OBJECTS.has(buf, j, e)) return true;
  for (let k = start; k + 1 < end; k++) {
    const c = byteAt(buf, k);
    if (c == 0x5f && byteAt(buf, k + 1) == 0x5f && k + 2 < end && isAlpha(byteAt(buf, k + 2))) return true;
    // a name starts after a non-word byte, or after one `_` (`_self.env`); a quoted name is a filter's callback (`|filter('system')`)
    if (!isAlpha(c) || (k > start && isWordByte(byteAt(buf, k - 1)) && !(byteAt(buf, k - 1) == 0x5f && !isWordByte(byteAt(buf, k - 2))))) continue;
    let w = k;
    while (w < end && isWordByte(byteAt(buf, w))) w++;
    if (INTERNALS.has(buf, k, w) && w < end) {
      const n = byteAt(buf, w);
      if (n == 0x2e || n == 0x28 || n == 0x5b) return true;
      if ((n == 0x27 || n == 0x22) && byteAt(buf, k - 1) == n && byteAt(buf, k - 2) == 0x28) return true;
    }
    if (w - k == 1 && byteAt(buf, k) == 0x54 && w < end && byteAt(buf, w) == 0x28) return true; // Spring `T(java.lang.X)`
    k = w;
  }
  return false;
}


function indexIn<Needle>(buf: ArrayBuffer, from: i32, to: i32, needle: Needle, n: i32 = 0): i32 {
  n = needleLength(needle, n);
  for (let i = from; i + n <= to; i++) {
    if (matchesCI(buf, i, needle, n)) return i;
  }
  return -1;
}
