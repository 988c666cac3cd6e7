// Loads build/meshwaf.wasm into the Node host (one Emulator, i.e. one VM, per call).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Emulator, type EmulatorOptions, type LogEntry, type RequestSpec } from "../../src/host/index.js";

export const filterWasm = readFileSync(fileURLToPath(new URL("../../build/meshwaf.wasm", import.meta.url)));

export function loadFilter(config: string | object = "", opts: EmulatorOptions = {}): Promise<Emulator> {
  return Emulator.load(filterWasm, { ...opts, config });
}

/** The filter's decision lines among the logs, parsed. */
export function decisions(logs: readonly LogEntry[]): Record<string, any>[] {
  return logs.filter((l) => l.message.startsWith('{"meshwaf":"decision"')).map((l) => JSON.parse(l.message));
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
