import type { Command } from "commander";
import { UserError } from "../errors.js";

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'validate' is not implemented yet");
    });
}
