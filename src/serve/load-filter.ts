// Loads the filter module with a plugin configuration file for the CLI commands (serve, replay):
// the configuration is validated against the schema first, so a mistake is reported with the
// file and field names instead of a refused plugin.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { UserError } from "../cli/errors.js";
import { printWarnings } from "../cli/warnings.js";
import { ConfigError, configWarnings, validateConfig } from "../config/schema.js";
import { Emulator, HostError, type EmulatorOptions } from "../host/index.js";

export const defaultWasmPath = fileURLToPath(new URL("../../build/meshwaf.wasm", import.meta.url));

/** Reads and validates a plugin configuration file (JSON), printing its warnings; returns its text ("" without a file). */
export function readConfigFile(path: string | undefined): string {
  if (path === undefined) return "";
  if (!existsSync(path)) throw new UserError(`configuration file ${path} not found`);
  const text = readFileSync(path, "utf8");
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  try {
    validateConfig(config, path);
  } catch (err) {
    if (err instanceof ConfigError) throw new UserError(err.message);
    throw err;
  }
  printWarnings(configWarnings(config).map((w) => `${path}: ${w}`));
  return JSON.stringify(config);
}

export interface FilterOptions extends Omit<EmulatorOptions, "config"> {
  wasmPath?: string;
  configPath?: string;
}

/** Loads build/meshwaf.wasm (or wasmPath) configured like Envoy would; UserError when Envoy would refuse it. */
export async function loadFilter(opts: FilterOptions = {}): Promise<Emulator> {
  const wasmPath = opts.wasmPath ?? defaultWasmPath;
  if (!existsSync(wasmPath)) throw new UserError(`${wasmPath} not found (run \`npm run build\`)`);
  const config = readConfigFile(opts.configPath);
  let em: Emulator;
  try {
    em = await Emulator.load(readFileSync(wasmPath), { rootId: "meshwaf", vmId: "meshwaf", ...opts, config });
  } catch (err) {
    if (err instanceof HostError) throw new UserError(`${wasmPath}: ${err.message}`);
    throw err;
  }
  if (!em.configured) {
    const reasons = em.logs.filter((l) => l.level === "error" || l.level === "critical").map((l) => l.message);
    throw new UserError(`the filter refused the configuration${opts.configPath ? ` in ${opts.configPath}` : ""}${reasons.length ? `: ${reasons.join("; ")}` : ""}`);
  }
  return em;
}
