// Scores one value with the harness's scanTarget and sums the rules of the given categories.
import type { Harness } from "./harness.js";

export const enum Kind { Path = 0, ArgName = 1, ArgValue = 2, Header = 3, Cookie = 4, BodyValue = 6, Filename = 9 }

export interface ScanMatch { id: number; category: string; fragment: string }

export function scan(h: Harness, input: string, kind: Kind = Kind.ArgValue, name = "args:q", paranoia = 1): { score: number; matches: ScanMatch[] } {
  return JSON.parse(h.callString("scanTarget", kind, name, input, paranoia));
}

/** Whether any rule of `category` matched. */
export function hits(h: Harness, category: string, input: string, kind: Kind = Kind.ArgValue, name = "args:q"): boolean {
  return scan(h, input, kind, name).matches.some((m) => m.category === category);
}
