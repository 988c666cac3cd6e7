// Path traversal / local file inclusion variants: `../` in the encodings servers and
// frameworks undo (percent, double percent, overlong UTF-8, %u, backslashes, `....//`
// that survives one strip), at varied depths, towards files worth reading, plus stream
// wrappers that read local files.
import fc from "fast-check";
import { pick } from "./positions.js";

const UP = [
  "../", "..\\", "..%2f", "%2e%2e%2f", "%2e%2e/", "..%5c", "%2e%2e%5c", "%252e%252e%252f", "..%252f", "....//", "..././", "..%c0%af", "%c0%ae%c0%ae/",
  "..%c1%9c", "%uff0e%uff0e/", "..%u2215", "..;/", "..//", ".%2e/", "%2e./", "..%ef%bc%8f", "..\\/", "%u002e%u002e%u2215",
];
const FILES = [
  "etc/passwd", "etc/shadow", "etc/hosts", "etc/group", "proc/self/environ", "proc/self/cmdline", "proc/version", "proc/self/fd/0", "windows/win.ini", "boot.ini",
  "winnt/win.ini", "windows/system32/drivers/etc/hosts", "WEB-INF/web.xml", "web.config", ".htaccess", ".env", "var/log/apache2/access.log", "root/.ssh/id_rsa",
  ".git/config", "etc/nginx/nginx.conf", "home/app/.bash_history", "Windows/System32/config/SAM", "etc/mysql/my.cnf", "usr/local/etc/php.ini",
];
const SUFFIX = pick(["", "", "", "%00", "%00.png", "\u0000.jpg", "?", "#", ".", "/."]);

// Enough steps to climb out of the prefix and the application's own directory.
const traversal = fc.tuple(pick(["", "", "images/", "/var/www/html/", "static/../", "C:\\inetpub\\"]), pick(UP), fc.integer({ min: 2, max: 7 }), pick(FILES), SUFFIX).map(
  ([pre, up, extra, file, suf]) => pre + up.repeat(pre.split(/[\\/]/).filter((x) => x && x !== ".." && x !== "C:").length + extra) + (up.includes("\\") || up.includes("5c") ? file.replace(/\//g, up.includes("5c") ? "%5c" : "\\") : file) + suf,
);
const absolute = fc.tuple(pick(["/etc/passwd", "/etc/shadow", "/proc/self/environ", "C:\\Windows\\win.ini", "c:/boot.ini", "/etc/passwd%00", "file:///etc/passwd", "/root/.ssh/id_rsa", "\\\\localhost\\c$\\windows\\win.ini"]), pick(["", "%00", ""])).map(([a, b]) => a + b);
const wrappers = pick([
  "php://filter/convert.base64-encode/resource=index.php", "php://filter/read=string.rot13/resource=config.php", "pHp://FilTer/convert.base64-encode/resource=../config.php",
  "php://filter/resource=/etc/passwd", "zip://uploads/avatar.jpg%23shell.php", "phar://uploads/avatar.jpg/shell.php", "file:///c:/windows/win.ini", "php://input",
  "expect://id", "data://text/plain;base64,PD9waHAgc3lzdGVtKCRfR0VUWydjJ10pOz8+", "glob:///var/www/*", "compress.zlib://file:///etc/passwd",
]);

export const lfiAttack: fc.Arbitrary<string> = fc.oneof({ weight: 6, arbitrary: traversal }, { weight: 2, arbitrary: absolute }, { weight: 2, arbitrary: wrappers });

export const lfiBenign: fc.Arbitrary<string> = fc.oneof(
  pick([
    "docs/report.pdf", "images/2024/summer/beach.jpg", "see section 2.3.1 ... and so on", "The etc. was cut off",
    "/api/v1/users/42", "C:\\Users\\Public\\Pictures", "password reset", "environment variables are documented", "win.ini? never heard of it",
    "Read ../README for details", "v1.2.3..v1.3.0", "...", "Hmm... ok", "a/b/c/d.txt", "/static/js/app.min.js", "https://example.com/etc/passwords-policy.html",
    "My passwd is secret", "boot time is 3s", "web config guide", "file:report.txt", "docs/../README.md",
  ]),
  fc.tuple(pick(["src", "docs", "assets", "images", "uploads"]), pick(["", "/2024", "/team"]), pick(["/index.html", "/a.png", "/notes.md", "/report-final.pdf"])).map((xs) => xs.join("")),
);
export const lfiBenignPositions = ["query", "form", "json", "cookie"] as ("query" | "form" | "json" | "cookie")[];
export const lfiPositions = ["query", "form", "json", "cookie", "path"] as ("query" | "form" | "json" | "cookie" | "path")[];
