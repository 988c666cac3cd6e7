// XML bodies: element text (`xml:name`, also joined when comments, PIs or CDATA split it),
// attribute values (`xml:name@attr`), CDATA, processing instructions (`xml:?pi`), comments,
// the DOCTYPE with its entity declarations (`xml:!doctype`) and the literals of its entities
// (`xml:!entity`), with the predefined and numeric entities decoded.
// The caller also keeps the raw body as a target, so XXE detection sees the
// document as sent. Lenient: a body that does not start with '<' is malformed.
import { Targets } from "./targets";
import { safePoint } from "./safepoint";
import { TargetKind } from "../target";
import { at, ByteWriter } from "../transform/out";
import { htmlDecode } from "../transform/html";
import { indexOfCI, isWordByte } from "../bytes";

/**
 * Whether a Content-Type's media type (before any `;`) names XML as a word: `application/xml`, `text/xml`,
 * `image/svg+xml`, `application/xml-dtd`. Inside a word it names none: Office documents
 * (`application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`) are zip files.
 */
export function namesXml(ct: ArrayBuffer): bool {
  const semi = indexOfCI(ct, ";");
  const end = semi < 0 ? ct.byteLength : semi;
  for (let k = indexOfCI(ct, "xml"); k >= 0 && k + 3 <= end; k = indexOfCI(ct, "xml", k + 3)) {
    if ((k == 0 || !isWordByte(at(ct, k - 1))) && (k + 3 == end || !isWordByte(at(ct, k + 3)))) return true;
  }
  return false;
}

/** Returns -1 when the body looks like XML, else the offset of the problem. */
export function parseXml(data: ArrayBuffer, out: Targets): i32 {
  const n = data.byteLength;
  let i = 0;
  if (n >= 3 && at(data, 0) == 0xef && at(data, 1) == 0xbb && at(data, 2) == 0xbf) i = 3;
  while (i < n && isSpace(at(data, i))) i++;
  if (i >= n || at(data, i) != 0x3c) return i;
  let element = "";
  // The text and CDATA pieces between two tags (comments and PIs may split them): `pieces` from `runStart`
  let runStart = 0;
  let pieces = 0;
  // Every node is read, however many (each step moves past at least one byte): a cap would let
  // what follows it through uninspected. The engine inspects targets in batches as they come.
  while (i < n) {
    safePoint(out, data, element);
    const c = at(data, i);
    if (c != 0x3c) {
      let j = i;
      while (j < n && at(data, j) != 0x3c) j++;
      if (pieces++ == 0) runStart = i;
      addText(data, i, j, element, out);
      i = j;
      continue;
    }
    if (startsWith(data, i, "<!--")) {
      const e = indexOf(data, i + 4, "-->");
      const end = e < 0 ? n : e;
      addText(data, i + 4, end, "!comment", out);
      i = e < 0 ? n : e + 3;
    } else if (startsWith(data, i, "<![CDATA[")) {
      const e = indexOf(data, i + 9, "]]>");
      const end = e < 0 ? n : e;
      const value = data.slice(i + 9, end);
      if (pieces++ == 0) runStart = i;
      if (value.byteLength > 0) out.add(TargetKind.BodyValue, "xml:", value, value, element);
      i = e < 0 ? n : e + 3;
    } else if (startsWith(data, i, "<?")) {
      const e = indexOf(data, i + 2, "?>");
      const end = e < 0 ? n : e;
      const value = data.slice(i + 2, end);
      out.add(TargetKind.BodyValue, "xml:", value, value, "?pi");
      i = e < 0 ? n : e + 2;
    } else {
      // a tag ends the run: text that comments, PIs or CDATA sections split is one value to the application
      if (pieces > 1) addJoined(data, runStart, i, element, out);
      pieces = 0;
      if (startsWith(data, i, "<!")) {
        // DOCTYPE (with an internal subset in [...]) or a stray declaration.
        let j = i + 2;
        let bracket = 0;
        while (j < n) {
          const d = at(data, j);
          if (d == 0x5b) bracket++;
          else if (d == 0x5d) bracket--;
          else if (d == 0x3e && bracket <= 0) break;
          j++;
        }
        const value = data.slice(i, min(j + 1, n));
        out.add(TargetKind.BodyValue, "xml:", value, value, "!doctype");
        addEntityValues(data, i, min(j, n), out);
        i = j + 1;
      } else if (i + 1 < n && at(data, i + 1) == 0x2f) {
        let j = i + 2;
        while (j < n && at(data, j) != 0x3e) j++;
        i = j + 1;
      } else {
        i = tag(data, i + 1, out);
        element = lastElement;
      }
    }
  }
  if (pieces > 1) addJoined(data, runStart, n, element, out);
  return -1;
}

let lastElement = "";

/** Reads a start tag after '<'; returns the index after '>'. Sets lastElement. */
function tag(data: ArrayBuffer, i: i32, out: Targets): i32 {
  const n = data.byteLength;
  let j = i;
  while (j < n && !isSpace(at(data, j)) && at(data, j) != 0x3e && at(data, j) != 0x2f) j++;
  lastElement = String.UTF8.decode(data.slice(i, j));
  while (j < n) {
    while (j < n && isSpace(at(data, j))) j++;
    if (j >= n) break;
    const c = at(data, j);
    if (c == 0x3e) return j + 1;
    if (c == 0x2f) {
      j++;
      continue;
    }
    const nameStart = j;
    while (j < n && at(data, j) != 0x3d && at(data, j) != 0x3e && !isSpace(at(data, j))) j++;
    const nameEnd = j;
    while (j < n && isSpace(at(data, j))) j++;
    if (j >= n || at(data, j) != 0x3d) continue;
    j++;
    while (j < n && isSpace(at(data, j))) j++;
    if (j >= n) break;
    const q = at(data, j);
    let vs = j;
    let ve = j;
    if (q == 0x22 || q == 0x27) {
      vs = j + 1;
      ve = vs;
      while (ve < n && at(data, ve) != q) ve++;
      j = ve + 1;
    } else {
      while (ve < n && !isSpace(at(data, ve)) && at(data, ve) != 0x3e) ve++;
      j = ve;
    }
    if (ve > vs) {
      const attr = String.UTF8.decode(data.slice(nameStart, nameEnd));
      const raw = data.slice(vs, min(ve, n));
      const key = lastElement + "@" + attr;
      out.add(TargetKind.BodyValue, "xml:", raw, htmlDecode(raw), key);
    }
    if (nameEnd == nameStart) j++;
  }
  return n;
}

/**
 * The quoted literals of `<!ENTITY ...>` declarations in [k, end) (`xml:!entity`, references decoded):
 * the parser puts an internal entity's text wherever `&name;` appears, so it is a value like any other.
 */
function addEntityValues(data: ArrayBuffer, k: i32, end: i32, out: Targets): void {
  let inEntity = false;
  while (k < end) {
    const c = at(data, k);
    if (c == 0x3c) inEntity = startsWith(data, k, "<!ENTITY");
    else if (c == 0x3e) inEntity = false;
    else if (inEntity && (c == 0x22 || c == 0x27)) {
      let e = k + 1;
      while (e < end && at(data, e) != c) e++;
      addText(data, k + 1, e, "!entity", out);
      k = e;
    }
    k++;
  }
}

/** The text and CDATA contents of [start, end), comments and PIs left out, as one value of `key`. */
function addJoined(data: ArrayBuffer, start: i32, end: i32, key: string, out: Targets): void {
  const w = new ByteWriter(end - start);
  let i = start;
  while (i < end) {
    let j = i;
    if (at(data, i) == 0x3c) {
      // (the parser found where each ends: a comment, CDATA section or PI, and nothing else, starts with `<` in a run)
      const cdata = startsWith(data, i, "<![CDATA[");
      const pi = startsWith(data, i, "<?");
      const close = cdata ? "]]>" : pi ? "?>" : "-->";
      const e = indexOf(data, i + (cdata ? 9 : pi ? 2 : 4), close);
      j = e < 0 || e >= end ? end : e + close.length;
      if (cdata) w.copy(data, i + 9, min(j, end) - (e < 0 || e >= end ? 0 : 3));
    } else {
      while (j < end && at(data, j) != 0x3c) j++;
      w.copy(data, i, j);
    }
    i = j;
  }
  const text = w.finish();
  addText(text, 0, text.byteLength, key, out);
}

function addText(data: ArrayBuffer, start: i32, end: i32, key: string, out: Targets): void {
  while (start < end && isSpace(at(data, start))) start++;
  while (end > start && isSpace(at(data, end - 1))) end--;
  if (end <= start) return;
  const raw = data.slice(start, end);
  out.add(TargetKind.BodyValue, "xml:", raw, htmlDecode(raw), key);
}

// @ts-ignore: decorator
@inline function isSpace(c: u32): bool {
  return c == 0x20 || c == 0x0a || c == 0x0d || c == 0x09;
}

function startsWith(data: ArrayBuffer, i: i32, s: string): bool {
  if (i + s.length > data.byteLength) return false;
  for (let k = 0; k < s.length; k++) if (at(data, i + k) != <u32>s.charCodeAt(k)) return false;
  return true;
}

function indexOf(data: ArrayBuffer, from: i32, s: string): i32 {
  for (let i = from; i + s.length <= data.byteLength; i++) if (startsWith(data, i, s)) return i;
  return -1;
}
