// Which request headers are targets: every header except pseudo-headers (covered by the
// path and the protocol checks), the cookie header (split into cookies), and the routine
// headers whose value has the plain shape its header allows (plain-headers.ts).
import { Targets } from "./targets";
import { TargetKind, TargetOrigin } from "../target";
import { HttpRequest } from "../request";
import { parseCookies } from "./cookies";
import { isPlainHeader } from "./plain-headers";
import { isWordByte } from "../bytes";

export function collectHeaders(req: HttpRequest, out: Targets): void {
  const names = req.headerNames;
  const values = req.headerValues;
  for (let i = 0, n = req.headerCount; i < n; i++) {
    const name = unchecked(names[i]);
    const value = unchecked(values[i]);
    if (name == "cookie") {
      out.origin = TargetOrigin.Cookie;
      parseCookies(value, out);
      continue;
    }
    if (value.byteLength == 0 || name.length == 0 || name.charCodeAt(0) == 0x3a) continue;
    if (plainHeader(name, value)) continue;
    out.origin = TargetOrigin.Header;
    if (!isCredentials(name)) out.add(TargetKind.Header, "header:", value, value, name);
    else out.addRawKeyed(TargetKind.Header, "header:", value, name);
  }
}

// The last values found plain, by identity. The filter hands over the very buffer of the request before
// when a common header repeats its bytes (filter/collect.ts; nothing writes into a request's buffers), so
// a sidecar's routine Accept, Accept-Encoding, Host... are found plain again without a pass over them.
// The table holds what it names: no other name or value can take one's address while it is remembered.
const PLAIN_SLOTS = 32;
const PLAIN_NAMES = new StaticArray<string | null>(PLAIN_SLOTS);
const PLAIN_VALUES = new StaticArray<ArrayBuffer | null>(PLAIN_SLOTS);

/** isPlainHeader(), remembered for the values it said yes to. */
function plainHeader(name: string, value: ArrayBuffer): bool {
  const i = <i32>(changetype<usize>(value) >> 4) & (PLAIN_SLOTS - 1);
  if (unchecked(PLAIN_VALUES[i]) === value && unchecked(PLAIN_NAMES[i]) === name) return true;
  if (!isPlainHeader(name, value)) return false;
  unchecked((PLAIN_NAMES[i] = name));
  unchecked((PLAIN_VALUES[i] = value));
  return true;
}

/** Authorization and Proxy-Authorization: `scheme credentials`. */
export function isCredentials(name: string): bool {
  return name == "authorization" || name == "proxy-authorization";
}

/**
 * `scheme credentials` (RFC 9110 11.4): the server splits the scheme off and hands the rest on (a
 * token to look up, Basic's user and password once base64-decoded): the detectors read that
 * part, as they read an argument's value without its name.
 */
export function credentials(v: ArrayBuffer): ArrayBuffer {
  const n = v.byteLength;
  let i = 0;
  while (i < n && isSchemeByte(load<u8>(changetype<usize>(v) + <usize>i))) i++;
  let j = i;
  while (j < n && load<u8>(changetype<usize>(v) + <usize>j) == 0x20) j++;
  return i == 0 || j == i || j == n ? v : v.slice(j);
}

function isSchemeByte(c: u32): bool {
  return isWordByte(c) || c == 0x2d || c == 0x2e;
}
