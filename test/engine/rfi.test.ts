import { describe, expect, it, beforeAll } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { scan, hits, Kind } from "../support/attack-score.js";
import { inspect } from "../support/engine.js";

// Remote file inclusion (rules 6000-6999).
let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const attacks: [string, string, string?, Kind?][] = [
  ["IP-literal host", "http://66.240.183.75/crash.php"],
  ["UNC path to an IP host", "\\\\203.0.113.7\\share\\shell.php"],
  ["IPv6 host without brackets", "https://2001:41d0:701:1100::29c8/gecko.php"],
  ["trailing question mark", "https://foo.example/shell.txt?"],
  ["bare scheme and ?", "http?"],
  ["ftp URL", "ftp://1.1.1.1/x.txt"],
  ["file URL", "url:file:///etc/passwd"],
  ["jar URL", "jar:http://evil.example/b.zip!a"],
  ["user-info host confusion", "http://example.com%2f@evil.example/"],
  ["URL in an include parameter", "https://foo.example", "_CONF[path]"],
  ["URL in a parameter whose last word is path", "https://foo.example/x", "mosConfig_absolute_path"],
  ["URL in a camelCase template parameter", "https://foo.example/t.html", "templateFile"],
  ["URL in the path", "/get/https://example.com/", undefined, Kind.Path],
  // a URL nested in a jar: URL, as Java's URL class opens it
  ["jar: URL in the path", "/files/jar:http://0177.00.00.01:1389/o=x", undefined, Kind.Path],
  ["jar: URL to a file in the path", "/files/jar:file:/tmp/x.zip!/a", undefined, Kind.Path],
];

const benign: [string, string, string?][] = [
  ["website field", "https://shop.example.com/products", "website"],
  // include words count only as whole words of the name: `redirect` holds no `dir`, `profile` no `file`
  ["redirect target", "https://shop.example.com/cart?step=2", "redirect"],
  ["profile link", "https://social.example/jane", "profile_url"],
  ["confirmation link", "https://shop.example.com/confirm", "confirmUrl"],
  ["npm local dependency", "file:../lib"],
  ["npm alias", "npm:typescript@3.0.3"],
  ["prose with a question", "is http the right protocol?"],
  ["email", "jane@example.com"],
  ["UNC path to a named file server", "\\\\fileserver\\share\\report.pdf"],
];

describe("rfi detector", () => {
  for (const [name, input, key, kind] of attacks) {
    it(`blocks: ${name}`, () => {
      const k = kind ?? Kind.ArgValue;
      expect(scan(h, input, k, k === Kind.Path ? "path" : `args:${key ?? "q"}`).score).toBeGreaterThanOrEqual(5);
    });
  }
  for (const [name, input, key] of benign) {
    it(`allows: ${name}`, () => expect(hits(h, "rfi", input, Kind.ArgValue, `args:${key ?? "q"}`) && scan(h, input, Kind.ArgValue, `args:${key ?? "q"}`).score >= 5).toBe(false));
  }
});

// A JSON value is named by its own key (the last name of its path; array indexes name nothing).
describe("rfi: a scheme-like word in a path segment", () => {
  // only a fetching or web scheme opens a nested URL: a wiki namespace or a note's label is a word
  it.each(["/wiki/Talk:Http://x", "/notes/todo:http://example.com/", "/docs/see:https://example.com/a"])("allows %s", (path) => {
    expect(scan(h, path, Kind.Path, "path").score).toBeLessThan(5);
  });
});

describe("rfi: URLs in JSON bodies", () => {
  it.each([
    ["json:item.templateFile", true], ["json:includes.0", true], ["json:spec.config.path", true],
    ["json:spec.template.spec.containers.0.env.0.value", false], ["json:config.callbackUrl", false], ["json:template.source", false],
    // a name whose last word says it holds a URL is a base address or link: an include word before it describes it
    ["json:rootUrl", false], ["json:api.template_uri", false], ["json:docroot_href", false], ["json:urlPath", true], ["json:includeFile", true],
  ])("%s holding a URL is an include name: %s", (name, include) => {
    const ids = scan(h, "https://foo.example/t.html", Kind.BodyValue, name).matches.map((m) => m.id);
    expect(ids.includes(6104)).toBe(include);
  });
});

// `index.php?page=...`, `?lang=...`: a parameter naming the page or part to show is resolved to a file
// and included by PHP sites; a URL there is an include when it names a script or text file.
describe("rfi: URLs to scripts in page parameters", () => {
  it.each([
    ["/index.php?page=http://evil.example/shell.txt", true],
    ["/index.php?pg=https://evil.example/x.php&id=2", true],
    ["/main.php?lang=http://evil.example/en.inc", true],
    ["/view.php?showPage=http://evil.example/c99.php?cmd=id", true],
    // a content or document field holds text, and its links point anywhere
    ["/wiki/save?content=https://bugs.example.org/show_bug.cgi?id=94615", false],
    ["/track?page=https://shop.example/products/42", false],
    ["/i18n?lang=https://cdn.example/locales/en.json", false],
    ["/share?url=https://evil.example/notes.txt", false],
    ["/stats?pageviews=https://shop.example/index.php", false],
  ])("%s is an include: %s", (path, include) => {
    expect(inspect(h, { path }).matches.some((m) => m.id === 6104)).toBe(include);
  });
  it("reads a JSON member named for the page the same way", () => {
    const ids = scan(h, "http://evil.example/shell.txt", Kind.BodyValue, "json:layout.page").matches.map((m) => m.id);
    expect(ids).toContain(6104);
    expect(scan(h, "https://shop.example/cart", Kind.BodyValue, "json:layout.page").matches.map((m) => m.id)).not.toContain(6104);
  });
});

// The host a URL parser reads is hidden when an encoded slash ends the authority for one parser only.
describe("rfi: hidden URL hosts in query strings as sent", () => {
  it.each([
    ["/get?x=http://example.com%2f@evil.com/", true],
    ["/get?x=http://example.com%2f:foo@bar@evil.com/", true],
    ["/get?x=http://example.com%252f@evil.com/", true],
    ["/get?x=http://a@b@evil.com/", true],
    ["/share?u=https://medium.com/@jane/a-post", false],
    ["/share?u=https://x.com/@user/status/1", false],
    ["/login?redirect_uri=https%3A%2F%2Fmedium.com%2F%40jane%2Fpost", false],
  ])("%s hides a host: %s", (path, hidden) => {
    expect(inspect(h, { path }).matches.some((m) => m.id === 6103)).toBe(hidden);
  });
});
