// PHP detector (rules 9000-9999): attack and benign tables at the default paranoia level.
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { categoryIds, scanTargets } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const phpIds = (input: string, kind = 2) => categoryIds(h, "php", input, kind);

const PATH = 0;
const HEADER = 3;
const FILENAME = 9;

// [input, expected rule, target kind]
const attacks: [string, number, number?][] = [
  ["a:2:{i:0;O:15:\"Monolog\\Handler\":0:{}i:1;s:2:\"id\";}", 9150],
  ["<?php system('id'); ?>", 9100],
  ["<?=phpinfo()?>", 9100],
  ["''.system('id')", 9120],
  ["'.join('", 9121],
  // a named argument given a variable is PHP 8 call syntax for a function no query language has
  ["strlen(string: $x)", 9121],
  ["<?\nsystem('id');?>", 9100],
  ["test<?", 9100],
  // a call inside a block, or one whose `)` closes a condition, is still code (GraphQL look-alikes below are not)
  ["if (system($c)) { echo 1; }", 9120],
  ["count(order: $o); system($_GET['c'])", 9120],
  ["<?php\n  system('id');", 9100],
  ["[php]echo 'test';[/php]", 9100],
  ["{php}test{/php}", 9100],
  ["<?xml :echo 1;", 9100],
  ["php://filter/convert.base64-encode/resource=index.php", 9110],
  ["PHAR://phpinfo.zip/phpinfo.txt", 9110],
  ["compress.zlib://http://example.com/x.gz", 9110],
  ["expect://id", 9110],
  ["data:text/plain;base64,SSBsb3ZlIFBIUAo=", 9110],
  ["system('whoami')", 9120],
  ["eval($_POST['x'])", 9120],
  ["exec /* hidden */ ('id')", 9120],
  ["exec #c\n ('id')", 9120],
  ["@passthru('ls')", 9120],
  ["x=1; shell_exec('id');", 9120],
  ["FOOgzinflate()", 9120],
  ["Shell_exec=(bla)", 9120],
  ["I don't like gzuncompress/*comment*/()", 9120],
  ["chr(112).chr(104).chr(112)", 9121],
  ["substr($x, 1)", 9121],
  ["array_diff (", 9121, PATH],
  ["posix_getpwuid('foo', 25)", 9120],
  ["date_add()", 9121],
  ["count(", 9121],
  // a variable set earlier in the value, or indexed, is the sender's choice (a lone `filemtime($foo)` is not)
  ["count($x['a'])", 9121],
  ["$a=1;count($a)", 9121],
  ["count('a', 2)", 9121],
  ["printf(foo)", 9121],
  ["get_user('admin')", 9121],
  ["array_merge(\"a\", b)", 9121],
  ["x;`get_user()`", 9121],
  // beside the C sizeof and the Python doctest: PHP's sizeof over a variable or a literal, calls with no prompt
  ["sizeof($_GET)", 9121],
  ["sizeof(array(1))", 9121],
  ["sizeof(getcwd())", 9121],
  ["> list(range(10))", 9121],
  [">>>x;print_r(scandir(1))", 9121],
  [">>> system('id')", 9120],
  // a prompt only on the line that holds the call, at its start: not beside it, nor on another line
  ["Example:\n>>> system('id')", 9120],
  ["Example:\n>>>x;print_r(scandir(1))", 9121],
  ["see x >>> print_r(scandir(1))", 9121],
  ["see\nzz >>> $a='" + "y".repeat(230) + "';print_r(scandir(1))", 9121],
  ["notes\n>>> x = 1\n;print_r(scandir(1))", 9121],
  ["get_defined_functions()[0]", 9120],
  ["$a(1)", 9130],
  ["$_[@-_]($_[@!+_] )", 9130],
  ["${'a'}(11)", 9130],
  ["$_aB_4c[5]['d'] /*lol*/ (17)", 9130],
  ["$foo->$funcname()", 9130],
  ["Foo::$variable()", 9130],
  ["(system)('uname');", 9131],
  ["(sy.(st).em)('uname');", 9131],
  ["[system][0](ls);", 9131],
  ["(string)\"system\"('uname');", 9131],
  ["return (system)('id');", 9131],
  ["\"\\x73y\\x73tem\"(ls);", 9131],
  ["define('x', 'sys' . 'tem');(x)/* comment */('uname');", 9131],
  ["(  [  system  ][  0  ])  {/* comment */0}  (  ls  );", 9131],
  ["$_SERVER['REQUEST_URI']", 9140],
  ["$_S ERVER['x']", 9140],
  ["$GLOBALS['x']", 9140],
  ["$ {'x'}", 9141],
  ["${$a}", 9141],
  // a name in braces that is then called, indexed or dereferenced
  ["$ {system}('id')", 9141],
  ["$ {_GET}['cmd']", 9141],
  ["$\t{a}->run()", 9141],
  ["$ {phpinfo()}", 9141],
  ['O:8:"stdClass":1:{s:1:"a";i:2;}', 9150],
  ['O:+8:"stdClass":0:{}', 9150],
  // a namespaced class (its `\` counted in the length) under URL escapes, full-width forms or overlong bytes
  ["https://svc.local/view?data=a%3A2%3A%7Bi%3A0%3BO%3A15%3A%22Monolog%5CHandler%22%3A0%3A%7B%7Di%3A1%3Bs%3A2%3A%22id%22%3B%7D", 9150, HEADER],
  ["\uff41\uff1a\uff12\uff1a\uff5b\uff49\uff1a\uff10\uff1b\uff2f\uff1a\uff11\uff15\uff1a\uff02Monolog\uff3cHandler\uff02\uff1a\uff10\uff1a\uff5b\uff5d\uff49\uff1a\uff11\uff1b\uff53\uff1a\uff12\uff1a\uff02id\uff02\uff1b\uff5d", 9150],
  ["/files/O%C0%BA15%C0%BA%C0%A2Monolog%C1%9CHandler%C0%A2%C0%BA0%C0%BA%C1%BB%C1%BD", 9150, PATH],
  ["allow_url_include=On", 9160],
  ["memory_limit = 512M", 9160],
  ["opcache.jit_max_polymorphic_calls=50", 9160],
  ["shell.php", 9170, FILENAME],
  ["photo. php ", 9170, FILENAME],
  ["a.phtml", 9170, HEADER],
  ["test.php.jpg", 9170, FILENAME],
  ["fda.php5...", 9170, FILENAME],
  ["/tmp/sess_d8ew88tqmabdcokhumchy8htqm", 9171, FILENAME],
];

const benign: [string, number?][] = [
  // a shell prompt before a documentation placeholder (gcloud's command specs)
  ["To list instances, run:\n\n  $ {command} --location=us-central1\n"],
  ["$ {command} my-instance --zone=us-east1-b"],
  ["$ {parent_command} set-iam-policy"],
  ["$ {command}"],
  // C's sizeof over a type or a name (PHP's alias of count() takes an array)
  ["int* arr2 = malloc(sizeof(int));"],
  ["(sizeof (png_uint_32)) (sizeof array)"],
  ["n = sizeof(struct stat);"],
  // a Python session's prompt opens the value
  [">>> list(split_before(range(10), lambda n: n % 3 == 0))"],
  [">>> list(zip_offset('0123', 'abcdef', offsets=(0, 1)))\n[('0', 'b'), ('1', 'c')]"],
  // or, indented in a docstring, a later line
  ["Split an iterable:\n\n    >>> list(split_before(range(10), lambda n: n % 3 == 0))\n    [[0, 1, 2], [3, 4, 5]]"],
  ["Usage:\n  >>> list(range(10))\n  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]"],
  ["The system (Linux) is great"],
  // Python's str.join off a closed literal; a breakout (`'.join('`) or a dangerous call still counts
  ["s = ''.join(parts)"],
  ["names = ', '.join(sorted(users))"],
  ["query ($o: [OrderBy!]) { orders_aggregate(where: $w) { aggregate { count(order: $o) { total } sum(columns: $c) { amount } } } }"],
  ["GNU find uses the fnmatch(3) library function"],
  ["see printf(1) and strftime(3)"],
  ["Upload your file(s) here"],
  ["It must do various readdir() // calls and test the results"],
  ["const express = require('express'); app.use(express.json())"],
  ["var argv = require('minimist')(process.argv.slice(2));"],
  ["regex.exec(str) returns the match"],
  ["Price: $5 (tax included)"],
  ["Hello ${HOME}"],
  ['<?xml version="1.0" encoding="UTF-8"?><order/>'],
  ['<?xml-stylesheet type="text/xsl" href="style.xsl"?>'],
  ["[link](https://example.com)"],
  ["#if defined(__alpha__) && defined(CONFIG_PCI)"],
  ["$(document).ready(function () {})"],
  ["O'Brien"],
  ["Keep it simple: a:1, b:2"],
  ["https://docs.example/search?q=O%3A15%3A%22Monolog%5CHandler%22%20is%2015%20letters", HEADER],
  ["\uff4f\uff1a\uff4b \uff41\uff1a\uff11\uff0c \uff42\uff1a\uff12 \uff5b\uff5d"],
  ["engine noise = annoying"],
  ["Smith (Jr.) called"],
  ["report.pdf", FILENAME],
  ["php-guide.txt", FILENAME],
  ["session_notes.md", FILENAME],
  // an open tag with no code after it runs nothing (crs-933100-24, -25)
  ["<?php"],
  ["notes <?php  "],
  // functions query languages share, over bare names (langs/column-functions.ts): PromQL, OData, aggregates
  ["count(up)"],
  // a GraphQL field's named argument given a variable (PHP 8 would read a named argument the same way)
  ["count(order: $o)"],
  ["{ stats { sum(field: $f) count(order: $o) } }"],
  ["count(*)"],
  ["trim(Name) eq 'milk'"],
  // a markdown code span, and names PHP's extension prefixes only resemble, over bare names
  ["Call `get_user()` first"],
  ["Use `error_order()` or `x.count` carefully."],
  ["get_user(id)"],
  // the whole value one library call over one variable the request cannot have set (crs-933151-3)
  ["filemtime($foo)"],
  ["count( $x );"],
  // a regex's groups: the letters before `)(` are a word of their own, not a cast before a name (`email` is no `mail`)
  ["(?i)(?P<error>\\S+)(?:tenant|region|email)(cart|email|service)"],
];

describe("PHP detector", () => {
  for (const [input, id, kind] of attacks) {
    it(`flags ${JSON.stringify(input).slice(0, 60)} with ${id}`, () => {
      const r = scanTargets(h, [[kind ?? 2, kind === HEADER ? "header:x-filename" : "args:q", input]]);
      expect(r.matches.map((m) => m.id)).toContain(id);
      expect(r.score).toBeGreaterThanOrEqual(5);
    });
  }
  for (const [input, kind] of benign) {
    it(`leaves ${JSON.stringify(input).slice(0, 60)} alone`, () => {
      expect(phpIds(input, kind ?? 2)).toEqual([]);
    });
  }
  it("does not decode HTML entities for PHP (no parser decodes them in a query)", () => {
    expect(phpIds("&lt;? should not trigger")).toEqual([]);
  });
});

describe("no trap on random input", () => {
  it("survives random PHP-ish noise", () => {
    let seed = 777;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = "$_(){}[]<?php=:;'\".\\/*#@!-> \t\nsystemO:8\"exec0123";
    for (let k = 0; k < 300; k++) {
      let s = "";
      const len = Math.floor(rnd() * 200);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      expect(() => scanTargets(h, [[2, "args:q", s], [9, "files", s], [0, "path", s]])).not.toThrow();
    }
  });
});
