// Uploaded file names that overwrite server configuration or read kernel state:
// `wp-config.php` (and its backup spellings), `settings.php`, `.htaccess`,
// `web.config`, `.user.ini`, `.boto` ... A web shell or config takeover starts with
// such an upload. Spaces inside the name (`settings. php`) are ignored, as servers strip them.
import { WordList } from "../../wordlist";

const NAMES = new WordList(
"settings.php|config.php|configuration.php|localsettings.php|.htaccess|.htpasswd|web.config|.user.ini|php.ini|\
.boto|config.yml|.env|mtrr|acpi");

// one bounds-checked reader, called (not inlined at every use: the module has a size budget)
function at(buf: ArrayBuffer, i: i32): u32 {
  return i < buf.byteLength && i >= 0 ? <u32>load<u8>(changetype<usize>(buf) + <usize>i) : 0;
}

/** Whether `buf` (a file name, path allowed) names a restricted upload target. */
export function isRestrictedUploadName(buf: ArrayBuffer): bool {
  const n = buf.byteLength;
  if (n == 0 || n > 255) return false;
  let start = 0;
  for (let i = 0; i < n; i++) if (at(buf, i) == 0x2f || at(buf, i) == 0x5c) start = i + 1;
  // the base name, lower case, without spaces
  const name = new ArrayBuffer(n - start);
  let w = 0;
  for (let i = start; i < n; i++) {
    let c = at(buf, i);
    if (c == 0x20 || c == 0x09) continue;
    if (c - 0x41 < 26) c |= 0x20;
    store<u8>(changetype<usize>(name) + <usize>w, <u8>c);
    w++;
  }
  if (w >= 9 && equalsPrefix(name, w, "wp-config")) return true; // wp-config.php, wp-config-php.bak, wp-config_php.txt
  return NAMES.has(name, 0, w);
}

function equalsPrefix(buf: ArrayBuffer, len: i32, s: string): bool {
  if (len < s.length) return false;
  for (let k = 0; k < s.length; k++) if (<u32>load<u8>(changetype<usize>(buf) + <usize>k) != <u32>s.charCodeAt(k)) return false;
  return true;
}
