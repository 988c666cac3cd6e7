// Classic ASP / VBScript code injection: a string run by Execute/ExecuteGlobal/Eval next to a
// statement only VBScript server code has (On Error Resume Next, Response.Write/End, CreateObject,
// Server.ScriptTimeout). Payloads split the sink into joined strings
// (`"Ex"&"e"&"cute(`), so the sink is looked for with `"&"` joins and blanks inside the word removed.
import { indexOfCI, isSpaceByte } from "../../bytes";
import { nextByte } from "./next-byte";

/** Start of a VBScript statement marker when the value also runs a string (Execute/Eval), else -1. */
export function findVbscriptExec(buf: ArrayBuffer): i32 {
  if (!mayHaveExecSink(buf) || !hasExecSink(buf)) return -1;
  let marker = indexOfCI(buf, "resume next");
  if (marker < 0) marker = indexOfCI(buf, "response.");
  if (marker < 0) marker = indexOfCI(buf, "createobject");
  if (marker < 0) marker = indexOfCI(buf, "scripttimeout");
  return marker;
}

/**
 * Whether some `(` has, reading back over blanks, quotes and `&` (every byte hasExecSink's joins
 * skip), the letters of `eval`, `execute` or `global`: hasExecSink cannot be true otherwise.
 * One compare a byte for text without such a `(`.
 */
export function mayHaveExecSink(buf: ArrayBuffer): bool {
  const n = buf.byteLength;
  const base = changetype<usize>(buf);
  for (let i = 4; i < n; i++) {
    i = nextByte(buf, i, 0x28, false);
    if (i >= n) break;
    let win: u64 = 0;
    let k = i - 1;
    for (let got = 0; got < 7 && k >= 0; k--) {
      const c = <u32>load<u8>(base + <usize>k);
      if (c == 0x20 || c == 0x22 || c == 0x26 || isSpaceByte(c)) continue;
      win |= <u64>(c - 0x41 < 26 ? c | 0x20 : c) << (<u64>got << 3);
      got++;
    }
    if ((win & 0xffffffffffffff) == 0x65786563757465 || (win & 0xffffffff) == 0x6576616c || (win & 0xffffffffffff) == 0x676c6f62616c) return true;
  }
  return false;
}

/** Whether `execute(`, `executeglobal(` or `eval(` appears once `"&"` joins and blanks are dropped (bounded: one pass). */
export function hasExecSink(buf: ArrayBuffer): bool {
  const n = buf.byteLength;
  const base = changetype<usize>(buf);
  // a rolling window of the last seven bytes kept, lower-cased, the newest in the low byte
  let win: u64 = 0;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(base + <usize>i);
    if (c == 0x22 && i + 2 < n && load<u8>(base + <usize>(i + 1)) == 0x26 && load<u8>(base + <usize>(i + 2)) == 0x22) { i += 2; continue; } // "&"
    if (c == 0x22 && i + 4 < n && load<u8>(base + <usize>(i + 2)) == 0x26 && load<u8>(base + <usize>(i + 4)) == 0x22 &&
      isSpaceByte(<u32>load<u8>(base + <usize>(i + 1))) && isSpaceByte(<u32>load<u8>(base + <usize>(i + 3)))) { i += 4; continue; } // " & "
    if (c == 0x20) continue;
    if (c == 0x28) {
      // ...execute( / ...eval( (executeglobal( ends in "global")
      if ((win & 0xffffffffffffff) == 0x65786563757465 || (win & 0xffffffff) == 0x6576616c || (win & 0xffffffffffff) == 0x676c6f62616c) return true;
    }
    win = (win << 8) | <u64>(c - 0x41 < 26 ? c | 0x20 : c);
  }
  return false;
}
