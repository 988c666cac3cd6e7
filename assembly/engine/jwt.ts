// JSON Web Tokens (RFC 7519) wherever a value is one: `Authorization: Bearer`, a cookie, an
// `access_token` or `id_token` argument, a JSON string. Services read the claims, often before or
// without checking the signature, and act on the JOSE header itself: `kid` names a key file or a
// row, `jku`/`x5u` a URL the server fetches, `alg` says whether there is a signature at all. As
// base64url text a token hides all of that, so a value of the token's shape is read as what it
// decodes to: its header and claims are parsed as JSON (request/json.ts) and every key and string
// is a target of its own (`jwt:header.kid`, `jwt:payload.sub`) for every detector. The signature is
// bytes no application reads as text. A segment that is no JSON is inspected as decoded text.
import { Target, TargetKind, TargetOrigin } from "./target";
import { Targets } from "./request/targets";
import { parseJsonAgain } from "./request/json";
import { decodeBase64, base64Value } from "./detectors/langs/base64";
import { matchesCI } from "./bytes";
import { CleanValues } from "./clean-values";

/** Longest token read (an ID token with many claims is a few KB); a longer value is inspected as text. */
const MAX_TOKEN = 16 * 1024;

/**
 * Where the token in `v` starts when `v` is one: `[Bearer ]eyJ...` `.` `eyJ...` `.` signature, three
 * segments of base64url (an empty signature, as `"alg": "none"` sends it, included), or -1.
 */
export function jwtStart(v: ArrayBuffer): i32 {
  const n = v.byteLength;
  if (n < 12 || n > MAX_TOKEN) return -1;
  const start = matchesCI(v, 0, "bearer ") ? 7 : 0;
  let i = start;
  for (let segment = 0; segment < 3; segment++) {
    // the header and the claims are JSON objects: base64 of `{"` or `{ ` begins `ey`, of `{` and a line break `ew`
    if (segment < 2 && !(i + 2 < n && load<u8>(changetype<usize>(v) + <usize>i) == 0x65 && objectOpens(load<u8>(changetype<usize>(v) + <usize>(i + 1))))) return -1;
    while (i < n && isUrlBase64(load<u8>(changetype<usize>(v) + <usize>i))) i++;
    // (some encoders keep the `=` padding)
    while (i < n && load<u8>(changetype<usize>(v) + <usize>i) == 0x3d) i++;
    if (segment == 2) break;
    if (i >= n || load<u8>(changetype<usize>(v) + <usize>i) != 0x2e) return -1;
    i++;
  }
  return i == n ? start : -1;
}

/** Whether `v` opens as jwtStart() reads a token's first bytes (`[Bearer ]ey` or `ew`, a token's length): a test of a few bytes. */
export function jwtOpens(v: ArrayBuffer): bool {
  const n = v.byteLength;
  if (n < 12 || n > MAX_TOKEN) return false;
  const i = matchesCI(v, 0, "bearer ") ? 7 : 0;
  return load<u8>(changetype<usize>(v) + <usize>i) == 0x65 && objectOpens(load<u8>(changetype<usize>(v) + <usize>(i + 1)));
}

// @ts-ignore: decorator
@inline function objectOpens(c: u32): bool {
  return c == 0x79 || c == 0x77;
}

// @ts-ignore: decorator
@inline function isUrlBase64(c: u32): bool {
  return c != 0x2b && c != 0x2f && base64Value(c) >= 0;
}

/** Whether the last token read by jwtTargets() declares no signature: `"alg": "none"` in any case (rule 16004). */
export let unsigned = false;

// The targets of one token at a time (inspect.ts reads them before it reads another value).
const SCRATCH = new Targets();

/**
 * The targets of the token in `t`'s value (jwtStart() gave `start`, segmentEnd() `dot`): header and
 * claims, keys and strings; the header's only when `header`. Claims `clean` remembers are not built.
 */
export function jwtTargets(t: Target, start: i32, dot: i32, header: bool, clean: CleanValues): Target[] {
  const v = t.value;
  const out = SCRATCH;
  out.list.length = 0;
  unsigned = false;
  if (header) {
    out.origin = TargetOrigin.JwtHeader;
    readSegment(t, v, start, dot, "jwt:header.", out);
    for (let k = 0; k < out.list.length; k++) {
      const m = unchecked(out.list[k]);
      if (m.kind == TargetKind.BodyValue && m.key == "alg" && m.value.byteLength == 4 && matchesCI(m.value, 0, "none")) unsigned = true;
    }
  }
  out.origin = TargetOrigin.JwtClaims;
  out.cleanMembers = clean;
  readSegment(t, v, dot + 1, segmentEnd(v, dot + 1), "jwt:payload.", out);
  out.cleanMembers = null;
  return out.list;
}

/** Where the segment at `i` ends (its dot). */
export function segmentEnd(v: ArrayBuffer, i: i32): i32 {
  while (load<u8>(changetype<usize>(v) + <usize>i) != 0x2e) i++; // jwtStart() saw the dot
  return i;
}

/** Adds the members of the JSON segment [start, end) to `out`; what is no JSON object, as decoded text. */
function readSegment(t: Target, v: ArrayBuffer, start: i32, end: i32, prefix: string, out: Targets): void {
  const json = decodeBase64(v, start, end, 0);
  if (parseJsonAgain(json, out, prefix) < 0) return;
  // truncated or broken: what was read so far, and the text as a whole (as the carrier's base64 would be)
  const d = t.derived(json);
  d.origin = out.origin;
  out.list.push(d);
}
