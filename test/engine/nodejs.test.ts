// Node.js detector (rules 10000-10999): attack and benign tables at the default paranoia level.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { categoryIds, inspect, scanTargets } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const nodeIds = (input: string, kind = 2) => categoryIds(h, "nodejs", input, kind);

const ARG_NAME = 1;
const COOKIE = 4;
const BODY_KEY = 7;
const b64 = (s: string) => Buffer.from(s).toString("base64");

// [input, expected rule, target kind]
const attacks: [string, number, number?][] = [
  ["require('child'+'_process').execSync('id')", 10130],
  ["_$$ND_FUNC$$_function(){require('child_process').exec('id')}()", 10100],
  ["{\"rce\":\"_$$ND_FUNC$$_function (){}\"}", 10100],
  ["__js_function", 10100],
  [b64("_$$ND_FUNC$$_function()"), 10100, COOKIE],
  ["\\u0058\\u0079QkTkRfRlVOQyQkX2Z1bmN0aW9uKCkK", 10100, COOKIE],
  ["_$$\\u004e\\u0044_FUNC$$_\\u0066unction()", 10100, COOKIE],
  ["__proto__[isAdmin]", 10110, ARG_NAME],
  ["__proto__", 10110, BODY_KEY],
  ["constructor[prototype][x]", 10110, ARG_NAME],
  ["__proto__.foo=bar", 10110, COOKIE],
  ["__\\u0070\\u0072oto__.foo=bar", 10110, COOKIE],
  ['{"a":{"__proto__":{"polluted":1}}}', 10110],
  ['{"then":"$1:__proto__:then"}', 10110],
  ['{"set":"$7:Module:prototype:_compile"}', 10110],
  ["this.constructor.constructor('return process')()", 10120],
  ["''.constructor.constructor('alert(1)')()", 10120],
  ["#{require.main.constructor._load('child_process').fork('x')}", 10120],
  ["require(\"child_process\").exec('whoami')", 10130],
  ["require( 'node:fs' ).readFileSync('/etc/passwd')", 10130],
  ["#{process.binding(foo).spawn(foo2)}", 10130],
  ["process.mainModule.require('child_process')", 10130],
  ["process[req.query.a]", 10130],
  ["require[req.query.a]", 10130],
  ["lol=require;x=\"child_process\";lol(x).spawn('curl')", 10130],
  ["global.process.exit()", 10130],
  ["eval(String.fromCharCode(97,108))", 10140],
  ["new Function (\"return 1\")", 10140],
  ["setTimeout('alert(1)', 0)", 10140],
  // with no parenthesis in the value (the census skips the other eval-like calls then)
  ["x=String.fromCharCode", 10140],
  ["String%2EfromCharCode", 10140],
  ["String.\\u0066romCharCode", 10140],
  // a parenthesis that only an escape spells
  ["eval\\u0028name\\u0029", 10140],
  ["eval%28name%29", 10140],
  ["console.info(1)", 10141],
  ["console[\"info\"](1)", 10141],
  ["c\\u006fnsole.info.call(this,1)", 10141],
  ["function() { return 1 }", 10141],
  ["module.exports = {}", 10141],
  ["process.env", 10141],
  ["process[\"env\"]", 10141],
  ["process.env.DB_PASSWORD", 10141],
  ["process._linkedBinding('spawn_sync')", 10141],
  ["while(true);", 10150],
  ["while(!!\"\");", 10150],
  ["while(new Date);", 10150],
  ["while(-Infinity);", 10150],
  ["while((true)))", 10150],
  ["while(!0){}", 10150],
  ["while (1) ;", 10150],
  ["for(;;){}", 10150],
  [b64("while(true);"), 10150],
];

const benign: [string, number?][] = [
  ["const express = require('express')"],
  ["process.command_line"], // an OpenTelemetry attribute name (snake_case), not a Node member
  ["require('dotenv').config({ path: ['.env.local'] })"],
  ["dotenv.populate(process.env, parsed)"],
  ["js require('dotenv').config({ debug: process.env.DEBUG })"],
  ["assign it to `process.env`, and return an Object"],
  ["var argv = require('minimist')(process.argv.slice(2));"],
  ["It omits the unsafe keys `__proto__`, `constructor`, and `prototype`."],
  ["Previous versions had a prototype pollution bug"],
  ["You can pass an executor function to the `CancelToken` constructor"],
  ["Use Array.prototype.map for this"],
  ["while (foo) is bar."],
  // a literal false condition never loops (crs-934160-19)
  ["while(!true);"],
  ["while (false) {}"],
  ["while(0);"],
  ["Keep going while you can (it is worth it)"],
  ["process."],
  ["The function (in the mathematical sense) maps x to y"],
  ["console"],
  ["proto", ARG_NAME],
  ["constructor", ARG_NAME],
  ["sessionid1234567890abcdefABCDEF", COOKIE],
];

describe("Node.js detector", () => {
  for (const [input, id, kind] of attacks) {
    it(`flags ${JSON.stringify(input).slice(0, 60)} with ${id}`, () => {
      const r = scanTargets(h, [[kind ?? 2, "args:q", input]]);
      expect(r.matches.map((m) => m.id)).toContain(id);
      expect(r.score).toBeGreaterThanOrEqual(5);
    });
  }
  for (const [input, kind] of benign) {
    it(`leaves ${JSON.stringify(input).slice(0, 60)} alone`, () => {
      expect(nodeIds(input, kind ?? 2)).toEqual([]);
    });
  }
});

describe("prototype pollution through JSON keys", () => {
  const json = (body: string) => ({ method: "POST", path: "/api/users/7", headers: [["host", "svc.local"], ["content-type", "application/json"]] as [string, string][], body });
  const nodeMatches = (body: string) => inspect(h, json(body)).matches.filter((m) => m.category === "nodejs").map((m) => `${m.id}@${m.target}`);

  it.each([
    ['{"constructor":{"prototype":{"isAdmin":true}}}', "10110@json:constructor.prototype"],
    ['{"user":{"name":"x","constructor":{"prototype":{"role":"admin"}}}}', "10110@json:user.constructor.prototype"],
    ['{"__proto__":{"isAdmin":true}}', "10110@json:__proto__"],
  ])("flags %s", (body, match) => {
    expect(nodeMatches(body)).toContain(match);
  });

  it.each([
    '{"constructor":"Acme Builders","prototype":"v2"}',
    '{"product":{"prototype":{"name":"mock-up"}}}',
    '{"constructor":[{"prototype":1}]}',
    '{"myconstructor":{"prototype":{}}}',
    '{"constructor":{"prototypes":{}}}',
  ])("leaves %s alone", (body) => {
    expect(nodeMatches(body)).toEqual([]);
  });
});

describe("no trap on random input", () => {
  it("survives random JS-ish noise", () => {
    let seed = 4242;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = "while(for;;)!true__proto__constructor.[]{}'\"`$\\u00process:require= \t\n";
    for (let k = 0; k < 300; k++) {
      let s = "";
      const len = Math.floor(rnd() * 200);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      expect(() => scanTargets(h, [[2, "args:q", s], [1, "args", s], [4, "cookie:a", b64(s)]])).not.toThrow();
    }
  });
});
