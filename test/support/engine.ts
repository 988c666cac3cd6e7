// Helpers over the harness build for engine tests: run a request through the
// engine, list its targets, apply one transformation.
import type { Harness } from "./harness.js";

export interface Req {
  method?: string;
  path?: string;
  headers?: [string, string][];
  body?: string | Uint8Array | null;
}

export interface EngineMatch { id: number; category: string; target: string; fragment: string; reason: string }
export interface EngineVerdict { score: number; attack: boolean; matches: EngineMatch[] }
export interface EngineTarget { kind: string; name: string; value: string }

function withArgs<T>(h: Harness, r: Req, call: (m: number, p: number, hd: number, b: number) => T): T {
  const ex = h.exports;
  const pins: number[] = [];
  const pin = (p: number) => (pins.push(ex.__pin(p)), p);
  const headers = (r.headers ?? [["host", "svc.local"]]).map(([n, v]) => `${n.toLowerCase()}\n${v}\n`).join("");
  let b = 0;
  if (r.body !== undefined && r.body !== null) {
    const bytes = typeof r.body === "string" ? Buffer.from(r.body, "utf8") : Buffer.from(r.body);
    b = pin(ex.__newArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
  }
  try {
    return call(pin(ex.__newString(r.method ?? "GET")), pin(ex.__newString(r.path ?? "/")), pin(ex.__newString(headers)), b);
  } finally {
    for (const p of pins) ex.__unpin(p);
  }
}

export function inspect(h: Harness, r: Req, paranoia = 1, threshold = 5): EngineVerdict {
  return withArgs(h, r, (m, p, hd, b) => JSON.parse(h.exports.__getString(h.exports.inspectRequest(m, p, hd, b, paranoia, threshold))));
}

/**
 * The engine on one request, every target inspected (no seen set), with `copied` its forms as urlDecode made them
 * before it returned its input when nothing decodes (harness inspectRequestUrlCopied): tests compare both.
 */
export function inspectUrlCopied(h: Harness, r: Req, copied: boolean, paranoia = 1, threshold = 5): EngineVerdict {
  return withArgs(h, r, (m, p, hd, b) => JSON.parse(h.exports.__getString(h.exports.inspectRequestUrlCopied(m, p, hd, b, paranoia, threshold, copied ? 1 : 0))));
}

/** Exclusions: `ruleIds|categories|host|pathPrefix|method|target` per line. */
export function inspectWith(h: Harness, r: Req, disabled: string, exclusions: string, paranoia = 1, threshold = 5): EngineVerdict {
  const ex = h.exports;
  const d = ex.__pin(ex.__newString(disabled));
  const e = ex.__pin(ex.__newString(exclusions));
  try {
    return withArgs(h, r, (m, p, hd, b) => JSON.parse(ex.__getString(ex.inspectRequestWith(m, p, hd, b, paranoia, threshold, d, e))));
  } finally {
    ex.__unpin(d);
    ex.__unpin(e);
  }
}

export function targetsOf(h: Harness, r: Req): { bodyProblem: number; argCount: number; targets: EngineTarget[] } {
  return withArgs(h, r, (m, p, hd, b) => JSON.parse(h.exports.__getString(h.exports.targetsOf(m, p, hd, b))));
}

/** Applies a transformation; returns the output as bytes, or null. */
export function transform(h: Harness, name: string, input: Uint8Array): Uint8Array | null {
  const ex = h.exports;
  const n = ex.__pin(ex.__newString(name));
  const i = ex.__pin(ex.__newArrayBuffer(input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength)));
  try {
    const out = ex.transform(n, i);
    return out === 0 ? null : new Uint8Array(ex.__getArrayBuffer(out));
  } finally {
    ex.__unpin(n);
    ex.__unpin(i);
  }
}

export function transformUnchanged(h: Harness, name: string, input: Uint8Array): boolean {
  const ex = h.exports;
  const n = ex.__pin(ex.__newString(name));
  const i = ex.__pin(ex.__newArrayBuffer(input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength)));
  try {
    return ex.transformUnchanged(n, i) !== 0;
  } finally {
    ex.__unpin(n);
    ex.__unpin(i);
  }
}

export function targetForms(h: Harness, kind: number, value: string, censusFirst = false): Record<string, string | null> {
  const ex = h.exports;
  const bytes = Buffer.from(value, "utf8");
  const i = ex.__pin(ex.__newArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
  try {
    return JSON.parse(ex.__getString(ex.targetForms(kind, i, censusFirst ? 1 : 0)));
  } finally {
    ex.__unpin(i);
  }
}

/** TargetKind values (assembly/engine/target.ts). */
export const KIND = { Path: 0, ArgName: 1, ArgValue: 2, Header: 3, Cookie: 4, CookieName: 5, BodyValue: 6, BodyKey: 7, Body: 8, Filename: 9, PartHeader: 10 } as const;

/** Score one detector gives `input` as a target of `kind`. */
/** Score of the sqli rules alone for one value (the harness's sqliScore export). */
export function sqliScore(h: Harness, value: string, paranoia = 1): number {
  const ex = h.exports;
  const ptr = ex.__pin(ex.__newString(value));
  try {
    return ex.sqliScore(ptr, paranoia);
  } finally {
    ex.__unpin(ptr);
  }
}

export function detectorScore(h: Harness, detector: string, input: string, kind: number, paranoia = 1): number {
  const ex = h.exports;
  const d = ex.__pin(ex.__newString(detector));
  const p = ex.__pin(ex.__newString(input));
  try {
    return ex.detectorScore(d, p, kind, paranoia);
  } finally {
    ex.__unpin(p);
    ex.__unpin(d);
  }
}

export interface Scan { score: number; matches: { id: number; category: string }[] }

/** Every detector over hand-built targets `[kind, name, value]`. */
export function scanTargets(h: Harness, list: [number, string, string][], paranoia = 1): Scan {
  return JSON.parse(h.callString("scanTargets", list.map(([k, n, v]) => `${k}\t${n}\t${v}`).join("\u0000"), paranoia));
}

/** Ids of the rules of `category` that match `input` as an argument value (or a target of `kind`). */
export function categoryIds(h: Harness, category: string, input: string, kind: number = KIND.ArgValue): number[] {
  return scanTargets(h, [[kind, "args:q", input]]).matches.filter((m) => m.category === category).map((m) => m.id);
}
