// Protocol, scanner and session detectors: which rules fire on a request (tables of
// attacks and of the benign look-alikes that must stay quiet).
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, type Req } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const OWN = new Set(["protocol", "scanner", "session"]);
const ownIds = (r: Req, paranoia = 1) => inspect(h, r, paranoia).matches.filter((m) => OWN.has(m.category)).map((m) => m.id).sort();

const host: [string, string] = ["host", "svc.local"];
const form = (body: string, extra: [string, string][] = []): Req => ({ method: "POST", headers: [host, ["content-type", "application/x-www-form-urlencoded"], ...extra], body });
const get = (path: string, extra: [string, string][] = []): Req => ({ path, headers: [host, ["user-agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"], ...extra] });
const multipart = (part: string): Req => ({
  method: "POST", headers: [host, ["content-type", "multipart/form-data; boundary=b"]], body: `--b\r\n${part}\r\n--b--\r\n`,
});

describe("protocol, scanner and session rules", () => {
  const attacks: { name: string; req: Req; ids: number[] }[] = [
    { name: "unknown method", req: { method: "FOO", headers: [host] }, ids: [1001] },
    { name: "method that is not a token", req: { method: "|GET", headers: [host] }, ids: [1001] },
    { name: "GET with a body", req: { method: "GET", headers: [host, ["content-type", "text/plain"]], body: "abc" }, ids: [1002] },
    { name: "unknown content type", req: { method: "POST", headers: [host, ["content-type", "my-new-content-type"]], body: "x" }, ids: [1010] },
    { name: "content type with garbage parameter", req: { method: "POST", headers: [host, ["content-type", "text/plain; charset=utf-8; garbage"]], body: "x" }, ids: [1011] },
    { name: "OGNL in Content-Type", req: { headers: [host, ["content-type", "%{(#nike='multipart/form-data')"]] }, ids: [1011] },
    { name: "charset utf-7", req: { ...form("a=1"), headers: [host, ["content-type", "application/x-www-form-urlencoded; charset=utf-7"]] }, ids: [1012] },
    { name: "two charsets", req: { ...form("a=1"), headers: [host, ["content-type", "application/x-www-form-urlencoded; charset=utf-8; charset=iso-8859-1"]] }, ids: [1012] },
    { name: "media type in a parameter", req: { ...form("a=1"), headers: [host, ["content-type", "application/x-www-form-urlencoded;boundary=\"application/json\""]] }, ids: [1013] },
    { name: "backwards range", req: get("/", [["range", "bytes=0-,5-0"]]), ids: [1020] },
    { name: "six ranges", req: get("/a.html", [["range", "bytes=1-2,3-4,5-6,7-8,9-10,11-12"]]), ids: [1020] },
    { name: "Request-Range header", req: get("/v.mp4", [["request-range", "bytes=0-1"]]), ids: [1021] },
    { name: "Content-Encoding on a request", req: get("/", [["content-encoding", "deflate"]]), ids: [1021] },
    { name: "Content-Range on a GET", req: get("/data.zip", [["content-range", "bytes 0-1023/4096"]]), ids: [1021] },
    { name: "malformed Content-Range on an upload", req: { method: "PUT", headers: [host, ["content-type", "application/octet-stream"], ["content-range", "bytes 9-1/*"]], body: "x" }, ids: [1021] },
    ...["if", "proxy", "lock-token", "x-http-method", "request-range", "accept-charset", "content-encoding", "x-method-override", "x-http-method-override", "x-middleware-subrequest"].map((n) => (
      { name: `restricted header ${n}`, req: get("/", [[n, "x"]] as [string, string][]), ids: [1021] })),
    { name: "header name with a space", req: get("/", [["x foo", "1"]]), ids: [1030] },
    { name: "header name with a non-ASCII letter", req: get("/", [["x-ümlaut", "1"]]), ids: [1030] },
    { name: "percent-encoded LF and a header in a header value", req: get("/", [["x-a", "1%0aSet-Cookie: a=b"]]), ids: [1061] },
    { name: "contradicting Connection", req: get("/", [["connection", "keep-alive, close"]]), ids: [1022] },
    // hop-by-hop abuse: a proxy that honours the option drops the named end-to-end header before the next hop
    ...["close, X-Forwarded-For", "keep-alive, Authorization", "Cookie", "keep-alive,x-real-ip", "Upgrade, X-Forwarded-Proto", "close ,  AUTHORIZATION"].map((c) => (
      { name: `Connection naming an end-to-end header: ${c}`, req: get("/", [["connection", c]] as [string, string][]), ids: [1022] })),
    { name: "unknown Accept-Encoding", req: get("/", [["accept-encoding", "foobar"]]), ids: [1023] },
    { name: "Accept charset utf-16", req: get("/", [["accept", "text/html; charset=utf-16"]]), ids: [1024] },
    { name: "empty Accept", req: get("/", [["accept", ""]]), ids: [1025] },
    { name: "empty User-Agent", req: { headers: [host, ["user-agent", ""]] }, ids: [1026] },
    { name: "Sec-Fetch-User not boolean", req: get("/", [["sec-fetch-user", "foo"]]), ids: [1027] },
    { name: "Cache-Control response directive", req: get("/", [["cache-control", "max-age=1,,,max-stale=2"]]), ids: [1028] },
    { name: "$Version cookie", req: get("/", [["cookie", "$Version=1; session=x"]]), ids: [1029] },
    { name: "CR/LF in a header value", req: get("/", [["x-note", "data%0dInjected: 1"]]), ids: [1030] },
    { name: "EBCDIC body charset from a UP browser", req: form("%89%95=%A7", [["user-agent", "UP.Browser/6.2"], ["x-up-devcap-post-charset", "ibm037"]]), ids: [1032] },
    { name: "Transfer-Encoding other than chunked", req: form("a=1", [["transfer-encoding", "chunked, identity"]]), ids: [1033] },
    { name: "obfuscated Transfer-Encoding", req: form("a=1", [["transfer-encoding", "xchunked"]]), ids: [1033] },
    { name: "Transfer-Encoding twice", req: form("a=1", [["transfer-encoding", "chunked"], ["transfer-encoding", "chunked"]]), ids: [1033] },
    { name: "Content-Length and Transfer-Encoding", req: form("a=1", [["content-length", "3"], ["transfer-encoding", "chunked"]]), ids: [1033] },
    { name: "conflicting Content-Length", req: form("a=1", [["content-length", "3"], ["content-length", "30"]]), ids: [1033] },
    { name: "Content-Length with a sign", req: form("a=1", [["content-length", "+3"]]), ids: [1033] },
    { name: "NUL in a query value", req: get("/?a=b%00"), ids: [1040] },
    { name: "control character in a cookie name", req: get("/", [["cookie", "hi%13=bye"]]), ids: [1041] },
    { name: "invalid percent-encoding", req: form("param=%1G"), ids: [1042] },
    { name: "double percent-encoding", req: get("/?p=%252e%252e"), ids: [1043] },
    { name: "overlong UTF-8", req: get("/?p=%c0%af"), ids: [1044] },
    { name: "UTF-8 sequence cut short at the end", req: get("/?p=%E2%A3"), ids: [1044] },
    { name: "UTF-8 sequence cut short before ASCII", req: form("p=a%F0%9F%98'"), ids: [1044] },
    { name: "five-byte overlong UTF-8", req: get("/?p=%f8%80%80%80%af"), ids: [1044] },
    { name: "six-byte overlong UTF-8", req: form("p=..%fc%80%80%80%80%afetc"), ids: [1044] },
    { name: "full-width %u encoding", req: get("/?p=%uff0f"), ids: [1045] },
    { name: "\\u escape in a form value", req: form("a=%5Cu0061lert"), ids: [1046] },
    // beside the zero-width joiners passed over: the escape after one, and the code points either side
    { name: "\\u escape after a \\u200D", req: form("a=%5Cu200D%5Cu003cscript"), ids: [1046] },
    { name: "\\u200E escape", req: form("a=x%5Cu200E"), ids: [1046] },
    { name: "\\u200a escape", req: form("a=x%5Cu200a"), ids: [1046] },
    { name: "argument name over 100 bytes", req: get("/?" + "n".repeat(101) + "=1"), ids: [1050] },
    { name: "256 arguments", req: get("/?" + Array.from({ length: 256 }, (_, i) => `p${i}=1`).join("&")), ids: [1051] },
    { name: "text after a closing bracket", req: get("/?foo[1]a=bar"), ids: [1053] },
    { name: "method override", req: get("/api?_method=DELETE"), ids: [1054] },
    { name: "override to a made-up verb", req: get("/api?_method=FOOBAR"), ids: [1054] },
    { name: "override under another underscore spelling", req: get("/api/items/3?__method=DELETE"), ids: [1054] },
    { name: "override parameter in capitals", req: get("/api/items/3?_METHOD=PUT"), ids: [1054] },
    { name: "form override without a CSRF token", req: form("_method=DELETE&id=3"), ids: [1054] },
    { name: "form override to a verb forms do not tunnel", req: form("_method=TRACE&authenticity_token=x"), ids: [1054] },
    { name: "PUT override in the query of a form post with a token", req: { ...form("_token=x"), path: "/posts/1?_method=PUT" }, ids: [1054] },
    { name: "h2c upgrade settings", req: get("/", [["upgrade", "h2c"], ["http2-settings", "AAMAAABkAARAAAAAAAIAAAAA"]]), ids: [1021] },
    { name: "X-Original-URL naming another path", req: get("/", [["x-original-url", "/admin"]]), ids: [1021] },
    { name: "X-Rewrite-URL naming another path", req: get("/public/index", [["x-rewrite-url", "/admin/users?id=1"]]), ids: [1021] },
    { name: "X-Forwarded-Uri that is no path", req: get("/a", [["x-forwarded-uri", "http://evil.example/a"]]), ids: [1021] },
    { name: "X-Forwarded-Host carrying a URL", req: get("/", [["x-forwarded-host", "//evil.example/"]]), ids: [1034] },
    { name: "X-Host with an empty list item", req: get("/", [["x-host", "svc.local,,evil.example"]]), ids: [1034] },
    { name: "X-Forwarded-Prefix naming a host", req: get("/", [["x-forwarded-prefix", "//evil.example"]]), ids: [1034] },
    { name: "X-Forwarded-Prefix that is a URL", req: get("/", [["x-forwarded-prefix", "https://evil.example/"]]), ids: [1034] },
    { name: "header split by a character whose low byte is LF", req: get("/", [["x-trace", "a%E5%98%8ASet-Cookie: s=1"]]), ids: [1061] },
    { name: "smuggled request line", req: form("var=aaa%0aGET+/+HTTP/1.1"), ids: [1060] },
    ...["text/plain", "application/octet-stream"].map((type) => ({
      name: `request smuggled behind a chunked body (${type})`,
      req: { method: "POST", headers: [host, ["content-type", type]] as [string, string][], body: "0\r\n\r\nGET /admin HTTP/1.1\r\nHost: internal\r\n\r\n" },
      ids: [1060],
    })),
    { name: "request smuggled after a chunk size line", req: { method: "POST", headers: [host, ["content-type", "text/plain"]], body: "5c\r\nGPOST / HTTP/1.1\r\nContent-Length: 15\r\n\r\nx=1\r\n0\r\n\r\n" }, ids: [1060] },
    ...["application/x-www-form-urlencoded", "application/json"].map((type) => ({
      name: `request with a made-up method smuggled in a ${type} body`,
      req: {
        method: "POST", headers: [host, ["content-type", type]] as [string, string][],
        body: type.endsWith("json") ? '{"a":"1\\r\\n0\\r\\n\\r\\nGPOST / HTTP/1.1\\r\\nFoo: x"}' : "x=1\r\n0\r\n\r\nGPOST / HTTP/1.1\r\nFoo: x",
      },
      ids: [1060],
    })),
    { name: "response splitting with Content-Length", req: form("var=%0d%0aContent-Length: 0"), ids: [1061] },
    { name: "header injected through an argument name", req: get("/?a=1&%0d%0aRemote-addr:%20x=1"), ids: [1061, 1063] },
    { name: "request target without a leading '/'", req: { path: "index.html", headers: [host] }, ids: [1068] },
    { name: "raw blank in the request target", req: { path: "/a b HTTP/1.1", headers: [host] }, ids: [1068] },
    { name: "raw tab in the request target", req: { path: "/a\tb", headers: [host] }, ids: [1068] },
    { name: "Host with userinfo", req: { path: "/", headers: [["host", "svc.local@evil.example"]] }, ids: [1034] },
    { name: "Host with a path", req: { path: "/", headers: [["host", "svc.local/admin"]] }, ids: [1034] },
    { name: "Host with a blank", req: { path: "/", headers: [["host", "svc.local evil"]] }, ids: [1034] },
    { name: "Host with two ports", req: { path: "/", headers: [["host", "svc.local:80:81"]] }, ids: [1034] },
    { name: "Transfer-Encoding spelled with '_'", req: { method: "POST", path: "/", headers: [host, ["transfer_encoding", "chunked"], ["content-type", "text/plain"]], body: "x" }, ids: [1035] },
    { name: "Content-Length spelled with '_'", req: { method: "POST", path: "/", headers: [host, ["content_length", "0"], ["content-type", "text/plain"]], body: "x" }, ids: [1035] },
    { name: "HTML document in a cookie", req: get("/", [["cookie", "oreo=munch%0d%0a%0d%0a<HTML><title></title></HTML>"]]), ids: [1062] },
    { name: "meta refresh in a query value", req: get("/?lang=fr%3Cmeta%20http-equiv%3D%22Refresh%22%20content%3D%220%3B%20url%3Dhttp%3A%2F%2Fevil.example%2F%22%3E"), ids: [1062] },
    { name: "HTML document after a line break in a form value", req: form("msg=ok%0d%0a%0d%0a%3Chtml%3E%3Cbody%3Egone%3C%2Fbody%3E%3C%2Fhtml%3E"), ids: [1062] },
    { name: "newline in the path", req: get("/foo%0Abar"), ids: [1065] },
    { name: "mod_proxy unix socket", req: get("/?unix:AAAA|http://example.com/"), ids: [1066] },
    { name: "backup extension", req: get("/get/foo.bak"), ids: [1070] },
    { name: "editor backup file", req: get("/index.php~"), ids: [1071] },
    { name: "malformed JSON", req: { method: "POST", headers: [host, ["content-type", "application/json"]], body: '{"a": 1 OR 1=1}' }, ids: [1100] },
    { name: "quote in a multipart field name", req: multipart('Content-Disposition: form-data; name="fi=le"; filename="t"\r\n\r\nx'), ids: [1101] },
    { name: "multipart header name with a space", req: multipart('Content- Disposition: form-data; name="f"\r\n\r\nx'), ids: [1102, 1105] },
    { name: "utf-7 part", req: multipart('Content-Disposition: form-data; name="u"\r\nContent-Type: text/plain; charset=utf-7\r\n\r\n+ADw-'), ids: [1103] },
    { name: "Content-Transfer-Encoding part", req: multipart('Content-Disposition: form-data; name="u"\r\nContent-Transfer-Encoding: base64\r\n\r\neA=='), ids: [1104] },
    { name: "filename* in form-data", req: multipart('Content-Disposition: form-data; name="f"; filename*=UTF-8\'\'a.php\r\n\r\nx'), ids: [1105] },
    { name: "folded part header", req: multipart('Content-Disposition: form-data;\r\n name="f"\r\n\r\nx'), ids: [1105] },
    { name: "form-data part without Content-Disposition", req: multipart("Content-Type: text/plain\r\n\r\nx"), ids: [1105] },
    { name: "two boundaries", req: { method: "POST", headers: [host, ["content-type", "multipart/form-data; boundary=a; boundary=b"]], body: "--a\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n--a--\r\n" }, ids: [1011] },
    { name: "sqlmap user agent", req: { headers: [host, ["user-agent", "sqlmap/1.7.4#stable (https://sqlmap.org)"]] }, ids: [15001] },
    { name: "interaction domain in a value", req: get("/?u=http://x1.oastify.com/a"), ids: [15002] },
    { name: "script setting a cookie", req: get('/?q=<script>document.cookie="sid=1;%20domain=.example.com"</script>'), ids: [16001] },
    { name: "session id from another site", req: get("/login?phpsessid=abc", [["referer", "https://evil.example/"]]), ids: [16002] },
    { name: "server session id without a Referer", req: get("/login?jsessionid=ABC"), ids: [16003] },
  ];
  for (const c of attacks) {
    it(`flags ${c.name}`, () => {
      expect(ownIds(c.req)).toEqual(c.ids);
    });
  }

  // 16001 reads the decoded text; its census gate (a '-', or both '.' and ';') must see punctuation
  // that only an encoding spells.
  it("finds a value that sets a cookie whose dot, semicolon or dash is percent- or entity-encoded", () => {
    const q = (v: string) => ownIds(get("/?q=" + v)).filter((id) => id === 16001);
    expect(q(encodeURIComponent('<script>document.cookie="sid=1; domain=.example.com"</script>'))).toEqual([16001]);
    expect(q('x%2Ecookie=%22sid=1%3B%20expires=Fri%22')).toEqual([16001]);
    expect(q(encodeURIComponent('<script>document&#46;cookie="sid=1&#59; expires=Fri"</script>'))).toEqual([16001]);
    expect(q(encodeURIComponent('<meta http-equiv="Set-Cookie" content="sid=1">'))).toEqual([16001]);
    expect(q(encodeURIComponent('<meta http&#45;equiv="Set&#x2d;Cookie" content="sid=1">'))).toEqual([16001]);
  });

  it("does not flag cookie words without the script or markup around them", () => {
    const q = (v: string) => ownIds(get("/?q=" + encodeURIComponent(v))).filter((id) => id === 16001);
    expect(q("cookie policy accepted; see the document")).toEqual([]);
    expect(q("document.cookie is read by the script")).toEqual([]);
    expect(q("set-cookie header explained")).toEqual([]);
    expect(q("cookie=1; expires=Fri")).toEqual([]);
  });

  // 1043: a lone `%XX` over 0x7f behind `%25` is no UTF-8 (a glibc-era date format `%EC%Ey`, a Latin-1 byte):
  // text typed with a percent, not an escape encoded twice. An escape right after it makes a pair (`%c0%ae`).
  it("reads a lone high-byte escape behind %25 as text, and double-encoded dots and overlong pairs as 1043", () => {
    const ids = (q: string, body = false) => ownIds(body ? form("q=" + q) : get("/?q=" + q)).filter((id) => id === 1043 || id === 1044);
    for (const b of [false, true]) {
      expect(ids("%25EC%25Ey%E5%B9%B4", b)).toEqual([]);
      expect(ids("%E6%98%AD%E5%92%8C:%25EC%E5%85%83%E5%B9%B4", b)).toEqual([]);
      expect(ids("caf%25e9", b)).toEqual([]);
      expect(ids("%25c0%25", b)).toEqual([]);
      expect(ids("%252e%252e%252f", b)).toEqual([1043]);
      expect(ids("%25%32%65%25%32%65/", b)).toEqual([1043]);
      expect(ids("%25e9%252e", b)).toEqual([1043]);
      expect(ids("%25EC%25E0", b)).toEqual([1043]);
      expect(ids("%25c0%25ae%25c0%25ae/", b)).toEqual([1043, 1044]);
      expect(ids("%c0%ae%c0%ae/", b)).toEqual([1044]);
    }
    expect(inspect(h, get("/?q=..%u002e/..%u002e/etc")).matches.map((m) => m.id)).toContain(5100);
  });

  // 1043: `%25` encodes a percent sign, and only an escape after it makes an escape encoded twice. A URI or a path
  // keeps its own escapes, from a scheme's colon or a path segment's slash (a word byte after it) to the next blank.
  // The text below is what a user typed; the client escapes it once more, as a form or a query does.
  it("reads a typed percent sign and the escapes of a typed URI or path as text, an escape encoded twice elsewhere as 1043", () => {
    const typed = (text: string, body: boolean) => ownIds(body ? form("q=" + encodeURIComponent(text)) : get("/?q=" + encodeURIComponent(text))).filter((id) => id === 1043);
    for (const b of [false, true]) {
      expect(typed('URI.parse("//[2001:db8::7%25en1]");', b)).toEqual([]); // an IPv6 zone in a URL, itself encoded
      expect(typed("100%25 sure", b)).toEqual([]);
      expect(typed("%25", b)).toEqual([]);
      expect(typed("/one/space%20in.url", b)).toEqual([]);
      expect(typed("see /$defs/string%20Map for the type", b)).toEqual([]);
      expect(typed("mailto:list@example.com?body=subscribe%20news", b)).toEqual([]);
      expect(typed("mailto:user@example.org?subject=caf%C3%A9", b)).toEqual([]);
      expect(typed("%252e%252e%252f", b)).toEqual([1043]); // encoded three times
      expect(typed("%25%32%65", b)).toEqual([1043]);
      expect(typed("%252%65", b)).toEqual([1043]);
      expect(typed("union%20select 1,2", b)).toEqual([1043]);
      expect(typed("/*%20*/union", b)).toEqual([1043]); // a comment's slash opens no path segment
      expect(typed("/%2e%2e/%2e%2e/etc/passwd", b)).toEqual([1043]); // nor one before an escape
      expect(typed("mailto: %27 or 1=1", b)).toEqual([1043]); // a blank ends the URI
      expect(typed("/next%0d%0aSet-Cookie:%20sid=1", b)).toEqual([1043]); // an escaped control byte counts in a path
      expect(typed("mailto:%0d%0aBcc:%20all@example.com", b)).toEqual([1043]); // and in a URI other than a URL
      expect(typed("https://app.example/notes?text=line%20one%0Aline%20two", b)).toEqual([]); // a URL's query carries a text
      expect(typed("x%27 or%201=1--", b)).toEqual([1043]);
    }
  });

  it("finds a syntax character encoded twice after any words, and passes any escape inside a typed URL or path", () => {
    const text = fc.stringMatching(/^[a-z]{0,8}( [a-z]{1,8}){0,2}$/);
    // (`%` itself encoded twice is a percent sign: above)
    const syntax = fc.constantFrom(..."'\"<>;|&`()$/.=#\\".split(""));
    fc.assert(fc.property(text, syntax, fc.boolean(), (before, c, b) => {
      const v = encodeURIComponent(before) + "%25" + c.charCodeAt(0).toString(16);
      expect(ownIds(b ? form("q=" + v) : get("/?q=" + v))).toContain(1043);
    }), { numRuns: 200 });
    const uri = fc.tuple(fc.constantFrom("https://docs.example/", "mailto:ops@example.com?subject=", "/api/v1/", "file:///srv/", "urn:x:"),
      fc.array(fc.tuple(fc.stringMatching(/^[a-z0-9]{1,6}$/), fc.integer({ min: 0x20, max: 0xff })), { minLength: 1, maxLength: 4 }))
      .map(([head, parts]) => head + parts.map(([w, code]) => w + "%" + code.toString(16).padStart(2, "0")).join(""));
    fc.assert(fc.property(uri, fc.constantFrom("", "see ", "moved to "), fc.boolean(), (u, before, b) => {
      const v = encodeURIComponent(before + u);
      expect(ownIds(b ? form("q=" + v) : get("/?q=" + v))).not.toContain(1043);
    }), { numRuns: 200 });
  });

  // 1062: a status line splits a response only with a line break before or after it; in one line it is prose.
  it("reads a one-line status line as prose and one beside a line break as response splitting", () => {
    const ids = (v: string, body = false) => ownIds(body ? form("m=" + v) : get("/?m=" + v)).filter((id) => id === 1062);
    for (const b of [false, true]) {
      expect(ids("Sends+a+HTTP/1.1+102+Processing+message+to+the+client", b)).toEqual([]);
      expect(ids("the+proxy+answered+HTTP/1.0+200+Connection+established", b)).toEqual([]);
      expect(ids("x%0d%0aHTTP/1.1+200+OK", b)).toEqual([1062]);
      expect(ids("HTTP/1.1+302+Found%0aLocation:+//evil.example", b)).toEqual([1062]);
      expect(ids("ok%0aHTTP/2+200", b)).toEqual([1062]);
    }
  });

  // Response injection (1062) is a document behind a line break, or a meta refresh: an HTML page posted
  // as a value (a mail, a CMS page) and the metas every page carries are for the XSS rules to judge.
  it.each([
    ['<!DOCTYPE html><html lang="en"><head><title>Order</title></head><body><p>Shipped.</p></body></html>'],
    ['<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta charset="utf-8"></head></html>'],
  ])("no response injection in an HTML document without a line break: %s", (html) => {
    const req = { method: "POST", path: "/api/mail/send", headers: [host, ["content-type", "application/json"]] as [string, string][], body: JSON.stringify({ html }) };
    expect(ownIds(req)).not.toContain(1062);
  });

  const benign: { name: string; req: Req }[] = [
    { name: "zero-width joiners written as \\u escapes", req: form("s=%E0%B4%95%E0%B5%8D%5Cu200D%20and%20%5Cu200c%20or%20%5Cu200B") },
    { name: "a README that quotes a request (LF line ends)", req: { method: "PUT", headers: [host, ["content-type", "text/plain"]], body: "Call it:\n\n    GET /api/v1/items HTTP/1.1\n    Host: api.local\n" } },
    { name: "a text body naming HTTP/1.1 without a request head", req: { method: "POST", headers: [host, ["content-type", "text/plain"]], body: "We moved from HTTP/1.1\r\nto HTTP/2 last year.\r\n" } },
    { name: "a request line without a header after it", req: { method: "POST", headers: [host, ["content-type", "text/plain"]], body: "log:\r\nGET /health HTTP/1.1\r\n200 OK\r\n" } },
    { name: "REST methods", req: { method: "PATCH", headers: [host, ["content-type", "application/json"]], body: '{"a":"b"}' } },
    { name: "vendor JSON type", req: { method: "POST", headers: [host, ["content-type", "application/vnd.acme.v2+json; charset=utf-8"]], body: "{}" } },
    { name: "multipart boundary with odd characters", req: { method: "POST", headers: [host, ["content-type", "multipart/mixed; boundary= gc0p4Jq0M2Yt,08/jU534c0p?==:test"]], body: null } },
    { name: "five ranges", req: get("/a.html", [["range", "bytes=1-10, 11-20, 21-30, 31-40, 41-50"]]) },
    // Legacy two-byte encodings in a query: lead bytes from F5 up followed by one byte of the continuation range.
    { name: "Shift_JIS search term", req: get("/search?q=%93%FA%96%7B%8C%EA") },
    { name: "Big5 search term", req: get("/search?q=%A4%A4%A4%E5%F9%B3") },
    { name: "many ranges of a PDF", req: get("/doc.pdf", [["range", "bytes=" + Array.from({ length: 30 }, (_, i) => `${i * 10}-${i * 10 + 5}`).join(",")]]) },
    { name: "browser headers", req: get("/", [["accept-encoding", "gzip, deflate, br, zstd"], ["cache-control", "max-age=0"], ["sec-fetch-user", "?1"], ["connection", "keep-alive"]]) },
    { name: "prose with a percent sign", req: form("comment=One+quarter+(24%)+of+people") },
    { name: "template with an encoded percent", req: get("/?x=%3c%25%3dtitle%25%3e") },
    { name: "multiline comment in a form", req: form("comment=line+one%0D%0Aline+two") },
    { name: "prose mentioning HTTP/2", req: { method: "POST", headers: [host, ["content-type", "application/json"]], body: '{"bio":"Axios has experimental HTTP/2 support."}' } },
    { name: "code with an indented host key", req: { method: "POST", headers: [host, ["content-type", "application/json"]], body: '{"t":"config = {\\n  host: \'1.2.3.4\',\\n  port: 465\\n}"}' } },
    { name: "accented text", req: get("/?q=caf%C3%A9+cr%C3%A8me") },
    { name: "entity-named multipart field", req: multipart('Content-Disposition: form-data; name="zzz&auml;&amp;zzz"\r\n\r\nx') },
    { name: "home directory path", req: get("/~user/") },
    { name: "font file", req: get("/assets/fonts/Inter.ttf") },
    { name: "Googlebot", req: { headers: [host, ["user-agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"]] } },
    { name: "generic session token in an API call", req: form("session_token=abc&order=1") },
    { name: "session id from the same site", req: get("/login?jsessionid=ABC", [["referer", "http://svc.local/test"]]) },
    { name: "assessment parameter", req: get("/?assessment=1", [["referer", "https://other.example/"]]) },
    { name: "Rails form method", req: form("_method=post&authenticity_token=x") },
    { name: "Rails form tunnelling DELETE", req: form("utf8=%E2%9C%93&_method=delete&authenticity_token=abc") },
    { name: "Laravel form tunnelling PUT", req: form("_method=PUT&_token=abc&title=x") },
    { name: "Django-style token with PATCH", req: form("csrfmiddlewaretoken=abc&_method=PATCH") },
    { name: "a parameter named method", req: get("/pay?method=card") },
    { name: "ingress that stripped a path prefix", req: get("/v1/users?page=2", [["x-original-uri", "/api/v1/users?page=2"], ["x-forwarded-uri", "/api/v1/users"]]) },
    { name: "rewrite header equal to the path", req: get("/shop/cart", [["x-original-url", "/shop/cart"], ["x-rewrite-url", ""]]) },
    { name: "forwarded host lists, ports and IPv6", req: get("/", [["x-forwarded-host", "shop.example.com, svc.local:8443"], ["x-host", "[2001:db8::1]:443"]]) },
    { name: "forwarded path prefixes", req: get("/", [["x-forwarded-prefix", "/api/v2"]]) },
    { name: "WebSocket upgrade", req: get("/ws", [["connection", "Upgrade"], ["upgrade", "websocket"], ["sec-websocket-version", "13"]]) },
    { name: "non-ASCII header text", req: get("/", [["x-user-name", "%E5%98%8A%E5%98%8D San"]]) },
    { name: "multipart/mixed batch part without Content-Disposition", req: { method: "POST", headers: [host, ["content-type", "multipart/mixed; boundary=b"]], body: "--b\r\nContent-Type: application/http\r\n\r\nGET /a\r\n--b--\r\n" } },
    { name: "ordinary file upload", req: multipart('Content-Disposition: form-data; name="f"; filename="a b.txt"\r\nContent-Type: text/plain\r\n\r\nhello') },
    { name: "chunk of a resumable upload", req: { method: "PUT", headers: [host, ["content-type", "application/octet-stream"], ["content-range", "bytes 0-524287/2000000"]], body: "x" } },
    { name: "last chunk of an upload of unknown size", req: { method: "PUT", headers: [host, ["content-type", "application/octet-stream"], ["content-range", "bytes 100-199/*"]], body: "x" } },
    { name: "headers whose names resemble restricted ones", req: get("/", [["x-http-methods", "GET"], ["proxy-connection", "keep-alive"], ["iff", "1"], ["content-rangex", "1"]]) },
    { name: "pseudo-headers and an encoded percent in a value", req: get("/", [[":authority", "svc.local"], ["x-progress", "50%25 done"]]) },
    { name: "method-like values that no framework routes", req: get("/api?_method=X-DELETE&b=1") },
    { name: "Latin-1 form text", req: form("name=Jos%E9&city=M%FCnchen&t=%A9+2024+caf%E9") },
    { name: "emoji and accents", req: get("/?q=%F0%9F%98%80+caf%C3%A9") },
    { name: "body framing of an ordinary upload", req: form("a=1", [["content-length", "3"]]) },
    { name: "chunked upload", req: form("a=1", [["transfer-encoding", "Chunked"]]) },
    { name: "body charset header from an ordinary client", req: form("a=1", [["x-up-devcap-post-charset", "ibm500"]]) },
    { name: "Range without a unit (servers ignore it)", req: get("/", [["range", "1-2"]]) },
    { name: "OPTIONS *", req: { method: "OPTIONS", path: "*", headers: [host] } },
    { name: "raw UTF-8 in the path (curl sends it as typed)", req: { path: "/caf\u00e9?q=%20x", headers: [host] } },
    { name: "Host with a port", req: { path: "/", headers: [["host", "reviews.default.svc.cluster.local:9080"]] } },
    { name: "Host an IDN and a trailing dot", req: { path: "/", headers: [["host", "bücher.example."]] } },
    { name: "other headers with '_'", req: { path: "/", headers: [host, ["x_request_id", "1"], ["content_type_hint", "x"]] } },
    { name: "IP host (a kubelet probe)", req: { path: "/healthz", headers: [["host", "10.2.166.199:8080"], ["user-agent", "kube-probe/1.29"]] } },
    ...["keep-alive", "close", "Upgrade", "TE", "HTTP2-Settings", "Upgrade, HTTP2-Settings", "keep-alive, Upgrade", "TE, close", "Keep-Alive, Proxy-Authorization", "x"].map((c) => (
      { name: `Connection: ${c}`, req: get("/", [["connection", c]] as [string, string][]) })),
  ];
  for (const c of benign) {
    it(`leaves alone ${c.name}`, () => {
      expect(inspect(h, c.req).matches.filter((m) => OWN.has(m.category) && m.id !== 1031 && m.id !== 1003)).toEqual([]);
      expect(inspect(h, c.req).score).toBeLessThan(5);
    });
  }

  it("counts CR/LF in a query value only from paranoia 2", () => {
    const req = get("/get?a=Go%20to%20store.%0AAt%20the%20store%2C%20shop.");
    expect(ownIds(req, 1)).toEqual([]);
    expect(ownIds(req, 2)).toEqual([1064]);
  });

  // A parameter (`name=`) after the line break is parameter injection at any level (crs-921151-1..3).
  const injected = ["/get?x=test%0Dnext=more", "/get?x=test%0Anext=more", "/get?x=test%0A%0Dnext=more", "/get?x=a%0D%0Auser[role]=admin"];
  for (const path of injected) {
    it(`blocks a parameter after CR/LF in a query value: ${path}`, () => {
      expect(ownIds(get(path), 1)).toEqual([1067]);
      expect(inspect(h, get(path)).attack).toBe(true);
    });
  }
  const prose = ["/get?x=line%0Aanother%20line", "/get?x=a%0A%3Db", "/get?x=total%0A%20%3D%205", "/get?x=a%0A", "/get?x=1%0A2%3D3%20is%20false"];
  for (const path of prose) {
    it(`leaves lines without a parameter at PL1: ${path}`, () => expect(ownIds(get(path), 1)).toEqual([]));
  }
  it("reads a form body's line breaks as text (textareas)", () => {
    expect(ownIds(form("x=test%0Anext%3Dmore"), 1)).toEqual([]);
  });
});

// Header values are URL-decoded only when they hold a '%' (a gate): the CR/LF, NUL and
// control-byte findings must still match a model that always decodes.
describe("header control bytes, against a model that always decodes", () => {
  const pieces = ["a", "b", " ", "%", "2", "5", "0", "d", "%0a", "%0D", "%00", "%01", "%25", "%7f", "%41", "x%"];
  const decodeFull = (v: string) => {
    let cur = v;
    for (let pass = 0; pass < 4; pass++) {
      const next = cur.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      if (next === cur) break;
      cur = next;
    }
    return cur;
  };
  // A line break that only decoding shows is escaped text unless a CR stands alone (no piece makes a header after it).
  const expected = (v: string) => {
    const d = decodeFull(v);
    const ids: number[] = [];
    if (/[\r\n]/.test(v) || /\r(?!\n)/.test(d)) ids.push(1030);
    if (d.includes("\0")) ids.push(1040);
    else if (/[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(d)) ids.push(1041);
    return ids;
  };
  // Math.imul: a float product loses the low bits, and the pieces drawn collapsed to "a" and "%0a".
  let seed = 12345;
  const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) >> 8) % n;
  const values = Array.from({ length: 150 }, () => Array.from({ length: 1 + rand(6) }, () => pieces[rand(pieces.length)]).join(""));
  it("reports the same rules for 150 random values", () => {
    const mismatches = values
      .map((v) => ({ v, got: inspect(h, get("/", [["x-t", v]])).matches.filter((m) => [1030, 1040, 1041].includes(m.id)).map((m) => m.id).sort(), want: expected(v) }))
      .filter((r) => JSON.stringify(r.got) !== JSON.stringify(r.want));
    expect(mismatches).toEqual([]);
    expect(values.filter((v) => expected(v).length > 0).length).toBeGreaterThan(10);
    expect(values.filter((v) => !v.includes("%")).length).toBeGreaterThan(5);
  });
});

describe("Host checks remembered across requests", () => {
  // checkHeaders skips the Host tests for the last Host value they passed: a clean Host must not
  // hide a bad one that follows, nor a bad one make the next clean one count.
  const hostIds = (v: string) =>
    inspect(h, { path: "/", headers: [["host", v], ["user-agent", "curl/8.5.0"], ["accept", "*/*"]] }).matches.map((m) => m.id).filter((id) => id === 1031 || id === 1034 || id === 7100).sort();
  it("judges each request's Host, whatever the Host before it", () => {
    const sequence: [string, number[]][] = [
      ["svc.local", []], ["svc.local", []], ["169.254.169.254", [1031, 7100]], ["svc.local", []], ["svc.local:8080", []],
      ["svc.local:80x", [1034]], ["svc.local:80x", [1034]], ["svc.local", []], ["10.0.0.1", [1031]], ["10.0.0.1", [1031]],
      ["metadata.google.internal", [7100]], ["svc.local", []], ["svc.locaL", []], ["svc.local ", [1034]], ["svc.local", []],
      ["[::1]", [1031]], ["svc.local", []],
    ];
    for (const [v, ids] of sequence) expect([v, hostIds(v)]).toEqual([v, ids]);
  });
  it("gives the same findings in any order", () => {
    const hosts = ["svc.local", "169.254.169.254", "svc.local:80x", "10.0.0.1", "metadata.google.internal", "api.svc.local", "svc.local ", "[fd00::1]:8080"];
    const alone = new Map(hosts.map((v) => [v, hostIds(v)]));
    fc.assert(fc.property(fc.array(fc.constantFrom(...hosts), { minLength: 2, maxLength: 12 }), (seq) => {
      for (const v of seq) expect([v, hostIds(v)]).toEqual([v, alone.get(v)]);
    }), { numRuns: 100 });
  });
});

describe("request facts do not carry over to the next request", () => {
  // inspect() reuses one Targets object (argument counts and names, body problems, multipart oddities):
  // each request must score as it does on its own.
  const many = get("/?" + Array.from({ length: 256 }, (_, i) => `p${i}=1`).join("&"));
  const requests: Req[] = [
    many, get("/?a=1&b=2"), get("/?id=1%20union/*&id=*/select%201,2"), get("/?a=1"), get("/?tag[]=a&tag[]=b"), get("/?x=" + "y".repeat(5000)),
    { method: "POST", headers: [host, ["content-type", "application/json"]], body: '{"a": 1 OR 1=1}' },
    { method: "POST", headers: [host, ["content-type", "application/json"]], body: '{"a": 1}' },
    multipart('Content- Disposition: form-data; name="f"\r\n\r\nx'), multipart('Content-Disposition: form-data; name="f"\r\n\r\nx'),
    multipart('Content-Disposition: form-data; name="fi=le"; filename="t"\r\n\r\nx'), form("a=1&a=2"), form("a=1&b=2"), get("/"),
  ];
  const ids = (r: Req) => inspect(h, r).matches.map((m) => `${m.id}@${m.target}`).sort();
  it("scores each request as on its own, in any order", () => {
    const alone = requests.map((r) => { ids(get("/")); return ids(r); });
    expect(alone[0]).toContain("1051@args");
    expect(alone[2]).toContain("2001@args:id");
    expect(alone[1]).toEqual([]);
    fc.assert(fc.property(fc.array(fc.nat(requests.length - 1), { minLength: 2, maxLength: 10 }), (seq) => {
      for (const k of seq) expect([k, ids(requests[k])]).toEqual([k, alone[k]]);
    }), { numRuns: 150 });
  });
});

describe("repeated argument names", () => {
  // A repeated name costs nothing by itself (`?id=1&id=2`, `tag=a&tag=b`, `filter[]=`): REST APIs repeat names.
  // Its values joined with `,`, as ASP.NET reads them, are one more value, so an attack split across the
  // repeats (each piece passing alone) is still read whole; back ends that take the first or the last value
  // see a value inspected alone anyway.
  const figure = encodeURIComponent('<figure><img src="https://cdn.example.com/a.jpg" alt=""/></figure>');
  const score = (r: Req) => inspect(h, r).score;
  it.each([
    get("/api/items?id=1&id=2&id=3"), get("/api/items?tag=a&tag=b&fields=name&fields=email&sort=-created"),
    get("/api/items?filter[]=open&filter[]=closed&filter[]=open"), get("/search?q=it%27s&q=don%27t&q=O%27Brien"),
    get("/posts?include=author,comments&include=tags&page[size]=20&page[size]=50"),
    form("name=Ada&name=Ada+Lovelace&email=ada%40example.com&email=ada%40example.org"),
    // a value that alone scores a warning (an <img> in editor markup), repeated, stays a warning
    get(`/cms/blocks?content=${figure}&content=${figure}&content=text`), form(`content=${figure}&content=${figure}`),
  ])("lets %j through", (req) => {
    expect(score(req)).toBeLessThan(5);
  });
  it("reads a warning value as a warning, repeated or not", () => {
    expect(score(get(`/cms/blocks?content=${figure}`))).toBe(3);
    expect(score(get(`/cms/blocks?content=${figure}&content=${figure}`))).toBe(3);
  });
  it.each([
    // SQL: a comment opened in one value and closed in the next
    ["sql", "id", ["1 union/*", "*/select 1,2"]],
    ["sql", "id", ["1' /*", "*/or 1=1--"]],
    // XSS: an attribute breakout whose handler starts in one value
    ["xss", "q", ['" autofocus onfocus=x', 'alert(1) x="']],
    ["xss", "q", ['<b title="x', '" onmouseover=prompt(1)>']],
    // command: bash brace expansion, whose comma the join supplies
    ["command", "cmd", [";{cat", "/etc/passwd}"]],
    ["command", "cmd", ["1|{nslookup", "evil.example}"]],
  ] as [string, string, string[]][])("blocks a %s split across %s", (_, name, pieces) => {
    const query = pieces.map((p) => `${name}=${encodeURIComponent(p)}`).join("&");
    expect(score(get(`/app?${query}`))).toBeGreaterThanOrEqual(5);
    expect(score(form(`${query}&lang=en`))).toBeGreaterThanOrEqual(5);
  });
  it("blocks a split whose pieces pass alone", () => {
    const pieces = ["1 union/*", "*/select 1,2"];
    for (const p of pieces) expect(score(get(`/app?id=${encodeURIComponent(p)}`))).toBeLessThan(5);
    expect(score(get(`/app?id=${encodeURIComponent(pieces[0])}&id=${encodeURIComponent(pieces[1])}`))).toBeGreaterThanOrEqual(5);
    // with a padding value between them (joined too, as ASP.NET does) and one too long to join
    expect(score(get(`/app?id=${encodeURIComponent(pieces[0])}&id=abc&id=${encodeURIComponent(pieces[1])}`))).toBeGreaterThanOrEqual(5);
    expect(score(get(`/app?id=${"a".repeat(5000)}&id=${encodeURIComponent(pieces[0])}&id=${encodeURIComponent(pieces[1])}`))).toBeGreaterThanOrEqual(5);
    const xss = ['" autofocus onfocus=x', 'alert(1) x="'];
    expect(score(get(`/app?q=${encodeURIComponent(xss[0])}`))).toBeLessThan(5);
    expect(score(get(`/app?q=${encodeURIComponent(xss[0])}&q=${encodeURIComponent(xss[1])}`))).toBeGreaterThanOrEqual(5);
  });
});

// protocol/args.ts overlongControls: a control written as overlong UTF-8 (`%C0%80` a NUL, `%C0%8A` an LF) is
// the control for a lenient decoder, in a header value and in the path as in their plain forms; text in
// UTF-8 (no `C0` lead byte in it) or an overlong printable character is not.
describe("controls written as overlong UTF-8", () => {
  it.each([
    ["a NUL in a Referer's query", get("/app", [["referer", "https://svc.local/view?f=../../var/log/access.log%C0%80.jpg"]]), 1040],
    ["an LF in a custom header", get("/app", [["x-note", "a%C0%8Aset-cookie: sid=1"]]), 1030],
    ["a control character in a header", get("/app", [["x-note", "a%C0%81b"]]), 1041],
    ["CR LF in the path", get("/files/%C0%8D%C0%8Aps%C0%A0aux"), 1065],
  ] as [string, Req, number][])("reports %s", (_what, req, id) => {
    const v = inspect(h, req);
    expect(v.matches.map((m) => m.id)).toContain(id);
    expect(v.score).toBeGreaterThanOrEqual(5);
  });
  it.each([
    ["a Referer with UTF-8 text", get("/app", [["referer", "https://svc.local/search?q=%C3%80%C2%A0caf%C3%A9%E2%80%94ok"]])],
    ["an overlong dot in a header (a character, not a control)", get("/app", [["x-note", "v1%C0%AE2"]])],
    ["a path with UTF-8 letters", get("/wiki/%C3%80_la_carte%E2%80%8A")],
  ] as [string, Req][])("lets %s through", (_what, req) => {
    expect(inspect(h, req).matches.filter((m) => [1030, 1040, 1041, 1065].includes(m.id))).toEqual([]);
  });
});
