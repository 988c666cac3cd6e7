import type { Command } from "commander";
import { UserError } from "../errors.js";

export function registerReplay(program: Command): void {
  program
    .command("replay")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'replay' is not implemented yet");
    });
}
