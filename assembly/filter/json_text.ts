// Text from request bytes for the log (JSON escaping is json_writer.ts's).

/** Bytes as text for a log: invalid UTF-8 becomes U+FFFD. */
export function bytesText(data: ArrayBuffer | null): string {
  return data === null ? "" : String.UTF8.decode(data);
}
