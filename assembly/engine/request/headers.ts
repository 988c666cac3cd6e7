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
    if (isPlainHeader(name, value)) continue;
    out.origin = TargetOrigin.Header;
    out.add(TargetKind.Header, "header:", value, isCredentials(name) ? credentials(value) : value, name);
  }
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
function credentials(v: ArrayBuffer): ArrayBuffer {
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
