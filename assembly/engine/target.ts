// A named piece of the request that detectors inspect (`args:id`, `json:user.bio`,
// `header:user-agent`, `cookie:session`, `path`, `body`), with its decoded forms.
// Decoded forms are computed on first use and kept, so detectors that need the
// same form share one decoding. Each returns the previous form itself (the same
// ArrayBuffer) when its decoding changes nothing, so `t.decoded() == t.value` is
// a cheap "nothing was encoded" test.
//
//   value            context-decoded: URL-decoded once for the path, query, form and
//                    cookies; JSON-unescaped; XML entities decoded; headers as sent.
//   urlDecoded()     value URL-decoded until stable, nothing else (NUL and controls kept).
//   decoded()        value URL-decoded until stable (double/triple encoding, %uXXXX),
//                    overlong UTF-8 and full-width forms folded to ASCII, NUL removed.
//   htmlDecoded()    decoded() with HTML entities decoded (named, decimal, hex, no ';').
//   jsDecoded()      decoded() with JS/CSS escapes decoded (\uXXXX, \u{..}, \xXX, \XX).
//   pathNormalised() decoded() as a path: `\` as `/`, `//` `./` `dir/../` resolved;
//                    leading `..` that climb above the start are kept.
//   folded()         decoded(), then HTML entities, then JS escapes, then lower case
//                    with every whitespace run as one space: the form for keyword
//                    matching.
//   base64Decoded()  value decoded from base64 when it is base64 of printable text,
//                    else null (for the path: its last segment). The engine also runs every detector on that text as
//                    a derived target (same kind and name, `fromBase64` set).
import { urlDecodeFull } from "./transform/urldecode";
import { htmlDecode } from "./transform/html";
import { indexOfEither } from "./transform/out";
import { jsDecode } from "./transform/jsescape";
import { foldUnicode } from "./transform/unicode";
import { foldCase } from "./transform/fold";
import { normalisePath } from "./transform/path";
import { base64DecodePrintable, isBase64Letter } from "./transform/base64";
import { censusOf, ESCAPES, BACKSLASH } from "./census";

export const enum TargetKind {
  Path = 0, ArgName, ArgValue, Header, Cookie, CookieName, BodyValue, BodyKey, Body, Filename,
  /** A header of a multipart part (`multipart:content-type`). */
  PartHeader,
}

/** Where in the request a target comes from (kinds say what it is, origins where it was). */
export const enum TargetOrigin {
  Path = 0, Query, Header, Cookie, Form, Multipart, Json, Xml, Body, Protobuf,
  /** The JOSE header of a JSON Web Token, wherever the token was (engine/jwt.ts). */
  JwtHeader,
  /** The claims of a JSON Web Token. */
  JwtClaims,
}

// unescaped(): at least 8 bytes of escapes, and 40% of the value's bytes.
const UNESCAPED_MIN_BYTES = 12;
const UNESCAPED_MIN_SHRINK = 8;
/** Raw bodies beyond this are left to their parsed values (a second full reading would double their cost). */
const UNESCAPED_MAX_BYTES = 64 * 1024;

export class Target {
  private _url: ArrayBuffer | null = null;
  private _decoded: ArrayBuffer | null = null;
  private _html: ArrayBuffer | null = null;
  private _js: ArrayBuffer | null = null;
  private _path: ArrayBuffer | null = null;
  private _folded: ArrayBuffer | null = null;
  private _base64: ArrayBuffer | null = null;
  private _base64Done: bool = false;
  private _census: u32 = 0;
  private _censusDone: bool = false;
  /** Detectors' own whole-value prefilters let everything through (tests compare the findings with and without). */
  gatesOpen: bool = false;
  /** The clean-values hash of a header, cookie or path target (of an Authorization header by its raw bytes: formArg), computed while parsing (0: not yet). */
  cleanHash: u32 = 0;
  /** True for the derived target holding the base64-decoded text of another. */
  fromBase64: bool = false;
  /**
   * The parsers left out an argument pair remembered clean just before this target (Targets.addArg): the
   * target before it in the request was that pair's value, not the one before it in the list.
   */
  afterSkip: bool = false;
  /**
   * A query or form argument (name or value) whose value is `raw` percent-decoded with `+` as a space
   * (parseUrlencoded), or an Authorization header's credentials without their scheme (Targets.addRawKeyed):
   * the raw bytes decide the value, so the clean-values table keys it by them.
   */
  formArg: bool = false;
  /** Set by the request parsers; `Query` for targets built by hand (tests). */
  origin: TargetOrigin = TargetOrigin.Query;
  /** The display name once built; the parsers give a prefix instead (most names are never shown). */
  private _name: string | null;
  private prefix: string = "";

  constructor(
    public kind: TargetKind,
    /** Display name, e.g. `args:id`. */
    name: string,
    /** The value as received (still percent-encoded where the wire had it). */
    public raw: ArrayBuffer,
    /** The value decoded for its context (URL-decoded, JSON-unescaped, ...). */
    public value: ArrayBuffer,
    /** The bare name: `id` for `args:id`, `user-agent` for `header:user-agent`, `` for `path`/`body`. */
    public key: string = "",
  ) {
    this._name = name;
  }

  /** A target named `prefix` + `key` (`args:` and `id`; `path` and ``), the name built when first asked for. */
  static prefixed(kind: TargetKind, prefix: string, raw: ArrayBuffer, value: ArrayBuffer, key: string): Target {
    const t = new Target(kind, "", raw, value, key);
    t._name = null;
    t.prefix = prefix;
    return t;
  }

  /** The target holding `text`, the base64-decoded form of this one's value: same kind, name and key. */
  derived(text: ArrayBuffer): Target {
    const d = Target.prefixed(this.kind, this.prefix, this.value, text, this.key);
    d._name = this._name;
    d.fromBase64 = true;
    return d;
  }

  /** Display name, e.g. `args:id`. */
  get name(): string {
    if (this._name === null) this._name = this.key.length == 0 ? this.prefix : this.prefix + this.key;
    return this._name!;
  }

  /** `value` percent-decoded until stable, nothing else (control bytes and NUL kept). */
  urlDecoded(): ArrayBuffer {
    if (this._url === null) this._url = urlDecodeFull(this.value);
    return this._url!;
  }

  /** See the table above. */
  decoded(): ArrayBuffer {
    if (this._decoded === null) this._decoded = foldUnicode(this.urlDecoded());
    return this._decoded!;
  }

  /** `decoded()` with HTML entities decoded (named, decimal, hex, missing `;`). */
  htmlDecoded(): ArrayBuffer {
    if (this._html === null) this._html = htmlDecode(this.decoded());
    return this._html!;
  }

  /** `decoded()` with JS/CSS escapes decoded (\uXXXX, \xXX, \XX ...). */
  jsDecoded(): ArrayBuffer {
    if (this._js === null) this._js = jsDecode(this.decoded());
    return this._js!;
  }

  /** `decoded()` with path normalisation (`../`, `./`, `//`, backslashes, encoded slashes). */
  pathNormalised(): ArrayBuffer {
    if (this._path === null) this._path = normalisePath(this.decoded());
    return this._path!;
  }

  /** Fully decoded, lower case, whitespace runs compressed to one space. */
  folded(): ArrayBuffer {
    if (this._folded === null) this._folded = foldCase(jsDecode(this.htmlDecoded()));
    return this._folded!;
  }

  /**
   * The text an encoder hid: `decoded()` with HTML entities and then JS escapes decoded, when the
   * escapes made up much of the value or of the stretch they span (`&#x27;&#x20;OR...`, `\u0027\u0020OR...`, full-width forms:
   * a tool's work, not a stray `&amp;` or `\n`), else null. The engine runs every detector on it as
   * a derived target, as on base64 text; detectors read their own forms of the value otherwise.
   */
  unescaped(): ArrayBuffer | null {
    const n = this.value.byteLength;
    if (n < UNESCAPED_MIN_BYTES || n > UNESCAPED_MAX_BYTES) return null;
    const d = this.decoded();
    const h = this.htmlDecoded();
    const text = h == d ? this.jsDecoded() : jsDecode(h);
    const m = text.byteLength;
    if (n - m < UNESCAPED_MIN_SHRINK) return null;
    if ((n - m) * 5 >= n * 2) return text;
    // or much of the stretch from the first escape to the last: a payload after a User-Agent's products
    // or in a GraphQL argument (`Safari/537.36 &#x27;;print();&#x27;`)
    const dn = d.byteLength;
    const p = changetype<usize>(d);
    const q = changetype<usize>(text);
    let a = 0;
    while (a < m && load<u8>(p + <usize>a) == load<u8>(q + <usize>a)) a++;
    let z = 0;
    while (z < m - a && load<u8>(p + <usize>(dn - 1 - z)) == load<u8>(q + <usize>(m - 1 - z))) z++;
    return dn - m >= UNESCAPED_MIN_SHRINK && (dn - m) * 5 >= (dn - a - z) * 2 ? text : null;
  }

  /**
   * The byte classes (engine/census.ts) of the value as received and as decoded: of `raw`,
   * `value` and, when they hold escapes, every decoded form above. A detector that needs some
   * punctuation tests it here once, whichever form it then reads.
   */
  census(): u32 {
    if (this._censusDone) return this._census;
    this._censusDone = true;
    let c = censusOf(this.value);
    if (this.raw != this.value) c |= censusOf(this.raw);
    if (c & ESCAPES) {
      const u = this.urlDecoded();
      if (u != this.value) c |= censusOf(u);
      const d = this.decoded();
      if (d != u) c |= censusOf(d);
      const h = this.htmlDecoded();
      let fromEntities: u32 = 0;
      if (h != d) c |= fromEntities = censusOf(h);
      const j = this.jsDecoded();
      if (j != d) c |= censusOf(j);
      // An entity that spelled a backslash starts a JS escape that only the folded form decodes.
      if (fromEntities & BACKSLASH) c |= censusOf(this.folded());
    } else {
      // Nothing to decode (no %, &, \, NUL, control or high byte): every decoded form is the value,
      // known now without the passes each decoding makes to find its first escape.
      const v = this.value;
      this._url = v;
      this._decoded = v;
      this._html = v;
      this._js = v;
    }
    this._census = c;
    return c;
  }

  /**
   * Tests: the HTML form as a copy of `decoded()` when it decodes nothing but holds a `&` (as htmlDecode
   * made it before it returned its input then), so that tests compare the findings with the form shared.
   */
  copyUndecodedHtml(): void {
    const d = this.decoded();
    if (htmlDecode(d) == d && indexOfEither(d, 0x26, 0x26, 0) >= 0) this._html = d.slice(0);
  }

  /**
   * Tests: the forms as urlDecode made them before it returned its input when nothing decodes (`50% off`).
   * urlDecoded() of a value holding a `%` is then a copy of it; so is, with `parsed`, the value of a
   * target the request parsers percent-decoded (path, query, cookie, form) whose raw bytes decode to themselves.
   */
  copyUndecodedUrl(parsed: bool): void {
    let v = this.value;
    if (indexOfEither(v, 0x25, 0x25, 0) < 0) return;
    const o = this.origin;
    if (parsed && !this.fromBase64 && v == this.raw && (o == TargetOrigin.Path || o == TargetOrigin.Query || o == TargetOrigin.Cookie || o == TargetOrigin.Form)) {
      this.value = v = v.slice(0);
    }
    if (urlDecodeFull(v) == v) this._url = v.slice(0);
  }

  /** A census that claims every class, so that no gate on it skips a detector (tests compare the findings). */
  claimEveryClass(): void {
    this._census = 0xffffffff;
    this._censusDone = true;
  }

  /** The base64-decoded text of `value`, or null when it is not base64 of printable text. */
  base64Decoded(): ArrayBuffer | null {
    if (!this._base64Done) {
      this._base64Done = true;
      this._base64 = this.kind == TargetKind.Path ? pathBase64(this.value) : embeddedBase64(this.value);
    }
    return this._base64;
  }
}

/**
 * Base64 text that is the value, or else its longest run of base64 letters (20 or more, between
 * bytes no encoder writes: quotes, blanks, brackets): `{ search(q: "PHNjcmlwdD4...") }`.
 */
function embeddedBase64(v: ArrayBuffer): ArrayBuffer | null {
  const whole = base64DecodePrintable(v);
  if (whole !== null) return whole;
  const n = v.byteLength;
  const p = changetype<usize>(v);
  let best = 0;
  let bestLength = 0;
  // Only a run longer than the best so far (and of MIN_EMBEDDED_RUN or more) counts, and such a run
  // starting in [i, j] holds byte j = i + need - 1: when that byte is no base64 letter, the whole
  // window is skipped (prose: most of it). Byte i - 1 is never a letter, so a run found through
  // byte j starts at i or later.
  let i = 0;
  while (true) {
    const need = max(MIN_EMBEDDED_RUN, bestLength + 1);
    const j = i + need - 1;
    if (j >= n) break;
    if (!isBase64Letter(load<u8>(p + <usize>j))) {
      i = j + 1;
      continue;
    }
    let start = j;
    while (start > i && isBase64Letter(load<u8>(p + <usize>(start - 1)))) start--;
    let end = j + 1;
    while (end < n && isBase64Letter(load<u8>(p + <usize>end))) end++;
    if (end - start >= need) {
      best = start;
      bestLength = end - start;
    }
    i = end + 1;
  }
  return bestLength > 0 && bestLength < n ? base64DecodePrintable(v, best, best + bestLength) : null;
}

/** Base64 letters in a row that embeddedBase64 decodes out of a longer value. */
const MIN_EMBEDDED_RUN = 20;

/**
 * Base64 text at the end of a path: its last segment, or its last few segments together, as the
 * standard alphabet's `/` splits an encoded value into segments (`/PD9waHAgc3lzdGVtKCdpZCcpOyA/Pg`).
 */
function pathBase64(path: ArrayBuffer): ArrayBuffer | null {
  const base = changetype<usize>(path);
  let i = path.byteLength;
  for (let segments = 0; segments < 4; segments++) {
    while (i > 0 && load<u8>(base + <usize>(i - 1)) != 0x2f) i--;
    const text = base64DecodePrintable(path, i, path.byteLength);
    if (text !== null || i == 0) return text;
    i--; // the '/' before this segment
  }
  return null;
}
