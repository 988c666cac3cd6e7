// Exclusion conditions that no request can meet: a target spelled as the engine never names one,
// a host with a port, a path prefix with a query. The schema lets them through; the filter warns
// about each (an exclusion that silently matches nothing leaves its false positive in place) and
// the CLI refuses them with a hint (src/config/exclusions.ts, held to these same answers by tests).
import { badHeaderName } from "../engine/detectors/protocol/headernames";
import { equalsAsciiCI } from "../engine/bytes";

/** Whether some request has a target named `target` (a name the schema's pattern accepts). */
export function matchableTarget(target: string): bool {
  const colon = target.indexOf(":");
  if (colon < 0) return true; // path, body
  const kind = target.charCodeAt(0) + target.charCodeAt(1); // a+r, h+e, c+o, j+s, x+m, j+w, f+i, m+u, g+r
  const start = colon + 1;
  let end = target.length;
  // `*` matches a prefix only as the last character
  const star = target.indexOf("*", start);
  if (star >= 0) {
    if (star < --end) return false;
  }
  if (kind == 0x68 + 0x65) {
    // a token (Envoy refuses other names), or a pseudo-header (`:authority`); never `host`, which
    // Envoy hands over as `:authority`
    const name = target.substring(start, end);
    return end == start || (!badHeaderName(name) && (star >= 0 || !equalsAsciiCI(name, "host")));
  }
  // files:NAME is an upload's field name, as its part sends it: any name
  if (kind == 0x66 + 0x69) return true;
  if (kind == 0x6d + 0x75) {
    // a part header's name, a token (the parser stops at any other): never a pseudo-header
    const name = target.substring(start, end);
    return end == start || (!badHeaderName(name) && name.charCodeAt(0) != 0x3a);
  }
  if (kind == 0x67 + 0x72) return fieldNumbers(target, start, end, star >= 0);
  if (kind == 0x6a + 0x77) {
    // jwt:header.NAME, jwt:payload.PATH, or a prefix of either followed by `*`
    // (the prefixes jwt.ts names the targets with)
    const stem = target.substring(0, end);
    return target.startsWith("jwt:header.") || target.startsWith("jwt:payload.") ||
      (star >= 0 && ("jwt:header.".startsWith(stem) || "jwt:payload.".startsWith(stem)));
  }
  for (let i = start; i < end; i++) {
    const c = target.charCodeAt(i);
    if (kind == 0x63 + 0x6f) {
      // the parser splits pairs at `;`, a name from its value at the first `=`, and trims blanks
      if (c == 0x3b || c == 0x3d || (i == start && (c == 0x20 || c == 0x09))) return false;
    } else if (kind == 0x61 + 0x72) {
      // names are percent-decoded (`user%5Bid%5D=` is `args:user[id]`)
      if (c == 0x25 && i + 2 < end && isHex(target.charCodeAt(i + 1)) && isHex(target.charCodeAt(i + 2))) return false;
    } else if (kind == 0x6a + 0x73) {
      // array elements are named by their index (`items.0.id`), never `items[0].id` or `items[].id`
      if (c == 0x5b) {
        let j = i + 1;
        while (j < end && isDigit(target.charCodeAt(j))) j++;
        if (j < end && target.charCodeAt(j) == 0x5d) return false;
      }
    } else if (c <= 0x20 || c == 0x2f) {
      // xml: an element by its own name (`item`, `item@id`), never a path (`order/item`)
      return false;
    }
  }
  return true;
}

/** Whether an authority can be `host` (compared without case and port): no port, scheme, path or blank. */
export function matchableHost(host: string): bool {
  let port = false;
  for (let i = 0; i < host.length; i++) {
    const c = host.charCodeAt(i);
    if (c <= 0x20 || c == 0x2f) return false;
    // (a `:` after the last `]` of an IPv6 literal)
    if (c == 0x3a || c == 0x5d) port = c == 0x3a;
  }
  return !port;
}

/** Whether a path (as sent, before its query) can start with `prefix`: no `?`, `#` or blank. */
export function matchablePathPrefix(prefix: string): bool {
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix.charCodeAt(i);
    if (c <= 0x20 || c == 0x3f || c == 0x23) return false;
  }
  return true;
}

/**
 * Whether `target[start, end)` is a path of protobuf field numbers as protobuf.ts names them (`4.1`:
 * decimal, no leading zero), or, before a `*`, the start of one (`4.`, `4.1`, ``).
 */
function fieldNumbers(target: string, start: i32, end: i32, prefix: bool): bool {
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = target.charCodeAt(i);
    if (c == 0x2e) {
      if (digits == 0) return false;
      digits = 0;
    } else if (!isDigit(c) || (digits == 0 && c == 0x30)) {
      return false;
    } else {
      digits++;
    }
  }
  return digits > 0 || prefix;
}

function isDigit(c: i32): bool {
  return <u32>(c - 0x30) < 10;
}

function isHex(c: i32): bool {
  return isDigit(c) || <u32>((c | 0x20) - 0x61) < 6;
}
