// Loads build/meshwaf.wasm into the Node host (one Emulator, i.e. one VM, per call).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { Emulator, runRequest, type EmulatorOptions, type LogEntry, type RequestSpec } from "../../src/host/index.js";
import { inspect } from "./engine.js";
import type { Harness } from "./harness.js";

export const filterWasm = readFileSync(fileURLToPath(new URL("../../build/meshwaf.wasm", import.meta.url)));

export function loadFilter(config: string | object = "", opts: EmulatorOptions = {}): Promise<Emulator> {
  return Emulator.load(filterWasm, { ...opts, config });
}

/** The filter's decision lines among the logs, parsed. */
export function decisions(logs: readonly LogEntry[]): Record<string, any>[] {
  return logs.filter((l) => l.message.startsWith('{"meshwaf":"decision"')).map((l) => JSON.parse(l.message));
}

/** The rule ids of the filter's decision on `spec` (sorted, each once); the request must not fail. */
export function filterRules(em: Emulator, spec: RequestSpec): number[] {
  const out = runRequest(em, spec);
  expect(out.failed).toBe(false);
  const line = decisions(out.logs)[0];
  return line ? [...new Set<number>(line.rules)].sort((a, b) => a - b) : [];
}

/** The rule ids a fresh engine (the harness build) finds in `spec`, as `filterRules` gives the filter's. */
export function harnessRules(h: Harness, spec: RequestSpec): number[] {
  const given = (spec.headers ?? []) as [string, string][];
  const headers = given.some(([k]) => k.toLowerCase() == "host") ? given : [["host", spec.authority ?? "svc.local"] as [string, string], ...given];
  const ids = inspect(h, { method: spec.method ?? "GET", path: spec.path ?? "/", headers, body: spec.body }).matches.map((m) => m.id);
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** A request the SQL injection detector on main blocks at the default settings. */
export const SQLI_GET = "/?id=1%27%20OR%20%271%27%3D%271";

/** The committed corpus sample (test/fixtures/corpus-sample.jsonl) as request specs. */
export function sampleCorpus(chunkSize?: number): RequestSpec[] {
  const text = readFileSync(fileURLToPath(new URL("../fixtures/corpus-sample.jsonl", import.meta.url)), "utf8");
  return text.trim().split("\n").map((line) => {
    const r = JSON.parse(line);
    const body = r.body_b64 !== undefined ? Buffer.from(r.body_b64, "base64") : r.body;
    return { method: r.method, path: r.path, headers: r.headers, body, chunkSize };
  });
}
