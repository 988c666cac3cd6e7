// Path traversal and local file inclusion (rules 5000-5999): traversal steps in
// their decoded forms, sensitive files named as path components, and requests for
// hidden files, backups and logs in the URL path.
import { Rule, Category, CRITICAL, WARNING } from "../rule";
import { Sink } from "../sink";
import { Target, TargetKind, TargetOrigin } from "../target";
import { DOT, SLASH, UNDERSCORE, HIGH, DIGIT, DASH, AT, PLUS } from "../census";
import { spellsWordOf } from "./rce";
import { isSpaceByte, isSpaceByteInline, matchesCI } from "../bytes";
import { unhexLiterals, countTraversal, traversalSteps, firstStep, climbsAboveRoot, hasEncodedSteps, repeatedStep } from "./lfi/traversal";
import { findSensitive } from "./lfi/sensitive";
import { findRestrictedPathFile } from "./lfi/restricted";

export const LFI_RULES: Rule[] = [
  new Rule(5100, Category.Lfi, CRITICAL, 1, "Path traversal: a value starting with ../ or ..\\, or traversal in the path, a file name or a parameter name"),
  new Rule(5101, Category.Lfi, CRITICAL, 1, "Path traversal to a sensitive file"),
  new Rule(5102, Category.Lfi, CRITICAL, 1, "Sensitive OS, credential or configuration file named in a path-like value (/etc/passwd, win.ini, .ssh/id_rsa, .aws/ ...)"),
  new Rule(5103, Category.Lfi, CRITICAL, 1, "Request path reaches a hidden file or directory, a backup, dump or log file"),
  new Rule(5104, Category.Lfi, WARNING, 2, "Sensitive file named inside text"),
  new Rule(5105, Category.Lfi, WARNING, 2, "Path traversal inside a value"),
];

// one bounds-checked reader, called (not inlined at every use: the module has a size budget)
function at(buf: ArrayBuffer, i: i32): u32 {
  return i < buf.byteLength && i >= 0 ? <u32>load<u8>(changetype<usize>(buf) + <usize>i) : 0;
}

/** Whether the value reads as a file path: starts with a separator, dot, tilde, a drive letter or file:. */
function isPathLike(v: ArrayBuffer, i: i32): bool {
  const c = at(v, i);
  if (c == 0x2f || c == 0x5c || c == 0x7e) return true;
  if (c == 0x2e) return at(v, i + 1) == 0x2f || at(v, i + 1) == 0x5c || at(v, i + 1) == 0x2e; // ./ ../ (a bare ".env" is a word)
  if ((c | 0x20) - 0x61 < 26 && at(v, i + 1) == 0x3a && (at(v, i + 2) == 0x5c || at(v, i + 2) == 0x2f)) return true;
  return matchesCI(v, i, "file:");
}

/** Whether a `/` or `\` comes before the first step (`images/../..`; not npm's `file:../..`). */
function separatorBefore(v: ArrayBuffer, from: i32, to: i32): bool {
  for (let k = from; k < to; k++) if (at(v, k) == 0x2f || at(v, k) == 0x5c) return true;
  return false;
}

function hasSpace(v: ArrayBuffer, from: i32): bool {
  for (let k = from; k < v.byteLength; k++) if (isSpaceByteInline(at(v, k))) return true;
  return false;
}

/**
 * Whether `v` (plain names and separators) is one to three `../` steps, then names that climb no further and do
 * not start at a root directory (`../../var/log/x.log` climbed to the root on purpose): a link between files of
 * one project, as package.json (`"main"`), tsconfig (`"extends"`) and source maps write them. The caller has
 * ruled out a sensitive file; countTraversal has counted the steps.
 */
function isProjectRelative(v: ArrayBuffer): bool {
  let k = 0;
  while (matchesCI(v, k, "../")) k += 3;
  if (k == 0 || k > 9 || traversalSteps * 3 != k) return false;
  let e = k;
  while (e < v.byteLength && at(v, e) != 0x2f) e++;
  return e > k && !spellsWordOf(changetype<usize>(v) + <usize>k, e - k, "etc usr var proc sys dev tmp root home boot opt srv run mnt windows winnt inetpub");
}

export function detectLfi(s: Sink, t: Target): void {
  // Steps need a `.`, sensitive names a `.`, `/` or `_`, repeated junk steps a `.` or a byte >= 0x80,
  // unless `0x2e`-style literals spell them.
  const raw = t.decoded();
  const c = t.census();
  if (t.kind != TargetKind.Path && (c & (DOT | SLASH | UNDERSCORE | HIGH)) == 0 && ((c & DIGIT) == 0 || unhexLiterals(raw) == raw)) return;
  const n = raw.byteLength;
  if (n < 3) return;
  if (t.kind == TargetKind.Path) {
    const r = findRestrictedPathFile(raw);
    if (r >= 0) s.report(5103, t, raw, r, min(n, r + 60), "hidden or backup file");
  }
  const v = unhexLiterals(raw);
  let i = 0;
  while (i < v.byteLength && isSpaceByte(at(v, i))) i++;
  countTraversal(v);
  const sensitive = findSensitive(v, 0, -1);
  if (traversalSteps > 0) {
    // (a parameter name with a blank in it is text: `see ../docs` as a key, a JSON document posted as a form)
    const nameLike = t.kind == TargetKind.Path || t.kind == TargetKind.Filename || ((t.kind == TargetKind.ArgName || t.kind == TargetKind.CookieName) && !hasSpace(v, i));
    if (sensitive > firstStep && sensitive >= 0) s.report(5101, t, v, firstStep, min(v.byteLength, sensitive + 40), "traversal to a secret");
    // (steps the proxy saw as `%2f` or `%c0%ae` are not dot segments it resolved: the application climbs them;
    // a path with a blank in it is a title, `see%20..%2Fdocs`)
    else if (t.kind == TargetKind.Path && !climbsAboveRoot(v) && (hasSpace(v, i) || !hasEncodedSteps(t.raw))) s.report(5105, t, v, firstStep, min(v.byteLength, firstStep + 60), "dot segments");
    // `images/../../../x`, `static/../....//x`: a single path token that climbs above its own start
    // a JSON value (or key: a bundler's stats) of plain names, `../../scripts/x.js`, `../tsconfig.base.json`: a manifest's link to a file of its project
    else if (t.origin == TargetOrigin.Json && (c & ~(DOT | SLASH | UNDERSCORE | DIGIT | DASH | AT | PLUS)) == 0 && isProjectRelative(v)) s.report(5105, t, v, firstStep, min(v.byteLength, firstStep + 60), "traversal in a value");
    else if (firstStep <= i + 1 || nameLike || (separatorBefore(v, i, firstStep) && !hasSpace(v, i) && climbsAboveRoot(v))) s.report(5100, t, v, firstStep, min(v.byteLength, firstStep + 60), "path traversal");
    else s.report(5105, t, v, firstStep, min(v.byteLength, firstStep + 60), "traversal in a value");
  } else if (repeatedStep(v) || (t.urlDecoded() != raw && repeatedStep(unhexLiterals(t.urlDecoded())))) s.report(5100, t, v, i, min(v.byteLength, i + 60), "path traversal");
  if (sensitive >= 0) {
    // a short single-token value (`.ssh/id_rsa`, `test=/sys/class`) is a path; a sentence that mentions ".env" is not
    let spaced = false;
    let slashed = false;
    for (let k = i; k < v.byteLength; k++) {
      const c = at(v, k);
      if (isSpaceByteInline(c)) spaced = true;
      else if (c == 0x2f || c == 0x5c) slashed = true;
    }
    const short = v.byteLength - i <= 80 && !spaced && slashed; // a bare ".env" is a tag, not a path
    // an absolute path in a short value (`cat /proc/net/tcp`)
    const absolute = v.byteLength - i <= 80 && sensitive > 0 && at(v, sensitive - 1) == 0x2f && (sensitive == 1 || isSpaceByte(at(v, sensitive - 2)));
    if (isPathLike(v, i) || short || absolute || t.kind == TargetKind.Path || t.kind == TargetKind.Filename) s.report(5102, t, v, sensitive, min(v.byteLength, sensitive + 60), "sensitive file");
    else s.report(5104, t, v, sensitive, min(v.byteLength, sensitive + 60), "sensitive file in text");
  }
}
