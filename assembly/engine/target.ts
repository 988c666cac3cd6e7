// A named piece of the request that detectors inspect (`args:id`, `json:user.bio`,
// `header:user-agent`, `cookie:session`, `path`, `body`).

export const enum TargetKind {
  Path = 0, ArgName, ArgValue, Header, Cookie, CookieName, BodyValue, BodyKey, Body, Filename,
}

export class Target {
  constructor(
    public kind: TargetKind,
    /** Display name, e.g. `args:id`. */
    public name: string,
    /** The value as received (still percent-encoded where the wire had it). */
    public raw: ArrayBuffer,
    /** The value decoded for its context (URL-decoded, JSON-unescaped, ...). */
    public value: ArrayBuffer,
  ) {}
}
