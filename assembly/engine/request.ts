// The request as the filter collected it: what the engine inspects.

/** The empty value (shared: nothing writes into a request's buffers). */
export const NO_BYTES = new ArrayBuffer(0);

export class HttpRequest {
  method: string = "GET";
  /** The request-target as on the request line (path and query, percent-encoded). */
  path: ArrayBuffer = NO_BYTES;
  authority: string = "";
  /** Header names (lower case, as Envoy delivers them) and values, in order, in two parallel lists (no object per header). */
  headerNames: string[];
  headerValues: ArrayBuffer[];
  /** The body bytes seen (up to the body limit), or null when there was none. */
  body: ArrayBuffer | null = null;
  /** True when the body went past the body limit and only a prefix is in `body`. */
  bodyTruncated: bool = false;

  /** `headers`: how many the request will hold (the lists are made that big at once). */
  constructor(headers: i32 = 0) {
    this.headerNames = new Array<string>(headers);
    this.headerValues = new Array<ArrayBuffer>(headers);
    this.headerNames.length = 0;
    this.headerValues.length = 0;
  }

  addHeader(name: string, value: ArrayBuffer): void {
    this.headerNames.push(name);
    this.headerValues.push(value);
  }

  /** The value of the first header named `name` (lower case), or null. */
  header(name: string): ArrayBuffer | null {
    const names = this.headerNames;
    for (let i = 0; i < names.length; i++) if (unchecked(names[i]) == name) return unchecked(this.headerValues[i]);
    return null;
  }

  /** The value of the last header named `name` (lower case), or null: the one a server that keeps the last copy reads. */
  lastHeader(name: string): ArrayBuffer | null {
    const names = this.headerNames;
    for (let i = names.length - 1; i >= 0; i--) if (unchecked(names[i]) == name) return unchecked(this.headerValues[i]);
    return null;
  }
}
