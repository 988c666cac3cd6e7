// The request as the filter collected it: what the engine inspects.

/** The empty value (shared: nothing writes into a request's buffers). */
export const NO_BYTES = new ArrayBuffer(0);

export class HttpRequest {
  method: string = "GET";
  /** The request-target as on the request line (path and query, percent-encoded). */
  path: ArrayBuffer = NO_BYTES;
  authority: string = "";
  /**
   * Header names (lower case, as Envoy delivers them) and values, in order, in two parallel arrays
   * (no object per header): the first `headerCount` slots.
   */
  headerNames: StaticArray<string>;
  headerValues: StaticArray<ArrayBuffer>;
  headerCount: i32 = 0;
  /** The body bytes seen (up to the body limit), or null when there was none. */
  body: ArrayBuffer | null = null;
  /** True when the body went past the body limit and only a prefix is in `body`. */
  bodyTruncated: bool = false;

  /** `headers`: how many the request holds at most (the arrays are made that big at once). */
  constructor(headers: i32) {
    this.headerNames = new StaticArray<string>(headers);
    this.headerValues = new StaticArray<ArrayBuffer>(headers);
  }

  /** Adds a header (one past the number the request was made for is dropped: the collector counts them first). */
  addHeader(name: string, value: ArrayBuffer): void {
    const i = this.headerCount;
    if (i >= this.headerNames.length) return;
    unchecked((this.headerNames[i] = name));
    unchecked((this.headerValues[i] = value));
    this.headerCount = i + 1;
  }

  /** The value of the first header named `name` (lower case), or null. */
  header(name: string): ArrayBuffer | null {
    const names = this.headerNames;
    for (let i = 0, n = this.headerCount; i < n; i++) if (unchecked(names[i]) == name) return unchecked(this.headerValues[i]);
    return null;
  }

  /** The value of the last header named `name` (lower case), or null: the one a server that keeps the last copy reads. */
  lastHeader(name: string): ArrayBuffer | null {
    const names = this.headerNames;
    for (let i = this.headerCount - 1; i >= 0; i--) if (unchecked(names[i]) == name) return unchecked(this.headerValues[i]);
    return null;
  }
}
