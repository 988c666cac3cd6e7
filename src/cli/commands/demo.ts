import type { Command } from "commander";
import { UserError } from "../errors.js";

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'demo' is not implemented yet");
    });
}
