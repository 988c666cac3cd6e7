import type { Command } from "commander";
import { UserError } from "../errors.js";

export function registerPush(program: Command): void {
  program
    .command("push")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'push' is not implemented yet");
    });
}
