// PHP injection variants: code openers, command-running and code-evaluating functions with
// the evasions PHP allows (variable functions, string concatenation, backticks, case),
// superglobals, serialized objects and stream wrappers.
import fc from "fast-check";
import { mixCase, pick } from "./positions.js";

const FUNCS = ["system", "passthru", "shell_exec", "exec", "popen", "proc_open", "assert", "eval", "create_function", "call_user_func", "phpinfo"];
const ARGS = ["'id'", "$_GET['c']", "$_POST[x]", "base64_decode('aWQ=')", "\"cat /etc/passwd\"", "$_REQUEST['cmd']", "'ls -la'"];
const call = fc.tuple(pick(FUNCS), pick(ARGS), fc.nat()).map(([f, a, seed]) => `${mixCase(f, seed)}(${f === "phpinfo" ? "" : a})`);
const code = fc.oneof(
  fc.tuple(pick(["<?php ", "<?PHP ", "<?= ", "<? "]), call, pick([" ?>", ";?>", ";"])).map(([o, c, e]) => o + c + e),
  fc.tuple(pick(["';", "\";", "1;", ");", "${@"]), call, pick(["//", ";#", "}", ";"])).map(([o, c, e]) => o + c + e),
  pick([
    "<?php $f='sys'.'tem'; $f('id'); ?>", "<?php $_GET['a']($_GET['b']); ?>", "<?=`$_GET[c]`?>", "${@print(md5(1))}", "<?php echo `id`; ?>",
    "O:8:\"stdClass\":1:{s:4:\"exec\";s:2:\"id\";}", "a:2:{i:0;O:15:\"Monolog\\Handler\":0:{}i:1;s:2:\"id\";}", "<?php @eval($_POST['pass']);?>",
    "(\"sys\".\"tem\")(\"id\");", "preg_replace('/.*/e','system(\"id\")','x')", "array_map('system',array('id'))", "<?php include($_GET['p']); ?>",
    "-d allow_url_include=1 -d auto_prepend_file=php://input", "php://filter/convert.base64-encode/resource=index.php", "expect://id",
  ]),
);
export const phpAttack: fc.Arbitrary<string> = code;
export const phpBenign: fc.Arbitrary<string> = pick([
  "I use PHP for my system", "The eval period ends Friday", "exec summary: growth", "Our system (v2) is live", "include me in the list",
  "phpinfo is a function name", "a:b:c", "O: 8 points", "<p>hello</p>", "assert yourself (politely)",
]);
export const phpPositions = ["query", "form", "json", "cookie"] as ("query" | "form" | "json" | "cookie")[];
