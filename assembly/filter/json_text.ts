// Building JSON text for log lines and reply bodies: strings escaped (quotes,
// backslashes, every control character as \u00XX so one decision stays one log
// line), optionally truncated to a number of UTF-16 units with a trailing "...".

/** `s` as a JSON string literal, at most `maxChars` characters of it (then "..."). */
export function jsonString(s: string, maxChars: i32 = i32.MAX_VALUE): string {
  let n = s.length;
  let truncated = false;
  if (n > maxChars) {
    n = maxChars;
    // do not split a surrogate pair
    if (n > 0 && (s.charCodeAt(n - 1) & 0xfc00) == 0xd800) n--;
    truncated = true;
  }
  const parts: string[] = ['"'];
  let runStart = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c != 0x22 && c != 0x5c && c != 0x7f && c != 0x2028 && c != 0x2029) continue;
    if (i > runStart) parts.push(s.substring(runStart, i));
    parts.push(escapeChar(c));
    runStart = i + 1;
  }
  if (n > runStart) parts.push(s.substring(runStart, n));
  if (truncated) parts.push("...");
  parts.push('"');
  return parts.join("");
}

function escapeChar(c: i32): string {
  if (c == 0x22) return '\\"';
  if (c == 0x5c) return "\\\\";
  if (c == 0x0a) return "\\n";
  if (c == 0x0d) return "\\r";
  if (c == 0x09) return "\\t";
  const hex = c.toString(16);
  return "\\u" + "0000".substring(hex.length) + hex;
}

/** Bytes as text for a log: invalid UTF-8 becomes U+FFFD. */
export function bytesText(data: ArrayBuffer | null): string {
  return data === null ? "" : String.UTF8.decode(data);
}
