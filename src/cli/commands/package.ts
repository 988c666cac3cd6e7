import type { Command } from "commander";
import { UserError } from "../errors.js";

export function registerPackage(program: Command): void {
  program
    .command("package")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'package' is not implemented yet");
    });
}
