// Java attacks (rules 8000-8999): Log4Shell lookups, expression-language and
// reflection payloads, gadget-chain class names, serialized objects (raw, hex,
// base64), class-loader manipulation, XMLDecoder documents and JSP uploads.
import { Rule, Category, CRITICAL, WARNING } from "../rule";
import { Sink } from "../sink";
import { Target, TargetKind } from "../target";
import { byteAt, indexOfCI, matchesCI } from "../bytes";
import { unescapeLayers } from "./langs/unescape";
import { base64Value, decodeBase64 } from "./langs/base64";
import { fileExtensions, isUploadName } from "./langs/filenames";
import { analyseLookups, LOOKUP_JNDI, LOOKUP_OBFUSCATED } from "./java/lookups";
import { scanJavaNames, NAME_JDK, NAME_GADGET_LIBRARY, NAME_GADGET_CLASS } from "./java/names";
import { scanJavaExpression, findClassLoaderPath } from "./java/expressions";
import { findSerializedJava, findGzipBase64 } from "./java/serialized";

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
  new Rule(8140, Category.Java, CRITICAL, 1, "Class-loader manipulation through a property path (Spring4Shell class.module.classLoader)"),
  new Rule(8150, Category.Java, CRITICAL, 1, "java.beans.XMLDecoder document (<java> with <object class=...>)"),
  new Rule(8160, Category.Java, CRITICAL, 1, "Upload of a JSP file (.jsp, .jspx, .jspf)"),
];

const JSP_EXTENSIONS: string[] = ["jsp", "jspx", "jspf", "jsw", "jsv", "jtml"];

export function detectJava(s: Sink, t: Target): void {
  const raw = t.value;
  if (raw.byteLength == 0) return;
  if (isUploadName(t)) detectJspUpload(s, t, raw);
  if (!mayHoldJava(raw)) return;
  const data = unescapeLayers(raw);

  const lookups = analyseLookups(data);
  if (lookups & LOOKUP_JNDI) s.report(8100, t, data, 0, data.byteLength, "JNDI lookup");
  else if (lookups & LOOKUP_OBFUSCATED) s.report(8101, t, data, 0, data.byteLength, "obfuscated lookup");

  const expr = scanJavaExpression(data);
  if (expr.found) s.report(8110, t, data, expr.start, expr.end, expr.reason);

  if (t.kind == TargetKind.Body || t.kind == TargetKind.BodyValue || t.kind == TargetKind.ArgValue) detectXmlDecoder(s, t, data);

  // In an XML document the parsed text and attribute values are targets of their own;
  // element and attribute names are markup, not input a Java application resolves.
  if (t.kind == TargetKind.Body && isMarkup(data)) return;

  const names = scanJavaNames(data, false, false);
  if (names.kind == NAME_JDK) s.report(8120, t, data, names.start, names.end, "JDK class name");
  else if (names.kind == NAME_GADGET_LIBRARY) s.report(8121, t, data, names.start, names.end, "gadget library package");
  else if (names.kind == NAME_GADGET_CLASS) s.report(8122, t, data, names.start, names.end, "gadget class name");

  const ser = findSerializedJava(data);
  if (ser >= 0) s.report(8130, t, data, ser, ser + 8, "serialization stream header");
  else scanBase64Runs(s, t, data);
  const gz = findGzipBase64(data);
  if (gz >= 0) s.report(8132, t, data, gz, gz + 16, "gzip in base64");

  const cl = findClassLoaderPath(data);
  if (cl >= 0) s.report(8140, t, data, cl, cl + 40, "class loader property path");
}

function isMarkup(data: ArrayBuffer): bool {
  let i = 0;
  while (i < data.byteLength && byteAt(data, i) <= 0x20) i++;
  return i < data.byteLength && byteAt(data, i) == 0x3c;
}

/** Cheap prefilter: Java payloads need punctuation or a long base64-looking run. */
function mayHoldJava(data: ArrayBuffer): bool {
  const n = data.byteLength;
  let run = 0;
  let first: u32 = 0;
  for (let i = 0; i < n; i++) {
    const c = byteAt(data, i);
    if (c == 0x2e || c == 0x24 || c == 0x23 || c == 0x40 || c == 0x28 || c == 0x3c || c == 0xac || c == 0x25 || c == 0x26 || c == 0x5c) return true;
    if (base64Value(c) >= 0) {
      if (run == 0) first = c;
      run++;
      if (run >= 8) return true;
      // rO0AB / KztAA / Cs7QA: a serialization header alone is short.
      if (run >= 5 && (first == 0x72 || first == 0x4b || first == 0x43)) return true;
    } else run = 0;
  }
  return false;
}

/**
 * Base64 runs that decode (at any of the four alignments) to Java class or gadget
 * names or a serialization header: payloads cut out of an encoded stream.
 */
function scanBase64Runs(s: Sink, t: Target, data: ArrayBuffer): void {
  const n = data.byteLength;
  let i = 0;
  while (i < n) {
    if (base64Value(byteAt(data, i)) < 0) { i++; continue; }
    const start = i;
    let uppers = 0;
    let lowers = 0;
    let digits = 0;
    while (i < n && base64Value(byteAt(data, i)) >= 0) {
      const c = byteAt(data, i);
      if (c - 0x41 < 26) { if (i > start) uppers++; }
      else if (c - 0x61 < 26) lowers++;
      else digits++;
      i++;
    }
    const len = i - start;
    // Encoded text mixes cases and digits throughout; words and identifiers do not.
    if (len < 8 || lowers == 0 || uppers < 2 || (uppers + digits) * 5 < len) continue;
    for (let shift = 0; shift < 4; shift++) {
      const decoded = decodeBase64(data, start, i, shift);
      const hit = scanJavaNames(decoded, true, true);
      if (hit.kind != 0) {
        s.report(8131, t, data, start, i, "base64 of a Java class or gadget name");
        return;
      }
    }
  }
}

function detectJspUpload(s: Sink, t: Target, data: ArrayBuffer): void {
  const exts = fileExtensions(data);
  for (let k = 0; k < exts.length; k++) {
    if (JSP_EXTENSIONS.includes(exts[k])) {
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
