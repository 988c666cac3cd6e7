// Harness exports for the byte helpers (engine/bytes.ts).
import { indexOfCI } from "../engine/bytes";

/** indexOfCI over the UTF-8 bytes of `hay`, `needle` given in lower-case ASCII. */
export function indexOfCIIn(hay: string, needle: string, from: i32): i32 {
  return indexOfCI(String.UTF8.encode(hay), needle, from);
}
