// Remote file inclusion (rules 6000-6999): a parameter whose value is a URL that a
// server-side include would fetch: addressed by IP, ending in `?` (to cut off the
// suffix the application appends), with a non-web scheme, with user-info tricks,
// or sent in a parameter named like an include path; and URLs pasted into the path.
import { Rule, Category, CRITICAL, WARNING } from "../rule";
import { Sink } from "../sink";
import { Target, TargetKind, TargetOrigin } from "../target";
import { COLON, QUESTION, BACKSLASH } from "../census";
import { indexOfCI, isSpaceByte, isWordByte, matchesCI } from "../bytes";
import { WordList } from "../wordlist";
import { urlAt, urlSchemeStart, urlSchemeEnd, urlAuthorityStart, urlAuthorityEnd, urlHasSlashes, classifyAuthority, classifyHost, schemeEndAt, encodesSlash, H_IP, H_LOOPBACK, H_USERINFO_TRICK } from "./ssrf/host";

export const RFI_RULES: Rule[] = [
  new Rule(6100, Category.Rfi, CRITICAL, 1, "URL with an IP-literal host in a parameter"),
  new Rule(6101, Category.Rfi, CRITICAL, 1, "URL ending in '?' (cuts off the suffix an include appends), or a bare scheme followed by '?'"),
  new Rule(6102, Category.Rfi, CRITICAL, 1, "URL with a file-fetching scheme other than http(s) in a parameter (file:, ftp:, jar:, url:, php: ...)"),
  new Rule(6103, Category.Rfi, CRITICAL, 1, "URL whose authority hides another host (user-info with '/', several '@')"),
  new Rule(6104, Category.Rfi, CRITICAL, 1, "URL in a parameter named like an include path (path, include, file, dir, root, template, conf), or to a script or text file in one named for a page (page, lang, view)"),
  new Rule(6105, Category.Rfi, CRITICAL, 1, "URL embedded in the request path"),
  new Rule(6106, Category.Rfi, WARNING, 2, "URL in a parameter"),
];

function at(buf: ArrayBuffer, i: i32): u32 {
  return i < buf.byteLength && i >= 0 ? <u32>load<u8>(changetype<usize>(buf) + <usize>i) : 0;
}

/** `http` or `https` at [s, e). */
export function isWebScheme(buf: ArrayBuffer, s: i32, e: i32): bool {
  const len = e - s;
  return (len == 4 && matchesCI(buf, s, "http")) || (len == 5 && matchesCI(buf, s, "https"));
}

/** Schemes whose URLs an include or a URL fetcher reads files or remote data with. */
const FETCH_SCHEMES = new WordList("ftp|jar|url|php|smb|file|ftps|sftp|gopher|netdoc|local_file");

export function isFetchScheme(buf: ArrayBuffer, s: i32, e: i32): bool {
  return FETCH_SCHEMES.hasLower(buf, s, e);
}

// Words of a parameter name that say it holds a path to load: `path`, `_CONF[path]`,
// `mosConfig_absolute_path`, `templateFile`. Whole words only: `redirect` holds no `dir`,
// `profile` no `file`, `confirm` no `conf`.
const INCLUDE_WORDS = new WordList(
"path|paths|pathname|filepath|basepath|include|includes|inc|require|file|files|filename|dir|dirname|basedir|directory|folder|\
root|docroot|webroot|template|tpl|conf|config|cfg");
// Words of a parameter name that say it holds a URL.
const URL_WORDS = new WordList("url|uri|href|link");
// Words of a parameter name that say which page or part to show, which PHP sites resolve to a file
// and include (`index.php?page=`, `?lang=`): a URL there counts when it names a script or text file.
const PAGE_WORDS = new WordList(
"page|pg|module|mod|view|show|load|layout|lang|language|locale|skin|theme");

/**
 * Whether a word of the parameter name (split at non-letters and at camelCase humps) is an include word.
 * A JSON value is named by its own key: `spec.template.spec.env.0.value` is no template, `files.0` is a file.
 */
function isIncludeName(key: string, json: bool, words: WordList = INCLUDE_WORDS): bool {
  const n = key.length;
  let i = 0;
  if (json) {
    let e = n;
    for (let j = n - 1; j >= 0; j--) {
      const c = key.charCodeAt(j);
      if (c == 0x2e) { if (!isLetterCode(key.charCodeAt(j + 1))) e = j; else { i = j + 1; break; } }
    }
    if (e < n) return isIncludeName(key.substring(i, e), false, words);
  }
  // (a name whose last word says it holds a URL, `rootUrl`, `template_uri`, is a link or base address the service
  // records or calls: an include word before it describes the URL)
  let found = false;
  while (i < n) {
    while (i < n && !isLetterCode(key.charCodeAt(i))) i++;
    const s = i;
    i++;
    while (i < n && isLetterCode(key.charCodeAt(i)) && !(isUpperCode(key.charCodeAt(i)) && !isUpperCode(key.charCodeAt(i - 1)))) i++;
    if (i <= n && i > s) {
      if (isWordOf(URL_WORDS, key, s, min(i, n))) found = false;
      else if (isWordOf(words, key, s, min(i, n))) found = true;
    }
  }
  return found;
}

/** Whether key[s, e), ASCII lower-cased, is one of `words` (compared in place: no substring). */
function isWordOf(words: WordList, key: string, s: i32, e: i32): bool {
  for (let k = 0; k < words.count; k++) {
    if (words.length(k) != e - s) continue;
    let j = 0;
    while (j < e - s && (<u32>key.charCodeAt(s + j) | 0x20) == words.code(k, j)) j++;
    if (j == e - s) return true;
  }
  return false;
}

// @ts-ignore: decorator
@inline function isLetterCode(c: i32): bool {
  return (c | 0x20) - 0x61 < 26 && (c | 0x20) >= 0x61;
}

// @ts-ignore: decorator
@inline function isUpperCode(c: i32): bool {
  return c - 0x41 < 26 && c >= 0x41;
}

export function detectRfi(s: Sink, t: Target): void {
  const v = t.decoded();
  const n = v.byteLength;
  if (n < 4 || n > 4096) return;
  if (t.kind == TargetKind.Path) {
    detectUrlInPath(s, t, v);
    return;
  }
  if (t.kind == TargetKind.Header) return;
  // A scheme ends at `:` (or `http?`); a UNC path starts with `\\`.
  if ((t.census() & (COLON | QUESTION | BACKSLASH)) == 0) return;
  let i = 0;
  while (i < n && isSpaceByte(at(v, i))) i++;
  // `\\203.0.113.7\share\x.php`: a UNC path, which PHP on Windows includes over SMB
  if (at(v, i) == 0x5c && at(v, i + 1) == 0x5c) {
    let e = i + 2;
    while (e < n && at(v, e) != 0x5c && at(v, e) != 0x2f) e++;
    if (e < n && (classifyHost(v, i + 2, e) & H_IP) != 0) s.report(6100, t, v, i, e, "IP URL host");
    else if (e < n && scriptExtension(v, e, n, false)) s.report(6102, t, v, i, n, "file URL scheme");
    return;
  }
  if ((at(v, i) | 0x20) - 0x61 >= 26) return;

  // `http?`, `file?`: a bare scheme cut by '?'
  const se = schemeEndAt(v, i);
  if (se < 0) {
    let e = i;
    while (e < n && (at(v, e) | 0x20) - 0x61 < 26) e++;
    if (e > i && e < n && at(v, e) == 0x3f && (isWebScheme(v, i, e) || isFetchScheme(v, i, e))) {
      let q = e;
      while (q < n && at(v, q) == 0x3f) q++;
      if (q == n) s.report(6101, t, v, i, n, "scheme followed by '?'");
    }
    return;
  }
  if (!urlAt(v, i)) return;
  if (urlSchemeStart > i && isFetchScheme(v, i, se)) s.report(6102, t, v, i, urlAuthorityEnd, "file URL scheme"); // jar:http://...
  const ss = urlSchemeStart;
  const sEnd = urlSchemeEnd;
  const web = isWebScheme(v, ss, sEnd);
  // `file:../dir` is npm's local-dependency syntax; `file:/` and `file://` read files
  if (!web && isFetchScheme(v, ss, sEnd) && (urlHasSlashes || !matchesCI(v, ss, "file"))) s.report(6102, t, v, ss, urlAuthorityEnd, "file URL scheme");
  if (!web && !isFetchScheme(v, ss, sEnd)) return;
  if (!web && !urlHasSlashes) return;
  if (web && !urlHasSlashes && urlAuthorityEnd == urlAuthorityStart) return;
  const encodedSlash = encodesSlash(t.raw);
  const flags = classifyAuthority(v, urlAuthorityStart, urlAuthorityEnd, encodedSlash);
  // (a loopback address as OAuth's redirect_uri is where a native app waits for the browser: ssrf.ts reportHost)
  if ((flags & H_IP) != 0 && t.origin != TargetOrigin.JwtClaims && !((flags & H_LOOPBACK) != 0 && t.key == "redirect_uri")) s.report(6100, t, v, ss, urlAuthorityEnd, "IP URL host");
  if ((flags & H_USERINFO_TRICK) != 0 || authorityHidesHost(v, urlAuthorityStart, urlAuthorityEnd, encodedSlash)) s.report(6103, t, v, ss, urlAuthorityEnd, "hidden URL host");
  if (includeTrailer(v, urlAuthorityEnd, n)) s.report(6101, t, v, ss, n, "URL ends in '?'");
  if (t.key.length > 0 && urlAuthorityEnd > urlAuthorityStart) {
    const json = t.kind == TargetKind.BodyValue;
    if (isIncludeName(t.key, json) || (isIncludeName(t.key, json, PAGE_WORDS) && scriptExtension(v, urlAuthorityEnd, urlPathEnd(v, urlAuthorityEnd, n), true))) s.report(6104, t, v, ss, urlAuthorityEnd, "URL in an include name");
  }
  s.report(6106, t, v, ss, urlAuthorityEnd, "URL in a parameter");
}

// What a remote include fetches: scripts, and text the including script runs as code.
const SCRIPT_EXTENSIONS = new WordList("txt|php|php3|php4|php5|php7|phtml|phar|inc|asp|aspx|jsp|jspx|pl|cgi|py|sh");

/** Whether the last path segment of v[from, to) ends in a script extension (`txt` only when `text`). */
function scriptExtension(v: ArrayBuffer, from: i32, to: i32, text: bool): bool {
  let k = to - 1;
  while (k > from && at(v, k) != 0x2e && at(v, k) != 0x2f && at(v, k) != 0x5c) k--;
  if (k <= from || at(v, k) != 0x2e || (!text && to - k == 4 && matchesCI(v, k + 1, "txt"))) return false;
  return SCRIPT_EXTENSIONS.hasLower(v, k + 1, to);
}

/** The end of the URL path that starts at `from`: its query, fragment or a blank. */
function urlPathEnd(v: ArrayBuffer, from: i32, n: i32): i32 {
  let k = from;
  while (k < n && at(v, k) != 0x3f && at(v, k) != 0x23 && !isSpaceByte(at(v, k))) k++;
  return k;
}

/**
 * The classic include trailer: the URL (path from `pathStart`) ends in a run of `?`, `&` and `#` that
 * cuts off what the application appends: with a `?` in it, or a lone `#` after a script or text file.
 */
function includeTrailer(v: ArrayBuffer, pathStart: i32, n: i32): bool {
  let e = n;
  while (e > 0 && isSpaceByte(at(v, e - 1))) e--;
  let q = e;
  let question = false;
  while (q > pathStart) {
    const c = at(v, q - 1);
    if (c == 0x3f) question = true;
    else if (c != 0x23 && c != 0x26) break;
    q--;
  }
  if (q == e) return false;
  // `https://x/a\n\nWhere is it?`: a URL ends at a blank, the `?` closes the prose after it; and a URL
  // whose query has begun (`/get?q=how was your day?`) cut the suffix there already
  for (let k = pathStart; k < q; k++) if (isSpaceByte(at(v, k)) || at(v, k) == 0x3f) return false;
  return question || scriptExtension(v, pathStart, q, true);
}

/**
 * `a.com/@b.com` decoded from `%2f@`, or `user:pass@host@other`: an '@' after a '/' or a second '@'.
 * `encodedSlash`: the value as sent spells a '/' percent-encoded; without one, `medium.com/@jane` is a
 * path that starts with '@', which every URL parser reads the same way.
 */
function authorityHidesHost(v: ArrayBuffer, start: i32, end: i32, encodedSlash: bool): bool {
  let ats = 0;
  for (let k = start; k < end; k++) if (at(v, k) == 0x40) ats++;
  if (ats > 1) return true;
  // the authority stopped at a '/' that came from %2f, and an '@' follows before the next '/'
  if (encodedSlash && at(v, end) == 0x2f) {
    for (let k = end + 1; k < v.byteLength && k < end + 128; k++) {
      const c = at(v, k);
      if (c == 0x40) return true;
      if (c == 0x2f || c == 0x3f || c == 0x23) break;
    }
  }
  return false;
}

// Path segments after which a web URL is a link the service records or sends the client to, not a fetch.
const LINK_SEGMENTS = new WordList("web|redirect|redir|goto|go|out|away|link|exit|external|outbound|leave|visit|click|r|to");

/**
 * `/web/20200101000000id_/https://...`, `/web/*\/https://...`, `/redirect/https://...`: the segment ending
 * at `slash` is an archive timestamp, `*`, or a redirect word.
 */
function linkSegment(v: ArrayBuffer, slash: i32): bool {
  let b = slash;
  while (b > 0 && at(v, b - 1) != 0x2f) b--;
  if (b == slash) return false;
  if (slash - b == 1 && at(v, b) == 0x2a) return true;
  let d = b;
  while (d < slash && at(v, d) - 0x30 < 10) d++;
  if (d - b >= 4) { while (d < slash && isWordByte(at(v, d))) d++; return d == slash; }
  return LINK_SEGMENTS.hasLower(v, b, slash);
}

/** `/get/https://example.com/`, `/file:%2f%2f/usr/...`, `/files/jar:http://...`: a URL scheme inside the request path. */
function detectUrlInPath(s: Sink, t: Target, v: ArrayBuffer): void {
  const n = v.byteLength;
  for (let i = 1; i + 4 < n; i++) {
    if (at(v, i - 1) != 0x2f) continue;
    const se = schemeEndAt(v, i);
    if (se < 0) continue;
    // `scheme:/`, or a URL nested in it (`jar:http://host/x.jar!/`)
    if (at(v, se + 1) != 0x2f) {
      const inner = schemeEndAt(v, se + 1);
      if (inner < 0 || at(v, inner + 1) != 0x2f) continue;
    }
    if (isWebScheme(v, i, se) || isFetchScheme(v, i, se)) {
      if (isWebScheme(v, i, se) && linkSegment(v, i - 1) && urlAt(v, i) && classifyAuthority(v, urlAuthorityStart, urlAuthorityEnd) == 0 && !includeTrailer(v, urlAuthorityEnd, n)) return;
      s.report(6105, t, v, i, min(n, se + 40), "URL in the request path");
      return;
    }
  }
}
