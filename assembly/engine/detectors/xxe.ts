// XML external entities (rules 14000-14999): DTDs that pull in external resources
// or declare entities (`<!DOCTYPE x SYSTEM "...">`, `<!ENTITY % p SYSTEM "...">`),
// XInclude, remote schema locations, and XML that declares UTF-7 to hide its markup.
// Looked for in XML bodies and in any value that carries XML.
import { Rule, Category, CRITICAL, ERROR } from "../rule";
import { Sink } from "../sink";
import { Target } from "../target";
import { BANG, COLON, PERCENT, AMP, QUESTION, SLASH, DIGIT } from "../census";
import { WordList } from "../wordlist";
import { byteAt, byteTable, indexOfCI, isWordByte, isSpaceByte, matchesCI, needleLength } from "../bytes";

const XXE_EXTERNAL_ENTITY: i32 = 14001;
const XXE_DOCTYPE_EXTERNAL: i32 = 14002;
const XXE_XINCLUDE: i32 = 14003;
const XXE_SCHEMA_LOCATION: i32 = 14004;
const XXE_UTF7: i32 = 14005;
const XXE_ENTITY_DECL: i32 = 14006;
const XXE_EXPANSION: i32 = 14007;
const XXE_XSLT: i32 = 14008;

export const XXE_RULES: Rule[] = [
  new Rule(XXE_EXTERNAL_ENTITY, Category.Xxe, CRITICAL, 1, "external or parameter entity declaration (<!ENTITY x SYSTEM/PUBLIC ...>, <!ENTITY % p ...>)"),
  new Rule(XXE_DOCTYPE_EXTERNAL, Category.Xxe, CRITICAL, 1, "DOCTYPE with an external DTD (SYSTEM, or PUBLIC outside w3.org)"),
  new Rule(XXE_XINCLUDE, Category.Xxe, CRITICAL, 1, "XInclude (xi:include, the XInclude namespace)"),
  new Rule(XXE_SCHEMA_LOCATION, Category.Xxe, CRITICAL, 1, "xsi:schemaLocation / noNamespaceSchemaLocation pointing at a remote URL"),
  new Rule(XXE_UTF7, Category.Xxe, CRITICAL, 1, "XML declared as UTF-7 (hides markup from filters)"),
  new Rule(XXE_ENTITY_DECL, Category.Xxe, ERROR, 1, "internal entity declaration in a DOCTYPE (entity expansion)"),
  new Rule(XXE_EXPANSION, Category.Xxe, CRITICAL, 1, "entity whose value repeats entity references (billion laughs expansion bomb)"),
  new Rule(XXE_XSLT, Category.Xxe, CRITICAL, 1, "XSLT that reads files or the processor (<xsl:...> with document(), unparsed-text(), system-property(), php:function)"),
];

/** What an injected stylesheet reads: documents and text by URL, the processor's properties, PHP functions. */
const XSLT_READS = new WordList("document(|unparsed-text|system-property(|php:function");

export function detectXxe(s: Sink, t: Target): void {
  // `!` (DOCTYPE, ENTITY), `:` (xi:include, xsi:), `%`/`&` (encoded), `?` (<?xml), or `/` with digits
  // (`xmlns="//www.w3.org/2001/XInclude"`: the namespace needs no scheme).
  const c = t.census();
  if ((c & (BANG | COLON | PERCENT | AMP | QUESTION)) == 0 && (c & (SLASH | DIGIT)) != (SLASH | DIGIT)) return;
  let buf = t.value;
  if (t.decoded() != buf) buf = t.decoded();
  scan(s, t, buf);
  const html = t.htmlDecoded();
  if (html != buf) scan(s, t, html);
}

// The bytes each marker the scan looks for is anchored on: `!` (!ENTITY, <!DOCTYPE), `:` (xi:include),
// `/` (/2001/XInclude), `=` (schemaLocation=) and `?` (<?xml).
const ANCHORS = byteTable("!:/=?");

/**
 * Whether `buf` holds a marker scan() starts from: one pass with a table, each anchor byte checked
 * for its marker in place. Prose and code have `!` `:` `/` `=` `?` but almost never these words.
 */
export function mayHoldXxe(buf: ArrayBuffer): bool {
  const base = changetype<usize>(buf);
  const n = buf.byteLength;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(base + <usize>i);
    if (unchecked(ANCHORS[c]) == 0) continue;
    if (c == 0x21) { if (matchesCI(buf, i, "!entity") || matchesCI(buf, i - 1, "<!doctype")) return true; }
    else if (c == 0x3a) { if (matchesCI(buf, i - 2, "xi:include") || matchesCI(buf, i - 4, "<xsl:")) return true; }
    else if (c == 0x2f) { if (matchesCI(buf, i, "/2001/xinclude")) return true; }
    else if (c == 0x3f) { if (matchesCI(buf, i - 1, "<?xml")) return true; }
    else { // `=`: schemaLocation and blanks before it
      let k = i;
      while (k > 0 && isSpaceByte(<u32>load<u8>(base + <usize>(k - 1)))) k--;
      if (matchesCI(buf, k - 14, "schemalocation")) return true;
    }
  }
  return false;
}

function scan(s: Sink, t: Target, buf: ArrayBuffer): void {
  if (!t.gatesOpen && !mayHoldXxe(buf)) return;
  const len = buf.byteLength;
  // Entities: `!ENTITY` (with or without `<`: CRS reads the fragment alone too).
  for (let i = indexOfCI(buf, "!entity"); i >= 0; i = indexOfCI(buf, "!entity", i + 7)) {
    let j = skipSpaces(buf, i + 7);
    let parameter = false;
    if (j < len && byteAt(buf, j) == 0x25) { parameter = true; j = skipSpaces(buf, j + 1); }
    while (j < len && !isSpaceByte(byteAt(buf, j)) && byteAt(buf, j) != 0x3e) j++; // the name
    j = skipSpaces(buf, j);
    if (matchesCI(buf, j, "system") || matchesCI(buf, j, "public")) {
      s.report(XXE_EXTERNAL_ENTITY, t, buf, i, min(len, j + 60), "external entity");
      return;
    }
    if (parameter) {
      s.report(XXE_EXTERNAL_ENTITY, t, buf, i, min(len, j + 60), "parameter entity");
      return;
    }
    s.report(XXE_ENTITY_DECL, t, buf, i, min(len, j + 60), "entity declaration");
    // <!ENTITY b "&a;&a;&a;&a;">: each level multiplies the one below (billion laughs)
    let refs = 0;
    for (let k = j + 1; k < len && k < j + 512 && byteAt(buf, k) != 0x3e; k++) if (byteAt(buf, k) == 0x26 && byteAt(buf, k + 1) != 0x23) refs++;
    if (refs >= 4) s.report(XXE_EXPANSION, t, buf, i, min(len, j + 60), "entity expansion bomb");
  }
  for (let i = indexOfCI(buf, "<!doctype"); i >= 0; i = indexOfCI(buf, "<!doctype", i + 9)) doctype(s, t, buf, i);
  if (indexOfCI(buf, "xi:include") >= 0 || indexOfCI(buf, "/2001/xinclude") >= 0) {
    s.report(XXE_XINCLUDE, t, buf, 0, min(len, 60), "XInclude");
  }
  const loc = indexOfCI(buf, "schemalocation");
  if (loc >= 0) {
    let j = loc + 14;
    j = skipSpaces(buf, j);
    if (j < len && byteAt(buf, j) == 0x3d) {
      j = skipSpaces(buf, j + 1);
      if (j < len && (byteAt(buf, j) == 0x22 || byteAt(buf, j) == 0x27)) j++;
      if (remoteSchema(buf, j)) s.report(XXE_SCHEMA_LOCATION, t, buf, loc, min(len, loc + 80), "remote schema");
    }
  }
  // an injected stylesheet: the processor reads files, URLs or its own properties for the attacker
  const xsl = indexOfCI(buf, "<xsl:");
  if (xsl >= 0 && XSLT_READS.indexOfAnyLower(buf) >= 0) {
    s.report(XXE_XSLT, t, buf, xsl, min(len, xsl + 80), "XSLT injection");
  }
  const decl = indexOfCI(buf, "<?xml");
  if (decl >= 0) {
    const enc = indexOfCI(buf, "encoding", decl);
    if (enc >= 0 && enc - decl < 80) {
      let j = skipSpaces(buf, enc + 8);
      if (j < len && byteAt(buf, j) == 0x3d) j = skipSpaces(buf, j + 1);
      if (j < len && (byteAt(buf, j) == 0x22 || byteAt(buf, j) == 0x27)) j++;
      if (matchesCI(buf, j, "utf-7") || matchesCI(buf, j, "utf7")) s.report(XXE_UTF7, t, buf, decl, min(len, j + 8), "XML declared as UTF-7");
    }
  }
}

/**
 * `<!DOCTYPE name SYSTEM "uri">`, `<!DOCTYPE name PUBLIC "id" "uri">`: external unless the DTD it names
 * loads nothing an attacker chooses (see inertSystemId) and no internal subset follows.
 */
function doctype(s: Sink, t: Target, buf: ArrayBuffer, i: i32): void {
  const len = buf.byteLength;
  let j = skipSpaces(buf, i + 9);
  while (j < len && !isSpaceByte(byteAt(buf, j)) && byteAt(buf, j) != 0x3e && byteAt(buf, j) != 0x5b) j++;
  j = skipSpaces(buf, j);
  const system = matchesCI(buf, j, "system");
  if (!system && !matchesCI(buf, j, "public")) return;
  let k = skipSpaces(buf, j + 6);
  // PUBLIC: the public identifier names the DTD to a catalog; the system literal after it is what is fetched
  if (!system) k = skipSpaces(buf, literalEnd(buf, k));
  const q = literalEnd(buf, k);
  const c = k < len ? byteAt(buf, k) : 0;
  const quoted = q > k && (c == 0x22 || c == 0x27);
  // PUBLIC with no system literal (`<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN">`) fetches nothing
  const r = skipSpaces(buf, q);
  // an internal subset after the DTD (`[ ... ]`) can redeclare what it declares: still external
  const inert = quoted ? inertSystemId(buf, k + 1, q - 1) && (r >= len || byteAt(buf, r) != 0x5b) : !system && c == 0x3e;
  if (!inert) {
    s.report(XXE_DOCTYPE_EXTERNAL, t, buf, i, min(len, j + 60), "external DTD");
  }
}

/** The end of the quoted literal at `k` (after its closing quote), or `k` when none is there. */
function literalEnd(buf: ArrayBuffer, k: i32): i32 {
  const len = buf.byteLength;
  if (k >= len) return k;
  const quote = byteAt(buf, k);
  if (quote != 0x22 && quote != 0x27) return k;
  for (let e = k + 1; e < len && e < k + 300; e++) if (byteAt(buf, e) == quote) return e + 1;
  return k;
}

/**
 * Whether the system id in [a, b) loads nothing an attacker picks: a w3.org DTD (XHTML, SVG), a `urn:`
 * name that only a catalog resolves (`urn:fontconfig:fonts.dtd`, no path in it), or a relative `.dtd` file beside the
 * document (`../fonts.dtd`). Any other scheme, `//host`, an absolute or drive path, `\\share`, an
 * escape (`%`, `&`) or a file that is not a DTD (`../../etc/passwd`) is external.
 */
function inertSystemId(buf: ArrayBuffer, a: i32, b: i32): bool {
  if (matchesCI(buf, a, "http://www.w3.org/") || matchesCI(buf, a, "https://www.w3.org/")) return true;
  if (b - a < 5 || !matchesCI(buf, b - 4, ".dtd")) return false;
  const urn = matchesCI(buf, a, "urn:");
  if (byteAt(buf, a) == 0x2f) return false;
  for (let k = urn ? a + 4 : a; k < b; k++) {
    const c = byteAt(buf, k);
    if (!(isWordByte(c) || c == 0x2e || c == 0x2d || (urn ? c == 0x3a : c == 0x2f))) return false;
  }
  return true;
}

/** Whether the schemaLocation value at `j` names an http(s) or protocol-relative URL outside w3.org. */
function remoteSchema(buf: ArrayBuffer, j: i32): bool {
  const end = min(buf.byteLength, j + 300);
  for (let k = j; k + 4 < end; k++) {
    const c = byteAt(buf, k);
    if (c == 0x22 || c == 0x27) break;
    if ((k == j || isSpaceByte(byteAt(buf, k - 1))) && (matchesCI(buf, k, "http") || matchesCI(buf, k, "//")) &&
        indexOfCIBetween(buf, k, min(end, k + 20), "www.w3.org/") < 0) {
      return true;
    }
  }
  return false;
}

function indexOfCIBetween<Needle>(buf: ArrayBuffer, from: i32, to: i32, needle: Needle, n: i32 = 0): i32 {
  n = needleLength(needle, n);
  for (let i = from; i + n <= to; i++) if (matchesCI(buf, i, needle, n)) return i;
  return -1;
}

function skipSpaces(buf: ArrayBuffer, j: i32): i32 {
  const end = min(buf.byteLength, j + 64);
  while (j < end && isSpaceByte(byteAt(buf, j))) j++;
  return j;
}
