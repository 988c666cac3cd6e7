// The plugin configuration schema (schema/config.schema.json) is the one source of truth:
// the CLI validates with it, the filter's parser is tested against it, the README table is generated from it.
import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject } from "ajv";
import { exclusionProblems } from "./exclusions.js";

export { configWarnings } from "./inert.js";

export const configSchemaPath = new URL("../../schema/config.schema.json", import.meta.url);
export const configSchema = JSON.parse(readFileSync(configSchemaPath, "utf8"));

// (verbose: an error carries the value it is about, for `unknown rule id 1052`)
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, useDefaults: false, verbose: true });
const validate = ajv.compile(configSchema);

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** The filter's words too (assembly/config/parse.ts). */
const METHOD = "must be an HTTP method in upper case (methods are case-sensitive)";

function describe(err: ErrorObject): string {
  const where = err.instancePath === "" ? "configuration" : err.instancePath.slice(1).replace(/\//g, ".");
  switch (err.keyword) {
    case "additionalProperties":
      return `${where}: unknown field "${err.params.additionalProperty}"`;
    case "anyOf":
      return `${where}: needs ruleIds or categories`;
    case "enum":
      // (definitions.ruleId: the registry's ids, written by scripts/rules-doc.ts)
      if (err.schemaPath === "#/definitions/ruleId/enum") return `${where.slice(0, where.lastIndexOf("."))}: unknown rule id ${JSON.stringify(err.data)} (README's rule table lists the rules)`;
      return `${where}: must be one of ${(err.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "pattern":
      if (/\/method$/.test(err.instancePath)) return `${where}: ${METHOD}`;
      return `${where}: ${err.message}`;
    default:
      return `${where}: ${err.message}`;
  }
}

/** Errors worth a message: not those inside the anyOf alternatives, nor a rule id's enum where its type or minimum already failed. */
function reported(errors: ErrorObject[]): ErrorObject[] {
  const rest = errors.filter((e) => !/\/anyOf\/\d+\//.test(e.schemaPath));
  return rest.filter((e) => e.keyword !== "enum" || !rest.some((o) => o !== e && o.instancePath === e.instancePath));
}

/** "<field>: <what is wrong>" for every wrong field of a plugin configuration (none: it is valid). */
export function configProblems(config: unknown): string[] {
  const messages = validate(config) ? [] : [...new Set(reported(validate.errors ?? []).map(describe))];
  messages.push(...exclusionProblems(config));
  return messages;
}

/** Validates a plugin configuration; throws ConfigError naming every wrong field. */
export function validateConfig(config: unknown, source = "configuration"): void {
  const messages = configProblems(config);
  if (messages.length === 0) return;
  throw new ConfigError(`${source} is invalid:\n  - ${messages.join("\n  - ")}`);
}
