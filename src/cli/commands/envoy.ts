import type { Command } from "commander";
import { UserError } from "../errors.js";

export function registerEnvoy(program: Command): void {
  program
    .command("envoy")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'envoy' is not implemented yet");
    });
}
