// Classic ASP / VBScript code injection: a string run by Execute/ExecuteGlobal/Eval next to a
// statement only VBScript server code has (On Error Resume Next, Response.Write/End, CreateObject,
// Server.ScriptTimeout). Payloads split the sink into joined strings
// (`"Ex"&"e"&"cute(`), so the sink is looked for with `"&"` joins and blanks inside the word removed.
import { indexOfCI, isSpaceByte } from "../../bytes";

/** Start of a VBScript statement marker when the value also runs a string (Execute/Eval), else -1. */
export function findVbscriptExec(buf: ArrayBuffer): i32 {
  if (!hasExecSink(buf)) return -1;
  let marker = indexOfCI(buf, "resume next");
  if (marker < 0) marker = indexOfCI(buf, "response.");
  if (marker < 0) marker = indexOfCI(buf, "createobject");
  if (marker < 0) marker = indexOfCI(buf, "scripttimeout");
  return marker;
}

/** Whether `execute(`, `executeglobal(` or `eval(` appears once `"&"` joins and blanks are dropped (bounded: one pass). */
function hasExecSink(buf: ArrayBuffer): bool {
  const n = buf.byteLength;
  const base = changetype<usize>(buf);
  // a rolling window of the last letters kept, lower-cased
  let w0: u32 = 0, w1: u32 = 0, w2: u32 = 0, w3: u32 = 0, w4: u32 = 0, w5: u32 = 0, w6: u32 = 0;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(base + <usize>i);
    if (c == 0x22 && i + 2 < n && load<u8>(base + <usize>(i + 1)) == 0x26 && load<u8>(base + <usize>(i + 2)) == 0x22) { i += 2; continue; } // "&"
    if (c == 0x22 && i + 4 < n && load<u8>(base + <usize>(i + 2)) == 0x26 && load<u8>(base + <usize>(i + 4)) == 0x22 &&
      isSpaceByte(<u32>load<u8>(base + <usize>(i + 1))) && isSpaceByte(<u32>load<u8>(base + <usize>(i + 3)))) { i += 4; continue; } // " & "
    if (c == 0x20) continue;
    if (c == 0x28) {
      // ...execute( / ...eval( (executeglobal( ends in "global")
      if (w6 == 0x65 && w5 == 0x78 && w4 == 0x65 && w3 == 0x63 && w2 == 0x75 && w1 == 0x74 && w0 == 0x65) return true;
      if (w3 == 0x65 && w2 == 0x76 && w1 == 0x61 && w0 == 0x6c) return true;
      if (w5 == 0x67 && w4 == 0x6c && w3 == 0x6f && w2 == 0x62 && w1 == 0x61 && w0 == 0x6c) return true;
    }
    w6 = w5; w5 = w4; w4 = w3; w3 = w2; w2 = w1; w1 = w0;
    w0 = c - 0x41 < 26 ? c | 0x20 : c;
  }
  return false;
}
