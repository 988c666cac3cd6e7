// Session fixation (rules 16000-16999): values that set a cookie from script or
// markup, and session identifiers passed as parameters from another site or with
// no referrer at all (a link planted to fix the victim's session); and session tokens
// forged without a key: a JSON Web Token whose header says `"alg": "none"`.
import { Rule, Category, CRITICAL } from "../rule";
import { Sink } from "../sink";
import { HttpRequest } from "../request";
import { Target, TargetKind, TargetOrigin } from "../target";
import { indexOfCI, matchesCI, matchesBytesCI, isWordByte, needleLength } from "../bytes";
import { WordList } from "../wordlist";
import { DASH, DOT, SEMI } from "../census";
import { unsignedJwt } from "./langs/base64";

export const SESSION_RULES: Rule[] = [
  new Rule(16001, Category.Session, CRITICAL, 1, "Value that sets a cookie (document.cookie with expires/domain, http-equiv Set-Cookie)"),
  new Rule(16002, Category.Session, CRITICAL, 1, "Session identifier parameter in a request referred by another site"),
  new Rule(16003, Category.Session, CRITICAL, 1, "Application-server session id parameter (JSESSIONID, PHPSESSID, ...) in a request without a Referer"),
  new Rule(16004, Category.Session, CRITICAL, 1, "JSON Web Token whose header declares no signature (\"alg\": \"none\", any case)"),
];

// Per request: the Referer's host compared with the Host (set by prepareSession).
const NO_REFERER = 0;
const SAME_SITE = 1;
const OTHER_SITE = 2;
let referer = NO_REFERER;

/** Records what the per-target check needs to know about the request. */
export function prepareSession(req: HttpRequest): void {
  referer = NO_REFERER;
  const ref = req.lastHeader("referer");
  if (ref === null) return;
  referer = refererHostIs(ref!, String.UTF8.encode(hostOnly(req.authority))) ? SAME_SITE : OTHER_SITE;
}

/** The authority without its port (`[::1]:80` -> `[::1]`). */
export function hostOnly(authority: string): string {
  const colon = authority.lastIndexOf(":", i32.MAX_VALUE);
  return colon > 0 && authority.indexOf("]") < colon ? authority.substring(0, colon) : authority;
}

/** Whether the host part of the Referer URL equals `host` (case-insensitive). */
function refererHostIs(ref: ArrayBuffer, host: ArrayBuffer): bool {
  let i = indexOfCI(ref, "://");
  i = i < 0 ? 0 : i + 3;
  let e = i;
  const n = ref.byteLength;
  while (e < n) {
    const c = load<u8>(changetype<usize>(ref) + <usize>e);
    if (c == 0x2f || c == 0x3a || c == 0x3f || c == 0x23) break;
    e++;
  }
  return e - i == host.byteLength && host.byteLength > 0 && matchesBytesCI(ref, i, host);
}

const SESSION_NAMES = new WordList("cfid|cftoken|cakephp|meteor_login_token|shiny-token");

/** Names web frameworks give their session cookies: *sess*, *.sid, CFID/CFTOKEN ... */
export function isSessionName(name: ArrayBuffer): bool {
  const n = name.byteLength;
  if (n < 3 || n > 64) return false;
  const k = indexOfCI(name, "sess");
  // OpenID Connect's `session_state` (Session Management 1.0) comes back from the identity provider
  // with `code` and `state` on every login, referred by the provider's site: no application takes it as its session id.
  if (n == 13 && matchesCI(name, 0, "session_state")) return false;
  if (k >= 0) {
    // Words that merely contain it: assess, possess, obsess.
    return !(k >= 2 && (matchesCI(name, k - 2, "as") || matchesCI(name, k - 2, "os") || matchesCI(name, k - 2, "bs")));
  }
  if (n >= 4 && matchesCI(name, n - 3, "sid") && !isWordByte(<u32>load<u8>(changetype<usize>(name) + <usize>(n - 4))) ) return true;
  if (matchesCI(name, n - 3, "sid") && n <= 6) return true;
  return SESSION_NAMES.hasLower(name, 0, n);
}

/**
 * The session cookies of application servers (Java, PHP, ASP, ColdFusion), which accept the id
 * from the URL: passing one without any Referer is a planted link. Generic names such as
 * `session_token` are common API parameters and need the other-site Referer to count.
 */
const SERVER_SESSION_NAMES = new WordList("jsessionid|phpsessid|aspsessionid|asp.net_sessionid|cfid|cftoken");

function isServerSessionName(name: ArrayBuffer): bool {
  return SERVER_SESSION_NAMES.hasLower(name, 0, name.byteLength);
}

export function detectSession(s: Sink, t: Target): void {
  const kind = t.kind;
  if (kind == TargetKind.ArgName || kind == TargetKind.BodyKey) {
    // (a token's `sid` claim is the identity provider's session, not a parameter planted in a link)
    if (t.origin < TargetOrigin.JwtHeader && referer != SAME_SITE && isSessionName(t.value)) {
      if (referer == OTHER_SITE) s.report(16002, t, t.value, 0, 40, "session id from another site");
      else if (isServerSessionName(t.value)) s.report(16003, t, t.value, 0, 40, "session id without a Referer");
    }
    return;
  }
  if (t.value.byteLength >= 24 && (t.census() & DOT) != 0) { // a token's header, a '.', its claims
    const jwt = unsignedJwt(t.value);
    if (jwt >= 0) s.report(16004, t, t.value, jwt, jwt + 40, "unsigned JSON Web Token");
  }
  if (kind != TargetKind.ArgValue && kind != TargetKind.BodyValue && kind != TargetKind.Cookie) return;
  // Both findings need punctuation in the decoded text: `.cookie` and then `;` (a script), or the
  // `-` of http-equiv and Set-Cookie (markup). The census covers every decoded form: one AND skips
  // the scans below for nearly every value.
  const census = t.census();
  if ((census & DASH) == 0 && (census & (DOT | SEMI)) != (DOT | SEMI)) return;
  // Cheap test on the URL-decoded form first; entities are decoded only when it passes.
  if (indexOfCI(t.decoded(), "cookie") < 0 && indexOfCI(t.value, "&") < 0) return;
  const v = t.htmlDecoded();
  const c = indexOfCI(v, "cookie");
  if (c < 0) return;
  if (c > 0 && load<u8>(changetype<usize>(v) + <usize>(c - 1)) == 0x2e) {
    // `.cookie = "...; expires=..."` or `; domain=`
    const semi = indexOfCI(v, ";", c);
    if (semi > 0 && (hasAttribute(v, semi, "expires") || hasAttribute(v, semi, "domain"))) {
      s.report(16001, t, v, max(0, c - 20), c + 60, "script sets a cookie");
      return;
    }
  }
  const h = indexOfCI(v, "http-equiv");
  if (h >= 0 && indexOfCI(v, "set-cookie", h) > h) s.report(16001, t, v, h, h + 60, "meta sets a cookie");
}

/** `name` then optional non-word bytes then '=' somewhere after `from`. */
function hasAttribute<Needle>(v: ArrayBuffer, from: i32, name: Needle, n: i32 = 0): bool {
  n = needleLength(name, n);
  const k = indexOfCI(v, name, from, n);
  if (k < 0) return false;
  let i = k + n;
  while (i < v.byteLength && !isWordByte(<u32>load<u8>(changetype<usize>(v) + <usize>i)) && load<u8>(changetype<usize>(v) + <usize>i) != 0x3d) i++;
  return i < v.byteLength && load<u8>(changetype<usize>(v) + <usize>i) == 0x3d;
}

