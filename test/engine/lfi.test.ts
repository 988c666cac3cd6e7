import { describe, expect, it, beforeAll } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { scan, Kind } from "../support/attack-score.js";
import { inspect } from "../support/engine.js";

// Path traversal / LFI (rules 5000-5999): attacks reach 5 at paranoia 1, look-alikes stay below.
let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const attacks: [string, string, Kind?][] = [
  ["dot-dot-slash to passwd", "../../../etc/passwd"],
  ["encoded traversal", "..%2F..%2F..%2Fetc%2Fpasswd"],
  ["double-encoded traversal", "..%252f..%252fetc%252fpasswd"],
  ["backslashes to win.ini", "..\\..\\windows\\win.ini"],
  ["triple dots", ".../.../WINDOWS/win.ini"],
  ["hex spelled out", "0x2e0x2e0x2f0x2e0x2e0x2fetc/passwd"],
  ["leading traversal", "..\\pineapple"],
  ["traversal in the path", "/static/img/../../etc/passwd", Kind.Path],
  ["traversal in a file name", "../1.7z", Kind.Filename],
  ["absolute sensitive file", "/etc/shadow"],
  ["proc self environ", "/proc/self/environ"],
  ["ssh key", ".ssh/id_rsa"],
  ["cloud credentials", "/root/.aws/credentials"],
  ["hidden file in the URL path", "/.env", Kind.Path],
  ["git metadata in the URL path", "/.git/config", Kind.Path],
  ["database dump in the URL path", "/backup.sql.zip", Kind.Path],
  ["log file in the URL path", "/wp-content/debug.log", Kind.Path],
  ["vite fs route", "/@fs/etc/passwd", Kind.Path],
  ["dot segments climbing above the root", "/assets/../../app.js", Kind.Path],
  ["a step spelled with a path parameter", "/app/..;/manager/html", Kind.Path],
  ["backslashes all the way to the file", "/var/www/html/..\\..\\..\\proc\\self\\cmdline"],
  ["IIS division slash (%u2215)", "..%u2215..%u2215..%u2215etc/passwd"],
  ["traversal after a directory, to a non-listed file", "images/../../../../var/www/app/config.yml"],
  ["strip-once traversal after a directory", "static/../....//....//....//app.js"],
  ["Java web application descriptor", "../../WEB-INF/web.xml"],
  ["overlong backslash", "..%c1%9c..%c1%9cWEB-INF%c1%9cweb.xml"],
  // Tomcat and Spring drop a segment's matrix parameters before they resolve it
  ["steps with matrix parameters in the path", "/static/..;v=1/..;v=1/..;v=1/etc;v=1/passwd", Kind.Path],
  ["steps with matrix parameters in a value", "..;x=1/..;x=1/..;x=1/etc/passwd"],
  ["traversal as a parameter name", "../../../etc/passwd", Kind.ArgName],
];

const benign: [string, string, Kind?][] = [
  ["relative markdown link", "See [the guide](../docs/guide.md) for details"],
  ["npm local dependency", "file:../../../../developer/isaacs/minimatch"],
  ["a directory that steps back inside itself", "docs/../README.md"],
  ["a Windows system directory path (not a file worth reading)", "C:\\Windows\\System32\\notepad.exe"],
  ["package script", "node ../../../scripts/bench.js"],
  ["prose about .env", "Most likely your .env file is not in the correct place"],
  ["tag .env", ".env"],
  ["well-known path", "/.well-known/openid-configuration", Kind.Path],
  ["ordinary path", "/api/v1/users/42", Kind.Path],
  ["shell docs mentioning /etc", "it reads and executes commands from /etc/bash.bashrc and ~/.bashrc, if these files exist and are readable"],
  ["version string", "1.2.3"],
  // dot segments that resolve inside the site (crs-930110-7)
  ["trailing parent step", "/get/..", Kind.Path],
  ["parent step between versions", "/docs/v1/../v2/index.html", Kind.Path],
  ["a session id as a matrix parameter", "/shop;jsessionid=AB12CD/cart/../items", Kind.Path],
  // a blank makes a parameter name text: a JSON document posted as a form, prose as a key
  ["a relative link in prose as a parameter name", "see ../docs/intro.md", Kind.ArgName],
  ["a JSON document as a parameter name", '{"note":"see ../docs/intro.md"}', Kind.ArgName],
];

function lfiScore(input: string, kind: Kind = Kind.ArgValue): number {
  return scan(h, input, kind, kind === Kind.Path ? "path" : "args:q").matches.filter((m) => m.category === "lfi").length * 5;
}

describe("lfi detector", () => {
  for (const [name, input, kind] of attacks) {
    it(`blocks: ${name}`, () => expect(lfiScore(input, kind)).toBeGreaterThanOrEqual(5));
  }
  for (const [name, input, kind] of benign) {
    it(`allows: ${name}`, () => expect(scan(h, input, kind ?? Kind.ArgValue, kind === Kind.Path ? "path" : "args:q").score).toBeLessThan(5));
  }
});

// lfi.ts / lfi/traversal.ts hasEncodedSteps: a proxy resolves the literal dot segments of a path; steps sent
// as `..%2f`, `%252e%252e%252f` or overlong `%c0%ae%c0%ae/` stay in one segment for it, and the application
// decodes and climbs them from the directory it serves, however deep the route.
describe("lfi: traversal steps the path sent encoded", () => {
  const req = (path: string) => ({ path, headers: [["host", "svc.local"], ["user-agent", "curl/8.4.0"]] as [string, string][] });
  it.each([
    "/public/plugins/clock-panel/%2e%2e%2f%2e%2e%2f%2e%2e%2fconfig/database.yml",
    "/public/plugins/clock-panel/%252e%252e%252f%252e%252e%252fconfig/app.yml",
    "/public/plugins/text/%c0%ae%c0%ae/%c0%ae%c0%ae/config/settings.yml",
    "/portal/../web/app/..%252f..%252fconfig/database.yml",
  ])("blocks %s", (path) => {
    const v = inspect(h, req(path));
    expect(v.matches.map((m) => m.id)).toContain(5100);
    expect(v.score).toBeGreaterThanOrEqual(5);
  });
  it.each([
    "/public/plugins/text/../../config/database.yml", // literal: the proxy resolves it to /public/config/...
    "/api/v4/projects/group%2Fproject/repository/files/docs%2Freadme.md", // an escaped slash, no step
    "/docs/v1/../v2/index.html",
    "/files/report%2e2024.pdf",
    "/wiki/see%20..%2Fdocs%2Fintro.md", // a title with a blank: prose naming a relative link
  ])("lets %s through", (path) => {
    expect(inspect(h, req(path)).score).toBeLessThan(5);
  });
});
