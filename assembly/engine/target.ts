// A named piece of the request that detectors inspect (`args:id`, `json:user.bio`,
// `header:user-agent`, `cookie:session`, `path`, `body`), with its decoded forms.
// Decoded forms are computed on first use and kept, so detectors that need the
// same form share one decoding.

export const enum TargetKind {
  Path = 0, ArgName, ArgValue, Header, Cookie, CookieName, BodyValue, BodyKey, Body, Filename,
}

export class Target {
  private _html: ArrayBuffer | null = null;
  private _js: ArrayBuffer | null = null;
  private _path: ArrayBuffer | null = null;

  constructor(
    public kind: TargetKind,
    /** Display name, e.g. `args:id`. */
    public name: string,
    /** The value as received (still percent-encoded where the wire had it). */
    public raw: ArrayBuffer,
    /** The value decoded for its context (URL-decoded, JSON-unescaped, ...). */
    public value: ArrayBuffer,
  ) {}

  /** `value` with HTML entities decoded (named, decimal, hex, missing `;`). */
  htmlDecoded(): ArrayBuffer {
    if (this._html === null) this._html = this.value; // TODO(engine): decode
    return this._html!;
  }

  /** `value` with JS/CSS escapes decoded (\uXXXX, \xXX, \NNN, \XX). */
  jsDecoded(): ArrayBuffer {
    if (this._js === null) this._js = this.value; // TODO(engine): decode
    return this._js!;
  }

  /** `value` with path normalisation (`../`, `./`, `//`, backslashes, encoded slashes). */
  pathNormalised(): ArrayBuffer {
    if (this._path === null) this._path = this.value; // TODO(engine): normalise
    return this._path!;
  }
}
