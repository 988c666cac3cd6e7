// The text inside binary data, as `strings` would show it: a body or a protobuf `bytes` field
// is read for attacks through its runs of text, each on its own, not as a whole. Read whole,
// random bytes look like punctuation soup (`$x(`, `'... or`, 8-bit `<` `>`): one binary upload
// in seven was blocked, and runs joined into one text still made SQL across their seams. An
// attack in a binary format sits in a run of text (a string field, a name, a script).
//
// Text in binary data is printable ASCII and blanks (tab, LF, VT, FF, CR). NUL is dropped, not
// a break: a payload split by NULs stays joined, as back ends that strip them see it. Every
// other byte (control bytes, bytes from 0x80 up: in random data they would glue runs together)
// ends a run; runs shorter than MIN_RUN are noise and left out. A text body (isBinary false),
// UTF-8 or not, is read whole as before.
//
// MIN_RUN is 16: in random and gzip bytes one body in 400 held a 12-15 byte run of punctuation
// soup that read as a quote breakout or a short command; none of 6,000 does at 16 (a run of 16
// printable bytes is ~50x rarer than one of 12). An attack is longer than that.
import { Targets } from "./targets";
import { TargetKind } from "../target";
import { ByteWriter } from "../transform/out";

const MIN_RUN = 16;
/** Runs read from one value, at most: past this many, the rest of the value is left alone. */
const MAX_RUNS = 256;

/**
 * Whether `data` is binary: it holds a control byte other than the blanks and NUL (text in any
 * charset, UTF-8 or Latin-1, has none; protobuf keys and lengths, compressed and random data do).
 */
export function isBinary(data: ArrayBuffer): bool {
  const base = changetype<usize>(data);
  const n = data.byteLength;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(base + <usize>i);
    if ((c < 0x20 && c != 0 && (c < 0x09 || c > 0x0d)) || c == 0x7f) return true;
  }
  return false;
}

/** Adds each text run of `data` (MIN_RUN bytes or more, NULs left out) as a target of `kind`. */
export function addTextRuns(data: ArrayBuffer, kind: TargetKind, prefix: string, key: string, out: Targets): void {
  const n = data.byteLength;
  const base = changetype<usize>(data);
  let i = 0;
  let runs = 0;
  while (i < n && runs < MAX_RUNS) {
    const e = textEnd(base, i, n);
    if (e == i) {
      i++;
      continue;
    }
    let length = 0;
    for (let k = i; k < e; k++) if (load<u8>(base + <usize>k) != 0) length++;
    if (length >= MIN_RUN) {
      const run = new ByteWriter(length);
      for (let k = i; k < e; k++) {
        const c = <u32>load<u8>(base + <usize>k);
        if (c != 0) run.put(c);
      }
      const text = run.finish();
      out.add(kind, prefix, text, text, key);
      runs++;
    }
    i = e;
  }
}

/** The end of the run of text that starts at `i` (`i` itself when the byte there breaks text). */
function textEnd(base: usize, i: i32, n: i32): i32 {
  while (i < n) {
    const c = <u32>load<u8>(base + <usize>i);
    if (c == 0 || (c >= 0x20 && c < 0x7f) || (c >= 0x09 && c <= 0x0d)) i++;
    else return i;
  }
  return n;
}
