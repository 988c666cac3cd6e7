// Entry of the detection engine: request in, verdict out. Pure, no host calls.
// Parse the request into named targets (request/*), run every detector on each,
// then the request-level protocol checks; the Sink sums the scores.
import { HttpRequest } from "./request";
import { EngineConfig, Exclusion } from "./config";
import { Verdict } from "./verdict";
import { Sink, NO_EXCLUSIONS } from "./sink";
import { Target, TargetKind, TargetOrigin } from "./target";
import { Targets, TargetBatchInspector } from "./request/targets";
import { SeenTargets } from "./seen";
import { CleanValues, rememberable, isHeaderLike, hashOf, valueHash } from "./clean-values";
import { collectPath, queryStart } from "./request/path";
import { collectHeaders, isCredentials } from "./request/headers";
import { collectBody } from "./request/body";
import { detectProtocolRequest, detectProtocolTarget, detectBodyProblem, prepareProtocol } from "./detectors/protocol";
import { detectSqli } from "./detectors/sqli";
import { detectXss } from "./detectors/xss";
import { detectRce } from "./detectors/rce";
import { detectLfi } from "./detectors/lfi";
import { detectRfi } from "./detectors/rfi";
import { detectSsrf } from "./detectors/ssrf";
import { detectJava } from "./detectors/java";
import { detectPhp } from "./detectors/php";
import { detectNodejs, constructorPrototypeKey } from "./detectors/nodejs";
import { detectSsti } from "./detectors/ssti";
import { detectNosql } from "./detectors/nosql";
import { detectLdap } from "./detectors/ldap";
import { detectXxe } from "./detectors/xxe";
import { detectScanner } from "./detectors/scanner";
import { detectSession, prepareSession, isSessionName, hostOnly } from "./detectors/session";
import { detectOther, detectXPath } from "./detectors/other";
import { opaqueBase64, plainWords, PlainWords } from "./plain-words";
import { equalsAsciiCI } from "./bytes";
import { isPlainPartHeader } from "./request/plain-headers";
import { embeddedStrings } from "./embedded";
import { base64DecodePrintable } from "./transform/base64";
import { jwtOpens, jwtStart, jwtTargets, segmentEnd, unsigned } from "./jwt";

/** Runs every per-target detector on `t` (until the sink has seen enough, see Sink.done). */
export function detectTarget(s: Sink, t: Target): void {
  t.census(); // first: the decoded forms skip their passes over bytes it shows absent (Target.lacks)
  detectProtocolTarget(s, t);
  if (t.kind == TargetKind.PartHeader && isPlainPartHeader(t.key, t.value)) return;
  // Plain words (engine/plain-words.ts) give the punctuation-driven detectors nothing to find.
  const words = plainTarget(t);
  detectJava(s, t); // first: it reads serialized objects by their base64 signatures (rO0AB, AAEAAAD/////)
  if (s.done()) return;
  // A random base64 token says nothing as text: what it decodes to is inspected (inspectTarget).
  if (opaqueBase64(t.value)) return;
  detectSqli(s, t);
  if (s.done()) return;
  detectRce(s, t);
  if (s.done()) return;
  if (words == PlainWords.No) {
    detectPunctuated(s, t);
    if (s.done()) return;
  }
  detectPhp(s, t);
  if (s.done()) return;
  if (words != PlainWords.Yes) detectDoubleUnderscored(s, t);
  detectSession(s, t);
}

/** Detectors that find nothing in plain words without a double underscore (`__proto__`, `price__gt`). */
export function detectDoubleUnderscored(s: Sink, t: Target): void {
  detectNodejs(s, t);
  detectOther(s, t);
}

/** The detectors that need some punctuation in a value to find anything (markup, paths, URLs, templates, queries, XML). */
export function detectPunctuated(s: Sink, t: Target): void {
  detectXss(s, t);
  detectLfi(s, t);
  detectRfi(s, t);
  if (s.done()) return;
  detectSsrf(s, t);
  detectSsti(s, t);
  detectNosql(s, t);
  if (s.done()) return;
  detectLdap(s, t);
  detectXPath(s, t);
  detectXxe(s, t);
  detectScanner(s, t);
}

/** Whether an argument, cookie or body value or name is plain words (paths, headers and file names have rules of their own). */
export function plainTarget(t: Target): PlainWords {
  const k = t.kind;
  if (k == TargetKind.ArgValue || k == TargetKind.Cookie || k == TargetKind.BodyValue) return plainWords(t.value, true);
  if (k == TargetKind.ArgName || k == TargetKind.CookieName) return plainWords(t.value, false);
  if (k == TargetKind.BodyKey) {
    const c = plainWords(t.value, false);
    // The Node.js detector reads a `prototype` key by its path: {"constructor":{"prototype":{...}}}.
    return c == PlainWords.Yes && constructorPrototypeKey(t) ? PlainWords.ForNode : c;
  }
  return PlainWords.No;
}

/**
 * Every target of the request: path, query arguments, headers and cookies, body. With an
 * inspector, full batches are inspected on the way and only the last batch is returned.
 */
export function collectTargets(req: HttpRequest, out: Targets = new Targets()): Targets {
  collectPath(req.path, out);
  collectHeaders(req, out);
  collectBody(req, contentTypeOf(req), out);
  out.addJoined();
  return out;
}

export function contentTypeOf(req: HttpRequest): ArrayBuffer | null {
  return req.header("content-type");
}

export function inspect(req: HttpRequest, cfg: EngineConfig): Verdict {
  const s = newSink(req, cfg);
  prepareSession(req);
  prepareProtocol(req);
  const targets = reusedTargets(s, cfg);
  collectTargets(req, targets);
  detectProtocolRequest(s, req, targets);
  inspectTargets(s, targets.list, cfg);
  TARGET_LIST.length = 0; // its targets are garbage now (the collector reads up to the length)
  return new Verdict(s.score, s.score >= cfg.anomalyThreshold, s.matches);
}

/**
 * Only the body of `req`: the messages of a request stream after its first batch, whose path and
 * headers were inspected with that batch (filter/stream.ts).
 */
export function inspectBody(req: HttpRequest, cfg: EngineConfig): Verdict {
  const s = newSink(req, cfg);
  // the detectors' request-level facts (Referer's site, form body) are this stream's, not the last request's
  prepareSession(req);
  prepareProtocol(req);
  const targets = reusedTargets(s, cfg);
  collectBody(req, contentTypeOf(req), targets);
  targets.addJoined();
  detectBodyProblem(s, req, targets);
  inspectTargets(s, targets.list, cfg);
  TARGET_LIST.length = 0;
  return new Verdict(s.score, s.score >= cfg.anomalyThreshold, s.matches);
}

// Objects every inspection needs, made once and reset: one request is inspected at a time (inside one
// callback; the engine never calls itself), and none of them outlives the call. The list of targets
// keeps the capacity of the largest request (at most MAX_TARGETS: a full batch is inspected, then the
// list starts again at length 0); so does the collector's list of argument names (Targets.reset).
const SEEN = new SeenTargets();
const TARGET_LIST: Target[] = [];
const TARGETS = new Targets();
TARGETS.list = TARGET_LIST;
let BATCH: BatchInspection | null = null;

/** Targets that inspect full batches for `s` on the way, on the kept list, inspector and seen set. */
function reusedTargets(s: Sink, cfg: EngineConfig): Targets {
  const out = TARGETS;
  out.reset(); // (TARGET_LIST emptied)
  let batch = BATCH;
  if (batch === null) BATCH = batch = new BatchInspection(s, cfg);
  batch.s = s;
  batch.cfg = cfg;
  out.inspector = batch;
  out.cleanHeaders = cfg.cleanHeaders;
  out.cleanMembers = cfg.cleanArgs;
  // none when an exclusion names a target: a repeated value under another name must still be inspected
  if (!namesTargets(s.exclusions)) {
    SEEN.restart();
    out.seen = SEEN;
  }
  return out;
}

function newSink(req: HttpRequest, cfg: EngineConfig): Sink {
  const s = new Sink(cfg.paranoiaLevel);
  s.disabledCategories = cfg.disabledCategories;
  s.exclusions = applicableExclusions(req, cfg.exclusions);
  if (cfg.stopAtThreshold) s.stopAt = cfg.anomalyThreshold;
  return s;
}

class BatchInspection extends TargetBatchInspector {
  constructor(public s: Sink, public cfg: EngineConfig) {
    super();
  }

  inspect(batch: Target[]): void {
    inspectTargets(this.s, batch, this.cfg);
  }
}

function namesTargets(exclusions: Exclusion[]): bool {
  for (let i = 0; i < exclusions.length; i++) if (exclusions[i].target !== null) return true;
  return false;
}

export function inspectTargets(s: Sink, list: Target[], cfg: EngineConfig): void {
  for (let i = 0; i < list.length && !s.done(); i++) {
    const t = unchecked(list[i]);
    if (t.afterSkip) s.previous = null; // (that pair's value: no argument name, as null)
    inspectOrRecall(s, t, isHeaderLike(t) ? cfg.cleanHeaders : cfg.cleanArgs, cfg);
    s.previous = t;
  }
}

/** Inspects `t` unless `clean` remembers it; remembers it when it was found clean. */
function inspectOrRecall(s: Sink, t: Target, clean: CleanValues, cfg: EngineConfig): void {
  // Session-like argument names are judged by the request's Referer, not by their bytes alone.
  if (!rememberable(t, clean) || ((t.kind == TargetKind.ArgName || t.kind == TargetKind.BodyKey) && isSessionName(t.value))) {
    inspectTarget(s, t, cfg);
    return;
  }
  const h = hashOf(t);
  // A header or cookie target carrying its hash was looked up as the parsers added it, and missed.
  if (t.cleanHash == 0 && clean.has(t, h)) return;
  inspectTarget(s, t, cfg);
  // A value inspected while nothing at all was found in the request is clean on its own; an argument
  // value only when it was read with its name (a repeated name is not inspected twice).
  if (s.reports == 0 && (t.kind != TargetKind.ArgValue || followsItsName(s, t))) clean.add(t, h);
}

function followsItsName(s: Sink, t: Target): bool {
  const prev = s.previous;
  return prev !== null && prev.kind == TargetKind.ArgName && prev.origin == t.origin && prev.key == t.key;
}

function inspectTarget(s: Sink, t: Target, cfg: EngineConfig): void {
  // A JSON Web Token is read as its header and claims (engine/jwt.ts), not as base64 text.
  if (t.kind != TargetKind.Path && jwtOpens(t.value)) {
    const tokens = cfg.cleanTokens;
    const whole = t.value.byteLength <= tokens.maxValue && t.key.length <= tokens.maxKey;
    const hash = whole ? valueHash(t) : 0;
    // A token found clean is remembered whole (inspectToken alone adds to that table, and only what
    // jwtStart accepted): it is not read again, nor passed over by jwtStart.
    if (whole && tokens.hasValue(t, hash)) return;
    const token = jwtStart(t.value);
    if (token >= 0) {
      inspectToken(s, t, token, cfg, whole, hash);
      return;
    }
  }
  detectTarget(s, t);
  // Values that are base64 of text, or mostly escapes, are inspected once more, decoded.
  const decoded = t.base64Decoded();
  if (decoded !== null && !s.done()) {
    const b = t.derived(decoded!);
    detectTarget(s, b);
    // Basic credentials: the server splits `user:password` at the first colon and hands the user name on
    // alone, without the `:password` that the whole glues to its last word (`a;id:secret`)
    const colon = basicColon(t, decoded!);
    if (colon > 0 && !s.done()) detectTarget(s, t.derived(decoded!.slice(0, colon)));
    // (a base64 cookie or token often holds a JSON document)
    inspectEmbedded(s, b);
  }
  const plain = t.unescaped();
  if (plain !== null && !s.done()) detectTarget(s, t.derived(plain!));
  inspectEmbedded(s, t);
}

/** Where the colon of decoded Basic credentials (`Authorization`, `Proxy-Authorization`) is, or -1. */
function basicColon(t: Target, decoded: ArrayBuffer): i32 {
  if (t.kind != TargetKind.Header || !isCredentials(t.key)) return -1;
  const p = changetype<usize>(decoded);
  for (let i = 0, n = decoded.byteLength; i < n; i++) if (load<u8>(p + <usize>i) == 0x3a) return i;
  return -1;
}

/**
 * The header and claims of the token at `start` in `t`'s value. A token found clean is remembered
 * whole, and so is its header (as base64: an issuer signs every token with the same one or few);
 * most claims recur in every token of an issuer (iss, aud, scope, roles) and are remembered as
 * arguments are. `whole`: the token fits that table; `hash`: its valueHash (inspectTarget looked it up there, in vain).
 */
function inspectToken(s: Sink, t: Target, start: i32, cfg: EngineConfig, whole: bool, hash: u32): void {
  const tokens = cfg.cleanTokens;
  // (no target is of kind Body and origin JwtHeader: the header's text has a row of its own)
  const dot = segmentEnd(t.value, start);
  const at = changetype<usize>(t.value) + <usize>start;
  const headerHash = tokens.memberHash(TargetKind.Body, TargetOrigin.JwtHeader, 0, 0, at, dot - start);
  const header = headerHash == 0 || !tokens.hasMember(TargetKind.Body, TargetOrigin.JwtHeader, 0, 0, at, dot - start, headerHash);
  const clean = cfg.cleanArgs;
  const claims = jwtTargets(t, start, dot, header, clean);
  if (unsigned) s.report(16004, t, t.value, start, start + 40, "unsigned JSON Web Token");
  s.carrier = t;
  for (let k = 0; k < claims.length && !s.done(); k++) {
    const c = unchecked(claims[k]);
    if (!rememberable(c, clean)) {
      detectTarget(s, c);
      continue;
    }
    const h = hashOf(c);
    // (a claim carrying its hash was looked up as the parser read it, and missed)
    if (c.cleanHash == 0 && clean.has(c, h)) continue;
    detectTarget(s, c);
    if (s.reports == 0) clean.add(c, h);
  }
  s.carrier = null;
  if (s.reports != 0) return;
  if (whole) tokens.addValue(t, hash);
  if (header && headerHash != 0 && !unsigned) tokens.addMember(TargetKind.Body, TargetOrigin.JwtHeader, 0, 0, at, dot - start, headerHash);
}

/** The strings of a document inside the value (JSON in a cookie, GraphQL arguments), one by one. */
function inspectEmbedded(s: Sink, t: Target): void {
  const inner = embeddedStrings(t);
  if (inner !== null) {
    for (let k = 0; k < inner.length && !s.done(); k++) {
      const d = t.derived(unchecked(inner[k]));
      d.kind = TargetKind.BodyValue; // a document's string, wherever the document came
      detectTarget(s, d);
      // base64 of text, as a JSON body's string is read (`filter={"q":"PHN2Zz4"}`); whole strings only
      // (the value's own base64 look-up has read its longest run of base64 letters)
      const b = base64DecodePrintable(d.value);
      if (b !== null && !s.done()) detectTarget(s, d.derived(b));
    }
  }
}

/** The exclusions whose host, path prefix and method conditions hold for `req`. */
export function applicableExclusions(req: HttpRequest, all: Exclusion[]): Exclusion[] {
  if (all.length == 0) return NO_EXCLUSIONS;
  const out: Exclusion[] = [];
  const path = String.UTF8.decode(req.path.slice(0, queryStart(req.path)));
  for (let i = 0; i < all.length; i++) {
    const e = all[i];
    if (e.host !== null && !sameHost(e.host!, req.authority)) continue;
    if (e.pathPrefix !== null && !path.startsWith(e.pathPrefix!)) continue;
    // (methods are case-sensitive, RFC 9110: `post` is not POST, and must not widen an exclusion of POST)
    if (e.method !== null && e.method! != req.method) continue;
    out.push(e);
  }
  return out;
}

/** Host names compare without case and without the port of the authority. */
function sameHost(host: string, authority: string): bool {
  return equalsAsciiCI(hostOnly(authority), host);
}
