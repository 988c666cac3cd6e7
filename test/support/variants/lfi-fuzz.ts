// Path traversal as fuzzers send it (dotdotpwn-style): every spelling of the dots crossed with
// every spelling of the separator (percent, double percent, overlong UTF-8, %u, 0x, fullwidth,
// backslash), at random depths, towards Unix and Windows targets, with the endings that cut an
// appended extension (NUL, `?`, `;`, a long run of `./`). lfi.ts has fixed units of `../`; this
// file builds the unit itself from its two halves.
import fc from "fast-check";

const DOTS = [
  "..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "%252e%252e", "%c0%2e%c0%2e", "%c0%ae%c0%ae", "%e0%80%ae%e0%80%ae", "%uff0e%uff0e",
  "%u002e%u002e", "0x2e0x2e", "....", "...", "%%32%65%%32%65",
];
const SLASHES = [
  "/", "\\", "%2f", "%2F", "%5c", "%5C", "%252f", "%255c", "%c0%af", "%c0%5c", "%c1%9c", "%c1%af", "%e0%80%af", "%u2215", "%u2216",
  "%uefc8", "%uf025", "0x2f", "0x5c", "%%32%66", "%ef%bc%8f", "//", "\\\\", "/./",
];
const UNIX = ["etc/passwd", "etc/shadow", "etc/issue", "etc/hosts", "etc/group", "proc/self/environ", "proc/self/status", "var/log/auth.log", "root/.bash_history"];
const WINDOWS = ["boot.ini", "windows/win.ini", "winnt/win.ini", "windows/system.ini", "windows/system32/drivers/etc/hosts", "windows/repair/sam", "inetpub/wwwroot/web.config"];
const ENDINGS = ["", "", "", "%00", "%00.html", "%00index.html", "?", ";index.html", "%2500", "%00.jpg"];

export interface FuzzedTraversal { value: string; dots: string; slash: string }

/** A traversal written with one spelling of the dots and one of the separator, throughout. */
export const fuzzedTraversal: fc.Arbitrary<FuzzedTraversal> = fc
  .record({ d: fc.nat(DOTS.length - 1), s: fc.nat(SLASHES.length - 1), depth: fc.integer({ min: 3, max: 12 }), windows: fc.boolean(), f: fc.nat(99), e: fc.nat(ENDINGS.length - 1), lead: fc.boolean() })
  .map(({ d, s, depth, windows, f, e, lead }) => {
    const dots = DOTS[d];
    const slash = SLASHES[s];
    const files = windows ? WINDOWS : UNIX;
    // the file's own separators are spelled like the traversal's (a fuzzer encodes the whole path)
    const file = files[f % files.length].split("/").join(slash);
    const value = (lead ? slash : "") + (dots + slash).repeat(depth) + file + ENDINGS[e];
    return { value, dots, slash };
  });

/** Ellipses, dotted runs and non-ASCII text near the same bytes, which pass. */
export const fuzzBenign: fc.Arbitrary<string> = fc.constantFrom(
  "Café... très... bien...", "Wait... what... really?", "Hmm...?!...?!", "¿Qué...? ¡No...!", "日本語...テキスト...です...", "v1.2..v1.3..v1.4",
  "...", "......", "a.b.c.d.e.f", "Ok.. fine.. sure..", "1...2...3...4", "→...→...→...", "ñ..ñ..ñ..", "…and so on…", "Loading.../ please wait",
);
