// Reads a plugin configuration file (JSON or YAML) and validates it with the filter's schema
// (src/config/schema.ts: one source of truth). Errors name the file and the field; what is valid
// but does nothing is printed as a warning (src/config/inert.ts).
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { UserError } from "../cli/errors.js";
import { printWarnings } from "../cli/warnings.js";
import { ConfigError, configWarnings, validateConfig } from "../config/schema.js";

export function loadPluginConfig(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new UserError(`${path}: cannot read the plugin configuration (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let value: unknown;
  try {
    value = parseYaml(text, { uniqueKeys: true });
  } catch (err) {
    throw new UserError(`${path}: not valid JSON or YAML: ${(err as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new UserError(`${path}: expected a JSON object with the plugin configuration (see schema/config.schema.json)`);
  try {
    validateConfig(value, path);
  } catch (err) {
    if (err instanceof ConfigError) throw new UserError(err.message);
    throw err;
  }
  printWarnings(configWarnings(value).map((w) => `${path}: ${w}`));
  return value as Record<string, unknown>;
}
