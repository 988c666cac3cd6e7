// Server-side template injection variants: the delimiters of the common engines (Jinja2/Twig
// {{ }}, {% %}; FreeMarker/Velocity/Thymeleaf ${ } #{ } *{ } #set; ERB/JSP <%= %>; Smarty {php})
// around expressions that reach the engine's internals or run commands.
import fc from "fast-check";
import { pick } from "./positions.js";

const JINJA = [
  "''.__class__.__mro__[1].__subclasses__()", "config.items()", "request.application.__globals__.__builtins__.__import__('os').popen('id').read()",
  "cycler.__init__.__globals__.os.popen('id').read()", "lipsum.__globals__['os'].popen('id').read()", "self._TemplateReference__context.cycler.__init__.__globals__.os",
  "url_for.__globals__.current_app.config", "get_flashed_messages.__globals__", "''.__class__.__base__.__subclasses__()[40]('/etc/passwd').read()",
  "request|attr('application')|attr('\\x5f\\x5fglobals\\x5f\\x5f')", "_self.env.registerUndefinedFilterCallback('exec')", "_self.env.getFilter('id')", "['id']|filter('system')",
  "7*7", "7*'7'", "namespace.__init__.__globals__.os.popen('id').read()",
];
const JAVA_EL = [
  "T(java.lang.Runtime).getRuntime().exec('id')", "7*7", "\"freemarker.template.utility.Execute\"?new()(\"id\")", "product.getClass().forName('java.lang.Runtime')",
  "''.class.forName('java.lang.Runtime').getRuntime().exec('id')", "new java.util.Scanner(T(java.lang.Runtime).getRuntime().exec('id').getInputStream()).next()",
];
const attack = fc.oneof(
  fc.tuple(pick(JINJA), pick(["{{", "{{ ", "{{-"])).map(([e, o]) => `${o}${e}${o.includes("-") ? "-}}" : o.endsWith(" ") ? " }}" : "}}"}`),
  fc.tuple(pick(JAVA_EL), pick(["${", "#{", "*{", "@{", "[[${"])).map(([e, o]) => `${o}${e}}${o === "[[${" ? "]]" : ""}`),
  pick([
    "{% import os %}{{ os.popen('id').read() }}", "{% for c in [].__class__.__base__.__subclasses__() %}{% if c.__name__=='catch_warnings' %}{{ c.__init__.__globals__['__builtins__'].eval(\"__import__('os').popen('id').read()\") }}{% endif %}{% endfor %}",
    "<%= 7*7 %>", "<%= `id` %>", "<%= system('id') %>", "<%= File.open('/etc/passwd').read %>", "#set($x=$class.inspect('java.lang.Runtime').type.getRuntime().exec('id'))",
    "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}", "{php}echo `id`;{/php}", "{system('id')}", "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('id')\")()}}",
    "#{7*7}", "${7*7}", "{{7*7}}", "${{7*7}}", "{{= 7*7 }}", "<%- global.process.mainModule.require('child_process').execSync('id') %>",
  ]),
);
export const sstiAttack: fc.Arbitrary<string> = attack;
export const sstiBenign: fc.Arbitrary<string> = pick([
  "Hello {{ name }}, welcome back", "Total: ${total}", "7*7 = 49, easy maths", "The price is #{price} in Ruby strings",
  "{{ user.first_name|title }}", "Meeting at 7*7 street", "Your code is {code}", "${HOME}/bin in your PATH",
  "I rated it {{5 stars}}", "${{ secrets.TOKEN }} in GitHub Actions", "email me: a@b.c",
]);
export const sstiPositions = ["query", "form", "json", "cookie"] as ("query" | "form" | "json" | "cookie")[];
