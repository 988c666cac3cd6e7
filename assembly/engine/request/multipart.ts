// multipart/form-data bodies (RFC 7578): each part's field value is an argument
// (`args:NAME`), its file name a target (`files:NAME`), its other headers targets
// (`multipart:content-type`); a quoted-printable field is decoded, a base64 one's lines joined. Lenient about LF-only
// line ends; a body that does not start with the boundary, or a part without headers, is
// malformed.
import { safePoint } from "./safepoint";
import { parseJson, opensJson, unescape } from "./json";
import { Targets } from "./targets";
import { TargetKind } from "../target";
import { at } from "../transform/out";
import { indexOfCI, matchesCI, lowerAscii, equalBytes, needleLength } from "../bytes";
import { qpDecode } from "../transform/qp";
import { namesXml } from "./xml";

/** The boundary parameter of a Content-Type value, or null. */
export function boundaryOf(contentType: ArrayBuffer): ArrayBuffer | null {
  const k = indexOfCI(contentType, "boundary=");
  if (k < 0) return null;
  let start = k + 9;
  const n = contentType.byteLength;
  let end = start;
  if (start < n && at(contentType, start) == 0x22) {
    start++;
    end = start;
    while (end < n && at(contentType, end) != 0x22) end++;
  } else {
    while (end < n && at(contentType, end) != 0x3b && at(contentType, end) != 0x20 && at(contentType, end) != 0x2c) end++;
  }
  if (end <= start || end - start > 200) return null;
  return contentType.slice(start, end);
}

/** Parses the body; returns -1 when well formed, else the offset of the problem. */
export function parseMultipart(data: ArrayBuffer, boundary: ArrayBuffer, out: Targets, truncated: bool): i32 {
  const n = data.byteLength;
  const bl = boundary.byteLength;
  // Preamble is allowed before the first delimiter, but a body without one is malformed.
  let pos = findDelimiter(data, boundary, 0);
  if (pos < 0) return 0;
  // Every part is read, however many (each moves past its delimiter): a cap would let what
  // follows it through uninspected.
  for (;;) {
    safePoint(out, data, null, boundary);
    let i = pos + 2 + bl;
    if (i + 1 < n && at(data, i) == 0x2d && at(data, i + 1) == 0x2d) return -1; // closing delimiter
    // Rest of the delimiter line (transport padding), then the line end.
    while (i < n && (at(data, i) == 0x20 || at(data, i) == 0x09)) i++;
    if (i < n && at(data, i) == 0x0d) i++;
    if (i < n && at(data, i) == 0x0a) i++;
    else return truncated ? -1 : i;
    const next = findDelimiter(data, boundary, i);
    if (next < 0) return truncated ? -1 : i;
    let contentEnd = next;
    // The line end before the delimiter belongs to it.
    if (contentEnd > i && at(data, contentEnd - 1) == 0x0a) contentEnd--;
    if (contentEnd > i && at(data, contentEnd - 1) == 0x0d) contentEnd--;
    if (!parsePart(data, i, contentEnd, out)) return i;
    pos = next;
  }
  return -1;
}

/** Index of the next `--boundary` at a line start (or at `from` == 0), or -1. */
function findDelimiter(data: ArrayBuffer, boundary: ArrayBuffer, from: i32): i32 {
  const n = data.byteLength;
  const bl = boundary.byteLength;
  const b0 = at(boundary, 0);
  for (let i = from; i + 2 + bl <= n; i++) {
    if (at(data, i) != 0x2d || at(data, i + 1) != 0x2d || at(data, i + 2) != b0) continue;
    if (i > 0 && at(data, i - 1) != 0x0a) continue;
    if (equalBytes(changetype<usize>(data) + <usize>(i + 2), changetype<usize>(boundary), bl)) return i;
  }
  return -1;
}

/** One part in [start, end): headers, blank line, content. */
function parsePart(data: ArrayBuffer, start: i32, end: i32, out: Targets): bool {
  let i = start;
  let name: string | null = null;
  let filename: ArrayBuffer | null = null;
  let sawDisposition = false;
  let xmlType = false;
  let jsonType = false;
  let quotedPrintable = false;
  let base64 = false;
  let headerCount = 0;
  while (i < end) {
    let eol = i;
    while (eol < end && at(data, eol) != 0x0a) eol++;
    let lineEnd = eol;
    if (lineEnd > i && at(data, lineEnd - 1) == 0x0d) lineEnd--;
    if (lineEnd == i) {
      i = eol + 1;
      break;
    }
    headerCount++;
    let colon = i;
    while (colon < lineEnd && at(data, colon) != 0x3a) colon++;
    for (let k = i; k < colon && colon < lineEnd; k++) {
      if (!isHeaderNameByte(at(data, k))) {
        out.badPartHeaderNames++;
        break;
      }
    }
    if (colon >= lineEnd) {
      out.multipartOddities++;
    } else {
      let vs = colon + 1;
      while (vs < lineEnd && at(data, vs) == 0x20) vs++;
      if (matchesCI(data, i, "content-disposition") && colon - i == 19) {
        sawDisposition = true;
        name = paramOf(data, vs, lineEnd, "name");
        const fnStart = paramStart(data, vs, lineEnd, "filename");
        if (fnStart >= 0) filename = paramBytes(data, fnStart, lineEnd);
        const v = data.slice(vs, lineEnd);
        out.add(TargetKind.PartHeader, "multipart:", v, v, "content-disposition");
      } else {
        const headerName = lowerAscii(data, i, colon);
        const v = data.slice(vs, lineEnd);
        // (by its media type: `charset=` and other parameters name none)
        if (headerName == "content-type" && namesXml(v)) xmlType = true;
        if (headerName == "content-type" && indexOfCI(v, "json") >= 0) jsonType = true;
        if (headerName == "content-transfer-encoding") {
          if (indexOfCI(v, "quoted-printable") >= 0) quotedPrintable = true;
          if (indexOfCI(v, "base64") >= 0) base64 = true;
        }
        out.add(TargetKind.PartHeader, "multipart:", v, v, headerName);
      }
    }
    i = eol + 1;
  }
  if (headerCount == 0) return false;
  if (!sawDisposition) out.multipartOddities++;
  const field = name === null ? "" : name!;
  if (i > end) i = end;
  if (filename !== null) {
    const key = field;
    if (filename!.byteLength > 0) out.add(TargetKind.Filename, "files:", filename!, filename!, key);
    // an uploaded XML or SVG document is read as one (XXE in an image upload): other file contents are not.
    // By its type, its name, or its first bytes (`<?xml`, `<svg`): image libraries and renderers sniff the
    // content, so an SVG named avatar.png is still drawn as SVG
    const fl = filename!.byteLength;
    if ((xmlType || (fl > 4 && (matchesCI(filename!, fl - 4, ".svg") || matchesCI(filename!, fl - 4, ".xml"))) || opensXml(data, i, end)) && end > i) {
      const doc = data.slice(i, end);
      out.add(TargetKind.Body, "files:", doc, doc, key);
    }
  } else {
    let raw = data.slice(i, end);
    // (a base64 part is decoded as any base64 value is, by the engine: as one run, its lines joined, as MIME
    // wraps it at 76 columns)
    if (base64) {
      let k = 0;
      for (let j = 0; j < raw.byteLength; j++) {
        const c = at(raw, j);
        if (c != 0x0d && c != 0x0a) {
          store<u8>(changetype<usize>(raw) + <usize>k, c);
          k++;
        }
      }
      raw = raw.slice(0, k);
    }
    let value = quotedPrintable ? qpDecode(raw) : raw;
    // a JSON part (`Content-Type: application/json`, as API clients send metadata) is read as JSON, and one
    // that is a single string (`"O'Brien"`, Spring's HttpEntity<String>) as the text a JSON parser reads
    if (jsonType) {
      if (opensJson(value) && parseJson(value, out) < 0) return true;
      const last = value.byteLength - 1;
      if (last > 0 && at(value, 0) == 0x22 && at(value, last) == 0x22) value = unescape(value, 1, last);
    }
    const fieldBytes = String.UTF8.encode(field);
    out.addArg("args:", fieldBytes, fieldBytes, raw, value, false);
  }
  return true;
}

/** Whether [i, end) opens, after blanks, with an XML declaration or an `<svg` element. */
function opensXml(data: ArrayBuffer, i: i32, end: i32): bool {
  while (i < end && at(data, i) <= 0x20) i++;
  return end - i > 5 && (matchesCI(data, i, "<?xml") || matchesCI(data, i, "<svg"));
}

/** Start of the value of parameter `param` (`; param=`) in [start, end), or -1. */
function paramStart<Needle>(data: ArrayBuffer, start: i32, end: i32, param: Needle, n: i32 = 0): i32 {
  const pl = needleLength(param, n);
  for (let i = start; i + pl < end; i++) {
    if (!matchesCI(data, i, param, pl)) continue;
    const before = i > start ? at(data, i - 1) : 0x3b;
    if (before != 0x3b && before != 0x20 && before != 0x09) continue;
    let j = i + pl;
    while (j < end && at(data, j) == 0x20) j++;
    if (j < end && at(data, j) == 0x3d) {
      j++;
      while (j < end && at(data, j) == 0x20) j++;
      return j;
    }
  }
  return -1;
}

/** A parameter value at `start`: quoted (with `\"` escapes) or up to ';'. */
function paramBytes(data: ArrayBuffer, start: i32, end: i32): ArrayBuffer {
  if (start < end && at(data, start) == 0x22) {
    let j = start + 1;
    while (j < end && at(data, j) != 0x22) {
      if (at(data, j) == 0x5c) j++;
      j++;
    }
    return data.slice(start + 1, min(j, end));
  }
  let j = start;
  while (j < end && at(data, j) != 0x3b) j++;
  return data.slice(start, j);
}

function paramOf<Needle>(data: ArrayBuffer, start: i32, end: i32, param: Needle, n: i32 = 0): string | null {
  const s = paramStart(data, start, end, param, needleLength(param, n));
  return s < 0 ? null : String.UTF8.decode(paramBytes(data, s, end));
}

/** Header names are tokens: letters, digits and `!#$%&'*+-.^_`|~`. */
function isHeaderNameByte(c: u32): bool {
  if ((c | 0x20) - 0x61 < 26 || c - 0x30 < 10) return true;
  return c == 0x21 || c == 0x23 || c == 0x24 || c == 0x25 || c == 0x26 || c == 0x27 || c == 0x2a || c == 0x2b ||
    c == 0x2d || c == 0x2e || c == 0x5e || c == 0x5f || c == 0x60 || c == 0x7c || c == 0x7e;
}
