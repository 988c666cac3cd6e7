// PHP function vocabulary. A call is judged by what the function can do:
// DANGEROUS functions run code or commands, read or write files, decode hidden
// payloads or open sockets; BUILTINS are ordinary library functions, which only
// matter when the input is itself a PHP expression. Extension prefixes
// (`array_`, `posix_`, `sodium_` ...) recognise the thousands of library
// functions by PHP's naming scheme instead of listing them.
import { byteAt } from "../../bytes";
import { WordList } from "../../wordlist";

export const FN_NONE = 0;
export const FN_BUILTIN = 1;
export const FN_DANGEROUS = 2;

// In order: code and command execution (eval ... mb_send_mail; `include`/`require` are statements in
// PHP and mostly JS `require('x')` in traffic: left out), decoders that unwrap hidden payloads
// (base64_decode ... strrev), files and sockets (file_get_contents ... virtual).
const DANGEROUS = new WordList(
"eval|assert|assert_options|create_function|call_user_func|call_user_func_array|forward_static_call|\
forward_static_call_array|register_shutdown_function|register_tick_function|preg_replace|\
preg_replace_callback|preg_replace_callback_array|mb_ereg_replace|array_map|array_filter|array_walk|usort|\
uasort|uksort|iterator_apply|system|exec|passthru|shell_exec|popen|proc_open|pcntl_exec|pcntl_fork|dl|putenv|\
ini_set|ini_alter|set_include_path|extract|parse_str|mb_parse_str|phpinfo|php_uname|getenv|get_defined_vars|\
get_defined_functions|get_defined_constants|get_cfg_var|ob_start|highlight_file|show_source|mail|mb_send_mail|\
base64_decode|gzinflate|gzuncompress|gzdecode|zlib_decode|bzdecompress|lzf_decompress|str_rot13|\
convert_uudecode|hex2bin|unserialize|strrev|file_get_contents|file_put_contents|fopen|fwrite|fputs|fread|\
fgets|file|readfile|fpassthru|move_uploaded_file|copy|rename|unlink|rmdir|mkdir|tempnam|tmpfile|chmod|chown|\
chgrp|chroot|symlink|link|touch|glob|scandir|opendir|readdir|fsockopen|pfsockopen|stream_socket_client|\
stream_socket_server|socket_create|curl_exec|curl_init|curl_multi_exec|posix_kill|posix_setuid|posix_getpwuid|\
posix_getegid|gethostbyname|gethostbynamel|dns_get_record|imap_open|apache_setenv|virtual");

const BUILTINS = new WordList(
"chr|ord|pi|crypt|range|substr|strlen|strtolower|strtoupper|strrev|strpos|stripos|strstr|stristr|strtr|sprintf|\
printf|vsprintf|sscanf|print_r|var_dump|var_export|debug_zval_dump|serialize|intval|floatval|boolval|strval|\
settype|gettype|implode|explode|join|trim|ltrim|rtrim|nl2br|strip_tags|addslashes|stripslashes|\
htmlspecialchars|htmlentities|html_entity_decode|ucfirst|lcfirst|ucwords|wordwrap|md5|sha1|crc32|bin2hex|\
dechex|hexdec|decbin|bindec|decoct|octdec|base_convert|pack|unpack|uniqid|mt_rand|rand|random_bytes|microtime|\
mktime|strtotime|checkdate|filegroup|fileowner|fileperms|filesize|filemtime|fileatime|filectime|fileinode|\
filetype|fclose|feof|fflush|flock|fseek|ftell|ftruncate|fstat|lstat|stat|realpath|basename|dirname|pathinfo|\
tmpfile|umask|compact|count|sizeof|in_array|sort|rsort|asort|arsort|ksort|krsort|shuffle|levenshtein|\
similar_text|soundex|metaphone|quotemeta|addcslashes|stripcslashes|chunk_split|convert_uuencode|money_format|\
number_format|localeconv|nl_langinfo|setlocale|sleep|usleep|time_nanosleep|uniqid|lcg_value|getmypid|getmyuid|\
getlastmod|getcwd|chdir|header|headers_list|setcookie|http_response_code|error_reporting|ini_get|ini_get_all|\
ini_restore|set_time_limit|ignore_user_abort|connection_status|constant|function_exists|class_exists|\
method_exists|property_exists|func_get_args|gzcompress|gzdeflate|gzencode|bzcompress|bzopen|gzopen|\
zlib_encode|base64_encode|urlencode|urldecode|rawurlencode|rawurldecode|http_build_query|parse_url|\
json_encode|json_decode|iconv|utf8_encode|utf8_decode|escapeshellarg|escapeshellcmd|proc_nice|proc_close|\
proc_terminate|proc_get_status|pclose|fgetc|fgetcsv|fputcsv|fscanf|fprintf|vfprintf|readlink|lchown|lchgrp|\
disk_free_space|disk_total_space|is_writable");

// Extension prefixes of PHP's library, followed by `_` in every function they name (GD's image conversions are
// `jpeg2wbmp`, `png2wbmp`: no `png_`, which is libpng's C API).
const PREFIXES = new WordList(
"array|str|preg|posix|pcntl|pg|mysql|mysqli|sqlite|oci|odbc|ldap|sodium|zend|curl|date|timezone|mb|iconv|zlib|\
gz|bz|ob|file|is|get|set|func|ini|openssl|mcrypt|hash|stream|socket|proc|session|filter|json|xml|xmlrpc|\
libxml|simplexml|dom|image|imagick|gd|exif|ftp|imap|mail|apache|apcu|apc|opcache|spl|class|interface|trait|\
property|method|call|debug|error|restore|register|highlight|php|phpversion|memory|gc|ctype|gmp|bcadd|intl|\
grapheme|idn|msgfmt|numfmt|locale|collator|dba|shm|sem|msg|shmop|readline|pspell|enchant|snmp|win|com|dotnet|\
var|serialize|unserialize|random|openlog|syslog|inotify|fann|yaml|igbinary|msgpack|bson|mongodb|pdo|sqlsrv|\
ibase|fbird|cubrid|dbase|eio|ev|expect|gnupg|http|mailparse|oauth|radius|rar|ssh2|svn|tidy|uopz|xdiff|xhprof|\
xattr|zip|lzf|quoted|convert|money|number|checkdnsrr|dns|net|gethostby|getprotobyname|inet|ip2long|long2ip|\
fsock|mt|lcg|cal|easter|jd|unixtojd|strptime|ftok|iptc|getimage");

/** Whether [s, e) is one of the builtins listed by name (not only by an extension prefix). */
export function isListedBuiltin(data: ArrayBuffer, s: i32, e: i32): bool {
  return BUILTINS.hasLower(data, s, e);
}

/** Classifies the identifier [s, e) as a PHP function name. */
export function classifyFunction(data: ArrayBuffer, s: i32, e: i32): i32 {
  if (e - s < 2 || e - s > 60) return FN_NONE;
  if (DANGEROUS.hasLower(data, s, e)) return FN_DANGEROUS;
  if (BUILTINS.hasLower(data, s, e)) return FN_BUILTIN;
  // prefix_rest: a known extension prefix, an underscore, then a lower-case word part.
  for (let u = s + 1; u < e - 1; u++) {
    if (byteAt(data, u) != 0x5f) continue;
    if (PREFIXES.hasLower(data, s, u)) return FN_BUILTIN;
    break;
  }
  return FN_NONE;
}

/** Whether [s, e) is, or ends with, a dangerous function name of 8+ letters (`FOOgzinflate`). */
export function endsWithDangerous(data: ArrayBuffer, s: i32, e: i32): bool {
  for (let k = 0; k < DANGEROUS.count; k++) {
    const n = DANGEROUS.length(k);
    if (n < 8 || n > e - s) continue;
    if (DANGEROUS.matchesLower(k, data, e - n)) return true;
  }
  return false;
}

/** Whether the lower-case ASCII string `name` is a dangerous or builtin function. */
/** Whether `name` (lower case) is a dangerous function (no look at the builtins). */
export function isDangerousFunctionName(name: string): bool {
  return DANGEROUS.hasString(name);
}

export function isKnownFunctionName(name: string): i32 {
  if (DANGEROUS.hasString(name)) return FN_DANGEROUS;
  if (BUILTINS.hasString(name)) return FN_BUILTIN;
  return FN_NONE;
}

/** Whether a dangerous function name with an underscore (never an English word) is [s, e). */
export function isDistinctiveDangerous(data: ArrayBuffer, s: i32, e: i32): bool {
  let underscore = false;
  for (let i = s; i < e; i++) if (byteAt(data, i) == 0x5f) { underscore = true; break; }
  return underscore && DANGEROUS.hasLower(data, s, e);
}
