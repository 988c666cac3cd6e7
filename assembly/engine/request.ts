// The request as the filter collected it: what the engine inspects.

export class Header {
  constructor(
    /** Lower-case name bytes, as Envoy delivers them. */
    public name: string,
    public value: ArrayBuffer,
  ) {}
}

/** The empty value (shared: nothing writes into a request's buffers). */
export const NO_BYTES = new ArrayBuffer(0);

export class HttpRequest {
  method: string = "GET";
  /** The request-target as on the request line (path and query, percent-encoded). */
  path: ArrayBuffer = NO_BYTES;
  authority: string = "";
  headers: Header[] = [];
  /** The body bytes seen (up to the body limit), or null when there was none. */
  body: ArrayBuffer | null = null;
  /** True when the body went past the body limit and only a prefix is in `body`. */
  bodyTruncated: bool = false;
}
