// Java attacks (rules 8000-8999): Log4Shell lookups, expression-language and
// reflection payloads, gadget-chain class names, serialized objects (raw, hex,
// base64), class-loader manipulation, XMLDecoder documents and JSP uploads.
import { withoutStackFrames } from "./java/stack-frames";
import { Rule, Category, CRITICAL, WARNING } from "../rule";
import { Sink } from "../sink";
import { Target, TargetKind } from "../target";
import { byteAt, indexOfCI, isHexDigit, isWordByte, matchesCI } from "../bytes";
import { unescapeLayers } from "./langs/unescape";
import { base64Value, decodeBase64 } from "./langs/base64";
import { fileExtensions, isUploadName } from "./langs/filenames";
import { analyseLookups, LOOKUP_JNDI, LOOKUP_OBFUSCATED } from "./java/lookups";
import { scanJavaNames, NAME_JDK, NAME_GADGET_LIBRARY, NAME_GADGET_CLASS } from "./java/names";
import { scanJavaExpression, findClassLoaderPath } from "./java/expressions";
import { findSerialized, serializedDotNet, findGzipBase64 } from "./java/serialized";
import { pickleBase64, marshalBase64 } from "./langs/deserialise";
import { DESERIALISED } from "./other";
import { WordList } from "../wordlist";

export const JAVA_RULES: Rule[] = [
  new Rule(8100, Category.Java, CRITICAL, 1, "Log4j JNDI lookup (${jndi:...}), also when spelled through nested lookups"),
  new Rule(8101, Category.Java, CRITICAL, 1, "Log4j lookup obfuscation: nested lookups resolving to single characters (${::-j}, ${lower:J})"),
  new Rule(8110, Category.Java, CRITICAL, 1, "Java expression language or reflection payload (OGNL #_memberAccess, SpEL T(...), getRuntime(), forName())"),
  new Rule(8120, Category.Java, CRITICAL, 1, "JDK class name from a sensitive package (java.lang.Runtime, java.io.*, javax.script.*)"),
  new Rule(8121, Category.Java, CRITICAL, 1, "Package of a library with known gadget chains (org.apache.commons, com.sun, org.springframework ...)"),
  new Rule(8122, Category.Java, CRITICAL, 1, "Gadget class name (commons-collections functors, Runtime/ProcessBuilder chains)"),
  new Rule(8130, Category.Java, CRITICAL, 1, "Java serialized object (AC ED 00 05 raw, hex or base64)"),
  new Rule(8131, Category.Java, CRITICAL, 1, "Base64-encoded Java class or gadget name"),
  new Rule(8132, Category.Java, WARNING, 2, "Base64-encoded gzip stream in a value (H4sI)"),
  new Rule(8133, Category.Java, CRITICAL, 1, ".NET BinaryFormatter stream in base64 (AAEAAAD/////), or a ViewState carrying one (/wEy)"),
  new Rule(8140, Category.Java, CRITICAL, 1, "Class-loader manipulation through a property path (Spring4Shell class.module.classLoader)"),
  new Rule(8150, Category.Java, CRITICAL, 1, "java.beans.XMLDecoder document (<java> with <object class=...>)"),
  new Rule(8160, Category.Java, CRITICAL, 1, "Upload of a JSP file (.jsp, .jspx, .jspf)"),
];

const JSP_EXTENSIONS = new WordList("jsp|jspx|jspf|jsw|jsv|jtml");

export function detectJava(s: Sink, t: Target): void {
  const raw = t.value;
  if (raw.byteLength == 0) return;
  if (isUploadName(t)) detectJspUpload(s, t, raw);
  let data = raw;
  let seen = census(raw);
  if (seen == 0) return;
  if (seen & HAS_ESCAPE) {
    data = unescapeLayers(t.decoded());
    if (data !== raw) seen = census(data);
  }
  if (t.gatesOpen) seen |= HAS_SERIAL;

  if (seen & HAS_LOOKUP) {
    const lookups = analyseLookups(data);
    if (lookups & LOOKUP_JNDI) s.report(8100, t, data, 0, data.byteLength, "JNDI lookup");
    else if (lookups & LOOKUP_OBFUSCATED) s.report(8101, t, data, 0, data.byteLength, "obfuscated lookup");
  }
  // the names in stack-trace frames are code locations (java/stack-frames.ts)
  const code = seen & HAS_CALL ? withoutStackFrames(data) : data;
  if (seen & HAS_CALL) {
    const expr = scanJavaExpression(code);
    if (expr.found) s.report(8110, t, data, expr.start, expr.end, expr.reason);
  }
  if ((seen & HAS_MARKUP) && (t.kind == TargetKind.Body || t.kind == TargetKind.BodyValue || t.kind == TargetKind.ArgValue)) {
    detectXmlDecoder(s, t, data);
  }
  // In an XML document the parsed text and attribute values are targets of their own;
  // element and attribute names are markup, not input a Java application resolves.
  if (t.kind == TargetKind.Body && isMarkup(data)) return;

  if (seen & HAS_PATH) {
    const names = scanJavaNames(code, false, false);
    // `java.lang.String is immutable`: a class named in a sentence without any code around it
    if (names.kind == NAME_JDK && !isProse(data)) s.report(8120, t, data, names.start, names.end, "JDK class name");
    else if (names.kind == NAME_GADGET_LIBRARY) s.report(8121, t, data, names.start, names.end, "gadget library package");
    else if (names.kind == NAME_GADGET_CLASS) s.report(8122, t, data, names.start, names.end, "gadget class name");
  }
  if (seen & (HAS_PATH | HAS_QUOTE)) {
    const cl = findClassLoaderPath(data);
    if (cl >= 0) s.report(8140, t, data, cl, cl + 40, "class loader path");
  }
  if (seen & HAS_SERIAL) {
    const ser = findSerialized(data);
    if (ser >= 0) s.report(serializedDotNet ? 8133 : 8130, t, data, ser, ser + 8, "serialization header");
    if (pickleBase64(data)) s.report(DESERIALISED, t, data, 0, min(data.byteLength, 40), "pickle stream");
    else if (marshalBase64(data)) s.report(DESERIALISED, t, data, 0, min(data.byteLength, 40), "Ruby Marshal object");
  }
  if (seen & HAS_BASE64) {
    // (the census of `data` found where the runs scanBase64Runs reads lie; held open, it reads them all)
    if (t.gatesOpen) { base64From = 0; base64To = data.byteLength; }
    scanBase64Runs(s, t, data);
    const gz = findGzipBase64(data);
    if (gz >= 0) s.report(8132, t, data, gz, gz + 16, "gzip in base64");
  }
}

function isMarkup(data: ArrayBuffer): bool {
  let i = 0;
  while (i < data.byteLength && byteAt(data, i) <= 0x20) i++;
  return i < data.byteLength && byteAt(data, i) == 0x3c;
}

// What one pass over a value found: each check below runs only when its trigger is there.
const HAS_ESCAPE: i32 = 1;   // % \ &: layered escapes to decode first
const HAS_LOOKUP: i32 = 2;   // `${`
const HAS_CALL: i32 = 4;     // ( # @: calls, OGNL, SpEL
const HAS_PATH: i32 = 8;     // . [ / : dotted names, property paths
const HAS_MARKUP: i32 = 16;  // <
const HAS_SERIAL: i32 = 32;  // 0xAC, hex or base64 runs that may open a serialization stream
const HAS_BASE64: i32 = 64;  // a run that looks like encoded text (mixed case and digits)
const HAS_QUOTE: i32 = 128;  // ' " ]: they also part a path from `classLoader` (`class']classLoader`)

/** Whether the word ending at `end` ends in -mer, -ure or -ory (Transformer, Closure, Factory). */
function endsLikeFunctor(data: ArrayBuffer, end: i32): bool {
  const a = byteAt(data, end - 3) | 0x20;
  const b = byteAt(data, end - 2) | 0x20;
  const c = byteAt(data, end - 1) | 0x20;
  return (a == 0x6d && b == 0x65 && c == 0x72) || (a == 0x75 && b == 0x72 && c == 0x65) || (a == 0x6f && b == 0x72 && c == 0x79);
}

// Byte classes for the census, filled once: one table load per byte instead of a chain of compares.
const C_B64: u8 = 1;    // base64 alphabet (standard or URL-safe)
const C_HEX: u8 = 2;    // hex digit
const C_UPPER: u8 = 4;  // A-Z
const C_LOWER: u8 = 8;  // a-z
const C_MARK: u8 = 16;  // / a A: what a serialization opening inside a run starts with (census)
const BYTE_CLASS: usize = memory.data(256);
// The HAS_* flag a punctuation byte raises (`$` is checked with the byte after it).
const BYTE_TRIGGER: usize = memory.data(256);
initCensusTables();

function initCensusTables(): void {
  for (let c: u32 = 0; c < 256; c++) {
    let k: u8 = 0;
    if (base64Value(c) >= 0) k |= C_B64;
    if (isHexDigit(c)) k |= C_HEX;
    if (c - 0x41 < 26) k |= C_UPPER;
    else if (c - 0x61 < 26) k |= C_LOWER;
    if (c == 0x2f || (c | 0x20) == 0x61) k |= C_MARK;
    store<u8>(BYTE_CLASS + <usize>c, k);
    let f = 0;
    // (0xc0 0xc1 lead overlong forms, 0xef full-width ones: `%C0%AE` is `.`, `\uFF0E` too)
    if (c == 0x25 || c == 0x5c || c == 0x26 || c == 0xc0 || c == 0xc1 || c == 0xef) f = HAS_ESCAPE;
    else if (c == 0x28 || c == 0x23 || c == 0x40) f = HAS_CALL;
    else if (c == 0x2e || c == 0x5b) f = HAS_PATH;
    else if (c == 0x3c) f = HAS_MARKUP;
    else if (c == 0x27 || c == 0x22 || c == 0x5d) f = HAS_QUOTE;
    else if (c == 0xac) f = HAS_SERIAL;
    store<u8>(BYTE_TRIGGER + <usize>c, <u8>f);
  }
}

/**
 * Whether a `.` followed by `c` may belong to a dotted name (`java.lang`) or to the separators before
 * `classLoader` (`class.'classLoader`): a name byte, another separator or a quote. The dot that ends a
 * sentence is followed by a blank or nothing.
 */
function dotOpensPath(c: u32): bool {
  return isWordByte(c) || c == 0x24 || c == 0x2e || c == 0x5b || c == 0x5d || c == 0x27 || c == 0x22;
}

/**
 * Where the first base64 run that scanBase64Runs decodes starts and where the last one ends, as the last
 * census found them (both 0: none). The census and scanBase64Runs count a run's cases and digits alike.
 */
let base64From = 0;
let base64To = 0;

export function census(data: ArrayBuffer): i32 {
  const n = data.byteLength;
  const base = changetype<usize>(data);
  let seen = 0;
  base64From = base64To = 0;
  let i = 0;
  while (i < n) {
    let c = <u32>load<u8>(base + <usize>i);
    let k = <u32>load<u8>(BYTE_CLASS + <usize>c);
    if ((k & C_B64) == 0) {
      if (c == 0x24) { if (i + 1 < n && byteAt(data, i + 1) == 0x7b) seen |= HAS_LOOKUP; }
      else if (c == 0x2e) { if (i + 1 < n && dotOpensPath(byteAt(data, i + 1))) seen |= HAS_PATH; }
      else seen |= <i32>load<u8>(BYTE_TRIGGER + <usize>c);
      i++;
      continue;
    }
    // A run of base64 bytes, read in one inner loop. The openings findSerialized and pickleBase64 look for:
    // `aced0005` after a non-hex byte, and at the start of a base64 run rO0AB KztAA Cs7QA (Java),
    // AAEAAAD///// /wEy (.NET), gA (pickle) and BA (Ruby Marshal, BAh) at the value's start.
    const runStart = i;
    const pair = c | (i + 1 < n ? <u32>load<u8>(base + <usize>(i + 1)) << 8 : 0);
    if (pair == 0x4f72 || pair == 0x7a4b || pair == 0x7343 || pair == 0x4141 || pair == 0x772f || (i == 0 && (pair == 0x4167 || pair == 0x4142))) seen |= HAS_SERIAL;
    const firstUpper = <i32>((k >> 2) & 1); // C_UPPER
    while (true) {
      // `aced0005` not right after another hex digit (the byte before a run is none)
      // and the Java openings after a `/` inside the run (a path segment: `/files/rO0AB...`)
      if (k & C_MARK) {
        if (c == 0x2f) { if (i + 2 < n && load<u16>(base + <usize>(i + 1)) == 0x4f72) seen |= HAS_SERIAL; }
        else if ((i == runStart || (load<u8>(BYTE_CLASS + <usize>load<u8>(base + <usize>(i - 1))) & C_HEX) == 0) &&
          matchesCI(data, i, "aced0005")) seen |= HAS_SERIAL;
      }
      if (++i >= n) break;
      c = <u32>load<u8>(base + <usize>i);
      k = <u32>load<u8>(BYTE_CLASS + <usize>c);
      if ((k & C_B64) == 0) break;
    }
    const len = i - runStart;
    if (len >= 8) {
      // (cases counted for the long runs only: most words are shorter)
      let uppers = 0;
      let lowers = 0;
      for (let j = runStart; j < i; j++) {
        const kj = <u32>load<u8>(BYTE_CLASS + <usize>load<u8>(base + <usize>j));
        uppers += <i32>((kj >> 2) & 1); // C_UPPER
        lowers += <i32>((kj >> 3) & 1); // C_LOWER
      }
      const digits = len - uppers - lowers; // digits and + - / _
      uppers -= firstUpper; // a capital opening the run is a word's, not evidence of encoding
      if (lowers > 0 && uppers >= 2 && (uppers + digits) * 5 >= len) {
        seen |= HAS_BASE64;
        if (len <= MAX_BASE64_RUN) {
          if (base64To == 0) base64From = runStart;
          base64To = i;
        }
      }
      if (len >= 10 && endsLikeFunctor(data, i)) seen |= HAS_PATH; // a bare InvokerTransformer, ForClosure ...
    }
  }
  return seen;
}

/**
 * Base64 runs that decode (at any of the four alignments) to Java class or gadget
 * names or a serialization header: payloads cut out of an encoded stream.
 */
function scanBase64Runs(s: Sink, t: Target, data: ArrayBuffer): void {
  const n = base64To;
  const base = changetype<usize>(data);
  let i = base64From;
  while (i < n) {
    // (the census's byte classes: C_B64 is base64Value >= 0)
    if ((<u32>load<u8>(BYTE_CLASS + <usize>load<u8>(base + <usize>i)) & C_B64) == 0) { i++; continue; }
    const start = i;
    let uppers = 0;
    let lowers = 0;
    let digits = 0;
    while (i < n) {
      const k = <u32>load<u8>(BYTE_CLASS + <usize>load<u8>(base + <usize>i));
      if ((k & C_B64) == 0) break;
      if (k & C_UPPER) { if (i > start) uppers++; }
      else if (k & C_LOWER) lowers++;
      else digits++;
      i++;
    }
    const len = i - start;
    // Encoded text mixes cases and digits throughout; words and identifiers do not. Slices
    // are short (an encoded class name); whole encoded values are decoded by the engine.
    if (len < 8 || len > MAX_BASE64_RUN || lowers == 0 || uppers < 2 || (uppers + digits) * 5 < len) continue;
    const shifts = nameRunShifts(data, start, i);
    if (shifts == 0) continue;
    for (let shift = 0; shift < 4; shift++) {
      if ((shifts & (1 << <u32>shift)) == 0) continue;
      const decoded = decodeBase64(data, start, i, shift);
      const hit = scanJavaNames(decoded, true, true);
      if (hit.kind != 0) {
        s.report(8131, t, data, start, i, "base64 Java gadget name");
        return;
      }
    }
  }
}

// The longest run scanBase64Runs decodes.
const MAX_BASE64_RUN = 96;

// The shortest name scanJavaNames can report is six bytes of a dotted name (`sun.io`).
const MIN_NAME_RUN = 6;

// @ts-ignore: decorator
@inline function isNameRunByte(c: u32): bool {
  return isWordByte(c) || c == 0x24 || c == 0x2e || c == 0x2f;
}

/**
 * Bit `shift` set when decoding [start, end) at that shift (see decodeBase64) yields MIN_NAME_RUN
 * consecutive name bytes (letters, digits, `_`, `$`, `.`, `/`): random tokens decode to bytes that
 * almost never do, so most runs are rejected here without decoding into a buffer. One pass for the
 * four shifts: shift s holds (0, 6, 4, 2) zero bits before the run, so its bytes end at bits 8k + (8, 2, 4, 6).
 */
function nameRunShifts(data: ArrayBuffer, start: i32, end: i32): u32 {
  let acc: u32 = 0;
  let bits = 0;
  let e0 = 8, e1 = 2, e2 = 4, e3 = 6;
  let r0 = 0, r1 = 0, r2 = 0, r3 = 0;
  let found: u32 = 0;
  for (let i = start; i < end && found != 15; i++) {
    acc = ((acc << 6) | <u32>base64Value(byteAt(data, i))) & 0xffffff;
    bits += 6;
    if (e0 <= bits) { r0 = isNameRunByte((acc >> <u32>(bits - e0)) & 0xff) ? r0 + 1 : 0; if (r0 >= MIN_NAME_RUN) found |= 1; e0 += 8; }
    if (e1 <= bits) { r1 = isNameRunByte((acc >> <u32>(bits - e1)) & 0xff) ? r1 + 1 : 0; if (r1 >= MIN_NAME_RUN) found |= 2; e1 += 8; }
    if (e2 <= bits) { r2 = isNameRunByte((acc >> <u32>(bits - e2)) & 0xff) ? r2 + 1 : 0; if (r2 >= MIN_NAME_RUN) found |= 4; e2 += 8; }
    if (e3 <= bits) { r3 = isNameRunByte((acc >> <u32>(bits - e3)) & 0xff) ? r3 + 1 : 0; if (r3 >= MIN_NAME_RUN) found |= 8; e3 += 8; }
  }
  return found;
}

function detectJspUpload(s: Sink, t: Target, data: ArrayBuffer): void {
  const exts = fileExtensions(data);
  for (let k = 0; k < exts.length; k++) {
    if (JSP_EXTENSIONS.hasString(exts[k])) {
      s.report(8160, t, data, 0, data.byteLength, "JSP file name ." + exts[k]);
      return;
    }
  }
}

/** `<java ...>` documents that XMLDecoder turns into object graphs and method calls. */
function detectXmlDecoder(s: Sink, t: Target, data: ArrayBuffer): void {
  const at = indexOfCI(data, "<java");
  if (at < 0) return;
  const next = at + 5 < data.byteLength ? byteAt(data, at + 5) : 0;
  if (next != 0x20 && next != 0x3e && next != 0x09 && next != 0x0a && next != 0x0d) return;
  if (indexOfCI(data, "<object", at) >= 0 || indexOfCI(data, "<void", at) >= 0 || indexOfCI(data, "class=", at) >= 0) {
    s.report(8150, t, data, at, at + 40, "XMLDecoder document");
  } else if (matchesCI(data, at, "<java version=")) {
    s.report(8150, t, data, at, at + 40, "XMLDecoder document");
  }
}

/** Words and spaces with no byte that code, markup or a payload needs (`(`, `@`, `$`, `{`, `<`, `;`, `=`, quotes, `[`). */
function isProse(data: ArrayBuffer): bool {
  let space = false;
  for (let i = 0; i < data.byteLength; i++) {
    const c = <u32>load<u8>(changetype<usize>(data) + <usize>i);
    if (c == 0x20) space = true;
    else if (c == 0x28 || c == 0x40 || c == 0x24 || c == 0x7b || c == 0x3c || c == 0x3b || c == 0x3d || c == 0x22 || c == 0x27 || c == 0x5b || c == 0x23 || c == 0x25) return false;
  }
  return space;
}
