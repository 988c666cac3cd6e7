// Files a request path should not reach on a web server: hidden files and
// directories (`/.env`, `/.git/`, `/.claude/settings.json`), backups, database
// dumps and logs (`backup.sql.zip`, `debug.log`, `index.php.bak`), and the Vite
// dev server's file-system routes (`/@fs/`). `/.well-known/` is public by design.
import { matchesCI, isWordByte } from "../../bytes";
import { WordList } from "../../wordlist";
import { pathEnd } from "../protocol/framing";

// one bounds-checked reader, called (not inlined at every use: the module has a size budget)
function at(buf: ArrayBuffer, i: i32): u32 {
  return i < buf.byteLength && i >= 0 ? <u32>load<u8>(changetype<usize>(buf) + <usize>i) : 0;
}

const RESTRICTED_SUFFIXES = new WordList(".sql|.sql.gz|.sql.zip|.sql.bz2|.sql.tar|.dump|.bak|.old|.orig|.swp|.log|.sqlite|.sqlite3|.db|.mdb|.pem|.key");

/** Start of the offending segment of the path (query excluded), or -1. */
export function findRestrictedPathFile(path: ArrayBuffer): i32 {
  const end = pathEnd(path);
  let segStart = 0;
  for (let i = 0; i <= end; i++) {
    if (i < end && at(path, i) != 0x2f) continue;
    // segment [segStart, i)
    if (i > segStart) {
      const c = at(path, segStart);
      if (c == 0x2e && isWordByte(at(path, segStart + 1)) && !matchesCI(path, segStart, ".well-known")) return segStart;
      if (c == 0x40 && (matchesCI(path, segStart, "@fs") || matchesCI(path, segStart, "@id")) && i - segStart == 3) return segStart;
      if (i == end) {
        for (let k = 0; k < RESTRICTED_SUFFIXES.count; k++) {
          const n = RESTRICTED_SUFFIXES.length(k);
          if (i - segStart > n && RESTRICTED_SUFFIXES.matchesLower(k, path, i - n)) return segStart;
        }
        if (at(path, i - 1) == 0x7e && i - segStart > 1) return segStart; // editor backup `index.php~`
      }
    }
    segStart = i + 1;
  }
  return -1;
}
