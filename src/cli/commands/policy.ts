import type { Command } from "commander";
import { UserError } from "../errors.js";

export function registerPolicy(program: Command): void {
  program
    .command("policy")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'policy' is not implemented yet");
    });
}
