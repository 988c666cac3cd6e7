// Other injections (rules 17000-17999): mail protocol injection (a CR/LF in a value
// followed by an IMAP, SMTP or POP3 command, or by a mail header in a one-line field)
// and ORM lookup injection (Django-style `field__relation__lookup` names that let a
// client filter on, and so leak, any related column), XPath injection (other/xpath.ts) and
// spreadsheet formula injection (other/formula.ts).
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { Target, TargetKind } from "../target";
import { byteAt, isAlpha, isDigit, isWordByte } from "../bytes";
import { WordList } from "../wordlist";
import { yamlTypeTag, pickleText } from "./langs/deserialise";
import { quotedInPage } from "./langs/fences";
import { findXPath } from "./other/xpath";
import { findFormula } from "./other/formula";
import { COLON, PIPE, QUOTE, SLASH } from "../census";

const MAIL_COMMAND: i32 = 17001;
const MAIL_HEADER: i32 = 17002;
const ORM_LOOKUP: i32 = 17003;
// (a pickle in base64 is plain words, which this detector skips: java.ts reports it with the serialized streams)
export const DESERIALISED: i32 = 17004;
const XPATH: i32 = 17005;
const FORMULA: i32 = 17006;

export const OTHER_RULES: Rule[] = [
  new Rule(MAIL_COMMAND, Category.Other, CRITICAL, 1, "IMAP/SMTP/POP3 command after a line break (mail protocol injection)"),
  new Rule(MAIL_HEADER, Category.Other, CRITICAL, 1, "mail header (To/Cc/Bcc/From/Reply-To/Subject/Content-Type) after a line break in a one-line value"),
  new Rule(ORM_LOOKUP, Category.Other, CRITICAL, 1, "ORM lookup operator in a parameter name (field__startswith, a__b__c__gte ...)"),
  new Rule(DESERIALISED, Category.Other, CRITICAL, 1, "scripting-language object to deserialise: YAML tag naming a type (!!python/object/apply:, !ruby/object:, !!javax.x.Y), Python pickle stream, Ruby Marshal object in base64"),
  new Rule(XPATH, Category.Other, CRITICAL, 1, "XPath injection: an axis step after a '/' (count(/child::node())), a union after a closed literal and predicate ('] | //*, ')] | //user/*), a document fetched from a URL (doc('http://...'), unparsed-text())"),
  new Rule(FORMULA, Category.Other, CRITICAL, 1, "spreadsheet formula injection: a value (or a cell of a CSV body) opening with = + - @ that holds a DDE link (cmd|' /C calc'!A0) or calls a function that fetches, links or runs (=HYPERLINK(, =WEBSERVICE(, =IMPORTXML(, =DDE()"),
];

/** IMAP commands: always after a tag (`A1 FETCH 1`). */
const IMAP = new WordList(
"CAPABILITY|NOOP|LOGOUT|STARTTLS|AUTHENTICATE|LOGIN|SELECT|EXAMINE|CREATE|DELETE|RENAME|SUBSCRIBE|UNSUBSCRIBE|\
LIST|LSUB|STATUS|APPEND|CHECK|CLOSE|EXPUNGE|SEARCH|FETCH|STORE|COPY|UID|MOVE|IDLE");
/** SMTP and POP3 commands: a line of their own. */
const LINE_COMMANDS = new WordList(
"HELO|EHLO|MAIL FROM:|RCPT TO:|DATA|QUIT|RSET|VRFY|EXPN|STARTTLS|AUTH LOGIN|AUTH PLAIN|RETR|DELE|STAT|USER|\
PASS|APOP|TOP");
const MAIL_HEADERS = new WordList("to:|cc:|bcc:|from:|reply-to:|subject:|content-type:|mime-version:|sender:|return-path:");
/**
 * Lookups of the Django ORM (and look-alikes) that reveal more than equality: the last
 * `__` part of a filter name. `name__exact`, `id__in` only compare, and are not listed.
 */
const LOOKUPS = new WordList(
"contains|icontains|gt|gte|lt|lte|startswith|istartswith|endswith|iendswith|range|isnull|regex|iregex|has_key|\
has_keys|has_any_keys|contained_by|overlap|search|year|month|day|week_day|date|trigram_similar|unaccent");

export function detectOther(s: Sink, t: Target): void {
  if (t.kind == TargetKind.ArgName || t.kind == TargetKind.BodyKey) {
    ormLookup(s, t, t.value);
    return;
  }
  deserialised(s, t, t.value);
  const f = findFormula(t.value, t.kind == TargetKind.Body);
  if (f >= 0) s.report(FORMULA, t, t.value, f, min(t.value.byteLength, f + 40), "spreadsheet formula");
  if (t.kind == TargetKind.Body) {
    jsonKeysInText(s, t, t.value); // JSON sent as text/plain is not parsed into keys
    return;
  }
  if (t.kind == TargetKind.Header) return;
  let buf = t.value;
  if (!hasLineBreak(buf)) {
    if (!hasPercent(buf)) return;
    buf = t.decoded();
    if (!hasLineBreak(buf)) return;
  }
  mailInjection(s, t, buf);
}

/** XPath injection (other/xpath.ts): needs `::`, `|` or `/`, so it runs with the detectors that need punctuation. */
export function detectXPath(s: Sink, t: Target): void {
  const c = t.census(); // an axis step needs `::` and `/`, a union `|` and a quote
  if ((c & (COLON | SLASH)) != (COLON | SLASH) && (c & (PIPE | QUOTE)) != (PIPE | QUOTE)) return;
  const v = t.decoded();
  const x = findXPath(v);
  if (x >= 0) s.report(XPATH, t, v, x, min(v.byteLength, x + 40), "XPath expression");
}

function deserialised(s: Sink, t: Target, buf: ArrayBuffer): void {
  const y = yamlTypeTag(buf);
  if (y >= 0) s.report(DESERIALISED, t, buf, y, min(buf.byteLength, y + 40), "YAML type tag");
  else if (pickleText(buf)) s.report(DESERIALISED, t, buf, 0, min(buf.byteLength, 40), "pickle stream");
}

function hasLineBreak(buf: ArrayBuffer): bool {
  const base = changetype<usize>(buf);
  for (let i = 0; i < buf.byteLength; i++) {
    const c = load<u8>(base + <usize>i);
    if (c == 0x0a || c == 0x0d) return true;
  }
  return false;
}

function hasPercent(buf: ArrayBuffer): bool {
  const base = changetype<usize>(buf);
  for (let i = 0; i < buf.byteLength; i++) if (load<u8>(base + <usize>i) == 0x25) return true;
  return false;
}

function mailInjection(s: Sink, t: Target, buf: ArrayBuffer): void {
  const len = buf.byteLength;
  // The first line: a one-line field (an address, a subject) has no spaces to speak of.
  let firstEnd = 0;
  while (firstEnd < len && byteAt(buf, firstEnd) != 0x0d && byteAt(buf, firstEnd) != 0x0a) firstEnd++;
  let spaces = 0;
  for (let i = 0; i < firstEnd; i++) if (byteAt(buf, i) == 0x20) spaces++;
  const oneLineField = firstEnd < 256 && spaces <= 3;
  for (let i = 0; i < len; i++) {
    const c = byteAt(buf, i);
    if (c != 0x0a && c != 0x0d) continue;
    let j = i + 1;
    while (j < len && (byteAt(buf, j) == 0x0a || byteAt(buf, j) == 0x0d)) j++;
    if (j >= len) return;
    i = j - 1;
    if (isImapCommand(buf, j) || (oneLineField && isLineCommand(buf, j))) {
      s.report(MAIL_COMMAND, t, buf, j, min(len, j + 40), "mail protocol command after a line break");
      return;
    }
    if (oneLineField && isMailHeader(buf, j) && !quotedInPage(t.origin, buf, j)) {
      s.report(MAIL_HEADER, t, buf, j, min(len, j + 40), "mail header injected after a line break");
      return;
    }
  }
}

/** `tag SP COMMAND` with an alphanumeric tag of up to 12 characters and an upper-case command. */
function isImapCommand(buf: ArrayBuffer, j: i32): bool {
  const len = buf.byteLength;
  let k = j;
  let digits = 0;
  while (k < len && k - j < 12 && (isAlpha(byteAt(buf, k)) || isDigit(byteAt(buf, k)) || byteAt(buf, k) == 0x2e)) {
    if (isDigit(byteAt(buf, k))) digits++;
    k++;
  }
  // Tags such as A001 or V100 carry a digit; "THE LIST" in shouted prose does not.
  if (k == j || digits == 0 || k >= len || byteAt(buf, k) != 0x20) return false;
  return commandAt(IMAP, buf, k + 1);
}

function isLineCommand(buf: ArrayBuffer, j: i32): bool {
  return commandAt(LINE_COMMANDS, buf, j);
}

/** An upper-case command from `list` at `j`, ending the line or followed by a space (or ending in `:`). */
function commandAt(list: WordList, buf: ArrayBuffer, j: i32): bool {
  const len = buf.byteLength;
  for (let k = 0; k < list.count; k++) {
    const n = list.length(k);
    if (j + n > len) continue;
    let m = 0;
    while (m < n && byteAt(buf, j + m) == list.code(k, m)) m++;
    if (m != n) continue;
    if (list.code(k, n - 1) == 0x3a) return true;
    const e = j + n;
    if (e == len || byteAt(buf, e) == 0x0d || byteAt(buf, e) == 0x0a || byteAt(buf, e) == 0x20) return true;
  }
  return false;
}

function isMailHeader(buf: ArrayBuffer, j: i32): bool {
  for (let k = 0; k < MAIL_HEADERS.count; k++) {
    if (MAIL_HEADERS.matchesLower(k, buf, j)) return true;
  }
  return false;
}

/** Quoted keys (`"a__b": ...`) in an unparsed body. */
function jsonKeysInText(s: Sink, t: Target, buf: ArrayBuffer): void {
  const len = buf.byteLength;
  let i = 0;
  while (i + 1 < len && !(byteAt(buf, i) == 0x5f && byteAt(buf, i + 1) == 0x5f)) i++;
  if (i + 1 >= len) return;
  i = 0;
  while (i < len) {
    if (byteAt(buf, i) != 0x22) { i++; continue; }
    let j = i + 1;
    while (j < len && j - i < 256 && byteAt(buf, j) != 0x22) j++;
    if (j >= len || byteAt(buf, j) != 0x22) return;
    let k = j + 1;
    while (k < len && k - j < 8 && byteAt(buf, k) <= 0x20) k++;
    if (k < len && byteAt(buf, k) == 0x3a && j - i > 4) {
      ormLookup(s, t, buf.slice(i + 1, j));
      if (s.score > 0 && s.matches[s.matches.length - 1].rule.id == ORM_LOOKUP) return;
    }
    i = j + 1;
  }
}

/** `name__lookup` or `a__b__lookup`: identifier parts joined by `__`, the last one an ORM lookup. */
function ormLookup(s: Sink, t: Target, buf: ArrayBuffer): void {
  const len = buf.byteLength;
  if (len < 4 || len > 256) return;
  let lastSep = -1;
  let parts = 1;
  for (let i = 0; i < len; i++) {
    const c = byteAt(buf, i);
    if (c == 0x5f && i + 1 < len && byteAt(buf, i + 1) == 0x5f) {
      if (i == 0) return; // `__proto__`, `__utma`: not a lookup
      lastSep = i + 2;
      parts++;
      i++;
      continue;
    }
    if (!isWordByte(c)) return;
  }
  if (lastSep < 0 || lastSep >= len) return;
  if (parts > 2) {
    // Following relations (`user__profile__city`) reaches columns of other tables.
    s.report(ORM_LOOKUP, t, buf, 0, len, "ORM lookup across relations");
    return;
  }
  if (LOOKUPS.hasLower(buf, lastSep, len)) s.report(ORM_LOOKUP, t, buf, 0, len, "ORM lookup operator");
}
