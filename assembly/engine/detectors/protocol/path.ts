// Path checks: file extensions that expose backups, configuration, databases or
// logs (CRS 920440), editor backup files (920500), and the mod_proxy `unix:` socket
// trick in the request target (921240).
import { Sink } from "../../sink";
import { byte, equalsCI } from "./text";
import { indexOfCI } from "../../bytes";
import { urlDecodeFull } from "../../transform/urldecode";

const RESTRICTED_EXTENSIONS: string[] = [
  "asa", "asax", "ascx", "backup", "bak", "bat", "cdx", "cer", "cfg", "cmd", "com", "config", "conf", "cs", "csproj", "csr",
  "dat", "db", "dbf", "dll", "dos", "htr", "htw", "ida", "idc", "idq", "inc", "ini", "key", "licx", "lnk", "log", "mdb",
  "old", "pass", "pdb", "pol", "printer", "pwd", "rdb", "resources", "resx", "sql", "swp", "sys", "vb", "vbs", "vbproj",
  "vsdisco", "webinfo", "xsd", "xsx", "sqlite", "sqlite3", "orig", "save", "tmp", "env", "pem", "p12", "pfx", "kdbx",
];

export function checkPath(s: Sink, target: ArrayBuffer): void {
  let q = target.byteLength;
  for (let i = 0; i < target.byteLength; i++) if (byte(target, i) == 0x3f) { q = i; break; }
  if (q > 1) {
    const path = urlDecodeFull(q == target.byteLength ? target : target.slice(0, q));
    const n = path.byteLength;
    let segStart = n;
    while (segStart > 0 && byte(path, segStart - 1) != 0x2f) segStart--;
    let dot = -1;
    for (let i = n - 1; i > segStart; i--) if (byte(path, i) == 0x2e) { dot = i; break; }
    if (dot > segStart) {
      for (let k = 0; k < RESTRICTED_EXTENSIONS.length; k++) {
        if (equalsCI(path, dot + 1, n, unchecked(RESTRICTED_EXTENSIONS[k]))) {
          s.reportNamed(1070, "path", path, segStart, n, "restricted file extension");
          break;
        }
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
  const k = indexOfCI(target, "unix:");
  const k2 = k < 0 ? indexOfCI(target, "unix%3a") : k;
  if (k2 >= 0 && indexOfCI(target, "|", k2) > k2) s.reportNamed(1066, "path", target, k2, k2 + 60, "unix socket with |");
}
