// Bodies by Content-Type. A body that fails to parse is inspected as raw text
// (`body`) and the problem is recorded for the protocol detector to score. A text body
// (no or another Content-Type) that is a JSON document is read as JSON: many back ends
// parse JSON whatever the type says, and `text/plain` JSON is how a cross-site form posts it.
import { Targets, BodyProblem } from "./targets";
import { TargetKind, TargetOrigin } from "../target";
import { HttpRequest } from "../request";
import { indexOfCI, isWordByte, matchesCI } from "../bytes";
import { parseUrlencoded } from "./urlencoded";
import { parseJson, opensJson } from "./json";
import { parseMultipart, boundaryOf } from "./multipart";
import { parseXml, namesXml } from "./xml";
import { parseGrpc, parseProtobuf } from "./protobuf";
import { isBinary, addTextRuns } from "./text-runs";
import { fromUtf16 } from "../transform/utf16";
import { parseRows } from "./rows";

export const enum BodyType {
  None = 0, Urlencoded, Json, Multipart, Xml, Text, Grpc, Protobuf,
}

/** The body type a Content-Type value announces. */
export function bodyTypeOf(contentType: ArrayBuffer | null): BodyType {
  if (contentType === null) return BodyType.Text;
  const ct = contentType;
  let i = 0;
  while (i < ct.byteLength && load<u8>(changetype<usize>(ct) + <usize>i) == 0x20) i++;
  if (matchesCI(ct, i, "application/x-www-form-urlencoded")) return BodyType.Urlencoded;
  if (matchesCI(ct, i, "multipart/")) return BodyType.Multipart;
  // application/grpc, grpc+proto, grpc-web, grpc-web+proto (grpc-web-text is base64: read as text)
  if (matchesCI(ct, i, "application/grpc") && !matchesCI(ct, i + 16, "-web-text")) return BodyType.Grpc;
  const semi = indexOfCI(ct, ";");
  const end = semi < 0 ? ct.byteLength : semi;
  // application/x-protobuf, protobuf, x-google-protobuf, vnd.google.protobuf
  const protobuf = indexOfCI(ct, "protobuf");
  if (protobuf >= 0 && protobuf < end) return BodyType.Protobuf;
  const json = indexOfCI(ct, "json");
  if (json >= 0 && json < end) return BodyType.Json;
  if (namesXml(ct)) return BodyType.Xml;
  return BodyType.Text;
}

const ORIGINS: TargetOrigin[] = [
  TargetOrigin.Body, TargetOrigin.Form, TargetOrigin.Json, TargetOrigin.Multipart, TargetOrigin.Xml, TargetOrigin.Body,
  TargetOrigin.Protobuf, TargetOrigin.Protobuf,
];

export function collectBody(req: HttpRequest, contentType: ArrayBuffer | null, out: Targets): void {
  if (req.body === null) return;
  // (a UTF-16 document, with its byte order mark, is read as the same text in UTF-8)
  const body = fromUtf16(req.body!);
  if (body.byteLength == 0) return;
  const type = bodyTypeOf(contentType);
  let problem = -1;
  let kind = BodyProblem.None;
  out.origin = ORIGINS[<i32>type];
  if (type == BodyType.Urlencoded) {
    parseUrlencoded(body, 0, body.byteLength, "args:", out);
    // a JSON document posted as a form: back ends that parse JSON whatever the type says see its strings
    if (opensJson(body)) {
      out.origin = TargetOrigin.Json;
      parseJson(body, out);
    }
    // `&#x31;&#x27;...`: a body of entities splits into junk arguments at every `&`; its text is the payload
    if (entityDense(body)) {
      out.origin = TargetOrigin.Body;
      out.add(TargetKind.Body, "body", body, body, "");
    }
    return;
  } else if (type == BodyType.Json) {
    problem = parseJson(body, out);
    kind = BodyProblem.MalformedJson;
    // A truncated body cannot close its containers: not an anomaly.
    if (problem >= 0 && req.bodyTruncated) kind = BodyProblem.None;
  } else if (type == BodyType.Multipart) {
    const boundary = boundaryOf(contentType!);
    problem = boundary === null ? 0 : parseMultipart(body, boundary!, out, req.bodyTruncated);
    kind = BodyProblem.MalformedMultipart;
  } else if (type == BodyType.Xml) {
    problem = parseXml(body, out);
    kind = BodyProblem.MalformedXml;
    // The document as sent: DOCTYPE and entity use are judged on the whole.
    out.origin = TargetOrigin.Body;
    if (problem < 0) out.add(TargetKind.Body, "body", body, body, "");
  } else if (type == BodyType.Grpc || type == BodyType.Protobuf) {
    if (type == BodyType.Grpc ? parseGrpc(body, out) : parseProtobuf(body, out)) return;
    // compressed frames, or not protobuf after all: its text runs
    out.origin = TargetOrigin.Body;
    addRawBody(body, out);
    return;
  } else {
    // `a=1&b=2` posted without a Content-Type: back ends that parse forms anyway see its arguments
    if (contentType === null && looksLikeForm(body)) {
      out.origin = TargetOrigin.Form;
      parseUrlencoded(body, 0, body.byteLength, "args:", out);
      out.origin = TargetOrigin.Body;
    }
    if (opensJson(body)) {
      out.origin = TargetOrigin.Json;
      if (parseJson(body, out) < 0) return;
      out.origin = TargetOrigin.Body;
    }
    // a YAML or CSV document: its values one by one (rows.ts), and the whole
    let whole = body;
    if (contentType !== null) {
      const yaml = indexOfCI(contentType!, "yaml") >= 0;
      if (yaml || indexOfCI(contentType!, "csv") >= 0) whole = parseRows(body, yaml, out);
    }
    addRawBody(whole, out);
    return;
  }
  if (problem >= 0) {
    // `a=1&b=2` sent as JSON or XML: back ends that fall back to form parsing see its arguments
    if (looksLikeForm(body)) {
      out.origin = TargetOrigin.Form;
      parseUrlencoded(body, 0, body.byteLength, "args:", out);
    }
    out.origin = TargetOrigin.Body;
    if (kind != BodyProblem.None && out.bodyProblem == BodyProblem.None) {
      out.bodyProblem = kind;
      out.bodyProblemAt = problem;
    }
    out.add(TargetKind.Body, "body", body, body, "");
  }
}

/** The body as one raw target: binary data is read through its runs of text (text-runs.ts). */
function addRawBody(body: ArrayBuffer, out: Targets): void {
  if (isBinary(body)) {
    // a Java object stream posted raw opens with AC ED 00 05, bytes no text run keeps: its magic is read apart
    if (body.byteLength > 8 && load<u32>(changetype<usize>(body)) == 0x0500edac) { const magic = body.slice(0, 4); out.add(TargetKind.Body, "body", magic, magic, ""); }
    addTextRuns(body, TargetKind.Body, "body", "", out);
  } else out.add(TargetKind.Body, "body", body, body, "");
}

/** Whether `&#` numeric entities make up most of `data` (one in every 8 bytes starts one). */
function entityDense(data: ArrayBuffer): bool {
  const n = data.byteLength;
  if (n < 16) return false;
  let entities = 0;
  for (let i = 0; i + 1 < n; i++) {
    if (load<u8>(changetype<usize>(data) + <usize>i) == 0x26 && load<u8>(changetype<usize>(data) + <usize>(i + 1)) == 0x23) entities++;
  }
  return entities * 8 >= n;
}

/** Whether `data` starts like a form: a name (letters, digits, `_ - . [ ]`) and then `=`. */
function looksLikeForm(data: ArrayBuffer): bool {
  const n = min(data.byteLength, 64);
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(changetype<usize>(data) + <usize>i);
    if (c == 0x3d) return i > 0;
    if (!(isWordByte(c) || c == 0x2d || c == 0x2e || c == 0x5b || c == 0x5d)) return false;
  }
  return false;
}
