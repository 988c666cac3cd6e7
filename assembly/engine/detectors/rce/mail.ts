// Mail protocol injection: a value that starts with CR/LF followed by an SMTP,
// IMAP or POP3 command line, smuggled into a mail server conversation.
import { isWordByte, isSpaceByteInline, isDigit, matchesCI, needleLength } from "../../bytes";
import { WordList } from "../../wordlist";

function at(buf: ArrayBuffer, i: i32): u32 {
  return i < buf.byteLength && i >= 0 ? <u32>load<u8>(changetype<usize>(buf) + <usize>i) : 0;
}

/** Whether `w` (a needle: bytes.ts) starts at `i` and is followed by a non-word byte. */
function word<Needle>(buf: ArrayBuffer, i: i32, w: Needle, n: i32 = 0): bool {
  n = needleLength(w, n);
  return matchesCI(buf, i, w, n) && !isWordByte(at(buf, i + n));
}

/** Whether the rest of the line after `i` is empty. */
function lineEnds(buf: ArrayBuffer, i: i32): bool {
  while (i < buf.byteLength && (at(buf, i) == 0x20 || at(buf, i) == 0x09)) i++;
  return i >= buf.byteLength || at(buf, i) == 0x0d || at(buf, i) == 0x0a;
}

function followedByNumber(buf: ArrayBuffer, i: i32): bool {
  return at(buf, i) == 0x20 && isDigit(at(buf, i + 1));
}

// IMAP commands that follow a tag.
const IMAP = new WordList(
"select|examine|create|delete|rename|subscribe|unsubscribe|list|lsub|status|append|check|close|expunge|search|\
fetch|store|copy|move|uid|login|logout|authenticate|capability|noop|starttls|idle|quit");

/** Start of the injected command line, or -1. The value must start with CR/LF. */
export function findMailCommand(buf: ArrayBuffer): i32 {
  let i = 0;
  const n = buf.byteLength;
  while (i < n && isSpaceByteInline(at(buf, i)) && at(buf, i) != 0x0d && at(buf, i) != 0x0a) i++;
  if (at(buf, i) != 0x0d && at(buf, i) != 0x0a) return -1;
  while (i < n && (at(buf, i) == 0x0d || at(buf, i) == 0x0a)) i++;
  const s = i;
  // SMTP
  if (matchesCI(buf, s, "mail from:") || matchesCI(buf, s, "rcpt to:")) return s;
  if ((word(buf, s, "ehlo") || word(buf, s, "helo") || word(buf, s, "vrfy") || word(buf, s, "expn")) && at(buf, s + 4) == 0x20) return s;
  if ((word(buf, s, "data") || word(buf, s, "quit") || word(buf, s, "rset") || word(buf, s, "noop") || word(buf, s, "starttls")) && lineEnds(buf, s + (word(buf, s, "starttls") ? 8 : 4))) return s;
  if (word(buf, s, "help") && at(buf, s + 4) == 0x20) return s;
  // POP3
  if ((word(buf, s, "retr") || word(buf, s, "dele") || word(buf, s, "list") || word(buf, s, "uidl")) && followedByNumber(buf, s + 4)) return s;
  if (word(buf, s, "top") && followedByNumber(buf, s + 3)) return s;
  if ((word(buf, s, "apop") || word(buf, s, "auth") || word(buf, s, "user") || word(buf, s, "pass")) && at(buf, s + 4) == 0x20) return s;
  // IMAP: a tag (letters and digits with at least one digit, or a single letter) and a command
  let e = s;
  let digits = 0;
  while (e < n && isWordByte(at(buf, e))) {
    if (isDigit(at(buf, e))) digits++;
    e++;
  }
  if (e > s && e - s <= 8 && (digits > 0 || e - s == 1) && at(buf, e) == 0x20) {
    for (let k = 0; k < IMAP.count; k++) if (IMAP.matchesLower(k, buf, e + 1) && !isWordByte(at(buf, e + 1 + IMAP.length(k)))) return s;
  }
  return -1;
}
