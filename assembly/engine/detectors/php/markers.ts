// PHP syntax that is unambiguous on its own: open tags, stream wrappers,
// serialized objects and php.ini directives.
import { byteAt, isSpaceByte, isWordByte, matchesCI, indexOfCI } from "../../bytes";
import { skipSpaces } from "../langs/syntax";
import { WordList } from "../../wordlist";

/** Index of a PHP open tag (`<?php`, `<?=`, `<? `, `<?` at the end, `[php]`, `{php}`, `<?xml :code`), or -1. */
export function findOpenTag(data: ArrayBuffer): i32 {
  const n = data.byteLength;
  for (let i = 0; i + 1 < n; i++) {
    const c = byteAt(data, i);
    if (c == 0x3c && byteAt(data, i + 1) == 0x3f) { // <?
      if (i + 2 >= n) return i;
      const d = byteAt(data, i + 2);
      if (d == 0x3d || isSpaceByte(d)) return i;
      if (matchesCI(data, i + 2, "php")) { // code must follow: a bare `<?php` runs nothing
        if (i + 5 < n && isSpaceByte(byteAt(data, i + 5)) && skipSpaces(data, i + 5) < n) return i;
        continue;
      }
      if (matchesCI(data, i + 2, "xml")) {
        // `<?xml version=...` is a declaration; `<?xml :echo 1;` only parses as PHP.
        const k = skipSpaces(data, i + 5);
        if (k >= n) continue;
        const e = byteAt(data, k);
        if ((e | 0x20) - 0x61 < 26 || e == 0x5f || e == 0x3f || e == 0x3e || (e == 0x2d && k == i + 5)) continue;
        return i;
      }
      continue;
    }
    if ((c == 0x5b || c == 0x7b) && i + 4 < n) { // [php] {php} [/php] {/php} [\php]
      let j = i + 1;
      if (byteAt(data, j) == 0x2f || byteAt(data, j) == 0x5c) j++;
      if (matchesCI(data, j, "php") && j + 3 < n) {
        const close = byteAt(data, j + 3);
        if ((c == 0x5b && close == 0x5d) || (c == 0x7b && close == 0x7d)) return i;
      }
    }
  }
  return -1;
}

// Schemes of stream wrappers that read, write, execute or unpack through a URL (`scheme://`).
const WRAPPER_SCHEMES = new WordList(
"php|phar|zip|compress.zlib|compress.bzip2|expect|glob|rar|ogg|ssh2.shell|ssh2.exec|ssh2.tunnel|ssh2.sftp|\
ssh2.scp|data");

/** Index of a PHP stream wrapper, or of a `data:text/plain` URI (PHP's data wrapper), or -1. */
export function findWrapper(data: ArrayBuffer): i32 {
  const n = data.byteLength;
  for (let i = 1; i + 2 < n; i++) {
    if (byteAt(data, i) != 0x3a) continue;
    // The scheme before the colon: letters, digits and dots.
    let s = i;
    while (s > 0 && (isWordByte(byteAt(data, s - 1)) || byteAt(data, s - 1) == 0x2e) && i - s < 16) s--;
    if (s == i) continue;
    const slashes = byteAt(data, i + 1) == 0x2f && byteAt(data, i + 2) == 0x2f;
    for (let k = 0; k < WRAPPER_SCHEMES.count; k++) {
      if (WRAPPER_SCHEMES.length(k) != i - s || !WRAPPER_SCHEMES.matchesLower(k, data, s)) continue;
      if (slashes && namedInProse(data, s, i + 3)) break;
      if (slashes || (k == WRAPPER_SCHEMES.count - 1 && matchesCI(data, i + 1, "text/plain"))) return s;
    }
  }
  return -1;
}

/**
 * "read it through php://filter in PHP 5": a wrapper named inside prose (after a word and a blank) by
 * its bare name, followed by a blank or the end; what include() opens has a path or parameters.
 */
function namedInProse(data: ArrayBuffer, s: i32, k: i32): bool {
  const n = data.byteLength;
  const b = k;
  while (k < n && (byteAt(data, k) | 0x20) - 0x61 < 26) k++;
  if (k < n && (byteAt(data, k) == 0x2e || byteAt(data, k) == 0x2c)) k++;
  if (k == b || (k < n && !isSpaceByte(byteAt(data, k)))) return false;
  return s >= 2 && isSpaceByte(byteAt(data, s - 1)) && isWordByte(byteAt(data, s - 2));
}

/** Index of a serialized PHP object `O:8:"stdClass":1:{` (also `C:`), or -1. */
export function findSerializedObject(data: ArrayBuffer): i32 {
  const n = data.byteLength;
  for (let i = 0; i + 8 < n; i++) {
    const c = byteAt(data, i);
    if ((c != 0x4f && c != 0x43) || byteAt(data, i + 1) != 0x3a) continue;
    if (i > 0 && isWordByte(byteAt(data, i - 1))) continue;
    let j = i + 2;
    if (j < n && byteAt(data, j) == 0x2b) j++;
    let len = 0;
    let digits = 0;
    while (j < n && byteAt(data, j) - 0x30 < 10 && digits < 6) { len = len * 10 + <i32>(byteAt(data, j) - 0x30); j++; digits++; }
    if (digits == 0 || j + 1 >= n || byteAt(data, j) != 0x3a || byteAt(data, j + 1) != 0x22) continue;
    const nameEnd = j + 2 + len;
    if (nameEnd + 2 >= n || byteAt(data, nameEnd) != 0x22 || byteAt(data, nameEnd + 1) != 0x3a) continue;
    return i;
  }
  return -1;
}

// php.ini directives that change what PHP executes, loads or exposes.
const INI_DIRECTIVES = new WordList(
"allow_url_fopen|allow_url_include|auto_prepend_file|auto_append_file|disable_functions|disable_classes|\
open_basedir|safe_mode|register_globals|display_errors|display_startup_errors|error_reporting|error_log|\
log_errors|include_path|extension|extension_dir|zend_extension|memory_limit|max_execution_time|max_input_time|\
post_max_size|upload_max_filesize|upload_tmp_dir|file_uploads|engine|precision|serialize_precision|smtp|\
smtp_port|sendmail_path|sendmail_from|short_open_tag|asp_tags|expose_php|enable_dl|unserialize_max_depth|\
unserialize_callback_func|output_buffering|output_handler|implicit_flush|default_charset|doc_root|user_dir|\
html_errors|variables_order|request_order|magic_quotes_gpc|max_input_vars|realpath_cache_size|\
user_ini.filename|hard_timeout|report_memleaks|track_errors|xmlrpc_errors|docref_root");
// Sections of php.ini: `section.directive`.
const INI_SECTIONS = new WordList(
"mbstring|opcache|session|pcre|zend|mysqli|mysqlnd|pdo_mysql|xdebug|apc|apcu|assert|date|filter|iconv|intl|\
mail|phar|soap|sqlite3|url_rewriter|user_ini|zlib|highlight|odbc|pgsql|ldap|curl|openssl|bcmath|exif|gd|oci8|\
tidy|cgi|fastcgi|cli_server|com|ffi|sys_temp_dir");

/** Whether the whole value assigns a php.ini directive (`allow_url_include=1`, `opcache.jit=off`). */
export function isIniAssignment(data: ArrayBuffer): bool {
  const n = data.byteLength;
  let s = skipSpaces(data, 0);
  if (matchesCI(data, s, "php_value") || matchesCI(data, s, "php_flag") || matchesCI(data, s, "php_admin_value")) {
    s = skipSpaces(data, s + 9);
    while (s < n && isWordByte(byteAt(data, s))) s++;
    s = skipSpaces(data, s);
  }
  let e = s;
  let dot = -1;
  while (e < n && (isWordByte(byteAt(data, e)) || byteAt(data, e) == 0x2e)) { if (byteAt(data, e) == 0x2e && dot < 0) dot = e; e++; }
  if (e == s) return false;
  const eq = skipSpaces(data, e);
  if (eq >= n || byteAt(data, eq) != 0x3d) return false;
  if (skipSpaces(data, eq + 1) >= n) return false;
  if (INI_DIRECTIVES.hasLower(data, s, e)) return true;
  if (dot > s && e > dot + 1) return INI_SECTIONS.hasLower(data, s, dot);
  return false;
}

/** Whether `data` mentions a php.ini directive that enables remote code anywhere (not only as the whole value). */
export function mentionsRemoteInclude(data: ArrayBuffer): i32 {
  const a = indexOfCI(data, "allow_url_include");
  if (a >= 0) return a;
  return indexOfCI(data, "auto_prepend_file");
}
