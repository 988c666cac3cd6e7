// PHP stream-wrapper and object-injection attacks as exploit kits build them: php://filter
// chains (random convert.* filter lists, `|` or `/` separated, read= and resource= in either
// order, nested wrappers), php://input / data:// with base64 or raw code, phar:// and zip://
// archives with a member path, compress.zlib://, expect://, glob://; serialised objects with the
// parser's slack (`O:+8:`, `C:` custom objects, arrays of objects, a leading `b:0;`), raw,
// URL-encoded or base64; in include-like query, form, JSON and cookie values.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { place, type Position } from "./positions.js";
import { rng, type R } from "./rng.js";

const pickR = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const word = (r: R, n = 5) => Array.from({ length: n }, () => String.fromCharCode(0x61 + r(26))).join("");
const caseMix = (r: R, s: string) => (r(3) === 0 ? [...s].map((c) => (r(2) ? c.toUpperCase() : c)).join("") : s);

const FILTERS = ["convert.base64-encode", "convert.base64-decode", "string.rot13", "string.toupper", "string.tolower", "convert.quoted-printable-encode",
  "convert.iconv.UTF8.CSISO2022KR", "convert.iconv.UTF8.UTF7", "convert.iconv.utf-8.utf-16le", "convert.iconv.L1.UTF-16", "zlib.deflate", "zlib.inflate", "dechunk"];
const FILE = (r: R) => pickR(r, ["index.php", "config.php", "../config/database.php", "/etc/passwd", "wp-config.php", ".env", "/var/www/html/" + word(r) + ".php", "php://temp"]);

const WRAPPER: ((r: R) => string)[] = [
  (r) => {
    const fs = Array.from({ length: 1 + r(r(3) === 0 ? 12 : 3) }, () => pickR(r, FILTERS));
    const sep = pickR(r, ["|", "/"]);
    const read = `${pickR(r, ["read=", "", "write=", ""])}${fs.join(sep)}`;
    return `${caseMix(r, "php")}://${caseMix(r, "filter")}/${r(2) ? read + "/resource=" + FILE(r) : "resource=" + FILE(r) + "/" + read}`;
  },
  (r) => `${caseMix(r, "php")}://${pickR(r, ["input", "stdin", "fd/0", "memory", "temp"])}`,
  (r) => `data://${pickR(r, ["text/plain", "text/plain;charset=utf-8", "image/png"])}${r(2) ? ";base64," + Buffer.from(`<?php ${pickR(r, ["system", "passthru", "eval"])}($_GET['${word(r, 1)}']); ?>`).toString("base64") : "," + `<?php ${pickR(r, ["phpinfo()", "system('id')"])}; ?>`}`,
  (r) => `${caseMix(r, "phar")}://${pickR(r, ["./uploads/", "/tmp/", "../../storage/", ""])}${word(r)}.${pickR(r, ["jpg", "png", "gif", "phar", "zip", "txt"])}${r(2) ? "/" + word(r) + ".php" : ""}`,
  (r) => `${pickR(r, ["zip", "ZIP"])}://${pickR(r, ["uploads/", "/tmp/", ""])}${word(r)}.${pickR(r, ["zip", "jpg"])}%23${word(r)}.php`,
  (r) => `${pickR(r, ["compress.zlib", "compress.bzip2"])}://${FILE(r)}`,
  (r) => `expect://${pickR(r, ["id", "ls", "whoami", "uname -a"])}`,
  (r) => `glob://${pickR(r, ["/var/www/*", "*.php", "/etc/*"])}`,
];

/** A serialised value graph with the parser's tolerated spellings. */
function serialised(r: R, depth = 0): string {
  const cls = pickR(r, ["", "App\\Models\\", "Monolog\\Handler\\", "GuzzleHttp\\Psr7\\", "Symfony\\Component\\Process\\", "Illuminate\\Foundation\\Testing\\"]) + word(r, 4 + r(5)).replace(/^./, (c) => c.toUpperCase());
  const len = pickR(r, [String(cls.length), "+" + cls.length, String(cls.length)]);
  const props = r(3);
  const body: string[] = [];
  for (let k = 0; k < props; k++) {
    const name = (r(3) === 0 ? "\0*\0" : r(4) === 0 ? `\0${cls}\0` : "") + word(r, 3 + r(4));
    body.push(`s:${Buffer.byteLength(name)}:"${name}";`);
    body.push(depth < 1 && r(3) === 0 ? serialised(r, depth + 1) : r(2) ? `i:${r(99)};` : `s:2:"id";`);
  }
  if (r(6) === 0) { const inner = `a:1:{i:0;s:1:"${word(r, 1)}";}`; return `C:${len}:"${cls}":${inner.length}:{${inner}}`; }
  return `O:${len}:"${cls}":${props}:{${body.join("")}}`;
}
const OBJECT: ((r: R) => string)[] = [
  (r) => serialised(r),
  (r) => `a:${1 + r(2)}:{i:0;${serialised(r)}${r(2) ? `i:1;s:1:"${word(r, 1)}";` : ""}}`,
  (r) => `b:0;${serialised(r)}`,
  (r) => Buffer.from(serialised(r)).toString("base64"),
];

export const FAMILIES = { wrapper: WRAPPER, object: OBJECT };

export const phpWrapperAttack: fc.Arbitrary<{ value: string; where: string; req: Req }> = fc.nat().map((seed) => {
  const r = rng(seed);
  const family = r(5) < 3 ? "wrapper" : "object";
  const value = pickR(r, FAMILIES[family])(r);
  const pos = pickR(r, ["query", "form", "json", "cookie"] as Position[]);
  // include-like names for wrappers (file, page, path, template, data), any for objects
  const name = family === "wrapper" ? pickR(r, [2, 4, 11, 9, 7]) : r(14);
  return { value, where: `${family}/${pos}`, req: place(value, pos, name, r(4) === 0) };
});

export const phpWrapperBenign: fc.Arbitrary<string> = fc.constantFrom(
  "https://php.net/manual/en/wrappers.php.php", "the PHP manual covers stream filters", "filter=price&sort=asc", "data: 3 rows", "O: 12 points, a: 3",
  "phar files are PHP archives", "zip code 12345", "reports/2024.zip", "image.png", "s:3 is a size",
);
