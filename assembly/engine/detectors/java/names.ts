// Java type names as gadget chains and expression payloads use them. A dotted
// name (`java.lang.Runtime`, `org.apache.commons.collections.functors.InvokerTransformer`)
// is read segment by segment and judged by its package structure: a JDK root
// package with a sensitive subpackage, a library package known for gadget
// chains, or a class that executes, loads or instantiates code.
import { byteAt, isWordByte, lowerByte, matchesCI } from "../../bytes";
import { WordList } from "../../wordlist";

export const NAME_NONE = 0;
/** A JDK class in a package that reaches processes, files, reflection, scripting or naming. */
export const NAME_JDK = 1;
/** A package of a library that ships deserialization or expression gadgets. */
export const NAME_GADGET_LIBRARY = 2;
/** A class that is itself a gadget (commons-collections functors) or runs commands. */
export const NAME_GADGET_CLASS = 4;

// Top-level JDK packages.
const JDK_ROOTS = new WordList("java|javax|jdk|sun");
// JDK subpackages whose classes serve exploitation: exec, I/O, reflection, scripting, JNDI, RMI, beans.
const JDK_SENSITIVE = new WordList("lang|io|nio|net|rmi|beans|naming|script|management|security|reflect|misc|xml|tools|internal|corba|jndi");
// Classes that execute commands or load code, wherever they appear in a chain.
const EXEC_CLASSES = new WordList(
"runtime|processbuilder|processimpl|unixprocess|scriptenginemanager|classloader|urlclassloader|methodhandles|\
templatesimpl|jdbcrowsetimpl|xmldecoder|invokertransformer");
// Commons-collections style functors: <Kind>Transformer, <Kind>Closure, <Kind>Factory.
const FUNCTOR_KINDS = new WordList(
"invoker|chained|constant|instantiate|clone|prototypeclone|prototypeserialization|for|while|switch|map|if|\
exceptions|closure|factory|predicate");
const FUNCTOR_SUFFIXES = new WordList("transformer|closure|factory");
// Reverse-domain roots of third-party packages, and the organisations under them whose
// libraries carry gadget chains or expression engines.
const VENDOR_ROOTS = new WordList("org|com|net|bsh|ognl|groovy");
const GADGET_VENDORS = new WordList(
"apache.commons|apache.xalan|apache.xbean|apache.myfaces|apache.struts|apache.tomcat|apache.catalina|\
apache.naming|apache.wicket|apache.batik|apache.bcel|apache.ibatis|sun|omg|opensymphony|springframework|\
codehaus.groovy|mchange|alibaba.fastjson|hibernate|bea|mozilla.javascript|python.core|jboss|mvel2|rometools|\
sun.rowset|thoughtworks.xstream|fasterxml.jackson.databind|vaadin|zaxxer.hikari|caucho");

/** Case-insensitive equality of bytes [s, e) with bytes [from, to) of gadget vendor v (lower case). */
function segmentIsVendorPart(data: ArrayBuffer, s: i32, e: i32, v: i32, from: i32, to: i32): bool {
  if (e - s != to - from) return false;
  for (let k = 0; k < e - s; k++) {
    if (lowerByte(byteAt(data, s + k)) != GADGET_VENDORS.code(v, from + k)) return false;
  }
  return true;
}

/** Whether [s, e) names a functor gadget: a known kind followed by Transformer/Closure/Factory. */
export function isFunctorName(data: ArrayBuffer, s: i32, e: i32): bool {
  if (e - s < 9) return false; // shortest: "if" + "closure"
  for (let f = 0; f < FUNCTOR_SUFFIXES.count; f++) {
    const ks = e - FUNCTOR_SUFFIXES.length(f);
    if (ks <= s || !FUNCTOR_SUFFIXES.matchesLower(f, data, ks)) continue;
    return FUNCTOR_KINDS.hasLower(data, s, ks);
  }
  return false;
}

function isClassSegment(data: ArrayBuffer, s: i32, e: i32): bool {
  return EXEC_CLASSES.hasLower(data, s, e) || isFunctorName(data, s, e);
}

// @ts-ignore: decorator
@inline function isNameByte(c: u32): bool {
  return isWordByte(c) || c == 0x24; // `$` for inner classes
}

/** Result of scanning one text for names: the strongest kind and where it was. */
export class NameHit {
  kind: i32 = NAME_NONE;
  start: i32 = 0;
  end: i32 = 0;
}

const NAME_HIT = new NameHit();

const MAX_SEGMENTS = 12;
// Scratch space for one chain (the engine is single-threaded; allocated once).
const SEGMENT_STARTS = new StaticArray<i32>(MAX_SEGMENTS);
const SEGMENT_ENDS = new StaticArray<i32>(MAX_SEGMENTS);

/**
 * Scans `data` for dotted names (`/` also separates when `slashes`, as in the
 * JVM's internal names inside serialized streams). Single words count only when
 * they are gadget or exec class names and `bareWords` is set.
 */
export function scanJavaNames(data: ArrayBuffer, slashes: bool, bareWords: bool): NameHit {
  // One result object, reused: callers read it before the next scan (no allocation per target).
  const hit = NAME_HIT;
  hit.kind = NAME_NONE;
  hit.start = 0;
  hit.end = 0;
  const n = data.byteLength;
  const starts = SEGMENT_STARTS;
  const ends = SEGMENT_ENDS;
  let first = true;
  let lowerKind = NAME_NONE;
  let lowerStart = 0;
  let lowerEnd = 0;
  let i = 0;
  while (i < n) {
    const c = byteAt(data, i);
    if (!isNameByte(c) || (i > 0 && isNameByte(byteAt(data, i - 1)))) { i++; continue; }
    // Read a chain of segments separated by single dots (or slashes).
    let count = 0;
    let j = i;
    const chainStart = i;
    // every name the chain is classified by starts with a letter: numbers (`10.0.0.1`, `1.2.3`) are none
    let letters = false;
    while (j < n) {
      const s = j;
      if (byteAt(data, j) - 0x30 >= 10) letters = true;
      while (j < n && isNameByte(byteAt(data, j))) j++;
      if (count < MAX_SEGMENTS) { unchecked((starts[count] = s)); unchecked((ends[count] = j)); }
      count++;
      if (j + 1 < n && (byteAt(data, j) == 0x2e || (slashes && byteAt(data, j) == 0x2f)) && isNameByte(byteAt(data, j + 1))) {
        j++;
        continue;
      }
      break;
    }
    const segs = min(count, MAX_SEGMENTS);
    // `LLcom.sun.X;;`: a JVM type descriptor (fastjson strips any number of `L` ... `;` from an @type), the name inside
    if (j < n && byteAt(data, j) == 0x3b && byteAt(data, chainStart) == 0x4c) {
      let s0 = chainStart;
      while (s0 < j && byteAt(data, s0) == 0x4c) s0++;
      if (byteAt(data, s0) - 0x61 < 26) unchecked((starts[0] = s0));
    }
    // (a lone word shorter than ForClosure is none unless bare words count: classifyChain's first test, without the call)
    let kind = letters && (count > 1 || bareWords || j - chainStart >= 10) ? classifyChain(data, starts, ends, segs, bareWords) : NAME_NONE;
    // `com.sun.management.jmxremote.ssl=false` in a properties file, `grant codeBase "jrt:/jdk.security.jgss"` in a
    // policy: a chain all in lower case names a package or a property (Java's names are case-sensitive: `runtime` is
    // no `Runtime`), which no class loader loads. It counts as a whole value, what a class-name parameter takes
    // (`org.apache.commons`, `test=java.evil.runtime`: the last chain, first or right after `=`), not among other
    // words (every word is a chain of its own).
    lowerKind = NAME_NONE;
    if (kind != NAME_NONE && kind != NAME_GADGET_CLASS && !slashes && !hasUpper(data, chainStart, j)) {
      if (first || byteAt(data, chainStart - 1) == 0x3d) { lowerKind = kind; lowerStart = chainStart; lowerEnd = j; }
      kind = NAME_NONE;
    }
    first = false;
    if (kind > hit.kind) {
      hit.kind = kind;
      hit.start = chainStart;
      hit.end = j;
    }
    i = j > i ? j : i + 1;
  }
  if (lowerKind > hit.kind) {
    hit.kind = lowerKind;
    hit.start = lowerStart;
    hit.end = lowerEnd;
  }
  return hit;
}

function hasUpper(data: ArrayBuffer, s: i32, e: i32): bool {
  for (let k = s; k < e; k++) if (byteAt(data, k) - 0x41 < 26) return true;
  return false;
}

function classifyChain(data: ArrayBuffer, starts: StaticArray<i32>, ends: StaticArray<i32>, segs: i32, bareWords: bool): i32 {
  // A lone word matters only as a functor name (ForClosure is the shortest, 10 letters).
  if (segs == 1 && !bareWords) return ends[0] - starts[0] >= 10 && isFunctorName(data, starts[0], ends[0]) ? NAME_GADGET_CLASS : NAME_NONE;
  let kind = NAME_NONE;
  let hasClass = false;
  for (let k = 0; k < segs; k++) {
    const s = starts[k];
    const e = ends[k];
    if (isFunctorName(data, s, e)) return NAME_GADGET_CLASS;
    if (EXEC_CLASSES.hasLower(data, s, e)) hasClass = true;
  }
  if (segs == 1) return bareWords && hasClass ? NAME_GADGET_CLASS : NAME_NONE;
  // `sun.rmi.registry.registryFilter`, `javax.net.ssl.keyStorePassword`: a camelCase word after lower-case
  // segments is a property key or member; a class name is capitalised, a package never camelCase.
  if (!hasClass && isMemberName(data, starts[segs - 1], ends[segs - 1])) {
    let k = 1;
    while (k < segs && byteAt(data, starts[k]) - 0x41 >= 26) k++;
    if (k == segs) return NAME_NONE;
  }
  if (JDK_ROOTS.hasLower(data, starts[0], ends[0])) {
    // `java.lang.NullPointerException`: a throwable type, as logs and traces name it, loads or runs nothing
    const le = ends[segs - 1];
    if (!hasClass && (matchesCI(data, le - 9, "exception") || matchesCI(data, le - 5, "error"))) return NAME_NONE;
    // java.lang.X, javax.script.X ... or java.<anything>.Runtime
    if (JDK_SENSITIVE.hasLower(data, starts[1], ends[1]) || hasClass) kind = NAME_JDK;
    else if (segs >= 3) {
      for (let k = 2; k < segs; k++) if (isClassSegment(data, starts[k], ends[k])) kind = NAME_JDK;
    }
  } else if (VENDOR_ROOTS.hasLower(data, starts[0], ends[0])) {
    if (vendorMatches(data, starts, ends, segs)) kind = NAME_GADGET_LIBRARY;
  }
  if (kind == NAME_NONE && hasClass && segs >= 2) {
    // Two class names chained (`Runtime.exec...` is an expression; `ProcessBuilder.x.Runtime` a probe).
    let classes = 0;
    for (let k = 0; k < segs; k++) if (EXEC_CLASSES.hasLower(data, starts[k], ends[k])) classes++;
    if (classes >= 2) kind = NAME_GADGET_CLASS;
  }
  return kind;
}

/** A lower-case initial followed by a capital: `registryFilter`, `keyStorePassword`. */
function isMemberName(data: ArrayBuffer, s: i32, e: i32): bool {
  if (byteAt(data, s) - 0x61 >= 26) return false;
  for (let k = s + 1; k < e; k++) if (byteAt(data, k) - 0x41 < 26) return true;
  return false;
}

/** Whether segments 1.. start with one of GADGET_VENDORS (written with dots). */
function vendorMatches(data: ArrayBuffer, starts: StaticArray<i32>, ends: StaticArray<i32>, segs: i32): bool {
  for (let v = 0; v < GADGET_VENDORS.count; v++) {
    const n = GADGET_VENDORS.length(v);
    let k = 1;
    let p = 0;
    let ok = true;
    while (p < n) {
      if (k >= segs) { ok = false; break; }
      let q = p;
      while (q < n && GADGET_VENDORS.code(v, q) != 0x2e) q++;
      if (!segmentIsVendorPart(data, starts[k], ends[k], v, p, q)) { ok = false; break; }
      k++;
      p = q + 1;
    }
    if (ok) return true;
  }
  return false;
}
