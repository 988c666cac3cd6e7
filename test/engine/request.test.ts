// Target enumeration: which named targets the engine builds from a request.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, targetsOf, type Req } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const names = (r: Req) => targetsOf(h, r).targets.map((t) => `${t.kind} ${t.name}=${t.value}`);
const json = (body: string): Req => ({ method: "POST", headers: [["host", "h"], ["content-type", "application/json"]], body });

describe("request targets", () => {
  const cases: { name: string; req: Req; expected: string[] }[] = [
    {
      name: "path and query arguments, repeated names, '+' as space, bare names",
      req: { path: "/a/b%20c?x=1&y=a+b%2Bc&x=2&flag" },
      expected: ["path path=/a/b c", "argName args:x=x", "argValue args:x=1", "argName args:y=y", "argValue args:y=a b+c",
        "argName args:x=x", "argValue args:x=2", "argName args:flag=flag",
        // the repeated name's values joined as ASP.NET reads them, after the arguments
        "argValue args:x=1,2"],
    },
    {
      name: "cookies by name, values percent-decoded; routine headers skipped",
      req: { headers: [["host", "h"], ["cookie", "sid=abc;  theme=dark%20blue"], ["accept-encoding", "gzip"], ["user-agent", "curl/8"], [":path", "/"]] },
      expected: ["cookieName cookie:sid=sid", "cookie cookie:sid=abc", "cookieName cookie:theme=theme", "cookie cookie:theme=dark blue", "header header:user-agent=curl/8"],
    },
    {
      name: "JSON keys and string values by path, escapes decoded, scalars skipped",
      req: json('{"user":{"name":"O\\u0027Brien","tags":["a",1,{"k":"v"}]},"n":1.5e3,"ok":true,"z":null}'),
      expected: ["header header:content-type=application/json", "bodyKey json:user=user", "bodyKey json:user.name=name", "bodyValue json:user.name=O'Brien",
        "bodyKey json:user.tags=tags", "bodyValue json:user.tags.0=a", "bodyKey json:user.tags.2.k=k", "bodyValue json:user.tags.2.k=v",
        "bodyKey json:n=n", "bodyKey json:ok=ok", "bodyKey json:z=z"],
    },
    {
      name: "JSON keys with escapes and non-ASCII letters name their paths; empty keys and strings add no target",
      req: json('{"k\\u00e9y":{"ü":["x",{"":"y","a\\"b":""}]},"10":{"q":"z"}}'),
      expected: ["header header:content-type=application/json", "bodyKey json:kéy=kéy", "bodyKey json:kéy.ü=ü",
        "bodyValue json:kéy.ü.0=x", "bodyValue json:kéy.ü.1.=y", 'bodyKey json:kéy.ü.1.a"b=a"b',
        "bodyKey json:10=10", "bodyKey json:10.q=q", "bodyValue json:10.q=z"],
    },
    {
      name: "JSON \\u escapes: a surrogate pair as one character, a lone or broken one as U+FFFD, four bytes that are no hex digits kept",
      req: json('{"a":"\\ud83d\\ude00","b":"\\uD83D\\u12G4","c":"\\u12G4 x\\u12"}'),
      expected: ["header header:content-type=application/json", "bodyKey json:a=a", "bodyValue json:a=\u{1F600}", "bodyKey json:b=b",
        "bodyValue json:b=\uFFFDu12G4", "bodyKey json:c=c", "bodyValue json:c=u12G4 xu12"],
    },
    {
      name: "a top-level JSON string",
      req: json('"hello"'),
      expected: ["header header:content-type=application/json", "bodyValue json:=hello"],
    },
    {
      name: "urlencoded body as arguments",
      req: { method: "POST", headers: [["content-type", "application/x-www-form-urlencoded"]], body: "q=a%27b&r=c+d" },
      expected: ["header header:content-type=application/x-www-form-urlencoded", "argName args:q=q", "argValue args:q=a'b", "argName args:r=r", "argValue args:r=c d"],
    },
    {
      name: "multipart fields, file names and part headers",
      req: {
        method: "POST", headers: [["content-type", 'multipart/form-data; boundary="XyZ"']],
        body: '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nhello\r\n--XyZ\r\nContent-Disposition: form-data; name="f"; filename="x.php"\r\nContent-Type: text/plain\r\n\r\n<?php ?>\r\n--XyZ--\r\n',
      },
      expected: ['header header:content-type=multipart/form-data; boundary="XyZ"', 'partHeader multipart:content-disposition=form-data; name="a"', "argName args:a=a", "argValue args:a=hello",
        'partHeader multipart:content-disposition=form-data; name="f"; filename="x.php"', "partHeader multipart:content-type=text/plain", "filename files:f=x.php"],
    },
    {
      name: "XML text, attributes, CDATA, DOCTYPE with its entity literals, and the raw document",
      req: { method: "POST", headers: [["content-type", "text/xml"]], body: '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///x">]><r a="1&amp;2"><b>&lt;hi</b><![CDATA[c<>]]></r>' },
      expected: ["header header:content-type=text/xml", 'bodyValue xml:!doctype=<!DOCTYPE r [<!ENTITY x SYSTEM "file:///x">]>', "bodyValue xml:!entity=file:///x", "bodyValue xml:r@a=1&2", "bodyValue xml:b=<hi", "bodyValue xml:b=c<>",
        'body body=<!DOCTYPE r [<!ENTITY x SYSTEM "file:///x">]><r a="1&amp;2"><b>&lt;hi</b><![CDATA[c<>]]></r>'],
    },
    {
      name: "text bodies as raw body",
      req: { method: "POST", headers: [["content-type", "text/plain"]], body: "just text" },
      expected: ["header header:content-type=text/plain", "body body=just text"],
    },
    {
      name: "a JSON document sent as text/plain (a cross-site form's JSON) is read as JSON",
      req: { method: "POST", headers: [["content-type", "text/plain"]], body: ' {"q":"x","a":["y"]}' },
      expected: ["header header:content-type=text/plain", "bodyKey json:q=q", "bodyValue json:q=x", "bodyKey json:a=a", "bodyValue json:a.0=y"],
    },
    {
      name: "a JSON document without a Content-Type is read as JSON",
      req: { method: "POST", headers: [["host", "h"]], body: '[{"q":"x"}]' },
      expected: ["bodyKey json:0.q=q", "bodyValue json:0.q=x"],
    },
    {
      name: "text that only opens like JSON stays raw text, with no body problem",
      req: { method: "POST", headers: [["content-type", "text/plain"]], body: "[WARN] disk {sda} full" },
      expected: ["header header:content-type=text/plain", "body body=[WARN] disk {sda} full"],
    },
    {
      name: "a multipart part of type JSON is read as JSON",
      req: {
        method: "POST", headers: [["content-type", "multipart/form-data; boundary=B"]],
        body: '--B\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"title":"t"}\r\n--B--\r\n',
      },
      expected: ["header header:content-type=multipart/form-data; boundary=B", 'partHeader multipart:content-disposition=form-data; name="meta"',
        "partHeader multipart:content-type=application/json", "bodyKey json:title=title", "bodyValue json:title=t"],
    },
    {
      // `=XX` left as `%XX` for the target's percent-decoding; soft line breaks dropped
      name: "a quoted-printable multipart field is decoded",
      req: {
        method: "POST", headers: [["content-type", "multipart/form-data; boundary=B"]],
        body: '--B\r\nContent-Disposition: form-data; name="bio"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=3Cb=3Ehi=\r\n there\r\n--B--\r\n',
      },
      expected: ["header header:content-type=multipart/form-data; boundary=B", 'partHeader multipart:content-disposition=form-data; name="bio"',
        "partHeader multipart:content-transfer-encoding=quoted-printable", "argName args:bio=bio", "argValue args:bio=%3Cb%3Ehi there"],
    },
    {
      name: "a base64 multipart field stays as sent (the engine decodes base64 values wherever they are)",
      req: {
        method: "POST", headers: [["content-type", "multipart/form-data; boundary=B"]],
        body: '--B\r\nContent-Disposition: form-data; name="bio"\r\nContent-Transfer-Encoding: base64\r\n\r\naGk=\r\n--B--\r\n',
      },
      expected: ["header header:content-type=multipart/form-data; boundary=B", 'partHeader multipart:content-disposition=form-data; name="bio"',
        "partHeader multipart:content-transfer-encoding=base64", "argName args:bio=bio", "argValue args:bio=aGk="],
    },
    {
      name: "internal entity literals are values, references decoded",
      req: { method: "POST", headers: [["content-type", "application/xml"]], body: "<!DOCTYPE r [<!ENTITY a 'x&#60;y'><!ENTITY b \"2\">]><r>&a;</r>" },
      expected: ["header header:content-type=application/xml", "bodyValue xml:!doctype=<!DOCTYPE r [<!ENTITY a 'x&#60;y'><!ENTITY b \"2\">]>",
        "bodyValue xml:!entity=x<y", "bodyValue xml:!entity=2", "bodyValue xml:r=&a;", "body body=<!DOCTYPE r [<!ENTITY a 'x&#60;y'><!ENTITY b \"2\">]><r>&a;</r>"],
    },
    {
      name: "quotes outside an entity declaration are no entity literal",
      req: { method: "POST", headers: [["content-type", "application/xml"]], body: "<!DOCTYPE r SYSTEM \"r.dtd\"><r/>" },
      expected: ["header header:content-type=application/xml", 'bodyValue xml:!doctype=<!DOCTYPE r SYSTEM "r.dtd">', 'body body=<!DOCTYPE r SYSTEM "r.dtd"><r/>'],
    },
    {
      name: "a form sent as JSON: its arguments, and the raw body",
      req: json("q=a%20b&lang=en"),
      expected: ["header header:content-type=application/json", "argName args:q=q", "argValue args:q=a b", "argName args:lang=lang", "argValue args:lang=en", "body body=q=a%20b&lang=en"],
    },
    {
      // the application reads an element's text whole: comments and PIs dropped, CDATA kept; a tag ends it
      name: "XML text split by comments, CDATA and PIs is also one value",
      req: { method: "POST", headers: [["content-type", "application/xml"]], body: "<r><a>x &amp; y<!-- c --> z<![CDATA[<b>]]><?pi v?>w</a><b>1<c/>2</b></r>" },
      expected: ["header header:content-type=application/xml", "bodyValue xml:a=x & y", "bodyValue xml:!comment=c", "bodyValue xml:a=z", "bodyValue xml:a=<b>",
        "bodyValue xml:?pi=pi v", "bodyValue xml:a=w", "bodyValue xml:a=x & y z<b>w", "bodyValue xml:b=1", "bodyValue xml:c=2",
        "body body=<r><a>x &amp; y<!-- c --> z<![CDATA[<b>]]><?pi v?>w</a><b>1<c/>2</b></r>"],
    },
    {
      name: "matrix parameters: arguments, and the path without them as it is routed",
      req: { path: "/a;x=1/b%27;y=2/c" },
      expected: ["path path=/a;x=1/b';y=2/c", "argValue args:x=1", "argValue args:y=2", "path path=/a/b'/c"],
    },
    {
      // as the query's own names: an exclusion names `args:k[1]` wherever the argument was
      name: "arguments after a ';' (in the query, as matrix parameters) by their percent-decoded names",
      req: { path: "/a;p%5B0%5D=1/b?q=x;k%5B1%5D=2" },
      expected: ["path path=/a;p[0]=1/b", "argValue args:p[0]=1", "path path=/a/b", "argName args:q=q", "argValue args:q=x;k[1]=2", "argValue args:k[1]=2"],
    },
    {
      name: "a JSON document posted as a form: its one argument, and its keys and strings",
      req: { method: "POST", headers: [["content-type", "application/x-www-form-urlencoded"]], body: '{"a":"b c"}' },
      expected: ["header header:content-type=application/x-www-form-urlencoded", 'argName args:{"a":"b c"}={"a":"b c"}', "bodyKey json:a=a", "bodyValue json:a=b c"],
    },
    {
      // servers that keep the quotes undo the escapes (Python's http.cookies writes `;` as \073)
      name: "a quoted cookie value keeps its quotes, its backslash escapes undone",
      req: { headers: [["host", "h"], ["cookie", 'a="x\\073 y\\"z"; b="plain"; c=\\073; d=""']] },
      expected: ["cookieName cookie:a=a", 'cookie cookie:a="x; y"z"', "cookieName cookie:b=b", 'cookie cookie:b="plain"',
        "cookieName cookie:c=c", "cookie cookie:c=\\073", "cookieName cookie:d=d", 'cookie cookie:d=""'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(names(c.req)).toEqual(c.expected);
    });
  }
  it("a text body that fails to parse as JSON records no body problem (its type never claimed JSON)", () => {
    expect(targetsOf(h, { method: "POST", headers: [["content-type", "text/plain"]], body: "{not json" }).bodyProblem).toBe(0);
  });
  it("blocks a metadata URL in a JSON document posted as text/plain", () => {
    const v = inspect(h, { method: "POST", path: "/api/fetch", headers: [["host", "h"], ["content-type", "text/plain"]], body: '{"url":"http://169.254.169.254/latest/meta-data/"}' });
    expect(v.attack).toBe(true);
  });

  const malformed: { name: string; req: Req; problem: number }[] = [
    { name: "JSON with a bare expression", req: json('{"user": 1 OR 1=1}'), problem: 1 },
    { name: "JSON cut short", req: json('{"a":["b"'), problem: 1 },
    { name: "JSON with trailing garbage", req: json('{"a":1} x'), problem: 1 },
    { name: "XML that is not markup", req: { method: "POST", headers: [["content-type", "application/xml"]], body: "x=1" }, problem: 2 },
    { name: "multipart without its boundary", req: { method: "POST", headers: [["content-type", "multipart/form-data; boundary=B"]], body: "--C\r\n\r\nx" }, problem: 3 },
    { name: "multipart without a boundary parameter", req: { method: "POST", headers: [["content-type", "multipart/form-data"]], body: "x" }, problem: 3 },
  ];
  for (const c of malformed) {
    it(`malformed body is kept as raw text: ${c.name}`, () => {
      const out = targetsOf(h, c.req);
      expect(out.bodyProblem).toBe(c.problem);
      expect(out.targets.at(-1)).toMatchObject({ kind: "body", name: "body" });
    });
  }

  it("JSON strings end at their first unescaped quote wherever it falls (strings are scanned 8 bytes a step)", () => {
    for (let len = 0; len < 20; len++) {
      const plain = "abcdefghijklmnopqrstuvwxyz".slice(0, len);
      const escaped = plain + '"\\' + plain;
      const body = JSON.stringify({ a: plain, b: escaped, c: ["x" + plain] });
      const values = targetsOf(h, json(body)).targets.filter((t) => t.kind === "bodyValue").map((t) => `${t.name}=${t.value}`);
      expect(values, body).toEqual([...(len > 0 ? [`json:a=${plain}`] : []), `json:b=${escaped}`, `json:c.0=x${plain}`]);
      expect(targetsOf(h, json(body.slice(0, body.indexOf(plain, 6) + len))).bodyProblem, "unterminated").toBe(1);
    }
  });

  it("a deeply nested JSON body is malformed, not a crash", () => {
    const out = targetsOf(h, json("[".repeat(5000) + "]".repeat(5000)));
    expect(out.bodyProblem).toBe(1);
  });

  it("collects every target and counts every argument, however many", () => {
    const path = "/?" + Array.from({ length: 2000 }, (_, i) => `a${i}=v`).join("&");
    const out = targetsOf(h, { path });
    expect(out.targets.length).toBe(4000);
    expect(out.argCount).toBe(2000);
  });

  it("reads every XML node and every multipart part, however many", () => {
    const xml = (n: number) => ({ method: "POST", headers: [["host", "h"], ["content-type", "application/xml"]] as [string, string][],
      body: "<r>" + "<a>x</a>".repeat(n) + "<q>1&apos; OR &apos;1&apos;=&apos;1</q></r>" });
    expect(inspect(h, xml(2000)).attack).toBe(true);
    expect(inspect(h, xml(2000)).matches.some((m) => m.target === "xml:q")).toBe(true);
    const part = (name: string, extra = "") => `--B\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\nx\r\n`;
    const body = Array.from({ length: 1000 }, (_, i) => part(`a${i}`)).join("") + part("upload", '; filename="shell.php"') + "--B--\r\n";
    const names = targetsOf(h, { method: "POST", headers: [["host", "h"], ["content-type", "multipart/form-data; boundary=B"]], body }).targets.map((t) => t.name);
    expect(names).toContain("files:upload");
    expect(names.filter((n) => n.startsWith("args:a")).length).toBe(2000);
  });

  it("inspects requests with more targets than one batch holds, to the last one", () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ n: `item ${i}` }));
    for (const at of [0, 1500, 3000]) {
      const body = JSON.stringify({ items: [...items.slice(0, at), { n: "1' OR '1'='1" }, ...items.slice(at)] });
      expect(inspect(h, json(body)).attack, `attack at item ${at}`).toBe(true);
    }
    expect(inspect(h, json(JSON.stringify({ items }))).attack).toBe(false);
  });
});
