// Which request headers are targets: every header except pseudo-headers (covered by the
// path and the protocol checks), the cookie header (split into cookies), and the routine
// headers whose value has the plain shape its header allows (plain-headers.ts).
import { Targets } from "./targets";
import { TargetKind, TargetOrigin } from "../target";
import { Header } from "../request";
import { parseCookies } from "./cookies";
import { isPlainHeader } from "./plain-headers";

export function collectHeaders(headers: Header[], out: Targets): void {
  for (let i = 0; i < headers.length; i++) {
    const h = unchecked(headers[i]);
    if (h.name == "cookie") {
      out.origin = TargetOrigin.Cookie;
      parseCookies(h.value, out);
      continue;
    }
    if (h.value.byteLength == 0 || h.name.length == 0 || h.name.charCodeAt(0) == 0x3a) continue;
    if (isPlainHeader(h.name, h.value)) continue;
    out.origin = TargetOrigin.Header;
    out.add(TargetKind.Header, "header:", h.value, h.value, h.name);
  }
}
