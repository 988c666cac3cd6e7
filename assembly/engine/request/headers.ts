// Which request headers are targets: every header except pseudo-headers (covered by the
// path and the protocol checks), the cookie header (split into cookies), and the routine
// headers whose value has the plain shape its header allows (plain-headers.ts).
import { Targets } from "./targets";
import { TargetKind, TargetOrigin } from "../target";
import { HttpRequest } from "../request";
import { parseCookies } from "./cookies";
import { isPlainHeader } from "./plain-headers";

export function collectHeaders(req: HttpRequest, out: Targets): void {
  const names = req.headerNames;
  const values = req.headerValues;
  for (let i = 0; i < names.length; i++) {
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
    out.add(TargetKind.Header, "header:", value, value, name);
  }
}
