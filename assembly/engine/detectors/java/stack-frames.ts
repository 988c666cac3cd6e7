// Stack traces name JDK classes and methods as code locations: `at java.lang.Thread.run(Thread.java:840)`,
// `at java.base/java.io.FileInputStream.open0(Native Method)`. Error reports, support forms and log
// shipping carry them; a frame is no expression anyone evaluates (its "arguments" are a file and a line),
// so the name and expression scans read the value with its frames blanked out.
import { isWordByte, needleCode, needleLength } from "../../bytes";

/** `data` with every stack frame (a dotted name and its `(File.java:N)`, `(Native Method)` or `(Unknown Source)`) blanked, or `data` itself when it has none. */
export function withoutStackFrames(data: ArrayBuffer): ArrayBuffer {
  const n = data.byteLength;
  const base = changetype<usize>(data);
  let out: ArrayBuffer | null = null;
  for (let i = 0; i < n; i++) {
    if (load<u8>(base + <usize>i) != 0x28) continue;
    const close = frameLocationEnd(base, i + 1, n);
    if (close < 0) continue;
    // back over the frame's name: `java.base/java.lang.Thread.run`, `Foo$Bar.<init>`
    let start = i;
    while (start > 0 && isFrameNameByte(<u32>load<u8>(base + <usize>(start - 1)))) start--;
    if (start == i) continue;
    if (out === null) out = data.slice(0);
    memory.fill(changetype<usize>(out) + <usize>start, 0x20, <usize>(close + 1 - start));
    i = close;
  }
  return out === null ? data : out!;
}

function isFrameNameByte(c: u32): bool {
  return isWordByte(c) || c == 0x2e || c == 0x24 || c == 0x2f || c == 0x3c || c == 0x3e || c == 0x2d;
}

/** After a `(` at `i - 1`: the offset of the `)` of `File.java:123)`, `File.java)`, `Native Method)` or `Unknown Source)`, else -1. */
function frameLocationEnd(base: usize, i: i32, n: i32): i32 {
  if (matches(base, i, n, "Native Method)")) return i + 13;
  if (matches(base, i, n, "Unknown Source)")) return i + 14;
  let k = i;
  while (k < n && isFileByte(<u32>load<u8>(base + <usize>k))) k++;
  if (k == i || !matches(base, k, n, ".java")) return -1;
  k += 5;
  // `(HikariProxyPreparedStatement.java)`: a class generated without line numbers
  if (k < n && load<u8>(base + <usize>k) == 0x29) return k;
  if (k >= n || load<u8>(base + <usize>k) != 0x3a) return -1;
  const digits = ++k;
  while (k < n && <u32>load<u8>(base + <usize>k) - 0x30 < 10) k++;
  return k > digits && k < n && load<u8>(base + <usize>k) == 0x29 ? k : -1;
}

function isFileByte(c: u32): bool {
  return isWordByte(c) || c == 0x24 || c == 0x2d;
}

/** Whether `text` (a needle: bytes.ts) is at `i` of the `end` bytes at `base`, case-sensitively. */
function matches<Needle>(base: usize, i: i32, end: i32, text: Needle, n: i32 = 0): bool {
  n = needleLength(text, n);
  if (i + n > end) return false;
  for (let k = 0; k < n; k++) if (<u32>load<u8>(base + <usize>(i + k)) != needleCode(text, k)) return false;
  return true;
}
