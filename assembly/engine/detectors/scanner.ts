// Scanners (rules 15000-15999): the User-Agent of vulnerability scanners and
// attack tools, and out-of-band interaction domains (Burp Collaborator,
// interactsh, DNS loggers) that blind-injection probes plant in any value.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target, TargetKind } from "../target";
import { DOT, SLASH, AT } from "../census";
import { lowerByte } from "../bytes";
import { WordList } from "../wordlist";

export const SCANNER_RULES: Rule[] = [
  new Rule(15001, Category.Scanner, CRITICAL, 1, "User-Agent of a vulnerability scanner or attack tool (sqlmap, Nikto, Nuclei, Nessus/OpenVAS, ...)"),
  new Rule(15002, Category.Scanner, CRITICAL, 1, "Out-of-band interaction domain (Burp Collaborator, interactsh, oast.*, DNS loggers) in a value"),
];

/** Lower-case tokens found in scanner and attack-tool user agents. */
const TOOLS = new WordList(
"sqlmap|nikto|nessus|.nasl|openvas|nuclei|arachni|havij|zgrab|masscan|nmap|acunetix|netsparker|w3af|wpscan|\
dirbuster|gobuster|feroxbuster|ffuf|wfuzz|jaeles|whatweb|skipfish|paros|webinspect|appscan|commix|xsser|\
sqlninja|bsqlbf|fimap|pangolin|zmeu|morfeus|jorgee|nsauditor|brutus|metasploit|webshag|burpsuite|owasp zap|\
zaproxy|vega/|grendel-scan|struts-pwn|log4j-scan|interactsh|dirsearch|httprint|projectdiscovery|fuzz faster u fool|\
(hydra)|wapiti|dotdotpwn|tplmap|sstimap|jsql|bbqsql|crlfuzz|dalfox|xsstrike|joomscan|droopescan|cmsmap|qualys|\
webvulnscan|n-stealth|l9explore");

/** Interaction domains, matched right after a '.' or '/' (so `x.oastify.com`, `//interact.sh`). */
const OAST = new WordList(
"burpcollaborator.net|oastify.com|interact.sh|oast.fun|oast.pro|oast.live|oast.site|oast.online|oast.me|\
dnslog.cn|ceye.io|canarytokens.com|requestrepo.com|dnslog.link");

export function detectScanner(s: Sink, t: Target): void {
  const v = t.value;
  if (t.kind == TargetKind.Header && t.key == "user-agent") {
    const k = TOOLS.indexOfAnyLower(v);
    if (k >= 0) s.report(15001, t, v, k, k + 40, "scanner user agent");
  }
  if (t.kind == TargetKind.Body) return; // parsed values cover it; a raw body can be large
  if ((t.census() & (DOT | SLASH | AT)) == 0) return;
  const n = v.byteLength;
  const base = changetype<usize>(v);
  for (let i = 0; i + 6 < n; i++) {
    const c = <u32>load<u8>(base + <usize>i);
    if (c != 0x2e && c != 0x2f && c != 0x40) continue;
    const next = lowerByte(<u32>load<u8>(base + <usize>(i + 1)));
    if (next != 0x62 && next != 0x6f && next != 0x69 && next != 0x64 && next != 0x63 && next != 0x72) continue;
    for (let k = 0; k < OAST.count; k++) {
      if (OAST.code(k, 0) == next && OAST.matchesLower(k, v, i + 1)) {
        s.report(15002, t, v, max(0, i - 30), i + 30, "interaction domain");
        return;
      }
    }
  }
}
