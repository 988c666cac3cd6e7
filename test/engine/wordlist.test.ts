// Packed word lists (assembly/engine/wordlist.ts): the class itself, and the detector lists packed into it.
// The detector tables hold the first and last word of each list and the words on both sides of each
// line break of its packed string, where a lost separator or continuation would drop or merge a word.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadHarness, type Harness } from "../support/harness.js";
import { categoryIds, inspect, KIND, transform } from "../support/engine.js";

let h: Harness;
beforeAll(async () => {
  h = await loadHarness();
});

const q = (packed: string, op: string, value = "", k = 0, at = 0) => h.callString("wordListQuery", packed, op, value, k, at);

describe("WordList", () => {
  const packed = "eval|assert|MsgBox|mail from:|x";
  it.each([
    ["count", "", 0, 0, "5"],
    ["word", "", 0, 0, "eval"],
    ["word", "", 3, 0, "mail from:"],
    ["word", "", 4, 0, "x"],
    ["has", "eval", 0, 0, "true"],
    ["has", "x", 0, 0, "true"],
    ["has", "MsgBox", 0, 0, "true"],
    ["has", "msgbox", 0, 0, "false"],
    ["has", "EVAL", 0, 0, "false"],
    ["has", "eva", 0, 0, "false"],
    ["has", "evals", 0, 0, "false"],
    ["has", "eval|assert", 0, 0, "false"],
    ["has", "", 0, 0, "false"],
    ["hasLower", "EVAL", 0, 0, "true"],
    ["hasLower", "Mail From:", 0, 0, "true"],
    ["hasLower", "MsgBox", 0, 0, "false"],
    ["indexLower", "ASSERT", 0, 0, "1"],
    ["indexLower", "X", 0, 0, "4"],
    ["indexLower", "y", 0, 0, "-1"],
    ["hasString", "assert", 0, 0, "true"],
    ["hasString", "Assert", 0, 0, "false"],
    ["hasString", "assert|", 0, 0, "false"],
    ["matchesLower", "call ASSERT(1)", 1, 5, "true"],
    ["matchesLower", "call ASSERT(1)", 1, 4, "false"],
    ["matchesLower", "asser", 1, 0, "false"],
  ])("%s(%j, word %i, at %i) = %s", (op, value, k, at, expected) => {
    expect(q(packed, op, value, k, at)).toBe(expected);
  });

  it.each([
    ["Mozilla/5.0 (compatible; Nmap Scripting Engine)", "25"],
    ["python-sqlmap/1.0", "7"],
    ["SQLMAP", "0"],
    ["check_ssh.nasl", "9"],
    ["OWASP ZAP/2.14", "0"],
    ["Unmapped drive", "-1"],
    ["owasp za", "-1"],
    ["", "-1"],
  ])("indexOfAnyLower(%j) = %s: a word that begins with a letter only at a word start", (value, expected) => {
    expect(q("nmap|sqlmap|.nasl|owasp zap", "indexOfAnyLower", value)).toBe(expected);
  });

  it("finds every word of a list larger than its first hash slots, and no near miss", () => {
    const words = Array.from({ length: 300 }, (_, i) => "w" + (i * 7919).toString(36) + (i % 3 === 0 ? "_x" : ""));
    const packed = words.join("|");
    words.forEach((w, k) => {
      expect(q(packed, "has", w)).toBe("true");
      expect(q(packed, "indexLower", w.toUpperCase())).toBe(String(k));
      expect(q(packed, "indexLower", w.slice(0, -1) + "#")).toBe("-1");
      expect(q(packed, "has", w + w)).toBe("false");
    });
  });

  it("finds every word of a list, and no word with a byte changed", () => {
    const words = ["a", "ab", "abc", "b", "etc/passwd", "owasp zap", ".env", "x-y_z.1"];
    const packed = words.join("|");
    expect(q(packed, "count")).toBe(String(words.length));
    words.forEach((w, k) => {
      expect(q(packed, "word", "", k)).toBe(w);
      expect(q(packed, "has", w)).toBe("true");
      expect(q(packed, "indexLower", w.toUpperCase())).toBe(String(k));
      expect(q(packed, "has", w + "q")).toBe("false");
      expect(q(packed, "has", "q" + w.slice(1))).toBe("false");
    });
  });
});

describe("PHP function lists", () => {
  const dangerous = ["eval", "virtual", "forward_static_call", "forward_static_call_array", "preg_replace", "preg_replace_callback", "usort", "uasort",
    "putenv", "ini_set", "get_defined_vars", "get_defined_functions", "mb_send_mail", "base64_decode", "str_rot13", "convert_uudecode", "fread",
    "fgets", "chown", "chgrp", "stream_socket_client", "stream_socket_server", "posix_getpwuid", "posix_getegid", "tmpfile", "strrev"];
  const builtins = ["chr", "is_writable", "sprintf", "printf", "strval", "settype", "stripslashes", "htmlspecialchars", "bin2hex", "dechex",
    "microtime", "mktime", "fileinode", "filetype", "pathinfo", "levenshtein", "similar_text", "money_format", "number_format", "getmyuid",
    "getlastmod", "ini_get_all", "ini_restore", "class_exists", "method_exists", "gzopen", "zlib_encode", "parse_url", "json_encode",
    "proc_close", "proc_terminate", "lchgrp", "disk_free_space"];
  const prefixes = ["array", "getimage", "zlib", "gz", "xmlrpc", "libxml", "trait", "property", "intl", "grapheme", "dotnet", "var", "sqlsrv",
    "ibase", "xhprof", "xattr", "long2ip", "fsock"];
  it.each(dangerous)("%s is dangerous", (name) => expect(h.callString("phpFunctionClasses", name)).toBe("2,2"));
  it.each(builtins)("%s is a builtin", (name) => expect(h.callString("phpFunctionClasses", name)).toBe("1,1"));
  it.each(prefixes)("%s_x is a library function by its prefix", (p) => expect(h.callString("phpFunctionClasses", p + "_x")).toBe("0,1"));
  it.each(["evaluate", "chrx", "arrays_x", "x_array", "mail_"])("%s is not known", (name) => {
    expect(h.callString("phpFunctionClasses", name)).toBe("0,0");
  });
});

describe("PHP marker lists", () => {
  it.each(["allow_url_fopen", "docref_root", "disable_classes", "open_basedir", "error_log", "log_errors", "max_input_time", "post_max_size",
    "smtp", "smtp_port", "unserialize_max_depth", "unserialize_callback_func", "user_dir", "html_errors", "realpath_cache_size", "User_Ini.Filename"])(
    "%s= assigns a php.ini directive", (d) => expect(h.exports.phpIniAssignment(h.exports.__newString(d + "=1"))).toBe(1));
  it.each(["mbstring", "sys_temp_dir", "intl", "mail", "oci8", "TIDY"])("%s.x= assigns a directive of a php.ini section", (sec) => {
    expect(h.exports.phpIniAssignment(h.exports.__newString(sec + ".x = 1"))).toBe(1);
  });
  it.each(["smtps=1", "intls.x=1", "color=red"])("%s is no php.ini assignment", (v) => {
    expect(h.exports.phpIniAssignment(h.exports.__newString(v))).toBe(0);
  });
  it.each([["php://filter", 0], ["x=data://y", 2], ["read x data://y", -1], ["ssh2.sftp://h/p", 0], ["SSH2.SCP://h", 0], ["data:text/plain,x", 0], ["http://x", -1], ["phps://x", -1]])(
    "wrapper in %s at %i", (v, at) => expect(h.exports.phpWrapperAt(h.exports.__newString(v))).toBe(at));
});

describe("HTML name lists", () => {
  // [name, bits: 1 tag, 2 dangerous tag, 4 raw text, 8 dangerous attribute]
  it.each([
    ["a", 1], ["foreignobject", 1], ["cite", 1], ["code", 1], ["h2", 1], ["h3", 1], ["menu", 1], ["meter", 1], ["source", 1], ["span", 1],
    ["var", 1], ["video", 1], ["SVG", 1], ["textarea", 5], ["title", 5], ["script", 6], ["SCRIPT", 6], ["xss", 2], ["template", 5],
    ["noscript", 6], ["plaintext", 6], ["iframe", 6], ["formaction", 8], ["implementation", 8], ["seeksegmenttime", 8], ["fscommand", 8],
    ["Xlink:Href", 8], ["spans", 0], ["onclick", 0],
  ])("%s has bits %i", (name, bits) => expect(h.exports.htmlNameClass(h.exports.__newString(name)) & 15).toBe(bits));
  it.each([["scr", true], ["fram", true], ["script", false], ["abc", false]])("%s is a proper prefix of a dangerous tag: %s", (name, yes) => {
    expect((h.exports.htmlNameClass(h.exports.__newString(name)) & 16) !== 0).toBe(yes);
  });
});

describe("LFI sensitive files", () => {
  it.each(["etc/passwd", "shadow.bak", "etc/fstab", "etc/master.passwd", "etc/nginx/", "etc/environment", "etc/redhat-release", "proc/self",
    "proc/cmdline", "proc/1/", "system.ini", "windows/system32/config/", "Windows\\System32\\drivers\\", "id_ecdsa", "id_ed25519", ".zsh_history", ".history", "my.cnf", "ETC/Shadow"])(
    "%s is sensitive", (p) => expect(h.exports.lfiSensitiveLength(h.exports.__newString(p))).toBe(p.length));
  it.each([["etc/passwdx", 0], [".environment", 0], ["etc/nginx/nginx.conf", 10], ["my.cnf.bak", 6], ["etc/", 0], ["windows/system32/", 0]])("%s: %i", (p, n) => {
    expect(h.exports.lfiSensitiveLength(h.exports.__newString(p))).toBe(n);
  });
});

const ids = (r: Parameters<typeof inspect>[1]) => inspect(h, r).matches.map((m) => m.id);

describe("scanner lists", () => {
  it.each(["sqlmap", "httprint", "wpscan", "dirbuster", "xsser", "sqlninja", "OWASP ZAP", "zaproxy"])("user agent with %s", (tool) => {
    expect(ids({ headers: [["host", "svc.local"], ["user-agent", `Mozilla/5.0 (compatible; ${tool}/1.2)`]] })).toContain(15001);
  });
  // Default user agents of attack tools as they send them (each tool's name appears in its own agent string).
  it.each([
    "Fuzz Faster U Fool v2.1.0-dev",
    "Mozilla/4.0 (Hydra)",
    "Mozilla/5.0 (compatible; Wapiti/3.1.8)",
    "httpx - Open-source project (github.com/projectdiscovery/httpx)",
    "DotDotPwn v3.0.2",
    "Mozilla/5.0 (X11; Linux x86_64) jSQL-Injection/0.95",
    "Mozilla/5.0 (compatible; QualysWAS/2.0)",
  ])("default agent %s", (agent) => {
    expect(ids({ headers: [["host", "svc.local"], ["user-agent", agent]] })).toContain(15001);
  });
  it.each([
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
    "okhttp/4.12.0", "Go-http-client/2.0", "python-requests/2.32.3", "curl/8.8.0", "kube-probe/1.30", "Envoy/HC",
    "Googlebot/2.1 (+http://www.google.com/bot.html)", "HydraClient/1.0 (hydration service)",
  ])("ordinary agent %s is no scanner", (agent) => {
    expect(ids({ headers: [["host", "svc.local"], ["user-agent", agent]] })).not.toContain(15001);
  });
  it("an ordinary user agent is no scanner", () => {
    expect(ids({ headers: [["host", "svc.local"], ["user-agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0"]] })).not.toContain(15001);
  });
  it.each(["burpcollaborator.net", "dnslog.link", "oast.me", "dnslog.cn"])("interaction domain %s", (d) => {
    expect(ids({ path: `/?u=http://abc123.${d}/x` })).toContain(15002);
  });
});

describe("restricted path extensions", () => {
  it.each(["asa", "kdbx", "idc", "idq", "vbproj", "vsdisco", "BAK"])("/files/data.%s", (ext) => {
    expect(ids({ path: `/files/data.${ext}` })).toContain(1070);
  });
  it.each(["html", "kdb", "asax2"])("/files/data.%s is allowed", (ext) => {
    expect(ids({ path: `/files/data.${ext}` })).not.toContain(1070);
  });
});

const form = (body: string) => ({ method: "POST", headers: [["host", "svc.local"], ["content-type", "application/x-www-form-urlencoded"]] as [string, string][], body });
const withHeader = (name: string, value: string) => ({ headers: [["host", "svc.local"], [name, value]] as [string, string][] });

describe("protocol lists", () => {
  it.each(["GET", "unlock", "PropFind"])("request line with method %s in a value", (m) => {
    expect(ids(form(`var=aaa%0a${m}+/+HTTP/1.1`))).toContain(1060);
  });
  it("a request line needs a method", () => expect(ids(form("var=aaa%0aFETCHX+/+HTTP/1.1"))).not.toContain(1060));
  it.each(["Content-Type", "x-originating-ip", "x-forwarded-host", "X-Forwarded-Server", "via"])("%s header injected after CR/LF", (name) => {
    expect(ids(form(`var=%0d%0a${name}: x`))).toContain(1061);
  });
  it.each(["application/x-www-form-urlencoded", "application/graphql", "application/xml", "TEXT/XML", "application/grpc", "application/x-ndjson"])(
    "content type %s is allowed", (ct) => {
      expect(ids({ method: "POST", headers: [["host", "svc.local"], ["content-type", ct]], body: "x" })).not.toContain(1010);
    });
  it("an unknown content type is not", () => {
    expect(ids({ method: "POST", headers: [["host", "svc.local"], ["content-type", "application/x-unknown"]], body: "x" })).toContain(1010);
  });
  it.each([["action=x", false], ["Version=1", false], ["garbage=1", true]])("content type parameter %s malformed: %s", (p, bad) => {
    const got = ids({ method: "POST", headers: [["host", "svc.local"], ["content-type", `text/plain; ${p}`]], body: "x" });
    expect(got.includes(1011)).toBe(bad);
  });
  it.each([["action=application/json", true], ["action=model/x", true], ["action=models/x", false]])("media type in parameter %s: %s", (p, bad) => {
    const got = ids({ method: "POST", headers: [["host", "svc.local"], ["content-type", `text/plain; ${p}`]], body: "x" });
    expect(got.includes(1013)).toBe(bad);
  });
  it.each([["gzip, dcz", false], ["GZIP, *", false], ["gzip, dczz", true]])("Accept-Encoding %s bad: %s", (v, bad) => {
    expect(ids(withHeader("accept-encoding", v)).includes(1023)).toBe(bad);
  });
  it.each([["max-age=0, must-revalidate", false], ["No-Cache", false], ["max-ages=1", true]])("Cache-Control %s bad: %s", (v, bad) => {
    expect(ids(withHeader("cache-control", v)).includes(1028)).toBe(bad);
  });
  it.each([["utf-8", false], ["US-ASCII", false], ["utf-7", true]])("charset %s bad: %s", (cs, bad) => {
    const got = ids({ ...form("a=1"), headers: [["host", "svc.local"], ["content-type", `application/x-www-form-urlencoded; charset=${cs}`]] });
    expect(got.includes(1012)).toBe(bad);
  });
});

describe("NoSQL and other lists", () => {
  it.each(["ne", "out", "function", "accumulator", "NIN"])("operator $%s in an argument name", (op) => {
    expect(categoryIds(h, "nosql", `user[$${op}]`, KIND.ArgName)).toContain(12001);
  });
  it("an unknown operator is none", () => expect(categoryIds(h, "nosql", "user[$nex]", KIND.ArgName)).not.toContain(12001));
  it.each(["CAPABILITY", "IDLE", "UNSUBSCRIBE", "LIST"])("IMAP %s after a tag", (c) => {
    expect(categoryIds(h, "other", `x\r\nA1 ${c}\r\n`)).toContain(17001);
  });
  it.each(["HELO x", "TOP 1", "USER bob", "PASS x", "MAIL FROM:<a@b.c>"])("SMTP/POP3 %s on a line", (c) => {
    expect(categoryIds(h, "other", `x\r\n${c}\r\n`)).toContain(17001);
  });
  it.each(["to:", "return-path:", "BCC:"])("mail header %s in a one-line field", (hd) => {
    expect(categoryIds(h, "other", `a@b.c\r\n${hd} x@y.z`)).toContain(17002);
  });
  it.each(["contains", "unaccent", "has_key", "has_keys", "IContains"])("ORM lookup name__%s", (l) => {
    expect(categoryIds(h, "other", `name__${l}`, KIND.ArgName)).toContain(17003);
  });
  it("name__exact only compares", () => expect(categoryIds(h, "other", "name__exact", KIND.ArgName)).not.toContain(17003));
});

describe("HTML entity names", () => {
  const dec = (s: string) => Buffer.from(transform(h, "htmlDecode", Buffer.from(s)) ?? Buffer.from(s)).toString();
  it.each([["&lt;", "<"], ["&lowbar;", "_"], ["&quest;", "?"], ["&commat;", "@"], ["&LT", "<"], ["&ltscript", "<script"], ["&commat", "&commat"]])(
    "%s decodes to %s", (input, out) => expect(dec(input)).toBe(out));
});

describe("word lists in the release module (scripts/pack-word-lists.js)", () => {
  const wasm = readFileSync(new URL("../../build/meshwaf.wasm", import.meta.url));
  it.each(["etc/passwd|etc/shadow|etc/group", "chr|ord|pi|crypt|range", "a|abbr|address|area"])("holds %s as bytes, not as a UTF-16 string", (words) => {
    expect(wasm.includes(Buffer.from(words, "latin1"))).toBe(true);
    expect(wasm.includes(Buffer.from(words, "utf16le"))).toBe(false);
  });
});

describe("file, session and mail lists", () => {
  const yes = (fn: string, v: string) => h.exports[fn](h.exports.__newString(v));
  it.each([["settings.php", 1], ["ACPI", 1], ["php.ini", 1], [".boto", 1], ["uploads/Web.Config", 1], ["settings.phps", 0], ["boto", 0]])(
    "upload name %s restricted: %i", (name, r) => expect(yes("restrictedUploadName", name)).toBe(r));
  it.each([["/backup/db.sql", 8], ["/keys/server.KEY", 6], ["/a/b.dump", 3], ["/a/b.sqlx", -1]])("restricted file in %s at %i", (p, at) => {
    expect(yes("restrictedPathFileAt", p)).toBe(at);
  });
  it.each([["cfid", 1], ["Shiny-Token", 1], ["jsessionid", 1], ["cftoken", 1], ["cfids", 0], ["token", 0]])("session name %s: %i", (n, r) => {
    expect(yes("sessionName", n)).toBe(r);
  });
  it.each(["select", "quit", "search", "FETCH"])("IMAP %s after a tag in a value starting with CR/LF", (c) => {
    expect(categoryIds(h, "rce", `\r\nA1 ${c} x`).length).toBeGreaterThan(0);
  });
  it.each(["text/html", "image/svg+xml", "application/javascript", "Application/X-Javascript"])("data: URL of type %s", (type) => {
    // (an SVG counts unless its picture is plain text that runs and loads nothing: these bytes are no text)
    expect(categoryIds(h, "xss", `data:${type};base64,${type.startsWith("image/") ? "AAECAwQFBgcICQ==" : "PHN2Zz4="}`).length).toBeGreaterThan(0);
  });
  it.each(["constructor", "fromCharCode"])("{{ %s }} template marker", (m) => {
    expect(categoryIds(h, "xss", `{{ x.${m}(1) }}`).length).toBeGreaterThan(0);
  });
});

describe("shell command lists", () => {
  const flags = (name: string) => h.exports.rceCommandFlags(h.exports.__newString(name));
  // CMD_WEAK 1, CMD_STRONG 2, CMD_PREFIX 4, CMD_SHELL 8, CMD_TOPIC 16, CMD_CLIENT 32
  it.each([
    ...["whoami", "dig", "visudo", "crontab", "bitsadmin", "mshta", "bcdboot", "bcdedit", "c99", "gdb", "ansible", "ansible-config",
      "ansible-vault", "ansible-playbook", "systemctl", "openssl", "egrep", "fgrep", "htop", "chroot", "pkill", "aptitude", "poweroff",
      "reboot", "losetup", "modprobe", "WHOAMI"].map((w): [string, number] => [w, 2]),
    ...["cat", "disown", "tr", "date", "sleep", "timeout", "head", "tail", "gem", "npm", "taskset", "stdbuf", "reg", "wget.exe"].map((w): [string, number] => [w, 1]),
    ...["time", "nsenter", "flock", "stdbuf"].map((w): [string, number] => [w, 4]),
    ...["sh", "tclsh", "cmd.exe", "irb"].map((w): [string, number] => [w, 8]),
    ...["python", "reboot", "shutdown"].map((w): [string, number] => [w, 16]),
    ...["wget", "links"].map((w): [string, number] => [w, 32]),
  ])("%s has flag %i", (name, flag) => expect(flags(name) & flag).toBe(flag));
  it.each(["catalog", "whoam", "ansible-x", "python4"])("%s is no command", (name) => expect(flags(name)).toBe(0));
  // one entry per word, with the flags of every list that holds it (the table is built bucket by bucket)
  it.each([
    ["busybox", 4 | 8], ["BusyBox", 4 | 8], ["stdbuf", 1 | 4], ["python", 1 | 8 | 16], ["bash", 8 | 16], ["curl", 16 | 32],
    ["7z", 1], ["7z.exe", 1], ["zsh", 8 | 16], ["xargs", 1 | 4],
  ])("%s has exactly the flags of its lists (%i, and STRONG when listed there)", (name, want) => {
    expect(flags(name) & ~2).toBe(want);
  });
});
