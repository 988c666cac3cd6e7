// Path checks: the request target's form, file extensions that expose backups, configuration,
// databases or logs (CRS 920440), editor backup files (920500), and the mod_proxy `unix:` socket
// trick in the request target (921240).
import { Sink } from "../../sink";
import { byte } from "./text";
import { indexOfCI } from "../../bytes";
import { WordList } from "../../wordlist";
import { urlDecodeFull } from "../../transform/urldecode";

const RESTRICTED_EXTENSIONS = new WordList(
"asa|asax|ascx|backup|bak|bat|cdx|cer|cfg|cmd|com|config|conf|cs|csproj|csr|dat|db|dbf|dll|dos|htr|htw|ida|idc|\
idq|inc|ini|key|licx|lnk|log|mdb|old|pass|pdb|pol|printer|pwd|rdb|resources|resx|sql|swp|sys|vb|vbs|vbproj|\
vsdisco|webinfo|xsd|xsx|sqlite|sqlite3|orig|save|tmp|env|pem|p12|pfx|kdbx");

/**
 * Offset of what makes a request target malformed, or -1: a target that is neither origin-form
 * (`/...`) nor `*`, or a raw blank or control byte (a second request line or a parser that splits
 * the target differently from the proxy: request-line desync).
 */
export function badTarget(target: ArrayBuffer): i32 {
  const n = target.byteLength;
  if (n == 0) return -1;
  const c0 = byte(target, 0);
  if (c0 != 0x2f && !(n == 1 && c0 == 0x2a)) return 0;
  for (let i = 0; i < n; i++) {
    const c = byte(target, i);
    if (c <= 0x20 || c == 0x7f) return i;
  }
  return -1;
}

export function checkPath(s: Sink, target: ArrayBuffer): void {
  const bad = badTarget(target);
  if (bad >= 0) s.reportNamed(1068, "path", target, bad, bad + 40, "malformed request target");
  let q = target.byteLength;
  let percent = false;
  for (let i = 0; i < target.byteLength; i++) {
    const c = byte(target, i);
    if (c == 0x3f) { q = i; break; }
    if (c == 0x25) percent = true;
  }
  if (q > 1) {
    // Without escapes the path is the target's own bytes up to '?': no copy.
    const path = percent ? urlDecodeFull(target.slice(0, q)) : target;
    const n = percent ? path.byteLength : q;
    let segStart = n;
    while (segStart > 0 && byte(path, segStart - 1) != 0x2f) segStart--;
    let dot = -1;
    for (let i = n - 1; i > segStart; i--) if (byte(path, i) == 0x2e) { dot = i; break; }
    if (dot > segStart) {
      if (RESTRICTED_EXTENSIONS.hasLower(path, dot + 1, n)) {
        s.reportNamed(1070, "path", path, segStart, n, "restricted file extension");
      }
    }
    // `name.ext~` as a whole segment (not `~user` home directories).
    let start = 0;
    for (let i = 0; i <= n; i++) {
      if (i < n && byte(path, i) != 0x2f) continue;
      if (i - start >= 3 && byte(path, i - 1) == 0x7e) {
        let hasDot = false;
        for (let k = start; k < i - 1; k++) if (byte(path, k) == 0x2e) hasDot = true;
        if (hasDot && byte(path, i - 2) != 0x2e) {
          s.reportNamed(1071, "path", path, start, i, "backup file");
          break;
        }
      }
      start = i + 1;
    }
  }
  const k = unixSocket(target);
  if (k >= 0 && indexOfCI(target, "|", k) > k) s.reportNamed(1066, "path", target, k, k + 60, "unix socket with |");
}

/** Offset of `unix:` or `unix%3a` (any case), or -1: one pass. */
function unixSocket(t: ArrayBuffer): i32 {
  const n = t.byteLength;
  for (let from = 0; from < n;) {
    const k = indexOfCI(t, "unix", from);
    if (k < 0) return -1;
    if (k + 4 < n && byte(t, k + 4) == 0x3a) return k;
    if (k + 6 < n && byte(t, k + 4) == 0x25 && byte(t, k + 5) == 0x33 && (byte(t, k + 6) | 0x20) == 0x61) return k;
    from = k + 4;
  }
  return -1;
}
