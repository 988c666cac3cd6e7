// PHP injection (rules 9000-9999): open tags, stream wrappers, calls of PHP
// functions found by a tokenizer, variable functions and dynamic callees,
// superglobals, serialized objects, php.ini directives and uploads of PHP files.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { PAREN, DOLLAR, LT, BRACKET, BRACE, COLON, EQUALS, PERCENT, BACKSLASH, UNDERSCORE, HIGH } from "../census";
import { Target, TargetKind } from "../target";
import { byteAt } from "../bytes";
import { fileExtensions, isUploadName } from "./langs/filenames";
import { scanPhpCalls, findDynamicCall, findConcatenatedName, PHP_TAGS } from "./php/calls";
import { firstUnquoted } from "./langs/fences";
import { FN_DANGEROUS, FN_BUILTIN } from "./php/functions";
import { findVariableCall, findSuperglobal, findVariableVariable } from "./php/variables";
import { findOpenTag, findWrapper, findSerializedObject, isIniAssignment, mentionsRemoteInclude } from "./php/markers";
import { WordList } from "../wordlist";

export const PHP_RULES: Rule[] = [
  new Rule(9100, Category.Php, CRITICAL, 1, "PHP open tag (<?php, <?=, <? code, [php]) in input"),
  new Rule(9110, Category.Php, CRITICAL, 1, "PHP stream wrapper (php://, phar://, zip://, expect://, data:text/plain ...)"),
  new Rule(9120, Category.Php, CRITICAL, 1, "Call of a dangerous PHP function (exec, eval, base64_decode, fopen ...)"),
  new Rule(9121, Category.Php, CRITICAL, 1, "Input that is a PHP expression calling a library function"),
  new Rule(9122, Category.Php, CRITICAL, 1, "PHP function that runs code or commands (passthru, system, assert ...) as the value of a callback parameter (function=, callback=, filter=, a render array's [#property])"),
  new Rule(9130, Category.Php, CRITICAL, 1, "PHP variable function call ($f(...), $_[x](...), ${'a'}(...))"),
  new Rule(9131, Category.Php, CRITICAL, 1, "PHP call through an expression spelling a function name ((system)(x), 'sys'.'tem')"),
  new Rule(9140, Category.Php, CRITICAL, 1, "PHP superglobal ($_GET, $_POST, $_SERVER, $GLOBALS ...)"),
  new Rule(9141, Category.Php, CRITICAL, 1, "PHP variable variable (${'name'}, $ {expr})"),
  new Rule(9150, Category.Php, CRITICAL, 1, "Serialized PHP object (O:8:\"stdClass\":...)"),
  new Rule(9160, Category.Php, CRITICAL, 1, "php.ini directive assignment (allow_url_include=On, auto_prepend_file=...)"),
  new Rule(9170, Category.Php, CRITICAL, 1, "Upload of a PHP file (.php, .phtml, .phar, double extensions)"),
  new Rule(9171, Category.Php, CRITICAL, 1, "Upload named like a PHP session file (sess_<id>)"),
];

export function detectPhp(s: Sink, t: Target): void {
  const raw = t.value;
  const n = raw.byteLength;
  if (n == 0) return;
  if (isUploadName(t)) detectPhpUpload(s, t, raw);
  if (n <= 20 && (t.kind == TargetKind.ArgValue || t.kind == TargetKind.BodyValue) && EXEC_NAMES.hasLower(raw, 0, n)) {
    // the parameter's name says its value is called: a render array's `#` property (`mail[#post_render][]`) or a
    // callback; a function or a filter unless the value is an English word (`filter=system` sorts logs,
    // `"function": "exec"` is a job title)
    // (PHP reads its parameters by their exact, case-sensitive names)
    const k = t.key;
    if (k.indexOf("#") >= 0 || k.indexOf("callback") >= 0 || (n != 4 && n != 6 && (k.indexOf("func") >= 0 || k.indexOf("filter") >= 0))) s.report(9122, t, raw, 0, n, "PHP function as a callback");
  }
  // Prefilter: every rule below needs one of these bytes (`(` `$` `<` `[` `{` `:` `=` `_`, escapes).
  const census = t.census();
  let mask = census & (PAREN | DOLLAR | LT | BRACKET | BRACE | COLON | EQUALS | PERCENT | BACKSLASH | UNDERSCORE);
  if (mask == 0) return;
  // Percent and backslash escapes, overlong and full-width forms only: PHP does not decode HTML
  // entities (markup bodies reach this detector already decoded by the body parser).
  const data = census & (PERCENT | BACKSLASH | HIGH) ? t.jsDecoded() : raw;
  if (data !== raw) mask = 0xffffffff;

  if (mask & (LT | BRACKET | BRACE)) {
    const tag = findOpenTag(data);
    if (tag >= 0) s.report(9100, t, data, tag, tag + 40, "PHP open tag");
  }
  if (mask & COLON) {
    const w = findWrapper(data);
    if (w >= 0) s.report(9110, t, data, w, w + 40, "PHP stream wrapper");
    // namespaced class names keep their `\` (`O:15:"Monolog\Handler"`), which JS unescaping drops: the
    // length is counted on the value with only URL escapes, overlong and full-width forms undone, or raw
    let ob = data;
    let o = findSerializedObject(data);
    if (o < 0 && data !== raw) o = findSerializedObject(ob = t.decoded());
    if (o < 0 && ob !== raw) o = findSerializedObject(ob = raw);
    if (o >= 0) s.report(9150, t, ob, o, o + 40, "serialized PHP object");
  }
  if (mask & (PAREN | UNDERSCORE)) {
    const call = scanPhpCalls(data, t.kind == TargetKind.Path);
    // `q=shell_exec`: the bare name as the whole of a search box is looked up, not called (as a callback it reaches
    // 9122 or arrives under a render-array or filter key, which this does not cover)
    if (call.kind == FN_DANGEROUS && !(call.start == 0 && call.end == data.byteLength && byteAt(data, call.end - 1) != 0x28 && isSearchKey(t.key))) s.report(9120, t, data, call.start, call.end, call.reason);
    else if (call.kind == FN_BUILTIN) s.report(9121, t, data, call.start, call.end, call.reason);
  }
  if (mask & PAREN) {
    const d = findDynamicCall(data);
    if (d >= 0) s.report(9131, t, data, max(0, d - 30), d + 10, "call via expression");
    else {
      const c = findConcatenatedName(data);
      if (c >= 0) s.report(9131, t, data, c, c + 30, "concatenated function");
    }
  }
  if (mask & DOLLAR) {
    // (`$f(x)` in a block quoted in a fence of another language is text: langs/fences.ts)
    const v = firstUnquoted(data, findVariableCall, PHP_TAGS);
    if (v >= 0) s.report(9130, t, data, v, v + 30, "variable function call");
    const g = findSuperglobal(data);
    if (g >= 0) s.report(9140, t, data, g, g + 20, "PHP superglobal");
    const vv = findVariableVariable(data);
    if (vv >= 0) s.report(9141, t, data, vv, vv + 20, "variable variable");
  }
  if (mask & EQUALS) {
    if (isIniAssignment(data)) s.report(9160, t, data, 0, data.byteLength, "php.ini directive");
    else if (census & UNDERSCORE) { // (allow_url_include, auto_prepend_file)
      const r = mentionsRemoteInclude(data);
      if (r >= 0) s.report(9160, t, data, r, r + 30, "php.ini include");
    }
  }
}

/** `q`, `query`, `search`, `searchTerm`, `term`: a parameter a search box fills. */
function isSearchKey(k: string): bool {
  return k == "q" || k.indexOf("query") >= 0 || k.indexOf("search") >= 0 || k.indexOf("term") >= 0;
}

// Functions a framework calls by name when a parameter names them (call_user_func($filter, $x)): what an attack hands over
const EXEC_NAMES = new WordList("system|exec|passthru|shell_exec|popen|proc_open|pcntl_exec|assert|call_user_func|call_user_func_array|create_function|phpinfo");

const PHP_EXTENSIONS = new WordList("php|phtml|pht|phar|phps|phpt|pgif|shtml|inc|hphp|ctp|module");

function isPhpExtension(ext: string): bool {
  if (PHP_EXTENSIONS.hasString(ext)) return true;
  // php3 ... php8, and digit-suffixed variants servers still map (php907)
  if (ext.length > 3 && ext.startsWith("php")) {
    for (let i = 3; i < ext.length; i++) if (<u32>ext.charCodeAt(i) - 0x30 >= 10) return false;
    return true;
  }
  return false;
}

function detectPhpUpload(s: Sink, t: Target, data: ArrayBuffer): void {
  const exts = fileExtensions(data);
  for (let k = 0; k < exts.length; k++) {
    if (isPhpExtension(exts[k])) {
      s.report(9170, t, data, 0, data.byteLength, "PHP file name ." + exts[k]);
      break;
    }
  }
  // Session files: sess_ followed by a session id, as PHP names them.
  let base = 0;
  for (let i = data.byteLength - 1; i >= 0; i--) {
    const c = byteAt(data, i);
    if (c == 0x2f || c == 0x5c) { base = i + 1; break; }
  }
  if (data.byteLength - base >= 25 && (byteAt(data, base) | 0x20) == 0x73 && (byteAt(data, base + 1) | 0x20) == 0x65 &&
      (byteAt(data, base + 2) | 0x20) == 0x73 && (byteAt(data, base + 3) | 0x20) == 0x73 && byteAt(data, base + 4) == 0x5f) {
    s.report(9171, t, data, base, data.byteLength, "PHP session file name");
  }
}
