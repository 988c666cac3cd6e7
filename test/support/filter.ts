// Loads build/meshwaf.wasm into the Node host (one Emulator, i.e. one VM, per call).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Emulator, type EmulatorOptions, type LogEntry } from "../../src/host/index.js";

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
