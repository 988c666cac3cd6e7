import type { Command } from "commander";
import { UserError } from "../errors.js";

export function registerWasmPlugin(program: Command): void {
  program
    .command("wasmplugin")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'wasmplugin' is not implemented yet");
    });
}
