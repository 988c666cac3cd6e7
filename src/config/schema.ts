// The plugin configuration schema (schema/config.schema.json) is the one source of truth:
// the CLI validates with it, the filter's parser is tested against it, the README table is generated from it.
import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject } from "ajv";

export const configSchemaPath = new URL("../../schema/config.schema.json", import.meta.url);
export const configSchema = JSON.parse(readFileSync(configSchemaPath, "utf8"));

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, useDefaults: false });
const validate = ajv.compile(configSchema);

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

function describe(err: ErrorObject): string {
  const where = err.instancePath === "" ? "configuration" : err.instancePath.slice(1).replace(/\//g, ".");
  switch (err.keyword) {
    case "additionalProperties":
      return `${where}: unknown field "${err.params.additionalProperty}"`;
    case "enum":
      return `${where}: must be one of ${(err.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "anyOf":
      return `${where}: needs ruleIds or categories`;
    default:
      return `${where}: ${err.message}`;
  }
}

/** Validates a plugin configuration; throws ConfigError naming every wrong field. */
export function validateConfig(config: unknown, source = "configuration"): void {
  if (validate(config)) return;
  const messages = [...new Set((validate.errors ?? []).filter((e) => !/\/anyOf\/\d+\//.test(e.schemaPath)).map(describe))];
  throw new ConfigError(`${source} is invalid:\n  - ${messages.join("\n  - ")}`);
}
