// The CLI's verdict on a plugin configuration, for tests that compare it with the filter's.
import { validateConfig } from "../../src/config/schema.js";

/** The message validateConfig throws for `config`, or null when it accepts it. */
export function cliConfigError(config: unknown): string | null {
  try {
    validateConfig(config);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
