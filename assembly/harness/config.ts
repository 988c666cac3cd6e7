// Harness exports of the configuration parser, for tests that hold it to the schema.
import { parsePluginConfig } from "../config/parse";

/** "ok" when `json` is a valid plugin configuration, else the error naming the field. */
export function parseConfig(json: string): string {
  const result = parsePluginConfig(Uint8Array.wrap(String.UTF8.encode(json)));
  return result.error.length > 0 ? result.error : "ok";
}

/** The parsed configuration as JSON (defaults filled in), or the error; for tests of the values. */
export function parsedConfigSummary(json: string): string {
  const result = parsePluginConfig(Uint8Array.wrap(String.UTF8.encode(json)));
  const c = result.config;
  if (c === null) return result.error;
  const e = c.engine;
  return '{"block":' + (c.block ? "true" : "false") +
    ',"paranoiaLevel":' + e.paranoiaLevel.toString() +
    ',"anomalyThreshold":' + e.anomalyThreshold.toString() +
    ',"bodyLimit":' + c.bodyLimit.toString() +
    ',"bodyLimitReject":' + (c.bodyLimitReject ? "true" : "false") +
    ',"blockStatus":' + c.blockStatus.toString() +
    ',"hasBlockBody":' + (c.blockBody !== null ? "true" : "false") +
    ',"logLevel":' + c.logLevel.toString() +
    ',"logAllowed":' + (c.logAllowed ? "true" : "false") +
    ',"disabledCategories":' + e.disabledCategories.length.toString() +
    ',"exclusions":' + e.exclusions.length.toString() + "}";
}

/** The configuration's warnings, one a line ("" for none), or the error. */
export function configWarnings(json: string): string {
  const result = parsePluginConfig(Uint8Array.wrap(String.UTF8.encode(json)));
  return result.config === null ? result.error : result.warnings.join("\n");
}
